// The codec's string cache. Short ASCII strings (USP parameter names, "true", "Up", ...) repeat
// across messages: a small cache returns the same string instead of building a new one.
// Bounded: 256 strings of at most 32 characters (8 KB of bytes), two-way set-associative so that two strings meeting in one set
// do not evict each other on every message; a hit is confirmed byte by byte.
import { asciiString, utf8Decode } from './utf8.ts';
import type { DecodeLimits } from './errors.ts';

const CACHE_SETS = 128;
export const CACHE_MAX_LEN = 32;
// Made on first use, not when the module loads: a board build runs module bodies at build time
// and keeps what they make in flash, read-only (design.md); this cache is written at run time.
let cache: string[] = [];
let cacheBytes = /* @__PURE__ */ new Uint8Array(0); // each entry's string as bytes
let cacheView = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(0)); // made with cacheBytes by makeCache()

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
  if (n === 0) return '';
  if (n > CACHE_MAX_LEN) return utf8Decode(buf, start, end);
  // The hash: length, first and last four bytes (where USP strings differ: "...SSID.1." and
  // "...SSID.2.", "wl0" and "wl1"), read as words when there is a view. Same value either way.
  let h: number;
  if (n < 4) h = n * 31 + buf[start] * 7 + buf[end - 1] * 1031;
  else if (view !== undefined) h = Math.imul(view.getUint32(start), 0x85ebca6b) ^ view.getUint32(end - 4) ^ n;
  else h = Math.imul(word(buf, start), 0x85ebca6b) ^ word(buf, end - 4) ^ n;
  const way0 = (Math.imul(h, 0x9e3779b1) >>> 25) << 1; // CACHE_SETS = 128
  if (cache.length === 0) makeCache();
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
  const base = way0 * CACHE_MAX_LEN;
  cache[way0 + 1] = cache[way0];
  cacheBytes.copyWithin(base + CACHE_MAX_LEN, base, base + CACHE_MAX_LEN);
  for (let i = start; i < end; i++) cacheBytes[base + i - start] = buf[i];
  return (cache[way0] = asciiString(buf, start, end));
}

function makeCache(): void {
  cache = [];
  for (let i = 0; i < 2 * CACHE_SETS; i++) cache.push('');
  cacheBytes = new Uint8Array(2 * CACHE_SETS * CACHE_MAX_LEN);
  cacheView = new DataView(cacheBytes.buffer);
}

/** The full codec's default bounds (decodeMsg, decodeRecord): DEFAULT_DECODE_LIMITS with the cache. */
export const CACHED_DECODE_LIMITS: DecodeLimits = /* @__PURE__ */ Object.freeze({ maxDepth: 32, maxBytes: 0x7fffffff, stringCache: shortString });
