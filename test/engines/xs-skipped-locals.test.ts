// firmware/patches/moddable/0013-xsc-skipped-locals.patch: with `xsc -u` (the preloaded board
// build, firmware/xs-host/preload.mjs) a local that no closure captures is not made by
// NEW_UNNAMED_LOCAL nor dropped by its block's UNWIND: its slot, reserved when the function
// begins, has an index after the slots that NEW_CLOSURE, NEW_TEMPORARY and RETRIEVE place on the
// scope stack, and its const is written by LET_LOCAL. Such a local has no dead zone nor const
// check (TypeScript rejects both uses). The same for the temporaries that their code writes first
// (object and array literals, a postfix's old value, a try statement's three); a literal without
// spread needs none (DUB gets it from the top of the stack); -u emits no REFRESH_LOCAL, which does
// nothing at run time. Without -u nothing changes.
// The program runs in node and, compiled with -u, in xsl's machine (a preloaded module's body
// runs when xsl links it) with the same result; its byte code has no NEW for the uncaptured
// locals; the esp32 board's byte code has none left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { root } from '../../build.config.ts';
import { buildXsBoard, runBundle, scratchDir, scriptFile, type Cap } from './xs-harness.ts';
import { compiledOps, decodeOps, preloadModule, readImageCode, type Op } from './xsb.ts';

const cap: Cap = { chunks: 256 * 1024, slots: 16 * 1024, stack: 1024 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsBoard('x64');
  scratch = scratchDir('xs-skipped-locals');
});
after(() => scratch?.remove());

// 300 locals in one function: indexes past 255 take the 2-byte forms of the ops.
const many = Array.from({ length: 300 }, (_, i) => `let v${i} = ${i};`).join(' ');
const manySum = Array.from({ length: 300 }, (_, i) => `v${i}`).join(' + ');

