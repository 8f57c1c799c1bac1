// `tinyusp ctl` over DTLS against independent peers (Debian libcoap3-bin, OpenSSL build), with
// the certificates `tinyusp pki` makes: as a DTLS client (its requests) to coap-server, and as
// a DTLS server (the agent's POSTs to its coaps:// reply-to URI) to coap-client. Each refusal
// names its reason. The USP round trip with the agent itself is in quickstart.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, toBinary } from '@bufbuild/protobuf';
import { Header_MsgType, MsgSchema } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema } from '../../gen/usp/usp-record_pb.ts';
import { ensureDevPki } from '../../tools/pki/dev-pki.ts';
import { freePort, run } from '../interop/harness.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { ctl, tempDir } from './simulator.ts';

const missing = () => missingCommand('coap-server-openssl', 'coap-client-openssl') && 'libcoap not found (apt-get install libcoap3-bin)';
const KEY = 'tinyusp-psk-0123'; // libcoap takes the key as text; ctl as hex
const KEY_HEX = Buffer.from(KEY).toString('hex');

function pkis(t: { after(fn: () => void): void }) {
  const ours = tempDir(t);
  const theirs = tempDir(t);
  for (const dir of [ours, theirs]) ensureDevPki({ dir, agentId: 'proto::tinyusp-demo', controllerId: 'proto::controller-1' });
  return { ours, theirs };
}

