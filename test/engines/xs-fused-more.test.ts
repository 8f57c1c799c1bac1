// firmware/patches/moddable/0016-xs-fused-ops-prologues-literals.patch: twelve more rare ops
// (super[...], super.x = and delete, import.meta, using, transfer) become extended ops, and their
// values hold sequences the esp32 board has many of:
//   begin_strict_args         BEGIN_STRICT, ARGUMENT_LOCAL 0 0, 1 1... (arguments into the first locals)
//   increment_local           GET_LOCAL_1 i, INCREMENT, PULL_LOCAL_1 i (i++ as a statement)
//   object_dub                OBJECT, DUB
//   new_property_dub          NEW_PROPERTY, DUB (object literals)
//   this_call_property        THIS, CALL_PROPERTY (this.m(...))
//   call_property_run_0       CALL_PROPERTY, RUN_1 0 (o.m())
//   run_0                     RUN_1 0 (f(), new C())
//   set_property_pop          SET_PROPERTY, POP (o.p = v;), a setter run from a host frame
//   at_get_property_at        AT, GET_PROPERTY_AT (o[k])
//   let_local_pop_get_local   LET_LOCAL_POP, GET_LOCAL_1
//   get_local_integer_1       GET_LOCAL_1, INTEGER_1
//   get_closure_property      GET_CLOSURE_1, GET_PROPERTY
// and `void 0` (INTEGER_1, VOID) is UNDEFINED. The program runs in node and in the XS runner with
// the same result (getters, setters, proxies, primitives, exceptions thrown by the first part of a
// fused op, the temporal dead zone, const, overflow, branches longer than a byte reaches, the
// moved ops themselves: super[...] get, set and delete, super.x =); the esp32 board has the fused
// forms and none of the sequences left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildXsBoard, runBundle, scratchDir, scriptFile, type Cap } from './xs-harness.ts';
import { boardOps, compiledOps, decodeOps, preloadModule, readImageCode, type Op } from './xsb.ts';

const cap: Cap = { chunks: 256 * 1024, slots: 16 * 1024, stack: 4096 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsBoard('x64');
  scratch = scratchDir('xs-fused-more');
});
after(() => scratch?.remove());

/** Each fused op and a sequence it replaces (begin_strict_args: with one ARGUMENT_LOCAL at least). */
const FUSED: Record<string, { seq: string[]; when?: (ops: Op[]) => boolean }> = {
  begin_strict_args: { seq: ['begin_strict', 'argument_local'], when: ([, a]) => a.operand === 0x100 },
  increment_local: { seq: ['get_local_1', 'increment', 'pull_local_1'], when: ([g, , p]) => g.operand === p.operand },
  object_dub: { seq: ['object', 'dub'] },
  new_property_dub: { seq: ['new_property', 'dub'] },
  this_call_property: { seq: ['this', 'call_property'] },
  call_property_run_0: { seq: ['call_property', 'run_1'], when: ([, r]) => r.operand === 0 },
  run_0: { seq: ['run_1'], when: ([r]) => r.operand === 0 },
  set_property_pop: { seq: ['set_property', 'pop'] },
  at_get_property_at: { seq: ['at', 'get_property_at'] },
  let_local_pop_get_local: { seq: ['let_local_pop', 'get_local_1'] },
  get_local_integer_1: { seq: ['get_local_1', 'integer_1'] },
  get_closure_property: { seq: ['get_closure_1', 'get_property'] },
  undefined: { seq: ['integer_1', 'void'] },
  strict_equal_branch_else_1: { seq: ['strict_equal', 'branch_else_1'] },
  less_branch_else_1: { seq: ['less', 'branch_else_1'] },
  and_1: { seq: ['dub_branch_else_1', 'pop'] },
  or_1: { seq: ['dub_branch_if_1', 'pop'] },
  // (NOT then a branch is the other branch: no op of its own)
  branch_if_1: { seq: ['not', 'branch_else_1'] },
  branch_else_1: { seq: ['not', 'branch_if_1'] },
};

const BRANCHES = /^(branch|catch|code_[124]$|dub_branch|and_1|or_1|strict_equal_branch|less_branch)/;

