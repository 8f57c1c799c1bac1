// Handshakes and requests through 20% datagram loss with OpenSSL peers (issue 11; the GnuTLS
// builds do not resend their last flight, platform-notes.md): RFC 6347 §4.2.4 retransmission on
// both sides must carry every handshake through, in both roles, PSK and ECDSA.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { run, freePort, hasTool } from '../interop/harness.ts';
import { makePki, certCredentials, ourServer, ourClientGet, lossyProxy, type Pki, type OurServer } from './support.ts';

const tools = ['coap-client-openssl', 'coap-server-openssl', 'openssl'];
const missing: string[] = [];
for (const t of tools) if (!(await hasTool(t))) missing.push(t);
if (missing.length && process.env.CI) throw new Error('required in CI: ' + missing.join(', '));
const skip = missing.length ? 'not installed: ' + missing.join(', ') : false;

const KEY = 'lossy-link-key-1';
const te = new TextEncoder();
const LOSS = 0.2;
let pki: Pki;
before(async () => {
  if (!skip) pki = await makePki();
});
after(() => pki?.remove());

describe('20% loss, OpenSSL peers', { skip, concurrency: 1 }, () => {
  let server: OurServer;
  after(() => server?.close());

  for (const mode of ['PSK', 'ECDSA'] as const) {
    test(`our server <- coap-client-openssl, ${mode}: every handshake and request completes`, { timeout: 120000 }, async () => {
      server = await ourServer(mode === 'PSK' ? { psk: [{ identity: 'lossy', key: te.encode(KEY) }] } : certCredentials(pki, 'agent'));
      const args = mode === 'PSK' ? ['-k', KEY, '-u', 'lossy'] : ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')];
      let dropped = 0;
      for (let i = 0; i < 3; i++) {
        // coap-client-openssl sometimes abandons a handshake under this loss while our side is
        // still answering its retransmissions (seen about once in 30 ECDSA runs; our resending of
        // the final flight is checked deterministically in host-dtls.test.ts). A user would run
        // it again, so one restart is allowed: the request must still complete.
        let served = false;
        let last = '';
        for (let attempt = 0; attempt < 2 && !served; attempt++) {
          const proxy = await lossyProxy(server.port, LOSS, 0x1234 + i * 77 + attempt * 13 + (mode === 'PSK' ? 0 : 5));
          try {
            const r = await run('coap-client-openssl', ['-B', '40', '-m', 'get', ...args, `coaps://127.0.0.1:${proxy.port}/lossy-${mode}-${i}`], 50000);
            served = r.stdout.includes(`tinyusp:lossy-${mode}-${i}`);
            last = `exit ${r.code}, sessions ${JSON.stringify(server.outcomes.map((o) => [o.peer, o.state, o.error]))}, client: ${r.stdout} ${r.stderr.slice(-600)}`;
            dropped += proxy.dropped;
          } finally {
            proxy.close();
          }
        }
        assert.ok(served, `run ${i}: ${last}`);
        // A session the peer abandoned mid-handshake ends in SSL_TIMEOUT; nothing else may fail.
        assert.ok(!server.outcomes.some((o) => o.state === 'failed' && !/SSL_TIMEOUT/.test(o.error ?? '')), 'sessions: ' + JSON.stringify(server.outcomes));
      }
      assert.ok(dropped > 0, 'the link did lose datagrams');
      server.close();
    });

    test(`our client -> coap-server-openssl, ${mode}: every handshake and request completes`, { timeout: 120000 }, async () => {
      const port = await freePort();
      const args = mode === 'PSK' ? ['-k', KEY] : ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')];
      const child = spawn('coap-server-openssl', ['-A', '127.0.0.1', '-p', String(port - 1), ...args], { stdio: 'ignore' });
      const guard = setTimeout(() => child.kill('SIGKILL'), 110000);
      let dropped = 0;
      try {
        for (let i = 0; i < 3; i++) {
          const proxy = await lossyProxy(port, LOSS, 0x4321 + i * 31 + (mode === 'PSK' ? 0 : 3));
          try {
            const creds = mode === 'PSK' ? { psk: [{ identity: 'lossy', key: te.encode(KEY) }] } : certCredentials(pki, 'agent');
            const r = await ourClientGet(creds, proxy.port, '', 40000);
            assert.equal(r.code, 69);
            dropped += proxy.dropped;
          } finally {
            proxy.close();
          }
        }
      } finally {
        clearTimeout(guard);
        child.kill('SIGTERM');
      }
      assert.ok(dropped > 0, 'the link did lose datagrams');
    });
  }
});
