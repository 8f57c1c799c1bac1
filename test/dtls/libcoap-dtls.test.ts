// Our DTLS (hal/host/dtls.ts, mbedTLS 3.6 in WebAssembly) against independent peers: Debian
// libcoap3-bin's coap-client/coap-server in their OpenSSL and GnuTLS builds, over real UDP on
// 127.0.0.1 (issue 11, "Tests with real peers"). PSK (RFC 7925 §4.2) and mutual ECDSA P-256
// certificates (RFC 7925 §4.4, R-MTP.1), both roles, and the refusals the agent relies on.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { run, freePort, hasTool } from '../interop/harness.ts';
import { makePki, certCredentials, ourServer, ourClientGet, type Pki, type OurServer } from './support.ts';

const BACKENDS = ['openssl', 'gnutls'] as const;
const tools = [...BACKENDS.flatMap((b) => ['coap-client-' + b, 'coap-server-' + b]), 'openssl'];
const missing: string[] = [];
for (const t of tools) if (!(await hasTool(t))) missing.push(t);
// In CI (.ci/run installs libcoap3-bin and openssl) a missing peer is a failure, never a skip.
if (missing.length && process.env.CI) throw new Error('required in CI: ' + missing.join(', '));
const skip = missing.length ? 'not installed: ' + missing.join(', ') : false;

const KEY = 'tinyusp-secret-1';
const ID = 'controller-1';
const te = new TextEncoder();

let pki: Pki;
let pskServer: OurServer;
let certServer: OurServer;

before(async () => {
  if (skip) return;
  pki = await makePki();
  pskServer = await ourServer({ psk: [{ identity: ID, key: te.encode(KEY) }, { identity: 'other', key: te.encode('another-key-0000') }] });
  certServer = await ourServer(certCredentials(pki, 'agent'));
});

after(() => {
  pskServer?.close();
  certServer?.close();
  pki?.remove();
});

/** Runs a coap-client against `server` and returns its output and the session it made there. */
async function client(server: OurServer, backend: string, args: string[], path = 'hello', expectRefusal = false) {
  const seen = server.outcomes.length;
  // coap-client exits at the response, but waits out -B after a refused handshake: keep that short.
  const wait = expectRefusal ? '2' : '8';
  const r = await run('coap-client-' + backend, ['-B', wait, '-m', 'get', ...args, `coaps://127.0.0.1:${server.port}/${path}`], 15000);
  const outcomes = await server.waitOutcomes(seen + 1, 10000);
  const mine = outcomes.slice(seen);
  assert.equal(mine.length, 1, 'one session per client run (the cookie exchange keeps no state): ' + JSON.stringify(mine));
  return { out: r.stdout + r.stderr, outcome: mine[0], served: server.served.includes(path) };
}