/** Where in `ops` a sequence of FUSED is left, but where a branch lands inside it (then xsc keeps it). */
function unfused(ops: Op[]): string[] {
  const targets = new Set(ops.filter((o) => BRANCHES.test(o.name) && o.operand !== undefined).map((o) => o.end + o.operand!));
  const left: string[] = [];
  for (const [name, { seq, when }] of Object.entries(FUSED)) {
    for (let i = 0; i + seq.length <= ops.length; i++) {
      const at = ops.slice(i, i + seq.length);
      if (seq.every((s, j) => at[j].name === s) && (!when || when(at)) && !at.slice(1).some((o) => targets.has(o.at))) left.push(`${name} at ${i}`);
    }
  }
  return left;
}

// a loop body longer than a 1-byte branch reaches, made of fused ops
const longBody = Array.from({ length: 40 }, (_, i) => `o.k${i % 5} = a[i] + ${i};`).join(' ');
// a right operand longer than a 1-byte branch reaches
const longOperand = Array.from({ length: 90 }, (_, i) => `'s${i}'`).join(' + ');

const program = `
const out = [];
const trace = [];
const attempt = (f) => { try { return f(); } catch (e) { return e.name + (String(e.message).startsWith('fused') ? ': ' + e.message : ''); } };

// begin_strict_args: parameters copied into locals, fewer and more arguments than parameters
function one(a) { 'use strict'; return [a]; }
function three(a, b, c) { 'use strict'; const l = [a, b, c]; return l.map((x) => typeof x).join(); }
function five(a, b, c, d, e) { 'use strict'; a = a + 1; return [a, b, c, d, e, arguments.length]; }
function Made(x, y) { 'use strict'; this.sum = x + y; }
class Pair { constructor(a, b) { this.a = a; this.b = b; } swap(x, y) { return [y, x, this.a]; } }
out.push(one(), one(1, 2), three(1), three(1, 'b', null, 4), five(1, 2, 3, 4, 5, 6), five(), new Made(2, 3).sum,
  new Pair(1, 2).swap(3, 4), [3, 1, 2].sort((p, q) => p - q));

// increment_local: i++ on integers (overflow), doubles, strings, objects, bigints, const
function counts(n) { 'use strict'; let c = 0; for (let i = 0; i < n; i++) c++; return c; }
function bump(v) { 'use strict'; let x = v; x++; return x; }
function constBump() { 'use strict'; const k = 1; k++; return k; }
function valueOfThrows() { 'use strict'; let o = { valueOf() { throw new Error('fused valueOf'); } }; o++; return o; }
function tdzBump() { try { later++; } catch (e) { return e.name; } let later = 1; return later; }
out.push(counts(5), bump(2147483647), bump(1.5), bump('41'), bump({ valueOf() { trace.push('valueOf'); return 9; } }),
  String(bump(10n)), bump(undefined), attempt(constBump), attempt(valueOfThrows), tdzBump());

// object_dub and new_property_dub: literals with getters, setters, methods, computed keys, repeats
function literal(v) {
  'use strict';
  const o = { a: v, b: v + 1, get c() { return this.a * 10; }, set d(x) { this.a = x; }, m() { return this.b; }, ['k' + v]: 1, a2: 2, a: 'again' };
  o.d = 7;
  return [o.a, o.b, o.c, o.m(), Object.keys(o).join(), JSON.stringify({ x: { y: { z: [v, { w: v }] } } })];
}
out.push(literal(1), literal('s'));

// this_call_property, call_property_run_0, run_0: methods and calls of no argument
const calls = {
  tag: 'calls', plain() { return this.tag; }, viaThis() { return this.plain() + this.withArg(1); }, withArg(x) { return this.tag + x; },
  get viaGetter() { trace.push('get viaGetter'); return function () { return 'got ' + this.tag; }; },
  get throwingGetter() { throw new Error('fused method getter'); },
  notAFunction: 3,
  missing() { return this.nothing(); },
};
const methodProxy = new Proxy({ tag: 'target' }, { get(t, k) { trace.push('trap ' + String(k)); return function () { return 'called ' + String(k); }; } });
function zero(o) { return o.plain(); }
function viaGetter(o) { return o.viaGetter(); }
function throwing(o) { return o.throwingGetter(); }
function notFunction(o) { return o.notAFunction(); }
function none() { return 'none'; }
function callNone() { const r = none(); return r + none(); }
class Base { constructor() { this.base = 'base'; } }
class Derived extends Base { constructor() { super(); this.derived = 'derived'; } }
function Plain() { this.plain = 1; }
out.push(zero(calls), calls.viaThis(), viaGetter(calls), attempt(() => throwing(calls)), attempt(() => notFunction(calls)),
  attempt(() => zero(undefined)), attempt(() => zero(null)), zero(methodProxy), 'abc'.toUpperCase(), attempt(() => calls.missing()),
  callNone(), new Plain().plain, new Derived().derived, new Base().base, String(new Date(0).getTime()));

// set_property_pop: plain, setters (throwing, returning), getter only, frozen, proxies, primitives
const box = { v: 0, set s(x) { trace.push('set ' + x); this.v = x; return 'ignored'; }, set t(x) { throw new Error('fused setter'); }, get g() { return 1; } };
const setProxy = new Proxy({}, { set(t, k, v) { trace.push('set trap ' + String(k) + '=' + v); t[k] = v * 2; return true; } });
const refusing = new Proxy({}, { set() { return false; } });
function sets(o, v) { 'use strict'; o.s = v; o.v2 = v; return o.v + ':' + o.v2; }
function throwsSet(o) { 'use strict'; o.t = 1; return 'not here'; }
function getterOnly(o) { 'use strict'; o.g = 2; return 'not here'; }
function sloppyGetterOnly(o) { o.g = 2; return 'quiet ' + o.g; }
function frozenSet() { 'use strict'; const f = Object.freeze({ p: 1 }); f.p = 2; return f.p; }
function proxySet(p) { 'use strict'; p.x = 21; return p.x; }
function refusedSet(p) { 'use strict'; p.x = 1; return 'not here'; }
function primitiveSet() { 'use strict'; const s = 'str'; s.x = 1; return 'not here'; }
function inherited() { 'use strict'; const o = Object.create(box); o.s = 5; return [o.v, Object.keys(o).join()]; }
function lengthSet() { 'use strict'; const a = [1, 2, 3]; a.length = 1; return a; }
function chainValue(o) { 'use strict'; let r; r = o.v3 = 3; o.v4 = o.v3 + r; return [r, o.v4]; }
out.push(sets(box, 4), attempt(() => throwsSet(box)), attempt(() => getterOnly(box)), sloppyGetterOnly(box), attempt(frozenSet),
  proxySet(setProxy), attempt(() => refusedSet(refusing)), attempt(primitiveSet), inherited(), lengthSet(), chainValue(box));

// at_get_property_at: indexes, strings, symbols, objects as keys, getters, proxies, throws
const sym = Symbol('k');
const keyed = { 1: 'one', '1.5': 'one and a half', k: 'kay', [sym]: 'symbol', get g() { return 'getter'; } };
const keyObject = { toString() { trace.push('key toString'); return 'k'; } };
const badKey = { toString() { throw new Error('fused key'); } };
const atProxy = new Proxy({}, { get(t, k) { return 'at ' + String(k); } });
function at(o, k) { return o[k]; }
out.push(at(keyed, 1), at(keyed, 1.5), at(keyed, 'k'), at(keyed, sym), at(keyed, keyObject), at(keyed, 'g'), at([5, 6], 1),
  at([5, 6], -1), at('xyz', 2), at(new Uint8Array([7, 8]), 1), at(atProxy, 3), attempt(() => at(keyed, badKey)),
  attempt(() => at(undefined, 0)), at(keyed, 2 ** 32));

// let_local_pop_get_local, get_local_integer_1, get_closure_property (and the dead zone)
function locals(a) { 'use strict'; const b = a * 2; const c = b + 1; const d = c - 3; return [b, c, d, a === 0, a < 2, a & 255]; }
function tdzLocal() { try { return early + 1; } catch (e) { return e.name; } let early = 1; }
function closures() {
  'use strict';
  let shared = { p: 'closure p', get q() { return 'closure getter'; } };
  const read = () => shared.p + '/' + shared.q;
  const first = read();
  shared = { p: 'changed' , q: 1 };
  return [first, read()];
}
function tdzClosure() { const f = () => later.p; try { return f(); } catch (e) { return e.name; } finally { trace.push('tdz closure'); } let later = {}; }
out.push(locals(0), locals(5), tdzLocal(), closures(), tdzClosure());

// void 0 and a loop whose body is longer than a 1-byte branch reaches
function voids(x) { 'use strict'; return [void 0, void 7, void x, typeof void 0, x === void 0]; }
function long(a) {
  'use strict';
  const o = {};
  for (let i = 0; i < a.length; i++) { ${longBody} }
  let n = 0;
  for (const k in o) { if (o[k] > 10) n++; }
  return [o.k0, o.k4, n];
}
out.push(voids(1), voids(), long([1, 2, 3]));

// strict_equal_branch_else_1, less_branch_else_1, and_1, or_1, a NOT before a branch: short and long
function compare(a, b) {
  'use strict';
  const r = [];
  if (a === b) r.push('same'); else r.push('other');
  if (a < b) r.push('less'); else r.push('not less');
  if (!(a < b)) r.push('!less');
  if (!a) r.push('!a');
  while (!r.length) r.push('never');
  return r.join();
}
function compareLong(a, b) { 'use strict'; let s = ''; if (a === b) { s = ${longOperand}; } if (a < b) { s += ${longOperand}; } if (!a) { s += ${longOperand}; } return s.length; }
function and(a, b) { 'use strict'; let r = a && [b][0]; return r; }
function or(a, b) { 'use strict'; let r = a || [b][0]; return r; }
function andLong(a) { 'use strict'; let r = a && ${longOperand}; return r; }
function orLong(a) { 'use strict'; let r = a || ${longOperand}; return r; }
const lessObject = { valueOf() { trace.push('less valueOf'); return 2; } };
const lessThrows = { valueOf() { throw new Error('fused less'); } };
out.push(compare(1, 1), compare(1, 2), compare(2, 1), compare('a', 'b'), compare(NaN, NaN), compare(0, -0), compare(1n, 2n), compare(null, undefined),
  compare(lessObject, 3), compare(3, lessObject), attempt(() => compare(lessThrows, 1)), compare('', 0), compare({}, {}),
  compareLong(1, 1), compareLong(1, 2), compareLong(0, 0), and(0, 1), and(1, 2), and('', 'x'), and(null, 1), String(and(0n, 1)), and(NaN, 1), and({}, 'obj'),
  or(0, 1), or(1, 2), or(undefined, NaN), or(0n, 'big'), or('', null), andLong(0), andLong(1).length, orLong('kept'), orLong(0).length);

// the moved async and generator functions
function* counter(n) { for (let i = 0; i < n; i++) yield i; }
async function later(x) { return x; }
async function* pairs() { yield 1; }
out.push([...counter(3)], later(1) instanceof Promise, typeof pairs().next);

// the moved ops: super[...] get, set and delete, super.x =
class Up { get name() { return 'up'; } m() { return 'm'; } }
class Down extends Up {
  read(k) { return super[k]; }
  call() { return super['m'](); }
  write() { super.w = 1; super['x'] = 2; return [this.w, this.x]; }
  remove() { try { delete super.m; return 'deleted'; } catch (e) { return e.name; } }
  removeAt() { try { delete super['m']; return 'deleted'; } catch (e) { return e.name; } }
}
const down = new Down();
out.push(down.read('name'), down.call(), down.write(), down.remove(), down.removeAt());

out.push(trace);
`;

