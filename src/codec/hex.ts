// Lower-case hex of bytes: digests (CheckSum, certificate SHA-256) and hexBinary values; and
// character-class checks done without a regexp (on XS a preloaded regexp is 0.2-1.4 KB of flash).
const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return s;
}

/** Hex digits in either case. */
export const HEX_DIGITS = HEX + 'ABCDEF';

/** ASCII letters and digits. */
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Every character of `s` is in `set` (`inSet`), or none is (!`inSet`). */
export function allIn(s: string, set: string, inSet: boolean): boolean {
  for (let i = 0; i < s.length; i++) if ((set.indexOf(s[i]) >= 0) !== inSet) return false;
  return true;
}
