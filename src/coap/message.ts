// CoAP message codec (RFC 7252 §3): header, token, options (delta/length nibbles with the 13/14
// extensions), payload marker. Decoding returns views into the datagram (copy to keep them);
// encoding writes into the caller's buffer. Bad input never throws from `decodeMessage`.
import { CoapType, type CoapTypeValue } from './constants.ts';
import { nameError } from '../codec/errors.ts';

export interface CoapOption {
  number: number;
  value: Uint8Array;
}

export interface CoapMessage {
  type: CoapTypeValue;
  code: number;
  messageId: number;
  token: Uint8Array;
  /** Sorted by option number (stable: repeated options keep their order). */
  options: CoapOption[];
  payload: Uint8Array;
}

/** What could be read of a malformed message: enough to send a matching RST. (No reason text:
 * nothing reads it, and the device would carry every string, issue 10.) */
export interface CoapHeader {
  type: CoapTypeValue;
  code: number;
  messageId: number;
}

export type CoapDecodeResult =
  | { ok: true; message: CoapMessage }
  | { ok: false; header?: CoapHeader };

export class CoapEncodeError extends Error {
  constructor(message: string) {
    super(message);
    nameError(this, 'CoapEncodeError');
  }
}

/** The one empty byte array of the CoAP stack (each preloaded array is XS heap in flash). */
export const EMPTY = new Uint8Array(0);

export function decodeMessage(data: Uint8Array): CoapDecodeResult {
  // RFC 7252 §3: unknown version numbers are silently ignored (no header: no RST).
  if (data.length < 4 || data[0] >> 6 !== 1) return { ok: false };
  const header: CoapHeader = {
    type: ((data[0] >> 4) & 3) as CoapTypeValue,
    code: data[1],
    messageId: (data[2] << 8) | data[3],
  };
  const message = decodeRest(data, header);
  return message ? { ok: true, message } : { ok: false, header };
}

/** Token, options and payload after a readable header; undefined for a message format error. */
function decodeRest(data: Uint8Array, header: CoapHeader): CoapMessage | undefined {
  const tkl = data[0] & 15;
  // RFC 7252 §3: token lengths 9-15 are reserved and a message format error.
  if (tkl > 8 || 4 + tkl > data.length) return undefined;
  // RFC 7252 §4.1: an Empty message is the 4-byte header only.
  if (header.code === 0 && (tkl !== 0 || data.length !== 4)) return undefined;
  const cls = header.code >> 5;
  // Classes 1, 6 and 7 are reserved (RFC 7252 §12.1).
  if (cls === 1 || cls === 6 || cls === 7) return undefined;
  const token = data.subarray(4, 4 + tkl);
  const options: CoapOption[] = [];
  let pos = 4 + tkl;
  let number = 0;
  let payload: Uint8Array = EMPTY;
  while (pos < data.length) {
    const byte = data[pos++];
    if (byte === 0xff) {
      // RFC 7252 §3: a marker followed by a zero-length payload is a format error.
      if (pos === data.length) return undefined;
      payload = data.subarray(pos);
      break;
    }
    const dn = byte >> 4;
    const ln = byte & 15;
    // Nibble 15 is reserved; a truncated extension, a number beyond 65535 or a value past the end
    // of the datagram are format errors too.
    if (dn === 15 || ln === 15) return undefined;
    const delta = extended(data, pos, dn);
    pos += extraBytes(dn);
    const length = extended(data, pos, ln);
    pos += extraBytes(ln);
    if (delta < 0 || length < 0) return undefined;
    number += delta;
    if (number > 0xffff || pos + length > data.length) return undefined;
    options.push({ number, value: data.subarray(pos, pos + length) });
    pos += length;
  }
  return { type: header.type, code: header.code, messageId: header.messageId, token, options, payload };
}

/** RFC 7252 §3.1: nibble 13 takes one more byte (+13), 14 two more (+269). */
function extraBytes(nibble: number): number {
  return nibble < 13 ? 0 : nibble - 12;
}

