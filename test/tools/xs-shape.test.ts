// tools/bundle/xs-shape.ts: the device bundle's rewrites for XS flash keep the program's meaning,
// and leave alone what they cannot prove safe. Each case runs the original and the reshaped text
// in node:vm and compares what they return.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { shapeForXs } from '../../tools/bundle/xs-shape.ts';

const run = (code: string): unknown => runInNewContext(`"use strict";${code}`, {});

function same(code: string): ReturnType<typeof shapeForXs> {
  const shaped = shapeForXs(code);
  assert.equal(JSON.stringify(run(shaped.code)), JSON.stringify(run(code)), shaped.code);
  return shaped;
}

test('given plain function declarations, when reshaped, then they are arrows hoisted where the declarations were', () => {
  // g is called before its declaration, at the top level and from a nested block.
  const r = same('var out=[g(1)];function g(x){return h(x)+1}function h(x){if(x){function k(){return 5}return k()}return 0}out.push(h(0));out');
  assert.equal(r.arrows, 3);
  assert.match(r.code, /const g = \(x\) =>/);
  assert.doesNotMatch(r.code, /function/);
});

test('given functions that need their own binding or are constructors, when reshaped, then they stay functions', () => {
  const cases = [
    'function a(){return this}a.call(7)',
    'function a(){return arguments.length}a(1,2)',
    'function A(){}A.prototype.x=3;new A().x',
    'function A(){}var o={};o instanceof A',
    'function A(){this.v=2}new A().v',
    'function a(){return 1}a=function(){return 2};a()',
    'function*a(){yield 1}[...a()]',
  ];
  for (const c of cases) assert.equal(same(c).arrows, 0, c);
  // a nested ordinary function's own this is not the outer one's: the outer may become an arrow
  assert.equal(same('function a(){return function(){return this}.call(4)}a()').arrows, 1);
});

test('given module-level vars, when reshaped, then those never written again are const and the others stay var', () => {
  // (initialisers that are not literals: literal ones are replaced by rule 5)
  const r = same('var a=[1],b=a.length;var c=3;c++;var d;d=4;[a,b,c,d]');
  assert.equal(r.consts, 2);
  assert.match(r.code, /const a = \[1\], b = a.length/);
  assert.match(r.code, /var c = 3/);
  // one statement mixing both is split in order
  const mixed = same('var a=[1],b=[a],c=0,d=c+1;c=2;[a,b,c,d]');
  assert.equal(mixed.consts, 3);
  assert.match(mixed.code, /const a = \[1\], b = \[a\];\s*var c = 0;\s*const d = c \+ 1;/);
});

test('given a frozen table of literals, when reshaped, then reads become literals and the table goes unless it escapes', () => {
  const r = same('var E=Object.freeze({A:7000,B:-3,C:"x"});function f(E){return E.A}[E.A,E.B,E.C,f({A:1})]');
  assert.equal(r.droppedTables, 1);
  assert.equal(r.inlined, 3, 'the parameter E of f is not the table');
  assert.doesNotMatch(r.code, /Object\.freeze/);
  const kept = same('var E=Object.freeze({A:1,B:2});[E.A,Object.keys(E).length]');
  assert.equal(kept.droppedTables, 0);
  assert.equal(kept.inlined, 1);
  // a table with a non-literal entry is not a table of constants
  assert.equal(same('var E=Object.freeze({A:1,B:[2]});[E.A,E.B[0]]').inlined, 0);
});

test('given esbuild\'s minified booleans, when reshaped, then they are true and false again', () => {
  const r = same('var a=!0,b=!1,c=!2,d=!x;function x(){}[a,b,c,d,!0===true,typeof !1]');
  assert.equal(r.booleans, 4);
  assert.match(r.code, /a = true, b = false, c = !2, d = !x/);
});

test('given module bindings of a literal never written, when reshaped, then reads by scope become the literal and the binding goes', () => {
  // N is read in two functions, S in one; f's parameter N shadows the binding and stays.
  const r = same('var N=4096,S="slot",M=-3;function f(N){return N+1}const g=()=>N*2;function h(){return S+N}[g(),h(),f(1),2**-M,M**2,typeof N]');
  assert.equal(r.droppedLiterals, 3);
  assert.equal(r.literalReads, 6);
  assert.doesNotMatch(r.code, /\bN = 4096|\bS = "slot"|\bM = -3/);
  assert.match(r.code, /return N \+ 1/);
  assert.match(r.code, /\(-3\) \*\* 2/);
});

