import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddFailure, ChangeEvent } from '../../src/dm/api.ts';
import { UspError } from '../../src/errors.ts';
import { fixture, isUsp, TEST_OBJECTS } from './fixture.ts';

function listen(engine: ReturnType<typeof fixture>['engine']) {
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  return events;
}

test('given a Set of several parameters, when committed, then values change and valueChange fires per changed value', () => {
  const { engine } = fixture();
  const events = listen(engine);
  const txn = engine.begin();
  txn.set('Device.Table.2.Num', '+08');
  txn.set('Device.Table.2.Enable', '1');
  txn.set('Device.Table.2.Key', 'beta'); // same value: accepted, no event
  assert.equal(txn.get('Device.Table.2.Num'), '8');
  txn.commit();
  assert.equal(engine.get('Device.Table.2.Num'), '8');
  assert.equal(engine.get('Device.Table.2.Enable'), 'true');
  assert.deepEqual(events, [
    { type: 'valueChange', path: 'Device.Table.2.Num', value: '8' },
    { type: 'valueChange', path: 'Device.Table.2.Enable', value: 'true' },
  ]);
});

test('given bad values, when set, then 7011/7012/7013/7010/7016/7026 carry the path and nothing changes', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  assert.throws(() => txn.set('Device.Table.1.Num', 'x'), isUsp(7011, 'Device.Table.1.Num'));
  assert.throws(() => txn.set('Device.Level', '11'), isUsp(7012, 'Device.Level'));
  assert.throws(() => txn.set('Device.Table.1.Color', 'blue'), isUsp(7012, 'Device.Table.1.Color'));
  assert.throws(() => txn.set('Device.Fixed', 'x'), isUsp(7013, 'Device.Fixed'));
  assert.throws(() => txn.set('Device.TableNumberOfEntries', '1'), isUsp(7013));
  assert.throws(() => txn.set('Device.Table.1.Nope', '1'), isUsp(7010, 'Device.Table.1.Nope'));
  assert.throws(() => txn.set('Device.Table.9.Num', '1'), isUsp(7016, 'Device.Table.9.'));
  assert.throws(() => txn.set('Device.Nope.X', '1'), isUsp(7026));
  assert.throws(() => txn.set('Device.Table.1.Ref', 'Device.Other.9'), isUsp(7012, 'Device.Table.1.Ref'));
  assert.throws(() => txn.set('Device.Table.1.Ref', 'Device.Table.1'), isUsp(7012));
  txn.commit();
  assert.equal(engine.get('Device.Table.1.Num'), '-5');
  assert.equal(engine.get('Device.Level'), '5');
});

test('given a strong reference written with unique keys, when set, then it is stored with instance numbers (R-ARC.11)', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  txn.set('Device.Table.2.Ref', 'Device.Other.[Alias=="o2"].');
  txn.set('Device.Table.2.Refs', 'Device.Other.2., Device.Other.1');
  txn.set('Device.Table.2.Weak', 'Device.Other.77'); // weak: not checked
  txn.commit();
  assert.equal(engine.get('Device.Table.2.Ref'), 'Device.Other.2');
  assert.equal(engine.get('Device.Table.2.Refs'), 'Device.Other.2,Device.Other.1');
  assert.equal(engine.get('Device.Table.2.Weak'), 'Device.Other.77');
});

test('given a writeOnceReadOnly parameter, when set twice, then the second change is 7013', () => {
  const { engine } = fixture();
  let txn = engine.begin();
  txn.set('Device.Once', 'first');
  txn.commit();
  txn = engine.begin();
  txn.set('Device.Once', 'first'); // same value is fine
  assert.throws(() => txn.set('Device.Once', 'second'), isUsp(7013));
  txn.rollback();
});

test('given a duplicate unique key, when set, then 7025 and the old value stays', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  assert.throws(() => txn.set('Device.Table.2.Key', 'alpha'), isUsp(7025, 'Device.Table.2.Key'));
  assert.equal(txn.get('Device.Table.2.Key'), 'beta');
  txn.rollback();
});

test('given a failure late in a transaction, when rolled back, then every earlier change is undone (all-or-nothing)', () => {
  const { engine, hal } = fixture();
  const before = new Map(hal.disk);
  const events = listen(engine);
  const txn = engine.begin();
  txn.set('Device.Name', 'changed');
  const added = txn.add('Device.Table.', [{ param: 'Key', value: 'delta', required: true }]);
  const deleted = txn.delete('Device.Table.1.');
  assert.deepEqual(deleted, ['Device.Table.1.', 'Device.Table.1.Sub.1.', 'Device.Table.1.Sub.2.']);
  assert.equal(engine.exists(added.path), true);
  txn.rollback();
  assert.equal(engine.get('Device.Name'), 'dev');
  assert.equal(engine.exists(added.path), false);
  assert.equal(engine.get('Device.Table.1.Sub.2.Val'), 'y');
  assert.equal(engine.get('Device.Table.1.Key'), 'alpha');
  assert.equal(engine.get('Device.Table.3.Ref'), 'Device.Other.2');
  assert.deepEqual(events, []);
  assert.deepEqual(hal.disk, before);
});

