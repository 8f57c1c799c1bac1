// The README's quick start, over DTLS as a user runs it: the agent started the way `npm start`
// starts it (--dev-pki: a fresh development PKI under its state directory), then `tinyusp ctl`
// with the controller certificate of that PKI over coaps://, no plaintext flag anywhere: get,
// set, subscribe and a notification heard by `ctl listen`. Then PSK, and the refusals a user
// meets (a controller of another PKI, an agent that is not the one addressed). Real processes,
// UDP on loopback, every wait bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDevPki, PKI_FILES } from '../../tools/pki/dev-pki.ts';
import { DEMO_STATE, pkiDirOf, root } from '../../tools/cli/paths.ts';
import { ctl, tempDir, tinyusp } from './simulator.ts';

const bin = join(root, 'tools/tinyusp.mjs');
const DEMO = join(root, 'examples/demo-defaults.json');
const PSK_HEX = '000102030405060708090a0b0c0d0e0f';

interface Agent { uri: string; stderr(): string; stop(): Promise<void> }

/** `tinyusp agent --defaults <demo> --state <dir> <args> --port 0`; killed after the test. */
async function agent(t: { after(fn: () => void): void }, state: string, args: string[]): Promise<Agent> {
  const child = spawn(process.execPath, [bin, 'agent', '--defaults', DEMO, '--state', state, '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d));
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('agent not ready within 20 s:\n' + err)), 20_000);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /^ready \S+ (\S+)$/m.exec(out);
      if (m) (clearTimeout(timer), resolve(m[1]));
    });
    child.on('close', (code) => (clearTimeout(timer), reject(new Error(`agent exited (${code}):\n${err}`))));
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { uri, stderr: () => err, stop: () => (child.kill('SIGTERM'), closed) };
}

test('npm start runs the agent with --dev-pki on state/demo, where ctl looks for its certificate by default', () => {
  const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string;
  assert.match(start, /agent --defaults examples\/demo-defaults\.json --state state\/demo --dev-pki$/);
  assert.doesNotMatch(start, /allow-nosec/);
  assert.equal(pkiDirOf(DEMO_STATE), join(root, 'state/demo/pki'));
});

test('quick start over coaps://: a fresh PKI on first start, then get, set, subscribe and a notification with ctl', async (t) => {
  const state = tempDir(t);
  const a = await agent(t, state, ['--dev-pki']);
  assert.match(a.uri, /^coaps:\/\/127\.0\.0\.1:\d+\/usp$/);
  // It said where the PKI is, and the files are there.
  assert.match(a.stderr(), /development PKI in .*pki \(made ca\.pem ca\.key agent\.pem agent\.key controller\.pem controller\.key\)/);
  const pki = join(state, 'pki');
  for (const f of Object.values(PKI_FILES)) assert.ok(existsSync(join(pki, f)), f);
  assert.doesNotMatch(a.stderr(), /SECURITY/);

  const run = (...args: string[]) => ctl(a.uri, [...args, '--pki', pki, '--timeout', '8000']);
  const get = await run('get', 'Device.DeviceInfo.');
  assert.equal(get.code, 0, get.stderr);
  assert.match(get.stdout, /^Device\.DeviceInfo\.ModelName = tinyusp-sim$/m);
  // The agent says its MTP is encrypted, and it is.
  const enc = await run('get', 'Device.LocalAgent.MTP.1.CoAP.IsEncrypted');
  assert.equal(enc.stdout, 'Device.LocalAgent.MTP.1.CoAP.IsEncrypted = true\n', enc.stderr);

  const set = await run('set', 'Device.DeviceInfo.FriendlyName=kitchen sensor');
  assert.equal(set.code, 0, set.stderr);
  const back = await run('get', 'Device.DeviceInfo.FriendlyName');
  assert.equal(back.stdout, 'Device.DeviceInfo.FriendlyName = kitchen sensor\n');

  // ctl listen as Controller.1 on a coaps:// port of its own; the agent reaches it as a DTLS client.
  let heardPort: (p: string) => void = () => {};
  const port = new Promise<string>((resolve) => (heardPort = resolve));
  // Three ctl runs (two handshakes each) come before the notification: on a loaded machine that
  // takes a while, so listen waits up to a minute.
  const listen = ctl(a.uri, ['listen', '--port', '0', '--count', '1', '--pki', pki, '--timeout', '60000'], (err) => {
    const m = /listening for notifications on coaps:\/\/127\.0\.0\.1:(\d+)\/usp/.exec(err);
    if (m) heardPort(m[1]);
  }, 70_000);
  const p = await Promise.race([port, listen.then((r) => { throw new Error('listen ended early: ' + r.stderr); })]);
  assert.equal((await run('set', `Device.LocalAgent.Controller.1.MTP.1.CoAP.Port=${p}`)).code, 0);
  const sub = await run('subscribe', 'ValueChange', 'Device.DeviceInfo.FriendlyName', '--sub-id', 'vc1');
  assert.equal(sub.code, 0, sub.stderr);
  assert.equal((await run('set', 'Device.DeviceInfo.FriendlyName=over dtls')).code, 0);
  const heard = await listen;
  assert.equal(heard.code, 0, heard.stderr);
  assert.equal(heard.stdout, '[proto::tinyusp-demo] vc1 ValueChange Device.DeviceInfo.FriendlyName = over dtls\n');

  // Restarting on the same state keeps the PKI (no new CA: ctl's certificate still works).
  const caBefore = readFileSync(join(pki, 'ca.pem'), 'utf8');
  await a.stop();
  const again = await agent(t, state, ['--dev-pki']);
  assert.match(again.stderr(), /development PKI in .*pki \(existing files, kept\)/);
  assert.equal(readFileSync(join(pki, 'ca.pem'), 'utf8'), caBefore);
  const get2 = await ctl(again.uri, ['get', 'Device.DeviceInfo.FriendlyName', '--pki', pki, '--timeout', '8000']);
  assert.equal(get2.stdout, 'Device.DeviceInfo.FriendlyName = over dtls\n', get2.stderr);
});

