import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddFailure, ChangeEvent } from '../../src/dm/api.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { boot, CONTROLLER_1, DEMO_DEFAULTS } from './helpers.ts';

const code = (c: number) => (e: unknown) => (e as { code: number }).code === c;

test('given the demo defaults, when booted, then the Agent, its MTP, Controller.1 and the two roles are configured', () => {
  const { engine, hal } = boot();
  assert.deepEqual(hal.logs, []);
  assert.equal(engine.get('Device.LocalAgent.EndpointID'), 'proto::tinyusp-demo');
  assert.equal(engine.get('Device.LocalAgent.MTP.1.CoAP.Port'), '5683');
  assert.equal(engine.get('Device.LocalAgent.MTP.1.CoAP.Path'), '/usp');
  assert.equal(engine.get('Device.LocalAgent.Controller.1.EndpointID'), 'proto::controller-1');
  assert.equal(engine.get('Device.LocalAgent.Controller.1.MTP.1.CoAP.Host'), '127.0.0.1');
  assert.equal(engine.get('Device.LocalAgent.Controller.1.MTP.1.CoAP.Port'), '5684');
  assert.deepEqual(engine.resolve('Device.LocalAgent.Controller.1.AssignedRole#1+.Name').targets.map((t) => engine.get(t.path)), ['Full Access']);
  assert.deepEqual(engine.resolve('Device.LocalAgent.ControllerTrust.UntrustedRole#*+.Name').targets.map((t) => engine.get(t.path)), ['Untrusted']);
  // Untrusted: reading the challenges' Alias/Description and the two challenge commands (digest §9.4).
  assert.equal(engine.get('Device.LocalAgent.ControllerTrust.Role.2.PermissionNumberOfEntries'), '3');
  assert.equal(engine.get('Device.LocalAgent.ControllerTrust.Role.1.Permission.1.Param'), 'rw-n');
  assert.equal(engine.get('Device.LocalAgent.SupportedProtocols'), 'CoAP');
  assert.equal(engine.get('Device.LocalAgent.Controller.1.USPNotifRetryMinimumWaitInterval'), '5');
  assert.equal(engine.get('Device.LocalAgent.Controller.1.USPNotifRetryIntervalMultiplier'), '2000');
});

test('given no configured EndpointID, when booted, then an os:: Endpoint ID is derived from OUI and serial', () => {
  const { engine } = boot({ defaults: {} });
  assert.equal(engine.get('Device.LocalAgent.EndpointID'), 'os::00D09E-SN0001');
});

test('given a Controller adds a Subscription, then Recipient and CreationDate are set by the Agent and ID generated', () => {
  const { engine } = boot();
  const txn = engine.begin(CONTROLLER_1);
  const r = txn.add('Device.LocalAgent.Subscription.', [
    { param: 'NotifType', value: 'ValueChange', required: true },
    { param: 'ReferenceList', value: 'Device.DeviceInfo.FriendlyName', required: true },
    { param: 'Persistent', value: 'true', required: false }]);
  txn.commit();
  assert.deepEqual(r.uniqueKeys, { Alias: 'cpe-1', Recipient: 'Device.LocalAgent.Controller.1', ID: 'cpe-1' });
  assert.equal(engine.get(r.path + 'CreationDate'), '2026-01-02T03:04:15Z');
  const t2 = engine.begin(CONTROLLER_1);
  assert.throws(() => t2.set(r.path + 'Recipient', 'Device.LocalAgent.Controller.1'), code(7013));
  // ReferenceList is immutable once set.
  assert.throws(() => t2.set(r.path + 'ReferenceList', 'Device.'), code(7013));
  // Recipient+ID is a unique key.
  assert.throws(() => t2.add('Device.LocalAgent.Subscription.', [{ param: 'ID', value: 'cpe-1', required: false }]),
    (e: unknown) => (e as AddFailure).code === 7021 && (e as AddFailure).paramErrs[0].code === 7025);
  t2.rollback();
});

test('given a Subscription whose ReferenceList does not fit its NotifType or is not a path, when committed, then 7012', () => {
  const { engine } = boot();
  const bad = engine.begin(CONTROLLER_1);
  assert.throws(() => bad.add('Device.LocalAgent.Subscription.', [
    { param: 'NotifType', value: 'ValueChange', required: true }, { param: 'ReferenceList', value: 'Device..X', required: true }]),
  (e: unknown) => (e as AddFailure).code === 7021 && (e as AddFailure).paramErrs[0].param === 'ReferenceList' && (e as AddFailure).paramErrs[0].code === 7012);
  bad.rollback();
  for (const [type, ref] of [['ObjectCreation', 'Device.LocalAgent.Controller.1.Enable'], ['Event', 'Device.Reboot()']]) {
    const txn = engine.begin(CONTROLLER_1);
    txn.add('Device.LocalAgent.Subscription.', [
      { param: 'NotifType', value: type, required: true }, { param: 'ReferenceList', value: ref, required: true }]);
    assert.throws(() => txn.commit(), code(7012), `${type} ${ref}`);
  }
  assert.equal(engine.get('Device.LocalAgent.SubscriptionNumberOfEntries'), '0');
  const ok = engine.begin(CONTROLLER_1);
  ok.add('Device.LocalAgent.Subscription.', [
    { param: 'NotifType', value: 'Event', required: true }, { param: 'ReferenceList', value: 'Device.Boot!', required: true }]);
  ok.commit();
});

