// HAL Timers over the XS host functions (hal/hal.ts): one-shot timers run by the runner's loop.
// A class, not closures made at start (XS heap slots, issue 10).
import type { Timers } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

class XsTimers implements Timers {
  constructor(private readonly host: XsHostFunctions) {}

  set(delayMs: number, callback: () => void): number {
    return this.host.setTimer(delayMs, callback);
  }

  clear(handle: number): void {
    this.host.clearTimer(handle);
  }
}

export function xsTimers(host: XsHostFunctions): Timers {
  return Object.freeze(new XsTimers(host));
}
