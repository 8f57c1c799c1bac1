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
import type { Store } from '../../src/dm/store.ts';
import { TR181_TREE, tr181Modules } from '../../src/model/index.ts';
import { memoryHal } from '../support/memory-hal.ts';

const cap = capBytes32(XS_CAP);
const raised = (limits: Partial<BoardProfile['limits']>): BoardProfile => ({ ...esp32, limits: { ...esp32.limits, ...limits } });

test('the esp32 worst case (every bound at once) fits its 150 KB cap', () => {
  const w = worstCase(esp32);
  assert.equal(cap, esp32.memoryBudgetBytes);
  assert.ok(w.total <= cap, `worst case ${w.total} B > cap ${cap} B: ${JSON.stringify(w)}`);
});

test('raising any bound of the sum without room fails the check', () => {
  const l = esp32.limits;
  for (const more of [
    { modelInstances: l.modelInstances + 4 },
    { modelValueBytes: l.modelValueBytes + 4096 },
    { notificationsQueued: l.notificationsQueued + 4 },
    { coapExchanges: l.coapExchanges + 8 },
    { coapBlockBytes: l.coapBlockBytes * 2 },
  ]) {
    const w = worstCase(raised(more));
    assert.ok(w.total > cap, `${JSON.stringify(more)} still fits (${w.total} B): the room is not where the sum says`);
  }
  // A larger footprint (boot or request peak) takes the same room.
  assert.ok(worstCase({ ...esp32, footprintBudget: { ...esp32.footprintBudget!, ramPeakBytes: esp32.footprintBudget!.ramPeakBytes + 4096 } }).total > cap);
});

test('the boot model the sum starts from is what the esp32 defaults make', () => {
  const defaults = JSON.parse(readFileSync(join(root, 'boards/esp32/defaults.json'), 'utf8'));
  const engine = createEngine({ hal: memoryHal(), profile: esp32, modules: tr181Modules(), tree: TR181_TREE, defaults });
  const store = (engine as unknown as { store: Store }).store;
  assert.deepEqual(store.measure(), { instances: BOOT_MODEL.rows, valueBytes: BOOT_MODEL.valueBytes });
  assert.equal(engine.instances('Device.LocalAgent.Controller.', true).length, BOOT_MODEL.controllers);
});
