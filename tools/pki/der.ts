// The DER (ITU-T X.690) encodings an X.509 certificate needs, and nothing more: definite
// lengths, minimal INTEGERs, OIDs from dotted text, the string and time types of RFC 5280.
// Every function returns the whole TLV, so a structure reads like its ASN.1.

const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else {
    const len: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
    header = [tag, 0x80 | len.length, ...len];
  }
  const out = new Uint8Array(header.length + n);
  out.set(header);
  out.set(content, header.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const sequence = (...items: Uint8Array[]) => tlv(TAG.SEQUENCE, concat(items));
export const set = (...items: Uint8Array[]) => tlv(TAG.SET, concat(items));
export const boolean = (v: boolean) => tlv(TAG.BOOLEAN, Uint8Array.of(v ? 0xff : 0));
export const octetString = (bytes: Uint8Array) => tlv(TAG.OCTET_STRING, bytes);
export const utf8String = (s: string) => tlv(TAG.UTF8_STRING, new TextEncoder().encode(s));

/** IA5String: ASCII only (URIs in subjectAltName, RFC 5280 §4.2.1.6). */
export function ia5String(s: string): Uint8Array {
  if (!/^[\x00-\x7f]*$/.test(s)) throw new Error(`not ASCII: ${JSON.stringify(s)}`);
  return tlv(TAG.IA5_STRING, new TextEncoder().encode(s));
}

/** INTEGER from unsigned big-endian bytes (a serial number) or a small non-negative number. */
export function integer(value: Uint8Array | number): Uint8Array {
  let bytes: number[];
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`integer out of range: ${value}`);
    bytes = [];
    for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  } else bytes = [...value];
  // Minimal: no leading zero octets, then one zero if the top bit would read as a sign.
  while (bytes.length > 1 && bytes[0] === 0) bytes.shift();
  if (bytes.length === 0) bytes = [0];
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, Uint8Array.from(bytes));
}

/** BIT STRING of whole octets (no unused bits). */
export const bitString = (bytes: Uint8Array) => tlv(TAG.BIT_STRING, concat([Uint8Array.of(0), bytes]));

/** BIT STRING for a named bit list such as KeyUsage: bit 0 is the high bit of the first octet. */
export function namedBits(bits: number[]): Uint8Array {
  const top = Math.max(...bits);
  const octets = new Uint8Array((top >> 3) + 1);
  for (const b of bits) octets[b >> 3] |= 0x80 >> (b & 7);
  // X.690 §11.2.2: trailing zero bits are removed, their count goes in the first octet.
  const unused = 7 - (top & 7);
  return tlv(TAG.BIT_STRING, concat([Uint8Array.of(unused), octets]));
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new Error(`bad OID ${dotted}`);
  const out: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const base128: number[] = [];
    for (let v = arc; ; v = Math.floor(v / 128)) {
      base128.unshift((v & 0x7f) | (base128.length ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...base128);
  }
  return tlv(TAG.OID, Uint8Array.from(out));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; always UTC, to the second. */
export function time(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z';
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 9999) throw new Error(`certificate time out of range: ${iso}`);
  const enc = new TextEncoder();
  return year < 2050 ? tlv(TAG.UTC_TIME, enc.encode(digits.slice(2))) : tlv(TAG.GENERALIZED_TIME, enc.encode(digits));
}

/** Context-specific tag [n]: EXPLICIT wraps a whole TLV (constructed); IMPLICIT retags a primitive's content. */
export const explicit = (n: number, inner: Uint8Array) => tlv(0xa0 | n, inner);
export const implicit = (n: number, content: Uint8Array) => tlv(0x80 | n, content);

/** PEM armour (RFC 7468), 64 characters a line. */
export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
