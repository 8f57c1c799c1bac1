// The TR-181 model of tinyusp: the modules the engine is created with. A device maker appends
// its own modules (examples/x-acme-thermostat/model.ts) without touching src/.
import type { Engine, ModelModule } from '../dm/api.ts';
import { buildTree, type SchemaTree } from '../dm/schema.ts';
import { CONTROLLER_TRUST_OBJECTS } from './controller-trust.ts';
import { DEVICE_OBJECTS } from './device.ts';
import { LOCAL_AGENT_OBJECTS } from './local-agent.ts';
import { bootParameterMap } from './boot-params.ts';
import { controllerTrustModule } from './controller-trust.ts';
import { bootEventArgs, deviceModule } from './device.ts';
import type { BootInfo } from './boot-record.ts';
import { localAgentModule, type LocalAgentHooks } from './local-agent.ts';
import { FIRMWARE_OBJECTS, firmwareModule } from './firmware.ts';
import { DEFAULT_FIRMWARE_LIMITS, FirmwareManager } from '../ota/manager.ts';

export interface Tr181Model {
  readonly modules: ModelModule[];
  /** What this boot looked like (valid once the engine has booted the modules). */
  bootInfo(): BootInfo;
  /** Device.Boot! arguments for one recipient Controller (digest §4.4: its own ParameterMap). */
  bootEvent(engine: Engine, controllerPath: string): { [name: string]: string };
  /** Download()/Activate() state, confirmation and the switch reboot (driven by the core). */
  readonly firmware: FirmwareManager;
}

/**
 * The schema tree of the TR-181 objects and then those of a device maker's `modules` (the
 * `tree` to start a device with them). A board calls it at module level, so that xsl runs it
 * at build time: the frozen tree lands in flash, and the code that builds trees is not in the
 * device's image (issue 10).
 */
export const modelTree = (modules: readonly ModelModule[] = []): SchemaTree =>
  buildTree([DEVICE_OBJECTS, FIRMWARE_OBJECTS, LOCAL_AGENT_OBJECTS, CONTROLLER_TRUST_OBJECTS].concat(modules.map((m) => m.objects)));

/** The schema tree of the TR-181 modules (tr181Model()), built when the module loads (see modelTree). */
// Pure: a bundle that does not use it (the codec's XS test) drops it rather than building it.
export const TR181_TREE = /* @__PURE__ */ modelTree();

/** Fresh module instances (they hold per-boot state such as the UpTime origin and boot cause). */
export function tr181Model(hooks: LocalAgentHooks = {}, firmware = new FirmwareManager(DEFAULT_FIRMWARE_LIMITS)): Tr181Model {
  const device = deviceModule();
  return {
    firmware,
    modules: [device, firmwareModule(firmware), localAgentModule(hooks), controllerTrustModule()],
    bootInfo: () => device.bootInfo(),
    bootEvent: (engine, controllerPath) => bootEventArgs(device.bootInfo(), bootParameterMap(engine, controllerPath)),
  };
}

export function tr181Modules(hooks: LocalAgentHooks = {}): ModelModule[] {
  return tr181Model(hooks).modules;
}

export type { LocalAgentHooks } from './local-agent.ts';
export type { BootInfo } from './boot-record.ts';
