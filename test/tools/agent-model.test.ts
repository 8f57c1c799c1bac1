// A device maker's model through the public entry: the simulator started with
// `--model examples/x-acme-thermostat/simulated.ts` serves the vendor object next to the TR-181
// model (and keeps its built-in hooks), as `tinyusp ctl` sees it over CoAP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'tools/tinyusp.mjs');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d));
    c.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => c.kill('SIGKILL'), 20_000);
    c.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

test('given --model with the thermostat example, when a Controller reads and operates it, then the vendor object answers', async (t) => {
  const state = mkdtempSync(join(tmpdir(), 'tinyusp-model-'));
  t.after(() => rmSync(state, { recursive: true, force: true }));
  const agent = spawn(process.execPath, [bin, 'agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state,
    '--allow-nosec', '--port', '0', '--model', 'examples/x-acme-thermostat/simulated.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => agent.kill('SIGKILL'));
  let stderr = '';
  agent.stderr.on('data', (d: Buffer) => (stderr += d));
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('agent not ready within 15 s: ' + stderr)), 15_000);
    let buf = '';
    agent.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^ready (\S+) (\S+)$/m.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[2]); }
    });
    agent.on('exit', (code) => { clearTimeout(timer); reject(new Error(`agent exited ${code}: ${stderr}`)); });
  });
  const ctl = (...args: string[]) => run(['ctl', ...args, '--agent', uri, '--timeout', '5000']);

  const get = await ctl('get', 'Device.X_ACME_Thermostat.', '--json');
  assert.equal(get.code, 0, get.stderr);
  assert.match(get.stdout, /"TargetTemperature": ?"21"/);
  assert.match(get.stdout, /"ScheduleNumberOfEntries": ?"0"/, 'the derived counter is served');
  const set = await ctl('set', 'Device.X_ACME_Thermostat.TargetTemperature=23.5');
  assert.equal(set.code, 0, set.stderr);
  const boost = await ctl('operate', 'Device.X_ACME_Thermostat.Boost()', 'Minutes=10', '--json');
  assert.equal(boost.code, 0, boost.stderr);
  assert.match(boost.stdout, /"Until"/);
  // The built-in model keeps its hooks: SendOnBoardRequest() still reaches the notifier.
  const onboard = await ctl('operate', 'Device.LocalAgent.Controller.1.SendOnBoardRequest()');
  assert.equal(onboard.code, 0, onboard.stdout + onboard.stderr);
  const again = await ctl('get', 'Device.X_ACME_Thermostat.TargetTemperature');
  assert.match(again.stdout, /23\.5/);
});

test('given --model naming a file whose default export is not a module, then the agent refuses with one line and exits 2', async (t) => {
  const state = mkdtempSync(join(tmpdir(), 'tinyusp-model-'));
  t.after(() => rmSync(state, { recursive: true, force: true }));
  const r = await run(['agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state, '--allow-nosec', '--model', 'examples/x-acme-thermostat/model.ts']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /default export must be a ModelModule/);
});