/** coap-server-openssl with DTLS on a free port (it listens for DTLS on -p + 1); stopped after the test. */
async function coapServer(t: { after(fn: () => void): void }, args: string[]): Promise<number> {
  const port = await freePort();
  const child: ChildProcess = spawn('coap-server-openssl', ['-A', '127.0.0.1', '-p', String(port - 1), '-v', '0', ...args], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await new Promise((r) => setTimeout(r, 300));
  return port;
}

test('ctl as a DTLS client: certificate and PSK handshakes with coap-server complete; its CoAP answer comes back decrypted', async (t) => {
  if (!needs(t, missing())) return;
  const { ours } = pkis(t);
  const cert = await coapServer(t, ['-c', join(ours, 'agent.pem'), '-j', join(ours, 'agent.key'), '-C', join(ours, 'ca.pem'), '-R', join(ours, 'ca.pem')]);
  // coap-server has no /usp resource: its 4.04, read through the session, ends the request.
  const viaCert = await ctl(`coaps://127.0.0.1:${cert}/usp`, ['get', 'Device.', '--pki', ours, '--timeout', '8000']);
  assert.equal(viaCert.code, 3, viaCert.stderr);
  assert.match(viaCert.stderr, new RegExp(`request not delivered to coaps://127\\.0\\.0\\.1:${cert}/usp: CoAP 4\\.04`));

  const psk = await coapServer(t, ['-k', KEY]);
  const viaPsk = await ctl(`coaps://127.0.0.1:${psk}/usp`, ['get', 'Device.', '--psk-identity', 'controller-1', '--psk', KEY_HEX, '--timeout', '8000']);
  assert.equal(viaPsk.code, 3, viaPsk.stderr);
  assert.match(viaPsk.stderr, /CoAP 4\.04/);
});

test('ctl as a DTLS client refuses an agent of another CA or Endpoint ID, and says why it was refused', async (t) => {
  if (!needs(t, missing())) return;
  const { ours, theirs } = pkis(t);
  const agent = await coapServer(t, ['-c', join(ours, 'agent.pem'), '-j', join(ours, 'agent.key'), '-C', join(ours, 'ca.pem'), '-R', join(ours, 'ca.pem')]);
  const uri = `coaps://127.0.0.1:${agent}/usp`;
  const cases: [string, string[], RegExp][] = [
    ['R-MTP.4: the certificate must name the agent we address', ['--pki', ours, '--agent-id', 'proto::someone-else'],
      /DTLS handshake with the agent at 127\.0\.0\.1:\d+ failed: its certificate is for Endpoint ID proto::tinyusp-demo, not proto::someone-else \(R-MTP\.4\)/],
    ['we do not trust the agent\'s CA', ['--pki', ours, '--ca', join(theirs, 'ca.pem')], /failed: X509_CERT_VERIFY_FAILED \(-0x2700\): not trusted/],
    ['the agent does not trust ours', ['--pki', theirs, '--ca', join(ours, 'ca.pem')], /failed: SSL_FATAL_ALERT_MESSAGE \(the peer refused\)/],
  ];
  for (const [why, args, expected] of cases) {
    const r = await ctl(uri, ['get', 'Device.', ...args, '--timeout', '8000']);
    assert.equal(r.code, 3, why);
    assert.match(r.stderr, expected, why);
  }
  const psk = await coapServer(t, ['-k', KEY]);
  const wrong = await ctl(`coaps://127.0.0.1:${psk}/usp`, ['get', 'Device.', '--psk-identity', 'controller-1', '--psk', Buffer.from('another-psk-0123').toString('hex'), '--timeout', '8000']);
  assert.equal(wrong.code, 3);
  // OpenSSL drops a Finished with the wrong key silently: our handshake gives up before the USP wait does.
  assert.match(wrong.stderr, /DTLS handshake with the agent at .* failed: SSL_TIMEOUT \(-0x6800\) \(no answer to the handshake: .*wrong PSK\)/);
  // Not a DTLS server at all (coap-server's plaintext port): the wait is bounded and says so.
  const plain = await ctl(`coaps://127.0.0.1:${psk - 1}/usp`, ['get', 'Device.', '--pki', ours, '--timeout', '1500']);
  assert.equal(plain.code, 3);
  assert.match(plain.stderr, /DTLS handshake with the agent at 127\.0\.0\.1:\d+ failed: SSL_TIMEOUT .*no DTLS server there/);
});

/** A Notify Record from `fromId` to proto::controller-1 (send_resp false: nothing to answer). */
function notifyRecord(dir: string, fromId: string): string {
  const msg = create(MsgSchema, {
    header: { msgId: 'n-1', msgType: Header_MsgType.NOTIFY },
    body: { msgBody: { case: 'request', value: { reqType: { case: 'notify', value: {
      subscriptionId: 'vc1', sendResp: false,
      notification: { case: 'valueChange', value: { paramPath: 'Device.DeviceInfo.FriendlyName', paramValue: 'over dtls' } },
    } } } } },
  });
  const record = create(RecordSchema, {
    version: '1.3', toId: 'proto::controller-1', fromId,
    recordType: { case: 'noSessionContext', value: { payload: toBinary(MsgSchema, msg) } },
  });
  const file = join(dir, `notify-${fromId.replace(/\W/g, '_')}.bin`);
  writeFileSync(file, toBinary(RecordSchema, record));
  return file;
}

test('ctl listen as a DTLS server: a Notify from a certified agent is printed; a forged from_id and a stranger\'s certificate are refused', async (t) => {
  if (!needs(t, missing())) return;
  const { ours, theirs } = pkis(t);
  let onStderr: (err: string) => void = () => {};
  const listen = ctl('coaps://127.0.0.1:9/usp', ['listen', '--port', '0', '--count', '1', '--pki', ours, '--timeout', '60000'], (e) => onStderr(e), 70_000);
  const listenUri = new Promise<string>((resolve) => {
    void listen.then(() => resolve(''));
    onStderr = (err) => {
      const m = /listening for notifications on (coaps:\/\/127\.0\.0\.1:\d+\/usp)/.exec(err);
      if (m) resolve(m[1]);
    };
  });
  const uri = await listenUri;
  assert.ok(uri, 'ctl listen did not start');
  // libcoap sends the Uri-Query reply-to as USP requires (R-COAP.2); Content-Format 42.
  const post = (who: string, record: string) => run('coap-client-openssl', ['-B', '3', '-m', 'post', '-t', '42', '-f', record,
    '-c', join(who, 'agent.pem'), '-j', join(who, 'agent.key'), '-C', join(ours, 'ca.pem'), '-R', join(ours, 'ca.pem'),
    `${uri}?reply-to=coaps://127.0.0.1:9/usp`], 10_000);

  const stranger = await post(theirs, notifyRecord(ours, 'proto::tinyusp-demo'));
  assert.doesNotMatch(stranger.stdout, /over dtls/);
  const forged = await post(ours, notifyRecord(ours, 'proto::impostor'));
  assert.match(forged.stdout + forged.stderr, /4\.00/);
  const genuine = await post(ours, notifyRecord(ours, 'proto::tinyusp-demo'));
  assert.equal(genuine.code, 0, genuine.stderr);

  const heard = await listen;
  assert.equal(heard.code, 0, heard.stderr);
  assert.equal(heard.stdout, '[proto::tinyusp-demo] vc1 ValueChange Device.DeviceInfo.FriendlyName = over dtls\n');
  assert.match(heard.stderr, /refused: a DTLS session from 127\.0\.0\.1:\d+ failed: X509_CERT_VERIFY_FAILED \(-0x2700\): not trusted/);
  assert.match(heard.stderr, /refused: a Record from_id proto::impostor came over a session certified for proto::tinyusp-demo; dropped/);
});

test('the controller library holding no credentials for the agent it addresses (a PSK bound to another agent) sends nothing, and its timeout says why', async () => {
  const { Controller, UspTimeoutError } = await import('../../tools/controller/controller.ts');
  const c = await Controller.open({ endpointId: 'proto::controller-1', timeoutMs: 600, dtls: { credentials: { psk: [{ identity: 'controller-1', key: Buffer.from(KEY), endpointId: 'proto::other-agent' }] } } });
  try {
    await assert.rejects(c.request('coaps://127.0.0.1:9/usp', 'proto::tinyusp-demo', { reqType: { case: 'get', value: { paramPaths: ['Device.'], maxDepth: 0 } } }, Header_MsgType.GET),
      (e: Error) => e instanceof UspTimeoutError && /last DTLS warning: dtls: no credentials to reach proto::tinyusp-demo at coaps:\/\/127\.0\.0\.1:9; not sent/.test(e.message));
  } finally {
    c.close();
  }
});
