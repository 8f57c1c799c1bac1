// Matching of each notification type against ReferenceLists: plain paths, object filters,
// wildcards and search expressions resolved when the event happens (digest §4.1, §4.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staticPrefix, structuralMatch, tableOf } from '../../src/notify/match.ts';
import { parsePath } from '../../src/dm/grammar.ts';
import { C1, C2, plain, rig, set } from './harness.ts';

test('given reference texts, then the literal prefix stops at the first wildcard, search or reference', () => {
  assert.equal(staticPrefix('Device.DeviceInfo.FriendlyName'), 'Device.DeviceInfo.FriendlyName');
  assert.equal(staticPrefix('Device.LocalAgent.Controller.*.Enable'), 'Device.LocalAgent.Controller.');
  assert.equal(staticPrefix('Device.LocalAgent.Controller.[Alias=="a.b"].Enable'), 'Device.LocalAgent.Controller.');
  assert.equal(tableOf('Device.LocalAgent.Controller.12.'), 'Device.LocalAgent.Controller.');
});

test('given deletion refs, then plain paths and wildcards match by structure and searches need the model', () => {
  const p = (s: string) => parsePath(s);
  assert.equal(structuralMatch(p('Device.LocalAgent.Controller.*.'), 'Device.LocalAgent.Controller.7.'), true);
  assert.equal(structuralMatch(p('Device.LocalAgent.Controller.'), 'Device.LocalAgent.Controller.7.'), true);
  assert.equal(structuralMatch(p('Device.LocalAgent.Controller.2.'), 'Device.LocalAgent.Controller.7.'), false);
  assert.equal(structuralMatch(p('Device.LocalAgent.Controller.*.'), 'Device.LocalAgent.Controller.7.MTP.1.'), false);
  assert.equal(structuralMatch(p('Device.LocalAgent.Controller.[Alias=="x"].'), 'Device.LocalAgent.Controller.7.'), undefined);
});

test('given ValueChange subscriptions (parameter, object filter, wildcard), when values change by any Controller or the Agent, then one Notify per matching subscription', () => {
  const r = rig();
  r.subscribe(C1, { Enable: 'true', ID: 'param', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName' });
  r.subscribe(C1, { Enable: 'true', ID: 'obj', NotifType: 'ValueChange', ReferenceList: 'Device.LocalAgent.Controller.2.' });
  r.subscribe(C2, { Enable: 'true', ID: 'wild', NotifType: 'ValueChange', ReferenceList: 'Device.LocalAgent.Controller.*.ProvisioningCode' });
  r.runUntil(r.hal.time.mono);
  r.sent.length = 0;
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'kitchen', C2); // another Controller
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'kitchen'); // no transition: no event
  set(r.engine, 'Device.LocalAgent.Controller.2.ProvisioningCode', 'pc-2'); // the Agent itself
  set(r.engine, 'Device.LocalAgent.Controller.1.ProvisioningCode', 'pc-1', C1); // the subscriber itself (§4.2)
  r.step();
  const got = r.sent.map((s) => `${s.controller.slice(-2)} ${s.notify.subscriptionId} ${s.notify.notification.case} ${JSON.stringify(s.notify.notification.value)}`);
  // Order holds per recipient (each Controller's queue, one CoAP exchange at a time: NSTART=1);
  // Controllers do not wait for each other.
  const perRecipient = (a: string, b: string) => (a.slice(0, 2) < b.slice(0, 2) ? -1 : a.slice(0, 2) > b.slice(0, 2) ? 1 : 0);
  assert.deepEqual(got.slice().sort(perRecipient), [
    '1. param valueChange {"paramPath":"Device.DeviceInfo.FriendlyName","paramValue":"kitchen"}',
    '1. obj valueChange {"paramPath":"Device.LocalAgent.Controller.2.ProvisioningCode","paramValue":"pc-2"}',
    '2. wild valueChange {"paramPath":"Device.LocalAgent.Controller.2.ProvisioningCode","paramValue":"pc-2"}',
    '2. wild valueChange {"paramPath":"Device.LocalAgent.Controller.1.ProvisioningCode","paramValue":"pc-1"}',
  ]);
  assert.ok(r.sent.every((s) => s.notify.sendResp === false));
  assert.deepEqual([...new Set(r.sent.map((s) => s.toId))].sort(), ['proto::controller-1', 'proto::controller-2']);
});

test('given a search ReferenceList naming an instance that does not exist yet, when it appears and changes, then the search is resolved at event time', () => {
  const r = rig();
  r.subscribe(C1, { Enable: 'true', ID: 'late', NotifType: 'ValueChange', ReferenceList: 'Device.LocalAgent.Controller.[EndpointID=="proto::late"].ProvisioningCode' });
  const txn = r.engine.begin(C1);
  const added = txn.add('Device.LocalAgent.Controller.', [{ param: 'EndpointID', value: 'proto::late', required: true }]).path;
  txn.commit();
  set(r.engine, 'Device.LocalAgent.Controller.2.ProvisioningCode', 'other');
  set(r.engine, added + 'ProvisioningCode', 'mine');
  // The key changes (a functional key: Alias is write-once): the same instance no longer matches.
  set(r.engine, added + 'EndpointID', 'proto::renamed');
  set(r.engine, added + 'ProvisioningCode', 'after-rename');
  r.step();
  assert.deepEqual(r.sent.map((s) => (s.notify.notification.value as { paramValue: string }).paramValue), ['mine']);
});

