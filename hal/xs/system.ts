// HAL System over the XS host functions: randomness, logging, identity, and the board's
// restart (reboot and factory reset re-run the firmware on the same state: host-config.c).
import type { DeviceIdentity, LogLevel, System } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export type XsSystemBasics = Pick<System, 'randomBytes' | 'log'>;

export function xsSystemBasics(host: XsHostFunctions): XsSystemBasics {
  return Object.freeze({
    randomBytes: (length: number) => new Uint8Array(host.randomBytes(length)),
    log: (level: LogLevel, message: string) => host.log(level, message),
  });
}

// The levels, most severe first: one string, not a preloaded array (issue 10). A level's rank is
// where its word starts in it.
const LEVELS = ' error warn info debug ';

export function isLogLevel(text: string): text is LogLevel {
  return LEVELS.indexOf(' ' + text + ' ') >= 0;
}

/** The whole System: messages above `logLevel` are dropped before they reach the host. */
export function xsSystem(host: XsHostFunctions, identity: DeviceIdentity, logLevel: LogLevel): System {
  const max = LEVELS.indexOf(' ' + logLevel + ' ');
  const id = Object.freeze({ ...identity });
  // its own randomBytes, not xsSystemBasics's (whose log this one replaces): on a board only this runs;
  // the host functions themselves where they fit (none of them reads `this`)
  return Object.freeze({
    randomBytes: (length: number) => new Uint8Array(host.randomBytes(length)),
    log: (level: LogLevel, message: string) => {
      if (LEVELS.indexOf(' ' + level + ' ') <= max) host.log(level, message);
    },
    identity: () => id,
    reboot: host.reboot,
    factoryReset: host.factoryReset,
  });
}
