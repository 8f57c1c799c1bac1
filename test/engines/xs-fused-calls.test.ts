// firmware/patches/moddable/0015-xs-extended-ops-fused-calls.patch: the ops of eval, with,
// debugger and template_cache (rare in an embedded program; none in the esp32 board) become two
// bytes, XS_CODE_EXTENDED then their number from 256 on, and the nine values they left hold fused
// sequences the board has many of:
//   call_module_1            UNDEFINED, GET_MODULE_1, CALL (f(...) of a module function)
//   this_property            THIS, GET_PROPERTY
//   end_arrow_result         SET_RESULT, END_ARROW (over targets no branch reaches)
//   end_result               SET_RESULT, END
//   get_local_call_property  GET_LOCAL_1, CALL_PROPERTY (o.m(...), o a local)
//   get_local_run_1          GET_LOCAL_1, RUN_1 (f(..., x), x a local)
//   dub_branch_else_1/if_1   DUB, BRANCH_ELSE_1/BRANCH_IF_1 (&&, ||), a DUB and a 2-byte branch
//                            again when the offset does not fit a byte
// The program runs in node and in the XS runner with the same result (getters, proxies,
// primitives, bad receivers, the temporal dead zone, constructors' results, finally blocks, long
// branches, and the extended ops themselves: direct eval, with, debugger, tagged templates); a
// preloaded module's fused ops name the right keys after xsl's remapping and ran in xsl; the esp32
// board has the fused forms and none of the pairs left.
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
  scratch = scratchDir('xs-fused-calls');
});
after(() => scratch?.remove());

/** Each fused op and the sequence it replaces (end_arrow_result and end_result: with no target between). */
const FUSED: Record<string, string[]> = {
  call_module_1: ['undefined', 'get_module_1', 'call'],
  this_property: ['this', 'get_property'],
  end_arrow_result: ['set_result', 'end_arrow'],
  end_result: ['set_result', 'end'],
  get_local_call_property: ['get_local_1', 'call_property'],
  get_local_run_1: ['get_local_1', 'run_1'],
  dub_branch_else_1: ['dub', 'branch_else_1'],
  dub_branch_if_1: ['dub', 'branch_if_1'],
};

/** Where in `ops` a sequence of FUSED is left; SET_RESULT then END is left apart where a branch
 * reaches the END (a return elsewhere in the function), so those are not counted here. */
function unfused(ops: Op[]): string[] {
  const left: string[] = [];
  for (const [name, seq] of Object.entries(FUSED)) {
    if (seq[0] === 'set_result') continue;
    for (let i = 0; i + seq.length <= ops.length; i++) {
      if (seq.every((s, j) => ops[i + j].name === s)) left.push(`${name} at ${i}`);
    }
  }
  return left;
}

// a right operand longer than a 1-byte branch reaches: the DUB and the 2-byte branch again
const long = Array.from({ length: 90 }, (_, i) => `'s${i}'`).join(' + ');

