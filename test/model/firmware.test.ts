// Download() and Activate() in the model (src/ota) on the in-memory HAL and a virtual clock: the
// transfer is a scripted Fetcher here (the real ones, HTTP and CoAP Block2, run in test/e2e/ota).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { host } from '../../boards/host/profile.ts';
import type { ChangeEvent } from '../../src/dm/api.ts';
import { createEngine } from '../../src/dm/index.ts';
import { TR181_TREE, tr181Model } from '../../src/model/index.ts';
import type { TransferRequest } from '../../src/ota/transfer.ts';
import type { UspError } from '../../src/errors.ts';
import { memoryHal, type MemoryHal } from '../support/memory-hal.ts';
import { CONTROLLER_1, DEMO_DEFAULTS } from './helpers.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
const IMAGE = new TextEncoder().encode('IMAGE 2.0\n' + 'x'.repeat(5000));

function device(hal: MemoryHal = memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '', status: 'empty' }] })) {
  const model = tr181Model();
  const transfers: TransferRequest[] = [];
  let idle = true;
  model.firmware.services = {
    fetcher: { schemes: () => ['http'], fetch: (req) => { transfers.push(req); return { abort: () => req.onEnd('aborted') }; } },
    idle: () => idle,
  };
  const engine = createEngine({ hal, profile: host, modules: model.modules, tree: TR181_TREE, defaults: DEMO_DEFAULTS });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const step = () => { engine.step(hal.time.mono); model.firmware.step(hal.time.mono); };
  return { engine, hal, model, transfers, events, step, setIdle: (v: boolean) => { idle = v; } };
}

const eventsNamed = (events: ChangeEvent[], name: string) => events.filter((e) => e.type === 'event' && e.name === name) as Extract<ChangeEvent, { type: 'event' }>[];
const completions = (events: ChangeEvent[]) => events.filter((e) => e.type === 'operationComplete') as Extract<ChangeEvent, { type: 'operationComplete' }>[];

test('given a Download streaming in, then Status is Downloading; Cancel() ends it with 7023, TransferComplete! says so, the slot stays empty', () => {
  const d = device();
  const r = d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img' }, 'k1', CONTROLLER_1);
  assert.equal(r.kind, 'async');
  d.transfers[0].onData(IMAGE.subarray(0, 100), 0);
  assert.equal(d.engine.get(FW + '2.Status'), 'Downloading');
  d.engine.cancel(r.kind === 'async' ? r.requestPath : '');
  assert.equal(completions(d.events)[0].error?.code, 7023);
  assert.deepEqual([eventsNamed(d.events, 'TransferComplete!')[0].args.FaultCode], ['7023']);
  assert.equal(d.engine.get(FW + '2.Status'), 'NoImage');
  // The slot is free again for the next Download.
  assert.equal(d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img' }, 'k2', CONTROLLER_1).kind, 'async');
});

test('given a Download with AutoActivate, then it completes, the image is activated, and the reboot waits until nothing is in flight', () => {
  const d = device();
  const sum = createHash('sha256').update(IMAGE).digest('hex');
  d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img', AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sum }, 'auto', CONTROLLER_1);
  d.transfers[0].onData(IMAGE.subarray(0, 3000), 0);
  d.transfers[0].onData(IMAGE.subarray(3000), 3000);
  d.transfers[0].onEnd();
  d.setIdle(false);
  d.step();
  assert.equal(completions(d.events)[0].error, undefined);
  assert.deepEqual([d.engine.get(FW + '2.Status'), d.engine.get(FW + '2.Version'), d.engine.get('Device.DeviceInfo.BootFirmwareImage')], ['Available', '2.0', FW + '2']);
  assert.deepEqual(d.hal.calls, ['activate 1'], 'no reboot while notifications are in flight');
  d.setIdle(true);
  d.step();
  assert.deepEqual(d.hal.calls, ['activate 1', 'reboot']);
});

test('given a HAL without digests (no hash), then a Download with a CheckSum is refused with 7027 and starts nothing; without one it runs', () => {
  const d = device(memoryHal({ hash: undefined, firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '', status: 'empty' }] }));
  const sum = createHash('sha256').update(IMAGE).digest('hex');
  assert.throws(() => d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img', CheckSumAlgorithm: 'SHA-256', CheckSum: sum }, 'k', CONTROLLER_1),
    (e: UspError) => e.code === 7027 && /CheckSumAlgorithm SHA-256 not supported here \(no digest on this device\)/.test(e.message));
  assert.deepEqual([d.transfers.length, d.engine.get(FW + '2.Status')], [0, 'NoImage']);
  assert.equal(d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img' }, 'k2', CONTROLLER_1).kind, 'async');
});