test('given a Controller is deleted, then its Subscriptions go with it (TP-469 1.78) and deletion events fire', () => {
  const { engine } = boot();
  let txn = engine.begin(CONTROLLER_1);
  txn.add('Device.LocalAgent.Subscription.', [{ param: 'NotifType', value: 'Event', required: true }, { param: 'ReferenceList', value: 'Device.Boot!', required: true }]);
  txn.commit();
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  txn = engine.begin();
  const deleted = txn.delete('Device.LocalAgent.Controller.1.');
  txn.commit();
  assert.deepEqual(deleted, ['Device.LocalAgent.Controller.1.', 'Device.LocalAgent.Controller.1.MTP.1.', 'Device.LocalAgent.Controller.1.BootParameter.1.']);
  assert.equal(engine.get('Device.LocalAgent.SubscriptionNumberOfEntries'), '0');
  assert.deepEqual(events.filter((e) => e.type === 'objectDeletion').map((e) => (e as { path: string }).path).sort(), [
    'Device.LocalAgent.Controller.1.', 'Device.LocalAgent.Controller.1.BootParameter.1.', 'Device.LocalAgent.Controller.1.MTP.1.',
    'Device.LocalAgent.Subscription.1.']);
});

test('given persistent and non-persistent Subscriptions, when the Agent restarts, then only persistent ones remain (§5.5)', () => {
  const { engine, hal } = boot();
  const txn = engine.begin(CONTROLLER_1);
  for (const persistent of ['true', 'false']) {
    txn.add('Device.LocalAgent.Subscription.', [
      { param: 'NotifType', value: 'Event', required: true }, { param: 'ReferenceList', value: 'Device.Boot!', required: true },
      { param: 'Persistent', value: persistent, required: true }]);
  }
  txn.commit();
  const after = boot({ hal: memoryHal({ disk: hal.disk }) }).engine;
  // Removed on the first step, so that Boot! (src/notify) goes out before their ObjectDeletion.
  assert.equal(after.instances('Device.LocalAgent.Subscription.', true).length, 2);
  after.step(0);
  assert.deepEqual(after.instances('Device.LocalAgent.Subscription.', true).map((i) => i.path), ['Device.LocalAgent.Subscription.1.']);
  const t2 = after.begin(CONTROLLER_1);
  assert.equal(t2.add('Device.LocalAgent.Subscription.').path, 'Device.LocalAgent.Subscription.3.');
  t2.rollback();
});

test('given Controller and MTP settings, when set out of range, then TR-181 ranges give 7012', () => {
  const { engine } = boot();
  const txn = engine.begin(CONTROLLER_1);
  assert.throws(() => txn.set('Device.LocalAgent.Controller.1.USPNotifRetryIntervalMultiplier', '999'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.Controller.1.USPNotifRetryMinimumWaitInterval', '0'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.Controller.1.PeriodicNotifInterval', '0'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.MTP.1.CoAP.Port', '65536'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.MTP.1.Protocol', 'STOMP'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.ControllerTrust.Role.1.Permission.1.Param', 'rwxnx'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.Controller.1.AssignedRole', 'Device.LocalAgent.ControllerTrust.Role.9'), code(7012));
  assert.throws(() => txn.set('Device.LocalAgent.EndpointID', 'x'), code(7013));
  txn.set('Device.LocalAgent.Controller.1.AssignedRole', 'Device.LocalAgent.ControllerTrust.Role.[Name=="Untrusted"]');
  txn.set('Device.LocalAgent.Controller.1.PeriodicNotifTime', '2026-01-01T00:00:00+01:00');
  txn.commit();
  assert.equal(engine.get('Device.LocalAgent.Controller.1.AssignedRole'), 'Device.LocalAgent.ControllerTrust.Role.2');
  assert.equal(engine.get('Device.LocalAgent.Controller.1.PeriodicNotifTime'), '2025-12-31T23:00:00Z');
});

