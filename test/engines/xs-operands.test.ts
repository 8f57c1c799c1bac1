// firmware/patches/moddable/0014-xs-code-operands.patch: operands that were instructions of their
// own. NEW_PROPERTY (id, flags) and NEW_PROPERTY_AT (flags) carry the property's flags, that an
// INTEGER_1 nothing ran held after them; BEGIN_* (parameters, slots) reserves the function's stack
// slots once it is done, as the RESERVE_1 that followed it did (a RESERVE_2 still follows when
// there are over 255). The program defines properties every way xsc codes one (literals,
// accessors, computed keys, spread, __proto__, class members and fields, private fields, tagged
// templates, a sloppy function's caller, generator results) and runs functions of every BEGIN_*
// (sloppy, strict, base, derived, field, generator, async, eval, new Function, over 255 locals);
// node and the XS runner give the same result, descriptors, names and exceptions included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { root } from '../../build.config.ts';
import { buildXsBoard, runBundle, scratchDir, scriptFile, type Cap } from './xs-harness.ts';
import { compiledOps, decodeOps, preloadModule, readImageCode, type Op } from './xsb.ts';

const cap: Cap = { chunks: 256 * 1024, slots: 16 * 1024, stack: 4096 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsBoard('x64');
  scratch = scratchDir('xs-operands');
});
after(() => scratch?.remove());

/** The pairs 0014 folds into one instruction. */
const FOLDED: string[][] = [
  ['new_property', 'integer_1'],
  ['new_property_at', 'integer_1'],
  ...['begin_sloppy', 'begin_strict', 'begin_strict_base', 'begin_strict_derived', 'begin_strict_field'].map((b) => [b, 'reserve_1']),
];

function leftPairs(ops: Op[]): string[] {
  const left: string[] = [];
  for (let i = 0; i + 1 < ops.length; i++) {
    if (FOLDED.some(([a, b]) => ops[i].name === a && ops[i + 1].name === b)) left.push(`${ops[i].name} ${ops[i + 1].name} at ${i}`);
  }
  return left;
}

// 300 locals: a RESERVE_2 after BEGIN (slots 0 in BEGIN)
const manyLocals = `function manyLocals(seed) { ${Array.from({ length: 300 }, (_, i) => `let v${i} = seed + ${i};`).join(' ')} return v0 + v150 + v299; }`;

