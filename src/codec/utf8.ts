// UTF-8 for the codec, without TextEncoder/TextDecoder (not in XS by default): encode straight
// into the output buffer, and a strict decoder with a small cache for the short ASCII strings
// that make up most of USP (parameter names, "true", "Up", ...).
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

// Reusable scratch for non-ASCII string decoding.
const units: number[] = [];
const CHUNK = 4096;

// Short ASCII strings (USP parameter names, "true", "Up", ...) repeat across messages: a small
// cache returns the same string instead of building a new one. Bounded: 256 strings of at most
// 32 characters (8 KB of bytes), two-way set-associative so that two strings meeting in one set
// do not evict each other on every message; a hit is confirmed byte by byte.
const CACHE_SETS = 128;
export const CACHE_MAX_LEN = 32;
const cache: string[] = [];
for (let i = 0; i < 2 * CACHE_SETS; i++) cache.push('');
// Each entry's string as bytes; allocated on the first miss, not at module level: a board
// preloads module-level typed arrays read-only.
let cacheBytes = new Uint8Array(0);

const fromCharCode = String.fromCharCode;

/** ASCII bytes [p, end) as a string; four characters per call keeps it cheap. */
function asciiString(buf: Uint8Array, p: number, end: number): string {
  let s = '';
  for (; p + 4 <= end; p += 4) s += fromCharCode(buf[p], buf[p + 1], buf[p + 2], buf[p + 3]);
  for (; p < end; p++) s += fromCharCode(buf[p]);
  return s;
}

let cacheView = new DataView(cacheBytes.buffer);

/** Are bytes [start, start + n) of the input those of cache entry `e`? Four at a time with a view. */
function sameBytes(buf: Uint8Array, view: DataView | undefined, start: number, n: number, e: number): boolean {
  const base = e * CACHE_MAX_LEN;
  let i = 0;
  if (view !== undefined) for (; i + 4 <= n; i += 4) if (view.getUint32(start + i) !== cacheView.getUint32(base + i)) return false;
  for (; i < n; i++) if (buf[start + i] !== cacheBytes[base + i]) return false;
  return true;
}

/** Bytes p..p+3 as a big-endian word, as DataView.getUint32 reads them. */
function word(buf: Uint8Array, p: number): number {
  return ((buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3]) >>> 0;
}

/** A string of at most CACHE_MAX_LEN bytes, through the cache when it is ASCII. */
export function shortString(buf: Uint8Array, view: DataView | undefined, start: number, end: number): string {
  const n = end - start;
  // The hash: length, first and last four bytes (where USP strings differ: "...SSID.1." and
  // "...SSID.2.", "wl0" and "wl1"), read as words when there is a view. Same value either way.
  let h: number;
  if (n < 4) h = n * 31 + buf[start] * 7 + buf[end - 1] * 1031;
  else if (view !== undefined) h = Math.imul(view.getUint32(start), 0x85ebca6b) ^ view.getUint32(end - 4) ^ n;
  else h = Math.imul(word(buf, start), 0x85ebca6b) ^ word(buf, end - 4) ^ n;
  const way0 = (Math.imul(h, 0x9e3779b1) >>> 25) << 1; // CACHE_SETS = 128
  let c = cache[way0];
  if (c.length === n && sameBytes(buf, view, start, n, way0)) return c;
  c = cache[way0 + 1];
  if (c.length === n && sameBytes(buf, view, start, n, way0 + 1)) return c;
  return cacheMiss(buf, start, end, way0);
}

/**
 * Not cached: decode, and cache it when it is ASCII (kept apart so shortString stays small).
 * The new string takes way 0 of its set and the one there moves to way 1.
 */
function cacheMiss(buf: Uint8Array, start: number, end: number, way0: number): string {
  let p = start;
  while (p < end && buf[p] < 0x80) p++;
  if (p < end) return utf8Decode(buf, start, end);
  if (cacheBytes.length === 0) {
    cacheBytes = new Uint8Array(2 * CACHE_SETS * CACHE_MAX_LEN);
    cacheView = new DataView(cacheBytes.buffer);
  }
  const base = way0 * CACHE_MAX_LEN;
  cache[way0 + 1] = cache[way0];
  cacheBytes.copyWithin(base + CACHE_MAX_LEN, base, base + CACHE_MAX_LEN);
  for (let i = start; i < end; i++) cacheBytes[base + i - start] = buf[i];
  return (cache[way0] = asciiString(buf, start, end));
}

export function longString(buf: Uint8Array, start: number, end: number): string {
  let p = start;
  while (p < end && buf[p] < 0x80) p++;
  return p < end ? utf8Decode(buf, start, end) : asciiString(buf, start, end);
}

/** Strict UTF-8 (RFC 3629): overlong forms, surrogates, > U+10FFFF and cut sequences fail. */
export function utf8Decode(buf: Uint8Array, start: number, end: number): string {
  let p = start;
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