test('given savepoints, when one object fails, then only its changes are undone (allow_partial, R-SET.2a)', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  txn.set('Device.Table.1.Num', '1');
  const sp = txn.savepoint();
  txn.set('Device.Table.2.Num', '2');
  txn.set('Device.Table.3.Num', '3');
  txn.rollbackTo(sp);
  txn.commit();
  assert.deepEqual(['1', '2', '3'].map((n) => engine.get(`Device.Table.${n}.Num`)), ['1', '7', '12']);
});

test('given an Add without keys, when committed, then the Agent generates unique keys (R-ADD.5) and objectCreation fires', () => {
  const { engine } = fixture();
  const events = listen(engine);
  const txn = engine.begin();
  const r = txn.add('Device.Table.', [{ param: 'Num', value: '42', required: false }, { param: 'Stats.Errors', value: '9', required: false }]);
  txn.commit();
  assert.equal(r.path, 'Device.Table.4.');
  assert.deepEqual(r.uniqueKeys, { Alias: 'cpe-4', Key: 'cpe-4' });
  assert.deepEqual(r.paramErrs, []);
  assert.equal(engine.get('Device.Table.4.Stats.Errors'), '9');
  assert.equal(engine.get('Device.Table.4.Color'), 'red'); // default
  assert.deepEqual(events, [{ type: 'objectCreation', path: 'Device.Table.4.', uniqueKeys: { Alias: 'cpe-4', Key: 'cpe-4' } }]);
});

test('given an Add with a failing non-required setting, then the instance exists and the error is listed (R-ADD.4)', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  const r = txn.add('Device.Table.', [{ param: 'Num', value: 'x', required: false }, { param: 'Nope', value: '1', required: false }]);
  txn.commit();
  assert.deepEqual(r.paramErrs.map((e) => [e.param, e.code]), [['Num', 7011], ['Nope', 7010]]);
  assert.equal(engine.exists(r.path), true);
});

test('given an Add with a failing required setting or unique key, then 7021 with paramErrs and no instance (R-ADD.3)', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  assert.throws(() => txn.add('Device.Table.', [{ param: 'Num', value: 'x', required: true }]), (e: unknown) => {
    const f = e as AddFailure;
    return f.code === 7021 && f.paramErrs.length === 1 && f.paramErrs[0].param === 'Num' && f.paramErrs[0].code === 7011;
  });
  // 1.2+: a unique key in the settings is treated as required.
  assert.throws(() => txn.add('Device.Table.', [{ param: 'Key', value: 'alpha', required: false }]), (e: unknown) => {
    const f = e as AddFailure;
    return f.code === 7021 && f.paramErrs[0].code === 7025;
  });
  txn.commit();
  assert.equal(engine.get('Device.TableNumberOfEntries'), '3');
});

test('given Add errors, then not a table 7018, read-only table 7019, unknown 7026, missing parent 7016', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  assert.throws(() => txn.add('Device.Table.1.Stats.'), isUsp(7018));
  assert.throws(() => txn.add('Device.Fixed.'), isUsp(7019));
  assert.throws(() => txn.add('Device.Nope.'), isUsp(7026));
  assert.throws(() => txn.add('Device.Table.9.Sub.'), isUsp(7016));
  txn.rollback();
});

test('given a table bound, when exceeded, then 7005 (schema maxEntries and profile instancesPerTable)', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  txn.add('Device.Table.1.Sub.');
  assert.throws(() => txn.add('Device.Table.1.Sub.'), isUsp(7005)); // maxEntries 3
  txn.add('Device.Table.');
  assert.throws(() => txn.add('Device.Table.'), isUsp(7005)); // profile bound 4
  txn.rollback();
});

test('given deletes and re-adds, when instances are created, then numbers are never reused (R-ARC.8)', () => {
  const { engine } = fixture();
  let txn = engine.begin();
  txn.delete('Device.Table.3.');
  txn.commit();
  txn = engine.begin();
  const r = txn.add('Device.Table.');
  txn.commit();
  assert.equal(r.path, 'Device.Table.4.');
});

test('given a delete, when committed, then sub-instances go, strong references are cleared, weak kept (R-ARC.12)', () => {
  const { engine } = fixture();
  let txn = engine.begin();
  txn.set('Device.Table.2.Weak', 'Device.Other.2');
  txn.commit();
  const events = listen(engine);
  txn = engine.begin();
  assert.deepEqual(txn.delete('Device.Other.2.'), ['Device.Other.2.']);
  txn.commit();
  assert.equal(engine.get('Device.Table.3.Ref'), '');
  assert.equal(engine.get('Device.Table.1.Refs'), 'Device.Other.1');
  assert.equal(engine.get('Device.Table.2.Weak'), 'Device.Other.2');
  assert.deepEqual(events[0], { type: 'objectDeletion', path: 'Device.Other.2.' });
  assert.deepEqual(events.slice(1).sort((a, b) => ((a as { path: string }).path < (b as { path: string }).path ? -1 : 1)), [
    { type: 'valueChange', path: 'Device.Table.1.Refs', value: 'Device.Other.1' },
    { type: 'valueChange', path: 'Device.Table.3.Ref', value: '' },
  ]);
});

