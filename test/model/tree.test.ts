// The schema tree an engine uses is built from exactly its modules' objects, by the caller: the
// preloaded TR-181 tree (TR181_TREE, src/model/index.ts), modelTree(modules) for a device
// maker's modules, treeOf(modules) for any other model. A board builds its tree at module level,
// so that xsl preloads it into flash and the code that builds trees is not in its image (issue
// 10); a tree built in RAM at boot cost ~1,140 heap slots on the esp32 XS board.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { esp32 } from '../../boards/esp32/profile.ts';
import { host } from '../../boards/host/profile.ts';
import { createAgent } from '../../src/agent.ts';
import { createCore } from '../../src/core.ts';
import { buildSchema, nodeAt, treeOf } from '../../src/dm/schema.ts';
import { TR181_TREE, modelTree, tr181Model } from '../../src/model/index.ts';
import { thermostatModule } from '../../examples/x-acme-thermostat/model.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { DEMO_DEFAULTS } from './helpers.ts';

test('the TR-181 modules, in tr181Model() order, use the preloaded tree', () => {
  const schema = buildSchema(tr181Model().modules, TR181_TREE);
  assert.equal(schema.root, TR181_TREE.root);
  assert.equal(schema.nodes, TR181_TREE.nodes);
  assert.ok(nodeAt(schema, 'Device.DeviceInfo.FirmwareImage.{i}.'));
});

test('an agent on the esp32 board builds no schema tree of its own', () => {
  const agent = createAgent({ hal: memoryHal(), board: esp32 });
  // The engine's Schema is internal (EngineImpl.schema): read it as the storage-keys test does.
  assert.equal((agent.engine as unknown as { schema: { root: unknown } }).schema.root, TR181_TREE.root);
});

test('a tree not built from the modules is refused: an object missing, or one too many', () => {
  const modules = tr181Model().modules;
  assert.throws(() => buildSchema([modules[0], ...modules.slice(2)], TR181_TREE), /has objects these modules lack/);
  const thermostat = thermostatModule(() => 20);
  assert.throws(() => buildSchema([...modules, thermostat], TR181_TREE), /not built from these modules \(Device\.X_ACME_Thermostat\.\)/);
  // Same paths, other definitions: the tree is of other objects.
  assert.throws(() => buildSchema([...modules, thermostat], modelTree([thermostatModule(() => 20)])), /not built from these modules/);
  assert.equal(buildSchema([...modules, thermostat], treeOf([...modules, thermostat])).nodes.length, TR181_TREE.nodes.length + thermostat.objects.length);
});

const coreWith = (extra: Partial<Parameters<typeof createCore>[0]>) =>
  createCore({ hal: memoryHal(), board: host, defaults: DEMO_DEFAULTS, host: '127.0.0.1', send: () => {}, ...extra });

test('a device maker\'s modules start with their tree (modelTree), and without it fail to start, saying so', () => {
  // What a maker's board entry does at module level (xsl then preloads both).
  const modules = [thermostatModule(() => 21.5)];
  const tree = modelTree(modules);
  const core = coreWith({ modules, tree });
  assert.equal(core.engine.get('Device.X_ACME_Thermostat.CurrentTemperature'), '21.5');
  assert.equal(core.engine.get('Device.LocalAgent.MTP.1.CoAP.Port'), '5683');
  core.close();
  assert.throws(() => coreWith({ modules }), /schema tree was not built from these modules \(Device\.X_ACME_Thermostat\.\): use modelTree\(\) or treeOf\(\)/);
});
