// The outermost encode/decode of a message (Msg or Record), shared by msg.ts and record.ts:
// one Writer and one Reader reused by every coder, the size and depth limits checked up front, and the
// buffers released afterwards so a decoded message does not keep the input alive.
import { Writer } from './wire.ts';
import { Reader } from './reader.ts';
import { DecodeError, DEFAULT_DECODE_LIMITS, EncodeOverflowError, type DecodeLimits } from './errors.ts';

/** The one preloaded empty byte array of the codec and the Record layer (each preloaded array is flash; issue 10). Read-only in practice. */
export const EMPTY = new Uint8Array(0);
// One Writer (encoding or counting) and one Reader serve every top-level coder (a Msg, a Record,
// for an Agent or in full): none runs inside another (a Record carries its Msg already encoded),
// and each coder starts by resetting it. One each, not one per coder (issue 10: flash).
const writer = new Writer(EMPTY);
const reader = new Reader(EMPTY, 0);

/** A top-level encoder: the shared Writer and the message's field writer. */
export function topEncoder<T>(enc: (w: Writer, m: T) => void): (m: T, out: Uint8Array) => number {
  return (m, out) => {
    const w = writer.reset(out);
    enc(w, m);
    const n = w.pos;
    w.reset(EMPTY);
    return n;
  };
}

/** The length `topEncoder(enc)` would give `m`, counted without a buffer (Writer.reset). */
export function topSizer<T>(enc: (w: Writer, m: T) => void): (m: T) => number {
  return (m) => {
    // A fresh empty array, not EMPTY: on XS a preloaded array lives in flash and refuses the
    // writes that counting drops.
    const w = writer.reset(new Uint8Array(0), true);
    enc(w, m);
    const n = w.pos;
    w.reset(EMPTY);
    return n;
  };
}

/**
 * A top-level encoder into a new array of exactly the message's length: counted first (see
 * topSizer), then written. EncodeOverflowError when that length is above `max`, before anything
 * is allocated. What an Agent sends goes this way: no buffer of the board's messageBytes is kept
 * (issue 10), and one function does what a sizer and an encoder did.
 */
export function topExact<T>(enc: (w: Writer, m: T) => void): (m: T, max: number) => Uint8Array {
  return (m, max) => {
    let w = writer.reset(new Uint8Array(0), true); // a fresh empty array, as in topSizer
    enc(w, m);
    const n = w.pos;
    w.reset(EMPTY);
    if (n > max) throw new EncodeOverflowError(max);
    const out = new Uint8Array(n);
    w = writer.reset(out);
    enc(w, m);
    w.reset(EMPTY);
    return out;
  };
}

/** A body an Agent answers from its case alone (a Msg's or a Record's): stepped over, sub() bounded its length. */
export function skipBody(r: Reader, end: number): object {
  r.pos = end;
  return SKIPPED;
}
const SKIPPED = Object.freeze({});

/** A top-level decoder: the shared Reader and the message's field reader. */
export function topDecoder<T>(dec: (r: Reader, end: number, depth: number) => T, defaults = DEFAULT_DECODE_LIMITS): (bytes: Uint8Array, limits?: DecodeLimits) => T {
  return (bytes, limits = defaults) => {
    if (bytes.length > limits.maxBytes) throw new DecodeError('too-large', limits.maxBytes);
    if (limits.maxDepth < 1) throw new DecodeError('too-deep', 0);
    const r = reader.reset(bytes, limits.maxDepth, limits.stringCache, limits.maxItems);
    try {
      return dec(r, bytes.length, 1);
    } finally {
      // Also when decoding failed: the reader must not keep the input (a reassembled 8 KB
      // Block1 body stayed live after a refused request on XS).
      r.reset(EMPTY, 0);
    }
  };
}
