// The `tinyusp` command as a user meets it: bad input gets one clear line and a non-zero exit;
// the simulator and the controller work together over real UDP on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctl, simulator, tempDir, tinyusp } from './simulator.ts';
import { armUnavailable, needs } from '../support/tools.ts';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'tools/tinyusp.mjs');

const cli = tinyusp;

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
    // Plaintext only when asked for; DTLS needs credentials, found or named.
    [['ctl', 'get', 'Device.', '--agent', 'coap://127.0.0.1:9/usp'], /coap:\/\/127\.0\.0\.1:9\/usp is plaintext CoAP: use coaps:\/\/, or pass --allow-nosec/],
    [['ctl', 'get', 'Device.', '--agent', 'http://127.0.0.1/usp'], /--agent must be a coaps:\/\/ \(or, with --allow-nosec, coap:\/\/\) URI/],
    [['ctl', 'get', 'Device.', '--pki', join(dir, 'nothing')], /no DTLS credentials: .*nothing\/controller\.pem not found\. Make a development PKI with 'tinyusp pki'/],
    [['ctl', 'get', 'Device.', '--allow-nosec', '--cert', badJson], /--cert is for DTLS, but coap:\/\/127\.0\.0\.1:5683\/usp is plaintext/],
    [['ctl', 'get', 'Device.', '--psk-identity', 'c1'], /--psk-identity and --psk go together/],
    [['ctl', 'get', 'Device.', '--psk-identity', 'c1', '--psk', 'zz'], /--psk must be hexadecimal/],
    [['ctl', 'get', 'Device.', '--psk-identity', 'c1', '--psk', '0011'], /the PSK of c1 must be 16\.\.64 bytes/],
    [['ctl', 'get', 'Device.', '--cert', join(dir, 'missing.pem'), '--key', badJson, '--ca', badJson], /cannot read --cert .*missing\.pem: ENOENT/],
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
  const r = cli(['ctl', 'get', 'Device.DeviceInfo.', '--agent', 'coap://127.0.0.1:9/usp', '--allow-nosec', '--timeout', '400']);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /no USP response to GET within 400 ms/);
  assert.ok(Date.now() - started < 15_000);
});

