// firmware/patches/moddable/0011-xs-module-shared-closures.patch: a function reaches a module-level
// binding (the esp32 bundle is one ES module: nearly every top-level function, table and class is
// one) through one array of closures its module shares, by index (get_module_1/2, set_module_2),
// instead of capturing it into an environment of its own when it is made (XS closures are flat).
// A module is preloaded by xsl (its body runs at link time, as the board's does) into a board
// runner, on x86-64 and on 32-bit ARM under qemu-arm, and gives what node gives: reads and
// writes of module let/var from functions (writes at run time go through xsl's aliases), const
// and class bindings, closures of closures that mix locals and module bindings, generators and
// async functions, more than 256 shared bindings (2-byte indexes), and the temporal dead zone of
// let, const and class. The esp32 board's preloaded heap has no function environment that holds
// a module binding any more, and xsl replaces each const one there by its value (its variable
// leaves the preloaded heap).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../build.config.ts';
import { buildXsBoard, capArgs, QEMU_ARM, scratchDir, scriptFile, xsBoardBinary, type Arch } from './xs-harness.ts';
import { decodeOps } from './xsb.ts';
import { armUnavailable, needs } from '../support/tools.ts';

const BOARD = 'modvar';
const cap = { chunks: 128 * 1024, slots: 8 * 1024, stack: 1024 };
const MANY = 300;
const many = Array.from({ length: MANY }, (_, i) => i);

// The module body runs in xsl (no host there): what it computes is read by start() at run time.
const moduleText = `
const early = [];
function readLater() { return later; }
function makeLater() { return new Later(2).v; }
function readConst() { return LIMIT; }
try { early.push(readLater()); } catch (e) { early.push('let ' + e.name); }
try { early.push(makeLater()); } catch (e) { early.push('class ' + e.name); }
try { early.push(readConst()); } catch (e) { early.push('const ' + e.name); }
early.push(typeof hoisted, hoisted === undefined, declared());
let later = 'later';
class Later { constructor(n) { this.v = tag(n); } }
const LIMIT = 7;
const TABLE = Object.freeze({ a: 1, b: 2 });
var hoisted = 'h';
let counter = 0;
let name = 'n0';
function declared() { return 'declared'; }
function tag(n) { return 't' + n + ':' + (TABLE.a + TABLE.b) + ':' + LIMIT; }
function bump(by) { counter += by; return counter; }
function rename(to) { name = to; return name; }
const outer = (x) => { const k = x * 2; return (y) => () => k + y + counter + TABLE.b; };
function writeConst() { try { LIMIT = 8; return 'no error'; } catch (e) { return e.name; } }
let made = 0;
class Counter {
  constructor() { made++; this.id = bump(10); }
  get twice() { return this.id * 2 + counter; }
  static total() { return made + counter; }
}
function* gen() { for (let i = 0; i < 3; i++) yield i + counter; }
async function asyncRead() { await null; return counter + LIMIT; }
${many.map((i) => `const k${i} = ${i};`).join('\n')}
let last = 0;
let handler = () => 'first';
function setHandler() { handler = () => 'second'; }
setHandler();
export let exported = 0;
function bumpExported() { exported += 2; return exported; }
function sumAll() { return ${many.map((i) => `k${i}`).join(' + ')}; }
function setLast(v) { last = v + k${MANY - 1}; return last; }
early.push(tag(1), bump(1), counter, rename('n1'), new Counter().twice, setLast(1));
export async function start() {
  const out = early.slice();
  out.push(tag(3), bump(2), counter, name, rename('n2'), name, hoisted);
  const f = outer(3)(4);
  out.push(f());
  counter = 100;
  out.push(f(), bump(1), writeConst(), readLater(), makeLater(), readConst());
  const c = new Counter();
  out.push(c.id, c.twice, Counter.total());
  out.push([...gen()].join(','), await asyncRead());
  hoisted = 'h2';
  out.push((() => hoisted)(), sumAll(), setLast(2), last, handler(), bumpExported(), bumpExported());
  __tinyusp_host.print(JSON.stringify(out));
  __tinyusp_host.exit(0);
}
`;

let scratch: ReturnType<typeof scratchDir>;
let moduleFile: string;
let expected: unknown[];

/** What node gives: the same module imported, start() called with a host that keeps the print. */
async function nodeResult(): Promise<unknown[]> {
  const file = join(scratch.dir, 'node-module.mjs');
  writeFileSync(file, moduleText);
  let printed = '';
  (globalThis as Record<string, unknown>).__tinyusp_host = { print: (s: string) => { printed = s; }, exit: () => {} };
  try {
    const mod = await import(pathToFileURL(file).href);
    await mod.start();
  } finally {
    delete (globalThis as Record<string, unknown>).__tinyusp_host;
  }
  return JSON.parse(printed);
}

function buildBoard(arches: Arch[]): void {
  const r = spawnSync(process.execPath, [join(root, 'test/engines/xs-module-board.mjs'), BOARD, moduleFile, ...arches],
    { cwd: root, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 0, `building the ${BOARD} board: ${r.stderr}${r.stdout}`);
}

before(async () => {
  scratch = scratchDir('xs-modvar');
  moduleFile = scriptFile(scratch.dir, 'modvar', moduleText);
  expected = await nodeResult();
  buildBoard(['x64']);
});
after(() => scratch?.remove());

function runBoard(arch: Arch): { status: number | null; stdout: string; stderr: string } {
  const binary = xsBoardBinary(arch, BOARD);
  const [file, args] = arch === 'arm' ? [QEMU_ARM, [binary, ...capArgs(cap)]] : [binary, capArgs(cap)];
  const r = spawnSync(file, args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

test('given module bindings read and written by functions, when the module is preloaded and run by XS on x86-64, then it gives what node gives', () => {
  assert.deepEqual(expected.slice(0, 3), ['let ReferenceError', 'class ReferenceError', 'const ReferenceError'], 'node: the dead zone of let, class and const');
  const r = runBoard('x64');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim()), expected);
});

test('given the same module, when preloaded and run by XS on 32-bit ARM under qemu-arm, then it gives what node gives', (t) => {
  if (!needs(t, armUnavailable())) return;
  buildBoard(['arm']);
  const r = runBoard('arm');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim()), expected);
});

