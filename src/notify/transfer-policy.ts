// Controller.{i}.TransferCompletePolicy.ResultTypeFilter (TR-181, digest §4.4): the transfer
// results a Controller's TransferComplete! notifications include. Success: FaultCode 0 only;
// Failure: the others only; Both (the default): all.
import type { Engine } from '../dm/api.ts';

/** Whether `controller` (its row path with '.') is told of the event at `eventPath` with `args`. */
export function transferCompleteWanted(engine: Engine, controller: string, eventPath: string, args: { readonly [name: string]: string }): boolean {
  if (eventPath !== 'Device.LocalAgent.TransferComplete!') return true; // (no module constant: an xsl "no const")
  let filter = 'Both';
  try { filter = engine.get(controller + 'TransferCompletePolicy.ResultTypeFilter'); } catch { /* no such row or object: Both */ }
  const ok = args.FaultCode === '0';
  return filter === 'Success' ? ok : filter === 'Failure' ? !ok : true;
}
