// Protobuf wire primitives over fixed buffers (protobuf encoding spec: varint, zigzag, fixed32/64,
// length-delimited, tags). The Writer writes into a caller-provided Uint8Array and never
// allocates per field; the Reader checks every bound and fails with a typed DecodeError.
import { DecodeError, EncodeOverflowError } from './errors.ts';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

const MASK64 = 0xffffffffffffffffn;
const MASK32 = 0xffffffffn;

/** Bytes a varint of the unsigned 32-bit value v takes. */
export function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

export function zigzag32(v: number): number {
  return ((v << 1) ^ (v >> 31)) >>> 0;
}
export function unzigzag32(n: number): number {
  return (n >>> 1) ^ -(n & 1);
}
export function zigzag64(v: bigint): bigint {
  return (v < 0n ? (-v << 1n) - 1n : v << 1n) & MASK64;
}
export function unzigzag64(n: bigint): bigint {
  n &= MASK64;
  return n & 1n ? -((n + 1n) >> 1n) : n >> 1n;
}

/** Exact UTF-8 length of a JS string; a lone surrogate counts as U+FFFD (3 bytes), like TextEncoder. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Writes UTF-8 of s[from..] at buf[p..] (room already checked); returns the end position. */
function utf8Write(buf: Uint8Array, p: number, s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[p++] = 0xf0 | (c >> 18);
          buf[p++] = 0x80 | ((c >> 12) & 0x3f);
          buf[p++] = 0x80 | ((c >> 6) & 0x3f);
          buf[p++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd; // lone surrogate: what TextEncoder (and so protobuf-es) writes
      }
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

export class Writer {
  buf: Uint8Array;
  pos: number;
  cap: number;

  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.pos = 0;
    this.cap = buf.length;
  }

  /** Start over on another buffer (lets one Writer serve every encode). */
  reset(buf: Uint8Array): this {
    this.buf = buf;
    this.pos = 0;
    this.cap = buf.length;
    return this;
  }

  need(n: number): void {
    if (this.pos + n > this.cap) throw new EncodeOverflowError(this.cap);
  }

  byte(b: number): void {
    this.need(1);
    this.buf[this.pos++] = b;
  }

  /** Unsigned 32-bit varint (0 .. 2^32-1). */
  varint32(v: number): void {
    v >>>= 0;
    if (this.pos + 5 > this.cap) this.need(varintSize(v)); // exact check only near the end
    const buf = this.buf;
    let p = this.pos;
    while (v > 0x7f) {
      buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[p++] = v;
    this.pos = p;
  }

  /** A 64-bit varint given as two unsigned 32-bit halves. */
  varint64(lo: number, hi: number): void {
    if (this.pos + 10 > this.cap) {
      let n = 1;
      for (let l = lo, h = hi; h > 0 || l > 0x7f; n++) {
        l = ((l >>> 7) | (h << 25)) >>> 0;
        h >>>= 7;
      }
      this.need(n);
    }
    const buf = this.buf;
    let p = this.pos;
    while (hi > 0 || lo > 0x7f) {
      buf[p++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    buf[p++] = lo;
    this.pos = p;
  }

  /** int32 / enum: negative values take 10 bytes (sign-extended to 64 bits), as protobuf says. */
  int32(v: number): void {
    if (v >= 0) this.varint32(v);
    else this.varint64(v >>> 0, 0xffffffff);
  }

  uint64(v: bigint): void {
    v &= MASK64;
    if (v <= MASK32) this.varint32(Number(v));
    else this.varint64(Number(v & MASK32), Number(v >> 32n));
  }

  sint32(v: number): void {
    this.varint32(zigzag32(v));
  }

  sint64(v: bigint): void {
    this.uint64(zigzag64(v));
  }

  fixed32(v: number): void {
    this.need(4);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = v;
    buf[p + 1] = v >>> 8;
    buf[p + 2] = v >>> 16;
    buf[p + 3] = v >>> 24;
    this.pos = p + 4;
  }

  fixed64(v: bigint): void {
    v &= MASK64;
    this.fixed32(Number(v & MASK32));
    this.fixed32(Number(v >> 32n));
  }

  /** Field tag; every USP field number is < 16, so this is one byte there. */
  tag(no: number, wire: number): void {
    if (no < 16) this.byte((no << 3) | wire);
    else this.varint32(((no << 3) | wire) >>> 0);
  }

  /**
   * Length-prefixed UTF-8, encoded straight into the buffer, preceded by the one-byte tag
   * `tagByte` unless it is -1 (one capacity check for both).
   */
  string(s: string, tagByte = -1): void {
    const n = s.length;
    let start = this.pos;
    // Worst case is 3 bytes per UTF-16 unit; when that does not fit, size it exactly first.
    if (start + 6 + 3 * n > this.cap) {
      const len = utf8Length(s);
      this.need((tagByte >= 0 ? 1 : 0) + varintSize(len) + len);
      if (tagByte >= 0) this.buf[this.pos++] = tagByte;
      this.varint32(len);
      this.pos = utf8Write(this.buf, this.pos, s, 0);
      return;
    }
    const buf = this.buf;
    if (tagByte >= 0) buf[start++] = tagByte;
    // UTF-8 is at least one byte per UTF-16 unit, so this prefix size is a lower bound.
    const guess = n < 0x80 ? 1 : varintSize(n);
    let p = start + guess;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      buf[p++] = c;
    }
    if (i < n) p = utf8Write(buf, p, s, i);
    const len = p - start - guess;
    if (len < 0x80) {
      buf[start] = len;
      this.pos = p;
      return;
    }
    const size = varintSize(len);
    if (size !== guess) {
      buf.copyWithin(start + size, start + guess, p);
      p += size - guess;
    }
    this.pos = start;
    this.varint32(len);
    this.pos = p;
  }

  /** Length-prefixed bytes. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.need(varintSize(n) + n);
    this.varint32(n);
    if (n < 32) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = b[i];
    } else {
      this.buf.set(b, this.pos);
    }
    this.pos += n;
  }

  /**
   * Start a length-delimited field: writes the tag and reserves one length byte. Returns the
   * position of that byte for `join`. Sizes are not precomputed: `join` shifts the body when its
   * length needs more than one byte (cheaper than a sizing pass, measured in codec.bench.ts).
   */
  fork(no: number): number {
    const p = this.pos;
    if (no < 16 && p + 2 <= this.cap) {
      this.buf[p] = (no << 3) | WIRE_LEN;
      this.pos = p + 2;
      return p + 1;
    }
    this.tag(no, WIRE_LEN);
    this.need(1);
    return this.pos++;
  }

  join(at: number): void {
    const len = this.pos - at - 1;
    if (len < 0x80) {
      this.buf[at] = len;
      return;
    }
    const size = varintSize(len);
    this.need(size - 1);
    const end = this.pos;
    this.buf.copyWithin(at + size, at + 1, end);
    this.pos = at;
    this.varint32(len);
    this.pos = end + size - 1;
  }

  // Field writers that skip proto3 default values, like every protobuf encoder (canonical form).

  fieldString(no: number, s: string): void {
    if (s !== '') {
      if (no < 16) this.string(s, (no << 3) | WIRE_LEN);
      else {
        this.tag(no, WIRE_LEN);
        this.string(s);
      }
    }
  }

  fieldStrings(no: number, list: string[]): void {
    for (let i = 0; i < list.length; i++) {
      if (no < 16) this.string(list[i], (no << 3) | WIRE_LEN);
      else {
        this.tag(no, WIRE_LEN);
        this.string(list[i]);
      }
    }
  }

  fieldBytes(no: number, b: Uint8Array): void {
    if (b.length !== 0) {
      this.tag(no, WIRE_LEN);
      this.bytes(b);
    }
  }

  fieldFixed32(no: number, v: number): void {
    if (v !== 0) {
      this.tag(no, WIRE_FIXED32);
      this.fixed32(v);
    }
  }

  fieldBool(no: number, v: boolean): void {
    if (v) {
      this.tag(no, WIRE_VARINT);
      this.byte(1);
    }
  }

  fieldEnum(no: number, v: number): void {
    if (v !== 0) {
      this.tag(no, WIRE_VARINT);
      this.int32(v);
    }
  }

  fieldUint64(no: number, v: bigint): void {
    if (v !== 0n) {
      this.tag(no, WIRE_VARINT);
      this.uint64(v);
    }
  }

  /** map<string,string>: one entry message {1: key, 2: value} per key, in Object.keys order, key and value always written (as protobuf-es does). */
  fieldMap(no: number, map: { [key: string]: string }): void {
    const keys = Object.keys(map);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const at = this.fork(no);
      this.string(k, 0x0a); // entry field 1: key
      this.string(map[k], 0x12); // entry field 2: value
      this.join(at);
    }
  }
}

// Reusable scratch for non-ASCII string decoding.
const units: number[] = [];
const CHUNK = 4096;

// Short ASCII strings (USP parameter names, "true", "Up", ...) repeat across messages: a small
// two-way set-associative cache returns the same string instead of building a new one.
// Bounded: 256 slots of at most 32 characters (~8 KB of bytes); a hit is confirmed byte by byte.
const CACHE_SLOTS = 256;
const CACHE_MAX_LEN = 32;
const cache: string[] = [];
for (let i = 0; i < CACHE_SLOTS; i++) cache.push('');
const cacheBytes = new Uint8Array(CACHE_SLOTS * CACHE_MAX_LEN); // each slot's string as bytes
const cacheRecent = new Uint8Array(CACHE_SLOTS / 2); // per pair: the way hit or filled last

const fromCharCode = String.fromCharCode;

/** ASCII bytes [p, end) as a string; four characters per call keeps it cheap. */
function asciiString(buf: Uint8Array, p: number, end: number): string {
  let s = '';
  for (; p + 4 <= end; p += 4) s += fromCharCode(buf[p], buf[p + 1], buf[p + 2], buf[p + 3]);
  for (; p < end; p++) s += fromCharCode(buf[p]);
  return s;
}

/** A string of at most CACHE_MAX_LEN bytes, through the cache when it is ASCII. */
function shortString(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  const h = (n * 31 + buf[start] * 7 + buf[start + (n >> 2)] * 131 + buf[start + (n >> 1)] * 17 +
    buf[start + ((3 * n) >> 2)] * 251 + buf[end - 2 + (n === 1 ? 1 : 0)] * 3 + buf[end - 1] * 1031) | 0;
  const slot = Math.imul(h, 0x9e3779b1) >>> 24; // CACHE_SLOTS = 256
  const c = cache[slot];
  const base = slot * CACHE_MAX_LEN;
  if (c.length === n) {
    let i = 0;
    while (i < n && cacheBytes[base + i] === buf[start + i]) i++;
    if (i === n) return c;
  }
  return cacheMiss(buf, start, end, slot);
}

/** Not cached: decode, and cache it when it is ASCII (kept apart so shortString stays small). */
function cacheMiss(buf: Uint8Array, start: number, end: number, slot: number): string {
  let p = start;
  while (p < end && buf[p] < 0x80) p++;
  if (p < end) return utf8Decode(buf, start, end);
  const base = slot * CACHE_MAX_LEN;
  for (let i = start; i < end; i++) cacheBytes[base + i - start] = buf[i];
  return (cache[slot] = asciiString(buf, start, end));
}

function longString(buf: Uint8Array, start: number, end: number): string {
  let p = start;
  while (p < end && buf[p] < 0x80) p++;
  return p < end ? utf8Decode(buf, start, end) : asciiString(buf, start, end);
}

/** Strict UTF-8 (RFC 3629): overlong forms, surrogates, > U+10FFFF and cut sequences fail. */
function utf8Decode(buf: Uint8Array, start: number, end: number): string {
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

/**
 * A new decoded map<string,string> object. It has no inherited properties: its prototype is
 * an empty, frozen object with a null prototype, so a hostile "__proto__" or "constructor"
 * key is plain data, as with Object.create(null). (V8 keeps Object.create(null) objects in
 * slow dictionary mode; these stay fast, ~25% on a 100-param GetResp decode.)
 */
export function newStringMap(): { [key: string]: string } {
  return new (StringMapObject as unknown as new () => { [key: string]: string })();
}
function StringMapObject(): void {}
StringMapObject.prototype = Object.freeze(Object.create(null));

export class Reader {
  buf: Uint8Array;
  pos: number;
  /** End of the input. */
  len: number;
  maxDepth: number;

  constructor(buf: Uint8Array, maxDepth: number) {
    this.buf = buf;
    this.pos = 0;
    this.len = buf.length;
    this.maxDepth = maxDepth;
  }

  /** Start over on another input (lets one Reader serve every decode). */
  reset(buf: Uint8Array, maxDepth: number): this {
    this.buf = buf;
    this.pos = 0;
    this.len = buf.length;
    this.maxDepth = maxDepth;
    return this;
  }

  fail(reason: ConstructorParameters<typeof DecodeError>[0]): never {
    throw new DecodeError(reason, this.pos);
  }

  /** A varint's low 32 bits, unsigned; consumes all of it (at most 10 bytes). */
  varint32(): number {
    const buf = this.buf;
    let p = this.pos;
    if (p >= this.len) this.fail('truncated');
    let b = buf[p++];
    if (b < 0x80) {
      this.pos = p;
      return b;
    }
    let v = b & 0x7f;
    for (let shift = 7; shift < 35; shift += 7) {
      if (p >= this.len) this.fail('truncated');
      b = buf[p++];
      v |= (b & 0x7f) << shift; // bits past 32 fall off, as int32/uint32 decoding says
      if (b < 0x80) {
        this.pos = p;
        return v >>> 0;
      }
    }
    // Bytes 6..10 only carry high bits we drop; an 11th byte is malformed.
    for (let i = 5; i < 10; i++) {
      if (p >= this.len) this.fail('truncated');
      if (buf[p++] < 0x80) {
        this.pos = p;
        return v >>> 0;
      }
    }
    this.pos = p;
    return this.fail('overlong');
  }

  uint64(): bigint {
    const buf = this.buf;
    let p = this.pos;
    let lo = 0;
    let hi = 0;
    let b = 0x80;
    let i = 0;
    for (; i < 10 && b >= 0x80; i++) {
      if (p >= this.len) this.fail('truncated');
      b = buf[p++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
    }
    this.pos = p;
    if (b >= 0x80) this.fail('overlong');
    lo >>>= 0;
    hi >>>= 0;
    return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
  }

  int32(): number {
    return this.varint32() | 0;
  }

  sint32(): number {
    return unzigzag32(this.varint32());
  }

  sint64(): bigint {
    return unzigzag64(this.uint64());
  }

  /** An enum value; one the schema does not define is an error (R-ENC.2). */
  enumOf(max: number): number {
    const v = this.varint32() | 0;
    if (v < 0 || v > max) this.fail('unknown-enum');
    return v;
  }

  bool(): boolean {
    const buf = this.buf;
    let p = this.pos;
    let any = 0;
    for (let i = 0; i < 10; i++) {
      if (p >= this.len) this.fail('truncated');
      const b = buf[p++];
      any |= b & 0x7f;
      if (b < 0x80) {
        this.pos = p;
        return any !== 0;
      }
    }
    this.pos = p;
    return this.fail('overlong');
  }

  fixed32(): number {
    const p = this.pos;
    if (p + 4 > this.len) this.fail('truncated');
    const buf = this.buf;
    this.pos = p + 4;
    return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
  }

  fixed64(): bigint {
    const lo = this.fixed32();
    const hi = this.fixed32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** Reads a length prefix; returns the end of the bytes it announces. */
  lenEnd(): number {
    const n = this.varint32();
    if (n > this.len - this.pos) this.fail('truncated');
    return this.pos + n;
  }

  /** Enters a submessage at depth d + 1; returns its end. */
  sub(d: number): number {
    if (d >= this.maxDepth) this.fail('too-deep');
    const p = this.pos;
    const n = p < this.len ? this.buf[p] : 0x80;
    if (n < 0x80 && n < this.len - p) {
      this.pos = p + 1; // one-byte length, the common case
      return p + 1 + n;
    }
    return this.lenEnd();
  }

  /** After a message's field loop: the last field must end exactly at the message's end. */
  done(end: number): void {
    if (this.pos !== end) this.fail('truncated');
  }

  /** Bytes as a view into the input (like protobuf-es): copy it to keep it past the input buffer. */
  bytes(): Uint8Array {
    const end = this.lenEnd();
    const start = this.pos;
    this.pos = end;
    return this.buf.subarray(start, end);
  }

  /** A length-prefixed string; strict UTF-8 (see utf8Decode). */
  string(): string {
    const buf = this.buf;
    let start = this.pos;
    let n = start < this.len ? buf[start] : 0x80;
    if (n < 0x80) start++; // one-byte length, the common case
    else {
      n = this.varint32();
      start = this.pos;
    }
    if (n > this.len - start) this.fail('truncated');
    const end = start + n;
    this.pos = end;
    if (n === 0) return '';
    return n <= CACHE_MAX_LEN ? shortString(buf, start, end) : longString(buf, start, end);
  }

  /** Skips a field of a number this message does not know (unknown fields are ignored). */
  skip(tag: number, d: number): void {
    const no = tag >>> 3;
    if (no === 0) this.fail('bad-field-number');
    switch (tag & 7) {
      case WIRE_VARINT:
        this.varint32();
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > this.len) this.fail('truncated');
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.pos = this.lenEnd();
        return;
      case WIRE_START_GROUP:
        // A (deprecated) group: skip to its matching end-group; nesting counts as depth.
        if (d >= this.maxDepth) this.fail('too-deep');
        for (;;) {
          const t = this.varint32();
          if ((t & 7) === WIRE_END_GROUP) {
            if (t >>> 3 !== no) this.fail('bad-wire-type');
            return;
          }
          this.skip(t, d + 1);
        }
      case WIRE_FIXED32:
        if (this.pos + 4 > this.len) this.fail('truncated');
        this.pos += 4;
        return;
      default: // end-group without a start, or wire types 6 and 7
        this.fail('bad-wire-type');
    }
  }

  /**
   * map<string,string> entries into `map` (made by newStringMap): this one, whose tag was just
   * read, and any that directly follow with the same one-byte tag (one call per map, not per entry).
   */
  mapEntries(map: { [key: string]: string }, tagByte: number, msgEnd: number, d: number): void {
    const buf = this.buf;
    if (d >= this.maxDepth) this.fail('too-deep');
    for (;;) {
      // The entry's length: one byte is the common case.
      let end: number;
      const n = buf[this.pos];
      if (n < 0x80 && n < this.len - this.pos) end = ++this.pos + n;
      else end = this.lenEnd();
      let key = '';
      let value = '';
      // Canonical layout first: key (field 1) then value (field 2), one-byte lengths.
      let p = this.pos;
      if (p + 2 <= end && buf[p] === 0x0a && buf[p + 1] < 0x80 && p + 2 + buf[p + 1] <= end) {
        const ks = p + 2;
        p = ks + buf[p + 1];
        key = p === ks ? '' : p - ks <= CACHE_MAX_LEN ? shortString(buf, ks, p) : longString(buf, ks, p);
        if (p + 2 <= end && buf[p] === 0x12 && buf[p + 1] < 0x80 && p + 2 + buf[p + 1] <= end) {
          const vs = p + 2;
          p = vs + buf[p + 1];
          value = p === vs ? '' : p - vs <= CACHE_MAX_LEN ? shortString(buf, vs, p) : longString(buf, vs, p);
        }
        this.pos = p;
      }
      while (this.pos < end) {
        const t = this.varint32();
        if (t === 0x0a) key = this.string();
        else if (t === 0x12) value = this.string();
        else this.skip(t, d + 1);
      }
      this.done(end);
      map[key] = value;
      if (this.pos >= msgEnd || buf[this.pos] !== tagByte) return;
      this.pos++;
    }
  }
}