test('given literal bindings that are written, exported, shorthand or method receivers, when reshaped, then those uses keep the binding', () => {
  const written = same('var N=1;function inc(){N++}inc();[N]');
  assert.equal(written.literalReads, 0);
  // {K} and K.length are not plain reads: K stays, its plain read is still replaced
  const kept = same('var K="ab";[{K},K.length,K]');
  assert.deepEqual([kept.literalReads, kept.droppedLiterals], [1, 0]);
  assert.match(kept.code, /const K = "ab"/);
  const exported = shapeForXs('export const V=5;export function get(){return V}');
  assert.deepEqual([exported.literalReads, exported.droppedLiterals], [0, 0]);
  const renamed = shapeForXs('var V=5;function get(){return V}export{V as value,get}');
  assert.deepEqual([renamed.literalReads, renamed.droppedLiterals], [1, 0]);
  assert.match(renamed.code, /const V = 5/);
});

test('given a long string read from several places, when reshaped, then it stays a binding unless the copies cost less than the slots', () => {
  const long = `"${'x'.repeat(200)}"`;
  // read three times from the module body itself: no closure slot to save, 2 copies of 203 bytes
  assert.equal(same(`var L=${long};[L,L,L].join("").length`).literalReads, 0);
  // a short string read by three functions: 2 copies of 5 bytes < 3 slots of 16 bytes and the binding
  const short = same('var P="ab";const a=()=>P+1,b=()=>P+2,c=()=>P+3;[a(),b(),c()]');
  assert.deepEqual([short.literalReads, short.droppedLiterals], [3, 1]);
});

test('given object patterns of plain names in functions, when reshaped, then they are property reads in the same order, each once', () => {
  // a getter counts its reads: each property is read once, in the pattern's order, and the
  // initialiser (a call) is evaluated once, before any read
  const r = same('const log=[];let calls=0;const src=()=>(calls++,{get a(){log.push("a");return 1},get b(){log.push("b");return 2},"c-d":3});'
    + 'function f(){const{b:x,a,"c-d":cd}=src();return[x,a,cd]}function g(o){let{a}=o;return a}'
    + 'class K{constructor(){this.p=5;this.q=6}sum(){const{p,q}=this;return p+q}}[f(),g({a:7}),new K().sum(),calls,log]');
  assert.equal(r.patternsRead, 3);
  assert.doesNotMatch(r.code, /\{\s*(b: x|a|p)\b[^}]*\}\s*=/);
  assert.match(r.code, /const \$d0 = src\(\), x = \$d0\.b, a = \$d0\.a, cd = \$d0\["c-d"\]/);
  assert.match(r.code, /let a = \(o\)\.a/);
  assert.match(r.code, /const p = this\.p, q = this\.q/);
  // null and undefined throw a TypeError either way
  for (const v of ['null', 'undefined']) {
    assert.equal(same(`function f(o){const{a,b}=o;return a}let e;try{f(${v})}catch(x){e=x instanceof TypeError}e`).patternsRead, 1);
  }
});

test('given an object pattern of a name assigned elsewhere, when reshaped, then it is read through a temporary', () => {
  // a getter that assigns the source: the pattern read the first object for both names
  const r = same('let o={get a(){o={a:9,b:9};return 1},b:2};function f(){const{a,b}=o;return[a,b]}f()');
  assert.match(r.code, /const \$d0 = o, a = \$d0\.a, b = \$d0\.b/);
});

test('given object patterns that are not plain names, at the module level or in parameters, when reshaped, then they stay', () => {
  const cases = [
    'function f(o){const{a=1,b}=o;return[a,b]}f({b:2})',
    'function f(o){const{a,...rest}=o;return[a,rest]}f({a:1,b:2})',
    'function f(o){const{a:{b}}=o;return b}f({a:{b:3}})',
    'function f(o,k){const{[k]:v}=o;return v}f({x:4},"x")',
    'function f(){const{}={};return 1}f()',
    'const{a,b}={a:1,b:2};[a,b]',
    'const f=({a,b})=>a+b;f({a:1,b:2})',
  ];
  for (const c of cases) assert.equal(same(c).patternsRead, 0, c);
});

test('given `a && b` as a statement, when reshaped, then it is an if, in sequences too, and the program is the same', () => {
  const r = same('const log=[];function f(x){x&&log.push(1);x>1&&x<9&&log.push(2),log.push(3),x&&(log.push(4),log.push(5));if(x)x>2&&log.push(6);switch(x){case 3:x&&log.push(7)}return x&&8}[f(0),f(3),f(10),log]');
  assert.equal(r.andStatements, 5);
  assert.match(r.code, /if \(x\)\s*log\.push\(1\)/);
  assert.match(r.code, /if \(x > 1 && x < 9\)\s*log\.push\(2\);\s*log\.push\(3\);/);
  // an expression keeps its &&
  assert.match(r.code, /return x && 8/);
  // in an if's body, a block: the outer else stays the outer if's
  const inIf = same('const log=[];function f(a,b){if(a)b&&log.push(1);else log.push(2)}f(true,false);f(false,true);f(true,true);log');
  assert.equal(inIf.andStatements, 1);
  assert.match(inIf.code, /if \(a\) \{\s*if \(b\)\s*log\.push\(1\);\s*\}\s*else/);
});
