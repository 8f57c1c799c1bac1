// HAL System over the XS host functions: randomness, UTF-8, logging, identity, and the board's
// restart (reboot and factory reset re-run the firmware on the same state: host-config.c).
import type { DeviceIdentity, LogLevel, System } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export type XsSystemBasics = Pick<System, 'randomBytes' | 'utf8Encode' | 'utf8Decode' | 'log'>;

export function xsSystemBasics(host: XsHostFunctions): XsSystemBasics {
  return Object.freeze({
    randomBytes: (length: number) => new Uint8Array(host.randomBytes(length)),
    utf8Encode: (text: string) => new Uint8Array(host.utf8Encode(text)),
    // The view's own window of its buffer, so a subarray decodes only its bytes.
    utf8Decode: (bytes: Uint8Array) => host.utf8Decode(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength),
    log: (level: LogLevel, message: string) => host.log(level, message),
  });
}

const LEVELS: readonly LogLevel[] = Object.freeze(['error', 'warn', 'info', 'debug'] as LogLevel[]);

export function isLogLevel(text: string): text is LogLevel {
  return LEVELS.indexOf(text as LogLevel) >= 0;
}

/** The whole System: messages above `logLevel` are dropped before they reach the host. */
export function xsSystem(host: XsHostFunctions, identity: DeviceIdentity, logLevel: LogLevel): System {
  const basics = xsSystemBasics(host);
  const max = LEVELS.indexOf(logLevel);
  const id = Object.freeze({ ...identity });
  return Object.freeze({
    ...basics,
    log: (level: LogLevel, message: string) => {
      if (LEVELS.indexOf(level) <= max) host.log(level, message);
    },
    identity: () => id,
    reboot: () => host.reboot(),
    factoryReset: () => host.factoryReset(),
  });
}
