import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChangeEvent } from '../../src/dm/api.ts';
import { bootEventArgs } from '../../src/model/device.ts';
import { bootParameterMap } from '../../src/model/boot-params.ts';
import { memoryHal, TEST_IDENTITY } from '../support/memory-hal.ts';
import { boot, CONTROLLER_1 } from './helpers.ts';

test('given the HAL identity, when DeviceInfo is read, then every identity parameter comes from it', () => {
  const { engine } = boot();
  const v = (n: string) => engine.get('Device.DeviceInfo.' + n);
  assert.equal(v('Manufacturer'), TEST_IDENTITY.manufacturer);
  assert.equal(v('ManufacturerOUI'), TEST_IDENTITY.oui);
  assert.equal(v('ModelName'), TEST_IDENTITY.modelName);
  assert.equal(v('ProductClass'), TEST_IDENTITY.productClass);
  assert.equal(v('SerialNumber'), TEST_IDENTITY.serialNumber);
  assert.equal(v('HardwareVersion'), TEST_IDENTITY.hardwareVersion);
  assert.equal(v('SoftwareVersion'), TEST_IDENTITY.softwareVersion);
  assert.equal(v('FriendlyName'), 'tinyusp demo');
});

test('given the virtual clock moves, when UpTime is read, then it counts seconds since boot', () => {
  const { engine, hal } = boot();
  assert.equal(engine.get('Device.DeviceInfo.UpTime'), '0');
  hal.time.mono += 61_500;
  assert.equal(engine.get('Device.DeviceInfo.UpTime'), '61');
  assert.equal(engine.get('Device.LocalAgent.UpTime'), '61');
});

test('given no firmware HAL, when FirmwareImage is listed, then only the running image is reported', () => {
  const { engine } = boot();
  assert.deepEqual(engine.instances('Device.DeviceInfo.FirmwareImage.', true).map((i) => i.path), ['Device.DeviceInfo.FirmwareImage.1.']);
  assert.equal(engine.get('Device.DeviceInfo.FirmwareImage.1.Version'), '1.2.3');
  assert.equal(engine.get('Device.DeviceInfo.FirmwareImage.1.Status'), 'Active');
  assert.equal(engine.get('Device.DeviceInfo.ActiveFirmwareImage'), 'Device.DeviceInfo.FirmwareImage.1');
  assert.equal(engine.get('Device.DeviceInfo.FirmwareImageNumberOfEntries'), '1');
});

test('given A/B firmware slots, when FirmwareImage is listed, then one row per slot with its status', () => {
  const { engine } = boot({ halOptions: { firmware: [
    { slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '1.3.0', status: 'valid' }] } });
  assert.equal(engine.get('Device.DeviceInfo.FirmwareImageNumberOfEntries'), '2');
  assert.deepEqual(['1', '2'].map((n) => engine.get(`Device.DeviceInfo.FirmwareImage.${n}.Status`)), ['Active', 'Available']);
  assert.equal(engine.get('Device.DeviceInfo.FirmwareImage.2.Version'), '1.3.0');
  assert.equal(engine.get('Device.DeviceInfo.FirmwareImage.2.Available'), 'true');
  assert.deepEqual(engine.resolve('Device.DeviceInfo.FirmwareImage.[Status=="Available"].Version').targets.map((t) => t.path),
    ['Device.DeviceInfo.FirmwareImage.2.Version']);
  const txn = engine.begin(CONTROLLER_1);
  assert.throws(() => txn.add('Device.DeviceInfo.FirmwareImage.'), (e: unknown) => (e as { code: number }).code === 7019);
  txn.rollback();
});

test('given A/B slots, then BootFirmwareImage starts as the running image, accepts only an available image and a change activates that slot', () => {
  const { engine, hal } = boot({ halOptions: { firmware: [
    { slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '1.3.0', status: 'valid' }, { slot: 2, version: '', status: 'empty' }] } });
  assert.equal(engine.get('Device.DeviceInfo.BootFirmwareImage'), 'Device.DeviceInfo.FirmwareImage.1');
  const bad = engine.begin(CONTROLLER_1);
  assert.throws(() => bad.set('Device.DeviceInfo.BootFirmwareImage', 'Device.DeviceInfo.FirmwareImage.3'), (e: unknown) => (e as { code: number }).code === 7012);
  bad.rollback();
  const txn = engine.begin(CONTROLLER_1);
  txn.set('Device.DeviceInfo.BootFirmwareImage', 'Device.DeviceInfo.FirmwareImage.2');
  txn.commit();
  assert.deepEqual(hal.calls.filter((c: string) => c.startsWith('activate')), ['activate 1']);
});

