// The esp32 worst case (boards/esp32/worst-case.ts): every bound reached at once fits the cap,
// and raising any bound without taking room elsewhere fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { capBytes32, XS_CAP } from '../../boards/esp32/xs-cap.ts';
import { BOOT_MODEL, worstCase } from '../../boards/esp32/worst-case.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { createEngine } from '../../src/dm/index.ts';
import { measureStore, type Store } from '../../src/dm/store.ts';
import { TR181_TREE, tr181Modules } from '../../src/model/index.ts';
import { memoryHal } from '../support/memory-hal.ts';

const cap = capBytes32(XS_CAP);
const raised = (limits: Partial<BoardProfile['limits']>): BoardProfile => ({ ...esp32, limits: { ...esp32.limits, ...limits } });

test('the esp32 worst case (every bound at once) fits its 150 KB cap', () => {
  const w = worstCase(esp32);
  assert.equal(cap, esp32.memoryBudgetBytes);
  assert.ok(w.total <= cap, `worst case ${w.total} B > cap ${cap} B: ${JSON.stringify(w)}`);
});

test('every bound counts in the sum: raising one past the headroom left fails the check', () => {
  const l = esp32.limits;
  const base = worstCase(esp32);
  const headroom = cap - base.total;
  // Per step of each bound, what the sum charges (boards/esp32/worst-case.ts); raising a bound by
  // one step more than the headroom pays for must take the sum past the cap.
  for (const [key, perStep] of [
    ['modelInstances', worstCase(raised({ modelInstances: l.modelInstances + 1 })).total - base.total],
    ['modelValueBytes', worstCase(raised({ modelValueBytes: l.modelValueBytes + 1024 })).total - base.total],
    ['coapExchanges', worstCase(raised({ coapExchanges: l.coapExchanges + 1 })).total - base.total],
    ['recentMsgIds', worstCase(raised({ recentMsgIds: l.recentMsgIds + 1 })).total - base.total],
  ] as const) {
    assert.ok(perStep > 0, `${key} is not in the sum`);
    const steps = Math.floor(headroom / perStep) + 1;
    const more = { [key]: l[key] + steps * (key === 'modelValueBytes' ? 1024 : 1) };
    const w = worstCase(raised(more));
    assert.ok(w.total > cap, `${JSON.stringify(more)} still fits (${w.total} B): the room is not where the sum says`);
  }
  // The queued notifications are bounded by notificationsQueued and by the Controllers' queues.
  assert.ok(worstCase(raised({ notificationsQueued: l.notificationsQueued + 1 })).total > base.total);
  // A larger footprint (boot or request peak) takes the same room, byte for byte.
  const peak = esp32.footprintBudget!.ramPeakBytes;
  assert.equal(worstCase({ ...esp32, footprintBudget: { ...esp32.footprintBudget!, ramPeakBytes: peak + headroom + 1 } }).total, cap + 1);
});

test('the boot model the sum starts from is what the esp32 defaults make', () => {
  const defaults = JSON.parse(readFileSync(join(root, 'boards/esp32/defaults.json'), 'utf8'));
  const engine = createEngine({ hal: memoryHal(), profile: esp32, modules: tr181Modules(), tree: TR181_TREE, defaults });
  const store = (engine as unknown as { store: Store }).store;
  assert.deepEqual(measureStore(store), { instances: BOOT_MODEL.rows, valueBytes: BOOT_MODEL.valueBytes });
  assert.equal(engine.instances('Device.LocalAgent.Controller.', true).length, BOOT_MODEL.controllers);
});
