// firmware/patches/moddable/0006-xscode-short-branches.patch: xsc gives each branch (if/else,
// loops, ?:, &&, ||, ?., ??, try/catch, a function's code) the shortest offset that reaches its
// target: 1 byte within ±127, 2 within ±32767, 4 beyond (stock xsc took 2 bytes for every branch
// of a script with over 42 of them). A generated program with branches of every reach runs in
// node and in the XS runner (whose xsCode.c is the patched one) with the same result, and its byte
// code, compiled by the built xsc, has no branch longer than it needs and some of each length.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { buildXsHost, runBundle, scratchDir, scriptFile, type Cap } from './xs-harness.ts';
import { compiledOps } from './xsb.ts';

const cap: Cap = { chunks: 1024 * 1024, slots: 32 * 1024, stack: 1024 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsHost();
  scratch = scratchDir('xs-branches');
});
after(() => scratch?.remove());

/** `n` statements that each change `s` (a body of ~10 n bytes of byte code). */
const filler = (n: number): string => Array.from({ length: n }, (_, i) => `s = (s * 31 + ${i}) % 1000003;`).join('\n');

/** A program whose result depends on every kind of branch, short and far, forward and back. */
const program = `
function classify(n) {
  if (n < 0) return 'negative';
  else if (n === 0) return 'zero';
  else if (n < 10) return n % 2 ? 'small odd' : 'small even';
  return n > 1000 ? 'huge' : 'big';
}
function loops(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) continue;
    if (i > 40) break;
    s += i;
  }
  let j = n;
  do { s += j; j -= 7; } while (j > 0);
  while (j < 100) { j += 13; if (j === 45) break; }
  return s + j;
}
function switcher(x) {
  switch (x) {
    case 'a': return 1;
    case 'b': case 'c': return 2;
    default: return x && x.length ? x.length : -1;
  }
}
function guarded(o) {
  let r = o?.p?.q ?? 'none';
  try {
    if (!o) throw new Error('no o');
    r += '|' + (o.p || 'no p');
  } catch (e) {
    r += '|caught ' + e.message;
  } finally {
    r += '|finally';
  }
  return r;
}
// A forward branch past ~800 bytes (2-byte offsets) and a loop back over them.
function far(n) {
  let s = n;
  for (let k = 0; k < 3; k++) {
    if (s % 2 === k % 2) {
${filler(80)}
    } else s += 1;
  }
  return s;
}
// Past 32 KB: 4-byte offsets (the function's code, the if's else branch, the loop back).
function farther(n) {
  let s = n;
  for (let k = 0; k < 2; k++) {
    if (n > k) {
${filler(4000)}
    }
  }
  return s;
}
const out = [];
for (const n of [-5, 0, 3, 4, 50, 5000]) out.push(classify(n), loops(n), far(n));
for (const x of ['a', 'b', 'c', 'dddd', '', null]) out.push(switcher(x));
for (const o of [undefined, {}, { p: 'x' }, { p: { q: 'deep' } }]) out.push(guarded(o));
out.push(farther(1), farther(5));
`;

test('given a program with branches of every reach, when run by the XS runner, then it gives the result node gives', () => {
  const expected = runInNewContext(`${program}; out`, {});
  const file = scriptFile(scratch.dir, 'branches', `${program}\n__tinyusp_host.print(JSON.stringify(out));\n__tinyusp_host.exit(0);\n`);
  const r = runBundle(file, cap, [], 60_000);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), JSON.stringify(expected));
});

test('given the same program, when xsc compiles it, then each branch has the shortest offset that reaches its target', () => {
  const ops = compiledOps(scriptFile(scratch.dir, 'compiled', program), scratch.dir);
  const all = ops.filter((o) => /^(branch|catch|code)_?[a-z_]*_[124]$/.test(o.name)).map((o) => ({ name: o.name, offset: o.operand! }));
  const fits1 = (o: number) => o >= -128 && o <= 127;
  const fits2 = (o: number) => o >= -32768 && o <= 32767;
  const of = (len: string) => all.filter((b) => b.name.endsWith(len));
  // No long branch would reach its target shorter (a backward one would then be 1 or 2 bytes closer).
  assert.deepEqual(of('_2').filter((b) => fits1(b.offset < 0 ? b.offset + 1 : b.offset)), []);
  assert.deepEqual(of('_4').filter((b) => fits2(b.offset < 0 ? b.offset + 2 : b.offset)), []);
  assert.ok(all.length > 42, `${all.length} branches: more than stock xsc made short`);
  assert.ok(of('_1').length > all.length / 2, 'most are 1-byte');
  assert.ok(of('_2').length > 0 && of('_4').length > 0, 'the far ones are 2- and 4-byte');
  assert.ok(of('_1').every((b) => fits1(b.offset)));
});