test('given a running simulator, when ctl gets, sets and reads back, then output and exit codes follow', async (t) => {
  const uri = await simulator(t);
  const run = (args: string[]) => ctl(uri, [...args, '--timeout', '5000']);

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

test('given a running simulator, when ctl gsp, add, instances, delete and operate run, then their output and exit codes follow the agent\'s answers', async (t) => {
  const uri = await simulator(t);
  const run = (...args: string[]) => ctl(uri, [...args, '--timeout', '5000']);

  const gsp = await run('gsp', '1.2');
  assert.equal(gsp.code, 0, gsp.stderr);
  assert.equal(gsp.stdout, 'agent supports USP 1.0,1.1,1.2,1.3,1.4\n');

  // add: the new instance and its unique keys; the same unique key again fails with exit 1.
  const add = await run('add', 'Device.LocalAgent.Controller.', 'EndpointID=proto::third');
  assert.equal(add.code, 0, add.stderr);
  const created = /^created (Device\.LocalAgent\.Controller\.(\d+)\.)$/m.exec(add.stdout);
  assert.ok(created, add.stdout);
  assert.match(add.stdout, /^ {2}key EndpointID = proto::third$/m);
  const again = await run('add', 'Device.LocalAgent.Controller.', 'EndpointID=proto::third');
  assert.equal(again.code, 1, again.stdout);
  assert.match(again.stdout, /error 7025 unique key EndpointID already used by Device\.LocalAgent\.Controller\.\d+\./);
  assert.ok(!/^created /m.test(again.stdout), again.stdout);
  // With --allow-partial the failure is inside an AddResp (not an Error message): still exit 1.
  const partial = await run('add', 'Device.LocalAgent.Controller.', 'EndpointID=proto::third', '--allow-partial');
  assert.equal(partial.code, 1, partial.stdout);
  assert.match(partial.stdout, /^Device\.LocalAgent\.Controller\.: error 70\d\d .*unique key EndpointID already used/m);

  // instances: both Controllers with their keys; an unknown path is exit 1 with the error.
  const inst = await run('instances', 'Device.LocalAgent.Controller.', '--first-level');
  assert.equal(inst.code, 0, inst.stderr);
  assert.deepEqual(inst.stdout.trim().split('\n'), [
    'Device.LocalAgent.Controller.1.  Alias=controller-1 EndpointID=proto::controller-1',
    `${created![1]}  Alias=cpe-${created![2]} EndpointID=proto::third`,
  ]);
  const noInst = await run('instances', 'Device.LocalAgent.Nope.');
  assert.equal(noInst.code, 1);
  assert.match(noInst.stdout, /^Device\.LocalAgent\.Nope\.: error 7026 /m);

  // delete: the deleted path; afterwards it is gone from instances; a path that matches
  // nothing is "(no match)" and not a failure (digest §2.8).
  const del = await run('delete', created![1]);
  assert.equal(del.code, 0, del.stderr);
  assert.equal(del.stdout, `deleted ${created![1]}\n`);
  const after = await run('instances', 'Device.LocalAgent.Controller.', '--first-level');
  assert.ok(!after.stdout.includes('proto::third'), after.stdout);
  const gone = await run('delete', created![1]);
  assert.equal(gone.code, 0, gone.stderr);
  assert.equal(gone.stdout, `${created![1]}: (no match)\n`);
  const badDel = await run('delete', 'Device.DeviceInfo.');
  assert.equal(badDel.code, 1, badDel.stdout);
  assert.match(badDel.stdout, /error 7018 /);
  const badPartial = await run('delete', 'Device.DeviceInfo.', '--allow-partial');
  assert.equal(badPartial.code, 1, badPartial.stdout);
  assert.equal(badPartial.stdout, 'Device.DeviceInfo.: error 7018 Object is not a table\n');

  // operate: an async command starts a Request; Cancel() is sync and done; an unknown command
  // is exit 1; --no-resp sends and prints the msg_id, and the command still runs.
  const op = await run('operate', 'Device.ScheduleTimer()', 'DelaySeconds=600', '--command-key', 'k1');
  assert.equal(op.code, 0, op.stderr);
  const req = /^Device\.ScheduleTimer\(\): started, request (Device\.LocalAgent\.Request\.\d+\.)$/m.exec(op.stdout);
  assert.ok(req, op.stdout);
  const noResp = await run('operate', 'Device.ScheduleTimer()', 'DelaySeconds=600', '--no-resp');
  assert.equal(noResp.code, 0, noResp.stderr);
  assert.match(noResp.stdout, /^sent Device\.ScheduleTimer\(\) \(send_resp=false, msg_id \S+\)$/m);
  const reqs = await run('instances', 'Device.LocalAgent.Request.');
  assert.equal(reqs.code, 0, reqs.stderr);
  assert.equal(reqs.stdout.trim().split('\n').length, 2, reqs.stdout);
  const cancel = await run('operate', req![1] + 'Cancel()');
  assert.equal(cancel.code, 0, cancel.stderr);
  assert.equal(cancel.stdout, `${req![1]}Cancel(): done\n`);
  const unknown = await run('operate', 'Device.Nope()');
  assert.equal(unknown.code, 1, unknown.stdout);
  assert.match(unknown.stdout, /^error 7026 /m);
});

test('given a running simulator, when ctl subscribes and listens, then the notification is printed and listen exits 0; with nothing to hear it exits 3', async (t) => {
  const uri = await simulator(t);
  const run = (...args: string[]) => ctl(uri, [...args, '--timeout', '5000']);

  // Nothing subscribed: listen gives up after its --timeout with exit 3.
  const quiet = await ctl(uri, ['listen', '--port', '0', '--timeout', '300']);
  assert.equal(quiet.code, 3, quiet.stderr);
  assert.equal(quiet.stdout, '');

  // listen as Controller.1 on an ephemeral port (it says which on stderr); point Controller.1's
  // MTP at it, then subscribe and change the value.
  let port: ((p: string) => void) | undefined;
  const listening = new Promise<string>((resolve) => (port = resolve));
  // Several ctl runs come before the notification: on a loaded machine listen waits up to a minute.
  const listen = ctl(uri, ['listen', '--port', '0', '--count', '1', '--timeout', '60000'], (err) => {
    const m = /listening for notifications on coap:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
    if (m) port!(m[1]);
  }, 70_000);
  const p = await Promise.race([listening, listen.then((r) => { throw new Error('listen ended early: ' + r.stderr); })]);
  const mtp = await run('set', `Device.LocalAgent.Controller.1.MTP.1.CoAP.Port=${p}`);
  assert.equal(mtp.code, 0, mtp.stdout + mtp.stderr);

  const sub = await run('subscribe', 'ValueChange', 'Device.DeviceInfo.FriendlyName', '--sub-id', 'vc1');
  assert.equal(sub.code, 0, sub.stderr);
  assert.match(sub.stdout, /^created Device\.LocalAgent\.Subscription\.\d+\.$/m);
  assert.match(sub.stdout, /^ {2}key Recipient = Device\.LocalAgent\.Controller\.1$/m);
  assert.match(sub.stdout, /^ {2}key ID = vc1$/m);
  const dup = await run('subscribe', 'ValueChange', 'Device.DeviceInfo.FriendlyName', '--sub-id', 'vc1');
  assert.equal(dup.code, 1, dup.stdout);
  const bogus = await run('subscribe', 'Bogus', 'Device.DeviceInfo.FriendlyName');
  assert.equal(bogus.code, 1, bogus.stdout);
  assert.match(bogus.stdout, /'Bogus' is not an allowed value/);

  const set = await run('set', 'Device.DeviceInfo.FriendlyName=hello there');
  assert.equal(set.code, 0, set.stderr);
  const heard = await listen;
  assert.equal(heard.code, 0, heard.stderr);
  assert.equal(heard.stdout, '[proto::tinyusp-demo] vc1 ValueChange Device.DeviceInfo.FriendlyName = hello there\n');
});

for (const engine of ['xs', 'xs-arm']) {
  test(`given --engine ${engine}, when the agent runs, then the device build answers ctl and SIGTERM ends it with 0`, { timeout: 300_000 }, async (t) => {
    if (engine === 'xs-arm' && !needs(t, armUnavailable())) return;
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
    const get = cli(['ctl', 'get', 'Device.DeviceInfo.ModelName', '--agent', uri, '--allow-nosec', '--timeout', '5000']);
    assert.equal(get.code, 0, get.stderr);
    assert.match(get.stdout, /^Device\.DeviceInfo\.ModelName = tinyusp-xs-esp32$/m);
    agent.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  });
}
