// firmware/patches/moddable/0012-xsc-fused-property-calls.patch: xsc fuses two of the byte-code
// sequences the esp32 board has most of into one instruction each (two ops: with 0011, the last
// two values an op's byte has):
//   get_local_property  GET_LOCAL_1 then GET_PROPERTY (o.p with o a local or parameter)
//   call_property       DUB, GET_PROPERTY, CALL (the method of o.m(...)); a getter or a proxy's
//                       get trap is run nested, as a host function runs one
// An op that carries a key ID and a byte (gxCodeSizes mxCodeSizeIDByte) has its ID where every
// code walker of xsl and the engine finds IDs, so xsl remaps it into the preloaded image.
// The program runs in node and in the XS runner (whose xsCode.c and xsRun.c are the patched ones)
// with the same result, getters, proxies, primitives and bad receivers included; a preloaded
// module's fused ops name the right keys after xsl's remapping and run in xsl's own machine; the
// esp32 board's byte code has the fused forms and none of the pairs left.
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
  scratch = scratchDir('xs-fused');
});
after(() => scratch?.remove());

/** Each fused op and the sequence of ops it replaces. */
const FUSED: Record<string, string[]> = {
  get_local_property: ['get_local_1', 'get_property'],
  call_property: ['dub', 'get_property', 'call'],
};

/** Where in `ops` each sequence of FUSED is left unfused. */
function unfused(ops: Op[]): string[] {
  const left: string[] = [];
  for (const [name, seq] of Object.entries(FUSED)) {
    for (let i = 0; i + seq.length <= ops.length; i++) {
      if (seq.every((s, j) => ops[i + j].name === s)) left.push(`${name} at ${i}`);
    }
  }
  return left;
}

// Errors are compared by name (XS and V8 word messages differently), except the ones the
// program throws itself.
const program = `
'use strict';
const out = [];
const attempt = (f) => { try { return f(); } catch (e) { return e.name + (String(e.message).startsWith('fused') ? ': ' + e.message : ''); } };
const trace = [];
const withGetter = { get value() { trace.push('get value'); return this.base + 1; }, base: 41 };
const throwing = { get value() { throw new Error('fused getter'); } };
const proxy = new Proxy({ value: 'target' }, { get(t, k, r) { trace.push('trap ' + String(k)); return k === 'value' ? 'proxied ' + t.value : undefined; } });
const throwingProxy = new Proxy({}, { get() { throw new TypeError('fused trap'); } });
Object.defineProperty(String.prototype, 'fusedKind', { get() { return typeof this; }, configurable: true });
class Base { constructor() { this.value = 'own'; } get computed() { return this.value + '!'; } }
class Derived extends Base {}

// get_local_property: a local's (or parameter's) named property
function localProperty(o) { return o.value; }
function localPropertyOfLocal(x) { const o = x; const n = o.missing; return [o.value, n]; }
function localTdz() { try { return o.value; } catch (e) { return e.name; } let o = { value: 1 }; }
function localLoop(rows) { let sum = 0; for (let i = 0; i < rows.length; i++) { const row = rows[i]; sum += row.value; } return sum; }
out.push(
  localProperty({ value: 1 }), localProperty(withGetter), attempt(() => localProperty(throwing)),
  localProperty(proxy), attempt(() => localProperty(throwingProxy)),
  attempt(() => localProperty(undefined)), attempt(() => localProperty(null)),
  localProperty('str'), localPropertyOfLocal({ value: 2 }), localPropertyOfLocal(new Derived()),
  localTdz(), localLoop([{ value: 1 }, { value: 2 }, withGetter]),
  ((s) => s.fusedKind)('primitive'), ((s) => s.length)('four'), ((n) => n.toFixed)(1) === Number.prototype.toFixed,
  ((d) => d.computed)(new Derived()),
);

// call_property: o.m(...), the method got (getter, proxy trap, primitive's prototype) then called
// with o as its this, before the arguments are evaluated
const calls = {
  tag: 'calls', plain(a, b) { return [this.tag, a, b]; },
  get viaGetter() { trace.push('get viaGetter'); return function (x) { return this.tag + x; }; },
  get throwingGetter() { throw new Error('fused method getter'); },
  notAFunction: 3,
};
const methodProxy = new Proxy({ tag: 'target' }, { get(t, k) { trace.push('method trap ' + String(k)); return k === 'tag' ? 'proxy tag' : function () { return 'called ' + this.tag; }; } });
const arg = (v) => { trace.push('arg ' + v); return v; };
String.prototype.fusedSelf = function () { return typeof this + ':' + this; };
function recurse(n) { const o = { get step() { return (k) => (k > 0 ? recurse(k - 1) + 1 : 0); } }; return o.step(n); }
function methodOf(o) { return o.plain(1, 2); }
out.push(
  calls.plain(arg('a'), arg('b')), calls.viaGetter(arg('c')), attempt(() => calls.throwingGetter(arg('never'))),
  attempt(() => calls.notAFunction()), attempt(() => calls.missing()), attempt(() => methodOf(undefined)),
  methodProxy.anything(), attempt(() => throwingProxy.m()), 'abc'.toUpperCase(), (5).toFixed(1), 'str'.fusedSelf(),
  [3, 1, 2].sort().map(String).join(), methodOf(calls), new Derived().computed.concat('?'), recurse(50),
  [1, 2, 3].reduce((s, v) => s + v, 0), JSON.parse(JSON.stringify({ a: [1] })).a.includes(1),
);

out.push(trace);
`;