describe('our DTLS server, libcoap clients', { skip }, () => {
  for (const backend of BACKENDS) {
    test(`PSK: coap-client-${backend} gets a response, the server sees its identity`, async () => {
      const { out, outcome } = await client(pskServer, backend, ['-k', KEY, '-u', ID], 'psk-' + backend);
      assert.match(out, new RegExp('tinyusp:psk-' + backend));
      assert.equal(outcome.facts?.cipherSuite, 'TLS_PSK_WITH_AES_128_CCM_8');
      assert.equal(outcome.facts?.pskIdentity, ID);
      assert.equal(outcome.facts?.endpointId, undefined);
    });

    test(`certificate: coap-client-${backend} (mutual ECDSA) gets a response, its Endpoint ID is reported`, async () => {
      const { out, outcome } = await client(certServer, backend,
        ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')], 'cert-' + backend);
      assert.match(out, new RegExp('tinyusp:cert-' + backend));
      assert.match(outcome.facts?.cipherSuite ?? '', /^TLS_ECDHE_ECDSA_WITH_AES_128_(CCM_8|GCM_SHA256)$/);
      assert.equal(outcome.facts?.endpointId, 'proto::controller-1');
      const cert = outcome.facts?.certificate;
      assert.ok(cert && cert.notBeforeMs <= Date.now() && Date.now() < cert.notAfterMs, 'validity dates of a current certificate');
    });

    test(`refused: wrong PSK from coap-client-${backend}`, async () => {
      const { outcome, served } = await client(pskServer, backend, ['-k', 'not-the-right-k', '-u', ID], 'wrongkey-' + backend, true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.error ?? '', /INVALID_MAC|DECODE_ERROR|FATAL_ALERT/);
    });

    test(`refused: unknown PSK identity from coap-client-${backend}`, async () => {
      const { outcome, served } = await client(pskServer, backend, ['-k', KEY, '-u', 'nobody'], 'unknownid-' + backend, true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.error ?? '', /UNKNOWN_IDENTITY/);
    });

    test(`refused: coap-client-${backend} without a certificate`, async () => {
      const { outcome, served } = await client(certServer, backend, ['-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')], 'nocert-' + backend, true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.error ?? '', /NO_CLIENT_CERTIFICATE|BAD_CERTIFICATE|X509_CERT_VERIFY_FAILED|HANDSHAKE_FAILURE/);
    });

    test(`refused: coap-client-${backend} with a certificate from another CA`, async () => {
      const { outcome, served } = await client(certServer, backend,
        ['-c', pki.path('stranger.pem'), '-j', pki.path('stranger.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')], 'stranger-' + backend, true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      // GnuTLS does not send a certificate whose issuer is not among the CAs our
      // CertificateRequest names (RFC 5246 §7.4.4), so it arrives without one.
      assert.match(outcome.error ?? '', backend === 'gnutls' ? /X509_CERT_VERIFY_FAILED.*not trusted|NO_CLIENT_CERTIFICATE/ : /X509_CERT_VERIFY_FAILED.*not trusted/);
    });

    test(`refused: coap-client-${backend} with an expired certificate`, async () => {
      const { outcome, served } = await client(certServer, backend,
        ['-c', pki.path('expired.pem'), '-j', pki.path('expired.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')], 'expired-' + backend, true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.error ?? '', /X509_CERT_VERIFY_FAILED.*expired/);
    });
  }
});

/** Starts coap-server-<backend> with DTLS on a free port; returns the DTLS port and a stop. */
async function coapServer(backend: string, args: string[]): Promise<{ port: number; stop(): void; output(): string }> {
  // coap-server listens for DTLS on -p + 1: ask for a free port and use the one below it.
  const port = await freePort();
  const child: ChildProcess = spawn('coap-server-' + backend, ['-A', '127.0.0.1', '-p', String(port - 1), '-v', '4', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 30000);
  return {
    port,
    output: () => output,
    stop() {
      clearTimeout(guard);
      child.kill('SIGTERM');
    },
  };
}

describe('our DTLS client, libcoap servers', { skip }, () => {
  for (const backend of BACKENDS) {
    test(`PSK: GET from coap-server-${backend}`, async () => {
      const srv = await coapServer(backend, ['-k', KEY]);
      try {
        // The first ClientHello may come before the server binds: RFC 6347 retransmission covers it.
        const r = await ourClientGet({ psk: [{ identity: ID, key: te.encode(KEY) }] }, srv.port, '', 12000);
        assert.equal(r.code, 69, '2.05 Content');
        assert.match(r.payload, /libcoap/);
        assert.equal(r.peer?.cipherSuite, 'TLS_PSK_WITH_AES_128_CCM_8');
      } finally {
        srv.stop();
      }
    });

    test(`certificate: GET from coap-server-${backend} (mutual ECDSA), its Endpoint ID is reported`, async () => {
      const srv = await coapServer(backend, ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')]);
      try {
        const r = await ourClientGet(certCredentials(pki, 'agent'), srv.port, '', 12000);
        assert.equal(r.code, 69);
        assert.match(r.peer?.cipherSuite ?? '', /^TLS_ECDHE_ECDSA_WITH_AES_128_(CCM_8|GCM_SHA256)$/);
        assert.equal(r.peer?.endpointId, 'proto::controller-1');
      } finally {
        srv.stop();
      }
    });

    test(`refused: coap-server-${backend} presenting a certificate from another CA`, async () => {
      const srv = await coapServer(backend, ['-c', pki.path('stranger.pem'), '-j', pki.path('stranger.key'), '-C', pki.path('other-ca.pem'), '-n']);
      try {
        await assert.rejects(ourClientGet(certCredentials(pki, 'agent'), srv.port, '', 12000), /X509_CERT_VERIFY_FAILED.*not trusted/);
      } finally {
        srv.stop();
      }
    });

    test(`refused: coap-server-${backend} with another PSK`, async () => {
      const srv = await coapServer(backend, ['-k', 'a-different-key!']);
      try {
        // A peer that silently drops our Finished (OpenSSL) leaves the handshake to time out
        // (RFC 6347 §4.2.4); one that alerts (GnuTLS) ends it at once. Either way: no session.
        const fast = { initial: 400, max: 1600 };
        await assert.rejects(ourClientGet({ psk: [{ identity: ID, key: te.encode(KEY) }], handshakeTimeoutMs: fast }, srv.port, '', 12000),
          /dtls failed: (SSL_TIMEOUT|SSL_INVALID_MAC|SSL_FATAL_ALERT|SSL_DECODE_ERROR)/);
      } finally {
        srv.stop();
      }
    });
  }
});
