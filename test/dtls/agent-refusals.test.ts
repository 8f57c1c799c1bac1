// What the agent refuses over DTLS, with libcoap peers (OpenSSL and GnuTLS builds): handshakes
// with the wrong credentials never reach the core; a Controller whose certificate names another
// Endpoint ID than the Record's from_id is not served (R-SEC.0a, R-SEC.10a); a Controller server
// whose certificate is not the Controller's gets nothing (R-MTP.4); a DTLS request cannot ask
// for a plaintext answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { needs, missingCommand } from '../support/tools.ts';
import { READER_ID } from '../support/usp-harness.ts';
import { makePki, type Pki } from './support.ts';
import { agentCredentials, agentDefaults, clientAuth, getRecordFile, libcoapServer, postRecord, startSecureAgent, PSK_ID, type SecureAgent } from './agent-support.ts';
import { linkSessions } from '../../src/dtls/link-view.ts';

const missing = missingCommand('coap-client-openssl', 'coap-client-gnutls', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

/** Neither a Record nor a session reached the core: the trace logs every Record handled. */
function nothingServed(agent: SecureAgent): void {
  assert.equal(agent.device.dtls!.stats.handshakes, 0, 'no session opened');
  assert.deepEqual(agent.logs.filter((l) => /usp: /.test(l)), [], 'no Record handled');
}

for (const backend of ['openssl', 'gnutls']) {
  const cases: [string, 'PSK' | 'certificate', string[], RegExp][] = [
    ['a wrong PSK', 'PSK', ['-k', 'not-the-right-key', '-u', PSK_ID], /failed: .*(INVALID_MAC|DECODE_ERROR|FATAL_ALERT|TIMEOUT)|not finished/],
    ['an unknown PSK identity', 'PSK', ['-k', 'usp-psk-key-0123', '-u', 'nobody'], /failed: .*(UNKNOWN_IDENTITY|FATAL_ALERT)/],
    ['no client certificate', 'certificate', ['-C', 'ca.pem', '-R', 'ca.pem'], /failed: .*(NO_CLIENT_CERTIFICATE|BAD_CERTIFICATE|FATAL_ALERT|UNEXPECTED_MESSAGE)/],
    ['a certificate from another CA', 'certificate', ['-c', 'stranger.pem', '-j', 'stranger.key', '-C', 'other-ca.pem', '-n'], /failed: .*(not trusted|NO_CLIENT_CERTIFICATE)/],
    ['an expired certificate', 'certificate', ['-c', 'expired.pem', '-j', 'expired.key', '-C', 'ca.pem', '-R', 'ca.pem'], /failed: .*expired/],
  ];
  for (const [what, mode, rawAuth, why] of cases) {
    test(`refused: coap-client-${backend} with ${what}`, { timeout: 30000 }, async (t) => {
      if (!needs(t, reason)) return;
      const agent = await startSecureAgent({ credentials: agentCredentials(pki, mode), defaults: agentDefaults(9) });
      try {
        const auth = rawAuth.map((a) => (/\.(pem|key)$/.test(a) ? pki.path(a) : a));
        const file = getRecordFile(pki.dir, `refused-${backend}-${mode}`, ['Device.DeviceInfo.']);
        // coap-client exits 0 either way: the agent's side says what happened.
        await postRecord(backend, auth, agent.port, file, 'coaps://127.0.0.1:9/usp', ['-B', '3'], 8000);
        await agent.waitLog(why);
        nothingServed(agent);
      } finally {
        agent.stop();
      }
    });
  }
}

test('refused: a Record whose from_id is not the Endpoint ID of the certificate is not processed, and it is logged (R-SEC.0a)', { timeout: 30000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(9) });
  try {
    // READER_ID is a configured Controller, but the link authenticated proto::controller-1.
    const file = getRecordFile(pki.dir, 'spoofed', ['Device.DeviceInfo.'], READER_ID);
    const r = await postRecord('openssl', clientAuth(pki, 'certificate'), agent.port, file, 'coaps://127.0.0.1:9/usp');
    assert.equal(r.code, 0, 'the CoAP request itself is acknowledged');
    await agent.waitLog(/Record not processed: its from_id is not proto::controller-1/);
    assert.ok(agent.logs.some((l) => /from_id does not match the MTP identity/.test(l)));
    assert.equal(linkSessions(agent.device.dtls!).client, 0, 'no answer was sent');
  } finally {
    agent.stop();
  }
});

test('refused: over DTLS, a reply-to that is not coaps:// gets 4.00 (no downgrade)', { timeout: 30000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(9) });
  try {
    const file = getRecordFile(pki.dir, 'plain-reply', ['Device.DeviceInfo.']);
    const r = await postRecord('openssl', clientAuth(pki, 'certificate'), agent.port, file, 'coap://127.0.0.1:9/usp');
    assert.match(r.stderr, /^4\.00 reply-to must be coaps over DTLS/);
    assert.deepEqual(agent.logs.filter((l) => /usp: |not delivered/.test(l)), [], 'no Record handled, nothing sent');
    assert.equal(agent.device.dtls!.stats.handshakes, 1, 'the session itself was fine');
  } finally {
    agent.stop();
  }
});

test('refused (R-MTP.4): a Controller server whose certificate names another Endpoint ID gets no Record', { timeout: 40000 }, async (t) => {
  if (!needs(t, reason)) return;
  // The server presents the agent's own certificate: trusted CA, but not proto::controller-1.
  const srv = await libcoapServer('openssl', clientAuth(pki, 'certificate', 'agent'));
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(srv.port) });
  try {
    const file = getRecordFile(pki.dir, 'mtp4', ['Device.DeviceInfo.SerialNumber']);
    const r = await postRecord('openssl', clientAuth(pki, 'certificate'), agent.port, file, `coaps://127.0.0.1:${srv.port}/usp/m4`);
    assert.equal(r.code, 0);
    await agent.waitLog(/refused: its certificate is for Endpoint ID os::00256D-0000000001, not proto::controller-1 \(R-MTP\.4\)/);
    assert.equal(linkSessions(agent.device.dtls!).client, 0);
    assert.doesNotMatch(srv.output(), /c:POST/);
  } finally {
    agent.stop();
    srv.stop();
  }
});