const program = `
const out = [];
const attempt = (f) => { try { return f(); } catch (e) { return e.name + (String(e.message).startsWith('fused') ? ': ' + e.message : ''); } };
const trace = [];

// this_property: this.p, with getters, proxies, primitives
class Box {
  constructor(v) { this.v = v; }
  get doubled() { trace.push('get doubled'); return this.v * 2; }
  get throwing() { throw new Error('fused this getter'); }
  read() { return this.v; }
  readGetter() { return this.doubled; }
  readThrowing() { return this.throwing; }
  readMissing() { return this.missing; }
}
function strictThis() { 'use strict'; return this.length; }
function sloppyThis() { return typeof this.valueOf(); }
const proxyThis = new Proxy({ v: 'target' }, { get(t, k) { trace.push('this trap ' + String(k)); return k === 'v' ? 'proxied' : undefined; } });
const b = new Box(21);
out.push(b.read(), b.readGetter(), attempt(() => b.readThrowing()), b.readMissing(), Box.prototype.read.call(proxyThis),
  strictThis.call('four'), sloppyThis.call(5), attempt(() => Box.prototype.read.call(undefined)));

// end_arrow_result and end_result: returns, constructors' results, finally blocks
const arrow = (x) => x + 1;
const arrowBranches = (x) => { if (x > 1) return 'big'; if (x < 0) { return 'negative'; } return 'small'; };
function plain(x) { if (x) return 'yes'; return 'no'; }
function Ctor() { this.made = true; return 5; }
function CtorObject() { this.made = true; return { other: true }; }
class Derived extends Box { constructor() { super(1); return undefined; } }
function withFinally(x) { try { return 'try ' + x; } finally { trace.push('finally ' + x); } }
function finallyOverrides() { try { return 'try'; } finally { return 'finally'; } }
out.push(arrow(1), arrowBranches(2), arrowBranches(-1), arrowBranches(0), plain(1), plain(0), new Ctor(), new CtorObject(),
  new Derived().v, withFinally(1), finallyOverrides(), [1, 2, 3].map((x) => x * 2));

// get_local_call_property and get_local_run_1: a local's method called, a local passed last
const calls = {
  tag: 'calls', plain(a) { return this.tag + a; },
  get viaGetter() { trace.push('get viaGetter'); return function (x) { return this.tag + x; }; },
  get throwingGetter() { throw new Error('fused method getter'); },
  notAFunction: 3,
};
const methodProxy = new Proxy({ tag: 'target' }, { get(t, k) { trace.push('method trap ' + String(k)); return function () { return 'called ' + String(k); }; } });
function callOf(o, a) { return o.plain(a); }
function getterOf(o) { return o.viaGetter(1); }
function throwingOf(o) { return o.throwingGetter(trace.push('never')); }
function notFunctionOf(o) { return o.notAFunction(); }
function proxyOf(o) { return o.anything(); }
function primitiveOf(s) { return s.toUpperCase(); }
function tdzCall() { try { return local.m(); } catch (e) { return e.name; } let local = { m() { return 1; } }; }
function pass(x) { const y = x + 1; return String(y); }
function passMany(a, b) { const c = [a, b]; return Math.max(a, b, c.length); }
function tdzArg() { try { return pass(later); } catch (e) { return e.name; } let later = 1; }
out.push(callOf(calls, 1), getterOf(calls), attempt(() => throwingOf(calls)), attempt(() => notFunctionOf(calls)),
  attempt(() => callOf(undefined, 1)), attempt(() => callOf(null, 1)), proxyOf(methodProxy), primitiveOf('abc'),
  tdzCall(), pass(1), passMany(3, 9), tdzArg());

// dub_branch_else_1 and dub_branch_if_1: && and ||, short and long
function and(a, b) { return a && b; }
function or(a, b) { return a || b; }
function andLong(a) { return a && ${long}; }
function orLong(a) { return a || ${long}; }
function mixed(a, b, c) { return (a && b) || c; }
out.push(and(0, 1), and(1, 2), and('', 'x'), and(null, 1), or(0, 1), or(1, 2), or(undefined, NaN), or(0n, 'big'),
  andLong(0), andLong(1).length, orLong('kept'), orLong(0).length, mixed(1, 0, 'c'), mixed(1, 2, 'c'));

// the extended ops: direct eval (eval, eval_environment, eval_reference), with, debugger, a tagged template's cache
function evalLocal(x) { return eval('x * 2 + y'); var y = 1; }
function evalDeclares() { eval('var declared = 7'); return declared; }
function withScope(o) { with (o) { return a + b; } }
function stops() { debugger; return 'after debugger'; }
const tag = (strings) => strings;
const cached = () => tag\`same\`;
out.push(evalLocal(3), evalDeclares(), withScope({ a: 1, b: 2 }), stops(), cached() === cached(), cached().raw[0], (0, eval)('1 + 1'));

out.push(trace);
`;

