// The model's own bounds (board profile limits.modelInstances, limits.modelValueBytes; issue 10):
// a Set or Add that would take the model past them is refused with 7005 and changes nothing, and
// the counters the Store keeps per change agree with a walk of the whole model after every kind
// of change: commit, rollback, Delete, restart (rows loaded from storage), FactoryReset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BoardProfile } from '../../boards/profile.ts';
import type { Engine } from '../../src/dm/api.ts';
import { measureStore, type Store } from '../../src/dm/store.ts';
import { memoryHal } from '../support/memory-hal.ts';
import type { ModelModule } from '../../src/dm/api.ts';
import { SMALL, TEST_MODULE, fixture, isUsp } from './fixture.ts';

const storeOf = (e: Engine): Store => (e as unknown as { store: Store }).store;

/** The counters, checked against a full walk: the incremental accounting never drifts. */
function usage(e: Engine): { instances: number; valueBytes: number } {
  const s = storeOf(e);
  const walked = measureStore(s);
  assert.deepEqual({ instances: s.instanceCount, valueBytes: s.valueBytes }, walked, 'counters = walk of the model');
  return walked;
}

const bounded = (modelInstances: number, modelValueBytes: number): BoardProfile =>
  Object.freeze({ ...SMALL, limits: Object.freeze({ ...SMALL.limits, modelInstances, modelValueBytes }) });

test('given the fixture defaults, when booted, then the counters match the model (rows and value bytes)', () => {
  const { engine } = fixture();
  const u = usage(engine);
  // Other.1-2, Table.1-3, Table.1.Sub.1-2: 7 rows.
  assert.equal(u.instances, 7);
  assert.ok(u.valueBytes > 0);
});

test('given a Set that would pass modelValueBytes, then 7005 with its path and nothing changes', () => {
  const base = usage(fixture().engine).valueBytes;
  const { engine } = fixture({ profile: bounded(64, base + 10) });
  const txn = engine.begin();
  txn.set('Device.Table.1.Tags', 'a,b,c,d'); // 'a,b' -> 'a,b,c,d': +4 bytes, fits
  assert.throws(() => txn.set('Device.Table.2.Tags', 'x'.repeat(7)), isUsp(7005, 'Device.Table.2.Tags'));
  assert.equal(txn.get('Device.Table.2.Tags'), '');
  txn.set('Device.Table.2.Tags', 'x'.repeat(6)); // exactly at the bound
  txn.commit();
  assert.equal(usage(engine).valueBytes, base + 10);
  // Shrinking a value frees room, growing it back takes it again; at the bound, +1 byte is refused.
  const t2 = engine.begin();
  t2.set('Device.Table.1.Tags', 'a'); // -6
  t2.set('Device.Table.2.Tags', 'x'.repeat(12)); // +6
  assert.throws(() => t2.set('Device.Table.3.Tags', 'cc'), isUsp(7005));
  t2.commit();
  assert.equal(usage(engine).valueBytes, base + 10);
  // UTF-8 bytes, not characters: 'é' is two bytes.
  const t3 = engine.begin();
  assert.throws(() => t3.set('Device.Table.2.Tags', 'x'.repeat(11) + 'é'), isUsp(7005));
  t3.rollback();
  assert.equal(usage(engine).valueBytes, base + 10);
});

test('given a rolled back transaction, then the counters come back exactly', () => {
  const { engine } = fixture();
  const before = usage(engine);
  const txn = engine.begin();
  txn.set('Device.Table.1.Tags', 'long,list,of,tags');
  txn.add('Device.Table.', [{ param: 'Key', value: 'delta', required: true }]);
  txn.delete('Device.Table.1.');
  txn.rollback();
  assert.deepEqual(usage(engine), before);
});