test('given a Role is deleted, then AssignedRole and UntrustedRole references are cleaned (R-ARC.12)', () => {
  const { engine } = boot();
  const txn = engine.begin();
  txn.delete('Device.LocalAgent.ControllerTrust.Role.1.');
  txn.delete('Device.LocalAgent.ControllerTrust.Role.2.');
  txn.commit();
  assert.equal(engine.get('Device.LocalAgent.Controller.1.AssignedRole'), '');
  assert.equal(engine.get('Device.LocalAgent.ControllerTrust.UntrustedRole'), '');
});

test('given the Request table, when a Controller tries Add/Delete/Set on it, then it is read-only', () => {
  const { engine } = boot();
  const txn = engine.begin(CONTROLLER_1);
  assert.throws(() => txn.add('Device.LocalAgent.Request.'), code(7019));
  txn.rollback();
  const r = engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '5' }, '', CONTROLLER_1);
  assert.ok(r.kind === 'async');
  const t2 = engine.begin(CONTROLLER_1);
  assert.throws(() => t2.set(r.requestPath + 'Status', 'Canceled'), code(7013));
  assert.throws(() => t2.delete(r.requestPath), code(7015));
  t2.rollback();
});

test('given GetSupportedDM-style queries, then the LocalAgent tree exposes access, keys, commands and events', () => {
  const { engine } = boot();
  const defs = engine.supportedTree('Device.LocalAgent.', false);
  const paths = defs.map((d) => d.path);
  for (const p of ['Device.LocalAgent.MTP.{i}.CoAP.', 'Device.LocalAgent.Controller.{i}.MTP.{i}.CoAP.', 'Device.LocalAgent.Controller.{i}.BootParameter.{i}.',
    'Device.LocalAgent.Subscription.{i}.', 'Device.LocalAgent.Request.{i}.', 'Device.LocalAgent.ControllerTrust.Role.{i}.Permission.{i}.', 'Device.LocalAgent.Certificate.{i}.']) {
    assert.ok(paths.indexOf(p) >= 0, p);
  }
  const sub = engine.supportedObject('Device.LocalAgent.Subscription.3.')!;
  assert.equal(sub.access, 'AD');
  assert.deepEqual(sub.uniqueKeys, [['Alias'], ['Recipient', 'ID']]);
  assert.equal(engine.supportedObject('Device.LocalAgent.Request.{i}.')!.commands![0].name, 'Cancel()');
  assert.equal(engine.supportedObject('Device.LocalAgent.')!.events![0].name, 'Periodic!');
  assert.deepEqual(engine.supportedObject('Device.')!.commands!.map((c) => [c.name, c.async]),
    [['Reboot()', false], ['FactoryReset()', false], ['SelfTestDiagnostics()', true], ['ScheduleTimer()', true]]);
  assert.deepEqual(engine.supportedObject('Device.')!.events![0].args!.map((a) => a.name), ['CommandKey', 'Cause', 'FirmwareUpdated', 'ParameterMap']);
  void DEMO_DEFAULTS;
});

test('given a factory Certificate and a Credential granting a Role, when the Role is deleted, then the Credential loses it', () => {
  const { engine, hal } = boot({ defaults: { ...DEMO_DEFAULTS,
    'Device.LocalAgent.Certificate.1.SerialNumber': '01AB', 'Device.LocalAgent.Certificate.1.Issuer': 'CN=Test CA',
    'Device.LocalAgent.ControllerTrust.Credential.1.Enable': 'true',
    'Device.LocalAgent.ControllerTrust.Credential.1.Role': 'Device.LocalAgent.ControllerTrust.Role.1',
    'Device.LocalAgent.ControllerTrust.Credential.1.Credential': 'Device.LocalAgent.Certificate.1',
    'Device.LocalAgent.ControllerTrust.Credential.1.AllowedUses': 'MTP-and-USP' } });
  assert.deepEqual(hal.logs, []);
  assert.equal(engine.get('Device.LocalAgent.CertificateNumberOfEntries'), '1');
  assert.deepEqual(engine.resolve('Device.LocalAgent.ControllerTrust.Credential.1.Credential+.Issuer').targets.map((t) => engine.get(t.path)), ['CN=Test CA']);
  const txn = engine.begin(CONTROLLER_1);
  assert.throws(() => txn.set('Device.LocalAgent.ControllerTrust.Credential.1.AllowedUses', 'Any'), code(7012));
  txn.delete('Device.LocalAgent.ControllerTrust.Role.1.');
  txn.commit();
  assert.equal(engine.get('Device.LocalAgent.ControllerTrust.Credential.1.Role'), '');
  assert.equal(engine.get('Device.LocalAgent.ControllerTrust.Credential.1.Credential'), 'Device.LocalAgent.Certificate.1');
});