test('given wall time known or not, when Time is read, then CurrentLocalTime and Status follow the HAL clock', () => {
  const { engine } = boot();
  assert.equal(engine.get('Device.Time.Status'), 'Synchronized');
  assert.equal(engine.get('Device.Time.CurrentLocalTime'), '2026-01-02T03:04:15Z');
  const unknown = boot({ halOptions: { wall: undefined } }).engine;
  assert.equal(unknown.get('Device.Time.Status'), 'Unsynchronized');
  assert.equal(unknown.get('Device.Time.CurrentLocalTime'), '0001-01-01T00:00:00Z');
  const txn = unknown.begin();
  txn.set('Device.Time.Enable', 'false');
  txn.commit();
  assert.equal(unknown.get('Device.Time.Status'), 'Disabled');
});

test('given Reboot(), when operated, then the answer comes first, the reboot on the next step, and Boot! says RemoteReboot', () => {
  const { engine, hal } = boot();
  const r = engine.operate('Device.', 'Reboot()', {}, 'reboot-key', CONTROLLER_1);
  assert.deepEqual(r, { kind: 'sync', output: {} });
  assert.deepEqual(hal.calls, []);
  assert.equal(engine.nextDeadline(), 0);
  engine.step(hal.time.mono);
  assert.deepEqual(hal.calls, ['reboot']);
  const after = boot({ hal: memoryHal({ disk: hal.disk }) });
  assert.deepEqual(bootEventArgs(after.bootInfo(), '{}'), { CommandKey: 'reboot-key', Cause: 'RemoteReboot', FirmwareUpdated: 'false', ParameterMap: '{}' });
});

test('given FactoryReset(), when operated and stepped, then the model returns to defaults and Boot! says RemoteFactoryReset', () => {
  const { engine, hal } = boot();
  const txn = engine.begin(CONTROLLER_1);
  txn.set('Device.DeviceInfo.FriendlyName', 'mine');
  txn.add('Device.LocalAgent.Controller.', [{ param: 'EndpointID', value: 'proto::other', required: true }]);
  txn.commit();
  engine.operate('Device.', 'FactoryReset()', {}, 'fr', CONTROLLER_1);
  engine.step(hal.time.mono);
  assert.deepEqual(hal.calls, ['factoryReset']);
  const after = boot({ hal: memoryHal({ disk: hal.disk }) });
  assert.equal(after.engine.get('Device.DeviceInfo.FriendlyName'), 'tinyusp demo');
  assert.equal(after.engine.get('Device.LocalAgent.ControllerNumberOfEntries'), '1');
  assert.deepEqual(after.bootInfo(), { cause: 'RemoteFactoryReset', commandKey: 'fr', firmwareUpdated: false });
  // The boot record is consumed: the next power cycle is a LocalReboot.
  assert.equal(boot({ hal: memoryHal({ disk: hal.disk }) }).bootInfo().cause, 'LocalReboot');
});

test('given a first boot, a restart and a new software version, then Cause and FirmwareUpdated follow', () => {
  const first = boot();
  assert.deepEqual(first.bootInfo(), { cause: 'LocalFactoryReset', commandKey: '', firmwareUpdated: false });
  assert.equal(boot({ hal: memoryHal({ disk: first.hal.disk }) }).bootInfo().cause, 'LocalReboot');
  const updated = boot({ hal: memoryHal({ disk: first.hal.disk, identity: { softwareVersion: '2.0.0' } }) });
  assert.equal(updated.bootInfo().firmwareUpdated, true);
  assert.equal(boot({ hal: memoryHal({ disk: first.hal.disk, identity: { softwareVersion: '2.0.0' } }) }).bootInfo().firmwareUpdated, false);
});

test('given SelfTestDiagnostics(), when operated, then it is async and completes with Status and Results', () => {
  const { engine, hal } = boot();
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const r = engine.operate('Device.', 'SelfTestDiagnostics()', {}, 'st', CONTROLLER_1);
  assert.equal(r.kind, 'async');
  engine.step(hal.time.mono);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.ok(done && done.type === 'operationComplete');
  assert.deepEqual(done.output, { Status: 'Complete', Results: 'storage ok; clock ok; identity ok' });
  assert.equal(hal.disk.has('selftest'), false);
});

test('given a broken storage, when SelfTestDiagnostics() runs, then it reports Error_Other with the reason', () => {
  const hal = memoryHal();
  const { engine } = boot({ hal });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const realGet = hal.storage.get;
  hal.storage.get = (k) => (k === 'selftest' ? new Uint8Array(8) : realGet(k));
  engine.operate('Device.', 'SelfTestDiagnostics()', {}, '', CONTROLLER_1);
  engine.step(hal.time.mono);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.ok(done && done.type === 'operationComplete');
  assert.equal(done.output!.Status, 'Error_Other');
  assert.match(done.output!.Results, /storage read-back mismatch/);
});

