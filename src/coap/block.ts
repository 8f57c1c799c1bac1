// Block1/Block2 option values (RFC 7959 §2.2): NUM (up to 20 bits), M, SZX (size = 2^(SZX+4)).
import { uintOption, readUint, type CoapOption } from './message.ts';

export interface BlockValue {
  num: number;
  more: boolean;
  szx: number;
}

export const MAX_BLOCK_NUM = 0xfffff;

/** undefined for the reserved SZX 7 (RFC 7959 §2.2: 4.00 in a request). */
export function decodeBlock(value: Uint8Array): BlockValue | undefined {
  const n = readUint(value);
  const szx = n & 7;
  if (szx === 7) return undefined;
  return { num: Math.floor(n / 16), more: (n & 8) !== 0, szx };
}

export function blockOption(number: number, b: BlockValue): CoapOption {
  return uintOption(number, b.num * 16 + (b.more ? 8 : 0) + b.szx);
}

export function blockSize(szx: number): number {
  return 1 << (szx + 4);
}

/** The largest SZX whose block fits in `bytes` (16..1024 clamps to SZX 0..6). */
export function szxForBytes(bytes: number): number {
  let szx = 6;
  while (szx > 0 && blockSize(szx) > bytes) szx--;
  return szx;
}
