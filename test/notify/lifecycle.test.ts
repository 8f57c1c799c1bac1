// Boot!, persistence of subscriptions across restarts, TimeToLive, interrupted operations,
// OnBoardRequest, Periodic!, the ValueChange poll, queue bounds and access control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import { ErrorCode } from '../../src/errors.ts';
import { C1, C2, C3, DEFAULTS, plain, rig, set, type Rig } from './harness.ts';

const BOOT_SUB = { Enable: 'true', NotifType: 'Event', ReferenceList: 'Device.Boot!', Persistent: 'true' };

function bootParams(r: Rig, c: typeof C1): { [k: string]: string }[] {
  return r.of(c).filter((s) => s.notify.notification.case === 'event' && (s.notify.notification.value as { eventName: string }).eventName === 'Boot!')
    .map((s) => plain(Object.fromEntries((s.notify.notification.value as unknown as { params: Map<string, string> }).params)));
}

test('given Boot! subscriptions of two Controllers, when the Agent restarts, then each gets Boot! with its own ParameterMap JSON', () => {
  const first = rig();
  first.subscribe(C1, { ...BOOT_SUB, ID: 'boot' });
  first.subscribe(C2, { ...BOOT_SUB, ID: 'boot' });
  set(first.engine, 'Device.DeviceInfo.FriendlyName', 'hall');
  const r = rig({ disk: first.hal.disk });
  r.step();
  assert.deepEqual(bootParams(r, C1), [{ CommandKey: '', Cause: 'LocalReboot', FirmwareUpdated: 'false', ParameterMap: '{"Device.DeviceInfo.SoftwareVersion":"1.2.3"}' }]);
  assert.deepEqual(bootParams(r, C2), [{ CommandKey: '', Cause: 'LocalReboot', FirmwareUpdated: 'false', ParameterMap: '{"Device.DeviceInfo.FriendlyName":"hall"}' }]);
  assert.deepEqual(JSON.parse(bootParams(r, C2)[0].ParameterMap), { 'Device.DeviceInfo.FriendlyName': 'hall' });
});

test('given Reboot() with a command key, when the Agent comes back, then Boot! says RemoteReboot and carries the key', () => {
  const first = rig();
  first.subscribe(C1, { ...BOOT_SUB, ID: 'boot' });
  assert.deepEqual(first.engine.operate('Device.', 'Reboot()', {}, 'reboot-42', C1), { kind: 'sync', output: {} });
  first.step(); // the deferred reboot
  assert.deepEqual(first.hal.calls, ['reboot']);
  const r = rig({ disk: first.hal.disk });
  r.step();
  assert.equal(bootParams(r, C1)[0].Cause, 'RemoteReboot');
  assert.equal(bootParams(r, C1)[0].CommandKey, 'reboot-42');
  // A later plain restart is a LocalReboot again.
  const again = rig({ disk: r.hal.disk });
  again.step();
  assert.deepEqual([bootParams(again, C1)[0].Cause, bootParams(again, C1)[0].CommandKey], ['LocalReboot', '']);
});

