// HAL Clock over the XS host functions (hal/hal.ts).
import type { Clock } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export function xsClock(host: XsHostFunctions): Clock {
  return Object.freeze({
    monotonicMs: () => host.monotonicMs(),
    wallTimeMs: () => host.wallTimeMs(),
  });
}