test('given fused patterns with getters, proxies, primitives and bad receivers, when run by the XS runner, then it gives the result node gives', () => {
  const expected = runInNewContext(`${program}; out`, {});
  const file = scriptFile(scratch.dir, 'fused', `${program}\n__tinyusp_host.print(JSON.stringify(out));\n__tinyusp_host.exit(0);\n`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim()), JSON.parse(JSON.stringify(expected)));
  assert.ok(JSON.stringify(expected).includes('fused getter') && JSON.stringify(expected).includes('TypeError'), 'the getter and the bad receivers threw');
});

test('given the same program, when xsc compiles it, then each fused op is there and none of the sequences is left', () => {
  const ops = compiledOps(scriptFile(scratch.dir, 'compiled', program), scratch.dir);
  assert.deepEqual(unfused(ops), []);
  for (const name of Object.keys(FUSED)) assert.ok(ops.some((o) => o.name === name), `${name} in ${JSON.stringify(ops.map((o) => o.name))}`);
});

test('given a module preloaded by xsl, then its fused ops name the keys of the source and ran in xsl with them', () => {
  // Names no builtin has, so that each is a key of the module's own, remapped by xsl.
  const module = `
export function area(shape) { return shape.fusedWidth * shape.fusedHeight; }
const shapes = [{ fusedWidth: 6, fusedHeight: 7 }, { get fusedWidth() { return 2; }, fusedHeight: 5 }];
export const fusedResult = 'fused:' + shapes.map(area).join(',');
export default fusedResult;
`;
  const mc = preloadModule(module, join(scratch.dir, 'preload'));
  const { codes, keyName } = readImageCode(mc);
  const named = new Set<string>();
  for (const code of codes) {
    for (const op of decodeOps(code).ops) if (op.name in FUSED && op.id !== undefined) named.add(keyName.get(op.id) ?? `unknown ID ${op.id}`);
  }
  assert.deepEqual([...named].sort(), ['fusedHeight', 'fusedWidth']);
  // the module body ran in xsl's machine (preloading): its result is a string of the image
  const expected = 'fused:' + [42, 10].join(',');
  assert.ok(mc.includes(`.string = "${expected}"`), `${expected} in mc.xs.c`);
});

test('given the esp32 board preloaded by xsl, then none of the fused sequences is left in its byte code', () => {
  const { codes } = readImageCode(readFileSync(join(root, 'build/boards/esp32/mc/mc.xs.c'), 'utf8'));
  const counts: Record<string, number> = {};
  const left: string[] = [];
  for (const code of codes) {
    const { ops } = decodeOps(code);
    left.push(...unfused(ops));
    for (const op of ops) if (op.name in FUSED) counts[op.name] = (counts[op.name] ?? 0) + 1;
  }
  assert.deepEqual(left, []);
  for (const name of Object.keys(FUSED)) assert.ok((counts[name] ?? 0) > 100, `${name}: ${counts[name]} in the board`);
});