const program = `
const out = [];
const attempt = (f) => { try { return f(); } catch (e) { return e.name + (String(e.message).startsWith('operand') ? ': ' + e.message : ''); } };
const describe = (o) => Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o).map(String)).map((k) => {
  const d = Object.getOwnPropertyDescriptor(o, typeof k === 'string' && k.startsWith('Symbol(') ? Object.getOwnPropertySymbols(o).find((s) => String(s) === k) : k);
  return [k, 'value' in d ? (typeof d.value === 'function' ? 'fn ' + d.value.name : d.value) : 'accessor ' + (d.get ? d.get.name : '-') + '/' + (d.set ? d.set.name : '-'), d.enumerable, d.writable, d.configurable].join(':');
});
const sym = Symbol('operandSym');
const key = 'computed';
let setterSeen;

// object literals: NEW_PROPERTY and NEW_PROPERTY_AT with each flag
const literal = {
  plain: 1, 'quoted key': 2, 3: 'three', fn: function () {}, arrow: () => 0, method() { return 'm'; },
  get acc() { return 'got'; }, set acc(v) { setterSeen = v; },
  [key]: 'c', [key + 'Fn']: function () {}, [sym]: 's', ['m' + 'ethod2']() {}, get [key + 'Get']() { return 'g'; }, set [key + 'Set'](v) { setterSeen = 'at ' + v; },
  ...{ spread: 'sp', plain: 'overridden by spread' }, after: 'after',
};
literal.acc = 'set'; literal.computedSet = 'x';
out.push(describe(literal), literal.acc, literal.computedGet, setterSeen, literal.method());
const withProto = { __proto__: { inherited: 'yes' }, own: 1 };
out.push(Object.keys(withProto), withProto.inherited, describe({ ['__proto__']: 'own proto key' }));

// a throwing computed key and a throwing value: nothing after them is defined
let partial;
out.push(attempt(() => { partial = { a: 1, [(() => { throw new Error('operand key'); })()]: 2 }; }), partial);
out.push(attempt(() => ({ a: 1, b: (() => { throw new RangeError('operand value'); })() })));

// classes: methods, accessors, statics, computed members, fields, private fields, static blocks
class Base {
  constructor(x) { this.x = x; }
  method() { return 'base ' + this.x; }
  get acc() { return 'acc ' + this.x; }
  set acc(v) { this.x = v; }
  static make(v) { return new this(v); }
  static get staticAcc() { return 'static acc'; }
  [key + 'Method']() { return 'computed method'; }
  static [key + 'Static'] = 'computed static field';
  static field = 'static field';
}
class Derived extends Base {
  field = 'field';
  arrowField = () => this.field;
  [key + 'Field'] = 'computed field';
  #secret = 'private';
  static #count = 0;
  constructor(x) { super(x); Derived.#count++; }
  get secret() { return this.#secret; }
  static count() { return Derived.#count; }
  method() { return 'derived ' + super.method(); }
}
const d = Derived.make(5);
out.push(describe(Base.prototype), describe(Derived.prototype), describe(Base).filter((s) => !s.startsWith('prototype') && !s.startsWith('length') && !s.startsWith('name')), describe(d),
  d.method(), d.acc, d.secret, d.arrowField(), Derived.count(), Base.staticAcc);
class Frozen { constructor() { return Object.freeze({}); } }
class FieldOnFrozen extends Frozen { f = 1; }
class FieldThrows { f = (() => { throw new Error('operand field'); })(); }
out.push(attempt(() => new FieldOnFrozen()), attempt(() => new FieldThrows()));

// tagged templates (NEW_PROPERTY_AT of the strings and raws)
const tag = (strings, ...values) => [strings.slice(), strings.raw.slice(), Object.isFrozen(strings), describe(strings).length, values];
out.push(tag\`a\${1}b\\n\${2}\`);

// generators (their results), async, sloppy functions (their caller)
function* gen() { const x = yield 1; yield x; yield 3; return 4; }
const g = gen();
out.push([g.next(), g.next(2), g.next(), g.next(), g.next()]);
out.push([...gen()]);
function sloppy(a, b) { var local = a + b; return [local, typeof arguments, arguments.length]; }
out.push(sloppy(1, 2, 3), (function () { return this === undefined ? 'undef' : typeof this; })());
out.push(new Function('a', 'b', 'const c = { k: a, [b]: 2 }; return Object.keys(c).concat(c.k)')(7, 'bee'));
out.push(eval('const e = { get v() { return 1; }, w: 2 }; [e.v, e.w, Object.keys(e)]'));

// BEGIN_* with no slots, few, and over 255 (RESERVE_2)
${manyLocals}
const noLocals = () => 1;
function params(a, b = a + 1, ...rest) { const [c] = rest; return [a, b, c, rest.length]; }
function closures(n) { const fns = []; for (let i = 0; i < n; i++) fns.push(() => i * n); return fns.map((f) => f()); }
function deep(n) { return n ? deep(n - 1) + 1 : 0; }
out.push(manyLocals(1), noLocals(), params(1), params(1, 5, 9, 10), closures(3), deep(200), params.length, manyLocals.length);

const asyncResult = [];
(async function () { const a = await 1; const b = await Promise.resolve(a + 1); asyncResult.push(a, b, { a, b }); })();
`;

const finish = `Promise.resolve().then(() => Promise.resolve()).then(() => { out.push(asyncResult); __tinyusp_host.print(JSON.stringify(out)); __tinyusp_host.exit(0); });`;

