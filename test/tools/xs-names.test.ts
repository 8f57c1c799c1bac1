// tools/bundle/xs-names.ts: module-level bindings renamed to property names the bundle has anyway
// keep the program's meaning. Each case runs the original and the renamed text in node:vm and
// compares what they return; the renaming itself is checked on the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { nameBindingsAsKeys } from '../../tools/bundle/xs-names.ts';

const run = (code: string): unknown => runInNewContext(`"use strict";${code}`, {});

function same(code: string): ReturnType<typeof nameBindingsAsKeys> {
  const r = nameBindingsAsKeys(code);
  assert.equal(JSON.stringify(run(r.code)), JSON.stringify(run(code)), r.code);
  return r;
}

test('given module-level bindings, when renamed, then they take property names of the bundle and the program is the same', () => {
  const r = same('const Aa=(x)=>({total:x+1,count:0});function Bb(o){return o.total*2}class Cc{size(){return Aa(1).total}}[Bb(Aa(2)),new Cc().size()]');
  assert.equal(r.renamed, 3);
  assert.doesNotMatch(r.code, /\bAa\b|\bBb\b|\bCc\b/);
  // the new names are the bundle's property names, in order
  assert.match(r.code, /^const count=\(x\)=>/);
  assert.match(r.code, /function size\(o\)/);
  assert.match(r.code, /class total\{size\(\)\{return count\(1\)\.total\}\}\[size\(count\(2\)\),new total\(\)\.size\(\)\]$/);
});

test('given a local with the binding\'s name in an inner scope, when renamed, then each reference keeps its own binding', () => {
  // esbuild reuses minified names across scopes: the inner Aa is a parameter, not the module's
  const r = same('const Aa=5;function f(Aa){return Aa+1}const g=()=>Aa;[f(1),g(),({value:3}).value]');
  assert.match(r.code, /^const value=5;function f\(Aa\)\{return Aa\+1\}const g=\(\)=>value;/);
});

test('given a name any identifier of the bundle has, when renamed, then no binding takes it (nothing is shadowed)', () => {
  // `value` is a property name, but also a local and `Object` a global: neither may be taken
  const r = same('const Aa=()=>Object.keys({value:1,other:2});function f(value){return value.value}[Aa(),f({value:4})]');
  assert.equal(r.code, 'const keys=()=>Object.keys({value:1,other:2});function other(value){return value.value}[keys(),other({value:4})]');
  // reserved and contextual words are never taken, even as property names
  const words = nameBindingsAsKeys('const Aa=1;const o={get:1,of:2,async:3,default:4,let:5};[Aa,o.get]');
  assert.equal(words.renamed, 0);
});

test('given shorthand properties and assignments, when renamed, then the property keeps its name', () => {
  // Aa and Bb are property names only in shorthand: keys of their own, so they are renamed
  const r = same('let Aa=1;const Bb={name:"n",size:2};const o={Aa,Bb};({Aa}=JSON.parse(\'{"Aa":7}\'));[JSON.stringify(o),Aa]');
  assert.equal(r.code, 'let name=1;const parse={name:"n",size:2};const size={Aa: name,Bb: parse};({Aa: name}=JSON.parse(\'{"Aa":7}\'));[JSON.stringify(size),name]');
});

test('given an exported binding, when renamed, then its exported name stays', () => {
  const r = nameBindingsAsKeys('const Aa=()=>({start:1,size:2,total:3});function Bb(){return Aa()}export{Bb as start};export function run(){return Bb()}export{Aa}');
  assert.equal(r.code, 'const size=()=>({start:1,size:2,total:3});function total(){return size()}export{total as start};export function run(){return total()}export{size as Aa}');
  assert.equal(r.renamed, 2);
});

test('given bindings that are property names already, when renamed, then they keep their names', () => {
  const r = same('const total=3;const Aa=total;[({total:1}).total,Aa]');
  assert.equal(r.keptNames, 1);
  assert.match(r.code, /^const total=3;/);
});
