// The agent's one UTF-8 implementation, without TextEncoder/TextDecoder (not in XS by default):
// encode straight into an output buffer, and a strict decoder with a small cache for the short
// ASCII strings that make up most of USP (parameter names, "true", "Up", ...). CoAP options and
// storage records use utf8Encode/utf8Decode below.
import { DecodeError } from './errors.ts';

/** Exact UTF-8 length of a JS string; a lone surrogate counts as U+FFFD (3 bytes), like TextEncoder. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c > 0xffff) n += 4; // XS: an astral character is one unit holding its code point
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Writes UTF-8 of s[from..] at buf[p..] (room already checked); returns the end position. */
export function utf8Write(buf: Uint8Array, p: number, s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else {
      // A surrogate pair (UTF-16 engines), or one unit above U+FFFF (XS: strings are not
      // UTF-16, charCodeAt gives an astral character's code point).
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair || c > 0xffff) {
        if (pair) c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[p++] = 0xf0 | (c >> 18);
        buf[p++] = 0x80 | ((c >> 12) & 0x3f);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // lone surrogate: what TextEncoder (and so protobuf-es) writes
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

const fromCharCode = String.fromCharCode;

/** ASCII bytes [p, end) as a string; four characters per call keeps it cheap. */
export function asciiString(buf: Uint8Array, p: number, end: number): string {
  let s = '';
  // Long strings 64 characters per call: fewer intermediate strings (XS copies on each +=).
  for (; p + 64 <= end; p += 64) s += fromCharCode.apply(null, buf.subarray(p, p + 64) as unknown as number[]);
  for (; p + 4 <= end; p += 4) s += fromCharCode(buf[p], buf[p + 1], buf[p + 2], buf[p + 3]);
  for (; p < end; p++) s += fromCharCode(buf[p]);
  return s;
}

// Reusable scratch for non-ASCII string decoding, kept small: on XS an array item is a 16-byte
// slot in the chunk heap (4096 units were 64 KB of a 64 KB board heap).
const units: number[] = [];
const CHUNK = 64;


/** A string as a new array of its UTF-8 bytes (a lone surrogate becomes U+FFFD, like TextEncoder). */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  utf8Write(out, 0, s, 0);
  return out;
}

/**
 * Strict UTF-8 (RFC 3629) of buf[start, end): overlong forms, surrogates, > U+10FFFF and cut
 * sequences throw DecodeError('bad-utf8').
 */
export function utf8Decode(buf: Uint8Array, start = 0, end = buf.length): string {
  let p = start;
  while (p < end && buf[p] < 0x80) p++;
  if (p === end) return asciiString(buf, start, end); // most storage records and USP strings
  p = start;
  let s = '';
  let k = 0;
  while (p < end) {
    let c = buf[p++];
    if (c >= 0x80) {
      const at = p - 1;
      let need: number;
      let min: number;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        min = 0x80;
        c &= 0x1f;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        min = 0x800;
        c &= 0x0f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        min = 0x10000;
        c &= 0x07;
      } else {
        throw new DecodeError('bad-utf8', at);
      }
      if (p + need > end) throw new DecodeError('bad-utf8', at);
      for (let j = 0; j < need; j++) {
        const d = buf[p++];
        if ((d & 0xc0) !== 0x80) throw new DecodeError('bad-utf8', at);
        c = (c << 6) | (d & 0x3f);
      }
      if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) throw new DecodeError('bad-utf8', at);
      if (c >= 0x10000) {
        c -= 0x10000;
        units[k++] = 0xd800 | (c >> 10);
        c = 0xdc00 | (c & 0x3ff);
      }
    }
    units[k++] = c;
    if (k >= CHUNK) {
      s += fromCharCode.apply(null, units.length === k ? units : units.slice(0, k));
      k = 0;
    }
  }
  if (k > 0) {
    if (units.length > k) units.length = k;
    s += fromCharCode.apply(null, units);
  }
  return s;
}
