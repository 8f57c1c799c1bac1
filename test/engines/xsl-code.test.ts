// firmware/patches/moddable/0008-xsl-code-without-padding.patch: xsl writes each preloaded
// function's byte code into mc.xs.c without its heap chunk's padding (0 to 7 zero bytes each): every
// code literal of the esp32 board is whole instructions, the last one an end. (The e2e suites run
// the board so preloaded.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { buildXsBoard } from './xs-harness.ts';
import { decodeOps } from './xsb.ts';

before(() => buildXsBoard('x64'));

/** The bytes of a C string literal body made of \xNN escapes (as xsl writes code). */
const bytesOf = (body: string): Buffer => Buffer.from(body.replace(/\\x/g, ''), 'hex');

test('given the esp32 board preloaded by xsl, then each function code literal ends at its last instruction', () => {
  const text = readFileSync(join(root, 'build/boards/esp32/mc/mc.xs.c'), 'utf8');
  const literals = [...text.matchAll(/\.code = \{ \(txByte\*\)"((?:\\x[0-9a-f]{2})*)"/g)].map((m) => bytesOf(m[1]));
  assert.ok(literals.length > 500, `${literals.length} code literals`);
  const bad = literals.filter((code) => {
    const { ops, end } = decodeOps(code);
    return end !== code.length || !/^end/.test(ops[ops.length - 1].name);
  });
  assert.equal(bad.length, 0, `${bad.length} literals with padding or a cut instruction`);
});