test('given fused prologues, literals, calls, sets, reads and the moved ops, when run by the XS runner, then it gives the result node gives', () => {
  const expected = runInNewContext(`${program}; out`, {});
  const file = scriptFile(scratch.dir, 'fused-more', `${program}\n__tinyusp_host.print(JSON.stringify(out));\n__tinyusp_host.exit(0);\n`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout.trim());
  assert.deepEqual(got, JSON.parse(JSON.stringify(expected)));
  const text = JSON.stringify(got);
  for (const thrown of ['Error: fused valueOf', 'Error: fused method getter', 'Error: fused setter', 'Error: fused key', 'Error: fused less', 'ReferenceError', 'TypeError']) {
    assert.ok(text.includes(thrown), thrown);
  }
});

test('given the same program in a module, when xsc compiles it with -u, then each fused op and moved op is there and no sequence is left', () => {
  // xsc compiles a module (strict): the sloppy functions out
  const strict = program.replace(/function sloppyGetterOnly[^\n]*\n/, '').replace(/sloppyGetterOnly\(box\), /, '');
  for (const options of [[], ['-u']]) {
    const ops = compiledOps(scriptFile(scratch.dir, 'compiled', `${strict}\nexport default out;\n`), scratch.dir, options);
    const names = new Set(ops.map((o) => o.name));
    assert.deepEqual(unfused(ops), [], options.join());
    // (without -u, arguments go to locals a closure may capture: no ARGUMENT_LOCAL)
    for (const name of Object.keys(FUSED).filter((n) => options.length || n !== 'begin_strict_args')) assert.ok(names.has(name), `${name} in the code (${options.join()})`);
    assert.ok(ops.some((o, i) => o.name === 'dub' && ops[i + 1].name === 'branch_else_2' && ops[i + 2].name === 'pop'), 'a long && again as its codes');
    assert.ok(ops.some((o, i) => o.name === 'strict_equal' && ops[i + 1].name === 'branch_else_2'), 'a long === again as its codes');
    for (const name of ['get_super_at', 'set_super', 'set_super_at', 'delete_super', 'delete_super_at', 'super_at', 'generator_function', 'async_function', 'async_generator_function']) {
      assert.ok(names.has(name), `${name} (extended) in the code`);
    }
    assert.ok(ops.some((o) => o.name === 'branch_1' && o.operand! < -100) || ops.some((o) => /^branch(_else|_if)?_2$/.test(o.name)), 'a long branch');
  }
});