test('given properties defined every way xsc codes one and functions of every BEGIN_*, when run by the XS runner, then it gives the result node gives', async () => {
  const expected = runInNewContext(`${program}; (async () => { await null; await null; await null; out.push(asyncResult); return JSON.stringify(out); })()`, {});
  const file = scriptFile(scratch.dir, 'operands', `${program}\n${finish}\n`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout.trim());
  assert.deepEqual(got, JSON.parse(await expected));
  const text = JSON.stringify(got);
  for (const thrown of ['Error: operand key', 'RangeError: operand value', 'Error: operand field', 'TypeError']) assert.ok(text.includes(thrown), thrown);
  assert.ok(text.includes('accessor acc/acc') || text.includes('accessor get acc/set acc'), 'an accessor pair was defined');
});

test('given the same program, when xsc compiles it, then no folded pair is left and the operands are there', () => {
  const ops = compiledOps(scriptFile(scratch.dir, 'compiled', program), scratch.dir);
  assert.deepEqual(leftPairs(ops), []);
  const names = new Set(ops.map((o) => o.name));
  // (xsc compiles a module: no begin_sloppy; the runner's sloppy script and new Function run one)
  for (const name of ['new_property', 'new_property_at', 'begin_strict', 'begin_strict_base', 'begin_strict_derived', 'begin_strict_field', 'reserve_2']) {
    assert.ok(names.has(name), `${name} in the code`);
  }
  // NEW_PROPERTY's byte is its flags: a getter's (XS_NAME_FLAG | XS_METHOD_FLAG | XS_GETTER_FLAG 49) and a class method's (| XS_DONT_ENUM_FLAG 21) among them
  // (0016: new_property_dub, NEW_PROPERTY then DUB, carries the same flags)
  const flags = new Set(ops.filter((o) => o.name === 'new_property' || o.name === 'new_property_dub').map((o) => o.operand));
  for (const f of [0, 1, 17, 21, 49, 81]) assert.ok(flags.has(f), `flags ${f} in ${[...flags]}`);
});

test('given a module preloaded by xsl, then its NEW_PROPERTY ops name the keys of the source and ran in xsl', () => {
  const module = `
export function make(w) { return { operandWidth: w, get operandHeight() { return 7; } }; }
const made = make(6);
export const operandResult = 'operands:' + made.operandWidth * made.operandHeight + ':' + Object.keys(made).join('/');
export default operandResult;
`;
  const mc = preloadModule(module, join(scratch.dir, 'preload'));
  const { codes, keyName } = readImageCode(mc);
  const named = new Set<string>();
  for (const code of codes) {
    for (const op of decodeOps(code).ops) if ((op.name === 'new_property' || op.name === 'new_property_dub') && op.id !== undefined) named.add(keyName.get(op.id) ?? `unknown ID ${op.id}`);
  }
  assert.ok(named.has('operandWidth') && named.has('operandHeight'), [...named].join());
  assert.ok(mc.includes('.string = "operands:42:operandWidth/operandHeight"'), 'the module body ran in xsl');
});

test('given the esp32 board preloaded by xsl, then none of the folded pairs is left in its byte code', () => {
  const { codes } = readImageCode(readFileSync(join(root, 'build/boards/esp32/mc/mc.xs.c'), 'utf8'));
  const left: string[] = [];
  let defined = 0;
  for (const code of codes) {
    const { ops, end } = decodeOps(code);
    assert.equal(end, code.length, 'each code decodes to its end');
    left.push(...leftPairs(ops));
    defined += ops.filter((o) => o.name === 'new_property' || o.name === 'new_property_dub').length;
  }
  // With 0013 (-u) an object literal is built on the stack, so the expression after a literal's
  // last property can start with an integer: a few new_property/integer_1 neighbours are real
  // code. Unfolded flags would follow every one of the board's NEW_PROPERTY ops.
  const literalEnds = left.filter((p) => p.startsWith('new_property integer_1 '));
  assert.deepEqual(left.filter((p) => !literalEnds.includes(p)), []);
  assert.ok(literalEnds.length * 100 < defined, `${literalEnds.length} of ${defined} new_property followed by integer_1`);
  assert.ok(defined > 100, `${defined} new_property in the board`);
});
