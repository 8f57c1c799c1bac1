// The protobuf wire Reader: every read is bounds-checked and fails with a typed DecodeError;
// nesting is bounded by DecodeLimits.maxDepth.
import { DecodeError, type ShortStrings } from './errors.ts';
import { WIRE_VARINT, WIRE_FIXED64, WIRE_LEN, WIRE_START_GROUP, WIRE_END_GROUP, WIRE_FIXED32 } from './wire.ts';
import { utf8Decode } from './utf8.ts';
import { EntryMap } from './entry-map.ts';

export class Reader {
  // Set by reset(), which the constructor calls (one copy of the code; issue 10).
  buf!: Uint8Array;
  /**
   * A DataView of `buf` for word-wise string cache checks, made by the first map field (a small
   * message does not pay for it).
   */
  view: DataView | undefined;
  pos!: number;
  /** End of the input. */
  len!: number;
  maxDepth!: number;
  /** The string cache (DecodeLimits.stringCache), or none. */
  short: ShortStrings | undefined;
  /** DecodeLimits.maxItems. */
  maxItems!: number;

  constructor(buf: Uint8Array, maxDepth: number) {
    this.reset(buf, maxDepth);
  }

  /** Start over on another input (lets one Reader serve every decode). */
  reset(buf: Uint8Array, maxDepth: number, stringCache?: ShortStrings, maxItems = Infinity): this {
    this.short = stringCache;
    this.maxItems = maxItems;
    this.buf = buf;
    this.view = undefined;
    this.pos = 0;
    this.len = buf.length;
    this.maxDepth = maxDepth;
    return this;
  }

  /** `list`, when it has room for one more item of a request's repeated field (maxItems). */
  room<T>(list: T[]): T[] {
    if (list.length >= this.maxItems) this.fail('too-many');
    return list;
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

  /** An enum value; one the schema does not define is an error (R-ENC.2). */
  enumOf(max: number): number {
    const v = this.varint32() | 0;
    if (v < 0 || v > max) this.fail('unknown-enum');
    return v;
  }

  /** A bool: true when any bit of the varint (all of its up to 10 bytes, not only 32 bits) is set. */
  bool(): boolean {
    const start = this.pos;
    this.varint32(); // the bounds and the 10-byte limit
    for (let i = start; i < this.pos; i++) if ((this.buf[i] & 0x7f) !== 0) return true;
    return false;
  }

  fixed32(): number {
    const p = this.pos;
    if (p + 4 > this.len) this.fail('truncated');
    const buf = this.buf;
    this.pos = p + 4;
    return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
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
    const end = this.lenEnd();
    const start = this.pos;
    this.pos = end;
    return this.short !== undefined ? this.short(this.buf, this.view, start, end) : utf8Decode(this.buf, start, end);
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
   * map<string,string> entries into `map`: this one, whose tag was just
   * read, and any that directly follow with the same one-byte tag (one call per map, not per entry).
   */
  mapEntries(map: EntryMap, tagByte: number, msgEnd: number, d: number): void {
    const buf = this.buf;
    const view = this.view || (this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
    if (d >= this.maxDepth) this.fail('too-deep');
    for (;;) {
      // Canonical layout: a one-byte entry length, then key (field 1) and value (field 2) with
      // one-byte lengths, filling the entry exactly. Anything else takes the general path.
      const p = this.pos;
      const end = p + 1 + buf[p];
      const ks = p + 3;
      const ke = ks + buf[p + 2];
      const ve = ke + 2 + buf[ke + 1];
      if (buf[p] < 0x80 && end <= this.len && buf[p + 1] === 0x0a && buf[p + 2] < 0x80 &&
        buf[ke] === 0x12 && buf[ke + 1] < 0x80 && ve === end) {
        const short = this.short;
        const key = short !== undefined ? short(buf, view, ks, ke) : utf8Decode(buf, ks, ke);
        const value = short !== undefined ? short(buf, view, ke + 2, ve) : utf8Decode(buf, ke + 2, ve);
        map.put(key, value, keyHint(key));
        this.pos = end;
      } else {
        // One map entry in any valid layout (fields in any order, missing, repeated or unknown).
        const entryEnd = this.lenEnd();
        let key = '';
        let value = '';
        while (this.pos < entryEnd) {
          const t = this.varint32();
          if (t === 0x0a) key = this.string();
          else if (t === 0x12) value = this.string();
          else this.skip(t, d + 1);
        }
        this.done(entryEnd);
        // a later duplicate key wins, as in protobuf
        map.put(key, value, keyHint(key));
      }
      if (this.pos >= msgEnd || buf[this.pos] !== tagByte) return;
      this.pos++;
    }
  }
}

/** EntryMap.put's hint: a key's length and its first and last units. */
function keyHint(key: string): number {
  const n = key.length;
  return n === 0 ? 0 : n * 7 + key.charCodeAt(0) + key.charCodeAt(n - 1) * 3;
}

/** A uint64 varint (a function, not a Reader method: only the Session Context Record, which an Agent skips, has one). */
export function readUint64(r: Reader): bigint {
  const buf = r.buf;
  let p = r.pos;
  let lo = 0;
  let hi = 0;
  let b = 0x80;
  let i = 0;
  for (; i < 10 && b >= 0x80; i++) {
    if (p >= r.len) r.fail('truncated');
    b = buf[p++];
    if (i < 4) lo |= (b & 0x7f) << (7 * i);
    else if (i === 4) {
      lo |= (b & 0x0f) << 28;
      hi = (b & 0x7f) >> 4;
    } else hi |= (b & 0x7f) << (7 * i - 32);
  }
  r.pos = p;
  if (b >= 0x80) r.fail('overlong');
  lo >>>= 0;
  hi >>>= 0;
  return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
}
