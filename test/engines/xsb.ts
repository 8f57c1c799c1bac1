// The byte code xsc makes of a script (build/moddable/bin/xsc, the patched one), instruction by
// instruction: for the tests of the xsc patches (firmware/patches/moddable/0006 to 0016).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';

export interface Op {
  name: string;
  /** The signed operand of a 1-, 2- or 4-byte form (branches, indexes), else undefined; the byte after the ID of an op of size -3. */
  operand?: number;
  /** The key ID an op carries (gxCodeSizes 0 or -3), as xsc or xsl wrote it. */
  id?: number;
  /** Where the op starts (its XS_CODE_EXTENDED byte if any) and where the next one does. */
  at: number;
  end: number;
}

/** XS's op names and sizes (gxCodeSizes: > 0 the whole length, 0 an ID, -3 an ID and a byte, else < 0 a length-prefixed literal). */
function opTable(): { names: string[]; sizes: number[] } {
  const xs = join(root, 'build/moddable/xs/sources');
  const header = readFileSync(join(xs, 'xsCommon.h'), 'utf8');
  const names = header.slice(header.indexOf('XS_NO_CODE = 0'), header.indexOf('XS_CODE_COUNT')).match(/XS_[A-Z_0-9]+/g)!
    .map((n) => n.replace('XS_CODE_', '').toLowerCase());
  const common = readFileSync(join(xs, 'xsCommon.c'), 'utf8');
  // (txID is 2 bytes here: the mx32bitID size of XS_CODE_PROFILE is not this build's)
  // (mxCodeSizeIDByte, 0012: an ID then a 1-byte operand, is -3)
  const sizes = [...common.slice(common.indexOf('gxCodeSizes[XS_CODE_COUNT]')).split('};')[0].replace(/#ifdef mx32bitID[^#]*#else/, '')
    .replace(/mxCodeSizeIDByte \//g, '-3 /').matchAll(/(-?\d+) \/\*/g)].map((m) => Number(m[1]));
  assert.equal(sizes.length, names.length, 'one size per op');
  return { names, sizes };
}

/** The instructions of `code` from `start` to `end`; `end` is where the walk stopped (past the last). */
export function decodeOps(code: Buffer, start = 0, end = code.length): { ops: Op[]; end: number } {
  const { names, sizes } = opTable();
  const ops: Op[] = [];
  let p = start;
  const extended = names.indexOf('extended');
  while (p < end) {
    let op = code[p];
    // 0015: XS_CODE_EXTENDED, then an op from 256 on (its byte), its operands after that byte
    const at = p;
    if (extended >= 0 && op === extended) op = 256 + code[++p];
    const s = sizes[op];
    const len = s > 0 ? s : s === 0 ? 3 : s === -3 ? 4 : s === -1 ? 2 + code[p + 1] : s === -2 ? 3 + code.readUInt16LE(p + 1) : 5 + code.readUInt32LE(p + 1);
    const operand = s === 2 ? code.readInt8(p + 1) : s === 3 ? code.readInt16LE(p + 1) : s === 5 ? code.readInt32LE(p + 1) : s === -3 ? code[p + 3] : undefined;
    const id = s === 0 || s === -3 ? code.readUInt16LE(p + 1) : undefined;
    p += len;
    ops.push({ name: names[op], operand, id, at, end: p });
  }
  return { ops, end: p };
}

/** Compiles `file` (a script) into `dir` and decodes its CODE atom; `options` are more xsc options (`-u`). */
export function compiledOps(file: string, dir: string, options: string[] = []): Op[] {
  const r = spawnSync(join(root, 'build/moddable/bin/xsc'), ['-e', ...options, '-o', dir, file], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const xsb = readFileSync(join(dir, file.replace(/^.*\//, '').replace(/\.js$/, '.xsb')));
  const at = xsb.indexOf('CODE');
  assert.ok(at > 0, 'the xsb has a CODE atom');
  return decodeOps(xsb, at + 4, at + xsb.readUInt32BE(at - 4) - 4).ops;
}

/** The bytes of a C string literal body made of \xNN escapes (as xsl writes code). */
export const bytesOf = (body: string): Buffer => Buffer.from(body.replace(/\\x/g, ''), 'hex');

/** Every function's code in an mc.xs.c, and the name of each key ID (its XS_KEY_X_KIND slot). */
export function readImageCode(mcText: string): { codes: Buffer[]; keyName: Map<number, string> } {
  const codes = [...mcText.matchAll(/\.code = \{ \(txByte\*\)"((?:\\x[0-9a-f]{2})*)"/g)].map((m) => bytesOf(m[1]));
  const keyName = new Map([...mcText.matchAll(/\{\.ID = (\d+), [^}]*\.kind = XS_KEY_X_KIND\}, \.value = \{ \.key = \{ "([^"]*)"/g)]
    .map((m) => [Number(m[1]), m[2]] as [number, string]));
  return { codes, keyName };
}

/** The esp32 board's code (build/boards/esp32/mc/mc.xs.c, after `npm run build:xs`), each
 * function decoded to its end (asserted): what `left` finds in each function's ops, and how often
 * each op occurs. */
export function boardOps(left: (ops: Op[]) => string[]): { left: string[]; counts: Record<string, number> } {
  const { codes } = readImageCode(readFileSync(join(root, 'build/boards/esp32/mc/mc.xs.c'), 'utf8'));
  const counts: Record<string, number> = {};
  const found: string[] = [];
  for (const code of codes) {
    const { ops, end } = decodeOps(code);
    assert.equal(end, code.length);
    found.push(...left(ops));
    for (const op of ops) counts[op.name] = (counts[op.name] ?? 0) + 1;
  }
  return { left: found, counts };
}

/** `module` (an ES module) compiled by xsc (with `options`: the board build's are `-u`) and linked by xsl with preloading, as the board build does (preload.mjs): mc.xs.c's text. */
export function preloadModule(module: string, dir: string, options: string[] = []): string {
  const mods = join(dir, 'mods');
  const out = join(dir, 'out');
  mkdirSync(mods, { recursive: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(dir, 'main.js'), module);
  const bin = join(root, 'build/moddable/bin');
  const xsc = spawnSync(join(bin, 'xsc'), [join(dir, 'main.js'), '-c', '-e', ...options, '-o', mods, '-r', 'main'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(xsc.status, 0, xsc.stderr);
  const xsl = spawnSync(join(bin, 'xsl'), ['-b', mods, '-o', out, '-p', 'main.xsb', join(mods, 'main.xsb')], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(xsl.status, 0, xsl.stdout + xsl.stderr);
  return readFileSync(join(out, 'mc.xs.c'), 'utf8');
}
