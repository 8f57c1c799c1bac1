// The XS board bundle entry (build.config.ts: boards host and esp32): binds the HAL to the
// native host functions and reports the start. The agent core is wired in here once it lands.
import { xsClock, xsHost, xsSystemBasics } from './index.ts';

const host = xsHost();
const clock = xsClock(host);
const system = xsSystemBasics(host);
const wall = clock.wallTimeMs();
system.log(
  'info',
  `tinyusp: XS HAL ready at ${clock.monotonicMs().toFixed(1)} ms, wall time ${wall === undefined ? 'unknown' : new Date(wall).toISOString()}`,
);
