// Protobuf wire primitives over fixed buffers (protobuf encoding spec: varint, fixed32,
// length-delimited, tags). The Writer writes into a caller-provided Uint8Array and never
// allocates per field; the Reader (reader.ts) checks every bound and fails with a typed
// DecodeError; UTF-8 is in utf8.ts. USP has no sint32/sint64/fixed64 field (usp-wire-schema.md),
// so their primitives are left out (issue 10: flash).
import { EncodeOverflowError } from './errors.ts';
import { utf8Length, utf8Write } from './utf8.ts';

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


/**
 * A uint64 varint. A function, not a Writer method: only the Session Context Record has uint64
 * fields, and an Agent never writes one, so the device bundle leaves it out (issue 10: flash).
 */
export function writeUint64(w: Writer, v: bigint): void {
  v &= MASK64;
  let lo = Number(v & MASK32);
  let hi = Number(v >> 32n);
  if (hi === 0) return w.varint32(lo);
  let n = 1;
  for (let l = lo, h = hi; h > 0 || l > 0x7f; n++) {
    l = ((l >>> 7) | (h << 25)) >>> 0;
    h >>>= 7;
  }
  w.need(n);
  const buf = w.buf;
  let p = w.pos;
  while (hi > 0 || lo > 0x7f) {
    buf[p++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  buf[p++] = lo;
  w.pos = p;
}

export class Writer {
  // Set by reset(), which the constructor calls (one copy of the code; issue 10).
  buf!: Uint8Array;
  pos!: number;
  cap!: number;

  constructor(buf: Uint8Array) {
    this.reset(buf);
  }

  /**
   * Start over on another buffer (lets one Writer serve every encode). With `count`, the buffer
   * is empty and has no limit: the Writer only counts, the exact length an encode would give,
   * with no buffer. An Agent sizes its answer first and then encodes it into an array of that
   * length, so no buffer of the board's messageBytes stays allocated (issue 10: -8 KB of XS
   * chunks). Counting needs no second set of primitives: a write past the end of a typed array
   * is ignored (also in strict code, on V8 and XS), and every primitive moves `pos` as if it
   * had written; only bytes() copies with set(), which would throw, so it skips the copy.
   */
  reset(buf: Uint8Array, count?: boolean): this {
    this.buf = buf;
    this.pos = 0;
    this.cap = count ? Infinity : buf.length;
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

  /**
   * Length-prefixed UTF-8, encoded straight into the buffer, preceded by the one-byte tag
   * `tagByte` unless it is -1 (one capacity check for both).
   */
  string(s: string, tagByte = -1): void {
    const n = s.length;
    let start = this.pos;
    // Worst case is 3 bytes per UTF-16 unit, 4 per unit on XS (an astral character is one
    // unit there); when that does not fit, size it exactly first.
    if (start + 6 + 4 * n > this.cap) {
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

  /**
   * Start a length-delimited field: writes the tag and reserves one length byte. Returns the
   * position of that byte for `join`. Sizes are not precomputed: `join` shifts the body when its
   * length needs more than one byte (cheaper than a sizing pass, measured in codec.bench.ts).
   */
  fork(no: number): number {
    const p = this.pos;
    if (p + 2 <= this.cap) {
      this.buf[p] = (no << 3) | WIRE_LEN;
      this.pos = p + 2;
      return p + 1;
    }
    this.byte((no << 3) | WIRE_LEN);
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
  // A tag is one byte, as every USP field number is < 16 (at most 13, usp-wire-schema.md). The
  // tag, fixed32 and bytes primitives are written out in their one field writer each (a Writer
  // method is a preloaded function and a prototype slot on the board; issue 10).

  fieldString(no: number, s: string): void {
    if (s !== '') this.string(s, (no << 3) | WIRE_LEN);
  }

  fieldStrings(no: number, list: string[]): void {
    for (let i = 0; i < list.length; i++) this.string(list[i], (no << 3) | WIRE_LEN);
  }

  /** Length-prefixed bytes (not written when empty). */
  fieldBytes(no: number, b: Uint8Array): void {
    const n = b.length;
    if (n === 0) return;
    this.need(1 + varintSize(n) + n);
    this.buf[this.pos++] = (no << 3) | WIRE_LEN;
    this.varint32(n);
    if (n < 32) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = b[i];
    } else if (this.cap !== Infinity) {
      this.buf.set(b, this.pos); // not when counting (see reset)
    }
    this.pos += n;
  }

  fieldFixed32(no: number, v: number): void {
    if (v === 0) return;
    this.need(5);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = (no << 3) | WIRE_FIXED32;
    buf[p + 1] = v;
    buf[p + 2] = v >>> 8;
    buf[p + 3] = v >>> 16;
    buf[p + 4] = v >>> 24;
    this.pos = p + 5;
  }

  fieldBool(no: number, v: boolean): void {
    if (v) this.fieldEnum(no, 1); // the same bytes: tag, then varint 1
  }

  /**
   * Every USP enum value is 0..max. A negative one (which no USP message has) would go out as its
   * low 32 bits in 5 bytes, not sign-extended in 10: protobuf decoders read it back the same.
   */
  fieldEnum(no: number, v: number): void {
    if (v !== 0) {
      this.byte((no << 3) | WIRE_VARINT);
      this.varint32(v);
    }
  }

  /** map<string,string>: one entry message {1: key, 2: value} per key, in Map order, key and value always written (as protobuf-es does). */
  fieldMap(no: number, map: ReadonlyMap<string, string>): void {
    // forEach with a method and this Writer as its `this`: iterating `for (const [k, v] of map)`
    // allocates an entry array per entry, garbage on every response; a bound arrow made per
    // Writer was a closure in the board's preloaded heap.
    this.mapNo = no;
    map.forEach(this.mapEntry, this);
  }

  private mapNo = 0;
  private mapEntry(v: string, k: string): void {
    const at = this.fork(this.mapNo);
    this.string(k, 0x0a); // entry field 1: key
    this.string(v, 0x12); // entry field 2: value
    this.join(at);
  }
}