test('the secure agent refuses a controller of another PKI, and ctl refuses an agent that is not the one addressed', async (t) => {
  const state = tempDir(t);
  const a = await agent(t, state, ['--dev-pki']);
  const stranger = tempDir(t);
  // A controller whose certificate another development CA signed (it trusts the agent's CA).
  ensureDevPki({ dir: stranger, agentId: 'proto::tinyusp-demo', controllerId: 'proto::controller-1' });
  const refused = await ctl(a.uri, ['get', 'Device.', '--pki', stranger, '--ca', join(state, 'pki', 'ca.pem'), '--timeout', '8000']);
  assert.equal(refused.code, 3);
  assert.match(refused.stderr, /DTLS handshake with the agent at 127\.0\.0\.1:\d+ failed: SSL_FATAL_ALERT_MESSAGE \(the peer refused\)/);
  const wrongId = await ctl(a.uri, ['get', 'Device.', '--pki', join(state, 'pki'), '--agent-id', 'proto::another-agent', '--timeout', '8000']);
  assert.equal(wrongId.code, 3);
  assert.match(wrongId.stderr, /its certificate is for Endpoint ID proto::tinyusp-demo, not proto::another-agent \(R-MTP\.4\)/);
  // Plaintext to a DTLS port gets nothing back: bounded, exit 3.
  const plain = await ctl(a.uri.replace('coaps:', 'coap:'), ['get', 'Device.', '--timeout', '1000']);
  assert.equal(plain.code, 3);
  assert.match(plain.stderr, /no USP response to GET within 1000 ms/);
});

test('PSK: the agent with --psk-identity/--psk and ctl with the same get and set over coaps://', async (t) => {
  const state = tempDir(t);
  const a = await agent(t, state, ['--psk-identity', 'ctl-1', '--psk', PSK_HEX, '--psk-controller', 'proto::controller-1']);
  assert.match(a.uri, /^coaps:\/\//);
  const run = (...args: string[]) => ctl(a.uri, [...args, '--psk-identity', 'ctl-1', '--psk', PSK_HEX, '--timeout', '8000']);
  const set = await run('set', 'Device.DeviceInfo.FriendlyName=psk');
  assert.equal(set.code, 0, set.stderr);
  const get = await run('get', 'Device.DeviceInfo.FriendlyName');
  assert.equal(get.stdout, 'Device.DeviceInfo.FriendlyName = psk\n', get.stderr);
  const wrong = await ctl(a.uri, ['get', 'Device.', '--psk-identity', 'ctl-1', '--psk', PSK_HEX.replace('0f', 'ff'), '--timeout', '8000']);
  assert.equal(wrong.code, 3);
  assert.match(wrong.stderr, /DTLS handshake with the agent at .* failed: /);
});

test('--psk-file: the agent and ctl read the same file; ctl takes the entry for its own Endpoint ID', async (t) => {
  const state = tempDir(t);
  const file = join(state, 'psk.json');
  writeFileSync(file, JSON.stringify([
    { identity: 'other-1', key: PSK_HEX.replace('0f', 'ee'), controller: 'proto::other' },
    { identity: 'ctl-1', key: PSK_HEX, controller: 'proto::controller-1' },
  ]));
  const a = await agent(t, state, ['--psk-file', file]);
  const set = await ctl(a.uri, ['set', 'Device.DeviceInfo.FriendlyName=from-file', '--psk-file', file, '--timeout', '8000']);
  assert.equal(set.code, 0, set.stderr);
  const get = await ctl(a.uri, ['get', 'Device.DeviceInfo.FriendlyName', '--psk-file', file, '--timeout', '8000']);
  assert.equal(get.stdout, 'Device.DeviceInfo.FriendlyName = from-file\n', get.stderr);
  // As proto::other, ctl offers that entry's identity and key: the agent answers it, as an
  // unknown Controller (UntrustedRole of the demo may not read DeviceInfo).
  const other = await ctl(a.uri, ['get', 'Device.DeviceInfo.FriendlyName', '--psk-file', file, '--id', 'proto::other', '--timeout', '8000']);
  assert.equal(other.code, 1, other.stderr);
  assert.match(other.stdout + other.stderr, /7006|ermission/, other.stdout + other.stderr);
  const none = await ctl(a.uri, ['get', 'Device.', '--psk-file', file, '--id', 'proto::nobody', '--timeout', '8000']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--psk-file .*psk\.json: no entry for our Endpoint ID proto::nobody/);
  const both = await ctl(a.uri, ['get', 'Device.', '--psk-file', file, '--psk-identity', 'ctl-1', '--psk', PSK_HEX]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--psk-file and --psk-identity\/--psk: give one of them/);
});

test('--dev-pki with a PKI made for another agent says how to remake it; with --cert as well it is a usage error', (t) => {
  const state = tempDir(t);
  ensureDevPki({ dir: join(state, 'pki'), agentId: 'proto::another-agent', controllerId: 'proto::controller-1' });
  const r = tinyusp(['agent', '--defaults', DEMO, '--state', state, '--dev-pki', '--port', '0']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--dev-pki: agent\.pem in .* is for proto::another-agent, not the agent proto::tinyusp-demo: run 'tinyusp pki --state .* --force' to remake the PKI/);
  const both = tinyusp(['agent', '--defaults', DEMO, '--state', state, '--dev-pki', '--cert', join(state, 'pki', 'agent.pem')]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--dev-pki gives --cert, --key and --ca: not --cert as well/);
});
