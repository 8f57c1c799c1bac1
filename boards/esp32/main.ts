// The esp32 board's entry: an ES module whose body only defines things (design.md: xsl runs the
// body at build time when it preloads the module), and `start()`, which the firmware calls to
// run the agent on the XS HAL with this board's profile and compiled-in factory defaults.
import { xsHost } from '../../hal/xs/host.ts';
import { startXsDevice } from '../../hal/xs/device.ts';
import { esp32Board } from './profile.ts';
import type { Defaults } from '../../src/dm/api.ts';
import factoryDefaults from './defaults.json' with { type: 'json' };

// Nested by path segment (src/dm/api.ts Defaults: fewer, shorter keys in flash), every object
// frozen (xsl gives an unfrozen preloaded object an alias: RAM).
const defaults: Defaults = JSON.parse(JSON.stringify(factoryDefaults), (_k, v: unknown) => Object.freeze(v));

export function start(): void {
  startXsDevice(xsHost(), { profile: esp32Board, defaults });
}
