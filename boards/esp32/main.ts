// The esp32 board entry: an ES module preloaded by xsl (firmware/xs-host/build.mjs), so its
// body only defines things; the runner (or the Moddable board) calls start() once the host
// functions are installed.
import { xsHost } from '../../hal/xs/host.ts';
import { startXsDevice } from '../../hal/xs/device.ts';

export function start(): void {
  startXsDevice(xsHost());
}
