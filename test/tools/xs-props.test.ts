// tools/bundle/xs-props.ts: internal property names, proven so by TypeScript's checker over the
// sources, renamed onto engine keys in the bundle. Each case writes a small program, analyses it,
// bundles it with esbuild and runs the plain and the renamed bundle in node:vm side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { analyseProps, internalProps, renameProps } from '../../tools/bundle/xs-props.ts';
import { programOf } from '../../tools/bundle/xs-loops.ts';

const dir = mkdtempSync(join(tmpdir(), 'xs-props-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes `source` as an entry, analyses it, bundles it; runs both bundles (the last expression is the result). */
function case_(source: string): { analysis: ReturnType<typeof analyseProps>; plain: string; renamed: ReturnType<typeof renameProps> } {
  const entry = join(dir, `case${n++}.ts`);
  writeFileSync(entry, source);
  const analysis = analyseProps(programOf(entry), `${dir}/`);
  const plain = buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', globalName: 'out', target: 'es2020', write: false,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } } }).outputFiles[0].text; // fields assigned, as tsconfig.json's es2020 target
  const renamed = renameProps(plain, analysis);
  const run = (code: string) => JSON.stringify(runInNewContext(`${code};out.result`, { JSON }));
  assert.equal(run(renamed.code), run(plain), renamed.code);
  return { analysis, plain, renamed };
}

test('given private members and internal fields, when renamed, then they take keys the bundle has and the program is the same', () => {
  const { analysis, plain, renamed } = case_(`
    interface Counter { readonly stepSize: number; countedSoFar: number }
    class Meter {
      private readonly samplesTaken: number[] = [];
      constructor(private readonly limitOfSamples: number) {}
      addSample(v: number): boolean { if (this.samplesTaken.length >= this.limitOfSamples) return false; this.samplesTaken.push(v); return true; }
      get totalOfSamples(): number { let t = 0; for (const s of this.samplesTaken) t += s; return t; }
    }
    const c: Counter = { stepSize: 2, countedSoFar: 0 };
    const m = new Meter(2);
    for (let i = 0; i < 4; i++) { m.addSample(i); c.countedSoFar += c.stepSize; }
    const { stepSize } = c;
    const builtIns = [[1, 2].concat([3]).slice(1).indexOf(2), 'ab'.charAt(1), Math.max(1, 2)];
    export const result = [m.totalOfSamples, c.countedSoFar, stepSize, builtIns];
  `);
  const meter = ['samplesTaken', 'limitOfSamples', 'addSample', 'totalOfSamples'];
  for (const name of [...meter, 'stepSize', 'countedSoFar']) {
    const key = renamed.renamed.get(name);
    assert.ok(key, `${name} renamed: ${[...analysis.kept]}`);
    assert.match(plain, new RegExp(`\\.${key}\\b`), `${key} is a property name of the bundle already`);
    assert.doesNotMatch(renamed.code, new RegExp(`\\b${name}\\b`));
  }
  // the members of one class, or of one literal, never share a key
  assert.equal(new Set(meter.map((n) => renamed.renamed.get(n))).size, meter.length);
  assert.notEqual(renamed.renamed.get('stepSize'), renamed.renamed.get('countedSoFar'));
  assert.ok(![...renamed.renamed.values()].includes('length'), 'no engine protocol name is taken');
});

test('given names used by reflection, strings, casts or the library, when analysed, then they are kept', () => {
  const { analysis, renamed } = case_(`
    interface Saved { savedVersion: number; nested: { deepName: string } }
    interface Listed { listedName: number }
    interface FromJson { parsedField: number }
    interface Host { hostFunction(x: number): { hostResult: number } }
    const s: Saved = { savedVersion: 1, nested: { deepName: 'x' } };
    const l: Listed = { listedName: 2 };
    const parsed = JSON.parse('{"parsedField":3}') as FromJson;
    const host = (globalThis as { myHost?: Host }).myHost;
    const dyn: { byStringName: number; notInString: number } = { byStringName: 4, notInString: 5 };
    const arr = Object.assign([1], { length2: 1 });
    // names looked up by a key made at run time: in a dictionary, or given where one is expected
    const handlers: { [k: string]: () => number } = { dictEntry: () => 6 };
    const table = { viaVariable: () => 7 };
    const lookup = (d: Record<string, () => number>, k: string) => d[k]();
    const owned: { ownedName: number } = { ownedName: 8 };
    const has = (k: string) => Object.prototype.hasOwnProperty.call(owned, k);
    export const result = [JSON.stringify(s), Object.keys(l), parsed.parsedField, host ? host.hostFunction(1).hostResult : 0,
      dyn['byStringName'], dyn.notInString, arr.length, arr.length2, handlers['dict' + 'Entry'](), lookup(table, 'via' + 'Variable'), has('owned' + 'Name'), owned.ownedName];
  `);
  assert.match(analysis.kept.get('dictEntry') ?? '', /dictionary/);
  assert.match(analysis.kept.get('viaVariable') ?? '', /dictionary/);
  assert.match(analysis.kept.get('ownedName') ?? '', /hasOwnProperty/);
  const why = (name: string) => analysis.kept.get(name) ?? '';
  assert.match(why('savedVersion'), /JSON.stringify/);
  assert.match(why('deepName'), /JSON.stringify/);
  assert.match(why('listedName'), /Object.keys/);
  assert.match(why('parsedField'), /cast|string/);
  assert.match(why('hostFunction'), /cast/);
  assert.match(why('hostResult'), /cast/);
  assert.match(why('byStringName'), /string/);
  assert.match(why('length'), /library|protocol/);
  assert.ok(renamed.renamed.has('notInString'));
  // length2 shares an object with an array: it takes no name an array has
  const key = renamed.renamed.get('length2');
  assert.ok(key && !(key in []), String(key));
});

test('given a reflection site whose type names nothing, when analysed, then the build fails (unless listed with why)', () => {
  const entry = join(dir, 'opaque.ts');
  writeFileSync(entry, 'export const f = (v: unknown) => Object.keys(v as object).length + JSON.stringify(v).length;\n');
  assert.throws(() => internalProps(entry, dir), /opaque\.ts:1: .*Object\.keys[\s\S]*opaque\.ts:1: unknown \(read by JSON\.stringify\)/);
});

test('given a renamed name that the bundle has as a word of a string, when renamed, then it throws', () => {
  assert.throws(() => renameProps('const o={wordInString:1};o["wordInString"]', { names: ['wordInString'], siblings: new Map() }), /word of a string/);
});

test('given shorthand properties and patterns, when renamed, then each keeps its value', () => {
  const code = 'var out={};(()=>{const longName=3;const o={longName};const {longName:a}=o;const {longName:b=1}={};let longNameTwo;({longNameTwo}={longNameTwo:4});out.result=[o.longName,a,b,longNameTwo]})()';
  const r = renameProps(code, { names: ['longName', 'longNameTwo'], siblings: new Map() });
  assert.equal(JSON.stringify(runInNewContext(`${r.code};out.result`)), '[3,3,1,4]', r.code);
  assert.doesNotMatch(r.code, /[{,]longName[:}]/);
});
