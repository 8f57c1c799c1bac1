// How the agent comes up with and without DTLS credentials (src/device.ts; `tinyusp agent`
// flags): secure by default, plaintext only with --allow-nosec and logged loudly, IsEncrypted
// telling the truth, EnableEncryption honoured on both sides, unusable credentials refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeviceConfigError } from '../../src/device.ts';
import { tempDir, tinyusp } from '../tools/simulator.ts';
import { agentCredentials, agentDefaults, startSecureAgent, PSK_ID, PSK_KEY } from './agent-support.ts';
import { linkSessions } from '../../src/dtls/link-view.ts';

const root = new URL('../..', import.meta.url).pathname;
const S = 'Device.LocalAgent.Subscription.1.';
/** Controller.1 subscribed to Boot!: the agent sends it a Notify as soon as it is up. */
const BOOT_SUBSCRIPTION = {
  [S + 'Enable']: 'true', [S + 'ID']: 'boot', [S + 'Recipient']: 'Device.LocalAgent.Controller.1', [S + 'NotifType']: 'Event',
  [S + 'ReferenceList']: 'Device.Boot!', [S + 'Persistent']: 'true',
};
const psk = { psk: [{ identity: PSK_ID, key: new TextEncoder().encode(PSK_KEY), endpointId: 'proto::controller-1' }] };

test('no credentials and no allowNoSec: the device refuses to start and says what to give', async () => {
  await assert.rejects(startSecureAgent({ defaults: agentDefaults(9) }), (e: Error) =>
    e instanceof DeviceConfigError && /no DTLS credentials: give a certificate, its key and the CA \(--cert\/--key\/--ca\) or a PSK/.test(e.message));
});

test('unusable credentials are refused before anything listens', async () => {
  const cases: [object, RegExp][] = [
    [{ certificate: new Uint8Array(10) }, /a certificate needs its private key/],
    [{ psk: [{ identity: 'x', key: new Uint8Array(4) }] }, /must be 16\.\.64 bytes/],
    [{ certificate: new TextEncoder().encode('not a pem'), privateKey: new TextEncoder().encode('nor this'), trustAnchors: [new TextEncoder().encode('no')] }, /DTLS credentials: dtls: /],
  ];
  for (const [credentials, re] of cases) {
    await assert.rejects(startSecureAgent({ credentials, defaults: agentDefaults(9) }), (e: Error) => e instanceof DeviceConfigError && re.test(e.message), String(re));
  }
});

test('with a PSK: coaps:// URI, IsEncrypted true; with allowNoSec and no credentials: coap://, IsEncrypted false, logged loudly', async () => {
  const secure = await startSecureAgent({ credentials: psk, defaults: agentDefaults(9) });
  try {
    assert.match(secure.device.uri(), /^coaps:\/\//);
    assert.equal(secure.device.core.engine.get('Device.LocalAgent.MTP.1.CoAP.IsEncrypted'), 'true');
    assert.ok(!secure.logs.some((l) => /SECURITY/.test(l)));
  } finally {
    secure.stop();
  }
  const plain = await startSecureAgent({ allowNoSec: true, defaults: agentDefaults(9) });
  try {
    assert.match(plain.device.uri(), /^coap:\/\//);
    assert.equal(plain.device.core.engine.get('Device.LocalAgent.MTP.1.CoAP.IsEncrypted'), 'false');
    assert.equal(plain.device.dtls, undefined);
    assert.ok(plain.logs.some((l) => /warn .*SECURITY: plaintext CoAP/.test(l)));
  } finally {
    plain.stop();
  }
});

test('MTP EnableEncryption false with credentials needs allowNoSec; a Controller MTP without encryption is not contacted in plaintext', async () => {
  await assert.rejects(startSecureAgent({ credentials: psk, defaults: agentDefaults(9, { 'Device.LocalAgent.MTP.1.CoAP.EnableEncryption': 'false' }) }),
    /EnableEncryption is false: plaintext CoAP needs an explicit --allow-nosec/);
  const agent = await startSecureAgent({ credentials: psk, defaults: agentDefaults(9, { ...BOOT_SUBSCRIPTION, 'Device.LocalAgent.Controller.1.MTP.1.CoAP.EnableEncryption': 'false' }) });
  try {
    // The boot notification to Controller.1 would have to go plaintext: it is refused and retried.
    await agent.waitLog(/plaintext coap:\/\/ is not allowed/);
    assert.deepEqual(linkSessions(agent.device.dtls!), { server: 0, client: 0 });
  } finally {
    agent.stop();
  }
});

test('tinyusp agent: bad credential flags are one line and exit 2; --psk-identity/--psk and --psk-file bring it up on coaps://', async (t) => {
  const dir = tempDir(t);
  const defaultsFile = join(dir, 'defaults.json');
  const defaults = JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8'));
  defaults['Device.LocalAgent.MTP.1.CoAP.EnableEncryption'] = 'true';
  writeFileSync(defaultsFile, JSON.stringify(defaults));
  const base = ['agent', '--defaults', defaultsFile, '--state', dir, '--port', '0'];
  let lists = 0;
  const pskList = (entries: object[]) => {
    const f = join(dir, `psk-${++lists}.json`);
    writeFileSync(f, JSON.stringify(entries));
    return f;
  };
  const cases: [string[], RegExp][] = [
    [['--cert', join(dir, 'missing.pem')], /cannot read --cert .*ENOENT/],
    [['--cert', defaultsFile], /DTLS credentials: a certificate needs its private key/],
    [['--psk', '00112233445566778899aabbccddeeff'], /--psk-identity and --psk go together/],
    [['--psk-identity', 'c1', '--psk', 'xyz'], /--psk must be hexadecimal/],
    [['--psk-controller', 'proto::c'], /--psk-controller needs --psk-identity and --psk/],
    [['--psk-file', defaultsFile], /--psk-file .* must be a JSON list/],
    [['--psk-file', pskList([{ identity: 'c1', key: '0011' }])], /DTLS credentials: the PSK of c1 must be 16\.\.64 bytes/],
    [['--psk-file', pskList([{ identity: 'c1' }])], /entry 1 needs "identity" and "key" strings/],
    [['--engine', 'xs', '--psk-file', pskList([{ identity: 'c1', key: '00112233445566778899aabbccddeeff' }])], /--psk-file works with --engine node/],
  ];
  for (const [args, re] of cases) {
    const r = tinyusp([...base, ...args]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, re);
  }
  const child = spawn(process.execPath, [join(root, 'tools/tinyusp.mjs'), ...base, '--psk-identity', 'c1', '--psk', '00112233445566778899aabbccddeeff',
    '--psk-controller', 'proto::controller-1',
    '--psk-file', pskList([{ identity: 'c2', key: 'ffeeddccbbaa99887766554433221100', controller: 'proto::controller-2' }])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('no ready line in 15 s: ' + out)), 15000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /^ready .*$/m.exec(out);
        if (m) (clearTimeout(timer), resolve(m[0]));
      });
    });
    assert.match(line, /^ready proto::tinyusp-demo coaps:\/\/127\.0\.0\.1:\d+\/usp$/);
  } finally {
    child.kill('SIGTERM');
  }
});
