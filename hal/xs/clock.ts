// HAL Clock over the XS host functions (hal/hal.ts). A class: its methods are preloaded (flash on
// a board), an instance is one object and a field, where closures made at start cost XS heap
// slots each (issue 10).
import type { Clock } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

class XsClock implements Clock {
  constructor(private readonly host: XsHostFunctions) {}

  monotonicMs(): number {
    return this.host.monotonicMs();
  }

  wallTimeMs(): number | undefined {
    return this.host.wallTimeMs();
  }
}

export function xsClock(host: XsHostFunctions): Clock {
  return Object.freeze(new XsClock(host));
}
