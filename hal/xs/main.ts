// The XS board bundle entry (build.config.ts: boards host and esp32): starts the agent on the
// XS HAL with the runner's settings and factory defaults (hal/xs/device.ts).
import { xsHost } from './host.ts';
import { startXsDevice } from './device.ts';

startXsDevice(xsHost());
