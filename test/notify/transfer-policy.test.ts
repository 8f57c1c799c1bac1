// Controller.{i}.TransferCompletePolicy.ResultTypeFilter (TR-181, digest §4.4): each Controller
// hears only the TransferComplete! results its policy names (Success, Failure, Both), in the
// whole core; the policy is a stored, validated, persisted parameter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { C1, C2, rig, set } from './harness.ts';

const POLICY = 'TransferCompletePolicy.ResultTypeFilter';
const TC = { Enable: 'true', NotifType: 'Event', ReferenceList: 'Device.LocalAgent.TransferComplete!' };
const transfer = (key: string, fault: number) => ({
  Command: 'Device.DeviceInfo.FirmwareImage.2.Download()', CommandKey: key, TransferType: 'Download', Affected: 'Device.DeviceInfo.FirmwareImage.2',
  TransferURL: 'http://127.0.0.1/x.img', FaultCode: String(fault), FaultString: fault ? 'CheckSum mismatch' : '',
});

test('given TransferCompletePolicy Success for one Controller and Failure for another, then each hears only those TransferComplete! results; Both (the default) hears all', () => {
  const r = rig();
  assert.equal(r.engine.get(C1.controllerPath + POLICY), 'Both');
  r.subscribe(C1, { ...TC, ID: 'tc' });
  r.subscribe(C2, { ...TC, ID: 'tc' });
  set(r.engine, C1.controllerPath + POLICY, 'Success');
  set(r.engine, C2.controllerPath + POLICY, 'Failure');
  r.engine.emitEvent('Device.LocalAgent.', 'TransferComplete!', transfer('good', 0));
  r.engine.emitEvent('Device.LocalAgent.', 'TransferComplete!', transfer('bad', 7022));
  r.step();
  const keys = (c: typeof C1) => r.of(c).flatMap((s) => {
    const n = s.notify.notification;
    return n.case === 'event' ? [n.value.params.get('CommandKey')] : [];
  });
  assert.deepEqual(keys(C1), ['good']);
  assert.deepEqual(keys(C2), ['bad']);
  // Back to Both: C2 hears the next success too. Other events are not filtered.
  set(r.engine, C2.controllerPath + POLICY, 'Both');
  r.engine.emitEvent('Device.LocalAgent.', 'TransferComplete!', transfer('good2', 0));
  r.step();
  assert.deepEqual(keys(C2), ['bad', 'good2']);
  assert.deepEqual(keys(C1), ['good', 'good2']);
});

test('given a ResultTypeFilter outside Success/Failure/Both, then the Set is refused and the policy is unchanged; a set policy survives a restart', () => {
  const r = rig();
  set(r.engine, C1.controllerPath + POLICY, 'Failure');
  const txn = r.engine.begin(C1);
  assert.throws(() => txn.set(C1.controllerPath + POLICY, 'Sometimes'), (e: { code?: number }) => e.code === 7012);
  txn.rollback();
  assert.equal(r.engine.get(C1.controllerPath + POLICY), 'Failure');
  const again = rig({ disk: r.hal.disk });
  assert.equal(again.engine.get(C1.controllerPath + POLICY), 'Failure');
});
