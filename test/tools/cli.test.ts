// The `tinyusp` command as a user meets it: bad input gets one clear line and a non-zero exit;
// the simulator and the controller work together over real UDP on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'tools/tinyusp.mjs');

function cli(args: string[], timeout = 20_000) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('given bad command lines, when tinyusp runs, then it prints one error line and exits 2', (t) => {
  const dir = tempDir(t);
  const badJson = join(dir, 'bad.json');
  writeFileSync(badJson, '{ "Device.X": ');
  const notFlat = join(dir, 'nested.json');
  writeFileSync(notFlat, JSON.stringify({ 'Device.A': { b: 1 } }));
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['agent', '--state', dir], /--defaults <file.json> is required/],
    [['agent', '--defaults', join(dir, 'missing.json'), '--state', dir], /cannot read --defaults .*ENOENT/],
    [['agent', '--defaults', badJson, '--state', dir], /is not JSON/],
    [['agent', '--defaults', notFlat, '--state', dir], /must be a "Device\.…" path with a string value/],
    [['agent', '--defaults', badJson, '--state', dir, '--port', 'x'], /--port must be a whole number/],
    [['agent', '--bogus'], /unknown option --bogus/],
    [['agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', dir, '--engine', 'quickjs'], /--engine must be node, xs or xs-arm/],
    [['ctl', 'fly'], /unknown ctl command 'fly'/],
    [['ctl', 'get'], /a path is required/],
    [['ctl', 'set', 'Device.DeviceInfo.FriendlyName'], /expected <path>=<value>/],
  ];
  for (const [args, expected] of cases) {
    const r = cli(args);
    assert.equal(r.code, 2, `exit code of ${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, expected, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
  }
});

test('given no --allow-nosec, when the agent starts, then it refuses plaintext and exits 1', (t) => {
  const r = cli(['agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', tempDir(t), '--port', '0']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /plaintext CoAP needs an explicit --allow-nosec/);
});

test('given no agent at the URI, when ctl asks, then it gives up within --timeout and exits 3', () => {
  const started = Date.now();
  const r = cli(['ctl', 'get', 'Device.DeviceInfo.', '--agent', 'coap://127.0.0.1:9/usp', '--timeout', '400']);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /no USP response to GET within 400 ms/);
  assert.ok(Date.now() - started < 15_000);
});

test('given a running simulator, when ctl gets, sets and reads back, then output and exit codes follow', async (t) => {
  const state = tempDir(t);
  const agent = spawn(process.execPath, [bin, 'agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state, '--allow-nosec', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => agent.kill('SIGKILL'));
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('agent not ready within 15 s')), 15_000);
    let buf = '';
    agent.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^ready (\S+) (\S+)$/m.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[2]);
      }
    });
  });
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [bin, 'ctl', ...args, '--agent', uri, '--timeout', '5000'], { cwd: root });
      let stdout = '';
      let stderr = '';
      c.stdout.on('data', (d: Buffer) => (stdout += d));
      c.stderr.on('data', (d: Buffer) => (stderr += d));
      c.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  const set = await run(['set', 'Device.DeviceInfo.FriendlyName=kitchen sensor']);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /Device\.DeviceInfo\.FriendlyName = kitchen sensor/);

  const get = await run(['get', 'Device.DeviceInfo.FriendlyName', '--json']);
  assert.equal(get.code, 0, get.stderr);
  const msg = JSON.parse(get.stdout);
  const result = msg.body.response.getResp.reqPathResults[0].resolvedPathResults[0];
  assert.equal(result.resolvedPath, 'Device.DeviceInfo.');
  assert.deepEqual(result.resultParams, { FriendlyName: 'kitchen sensor' });

  const bad = await run(['get', 'Device.NoSuchThing.']);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /Device\.NoSuchThing\.: error 7026/);

  // gsdm reads as a data-model listing: type and access per parameter, sync/async per command.
  const dm = await run(['gsdm', 'Device.', '--first-level']);
  assert.equal(dm.code, 0, dm.stderr);
  assert.match(dm.stdout, /^Device\.  object$/m);
  assert.match(dm.stdout, /^  RootDataModelVersion +string +read-only$/m);
  assert.match(dm.stdout, /^  SelfTestDiagnostics\(\)  async  out: Status, Results$/m);
  assert.match(dm.stdout, /^  Boot!  event  args: CommandKey, Cause, FirmwareUpdated, ParameterMap$/m);
  const table = await run(['gsdm', 'Device.LocalAgent.Subscription.']);
  assert.match(table.stdout, /^Device\.LocalAgent\.Subscription\.\{i\}\.  table, add\/delete$/m);
  assert.match(table.stdout, /^  Enable +boolean +read-write$/m);
  assert.match(table.stdout, /^  TimeToLive +unsignedInt +read-write$/m);
});

for (const engine of ['xs', 'xs-arm']) {
  test(`given --engine ${engine}, when the agent runs, then the device build answers ctl and SIGTERM ends it with 0`, { timeout: 300_000 }, async (t) => {
    const state = tempDir(t);
    const agent = spawn(process.execPath, [bin, 'agent', '--engine', engine, '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state,
      '--allow-nosec', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    t.after(() => agent.kill('SIGKILL'));
    let stderr = '';
    agent.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => agent.on('close', resolve));
    // The first start builds the runners (minutes on a clean tree): the wait is bounded by the test.
    const uri = await new Promise<string>((resolve, reject) => {
      let buf = '';
      agent.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = /^ready (\S+) (\S+)$/m.exec(buf);
        if (m) resolve(m[2]);
      });
      void exited.then((code) => reject(new Error(`agent exited (${code}) before ready:\n${stderr}`)));
    });
    const get = cli(['ctl', 'get', 'Device.DeviceInfo.ModelName', '--agent', uri, '--timeout', '5000']);
    assert.equal(get.code, 0, get.stderr);
    assert.match(get.stdout, /^Device\.DeviceInfo\.ModelName = tinyusp-xs-esp32$/m);
    agent.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  });
}
