// FirmwareImage.{i}.Available (TR-181 Firmware:1, digest §5.4): writable and persisted; false
// makes an installed image not activatable (Activate() fails, BootFirmwareImage refuses it, a
// pending Activate() waiting for its window does not boot it); the active image and the one
// the device boots next cannot be made unavailable; a new install sets it true again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import type { ChangeEvent } from '../../src/dm/api.ts';
import { createEngine } from '../../src/dm/index.ts';
import { TR181_TREE, tr181Model } from '../../src/model/index.ts';
import type { TransferRequest } from '../../src/ota/transfer.ts';
import { memoryHal, type MemoryHal } from '../support/memory-hal.ts';
import { CONTROLLER_1, DEMO_DEFAULTS } from './helpers.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
const TWO_IMAGES = () => memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] });

function device(hal: MemoryHal) {
  const model = tr181Model();
  const transfers: TransferRequest[] = [];
  model.firmware.services = { fetcher: { schemes: () => ['http'], fetch: (req) => { transfers.push(req); return { abort: () => req.onEnd('aborted') }; } }, idle: () => true };
  const engine = createEngine({ hal, profile: host, modules: model.modules, tree: TR181_TREE, defaults: DEMO_DEFAULTS });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const step = () => { engine.step(hal.time.mono); model.firmware.step(hal.time.mono); };
  return { engine, hal, transfers, events, step };
}

/** A Controller's Set of one parameter: undefined when committed, else the error code. */
function setAs(engine: ReturnType<typeof device>['engine'], path: string, value: string): number | undefined {
  const txn = engine.begin(CONTROLLER_1);
  try {
    txn.set(path, value);
    txn.commit();
    return undefined;
  } catch (e) {
    txn.rollback();
    return (e as { code: number }).code;
  }
}
const completions = (events: ChangeEvent[]) => events.filter((e) => e.type === 'operationComplete') as Extract<ChangeEvent, { type: 'operationComplete' }>[];

test('given an installed non-active image, when Available is set false, then Activate() and BootFirmwareImage refuse it; the value persists; true makes it activatable again', () => {
  const d = device(TWO_IMAGES());
  assert.deepEqual([d.engine.get(FW + '1.Available'), d.engine.get(FW + '2.Available')], ['true', 'true']);
  assert.equal(setAs(d.engine, FW + '2.Available', 'false'), undefined);
  assert.equal(d.engine.get(FW + '2.Available'), 'false');
  assert.equal(d.engine.get(FW + '2.Status'), 'Available', 'Status still says the image is installed');
  assert.throws(() => d.engine.operate(FW + '2.', 'Activate()', {}, 'x', CONTROLLER_1), (e: { code?: number; message: string }) => e.code === 7022 && /not available/.test(e.message));
  assert.equal(setAs(d.engine, 'Device.DeviceInfo.BootFirmwareImage', FW + '2'), 7012);
  assert.deepEqual(d.hal.calls, [], 'nothing switched');
  // Persisted: a restart reads it back.
  const again = device(memoryHal({ disk: d.hal.disk, firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '2.0', status: 'valid' }] }));
  assert.equal(again.engine.get(FW + '2.Available'), 'false');
  assert.equal(setAs(again.engine, FW + '2.Available', 'true'), undefined);
  again.engine.operate(FW + '2.', 'Activate()', {}, 'go', CONTROLLER_1);
  again.step();
  assert.deepEqual(again.hal.calls, ['activate 1', 'reboot']);
});

test('given the active image or the one booted next, then Available cannot be set false (7012); an empty slot cannot be made available', () => {
  const d = device(TWO_IMAGES());
  assert.equal(setAs(d.engine, FW + '1.Available', 'false'), 7012);
  assert.equal(d.engine.get(FW + '1.Available'), 'true');
  // Slot 2 chosen as the next boot image: now it cannot be made unavailable either.
  assert.equal(setAs(d.engine, 'Device.DeviceInfo.BootFirmwareImage', FW + '2'), undefined);
  assert.equal(setAs(d.engine, FW + '2.Available', 'false'), 7012);
  const e = device(memoryHal({ firmware: [{ slot: 0, version: '1.2.3', status: 'active' }, { slot: 1, version: '', status: 'empty' }] }));
  assert.equal(e.engine.get(FW + '2.Available'), 'false');
  assert.equal(setAs(e.engine, FW + '2.Available', 'true'), 7012);
});

test('given an Activate() waiting for its TimeWindow, when the image is made unavailable, then it fails at the window instead of booting it', () => {
  const d = device(TWO_IMAGES());
  d.engine.operate(FW + '2.', 'Activate()', { 'TimeWindow.1.Start': '10', 'TimeWindow.1.End': '20', 'TimeWindow.1.Mode': 'AnyTime' }, 'later', CONTROLLER_1);
  assert.equal(setAs(d.engine, FW + '2.Available', 'false'), undefined);
  d.hal.time.mono += 10_000;
  d.step();
  d.step();
  assert.deepEqual(d.hal.calls, []);
  assert.match(completions(d.events)[0].error!.message, /made unavailable before its TimeWindow/);
});

test('given an unavailable image slot, when a new image is downloaded into it, then Available is true again (TR-181: set true on install)', () => {
  const d = device(TWO_IMAGES());
  assert.equal(setAs(d.engine, FW + '2.Available', 'false'), undefined);
  d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/x.img' }, 'dl', CONTROLLER_1);
  assert.equal(d.engine.get(FW + '2.Available'), 'false', 'not installed while it downloads');
  d.transfers[0].onData(new TextEncoder().encode('IMAGE 3.0\nbody'), 0);
  d.transfers[0].onEnd();
  d.step();
  assert.equal(completions(d.events)[0].error, undefined);
  assert.deepEqual([d.engine.get(FW + '2.Status'), d.engine.get(FW + '2.Version'), d.engine.get(FW + '2.Available')], ['Available', '3.0', 'true']);
});
