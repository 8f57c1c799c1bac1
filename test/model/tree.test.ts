// The preloaded TR-181 schema tree (TR181_TREE, src/model/index.ts) is the one the agent's engine
// uses: a model module whose objects the tree lacks makes buildSchema() build a second tree in RAM
// at boot, which on the esp32 XS board cost ~1,140 heap slots and overflowed its cap (issue 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { esp32 } from '../../boards/esp32/profile.ts';
import { createAgent } from '../../src/agent.ts';
import { buildSchema } from '../../src/dm/schema.ts';
import { TR181_TREE, tr181Model } from '../../src/model/index.ts';
import { memoryHal } from '../support/memory-hal.ts';

test('the TR-181 modules, in tr181Model() order, use the preloaded tree', () => {
  const schema = buildSchema(tr181Model().modules, TR181_TREE);
  assert.equal(schema.root, TR181_TREE.root);
  assert.equal(schema.byPath, TR181_TREE.byPath);
  assert.ok(schema.byPath.has('Device.DeviceInfo.FirmwareImage.{i}.'));
});

test('an agent on the esp32 board builds no schema tree of its own', () => {
  const agent = createAgent({ hal: memoryHal(), board: esp32 });
  // The engine's Schema is internal (EngineImpl.schema): read it as the storage-keys test does.
  assert.equal((agent.engine as unknown as { schema: { root: unknown } }).schema.root, TR181_TREE.root);
});

test('modules the tree was not built from get a tree of their own (the check can fail)', () => {
  const modules = tr181Model().modules;
  const schema = buildSchema([modules[0], ...modules.slice(2)], TR181_TREE);
  assert.notEqual(schema.root, TR181_TREE.root);
});