test('given a module preloaded by xsl, then its fused ops with a key name the keys of the source and ran in xsl', () => {
  const module = `
class Holder {
  constructor() { this.fusedSetKey = 1; }
  fusedMethod() { return this.fusedHelper(); }
  fusedHelper() { return 'h' + this.fusedSetKey; }
}
function outer() { let shared = { fusedClosureKey: 'c' }; return () => shared.fusedClosureKey; }
export function run() {
  const h = new Holder();
  h.fusedSetKey = 2;
  const o = { fusedLiteralKey: 'l', fusedOtherKey: 'o' };
  return h.fusedHelper() + new Holder().fusedMethod() + outer()() + o.fusedLiteralKey + o.fusedOtherKey;
}
export const fusedResult = 'fused:' + run();
export default fusedResult;
`;
  const mc = preloadModule(module, join(scratch.dir, 'preload'), ['-u']);
  const { codes, keyName } = readImageCode(mc);
  const named: Record<string, Set<string>> = {};
  for (const code of codes) {
    for (const op of decodeOps(code).ops) {
      if (op.id === undefined || !/^(this_call_property|call_property_run_0|get_closure_property|set_property_pop|new_property_dub)$/.test(op.name)) continue;
      (named[op.name] ??= new Set()).add(keyName.get(op.id) ?? `unknown ID ${op.id}`);
    }
  }
  const sorted = Object.fromEntries(Object.entries(named).map(([k, v]) => [k, [...v].sort()]));
  assert.deepEqual(sorted, {
    this_call_property: ['fusedHelper'],
    call_property_run_0: ['fusedMethod'],
    get_closure_property: ['fusedClosureKey'],
    set_property_pop: ['fusedSetKey'],
    new_property_dub: ['fusedLiteralKey'],
  });
  assert.ok(mc.includes('.string = "fused:h2h1clo"'), 'the module body ran in xsl');
});

test('given the esp32 board preloaded by xsl, then its code decodes to its end, with the fused ops and no sequence left', () => {
  const { left, counts } = boardOps(unfused);
  assert.deepEqual(left, []);
  for (const name of Object.keys(FUSED)) assert.ok((counts[name] ?? 0) > 100, `${name}: ${counts[name]} in the board`);
});
