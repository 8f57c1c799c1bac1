// Storage keys stay within 15 characters (ESP-IDF NVS) however large instance numbers grow
// (persist.ts: keys name storage slots, not instance numbers), and the journal format
// (journal.ts) round-trips and refuses damage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { esp32 } from '../../boards/esp32/profile.ts';
import { host } from '../../boards/host/profile.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import type { Storage } from '../../hal/hal.ts';
import { createEngine, treeOf } from '../../src/dm/index.ts';
import { crc32, decodeJournal, encodeJournal, JOURNAL_KEY, recoverJournal, writeAtomically, type WriteSet } from '../../src/dm/journal.ts';
import { Persist } from '../../src/dm/persist.ts';
import type { DefNode } from '../../src/dm/schema.ts';
import type { Store } from '../../src/dm/store.ts';
import { TR181_TREE, tr181Modules } from '../../src/model/index.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { testDefaults } from '../support/usp-harness.ts';

const MAX = 0xffffffff;

/** Fill every persisted table of the TR-181 model with instance 2^32-1 in its last slot, nested. */
function deepestModel(board: BoardProfile) {
  const hal = memoryHal();
  const longest: string[] = [];
  const real = hal.storage;
  hal.storage = { ...real, set: (k, v) => { longest.push(k); real.set(k, v); } } as Storage;
  const engine = createEngine({ hal, profile: board, modules: tr181Modules(), tree: TR181_TREE, defaults: testDefaults() });
  const { store, persist, schema } = engine as unknown as { store: Store; persist: Persist; schema: { nodes: DefNode[]; handlersOf(path: string): { instances?: unknown } } };
  const paths: string[] = [];
  // (Tables whose rows a handler decides at boot, FirmwareImage, are left out: reconciled away.)
  const nodes = schema.nodes.filter((n) => n.multi && Persist.persists(n) && !schema.handlersOf(n.path).instances).sort((a, b) => a.path.length - b.path.length);
  for (const n of nodes) {
    const inst = n.path.split('{i}').join(String(MAX));
    const table = store.tables.get(inst.slice(0, inst.length - String(MAX).length - 1));
    if (!table || store.objs.has(inst)) continue;
    store.insertInstance(table, MAX, store.capacity(table) - 1);
    paths.push(inst);
  }
  longest.length = 0;
  persist.saveAll();
  return { hal, paths, keys: longest.slice(), nodes };
}

// esp32's table bound and slots; its model row bound (modelInstances) lifted: one row in every
// persisted table at once is more rows than it allows, and this is about keys.
const esp32Keys: BoardProfile = { ...esp32, limits: { ...esp32.limits, modelInstances: host.limits.modelInstances } };
for (const board of [host, esp32Keys]) {
  test(`given instance numbers 2^32-1 in the last slot of every persisted table (${board.name}), when the model is written, then every key has at most 15 characters and the model loads back`, () => {
    const { hal, paths, keys, nodes } = deepestModel(board);
    assert.ok(paths.length >= 5, `${paths.length} tables filled`);
    assert.ok(paths.some((p) => p.split(String(MAX)).length - 1 >= 2), 'a table nested in a table');
    assert.ok(paths.length === nodes.length, 'every persisted table got its instance');
    const long = keys.filter((k) => k.length > 15);
    assert.deepEqual(long, [], 'keys over 15 characters');
    assert.ok(Math.max(...keys.map((k) => k.length)) >= 11, 'the nested keys carry one slot per table');
    const again = createEngine({ hal: memoryHal({ disk: hal.disk }), profile: board, modules: tr181Modules(), tree: TR181_TREE, defaults: testDefaults() });
    for (const p of paths) assert.ok(again.exists(p), `${p} loads back`);
    assert.equal(again.startedFromDefaults(), false);
  });
}