test('given nested tables, when rows are added past modelInstances (all tables together), then 7005 and nothing is added', () => {
  // SMALL allows 4 Table rows with 3 Sub rows each (16 rows in these two tables alone); the model
  // bound of 10 rows stops growth across tables first.
  const { engine } = fixture({ profile: bounded(10, 1 << 20) });
  assert.equal(usage(engine).instances, 7);
  const txn = engine.begin();
  txn.add('Device.Table.1.Sub.');
  txn.add('Device.Table.2.Sub.');
  txn.add('Device.Table.', [{ param: 'Key', value: 'delta', required: true }]);
  assert.throws(() => txn.add('Device.Table.2.Sub.'), isUsp(7005, 'Device.Table.2.Sub.'));
  assert.throws(() => txn.add('Device.Other.'), isUsp(7005));
  txn.commit();
  assert.equal(usage(engine).instances, 10);
  // A Delete of a row with sub-rows frees them all.
  const t2 = engine.begin();
  t2.delete('Device.Table.1.'); // Table.1 and its Sub.1, Sub.2, Sub.3
  t2.commit();
  assert.equal(usage(engine).instances, 6);
  const t3 = engine.begin();
  t3.add('Device.Table.2.Sub.');
  t3.add('Device.Table.2.Sub.');
  t3.add('Device.Table.3.Sub.');
  t3.add('Device.Table.3.Sub.');
  assert.throws(() => t3.add('Device.Table.3.Sub.'), isUsp(7005)); // the model's 10 rows again
  t3.commit();
  assert.equal(usage(engine).instances, 10);
});

test('given an Add whose initial values would pass modelValueBytes, then 7005 and no row', () => {
  const base = usage(fixture().engine);
  // Room for the values of nothing more than what is there: a new Table row brings 'red' and zeros.
  const { engine } = fixture({ profile: bounded(64, base.valueBytes) });
  const txn = engine.begin();
  assert.throws(() => txn.add('Device.Table.', [{ param: 'Key', value: 'k', required: true }]), isUsp(7005, 'Device.Table.'));
  txn.rollback();
  assert.deepEqual(usage(engine), base);
});

test('given a full model, when restarted from storage and after FactoryReset, then the counters are right', () => {
  const hal = memoryHal();
  const profile = bounded(9, 4096);
  const a = fixture({ hal, profile }).engine;
  const txn = a.begin();
  txn.add('Device.Table.', [{ param: 'Key', value: 'delta', required: true }, { param: 'Tags', value: 'p,q,r', required: true }]);
  txn.add('Device.Table.4.Sub.', [{ param: 'Val', value: 'v'.repeat(100), required: true }]);
  txn.set('Device.Name', 'abc');
  txn.commit();
  const full = usage(a);
  assert.equal(full.instances, 9);
  const b = fixture({ hal: memoryHal({ disk: hal.disk }), profile }).engine;
  assert.deepEqual(usage(b), full);
  b.factoryReset();
  assert.deepEqual(usage(b), usage(fixture().engine));
  const c = fixture({ hal: memoryHal({ disk: hal.disk }), profile }).engine;
  assert.deepEqual(usage(c), usage(fixture().engine));
});

test('given stored rows beyond a lowered bound, when loaded, then the model stays within it', () => {
  const hal = memoryHal();
  const a = fixture({ hal }).engine;
  const txn = a.begin();
  txn.set('Device.Table.2.Tags', 't'.repeat(500));
  txn.add('Device.Table.', [{ param: 'Key', value: 'delta', required: true }]);
  txn.commit();
  const defaults = usage(fixture().engine);
  const b = fixture({ hal: memoryHal({ disk: hal.disk }), profile: bounded(7, defaults.valueBytes + 100) }).engine;
  const u = usage(b);
  assert.equal(u.instances, 7); // the 8th row is dropped, as a lowered instancesPerTable drops rows
  assert.ok(u.valueBytes <= defaults.valueBytes + 100, `${u.valueBytes} bytes`);
  assert.equal(b.get('Device.Table.2.Tags'), ''); // past the bound: the value keeps its default
});

test('given a model full from its defaults, when rows a handler fixes (FirmwareImage) are made at boot, then they are made anyway and counted', () => {
  // Device.Fixed.{i} rows come from the hardware, as FirmwareImage's per firmware slot: a full
  // model must not keep them from existing (the agent would not boot).
  const module = { ...TEST_MODULE, handlers: { ...TEST_MODULE.handlers, 'Device.Fixed.{i}.': { instances: () => [1, 2] } } } as ModelModule;
  const { engine } = fixture({ profile: bounded(7, 1 << 20), modules: [module] });
  assert.equal(engine.instances('Device.Fixed.', true).length, 2);
  assert.equal(usage(engine).instances, 9);
  const txn = engine.begin();
  assert.throws(() => txn.add('Device.Other.'), isUsp(7005));
  txn.rollback();
});