const program = `
'use strict';
const out = [];
const attempt = (f) => { try { return f(); } catch (e) { return e.name + ': ' + (String(e.message).startsWith('skip') ? e.message : ''); } };
function loops(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let fresh;
    const twice = i * 2;
    if (i % 2) fresh = twice;
    for (let j = 0; j < 3; j++) { const k = j + twice; total += k; }
    out.push(fresh === undefined ? 'u' : fresh);
    let w = 0;
    while (w < i) { let step = 1; w += step; }
    total += w;
  }
  return total;
}
function closuresBeside(n) {
  const fns = [];
  let plain = 0;
  for (let i = 0; i < n; i++) {
    const captured = i * 10;
    const alone = i + 1;
    plain += alone;
    fns.push(() => captured + i);
  }
  for (const f of fns) plain += f();
  const counter = (() => { let c = 0; return () => ++c; })();
  counter(); counter();
  return [plain, counter(), fns.map((f) => f()).join()];
}
function tries(x) {
  const log = [];
  for (let i = 0; i < 4; i++) {
    let before = 'b' + i;
    try {
      const inner = i * x;
      if (i === 1) continue;
      if (i === 3) throw new Error('skip ' + inner);
      log.push(before, inner);
    } catch (e) {
      const msg = e.message;
      log.push('caught ' + msg);
    } finally {
      const fin = 'f' + i;
      log.push(fin);
    }
  }
  const early = () => { try { const r = 'try'; return r; } finally { log.push('finally ran'); } };
  log.push(early());
  outer: for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      const p = a * 3 + b;
      try { if (p === 4) break outer; } finally { log.push('p' + p); }
    }
  }
  return log;
}
function collections() {
  const m = new Map([['a', 1], ['b', 2]]);
  const s = new Set([3, 4, 3]);
  const seen = [];
  for (const [k, v] of m) { const line = k + v; seen.push(line); if (k === 'a') m.set('c', 3); }
  for (const v of s) { let sq = v * v; seen.push(sq); }
  let stopped = 0;
  for (const v of new Set([1, 2, 3])) { stopped = v; if (v === 2) break; }
  seen.push(stopped);
  for (const k in { x: 1, y: 2 }) { const key = k.toUpperCase(); seen.push(key); }
  return seen;
}
function destructure({ a, b = a + 1, ...rest }, [c, , d = 'd', ...tail] = [], ...more) {
  const { x: { y } = { y: 'dy' }, z = 'z' } = rest;
  let [p, q = p] = [c];
  const swapped = [d, c];
  [p, q] = [q, p];
  return [a, b, Object.keys(rest).join(), c, d, tail.length, more.length, y, z, p, q, ...swapped, ...[...'ab']];
}
function switches(k) {
  let r;
  switch (k) {
    case 0: { let inner = 'zero'; r = inner; break; }
    case 1: let one = 'one'; r = one; break;
    case 2: const two = 'two'; r = two;
    // fall through
    case 3: r = (r || '') + 'three'; break;
    default: { const other = 'other' + k; r = other; }
  }
  return r;
}
function retrieving(base) {
  let hidden = base * 2;
  const unused = 'local';
  function deeper(step) {
    const local = step + 1;
    return () => { const sum = hidden + local; hidden += 1; return sum + unused.length; };
  }
  const f = deeper(1);
  const g = (v) => { let t = v; return (w) => t + w + hidden; };
  return [f(), f(), g(5)(6)];
}
const named = function self(n) { const m = n - 1; return m <= 0 ? 0 : n + self(m); };
function argumentsAndDefaults(a, b = a * 2) { const n = arguments.length; let s = 0; for (let i = 0; i < n; i++) s += arguments[i]; return [a, b, n, s]; }
function* gen(n) { for (let i = 0; i < n; i++) { const v = i * i; yield v; } const done = 'end'; return done; }
class Counter {
  #n = 0;
  add(k) { const next = this.#n + k; this.#n = next; return this; }
  get value() { const v = this.#n; return v; }
  static of(...ks) { const c = new Counter(); for (const k of ks) c.add(k); return c.value; }
}
function recurse(n) { const here = n; if (n === 0) return [here]; const rest = recurse(n - 1); return [here, ...rest]; }
function literals(n) {
  const made = [];
  for (let i = 0; i < n; i++) {
    let c = i;
    const old = c++;
    const o = { i, old, c, nested: { arr: [i, ...[c, old], { deep: [c--] }] }, ['k' + i]: c };
    made.push(o, { ...o, i: -i, [i]: [] }, { get g() { return i; }, m() { return this.g; } }.m());
    try { made.push({ before: 1, bad: i % 2 ? thrower(i) : i, after: [2, ...[i]] }); } catch (e) { made.push([e.message, { after: 'catch' }]); }
  }
  const p = { q: 1 };
  const pq = p.q++;
  made.push(pq, p.q);
  return made;
}
function many() { ${many} return ${manySum}; }
function thrower(i) { if (i % 2) throw new Error('skip odd ' + i); return i; }
function retriedBlock() {
  const got = [];
  for (let i = 0; i < 4; i++) {
    try { const v = thrower(i); let doubled = v * 2; got.push(doubled); }
    catch (e) { got.push(e.message); }
  }
  return got;
}
out.push(loops(5), closuresBeside(3), tries(7), collections());
out.push(destructure({ a: 1, e: 5, x: { y: 'Y' } }, ['C']), destructure({ a: 2 }, ['c', 0, undefined, 1, 2], 3, 4));
out.push([0, 1, 2, 3, 4].map(switches), retrieving(3), named(5), argumentsAndDefaults(1), argumentsAndDefaults(1, 2, 3));
out.push([...gen(4)], gen(0).next(), Counter.of(1, 2, 3), recurse(4), many(), retriedBlock());
out.push(attempt(() => { const o = null; return o.x; }), attempt(() => thrower(3)));
out.push(literals(4));
`;

const moduleText = `${program}\nexport const result = encodeURIComponent(JSON.stringify(out));\nexport default result;\n`;

