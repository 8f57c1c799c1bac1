// `npx tsx tools/footprint/op-pairs.ts [mc.xs.c] [N]`: the byte-code instructions of a preloaded
// image (default: the esp32 board's build/boards/esp32/mc/mc.xs.c, after `npm run build:xs`) and
// the most frequent pairs and triples of them, each function's code on its own: what
// firmware/patches/moddable/0009-0012, 0015 and 0016 fuse into one instruction. Fusing a pair saves
// at least one byte per occurrence (its second opcode), a triple two.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { decodeOps, readImageCode } from '../../test/engines/xsb.ts';

const file = process.argv[2] ?? join(root, 'build/boards/esp32/mc/mc.xs.c');
const top = Number(process.argv[3] ?? 25);
const { codes } = readImageCode(readFileSync(file, 'utf8'));
const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
let bytes = 0;
for (const code of new Set(codes.map((c) => c.toString('hex')))) {
  const names = decodeOps(Buffer.from(code, 'hex')).ops.map((o) => o.name);
  bytes += code.length / 2;
  for (let i = 0; i < names.length; i++) {
    for (let n = 1; n <= 3 && i + n <= names.length; n++) {
      const key = names.slice(i, i + n).join(' ');
      counts[n - 1].set(key, (counts[n - 1].get(key) ?? 0) + 1);
    }
  }
}
console.log(`${file}: ${bytes} bytes of byte code in distinct code literals`);
for (const [n, title] of [[0, 'instructions'], [1, 'pairs'], [2, 'triples']] as const) {
  console.log(`\n${title}:`);
  for (const [key, c] of [...counts[n]].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(c).padStart(7)}  ${key}`);
}
