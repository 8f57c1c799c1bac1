// The codec's typed errors, created in this one place. A decode failure carries a `reason` the
// caller maps to the spec's answer (R-ENC.2 unknown enum, R-ENC.3-5 oneof, CoAP 4.00 / Error 7004).

export type DecodeReason =
  | 'truncated' // a field or length runs past the end of its message or of the input
  | 'overlong' // a varint longer than 10 bytes
  | 'bad-wire-type' // wire type 6/7, a stray end-group, or a group closed by another field
  | 'bad-field-number' // field number 0
  | 'unknown-enum' // R-ENC.2
  | 'oneof-missing' // R-ENC.3-5
  | 'oneof-twice' // R-ENC.3-5
  | 'bad-utf8' // a string field that is not valid UTF-8
  | 'too-deep' // nesting beyond DecodeLimits.maxDepth
  | 'too-large' // input beyond DecodeLimits.maxBytes
  | 'too-many'; // a repeated field of a request with more items than DecodeLimits.maxItems

/**
 * Gives an error its class name. Defined, not assigned: on XS the preloaded Error.prototype is
 * frozen, and assigning an inherited read-only `name` throws a TypeError instead of making the
 * error. Every error class of the agent calls this one (issue 10: said once, not per class).
 */
export function nameError(e: Error, name: string): void {
  Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });
}

export class DecodeError extends Error {
  readonly reason: DecodeReason;
  /** Byte offset where decoding stopped. */
  readonly offset: number;
  constructor(reason: DecodeReason, offset: number) {
    super('USP decode failed: ' + reason + ' at byte ' + offset);
    nameError(this, 'DecodeError');
    this.reason = reason;
    this.offset = offset;
  }
}

/** Encoding a message that is not representable (e.g. a oneof with no case set). */
export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    nameError(this, 'EncodeError');
  }
}

/** The message does not fit the caller's buffer; no length is returned, so nothing partial leaks. */
export class EncodeOverflowError extends EncodeError {
  readonly capacity: number;
  constructor(capacity: number) {
    super('USP encode overflow: message does not fit in ' + capacity + ' bytes');
    nameError(this, 'EncodeOverflowError');
    this.capacity = capacity;
  }
}

/** Decodes bytes [start, end) of `buf` (a DataView of it when the caller has one) as a string. */
export type ShortStrings = (buf: Uint8Array, view: DataView | undefined, start: number, end: number) => string;

/** Decode bounds, from the board profile (`decodeDepth`, `messageBytes`). */
export interface DecodeLimits {
  /** Deepest message nesting accepted; the top-level message is depth 1. */
  maxDepth: number;
  /** Largest input accepted, bytes. */
  maxBytes: number;
  /**
   * The string cache to decode short strings through (string-cache.ts's `shortString`), or none:
   * every string decoded anew. Passed in, not imported by the Reader, so a board without it
   * carries none of its code (issue 10: ~2.3 KB of flash on esp32); once made it holds ~17 KB of
   * RAM on XS (32-bit), which a board short of RAM goes without. The full codec's decoders
   * (decodeMsg, decodeRecord: the Controller's side) use it by default.
   */
  stringCache?: ShortStrings;
  /**
   * Most items a repeated field of a request may have (paths, objects, parameter settings);
   * 'too-many' beyond, before the rest is decoded: a board answers such a request 7005 without
   * holding hundreds of strings first (issue 10). Default: no bound.
   */
  maxItems?: number;
}

/** Used when no limits are passed: deep enough for every USP message, no size cap beyond the input. */
export const DEFAULT_DECODE_LIMITS: DecodeLimits = Object.freeze({ maxDepth: 32, maxBytes: 0x7fffffff });