test('given delete errors, then missing 7016, not a table 7018, not deletable 7015, unknown 7026', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  assert.throws(() => txn.delete('Device.Table.9.'), isUsp(7016));
  assert.throws(() => txn.delete('Device.Table.1.Stats.'), isUsp(7018));
  assert.throws(() => txn.delete('Device.Nope.1.'), isUsp(7026));
  txn.rollback();
  const f2 = fixture({ defaults: { 'Device.Fixed.1.Val': 'v' } });
  const t2 = f2.engine.begin();
  assert.throws(() => t2.delete('Device.Fixed.1.'), isUsp(7015));
  t2.rollback();
});

test('given handlers, when a transaction runs, then add/remove/validate/commit/rollback are called at the right times', () => {
  const calls: string[] = [];
  let veto = false;
  let vetoOther = false;
  const module = {
    objects: TEST_OBJECTS,
    handlers: {
      'Device.Table.{i}.': {
        add: (_c: unknown, p: string, set: (n: string, v: string) => void) => { calls.push('add ' + p); set('Color', 'green'); },
        remove: (_c: unknown, p: string) => { calls.push('remove ' + p); },
        validate: (_c: unknown, ch: { kind: string; path: string; changed: readonly string[] }) => {
          calls.push(`validate ${ch.kind} ${ch.path} ${ch.changed.join('+')}`);
          if (veto) throw Object.assign(new Error('no'), { code: 7014 });
        },
        commit: (_c: unknown, ch: { kind: string; path: string }) => { calls.push(`commit ${ch.kind} ${ch.path}`); },
        rollback: (_c: unknown, ch: { kind: string; path: string }) => { calls.push(`rollback ${ch.kind} ${ch.path}`); },
      },
      'Device.Other.{i}.': {
        validate: () => { if (vetoOther) throw new Error('other says no'); },
      },
    },
  };
  const { engine } = fixture({ modules: [module as never] });
  let txn = engine.begin();
  const r = txn.add('Device.Table.', [{ param: 'Key', value: 'k', required: true }]);
  txn.set('Device.Table.2.Num', '1');
  txn.commit();
  assert.equal(engine.get(r.path + 'Color'), 'green');
  assert.deepEqual(calls, [
    'add Device.Table.4.',
    'validate added Device.Table.4. Alias+Key+Enable+Num+Big+When+Tags+Nums+Ref+Refs+Weak+Color',
    'validate changed Device.Table.2. Num',
    'commit added Device.Table.4.',
    'commit changed Device.Table.2.',
  ]);
  calls.length = 0;
  veto = true;
  txn = engine.begin();
  txn.set('Device.Table.2.Num', '2');
  assert.throws(() => txn.commit(), (e: unknown) => (e as { code: number }).code === 7007 || (e as { code: number }).code === 7014);
  assert.equal(engine.get('Device.Table.2.Num'), '1');
  veto = false;
  vetoOther = true;
  txn = engine.begin();
  txn.set('Device.Table.2.Num', '3');
  txn.set('Device.Other.1.Name', 'n');
  assert.throws(() => txn.commit());
  assert.deepEqual(calls.slice(-2), ['validate changed Device.Table.2. Num', 'rollback changed Device.Table.2.']);
  assert.equal(engine.get('Device.Other.1.Name'), '');
  vetoOther = false;
  txn = engine.begin();
  txn.delete('Device.Table.1.');
  txn.commit();
  assert.ok(calls.indexOf('remove Device.Table.1.') >= 0);
});

test('given one open transaction, when another begins, then it is refused until the first ends', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  assert.throws(() => engine.begin(), isUsp(7003));
  txn.rollback();
  engine.begin().rollback();
  assert.throws(() => txn.set('Device.Name', 'x'), isUsp(7003));
});


test('given a table minimum, when the last allowed instance is deleted, then 7024 and nothing changes', () => {
  const { engine } = fixture();
  const txn = engine.begin();
  txn.delete('Device.Other.2.');
  assert.throws(() => txn.delete('Device.Other.1.'), isUsp(7024, 'Device.Other.1.'));
  txn.commit();
  assert.equal(engine.exists('Device.Other.1.'), true);
});

test('given a write handler, when it refuses a value, then Set fails for that parameter only with its code', () => {
  const module = {
    objects: TEST_OBJECTS,
    handlers: {
      'Device.Table.{i}.': {
        write: (_c: unknown, _p: string, name: string, value: string) => {
          if (name === 'Num' && value === '666') throw new UspError(7014, 'unlucky');
        },
      },
    },
  };
  const { engine } = fixture({ modules: [module as never] });
  const txn = engine.begin();
  txn.set('Device.Table.1.Key', 'k1');
  assert.throws(() => txn.set('Device.Table.1.Num', '666'), isUsp(7014, 'Device.Table.1.Num'));
  txn.set('Device.Table.1.Num', '+0667');
  txn.commit();
  assert.equal(engine.get('Device.Table.1.Num'), '667');
  assert.equal(engine.get('Device.Table.1.Key'), 'k1');
});
