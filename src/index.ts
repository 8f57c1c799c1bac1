// tinyusp's public surface for a device maker: run the agent (startDevice on a HAL, or the
// sans-I/O createCore), and extend the TR-181 model with ModelModules built with the typed
// helpers. Everything else under src/ is internal.
export { startDevice, type Device, type DeviceOptions } from './device.ts';
export { createCore, type Core, type CoreOptions, type Peer, type PeerIdentity } from './core.ts';
// The `tree` to start a device with the maker's modules.
export { modelTree } from './model/index.ts';
export {
  defineModule, defineObject, param, alias, str, bool, uint, int, decimal, dateTime, strongRef, keys, list, command, event,
  type Param, type ParamOptions, type ObjectPart, type ObjectSpec,
} from './dm/define.ts';
export type {
  ModelModule, ObjectHandlers, HandlerContext, CommandHandler, CommandCall, AsyncOperation, InstanceChange,
  Transaction, Engine, Origin, Value, ParamDef, ObjectDef,
} from './dm/api.ts';
export { ErrorCode, UspError } from './errors.ts';
export { formatDateTime, parseDateTime, UNKNOWN_TIME } from './dm/values.ts';
