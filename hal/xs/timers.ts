// HAL Timers over the XS host functions (hal/hal.ts): one-shot timers run by the runner's loop.
// The runner's functions as they are: no closures made at start (XS heap slots) and no class
// (flash; issue 10).
import type { Timers } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export function xsTimers(host: XsHostFunctions): Timers {
  // The host functions themselves (neither reads `this`): no class or closure of our own.
  return Object.freeze({ set: host.setTimer, clear: host.clearTimer });
}