test('given fused calls, returns, branches and the extended ops, when run by the XS runner, then it gives the result node gives', () => {
  const expected = runInNewContext(`${program}; out`, {});
  const file = scriptFile(scratch.dir, 'fused-calls', `${program}\n__tinyusp_host.print(JSON.stringify(out));\n__tinyusp_host.exit(0);\n`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout.trim());
  assert.deepEqual(got, JSON.parse(JSON.stringify(expected)));
  const text = JSON.stringify(got);
  for (const thrown of ['Error: fused this getter', 'Error: fused method getter', 'ReferenceError', 'TypeError']) assert.ok(text.includes(thrown), thrown);
});

test('given the same program in a module, when xsc compiles it, then each fused op and extended op is there and no pair is left', () => {
  // xsc compiles a module (strict): with and the sloppy evals out, the rest as above
  const strict = program.replace(/function withScope[^\n]*\n/, '').replace(/withScope\(\{ a: 1, b: 2 \}\), /, '')
    .replace(/function sloppyThis[^\n]*\n/, '').replace(/sloppyThis\.call\(5\),/, '');
  const ops = compiledOps(scriptFile(scratch.dir, 'compiled', `${strict}\nexport default out;\n`), scratch.dir);
  const names = new Set(ops.map((o) => o.name));
  const longBranches = ops.filter((o, i) => o.name === 'dub' && /^branch_(else|if)_2$/.test(ops[i + 1]?.name ?? '')).length;
  assert.ok(longBranches >= 2, `andLong and orLong keep a DUB and a 2-byte branch (${longBranches})`);
  assert.deepEqual(unfused(ops), []);
  // (call_module_1: in the preloaded module below and the board)
  for (const name of Object.keys(FUSED).filter((n) => n !== 'call_module_1')) assert.ok(names.has(name), `${name} in the code`);
  for (const name of ['eval', 'debugger', 'template_cache']) assert.ok(names.has(name), `${name} (extended) in the code`);
});

test('given a module preloaded by xsl, then its fused ops name the keys of the source and ran in xsl', () => {
  const module = `
function twice(x) { return x * 2; }
function later() { return notYet; }
class Shape { constructor(w) { this.fusedWidth = w; } area() { return this.fusedWidth * this.fusedWidth; } }
export function areaOf(w) { const s = new Shape(w); return twice(s.area()) && s.fusedArea(); }
Shape.prototype.fusedArea = function () { return this.fusedWidth; };
let early; try { early = later(); } catch (e) { early = e.name; }
const notYet = 'set';
export const fusedResult = 'fused:' + twice(21) + ':' + areaOf(3) + ':' + early + ':' + later();
export default fusedResult;
`;
  const mc = preloadModule(module, join(scratch.dir, 'preload'));
  const { codes, keyName } = readImageCode(mc);
  const named = new Set<string>();
  let moduleCalls = 0;
  for (const code of codes) {
    for (const op of decodeOps(code).ops) {
      if ((op.name === 'this_property' || op.name === 'get_local_call_property') && op.id !== undefined) named.add(keyName.get(op.id) ?? `unknown ID ${op.id}`);
      if (op.name === 'call_module_1') moduleCalls++;
    }
  }
  // (s.fusedArea() after && is a pop_get_local then a call_property: not fused)
  assert.deepEqual([...named].sort(), ['area', 'fusedWidth']);
  assert.ok(moduleCalls >= 1, 'areaOf calls twice through call_module_1');
  assert.ok(mc.includes('.string = "fused:42:3:ReferenceError:set"'), 'the module body ran in xsl');
});

test('given the esp32 board preloaded by xsl, then its code decodes to its end, with the fused ops and no pair left', () => {
  const { left, counts } = boardOps(unfused);
  assert.deepEqual(left, []);
  for (const name of Object.keys(FUSED)) assert.ok((counts[name] ?? 0) > 100, `${name}: ${counts[name]} in the board`);
});
