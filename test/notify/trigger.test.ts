// Subscription TriggerAction / TriggerConfigSettings (TR-181 2.16, USP 1.3; digest §4.1) inside
// the whole core on the virtual clock: a trigger applies configuration on the device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, UspError } from '../../src/errors.ts';
import { parseConfigSettings } from '../../src/notify/trigger.ts';
import { C1, C3, rig, set } from './harness.ts';

const ALARM = { Enable: 'true', ID: 'alarm', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName' };
const TZ = '{"Device.Time.LocalTimeZone":"CET-1CEST,M3.5.0,M10.5.0/3"}';

test('given TriggerAction=Config, when the referenced value changes, then TriggerConfigSettings is applied and no Notify is sent', () => {
  const r = rig();
  r.subscribe(C1, { ...ALARM, TriggerAction: 'Config', TriggerConfigSettings: TZ });
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'alarm!');
  r.step();
  assert.equal(r.engine.get('Device.Time.LocalTimeZone'), 'CET-1CEST,M3.5.0,M10.5.0/3');
  assert.deepEqual(r.of(C1), []);
});

test('given TriggerAction=NotifyAndConfig, when it triggers, then the Notify is sent and the configuration applied; Notify (default) only notifies', () => {
  const r = rig();
  r.subscribe(C1, { ...ALARM, TriggerAction: 'NotifyAndConfig', TriggerConfigSettings: TZ });
  r.subscribe(C1, { ...ALARM, ID: 'plain', TriggerConfigSettings: '{"Device.DeviceInfo.ProvisioningCode":"never"}' });
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'alarm!');
  r.step();
  assert.deepEqual(r.of(C1).map((s) => s.notify.subscriptionId).sort(), ['alarm', 'plain']);
  assert.equal(r.engine.get('Device.Time.LocalTimeZone'), 'CET-1CEST,M3.5.0,M10.5.0/3');
  assert.equal(r.engine.get('Device.DeviceInfo.ProvisioningCode'), '');
});

test('given a recipient that may not write a setting, when it triggers, then none of the settings is applied', () => {
  const r = rig();
  // Controller 3 may read DeviceInfo but write nothing outside its subscriptions.
  r.subscribe(C3, { ...ALARM, TriggerAction: 'Config', TriggerConfigSettings: '{"Device.DeviceInfo.ProvisioningCode":"x","Device.Time.LocalTimeZone":"UTC"}' });
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'alarm!');
  r.step();
  assert.equal(r.engine.get('Device.Time.LocalTimeZone'), '');
  assert.equal(r.engine.get('Device.DeviceInfo.ProvisioningCode'), '');
});

test('TriggerConfigSettings that is not a JSON object of parameter path → string is refused with 7012 and nothing is created', () => {
  const r = rig();
  const codes = (settings: { [k: string]: string }): number[] => {
    const txn = r.engine.begin(C1);
    try {
      txn.add('Device.LocalAgent.Subscription.', Object.keys(settings).map((k) => ({ param: k, value: settings[k], required: true })));
      txn.commit();
      return [];
    } catch (e) {
      txn.rollback();
      assert.ok(e instanceof UspError);
      return ((e as { paramErrs?: { code: number }[] }).paramErrs ?? []).map((p) => p.code);
    }
  };
  for (const bad of ['Device.Time.LocalTimeZone=UTC', '{"Device.Time.":"x"}', '{"Device.Time.LocalTimeZone":1}', '{"a":"b"', '{"Device.Time.LocalTimeZone":"UTC"} x']) {
    assert.deepEqual(codes({ ...ALARM, TriggerAction: 'Config', TriggerConfigSettings: bad }), [ErrorCode.INVALID_VALUE], bad);
  }
  assert.deepEqual(codes({ ...ALARM, TriggerAction: 'Reboot' }), [ErrorCode.INVALID_VALUE]);
  assert.deepEqual(r.engine.instances('Device.LocalAgent.Subscription.', true), []);
});

test('parseConfigSettings: escapes, whitespace, empty object, bounded pairs', () => {
  assert.deepEqual(parseConfigSettings(' { "A.b" : "x\\"y\\u00e9" , "C.d":"" } ', 4), [{ path: 'A.b', value: 'x"yé' }, { path: 'C.d', value: '' }]);
  assert.deepEqual(parseConfigSettings('{}', 4), []);
  assert.equal(parseConfigSettings('{"a":"1","b":"2"}', 1), undefined);
  assert.equal(parseConfigSettings('["a"]', 4), undefined);
});
