import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFields, encodeFields } from '../../src/dm/persist.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { DEFAULTS, fixture, SMALL } from './fixture.ts';
import fc from 'fast-check';

test('given a first boot, when the engine starts, then factory defaults are applied and written', () => {
  const { engine, hal } = fixture();
  assert.equal(engine.get('Device.Name'), 'dev');
  assert.equal(engine.get('Device.Table.1.Sub.2.Val'), 'y');
  assert.equal(engine.get('Device.Table.2.Alias'), 'cpe-2'); // not in the file: generated
  assert.ok(hal.disk.size > 0);
  assert.equal(engine.startedFromDefaults(), true);
});

test('given committed changes, when a fresh engine loads the same storage, then the model is identical', () => {
  const hal = memoryHal();
  const a = fixture({ hal }).engine;
  const txn = a.begin();
  txn.set('Device.Name', 'renamed');
  const added = txn.add('Device.Table.', [{ param: 'Key', value: 'k,with;odd:chars 4:x', required: true }]);
  txn.add('Device.Table.1.Sub.', [{ param: 'Val', value: 'ünïcode', required: true }]);
  txn.delete('Device.Table.2.');
  txn.set('Device.Table.3.When', '2030-01-01T00:00:00.5+01:00');
  txn.commit();
  const snapshot = (e: typeof a) => e.subtree('Device.').map((p) => [p, e.params(p).map((x) => x.value)]);
  const b = fixture({ hal: memoryHal({ disk: hal.disk }) }).engine;
  assert.deepEqual(snapshot(b), snapshot(a));
  assert.equal(b.get(added.path + 'Key'), 'k,with;odd:chars 4:x');
  assert.equal(b.startedFromDefaults(), false);
  // R-ARC.8: numbers are not reused after the reboot either.
  const t2 = b.begin();
  assert.equal(t2.add('Device.Table.').path, 'Device.Table.5.');
  t2.delete('Device.Table.1.Sub.3.');
  assert.equal(t2.add('Device.Table.1.Sub.').path, 'Device.Table.1.Sub.4.');
  t2.rollback();
});

test('given a one-parameter Set, when committed, then only that instance record is rewritten (bounded writes)', () => {
  const { engine, hal } = fixture();
  hal.writes.clear();
  const txn = engine.begin();
  txn.set('Device.Table.3.Stats.Errors', '4');
  txn.commit();
  assert.equal(hal.writes.size, 1);
  const [key, bytes] = Array.from(hal.writes)[0];
  assert.match(key, /^d\.[0-9a-z]{5}02$/); // Table.3 holds storage slot 2
  assert.ok(key.length <= 15, 'fits an NVS key');
  assert.ok(bytes < 200, `record of ${bytes} bytes`);
});

test('given a delete, when committed, then the records of the instance and its sub-instances are removed', () => {
  const { engine, hal } = fixture();
  const keysBefore = hal.disk.size;
  const txn = engine.begin();
  txn.delete('Device.Table.1.');
  txn.commit();
  // Table.1 record, Sub.1, Sub.2 records and the Sub table index go.
  assert.equal(hal.disk.size, keysBefore - 4);
});

test('given corrupt or outdated records, when loaded, then bad values fall back to defaults without a crash', () => {
  const hal = memoryHal();
  fixture({ hal });
  const key = Array.from(hal.disk.keys()).find((k) => /^d\.[0-9a-z]{5}01$/.test(k) && decodeFields(new TextDecoder().decode(hal.disk.get(k)!))!.indexOf('Key') >= 0)!;
  hal.disk.set(key, new TextEncoder().encode(encodeFields(['Num', 'not-a-number', 'Gone', 'x', 'Key', 'beta2'])));
  const other = Array.from(hal.disk.keys()).find((k) => k.startsWith('d.') && k !== key)!;
  hal.disk.set(other, new Uint8Array([0xff, 0xfe, 0x31]));
  const { engine } = fixture({ hal: memoryHal({ disk: hal.disk }) });
  assert.equal(engine.get('Device.Table.2.Num'), '0');
  assert.equal(engine.get('Device.Table.2.Key'), 'beta2');
});

test('given a factory reset, when done, then the defaults come back, numbering restarts, and other storage records are kept', () => {
  const { engine, hal } = fixture();
  const txn = engine.begin();
  txn.set('Device.Name', 'changed');
  txn.delete('Device.Table.3.');
  txn.add('Device.Table.');
  txn.commit();
  hal.storage.set('dm.boot', new Uint8Array([1, 2, 3])); // a record of the model's, not of the engine
  engine.factoryReset();
  assert.deepEqual(hal.disk.get('dm.boot'), new Uint8Array([1, 2, 3]));
  assert.equal(engine.get('Device.Name'), 'dev');
  assert.deepEqual(engine.instances('Device.Table.', true).map((i) => i.path), ['Device.Table.1.', 'Device.Table.2.', 'Device.Table.3.']);
  const after = fixture({ hal: memoryHal({ disk: hal.disk }) }).engine;
  assert.equal(after.get('Device.Name'), 'dev');
  assert.equal(after.startedFromDefaults(), false, 'the reset wrote the defaults: a persisted model');
});

test('given a defaults file with mistakes, when applied, then bad entries are logged and skipped', () => {
  const { engine, hal } = fixture({
    defaults: { ...DEFAULTS, 'Device.Level': '99', 'Device.Nope.X': '1', 'Device.Table.1.Ref': 'Device.Other.9', 'not a path': 'x' },
  });
  assert.equal(engine.get('Device.Level'), '5');
  assert.equal(engine.get('Device.Table.1.Ref'), '');
  assert.equal(hal.logs.filter((l) => l.startsWith('warn factory defaults')).length, 4);
});

test('given the profile bound is lower than the persisted table, when loaded, then extra rows are dropped (no crash)', () => {
  const hal = memoryHal();
  fixture({ hal });
  const tiny = { ...SMALL, limits: { ...SMALL.limits, instancesPerTable: 2 } };
  const { engine } = fixture({ hal: memoryHal({ disk: hal.disk }), profile: tiny });
  assert.deepEqual(engine.instances('Device.Table.', true).map((i) => i.path), ['Device.Table.1.', 'Device.Table.2.']);
});

test('property: the record encoding round-trips any strings', () => {
  fc.assert(fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 10 }), (fields) => {
    assert.deepEqual(decodeFields(encodeFields(fields)), fields);
  }));
});

test('given a stale engine record and a model module\'s own record, when the engine boots, then the stale one goes and the module\'s stays', () => {
  const hal = memoryHal();
  fixture({ hal });
  const own = new Uint8Array([1, 2, 3]);
  hal.disk.set('d._tmr', own); // a model module's record (src/model/device.ts timers)
  hal.disk.set('d.zzzzz07', new TextEncoder().encode(encodeFields(['Name', 'x']))); // no object of this model
  const again = memoryHal({ disk: hal.disk });
  const { engine } = fixture({ hal: again });
  assert.equal(engine.get('Device.Name'), 'dev');
  assert.deepEqual(hal.disk.get('d._tmr'), own);
  assert.equal(hal.disk.has('d.zzzzz07'), false);
  assert.equal(again.writes.size, 0, 'no record of the model itself is rewritten');
});
