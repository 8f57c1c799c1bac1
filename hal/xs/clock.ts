// HAL Clock over the XS host functions (hal/hal.ts): the host object itself, whose monotonicMs()
// and wallTimeMs() are the Clock's (hal/xs/host.ts). No class that forwards to them: its
// constructor, prototype and two methods were flash on a board (issue 10).
import type { Clock } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export function xsClock(host: XsHostFunctions): Clock {
  return host;
}