test('given the same module, when xsc compiles it, then its functions read and write module bindings by shared index and capture none', () => {
  const r = spawnSync(join(root, 'build/moddable/bin/xsc'), [moduleFile, '-c', '-e', '-o', scratch.dir, '-r', 'compiled'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const xsb = readFileSync(join(scratch.dir, 'compiled.xsb'));
  const at = xsb.indexOf('CODE');
  const ops = decodeOps(xsb, at + 4, at + xsb.readUInt32BE(at - 4) - 4).ops;
  const count = (name: string) => ops.filter((o) => o.name === name).length;
  // (0015: a call of a module function reads it through call_module_1)
  const reads = count('get_module_1') + count('call_module_1');
  assert.ok(reads >= 40, `get_module_1 and call_module_1 ${reads}`);
  assert.ok(count('get_module_2') >= 1, 'past 256 shared bindings, 2-byte indexes');
  assert.ok(count('set_module_2') >= 5, `set_module_2 ${count('set_module_2')}`);
  // only the arrows of outer() capture (k and y, locals): one environment each, no other
  assert.equal(count('environment'), 2 + 2, JSON.stringify(ops.map((o) => o.name)));
  assert.equal(count('store_1'), 1 + 2, 'outer() stores k, its inner arrow y and k');
});

test('given the esp32 board preloaded by xsl, then no function environment holds a module binding: the module shares them, the const ones as values', () => {
  buildXsBoard('x64');
  const heap = readHeap(join(root, 'build/boards/esp32/mc/mc.xs.c'));
  const { closures, values } = moduleShared(heap);
  assert.ok(closures.size + values >= 300, `${closures.size} + ${values} shared module bindings`);
  assert.ok(values >= 300, `${values} const bindings replaced by their value (xsl: fxPrepareModuleShared)`);
  const { targets, slots } = environments(heap);
  const both = [...targets].filter((t) => closures.has(t));
  assert.equal(both.length, 0, `${both.length} module bindings still captured by a function's environment`);
  // what is left are closures over a function's locals made while the module body ran (943
  // closure slots in function environments before 0011)
  assert.ok(slots <= 64, `${slots} closure slots in function environments`);
});

interface HeapSlot { next: number; id: string; kind: string; closure: number; array: number; length: number }

/** The slots of xsl's gxHeap, by index (an array item's `next` is its index, not a link). */
function readHeap(file: string): Map<number, HeapSlot> {
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('static const txSlot gxHeap[mxHeapCount] ='), text.indexOf('static const txSlot gxStack[mxStackCount] ='));
  const heap = new Map<number, HeapSlot>();
  for (const line of body.split('\n')) {
    const m = /^\/\* (\d+) \*\/\t\{ (?:NULL|\(txSlot\*\)-?\d+|\(txSlot\*\)&gxHeap\[(\d+)\]), \{\.ID = ([^,]+), [^}]*\.kind = XS_([A-Z_]+)_KIND\}(.*)$/.exec(line);
    if (!m) continue;
    const closure = /\.closure = \(txSlot\*\)&gxHeap\[(\d+)\]/.exec(m[5]);
    const array = /\.array = \{ \(txSlot\*\)&gxHeap\[(\d+)\], (\d+) \}/.exec(m[5]);
    heap.set(Number(m[1]), {
      next: m[2] === undefined ? -1 : Number(m[2]), id: m[3], kind: m[4],
      closure: closure ? Number(closure[1]) : -1, array: array ? Number(array[1]) : -1, length: array ? Number(array[2]) : 0,
    });
  }
  return heap;
}

/** The shared closures of the module "main" (its SHARED slot, after STUFF): variables, and values. */
function moduleShared(heap: Map<number, HeapSlot>): { closures: Set<number>; values: number } {
  const modules = [...heap.values()].filter((s) => s.kind === 'MODULE');
  assert.equal(modules.length, 1, 'the preloaded heap has one module');
  const exports = heap.get(modules[0].next)!;
  const stuff = heap.get(exports.next)!;
  const shared = heap.get(stuff.next)!;
  assert.equal(shared.kind, 'ARRAY', 'the module\'s SHARED slot is an array');
  const closures = new Set<number>();
  let values = 0;
  for (let i = 0; i < shared.length; i++) {
    const item = heap.get(shared.array + i)!;
    if (item.kind === 'CLOSURE') closures.add(item.closure);
    else values++;
  }
  return { closures, values };
}

/** The variables that closure environments (XS_ENVIRONMENT_BEHAVIOR, ID 4, first) hold, and their slots. */
function environments(heap: Map<number, HeapSlot>): { targets: Set<number>; slots: number } {
  const targets = new Set<number>();
  let slots = 0;
  for (const s of heap.values()) {
    if (s.kind !== 'INSTANCE') continue;
    const behavior = heap.get(s.next);
    if (!behavior || behavior.id !== '4') continue;
    for (let at = heap.get(behavior.next); at; at = heap.get(at.next)) {
      slots++;
      if (at.kind === 'CLOSURE') targets.add(at.closure);
    }
  }
  return { targets, slots };
}
