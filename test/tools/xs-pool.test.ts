// tools/bundle/xs-pool.ts: repeated string literals and standard globals read by the functions of
// the device bundle become module constants; the program keeps its meaning. Each case runs the
// original and the pooled text in node:vm (as an ES module's body would run: strict) and compares
// what they return.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { poolForXs } from '../../tools/bundle/xs-pool.ts';

const run = (code: string): unknown => runInNewContext(`"use strict";${code}`, {});

function same(code: string): ReturnType<typeof poolForXs> {
  const r = poolForXs(code);
  assert.equal(JSON.stringify(run(r.code)), JSON.stringify(run(code)), r.code);
  return r;
}

/** `n` functions that each read `expr` twice, and their results. */
const readers = (expr: string, n: number): string => Array.from({ length: n }, (_, i) => `const f${i}=()=>[${expr},${expr}];`).join('')
  + `[${Array.from({ length: n }, (_, i) => `f${i}()`).join(',')}]`;

test('given a string read often by functions, when pooled, then it is one module constant declared first', () => {
  const r = same(readers('"Device.LocalAgent."', 4));
  assert.equal(r.strings, 1);
  assert.equal(r.reads, 8);
  assert.match(r.code, /^const \$0 = "Device\.LocalAgent\.";\n/);
  assert.equal(r.code.match(/Device\.LocalAgent\./g)?.length, 1);
});

test('given a string read too few times to pay for its binding, when pooled, then it stays a literal', () => {
  // 2 reads of 2 saved bytes each (a 1-letter string) save less than the binding costs
  const r = same(readers('"x"', 1));
  assert.deepEqual([r.strings, r.reads], [0, 0]);
  assert.equal(r.code, readers('"x"', 1));
});

test('given strings that are names, keys, directives or read only by the module body, when pooled, then they stay', () => {
  const s = '"Device.LocalAgent."';
  const code = `const top=[${Array(20).fill(s).join(',')}];`
    + `const once=(()=>[${Array(20).fill(s).join(',')}])();`
    + `const g=(o)=>{"use strict";return [o[${s}],{${s}:1},class{[${s}](){return 1}}]};`
    + '[top.length,once.length,g({"Device.LocalAgent.":3})[0]]';
  const r = same(code);
  assert.deepEqual([r.strings, r.reads], [0, 0]);
});

test('given globals and Symbol.iterator read often by functions, when pooled, then they are constants and the program is the same', () => {
  const body = 'const m=new Map([[1,2]]);const s=new Set([3]);const it=m[Symbol.iterator]();return [m.size,s.size,it.next().value,Math.floor(1.5),new Uint8Array(2).length,Object.keys({a:1}),e instanceof Error]';
  const fns = Array.from({ length: 12 }, (_, i) => `const f${i}=(e)=>{${body}};`).join('');
  const r = same(`${fns}[${Array.from({ length: 12 }, (_, i) => `f${i}(new TypeError("x"))`).join(',')}]`);
  assert.ok(r.globals >= 6, `${r.globals} globals`);
  assert.match(r.code, /^const .*= Symbol\.iterator/);
  assert.doesNotMatch(r.code.slice(r.code.indexOf('\n')), /new Map|Symbol\.iterator|Math\.floor|instanceof Error/);
});

test('given a local named like a global, typeof, or a written global, when pooled, then those reads stay as they are', () => {
  // Map is a parameter of f (not the global); typeof reads are left; the bundle assigns Reflect
  const fns = Array.from({ length: 12 }, (_, i) => `const f${i}=(Map)=>[new Map(),typeof Set,typeof Reflect];`).join('');
  const r = same(`class K{constructor(){this.v=7}}${fns}[${Array.from({ length: 12 }, (_, i) => `f${i}(K)[0].v`).join(',')}]`);
  assert.equal(r.globals, 0);
  const written = same(`${Array.from({ length: 12 }, (_, i) => `const f${i}=()=>[Date.UTC(2020,0),Date.UTC(2021,0)];`).join('')}[f0(),f11()]`);
  assert.equal(written.globals, 1, 'Date read 24 times');
  assert.equal(poolForXs('const f=()=>{Date=1};const g=()=>[Date,Date,Date,Date,Date,Date,Date,Date,Date,Date,Date,Date,Date,Date]').globals, 0, 'assigned');
});

test('given a string next to a word, when pooled, then the name is spaced from it', () => {
  // `return"abc"`, `case"abc":` and `in"abc"` parse with no space; an identifier there would not
  const fns = Array.from({ length: 6 }, (_, i) => `function f${i}(x){switch(x){case"Device.LocalAgent.":return"Device.LocalAgent."}return"Device.LocalAgent."in{}}`).join('');
  const r = same(`${fns}[f0("Device.LocalAgent."),f5(1)]`);
  assert.equal(r.strings, 1);
  assert.match(r.code, /case \$0:return \$0\}return \$0 in/);
});