test('given ObjectCreation subscriptions on a table and on a search, when instances are added, then obj_path and every unique key are reported', () => {
  const r = rig();
  r.subscribe(C1, { Enable: 'true', ID: 'tbl', NotifType: 'ObjectCreation', ReferenceList: 'Device.LocalAgent.Controller.' });
  r.subscribe(C2, { Enable: 'true', ID: 'bp', NotifType: 'ObjectCreation', ReferenceList: 'Device.LocalAgent.Controller.[Alias=="controller-2"].BootParameter.' });
  const txn = r.engine.begin(C2);
  const ctl = txn.add('Device.LocalAgent.Controller.', [{ param: 'EndpointID', value: 'proto::new', required: true }]).path;
  txn.add('Device.LocalAgent.Controller.2.BootParameter.', [{ param: 'ParameterName', value: 'Device.DeviceInfo.ModelName', required: true }]);
  txn.add('Device.LocalAgent.Controller.1.BootParameter.', [{ param: 'ParameterName', value: 'Device.DeviceInfo.ModelName', required: true }]);
  txn.commit();
  r.step();
  assert.deepEqual(r.sent.map((s) => [s.notify.subscriptionId, plain(s.notify.notification.value)]), [
    ['tbl', { objPath: ctl, uniqueKeys: { Alias: 'cpe-4', EndpointID: 'proto::new' } }],
    ['bp', { objPath: 'Device.LocalAgent.Controller.2.BootParameter.2.', uniqueKeys: { Alias: 'cpe-2', ParameterName: 'Device.DeviceInfo.ModelName' } }],
  ]);
});

test('given ObjectDeletion subscriptions (wildcard, search), when instances are deleted by a Controller or implicitly, then only the covered ones are reported', () => {
  const r = rig();
  r.subscribe(C1, { Enable: 'true', ID: 'any', NotifType: 'ObjectDeletion', ReferenceList: 'Device.LocalAgent.Controller.*.BootParameter.*.' });
  r.subscribe(C1, { Enable: 'true', ID: 'search', NotifType: 'ObjectDeletion', ReferenceList: 'Device.LocalAgent.Controller.[Alias=="controller-2"].' });
  r.step(); // the model as it is before the deletion
  const txn = r.engine.begin(C1);
  txn.delete('Device.LocalAgent.Controller.2.'); // its BootParameter.1 goes implicitly
  txn.delete('Device.LocalAgent.Controller.3.');
  txn.commit();
  r.step();
  assert.deepEqual(r.sent.map((s) => `${s.notify.subscriptionId} ${(s.notify.notification.value as { objPath: string }).objPath}`).sort(), [
    'any Device.LocalAgent.Controller.2.BootParameter.1.',
    'search Device.LocalAgent.Controller.2.',
  ]);
});

test('given Event and OperationComplete subscriptions with object filters, when events and async commands end, then only matching ones are sent', () => {
  const r = rig();
  r.subscribe(C1, { Enable: 'true', ID: 'all-events', NotifType: 'Event', ReferenceList: 'Device.' });
  r.subscribe(C2, { Enable: 'true', ID: 'periodic', NotifType: 'Event', ReferenceList: 'Device.LocalAgent.Periodic!' });
  r.subscribe(C1, { Enable: 'true', ID: 'timer', NotifType: 'OperationComplete', ReferenceList: 'Device.ScheduleTimer()' });
  r.subscribe(C2, { Enable: 'true', ID: 'selftest', NotifType: 'OperationComplete', ReferenceList: 'Device.SelfTestDiagnostics()' });
  r.engine.emitEvent('Device.', 'Boot!', { Cause: 'LocalReboot' });
  r.engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '2' }, 'key-1', C1);
  r.runUntil(r.hal.time.mono + 3000);
  assert.deepEqual(r.sent.map((s) => `${s.notify.subscriptionId} ${s.notify.notification.case}`), ['all-events event', 'timer operComplete']);
  assert.deepEqual(plain(r.sent[1].notify.notification.value), {
    objPath: 'Device.', commandName: 'ScheduleTimer()', commandKey: 'key-1', operationResp: { case: 'reqOutputArgs', value: { outputArgs: {} } },
  });
});

test('given a disabled subscription or a disabled recipient Controller, when a matching change happens, then nothing is sent', () => {
  const r = rig();
  const sub = r.subscribe(C1, { Enable: 'false', ID: 'off', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName' });
  r.subscribe(C2, { Enable: 'true', ID: 'c2', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName' });
  set(r.engine, 'Device.LocalAgent.Controller.2.Enable', 'false');
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'x');
  r.step();
  assert.equal(r.sent.length, 0);
  set(r.engine, sub + 'Enable', 'true');
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'y');
  r.step();
  assert.deepEqual(r.sent.map((s) => s.notify.subscriptionId), ['off']);
});