test('given an image larger than the slot, then the Download fails with DownloadFailed', () => {
  const d = device();
  d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img' }, 'big', CONTROLLER_1);
  const chunk = new Uint8Array(1024 * 1024);
  let offset = 0;
  while (offset <= host.firmware.imageBytes && d.transfers[0]) {
    try { d.transfers[0].onData(chunk, offset); } catch { break; }
    offset += chunk.length;
    if (d.engine.get(FW + '2.Status') !== 'Downloading') break;
  }
  d.step();
  assert.equal(d.engine.get(FW + '2.Status'), 'DownloadFailed');
  assert.match(completions(d.events)[0].error!.message, /larger than the slot/);
});

test('given Activate() with TimeWindows on the virtual clock, then it switches at the first window (WhenIdle waits for idle), not before', () => {
  const d = device(memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] }));
  d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '10', 'TimeWindow.1.End': '20', 'TimeWindow.1.Mode': 'WhenIdle' }, 'a1', CONTROLLER_1);
  const start = d.hal.time.mono;
  assert.equal(d.engine.nextDeadline(), start + 10_000);
  d.hal.time.mono += 9_999;
  d.step();
  assert.deepEqual(d.hal.calls, []);
  d.setIdle(false);
  d.hal.time.mono += 1;
  d.step();
  assert.deepEqual(d.hal.calls, [], 'WhenIdle: busy, so not yet');
  d.setIdle(true);
  d.hal.time.mono += 1000;
  d.step();
  d.step();
  assert.deepEqual(d.hal.calls, ['activate 1', 'reboot']);
  assert.equal(completions(d.events).length, 0, 'completed by the image that boots next');
});

test('given Activate() windows that all pass busy, then it fails; with the running slot or an empty one it is refused', () => {
  const d = device(memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] }));
  assert.throws(() => d.engine.operate(FW + '1.', 'Activate()', {}, 'x', CONTROLLER_1), /already the running image/);
  d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '1', 'TimeWindow.1.End': '2', 'TimeWindow.1.Mode': 'WhenIdle' }, 'a2', CONTROLLER_1);
  d.setIdle(false);
  d.hal.time.mono += 1500;
  d.step();
  d.hal.time.mono += 1000;
  d.step();
  assert.match(completions(d.events)[0].error!.message, /every TimeWindow has passed/);
  const e = device();
  assert.throws(() => e.engine.operate(FW + '2.', 'Activate()', {}, 'x', CONTROLLER_1), /no available image/);
});

test('given a switch by Activate(), then the next boot resumes its Request: success once the new image confirms, failure after a rollback', () => {
  const first = device(memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] }));
  first.engine.operate(FW + '2.', 'Activate()', {}, 'switch', CONTROLLER_1);
  first.step();
  assert.deepEqual(first.hal.calls, ['activate 1', 'reboot']);
  const disk = new Map(first.hal.disk);
  // The new image on trial: the Request is back; it completes when the image confirms itself.
  const next = device(memoryHal({ disk: first.hal.disk, firmware: [{ slot: 0, version: '1.2.3', status: 'valid' }, { slot: 1, version: '2.0', status: 'active' }],
    firmwareBoot: { trial: true, rolledBackFrom: -1 } }));
  assert.equal(next.engine.instances('Device.LocalAgent.Request.', true).length, 1);
  assert.equal(next.model.bootInfo().firmwareUpdated, true);
  next.step();
  assert.equal(completions(next.events).length, 0);
  next.model.firmware.reached = true;
  next.step();
  next.step();
  assert.deepEqual(next.hal.calls, ['confirm']);
  assert.deepEqual(completions(next.events).map((c) => [c.command, c.commandKey, c.error]), [['Activate()', 'switch', undefined]]);
  // The same switch rolled back: the old image reports the failure, without FirmwareUpdated.
  const back = device(memoryHal({ disk, firmware: [{ slot: 0, version: '1.2.3', status: 'active' },
    { slot: 1, version: '2.0', status: 'invalid', bootFailureLog: 'it exited with status 3 before confirming' }], firmwareBoot: { trial: false, rolledBackFrom: 1 } }));
  assert.equal(back.model.bootInfo().firmwareUpdated, false);
  back.step();
  assert.match(completions(back.events)[0].error!.message, /rolled back: it exited with status 3/);
  assert.equal(back.engine.get(FW + '2.Status'), 'ActivationFailed');
});