/** An option delta or length from its nibble and the extension bytes at `pos`; -1 when they are cut. */
function extended(data: Uint8Array, pos: number, nibble: number): number {
  if (nibble < 13) return nibble;
  if (pos + nibble - 12 > data.length) return -1;
  return nibble === 13 ? data[pos] + 13 : ((data[pos] << 8) | data[pos + 1]) + 269;
}

/** The nibble for an option delta or length `n`. */
function nibble(n: number): number {
  return n < 13 ? n : n < 269 ? 13 : 14;
}

/** Writes the extension bytes of delta or length `n` at `pos`; returns the position after them. */
function putExtended(out: Uint8Array, pos: number, n: number): number {
  if (n >= 269) {
    out[pos++] = (n - 269) >> 8;
    out[pos++] = (n - 269) & 0xff;
  } else if (n >= 13) out[pos++] = n - 13;
  return pos;
}

/**
 * Sorted by option number, so callers may list options in any order: the list itself when it is
 * sorted, else a copy sorted by insertion (stable: repeated options keep their order).
 */
function sortedOptions(options: CoapOption[]): CoapOption[] {
  let out = options;
  for (let i = 1; i < out.length; i++) {
    const o = out[i];
    if (out[i - 1].number <= o.number) continue;
    if (out === options) out = options.slice();
    let j = i;
    for (; j > 0 && out[j - 1].number > o.number; j--) out[j] = out[j - 1];
    out[j] = o;
  }
  return out;
}

/** Encodes `msg` into `out` from offset 0 and returns the length; throws CoapEncodeError. */
export function encodeMessage(msg: CoapMessage, out: Uint8Array): number {
  // Codes, message ids and option numbers are the endpoint's own (in range by construction); a
  // token or an option value may come from outside: a 9-byte token or a message beyond `out` throws.
  const tkl = msg.token.length;
  let pos = 4 + tkl;
  if (tkl > 8 || pos > out.length) throw new CoapEncodeError('message does not fit');
  out[0] = 0x40 | (msg.type << 4) | tkl;
  out[1] = msg.code;
  out[2] = msg.messageId >> 8;
  out[3] = msg.messageId & 0xff;
  out.set(msg.token, 4);
  let previous = 0;
  for (const opt of sortedOptions(msg.options)) {
    const delta = opt.number - previous;
    const length = opt.value.length;
    const dn = nibble(delta);
    const ln = nibble(length);
    // Also refuses a value beyond 65,804 bytes (what nibble 14 can tell): no datagram is that big.
    if (pos + 1 + extraBytes(dn) + extraBytes(ln) + length > out.length) throw new CoapEncodeError('message does not fit');
    out[pos++] = (dn << 4) | ln;
    pos = putExtended(out, putExtended(out, pos, delta), length);
    out.set(opt.value, pos);
    pos += length;
    previous = opt.number;
  }
  if (msg.payload.length > 0) {
    if (pos + 1 + msg.payload.length > out.length) throw new CoapEncodeError('message does not fit');
    out[pos++] = 0xff;
    out.set(msg.payload, pos);
    pos += msg.payload.length;
  }
  return pos;
}

/** Minimal big-endian unsigned integer option value (RFC 7252 §3.2: 0 is the empty value). */
export function uintOption(number: number, value: number): CoapOption {
  let n = value >>> 0;
  const len = n === 0 ? 0 : n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
  const bytes = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    bytes[i] = n & 0xff;
    n >>>= 8;
  }
  return { number, value: bytes };
}

export function readUint(value: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < value.length && i < 4; i++) n = n * 256 + value[i];
  return n;
}

export function findOption(msg: { options: CoapOption[] }, number: number): CoapOption | undefined {
  for (const o of msg.options) if (o.number === number) return o;
  return undefined;
}

export function uintValue(msg: { options: CoapOption[] }, number: number): number | undefined {
  const o = findOption(msg, number);
  return o ? readUint(o.value) : undefined;
}

/** An Empty ACK or RST for `messageId`. */
export function emptyMessage(type: CoapTypeValue, messageId: number): CoapMessage {
  return { type, code: 0, messageId, token: EMPTY, options: [], payload: EMPTY };
}

export { CoapType };
