// Starts the agent (src/device.ts) on the XS HAL for the board whose entry calls it
// (boards/esp32/main.ts). The runner hands over its settings as `--arg name=value` (host.arg)
// and the factory defaults as JSON text (host.defaultsJson), which replace the defaults the
// board compiled in.
//   --arg allow-nosec=true     plaintext CoAP (the runner's --allow-nosec)
//   --cert/--key/--ca FILE     DTLS certificate mode: the runner reads the PEM files (a device
//                              keeps them in its flash) and hands them over by credential(name)
//   --arg psk-identity=ID --arg psk=HEX [--arg psk-controller=ENDPOINT_ID]
//                              DTLS with a Controller's pre-shared key (as `tinyusp agent`)
//   --arg host=ADDR            local address to bind and advertise (default 127.0.0.1)
//   --arg port=N               override Device.LocalAgent.MTP.{i}.CoAP.Port (0: any free port)
//   --arg log-level=LEVEL      error | warn | info | debug (default info)
//   --arg serial=SN            Device.DeviceInfo.SerialNumber (default XS0001)
//   --arg software-version=V   Device.DeviceInfo.SoftwareVersion (default 0.0.0)
//   --arg fw-boot=S,T,R        started by the boot loader from firmware slot S (T: 1 on trial; R:
//                              the slot it rolled back from, or -1): the A/B slots HAL is present
// On start it prints `ready <endpointId> <uri>` on stdout, as the Node simulator does.
import type { Hal } from '../hal.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import type { ModelModule } from '../../src/dm/api.ts';
import type { SchemaTree } from '../../src/dm/schema.ts';
import { startDevice, type Device } from '../../src/device.ts';
import type { DtlsCredentials } from '../../src/dtls/credentials.ts';
import type { XsHostFunctions } from './host.ts';
import { xsClock } from './clock.ts';
import { xsDtls } from './dtls.ts';
import { xsNet } from './net.ts';
import { xsStorage } from './storage.ts';
import { isLogLevel, xsSystem } from './system.ts';
import { xsTimers } from './timers.ts';
import { xsBootChoice, xsFirmware } from './firmware.ts';
import { xsHttp } from './http.ts';
import { xsHash } from './hash.ts';
import { allIn, HEX_DIGITS } from '../../src/codec/hex.ts';

/** Factory defaults, flat or nested (src/dm/api.ts: the board's compiled-in ones are nested). */
export type { Defaults } from '../../src/dm/api.ts';
import type { Defaults } from '../../src/dm/api.ts';

/** Exit code of a configuration the firmware cannot start with (as a usage error). */
export const EXIT_CONFIG = 2;

/**
 * Parses a defaults file: a flat JSON object of "Device.…" path -> string value, into a list
 * [path, value...] (Defaults), read as one: '{' '}' ':' outside strings become '[' ']' ','.
 * JSON.parse of the object would make an XS key of each path, never freed (the board's own
 * defaults are nested, so the paths are not keys of the image already).
 */
export function parseDefaults(text: string): Defaults {
  const notObject = 'defaults must be a JSON object of "Device.…" path -> string value';
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[') throw new TypeError(notObject); // no list anywhere: every list read is an object
    else if (c === '{' || c === '}' || c === ':') {
      parts.push(text.slice(from, i), c === '{' ? '[' : c === '}' ? ']' : ',');
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  const pairs: unknown = JSON.parse(parts.join(''));
  if (!Array.isArray(pairs)) throw new TypeError(notObject);
  for (let i = 0; i < pairs.length; i += 2) {
    const k: unknown = pairs[i];
    if (typeof k !== 'string' || k.indexOf('Device.') !== 0 || typeof pairs[i + 1] !== 'string') {
      throw new TypeError(`defaults entry "${String(k)}" must be a "Device.…" path with a string value`);
    }
  }
  return pairs as string[];
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
  /** A device maker's model modules, added to the built-in TR-181 model, and their schema tree:
   * modelTree(modules) (src/model), built at module level so that xsl preloads it. */
  modules?: readonly ModelModule[];
  tree?: SchemaTree;
}

/** Bytes of an even-length hex string, or undefined when it is not one. */
function hexBytes(hex: string): Uint8Array | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !allIn(hex, HEX_DIGITS, true)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The DTLS credentials the runner was given, or undefined (src/device.ts checks them). */
function xsCredentials(host: XsHostFunctions): DtlsCredentials | undefined {
  const c: DtlsCredentials = {};
  const cert = host.credential('cert');
  const key = host.credential('key');
  const ca = host.credential('ca');
  if (cert) c.certificate = new Uint8Array(cert);
  if (key) c.privateKey = new Uint8Array(key);
  if (ca) c.trustAnchors = [new Uint8Array(ca)];
  const identity = host.arg('psk-identity');
  const hex = host.arg('psk');
  if ((identity === undefined) !== (hex === undefined)) fail(host, 'psk-identity and psk go together');
  if (identity !== undefined && hex !== undefined) {
    const k = hexBytes(hex);
    if (!k) fail(host, 'psk must be hexadecimal (an even number of digits)');
    c.psk = [{ identity, key: k, endpointId: host.arg('psk-controller') }];
  }
  return c.certificate || c.privateKey || c.trustAnchors || c.psk ? c : undefined;
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
  const boot = xsBootChoice(host.arg('fw-boot'));
  const clock = xsClock(host);
  const credentials = xsCredentials(host);
  const timers = xsTimers(host);
  // SHA from the runner's mbedTLS for the image checks (only a slot-booted runner downloads);
  // so the board carries no portable JS digest (src/ota/hash.ts).
  const hash = boot && xsHash(host);
  const hal: Hal = {
    firmware: boot && hash && xsFirmware(host, boot, hash),
    hash,
    net: xsNet(host),
    // The DTLS HAL only with credentials: without them nothing uses it (XS heap slots).
    dtls: credentials && xsDtls(host, clock),
    clock,
    timers,
    // Image downloads (Download()): https:// with the runner's --ca as the trust anchors.
    http: boot && xsHttp(host, clock, timers, { ca: host.credential('ca'), blockBytes: board.limits.coapBlockBytes }),
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
      tree: boardSpec.tree,
      credentials,
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