/** The device with a flash whose boot-slot write (fw.activate) fails `failures` times first. */
function flakyFlash(failures: number) {
  const d = device(memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] }));
  const fw = d.hal.firmware!;
  const activate = fw.activate.bind(fw);
  let left = failures;
  fw.activate = (slot) => {
    if (left-- > 0) { d.hal.calls.push(`activate ${slot} failed`); throw new Error('otadata write failed'); }
    activate(slot);
  };
  return d;
}
/** Steps the virtual clock in 250 ms ticks up to `ms`. */
function run(d: ReturnType<typeof device>, ms: number) {
  for (let t = 0; t < ms; t += 250) { d.hal.time.mono += 250; d.step(); }
}

test('given TimeWindow MaxRetries=2, then a switch that fails twice is tried again a second apart and the third try boots; UserMessage is logged once', () => {
  const d = flakyFlash(2);
  d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '1', 'TimeWindow.1.End': '30', 'TimeWindow.1.Mode': 'AnyTime',
    'TimeWindow.1.MaxRetries': '2', 'TimeWindow.1.UserMessage': 'Update to 2.0 tonight' }, 'r2', CONTROLLER_1);
  run(d, 1000);
  assert.deepEqual(d.hal.calls, ['activate 1 failed']);
  assert.equal(d.engine.nextDeadline(), d.hal.time.mono + 1000, 'the retry is a second after the failure');
  run(d, 1000);
  assert.deepEqual(d.hal.calls, ['activate 1 failed', 'activate 1 failed']);
  run(d, 1000);
  assert.deepEqual(d.hal.calls, ['activate 1 failed', 'activate 1 failed', 'activate 1', 'reboot']);
  assert.equal(completions(d.events).length, 0, 'switched: completed by the image that boots next');
  assert.equal(d.hal.logs.filter((l) => l.includes('UserMessage: Update to 2.0 tonight')).length, 1);
  assert.ok(d.hal.disk.has('fw.act'), 'the switch is recorded for the next boot');
});

test('given MaxRetries=1 and one window, then after two failed switches the Activate() fails with the error, and no switch record is left', () => {
  const d = flakyFlash(99);
  d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '60', 'TimeWindow.1.Mode': 'Immediately', 'TimeWindow.1.MaxRetries': '1' }, 'r1', CONTROLLER_1);
  run(d, 5000);
  assert.deepEqual(d.hal.calls, ['activate 1 failed', 'activate 1 failed']);
  const done = completions(d.events);
  assert.equal(done.length, 1, 'fails once its tries are spent, not at the window end');
  assert.match(done[0].error!.message, /failed 2 time\(s\), the last: otadata write failed/);
  assert.equal(d.hal.disk.has('fw.act'), false);
  assert.equal(d.engine.instances('Device.LocalAgent.Request.', true).length, 0);
});

test('given a switch failing in window 1 (MaxRetries 0), then window 2 tries afresh; MaxRetries=-1 retries until its window ends', () => {
  const d = flakyFlash(1);
  d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '10', 'TimeWindow.1.Mode': 'AnyTime',
    'TimeWindow.2.Start': '20', 'TimeWindow.2.End': '30', 'TimeWindow.2.Mode': 'AnyTime' }, 'w2', CONTROLLER_1);
  run(d, 15_000);
  assert.deepEqual(d.hal.calls, ['activate 1 failed'], 'no retry in window 1 (MaxRetries defaults to 0)');
  run(d, 6000);
  assert.deepEqual(d.hal.calls, ['activate 1 failed', 'activate 1', 'reboot']);

  const u = flakyFlash(99);
  u.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '5', 'TimeWindow.1.Mode': 'AnyTime', 'TimeWindow.1.MaxRetries': '-1' }, 'u', CONTROLLER_1);
  run(u, 4000);
  assert.equal(completions(u.events).length, 0, 'still trying within the window');
  run(u, 3000);
  const tries = u.hal.calls.length;
  assert.ok(tries >= 5 && tries <= 6, `a try a second for the 5 s window: ${tries}`);
  assert.match(completions(u.events)[0].error!.message, /failed \d+ time\(s\)/);
});

test('given ConfirmationNeeded (no user interface to ask) or a MaxRetries beyond 10, then Activate() is refused with 7027', () => {
  const d = device(memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] }));
  assert.throws(() => d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '5', 'TimeWindow.1.Mode': 'ConfirmationNeeded' }, 'c', CONTROLLER_1),
    (e: { code?: number; message?: string }) => e.code === 7027 && /no user interface/.test(e.message || ''));
  assert.throws(() => d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '5', 'TimeWindow.1.Mode': 'AnyTime', 'TimeWindow.1.MaxRetries': '11' }, 'c', CONTROLLER_1),
    (e: { code?: number }) => e.code === 7027);
  assert.deepEqual(d.hal.calls, []);
});
