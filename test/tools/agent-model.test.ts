// A device maker's model through the public entry: the simulator started with
// `--model examples/x-acme-thermostat/simulated.ts` serves the vendor object next to the TR-181
// model (and keeps its built-in hooks), as `tinyusp ctl` sees it over CoAP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ctl, simulator, tempDir, tinyusp } from './simulator.ts';

const root = new URL('../..', import.meta.url).pathname;

test('given --model with the thermostat example, when a Controller reads and operates it, then the vendor object answers', async (t) => {
  const uri = await simulator(t, ['--model', 'examples/x-acme-thermostat/simulated.ts']);
  const run = (...args: string[]) => ctl(uri, [...args, '--timeout', '5000']);

  const get = await run('get', 'Device.X_ACME_Thermostat.', '--json');
  assert.equal(get.code, 0, get.stderr);
  assert.match(get.stdout, /"TargetTemperature": ?"21"/);
  assert.match(get.stdout, /"ScheduleNumberOfEntries": ?"0"/, 'the derived counter is served');
  const set = await run('set', 'Device.X_ACME_Thermostat.TargetTemperature=23.5');
  assert.equal(set.code, 0, set.stderr);
  const boost = await run('operate', 'Device.X_ACME_Thermostat.Boost()', 'Minutes=10', '--json');
  assert.equal(boost.code, 0, boost.stderr);
  assert.match(boost.stdout, /"Until"/);
  // The built-in model keeps its hooks: SendOnBoardRequest() still reaches the notifier.
  const onboard = await run('operate', 'Device.LocalAgent.Controller.1.SendOnBoardRequest()');
  assert.equal(onboard.code, 0, onboard.stdout + onboard.stderr);
  const again = await run('get', 'Device.X_ACME_Thermostat.TargetTemperature');
  assert.match(again.stdout, /23\.5/);
});

test('given --model naming a file whose default export is not a module, then the agent refuses with one line and exits 2', async (t) => {
  const state = tempDir(t);
  const r = tinyusp(['agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state, '--allow-nosec', '--model', 'examples/x-acme-thermostat/model.ts']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /default export must be a ModelModule/);
});
