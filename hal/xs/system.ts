// The parts of the HAL System (hal/hal.ts) the XS host provides today: randomness, UTF-8 and
// logging. Reboot, factory reset and identity come with the board's firmware host modules.
import type { LogLevel, System } from '../hal.ts';
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
