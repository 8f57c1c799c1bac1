// The byte code xsc makes of a script (build/moddable/bin/xsc, the patched one), instruction by
// instruction: for the tests of the xsc patches (firmware/patches/moddable/0006, 0007, 0009).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';

export interface Op {
  name: string;
  /** The signed operand of a 1-, 2- or 4-byte form (branches, indexes), else undefined. */
  operand?: number;
}

/** XS's op names and sizes (gxCodeSizes: > 0 the whole length, 0 an ID, < 0 a length-prefixed literal). */
function opTable(): { names: string[]; sizes: number[] } {
  const xs = join(root, 'build/moddable/xs/sources');
  const header = readFileSync(join(xs, 'xsCommon.h'), 'utf8');
  const names = header.slice(header.indexOf('XS_NO_CODE = 0'), header.indexOf('XS_CODE_COUNT')).match(/XS_[A-Z_0-9]+/g)!
    .map((n) => n.replace('XS_CODE_', '').toLowerCase());
  const common = readFileSync(join(xs, 'xsCommon.c'), 'utf8');
  // (txID is 2 bytes here: the mx32bitID size of XS_CODE_PROFILE is not this build's)
  const sizes = [...common.slice(common.indexOf('gxCodeSizes[XS_CODE_COUNT]')).split('};')[0].replace(/#ifdef mx32bitID[^#]*#else/, '').matchAll(/(-?\d+) \/\*/g)].map((m) => Number(m[1]));
  assert.equal(sizes.length, names.length, 'one size per op');
  return { names, sizes };
}

/** The instructions of `code` from `start` to `end`; `end` is where the walk stopped (past the last). */
export function decodeOps(code: Buffer, start = 0, end = code.length): { ops: Op[]; end: number } {
  const { names, sizes } = opTable();
  const ops: Op[] = [];
  let p = start;
  while (p < end) {
    const op = code[p];
    const s = sizes[op];
    const len = s > 0 ? s : s === 0 ? 3 : s === -1 ? 2 + code[p + 1] : s === -2 ? 3 + code.readUInt16LE(p + 1) : 5 + code.readUInt32LE(p + 1);
    const operand = s === 2 ? code.readInt8(p + 1) : s === 3 ? code.readInt16LE(p + 1) : s === 5 ? code.readInt32LE(p + 1) : undefined;
    ops.push({ name: names[op], operand });
    p += len;
  }
  return { ops, end: p };
}

/** Compiles `file` (a script) into `dir` and decodes its CODE atom. */
export function compiledOps(file: string, dir: string): Op[] {
  const r = spawnSync(join(root, 'build/moddable/bin/xsc'), ['-e', '-o', dir, file], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const xsb = readFileSync(join(dir, file.replace(/^.*\//, '').replace(/\.js$/, '.xsb')));
  const at = xsb.indexOf('CODE');
  assert.ok(at > 0, 'the xsb has a CODE atom');
  return decodeOps(xsb, at + 4, at + xsb.readUInt32BE(at - 4) - 4).ops;
}