test('given locals in loops, closures, try/finally, for-of, destructuring, switch and nested functions, when compiled with -u and run in xsl, then it gives the result node gives', () => {
  const expected = encodeURIComponent(JSON.stringify(runInNewContext(`${program}; out`, {})));
  const mc = preloadModule(moduleText, join(scratch.dir, 'preload'), ['-u']);
  assert.ok(mc.includes(`.string = "${expected}"`), `the module's result in mc.xs.c: ${decodeURIComponent(expected)}`);
});

test('given the same program, when the runner compiles it without -u, then it gives the same result and its dead zones', () => {
  const expected = JSON.stringify(runInNewContext(`${program}; out`, {}));
  const tdz = `function tdz() { try { return y; } catch (e) { return e.name; } let y = 1; }\nout.push(tdz());`;
  const file = scriptFile(scratch.dir, 'plain', `${program}\n${tdz}\n__tinyusp_host.print(JSON.stringify(out));\n__tinyusp_host.exit(0);\n`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), JSON.stringify([...JSON.parse(expected), 'ReferenceError']));
});

const count = (ops: Op[], name: string) => ops.filter((o) => o.name === name).length;

test('given the same program, when xsc compiles it with -u, then only captured locals and temporaries are made on the scope stack', () => {
  const plain = compiledOps(scriptFile(scratch.dir, 'plain-ops', moduleText.replace(/\nexport .*/g, '')), scratch.dir);
  const skipped = compiledOps(scriptFile(scratch.dir, 'skipped-ops', moduleText.replace(/\nexport .*/g, '')), scratch.dir, ['-u']);
  assert.ok(count(plain, 'new_unnamed_local') > 300, `${count(plain, 'new_unnamed_local')} locals made without -u`);
  assert.equal(count(skipped, 'new_unnamed_local'), 0, 'every local of the program is uncaptured or a closure');
  assert.equal(count(skipped, 'new_closure'), count(plain, 'new_closure'));
  const temporaries = [count(skipped, 'new_temporary'), count(plain, 'new_temporary')];
  assert.ok(temporaries[0] > 0 && temporaries[0] < temporaries[1], `for-of's temporaries are left, the literals' are skipped: ${temporaries}`);
  assert.ok(count(skipped, 'unwind_1') < count(plain, 'unwind_1'), `unwind ${count(skipped, 'unwind_1')} < ${count(plain, 'unwind_1')}`);
  assert.equal(count(skipped, 'const_local_1'), 0, 'a skipped const is written by let_local');
  assert.ok(count(skipped, 'let_local_2') + count(skipped, 'get_local_2') > 0, 'the 300 locals reach the 2-byte forms');
  assert.ok(count(plain, 'refresh_local_1') > 0);
  assert.equal(count(skipped, 'refresh_local_1'), 0, 'no REFRESH_LOCAL (a no-op) with -u');
  assert.ok(count(skipped, 'refresh_closure_1') > 0, 'the captured loop variable still gets its copy per iteration');
  // with -u an object or array literal without spread is built on the stack (DUB), with no temporary
  const literalTemps = (ops: Op[]) => ops.filter((o, i) => o.name === 'set_local_1' && /^(object|array)$/.test(ops[i - 1]?.name)).length;
  const temps = [literalTemps(skipped), literalTemps(plain)];
  assert.ok(temps[0] > 0 && temps[0] * 3 < temps[1], `only the literals with a spread keep theirs: ${temps}`);
});

test('given the esp32 board preloaded by xsl, then its byte code makes no uncaptured local and refreshes none', () => {
  const { codes } = readImageCode(readFileSync(join(root, 'build/boards/esp32/mc/mc.xs.c'), 'utf8'));
  const ops = codes.flatMap((code) => decodeOps(code).ops);
  assert.equal(count(ops, 'new_unnamed_local') + count(ops, 'new_local'), 0);
  assert.equal(count(ops, 'refresh_local_1'), 0);
  assert.ok(count(ops, 'new_temporary') > 0 && count(ops, 'let_local_pop') > 100, 'the board still has temporaries (for-of, destructuring) and locals');
});
