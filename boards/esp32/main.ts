// The esp32 board's entry: an ES module whose body only defines things (design.md: xsl runs the
// body at build time when it preloads the module), and `start()`, which the firmware calls to
// run the agent on the XS HAL with this board's profile and compiled-in factory defaults.
import { xsHost } from '../../hal/xs/host.ts';
import { startXsDevice } from '../../hal/xs/device.ts';
import { esp32Board } from './profile.ts';
import factoryDefaults from './defaults.json' with { type: 'json' };

const defaults: { readonly [path: string]: string } = Object.freeze(factoryDefaults);

export function start(): void {
  startXsDevice(xsHost(), { profile: esp32Board, defaults });
}
