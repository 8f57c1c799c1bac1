// tools/bundle/xs-loops.ts: for-of loops over arrays, typed by TypeScript's checker, become
// indexed loops with the same meaning; other iterables keep their for-of. Each case is a TypeScript
// module checked as the board's sources are; the original and the rewritten text run in node:vm
// (types stripped by esbuild) and must return the same.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { indexArrayLoops, programOf } from '../../tools/bundle/xs-loops.ts';

const dir = mkdtempSync(join(tmpdir(), 'xs-loops-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const run = (ts: string): unknown => runInNewContext(`${transformSync(ts, { loader: 'ts', format: 'iife' }).code};globalThis.out`, {});

/** Rewrites `source` (a module that sets globalThis.out) and checks both forms give the same out. */
function same(source: string): ReturnType<typeof indexArrayLoops> {
  const file = join(dir, `case${files++}.ts`);
  writeFileSync(file, `declare const globalThis: { out: unknown };\n${source}\nexport {};\n`);
  const program = programOf(file);
  const r = indexArrayLoops(program.getSourceFile(file)!, program.getTypeChecker());
  const before = run(program.getSourceFile(file)!.text);
  assert.ok(Array.isArray(before) && before.length > 0, 'the case produces something to compare');
  assert.equal(JSON.stringify(run(r.code)), JSON.stringify(before), r.code);
  return r;
}

test('given for-of over arrays, tuples, unions of them and typed arrays, when rewritten, then they are indexed loops with the same result', () => {
  const r = same(`
    const a: number[] = [1, 2, 3];
    const ro: readonly string[] = ['x', 'y'];
    const tuple: [number, string] = [7, 'z'];
    const u: number[] | readonly number[] = [4, 5];
    const bytes = new Uint8Array([9, 8]);
    const pairs: [string, number][] = [['k', 1], ['l', 2]];
    const out: unknown[] = [];
    for (const x of a) out.push(x * 2);
    for (const s of ro) for (const t of ro) out.push(s + t);
    for (const e of tuple) out.push(e);
    for (const e of u) out.push(e);
    for (const b of bytes) out.push(b);
    for (const [k, v] of pairs) out.push(k + v);
    for (let x of a) { x += 10; out.push(x); }
    globalThis.out = out;`);
  assert.equal(r.loops, 8);
  assert.doesNotMatch(r.code, /\bof\b/);
});

test('given array loops with closures, break, continue, labels and a mutated array, when rewritten, then each behaves as the for-of did', () => {
  const r = same(`
    const out: unknown[] = [];
    let calls = 0;
    const list = (): number[] => { calls++; return [1, 2, 3, 4, 5, 6]; };
    const fns: (() => number)[] = [];
    for (const x of list()) fns.push(() => x);        // a binding per iteration; the iterable once
    out.push(fns.map((f) => f()), calls);
    outer: for (const x of [1, 2, 3]) {
      for (const y of [1, 2, 3]) {
        if (y === 2) continue outer;
        if (x === 3) break outer;
        out.push([x, y]);
      }
    }
    for (const x of [1, 2, 3, 4]) { if (x % 2) continue; out.push(x); }
    const grow = [1, 2];
    for (const x of grow) if (grow.length < 5) grow.push(x + 10); // elements added during the loop are visited
    const shrink = [1, 2, 3, 4];
    for (const x of shrink) { out.push(x); shrink.splice(0, 1); } // and removed ones are not
    out.push(grow, shrink);
    for (const x of [1, 2]) out.push(x);
    globalThis.out = out;`);
  assert.equal(r.loops, 7);
});

test('given for-of over Maps, Sets and their iterators, when rewritten, then they call next() themselves, with the same result', () => {
  const r = same(`
    const out: unknown[] = [];
    const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
    for (const [k, v] of m) { out.push(k, v); m.delete('b'); if (k === 'a') m.set('d', 4); } // deleted skipped, added seen
    for (const k of m.keys()) { if (k === 'd') break; out.push(k); }
    const ro: ReadonlyMap<string, number> = m;
    for (const v of ro.values()) { if (v === 1) continue; out.push(v); }
    const s = new Set([1, 1, 2]);
    const fns: (() => number)[] = [];
    for (const v of s) fns.push(() => v);                      // a binding per iteration
    for (const [v0, v1] of s.entries()) out.push(v0 + v1);
    const first = (): string | undefined => { for (const k of m.keys()) return k; return undefined; };
    out.push(fns.map((f) => f()), first());
    globalThis.out = out;`);
  assert.deepEqual([r.loops, r.patterns], [6, 2]);
  assert.doesNotMatch(r.code, /\bof\b/);
});

test('given for-of over strings, iterators, generators or any, when rewritten, then they are left as they are', () => {
  const r = same(`
    const out: unknown[] = [];
    for (const c of 'a😀b') out.push(c);                        // code points, not UTF-16 units
    function* gen() { try { yield 1; yield 2; } finally { out.push('closed'); } }
    for (const g of gen()) { out.push(g); break; }             // its return() runs on break
    const loose: any = [3];
    for (const x of loose) out.push(x);
    const each = (c: number[] | Set<number>) => { for (const x of c) out.push(x); };
    each(new Set([5]));
    each([6]);
    let x0 = 0;
    for (x0 of [1, 2]) out.push(x0);                           // no declaration: left too
    globalThis.out = out;`);
  assert.equal(r.loops, 0);
});

test('given array destructuring of arrays and tuples, when rewritten, then the names are read by index; other patterns are left', () => {
  const r = same(`
    const out: unknown[] = [];
    const pair: [string, number] = ['a', 1];
    const [k, v] = pair;
    let [, second, third] = [1, 2] as number[];                 // a hole, and past the end: undefined
    second += 1;
    out.push(k, v, second, third === undefined);
    const m = new Map([['x', 1], ['y', 2]]);
    for (const [key, value] of m) { out.push(key, value); m.set('z', 3); } // a Map's entries, added ones seen
    for (const [a, b] of [[1, 2], [3, 4]] as [number, number][]) out.push(a * b);
    const [first, ...rest] = [1, 2, 3];                         // rest: left
    const [d = 5] = [] as number[];                             // default: left
    const [[n1]] = [[9]];                                       // nested: left
    const [c0, c1] = 'hé';                                      // a string: left
    out.push(first, rest, d, n1, c0, c1);
    globalThis.out = out;`);
  assert.deepEqual([r.loops, r.patterns], [2, 4]);
  assert.doesNotMatch(r.code, /const \[k, v\]|for \(const \[key/);
  assert.match(r.code, /\[first, \.\.\.rest\]/);
});

test('given template literals of primitives, when rewritten, then they are concatenations with the same text; others are left', () => {
  const r = same(`
    const out: unknown[] = [];
    const n = 1, m = 2, s = 'é', b = false, big = 10n, none: string | undefined = undefined, nil: number | null = null;
    out.push(\`\${n}\${m}\`, \`x\${n}\`, \`\${s}\${n}\`, \`\${n} + \${m} = \${n + m}\`, \`\${b}|\${big}|\${none}|\${nil}\`, \`a\\n\\\`\${s}\\u00e9\`);
    out.push(\`\${n ? 'y' : 'z'}!\`.length, \`outer \${\`inner \${n}\`}\`);
    const o = { toString: () => 'T', valueOf: () => 42 };
    const u: unknown = o;
    const tag = (x: TemplateStringsArray, ...v: unknown[]) => x.raw.join('|') + v.length;
    out.push(\`\${o}\`, \`\${u}\`, tag\`a\${n}b\`, \`plain\`);                // an object, unknown, a tag: left
    globalThis.out = out;`);
  assert.equal(r.templates, 8);
  assert.match(r.code, /\(\("" \+ \(n\) \+ \(m\)\)\)|"" \+ \(n\) \+ \(m\)/);
  assert.match(r.code, /`\$\{o\}`, `\$\{u\}`, tag`a\$\{n\}b`/);
});

test('given a loop over a name that always holds its array, when rewritten, then the array is read in place; a name written anywhere is copied first', () => {
  const r = same(`
    const out: unknown[] = [];
    const fixed = [1, 2];
    for (const x of fixed) { if (fixed.length < 4) fixed.push(x + 10); out.push(x); } // the same array, grown during the loop
    const viaParam = (xs: number[]) => { const r: number[] = []; for (const x of xs) r.push(x * 3); return r; };
    out.push(viaParam([4, 5]));
    let moving = [1, 2, 3];
    for (const x of moving) { moving = [9]; out.push(x, moving.length); } // reassigned inside: the loop keeps the first array
    const reassigned = (xs: number[]) => { const r: number[] = []; for (const x of xs) { r.push(x); xs = []; } return r; };
    out.push(reassigned([6, 7]));
    globalThis.out = out;`);
  assert.equal(r.loops, 4);
  assert.match(r.code, /for \(let \$forIndex0 = 0; \$forIndex0 < fixed\.length; \$forIndex0\+\+\) \{ const x = fixed\[\$forIndex0\]/);
  assert.match(r.code, /\$forIndex1 < xs\.length/);
  assert.match(r.code, /\$forArray2 = \(moving\)/);
  assert.match(r.code, /\$forArray3 = \(xs\)/);
});
