import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChangeEvent } from '../../src/dm/api.ts';
import { thermostatModule } from '../../examples/x-acme-thermostat/model.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { boot, CONTROLLER_1 } from './helpers.ts';

const code = (c: number) => (e: unknown) => (e as { code: number }).code === c;

function withThermostat(hal = memoryHal()) {
  const state = { temp: 19.5, applied: [] as number[] };
  const mod = thermostatModule(() => state.temp, (t) => state.applied.push(t));
  const { engine } = boot({ hal, extra: [mod], defaults: { 'Device.X_ACME_Thermostat.TargetTemperature': '20.5' } });
  return { engine, hal, state };
}

test('given a vendor module, when added to the engine, then its object is part of the model with no engine change', () => {
  const { engine, state } = withThermostat();
  assert.equal(engine.get('Device.X_ACME_Thermostat.TargetTemperature'), '20.5');
  assert.equal(engine.get('Device.X_ACME_Thermostat.CurrentTemperature'), '19.5');
  state.temp = 22.25;
  assert.equal(engine.get('Device.X_ACME_Thermostat.CurrentTemperature'), '22.25');
  assert.ok(engine.supportedTree('Device.', true).some((d) => d.path === 'Device.X_ACME_Thermostat.'));
});

test('given a Set of the target, when committed, then the commit handler applies it to the hardware and it persists', () => {
  const { engine, hal, state } = withThermostat();
  const txn = engine.begin(CONTROLLER_1);
  assert.throws(() => txn.set('Device.X_ACME_Thermostat.TargetTemperature', '40'), code(7012));
  txn.set('Device.X_ACME_Thermostat.TargetTemperature', '23');
  txn.commit();
  assert.deepEqual(state.applied, [23]);
  const again = withThermostat(memoryHal({ disk: hal.disk }));
  assert.equal(again.engine.get('Device.X_ACME_Thermostat.TargetTemperature'), '23');
});

test('given Boost(), when operated, then it returns Until and a Mode=Off Set is refused while boosting (7014)', () => {
  const { engine, hal } = withThermostat();
  const r = engine.operate('Device.X_ACME_Thermostat.', 'Boost()', { Minutes: '30' }, '', CONTROLLER_1);
  assert.deepEqual(r, { kind: 'sync', output: { Until: '2026-01-02T03:34:15Z' } });
  assert.throws(() => engine.operate('Device.X_ACME_Thermostat.', 'Boost()', { Minutes: '121' }, '', CONTROLLER_1), code(7027));
  let txn = engine.begin(CONTROLLER_1);
  txn.set('Device.X_ACME_Thermostat.Mode', 'Off');
  assert.throws(() => txn.commit(), code(7014));
  assert.equal(engine.get('Device.X_ACME_Thermostat.Mode'), 'Heat');
  hal.time.mono += 31 * 60_000;
  txn = engine.begin(CONTROLLER_1);
  txn.set('Device.X_ACME_Thermostat.Mode', 'Off');
  txn.commit();
  assert.equal(engine.get('Device.X_ACME_Thermostat.Mode'), 'Off');
});

test('given the Schedule table, when rows are added, then pattern, keys and maxEntries apply', () => {
  const { engine } = withThermostat();
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const txn = engine.begin(CONTROLLER_1);
  const a = txn.add('Device.X_ACME_Thermostat.Schedule.', [{ param: 'StartTime', value: '06:30', required: true }, { param: 'Temperature', value: '21', required: true }]);
  assert.throws(() => txn.add('Device.X_ACME_Thermostat.Schedule.', [{ param: 'StartTime', value: '25:00', required: true }]), code(7021));
  assert.throws(() => txn.add('Device.X_ACME_Thermostat.Schedule.', [{ param: 'StartTime', value: '06:30', required: true }]), code(7021));
  txn.commit();
  assert.equal(a.path, 'Device.X_ACME_Thermostat.Schedule.1.');
  assert.equal(engine.get('Device.X_ACME_Thermostat.ScheduleNumberOfEntries'), '1');
  assert.deepEqual(events, [{ type: 'objectCreation', path: a.path, uniqueKeys: { Alias: 'cpe-1', StartTime: '06:30' } }]);
  engine.emitEvent('Device.X_ACME_Thermostat.', 'Overheat!', { Temperature: '41.0' });
  assert.deepEqual(events[1], { type: 'event', objPath: 'Device.X_ACME_Thermostat.', name: 'Overheat!', args: { Temperature: '41' } });
});
