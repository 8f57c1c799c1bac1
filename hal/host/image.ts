// The host board's firmware image format (what `tinyusp firmware pack` writes and a slot holds):
//   "TUSPIMG1" | u32 BE header length | header JSON {version, engine} | payload | SHA-256 of all before
// The trailing digest is the image's own integrity check, as an ESP-IDF app image carries its
// SHA-256: a slot is only valid once it matches (src/ota/slots.ts imageCheck, at finish()). The payload is the build the boot
// loader starts: a Node bundle (engine 'node') or a preloaded XS runner binary ('xs', 'xs-arm').
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export const IMAGE_MAGIC = 'TUSPIMG1';
export type ImageEngine = 'node' | 'xs' | 'xs-arm';
export const IMAGE_ENGINES: readonly ImageEngine[] = ['node', 'xs', 'xs-arm'];
const MAX_HEADER = 1024;

export interface ImageHeader {
  version: string;
  engine: ImageEngine;
}

export function encodeImage(header: ImageHeader, payload: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(12);
  head.write(IMAGE_MAGIC, 0, 'latin1');
  head.writeUInt32BE(json.length, 8);
  const body = Buffer.concat([head, json, payload]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

function parseHeader(b: Buffer): { ok: true; header: ImageHeader; headerBytes: number } | { ok: false; reason: string } {
  if (b.length < 12 || b.toString('latin1', 0, 8) !== IMAGE_MAGIC) return { ok: false, reason: 'not a tinyusp image (bad magic)' };
  const n = b.readUInt32BE(8);
  if (n > MAX_HEADER || b.length < 12 + n) return { ok: false, reason: 'bad image header length' };
  let h: unknown;
  try { h = JSON.parse(b.toString('utf8', 12, 12 + n)); } catch { return { ok: false, reason: 'image header is not JSON' }; }
  const { version, engine } = (h ?? {}) as Partial<ImageHeader>;
  if (typeof version !== 'string' || !version || version.length > 64) return { ok: false, reason: 'image header: bad version' };
  if (!IMAGE_ENGINES.includes(engine as ImageEngine)) return { ok: false, reason: 'image header: unknown engine' };
  return { ok: true, header: { version, engine: engine as ImageEngine }, headerBytes: n };
}

/** Header and payload location of a stored image file (already verified when it was installed). */
export function readImageLayout(file: string): { header: ImageHeader; payloadOffset: number; payloadBytes: number; fileBytes: number } {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(12 + MAX_HEADER);
    const got = readSync(fd, head, 0, head.length, 0);
    const parsed = parseHeader(head.subarray(0, got));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
    const size = fstatSync(fd).size;
    const payloadOffset = 12 + parsed.headerBytes;
    return { header: parsed.header, payloadOffset, payloadBytes: size - payloadOffset - 32, fileBytes: size };
  } finally {
    closeSync(fd);
  }
}
