// HAL Timers over the XS host functions (hal/hal.ts): one-shot timers run by the runner's loop.
import type { Timers } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export function xsTimers(host: XsHostFunctions): Timers {
  return Object.freeze({
    set: (delayMs: number, callback: () => void) => host.setTimer(delayMs, callback),
    clear: (handle: number) => host.clearTimer(handle),
  });
}