test('given ScheduleTimer(DelaySeconds), when the virtual clock passes the delay, then it completes (and not before)', () => {
  const { engine, hal } = boot();
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const r = engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '30' }, 'tmr', CONTROLLER_1);
  assert.ok(r.kind === 'async');
  assert.equal(engine.nextDeadline(), hal.time.mono + 30_000);
  engine.step(hal.time.mono + 29_999);
  assert.equal(events.some((e) => e.type === 'operationComplete'), false);
  engine.step(hal.time.mono + 30_000);
  assert.equal(events.filter((e) => e.type === 'operationComplete').length, 1);
  assert.throws(() => engine.operate('Device.', 'ScheduleTimer()', {}, '', CONTROLLER_1), (e: unknown) => (e as { code: number }).code === 7027);
  assert.throws(() => engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '0' }, '', CONTROLLER_1), (e: unknown) => (e as { code: number }).code === 7027);
});

test('given a running async command, when Request.{i}.Cancel() is operated, then it completes with 7023', () => {
  const { engine } = boot();
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const r = engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '30' }, 'tmr', CONTROLLER_1);
  assert.ok(r.kind === 'async');
  assert.equal(engine.get(r.requestPath + 'Command'), 'Device.ScheduleTimer()');
  engine.operate(r.requestPath, 'Cancel()', {}, '', CONTROLLER_1);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.ok(done && done.type === 'operationComplete' && done.error!.code === 7023);
  assert.equal(engine.get('Device.LocalAgent.RequestNumberOfEntries'), '0');
});

test('given BootParameters, when the ParameterMap is built, then enabled patterns give a JSON map', () => {
  const { engine } = boot();
  assert.deepEqual(JSON.parse(bootParameterMap(engine, 'Device.LocalAgent.Controller.1.')), { 'Device.DeviceInfo.SoftwareVersion': '1.2.3' });
  const txn = engine.begin(CONTROLLER_1);
  txn.add('Device.LocalAgent.Controller.1.BootParameter.', [
    { param: 'Enable', value: 'true', required: true },
    { param: 'ParameterName', value: 'Device.LocalAgent.MTP.*.CoAP.Port', required: true }]);
  txn.add('Device.LocalAgent.Controller.1.BootParameter.', [
    { param: 'Enable', value: 'true', required: true }, { param: 'ParameterName', value: 'Device.Nope', required: true }]);
  txn.commit();
  assert.deepEqual(JSON.parse(bootParameterMap(engine, 'Device.LocalAgent.Controller.1.')), {
    'Device.DeviceInfo.SoftwareVersion': '1.2.3', 'Device.LocalAgent.MTP.1.CoAP.Port': '5683' });
});

test('given a pending ScheduleTimer, when the Agent reboots, then it resumes with the remaining delay (2.14+, §5.5)', () => {
  const { engine, hal } = boot();
  engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '30' }, 'persist-me', CONTROLLER_1);
  // Reboot 10 s later: a fresh monotonic clock, wall time moved on by 10 s.
  const hal2 = memoryHal({ disk: hal.disk, wall: (hal.time.wall as number) + hal.time.mono + 10_000 });
  hal2.time.mono = 0;
  const after = boot({ hal: hal2 }).engine;
  const rows = after.instances('Device.LocalAgent.Request.', true);
  assert.equal(rows.length, 1);
  assert.deepEqual(after.params(rows[0].path).map((p) => p.value).slice(1), ['proto::controller-1', 'Device.ScheduleTimer()', 'persist-me', 'Active']);
  const events: ChangeEvent[] = [];
  after.onChange((e) => events.push(e));
  assert.equal(after.nextDeadline(), 20_000);
  after.step(19_999);
  assert.equal(events.length, 0);
  after.step(20_000);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.ok(done && done.type === 'operationComplete' && done.commandKey === 'persist-me' && done.originator === 'proto::controller-1');
  // Completed: nothing left to resume on the next boot.
  const third = boot({ hal: memoryHal({ disk: hal2.disk }) }).engine;
  assert.equal(third.get('Device.LocalAgent.RequestNumberOfEntries'), '0');
});

test('given a pending ScheduleTimer and no wall time, when the Agent reboots, then the delay restarts at boot', () => {
  const { engine, hal } = boot({ halOptions: { wall: undefined } });
  engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '5' }, 'k', CONTROLLER_1);
  const hal2 = memoryHal({ disk: hal.disk, wall: undefined });
  const after = boot({ hal: hal2 }).engine;
  assert.equal(after.nextDeadline(), hal2.time.mono + 5000);
});

test('given a cancelled ScheduleTimer, when the Agent reboots, then it does not come back', () => {
  const { engine, hal } = boot();
  const r = engine.operate('Device.', 'ScheduleTimer()', { DelaySeconds: '30' }, 'k', CONTROLLER_1);
  assert.ok(r.kind === 'async');
  engine.operate(r.requestPath, 'Cancel()', {}, '', CONTROLLER_1);
  const after = boot({ hal: memoryHal({ disk: hal.disk }) }).engine;
  assert.equal(after.get('Device.LocalAgent.RequestNumberOfEntries'), '0');
  assert.equal(after.nextDeadline(), -1);
});
