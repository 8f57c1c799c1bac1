// tools/bundle/xs-compress.ts: terser's compression of the device bundle keeps the program's
// meaning, and the board's order of passes (xs-shape, terser, xs-shape, xs-props, xs-names) keeps
// every pass's guarantees. Each case runs the plain and the compressed text in node:vm and
// compares what they leave in `result`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { calledFunctionsAsArrows, compressForXs } from '../../tools/bundle/xs-compress.ts';
import { shapeForXs } from '../../tools/bundle/xs-shape.ts';
import { analyseProps, renameProps } from '../../tools/bundle/xs-props.ts';
import { nameBindingsAsKeys } from '../../tools/bundle/xs-names.ts';
import { programOf } from '../../tools/bundle/xs-loops.ts';

const run = (code: string): string => {
  const sandbox: { result?: unknown } = {};
  runInNewContext(`"use strict";${code}`, sandbox);
  return JSON.stringify(sandbox.result);
};
const count = (code: string, re: RegExp): number => (code.match(re) ?? []).length;

async function same(code: string): Promise<string> {
  const out = (await compressForXs(code)).code;
  assert.equal(run(out), run(code), out);
  return out;
}

test('given single-use functions, constants and dead branches, when compressed, then they are folded into their use and the result is the same', async () => {
  const out = await same(`
    const LIMIT = 4, DEBUG = false;
    const scale = (x) => x * LIMIT;
    function describe(n) { if (DEBUG) return 'debug ' + n; return n > LIMIT ? 'big' : 'small'; }
    function unused() { return 'never called'; }
    const table = { first: 1, second: 2 };
    globalThis.result = [scale(3), describe(2), describe(9), table.first + table.second];
  `);
  assert.doesNotMatch(out, /unused|never called|debug|LIMIT|scale|table/);
  // scale, called once, is written into its call and folded (12); describe, called twice, stays
  assert.equal(count(out, /function|=>/g), 1, out);
  assert.match(out, /\[12, describe\(2\), describe\(9\), 3\]/);
});

test('given getters, setters, classes and errors, when compressed, then effects keep their order and identities their meaning', async () => {
  await same(`
    const log = [];
    class Meter { constructor() { this.n = 0; } get count() { log.push('read'); return this.n; } set count(v) { log.push('write ' + v); this.n = v; } }
    class LimitError extends Error { constructor(m) { super(m); this.name = 'LimitError'; } }
    function check(m, v) { if (v > 2) throw new LimitError('over ' + v); m.count = v; return m.count; }
    const m = new Meter();
    const out = [check(m, 1), check(m, 2)];
    try { check(m, 3); } catch (e) { out.push(e instanceof LimitError, e instanceof Error, e.name, e.message); }
    const frozen = Object.freeze({ a: 1 });
    try { frozen.a = 2; } catch (e) { out.push(e instanceof TypeError); }
    globalThis.result = [out, log, frozen.a, typeof Meter, Object.keys(m)];
  `);
});

test('given loops, closures and module state, when compressed, then each closure sees its own binding and state is shared as before', async () => {
  await same(`
    let calls = 0;
    const counters = [];
    for (let i = 0; i < 3; i++) counters.push(() => i * 10 + ++calls);
    function once(f) { let done = false, v; return () => { if (!done) { done = true; v = f(); } return v; }; }
    const lazy = once(() => ({ made: ++calls }));
    const a = lazy(), b = lazy();
    globalThis.result = [counters.map((c) => c()), a === b, a.made, calls];
  `);
});

test('given functions called in place, when made arrows, then only those with no this, arguments or own name of their own change', () => {
  const code = [
    'globalThis.result=[',
    'function(a){return a+1}(1),',
    '(function(a,b){return [a,b].map(function(x){return this===undefined?x:0})})(2,3),', // the inner function has its own this
    'function(){return this}.call(4),', // not called in place: .call
    'function(){return typeof this}(),',
    'function(){return arguments.length}(5,6),',
    'function f(n){return n?n*f(n-1):1}(4),',
    'async function(){return 7}() instanceof Promise,',
    'new function(){this.v=8}().v]',
  ].join('');
  const r = calledFunctionsAsArrows(code);
  assert.equal(run(r.code), run(code), r.code);
  assert.equal(r.arrows, 3, r.code);
  assert.match(r.code, /\(\(a\) => \{/);
  assert.match(r.code, /\(async \(\) => \{/);
  assert.equal(count(r.code, /function/g), 6, r.code);
});

test('given the same bundle twice, when compressed, then the output is the same (the build is deterministic)', async () => {
  const code = 'const k=[3,1,2];function sum(a){let s=0;for(const x of a)s+=x;return s}globalThis.result=[sum(k),k.sort()]';
  assert.equal((await compressForXs(code)).code, (await compressForXs(code)).code);
});

test('given a TypeScript program, when bundled and passed through the board\'s passes in order, then it runs the same and xs-props still renames', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xs-compress-'));
  try {
    const entry = join(dir, 'board.ts');
    writeFileSync(entry, `
      interface Budget { remainingBytes: number; readonly limitBytes: number }
      const enum Code { Ok = 0, Full = 7004 }
      const CODES = Object.freeze({ OK: 'ok', FULL: 'full' });
      function take(b: Budget, n: number): Code { if (b.remainingBytes < n) return Code.Full; b.remainingBytes -= n; return Code.Ok; }
      function label(c: Code): string { return c === Code.Ok ? CODES.OK : CODES.FULL + ' (' + c + ')'; }
      const budget: Budget = { remainingBytes: 10, limitBytes: 10 };
      const seen: string[] = [];
      for (const n of [4, 4, 4]) seen.push(label(take(budget, n)));
      (globalThis as { result?: unknown }).result = [seen, budget.remainingBytes, budget.limitBytes];
    `);
    const plain = buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false }).outputFiles[0].text;
    const compressed = (await compressForXs(shapeForXs(plain).code)).code;
    const renamed = renameProps(shapeForXs(compressed).code, analyseProps(programOf(entry), `${dir}/`));
    const board = nameBindingsAsKeys(renamed.code).code;
    assert.equal(run(board), run(plain), board);
    assert.equal(run(board), '[["ok","ok","full (7004)"],2,10]');
    assert.ok(renamed.renamed.has('remainingBytes') && renamed.renamed.has('limitBytes'), [...renamed.renamed].join());
    assert.doesNotMatch(board, /remainingBytes|limitBytes|!0|!1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