test('given persistent and non-persistent subscriptions, when the Agent restarts, then Boot! goes first and the non-persistent ones are then removed (ObjectDeletion after Boot!)', () => {
  const first = rig();
  first.subscribe(C1, { ...BOOT_SUB, ID: 'boot' });
  first.subscribe(C1, { Enable: 'true', ID: 'gone', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName' });
  first.subscribe(C1, { Enable: 'true', ID: 'watch', NotifType: 'ObjectDeletion', ReferenceList: 'Device.LocalAgent.Subscription.*.', Persistent: 'true' });
  const r = rig({ disk: first.hal.disk });
  r.runUntil(r.hal.time.mono + 10);
  assert.deepEqual(r.of(C1).map((s) => `${s.notify.subscriptionId} ${s.notify.notification.case}`), ['boot event', 'watch objDeletion']);
  assert.deepEqual(plain(r.sent[1].notify.notification.value), { objPath: 'Device.LocalAgent.Subscription.2.' });
  assert.deepEqual(r.engine.instances('Device.LocalAgent.Subscription.', true).map((i) => i.path),
    ['Device.LocalAgent.Subscription.1.', 'Device.LocalAgent.Subscription.3.']);
  // Same instance numbers after the restart (R-ARC.8).
  assert.equal(r.engine.get('Device.LocalAgent.Subscription.3.ID'), 'watch');
});

test('given a non-persistent Boot! subscription (issue 13), when the Agent restarts, then its Boot! is still sent although the row is removed right after', () => {
  const first = rig();
  first.subscribe(C1, { Enable: 'true', ID: 'np-boot', NotifType: 'Event', ReferenceList: 'Device.Boot!' });
  const r = rig({ disk: first.hal.disk });
  r.runUntil(r.hal.time.mono + 10);
  // Fails if the removal of the row drops the Boot! queued for it (Outbox.drop).
  assert.deepEqual(r.of(C1).map((s) => `${s.notify.subscriptionId} ${s.notify.notification.case}`), ['np-boot event']);
  assert.deepEqual(r.engine.instances('Device.LocalAgent.Subscription.', true), []);
});

test('given FactoryReset(), when the Agent comes back, then the factory Subscriptions hear Boot! with RemoteFactoryReset and the key', () => {
  const defaults = {
    ...DEFAULTS,
    'Device.LocalAgent.Subscription.1.Enable': 'true', 'Device.LocalAgent.Subscription.1.ID': 'factory-boot',
    'Device.LocalAgent.Subscription.1.Recipient': 'Device.LocalAgent.Controller.1', 'Device.LocalAgent.Subscription.1.NotifType': 'Event',
    'Device.LocalAgent.Subscription.1.ReferenceList': 'Device.Boot!', 'Device.LocalAgent.Subscription.1.Persistent': 'true',
  };
  const first = rig({ defaults });
  first.subscribe(C1, { ...BOOT_SUB, ID: 'mine' });
  first.engine.operate('Device.', 'FactoryReset()', {}, 'fr-1', C1);
  first.step();
  assert.deepEqual(first.hal.calls, ['factoryReset']);
  const r = rig({ disk: first.hal.disk, defaults });
  r.step();
  assert.deepEqual(r.of(C1).map((s) => s.notify.subscriptionId), ['factory-boot']);
  assert.equal(bootParams(r, C1)[0].Cause, 'RemoteFactoryReset');
  assert.equal(bootParams(r, C1)[0].CommandKey, 'fr-1');
});

test('given TimeToLive, when it runs out on the virtual clock, then the subscription is removed and others hear the ObjectDeletion', () => {
  const r = rig();
  r.subscribe(C2, { Enable: 'true', ID: 'watch', NotifType: 'ObjectDeletion', ReferenceList: 'Device.LocalAgent.Subscription.' });
  const t0 = r.hal.time.mono;
  const sub = r.subscribe(C1, { Enable: 'true', ID: 'short', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', TimeToLive: '30' });
  r.runUntil(t0 + 29_000);
  assert.ok(r.engine.exists(sub));
  assert.equal(r.engine.get(sub + 'TimeToLive'), '30', 'read-back value does not count down');
  r.runUntil(t0 + 31_000);
  assert.ok(!r.engine.exists(sub));
  assert.deepEqual(r.of(C2).map((s) => plain(s.notify.notification.value)), [{ objPath: sub }]);
});

test('given a persistent subscription with TimeToLive, when the Agent restarts, then the time already spent counts (from CreationDate)', () => {
  const first = rig();
  const t0 = first.hal.time.mono;
  const sub = first.subscribe(C1, { Enable: 'true', ID: 'ttl', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', TimeToLive: '100', Persistent: 'true' });
  const r = rig({ disk: first.hal.disk });
  r.hal.time.mono = t0 + 60_000; // wall time moves with it (memory HAL)
  r.runUntil(t0 + 99_000);
  assert.ok(r.engine.exists(sub));
  r.runUntil(t0 + 101_000);
  assert.ok(!r.engine.exists(sub));
});

test('given no absolute time, when a persistent subscription with TimeToLive meets a restart, then it expires (digest §4.1)', () => {
  const first = rig({ wall: undefined });
  const sub = first.subscribe(C1, { Enable: 'true', ID: 'ttl', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', TimeToLive: '100', Persistent: 'true' });
  assert.equal(first.engine.get(sub + 'CreationDate'), '0001-01-01T00:00:00Z');
  const r = rig({ disk: first.hal.disk, wall: undefined });
  r.step();
  assert.ok(!r.engine.exists(sub));
});

test('given an async operation in progress, when the Agent restarts, then OperationComplete reports it failed; a resumed ScheduleTimer is not', () => {
  const first = rig();
  first.subscribe(C1, { Enable: 'true', ID: 'ops', NotifType: 'OperationComplete', ReferenceList: 'Device.', Persistent: 'true' });
  first.engine.operate('Device.', 'SelfTestDiagnostics()', {}, 'st-1', C1);
  first.engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '5' }, 'tm-1', C1);
  // Restart before either completes.
  const r = rig({ disk: first.hal.disk });
  r.step();
  assert.deepEqual(r.of(C1).map((s) => plain(s.notify.notification.value)), [{
    objPath: 'Device.', commandName: 'SelfTestDiagnostics()', commandKey: 'st-1',
    operationResp: { case: 'cmdFailure', value: { errCode: ErrorCode.COMMAND_FAILURE, errMsg: 'interrupted by a restart of the Agent' } },
  }]);
  r.runUntil(r.hal.time.mono + 6000);
  assert.deepEqual(r.of(C1).map((s) => `${(s.notify.notification.value as { commandName: string }).commandName} ${(s.notify.notification.value as { operationResp: { case: string } }).operationResp.case}`),
    ['SelfTestDiagnostics() cmdFailure', 'ScheduleTimer() reqOutputArgs']);
  // Reported once: a further restart has nothing left.
  const again = rig({ disk: r.hal.disk });
  again.step();
  assert.equal(again.sent.length, 0);
});

test('given async operations, then OperationComplete carries output args, Cancel() gives 7023, and the Request row goes', () => {
  const r = rig();
  r.subscribe(C1, { Enable: 'true', ID: 'ops', NotifType: 'OperationComplete', ReferenceList: 'Device.SelfTestDiagnostics(),Device.ScheduleTimer()' });
  const st = r.engine.operate('Device.', 'SelfTestDiagnostics()', {}, 'st', C1);
  const tm = r.engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '60' }, 'tm', C1);
  assert.equal(st.kind, 'async');
  assert.equal(tm.kind, 'async');
  r.step();
  const reqPath = (tm as { requestPath: string }).requestPath;
  r.engine.operate(reqPath, 'Cancel()', {}, '', C1);
  r.step();
  const v = r.sent.map((s) => plain(s.notify.notification.value) as { commandName: string; operationResp: { case: string; value: unknown } });
  assert.equal(v[0].commandName, 'SelfTestDiagnostics()');
  assert.deepEqual(v[0].operationResp, { case: 'reqOutputArgs', value: { outputArgs: { Status: 'Complete', Results: 'storage ok; clock ok; identity ok' } } });
  assert.deepEqual(v[1].operationResp, { case: 'cmdFailure', value: { errCode: 7023, errMsg: 'Command canceled' } });
  assert.equal(r.engine.get('Device.LocalAgent.RequestNumberOfEntries'), '0');
});

test('given SendOnBoardRequest(), then an OnBoardRequest with the device identity goes with send_resp and is retried until a NotifyResp (R-NOT.6a)', () => {
  const r = rig({ seed: 11 });
  assert.deepEqual(r.engine.operate('Device.LocalAgent.Controller.2.', 'SendOnBoardRequest()', {}, '', C2), { kind: 'sync', output: {} });
  r.step();
  assert.equal(r.sent.length, 1);
  const s = r.sent[0];
  assert.equal(s.controller, C2.controllerPath);
  assert.equal(s.toId, C2.endpointId);
  assert.equal(s.notify.subscriptionId, '');
  assert.equal(s.notify.sendResp, true);
  assert.deepEqual(plain(s.notify.notification), { case: 'onBoardReq', value: { oui: '00D09E', productClass: 'Thermo', serialNumber: 'SN0001', agentSupportedProtocolVersions: '1.0,1.1,1.2,1.3,1.4' } });
  r.runUntil(r.hal.time.mono + 100_000);
  const n = r.sent.length;
  assert.ok(n >= 4, `retried: ${n}`);
  r.notifier.notifyResp(s.msgId, C2.controllerPath);
  r.runUntil(r.hal.time.mono + 10_000_000);
  assert.equal(r.sent.length, n);
});

test('given Periodic! subscriptions, then each Controller gets them on its own PeriodicNotifInterval and PeriodicNotifTime phase', () => {
  const r = rig();
  set(r.engine, 'Device.LocalAgent.Controller.1.PeriodicNotifInterval', '10');
  set(r.engine, 'Device.LocalAgent.Controller.2.PeriodicNotifInterval', '7');
  // Controller 2 anchors its phase 3 s after a multiple of 7 s from now (wall clock).
  const wall = r.hal.clock.wallTimeMs()!;
  set(r.engine, 'Device.LocalAgent.Controller.2.PeriodicNotifTime', new Date(wall - 7000 * 100 + 3000).toISOString().replace('.000Z', 'Z'));
  r.subscribe(C1, { Enable: 'true', ID: 'p1', NotifType: 'Event', ReferenceList: 'Device.LocalAgent.Periodic!' });
  r.subscribe(C2, { Enable: 'true', ID: 'p2', NotifType: 'Event', ReferenceList: 'Device.LocalAgent.' });
  const t0 = r.hal.time.mono;
  r.runUntil(t0 + 31_000);
  assert.deepEqual(r.of(C1).map((s) => s.at - t0), [10_000, 20_000, 30_000]);
  assert.deepEqual(r.of(C2).map((s) => s.at - t0), [3_000, 10_000, 17_000, 24_000, 31_000]);
  assert.deepEqual(plain(r.of(C2)[0].notify.notification.value), { objPath: 'Device.LocalAgent.', eventName: 'Periodic!', params: {} });
});

test('given computed values under a ValueChange subscription, when the HAL changes them, then the bounded poll reports them and never UpTime', () => {
  const r = rig({ wall: undefined });
  r.subscribe(C1, { Enable: 'true', ID: 'time', NotifType: 'ValueChange', ReferenceList: 'Device.Time.,Device.DeviceInfo.UpTime' });
  const t0 = r.hal.time.mono;
  r.runUntil(t0 + 5000);
  assert.equal(r.sent.length, 0, 'baseline only');
  r.hal.time.wall = Date.UTC(2026, 0, 1); // NTP arrives
  r.runUntil(t0 + 5000 + host.valueChangePollMs);
  assert.deepEqual(r.sent.map((s) => plain(s.notify.notification.value)), [{ paramPath: 'Device.Time.Status', paramValue: 'Synchronized' }]);
});

test('given a Controller that never answers, when notifications pile up, then its queue stays at the board bound, oldest dropped and counted', () => {
  const board = { ...host, limits: { ...host.limits, notificationsPerController: 3 } };
  const r = rig({ board, autoAck: false });
  r.subscribe(C1, { Enable: 'true', ID: 'vc', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', NotifRetry: 'true' });
  for (let i = 0; i < 10; i++) { set(r.engine, 'Device.DeviceInfo.FriendlyName', 'v' + i); r.step(); }
  assert.equal(r.notifier.pending(C1.controllerPath), 3);
  assert.equal(r.notifier.stats.dropped, 7);
  // The one on the wire is kept; the newest ones are the others.
  assert.deepEqual(r.notifier.items(C1.controllerPath!).map((i) => (i.notify.notification.value as { paramValue: string }).paramValue), ['v0', 'v8', 'v9']);
  assert.ok(r.hal.logs.some((l) => /queue for Device\.LocalAgent\.Controller\.1\. full \(3\)/.test(l)));
});

test('given a Controller whose role only covers Device.DeviceInfo., then it only hears about what it may read', () => {
  const r = rig();
  r.subscribe(C3, { Enable: 'true', ID: 'all', NotifType: 'ValueChange', ReferenceList: 'Device.' });
  r.subscribe(C3, { Enable: 'true', ID: 'search', NotifType: 'ValueChange', ReferenceList: 'Device.LocalAgent.Controller.[Alias=="controller-2"].ProvisioningCode' });
  r.subscribe(C3, { Enable: 'true', ID: 'new', NotifType: 'ObjectCreation', ReferenceList: 'Device.LocalAgent.Controller.' });
  r.subscribe(C3, { Enable: 'true', ID: 'boot', NotifType: 'Event', ReferenceList: 'Device.Boot!' });
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'seen');
  set(r.engine, 'Device.LocalAgent.Controller.2.ProvisioningCode', 'secret');
  const txn = r.engine.begin(C1);
  txn.add('Device.LocalAgent.Controller.', []);
  txn.commit();
  r.engine.emitEvent('Device.', 'Boot!', { Cause: 'LocalReboot' });
  r.step();
  assert.deepEqual(r.of(C3).map((s) => `${s.notify.subscriptionId} ${JSON.stringify(s.notify.notification.value)}`),
    ['all {"paramPath":"Device.DeviceInfo.FriendlyName","paramValue":"seen"}']);
});

test('given a deleted Controller, then its pending notifications and retries go with it', () => {
  const r = rig({ autoAck: false });
  r.subscribe(C2, { Enable: 'true', ID: 'vc', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.', NotifRetry: 'true' });
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'a');
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'b');
  r.step();
  assert.equal(r.notifier.pending(C2.controllerPath), 2);
  const txn = r.engine.begin(C1);
  txn.delete(C2.controllerPath!);
  txn.commit();
  r.runUntil(r.hal.time.mono + 3_600_000);
  assert.equal(r.notifier.pending(), 0);
  assert.equal(r.sent.length, 1);
});