test('given a model nesting persisted tables five deep, when the engine starts, then it refuses (keys would exceed 15 characters)', () => {
  const objects = ['Device.', 'Device.A.{i}.', 'Device.A.{i}.B.{i}.', 'Device.A.{i}.B.{i}.C.{i}.', 'Device.A.{i}.B.{i}.C.{i}.D.{i}.', 'Device.A.{i}.B.{i}.C.{i}.D.{i}.E.{i}.']
    .map((path) => ({ path, access: path === 'Device.' ? undefined : 'AD' as const, params: [{ name: 'X', type: 'string' as const, access: 'W' as const }] }));
  assert.throws(() => createEngine({ hal: memoryHal(), profile: host, modules: [{ objects }], tree: treeOf([{ objects }]) }), /nest at most 4 deep/);
  const four = objects.slice(0, 5);
  assert.doesNotThrow(() => createEngine({ hal: memoryHal(), profile: host, modules: [{ objects: four }], tree: treeOf([{ objects: four }]) }));
});

test('CRC-32 is the IEEE one (zlib check value)', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
});

const writeSets = fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 15 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'k')), fc.option(fc.uint8Array({ maxLength: 64 }), { nil: null })), { maxLength: 12 })
  .map((pairs) => new Map(pairs) as WriteSet);

test('property: a journal round-trips any write set, and any one damaged byte is refused', () => {
  fc.assert(fc.property(writeSets, fc.nat(), (ops, at) => {
    const b = encodeJournal(ops);
    assert.deepEqual(decodeJournal(b), ops);
    const bad = b.slice();
    bad[at % bad.length] ^= 0x40;
    assert.equal(decodeJournal(bad), undefined);
    assert.equal(decodeJournal(b.slice(0, b.length - 1)), undefined, 'a truncated journal');
  }));
});

function mapStorage(disk: Map<string, Uint8Array>): Storage {
  return { get: (k) => disk.get(k), set: (k, v) => void disk.set(k, v.slice()), delete: (k) => void disk.delete(k), keys: () => Array.from(disk.keys()) };
}

test('given a complete journal left by a power loss, when recovered, then it is applied and removed; a damaged one is discarded unapplied', () => {
  const disk = new Map<string, Uint8Array>([['a', new Uint8Array([1])], ['b', new Uint8Array([2])]]);
  const ops: WriteSet = new Map([['a', new Uint8Array([9])], ['b', null], ['c', new Uint8Array([3])]]);
  disk.set(JOURNAL_KEY, encodeJournal(ops));
  assert.equal(recoverJournal(mapStorage(disk)), 'replayed');
  assert.deepEqual(Array.from(disk.keys()).sort(), ['a', 'c']);
  assert.deepEqual(disk.get('a'), new Uint8Array([9]));
  const damaged = encodeJournal(new Map([['a', new Uint8Array([7])], ['d', new Uint8Array([4])]]));
  damaged[6] ^= 1;
  disk.set(JOURNAL_KEY, damaged);
  assert.equal(recoverJournal(mapStorage(disk)), 'discarded');
  assert.deepEqual(disk.get('a'), new Uint8Array([9]));
  assert.equal(disk.has('d') || disk.has(JOURNAL_KEY), false);
  assert.equal(recoverJournal(mapStorage(disk)), 'none');
});

test('given one record to write, when written atomically, then no journal is written (one atomic set suffices)', () => {
  const disk = new Map<string, Uint8Array>();
  const seen: string[] = [];
  const s = mapStorage(disk);
  writeAtomically({ ...s, set: (k, v) => { seen.push(k); s.set(k, v); } }, new Map([['x', new Uint8Array([1])]]));
  assert.deepEqual(seen, ['x']);
  writeAtomically({ ...s, set: (k, v) => { seen.push(k); s.set(k, v); } }, new Map([['x', new Uint8Array([2])], ['y', new Uint8Array([3])]]));
  assert.deepEqual(seen, ['x', JOURNAL_KEY, 'x', 'y']);
  assert.equal(disk.has(JOURNAL_KEY), false);
});
