// Starts the agent (src/device.ts) on the XS HAL for the board whose entry calls it
// (boards/esp32/main.ts). The runner hands over its settings as `--arg name=value` (host.arg)
// and the factory defaults as JSON text (host.defaultsJson), which replace the defaults the
// board compiled in.
//   --arg allow-nosec=true     plaintext CoAP (the runner's --allow-nosec)
//   --arg host=ADDR            local address to bind and advertise (default 127.0.0.1)
//   --arg port=N               override Device.LocalAgent.MTP.{i}.CoAP.Port (0: any free port)
//   --arg log-level=LEVEL      error | warn | info | debug (default info)
//   --arg serial=SN            Device.DeviceInfo.SerialNumber (default XS0001)
//   --arg software-version=V   Device.DeviceInfo.SoftwareVersion (default 0.0.0)
// On start it prints `ready <endpointId> <uri>` on stdout, as the Node simulator does.
import type { Hal } from '../hal.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import type { ModelModule } from '../../src/dm/api.ts';
import { startDevice, type Device } from '../../src/device.ts';
import type { XsHostFunctions } from './host.ts';
import { xsClock } from './clock.ts';
import { xsDtls } from './dtls.ts';
import { xsNet } from './net.ts';
import { xsStorage } from './storage.ts';
import { isLogLevel, xsSystem } from './system.ts';
import { xsTimers } from './timers.ts';

export type Defaults = { readonly [path: string]: string };

/** Exit code of a configuration the firmware cannot start with (as a usage error). */
export const EXIT_CONFIG = 2;

/** Parses a defaults file: a flat JSON object of "Device.…" path -> string value. */
export function parseDefaults(text: string): Defaults {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TypeError('defaults must be a JSON object of "Device.…" path -> string value');
  }
  const entries = data as { [path: string]: unknown };
  for (const k of Object.keys(entries)) {
    if (k.indexOf('Device.') !== 0 || typeof entries[k] !== 'string') {
      throw new TypeError(`defaults entry "${k}" must be a "Device.…" path with a string value`);
    }
  }
  return entries as Defaults;
}

function fail(host: XsHostFunctions, message: string): never {
  host.log('error', `tinyusp: ${message}`);
  host.exit(EXIT_CONFIG);
  throw new Error(message); // exit() does not return
}

export interface XsBoard {
  profile: BoardProfile;
  /** Factory defaults compiled into the firmware (the runner's --defaults replaces them). */
  defaults?: Defaults;
  /** A device maker's model modules, added to the built-in TR-181 model. */
  modules?: readonly ModelModule[];
}

export function startXsDevice(host: XsHostFunctions, boardSpec: XsBoard): Device {
  const board = boardSpec.profile;
  const level = host.arg('log-level') ?? 'info';
  if (!isLogLevel(level)) fail(host, `log-level must be error, warn, info or debug, not ${level}`);
  let port: number | undefined;
  const portText = host.arg('port');
  if (portText !== undefined) {
    port = Number(portText);
    if (!(port >= 0 && port <= 65535 && port === Math.floor(port)) || portText === '') fail(host, `port must be 0..65535, not ${portText}`);
  }
  let defaults = boardSpec.defaults;
  const text = host.defaultsJson();
  if (text !== undefined) {
    try {
      defaults = parseDefaults(text);
    } catch (e) {
      fail(host, `--defaults: ${(e as Error).message}`);
    }
  }
  const clock = xsClock(host);
  const hal: Hal = {
    net: xsNet(host),
    dtls: xsDtls(host, clock),
    clock,
    timers: xsTimers(host),
    storage: xsStorage(host),
    system: xsSystem(host, {
      manufacturer: 'tinyusp',
      oui: '00D09E',
      productClass: 'XS',
      serialNumber: host.arg('serial') ?? 'XS0001',
      modelName: 'tinyusp-xs-' + board.name,
      hardwareVersion: board.name,
      softwareVersion: host.arg('software-version') ?? '0.0.0',
    }, level),
  };
  let device: Device | undefined;
  try {
    device = startDevice({
      hal,
      board,
      defaults,
      modules: boardSpec.modules,
      allowNoSec: host.arg('allow-nosec') === 'true',
      host: host.arg('host'),
      port,
      // One line with `ready` for scripts and tests to wait on (as tools/cli/agent.ts).
      onReady: (uri) => host.print(`ready ${device ? device.core.endpointId() : ''} ${uri}`),
      onFatal: (m) => fail(host, m),
    });
  } catch (e) {
    fail(host, (e as Error).message);
  }
  return device as Device;
}
