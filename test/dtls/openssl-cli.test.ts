// The openssl CLI as a DTLS 1.2 peer for what libcoap cannot ask for: ECDHE-ECDSA-AES128-GCM-SHA256
// alone (offered for interoperability, issue 11; libcoap's peers settle on CCM_8), in both roles
// with mutual certificates; the extended master secret (RFC 7627); renegotiation refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { run, freePort, hasTool } from '../interop/harness.ts';
import { makePki, certCredentials, ourServer, ourClientGet, type Pki } from './support.ts';

const available = await hasTool('openssl');
if (!available && process.env.CI) throw new Error('openssl is required in CI');
const skip = available ? false : 'openssl not installed';
const GCM = 'ECDHE-ECDSA-AES128-GCM-SHA256';
let pki: Pki;
before(async () => {
  if (available) pki = await makePki();
});
after(() => pki?.remove());

test('openssl s_client (GCM only) completes a handshake with our server', { skip, timeout: 30000 }, async () => {
  const server = await ourServer(certCredentials(pki, 'agent'));
  try {
    const r = await run('openssl', ['s_client', '-dtls1_2', '-connect', '127.0.0.1:' + server.port, '-cipher', GCM,
      '-cert', pki.path('controller.pem'), '-key', pki.path('controller.key'), '-CAfile', pki.path('ca.pem'), '-verify_return_error'], 15000);
    const [o] = await server.waitOutcomes(1);
    assert.equal(o.facts?.cipherSuite, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', JSON.stringify(o) + r.stderr.slice(-300));
    assert.equal(o.facts?.endpointId, 'proto::controller-1');
    // RFC 7627 (RFC 7925 §16): the extended master secret is negotiated.
    assert.match(r.stdout, /Extended master secret: yes/);
    assert.match(r.stdout, /Verify return code: 0 \(ok\)/, 'openssl verified our certificate chain');
  } finally {
    server.close();
  }
});

test('our client completes a handshake and a CoAP exchange with openssl s_server (GCM only)', { skip, timeout: 30000 }, async () => {
  const port = await freePort();
  // s_server echoes nothing by itself; the handshake and the peer facts are what is checked.
  const child = spawn('openssl', ['s_server', '-dtls1_2', '-accept', '127.0.0.1:' + port, '-cipher', GCM,
    '-cert', pki.path('controller.pem'), '-key', pki.path('controller.key'), '-CAfile', pki.path('ca.pem'), '-Verify', '1', '-quiet'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 25000);
  try {
    // No CoAP answer comes back from s_server: the client times out after the handshake, and
    // the bytes s_server printed prove the record decrypted.
    const err = await ourClientGet(certCredentials(pki, 'agent'), port, 'via-gcm', 4000).then(() => undefined, (e: Error) => e);
    assert.match(String(err), /timed out; state open/);
    assert.match(out, /via-gcm/, 'our CoAP request reached s_server decrypted: ' + out.slice(-300));
  } finally {
    clearTimeout(guard);
    child.kill('SIGTERM');
  }
});

test('renegotiation asked by openssl s_client is refused (no_renegotiation)', { skip, timeout: 30000 }, async () => {
  const key = '0123456789abcdef';
  const server = await ourServer({ psk: [{ identity: 'reneg', key: new TextEncoder().encode(key) }] });
  const child = spawn('openssl', ['s_client', '-dtls1_2', '-connect', '127.0.0.1:' + server.port, '-psk_identity', 'reneg',
    '-psk', Buffer.from(key).toString('hex'), '-cipher', 'PSK-AES128-CCM8'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 25000);
  try {
    const [o] = await server.waitOutcomes(1);
    assert.equal(o.facts?.cipherSuite, 'TLS_PSK_WITH_AES_128_CCM_8');
    child.stdin.write('R\n'); // s_client: renegotiate
    for (let i = 0; i < 50 && !/no renegotiation/.test(out); i++) await sleep(100);
    assert.match(out, /RENEGOTIATING/);
    assert.match(out, /no renegotiation/, 'our no_renegotiation alert reached openssl: ' + out.slice(-300));
  } finally {
    clearTimeout(guard);
    child.kill('SIGTERM');
    server.close();
  }
});
