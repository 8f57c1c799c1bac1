// DTLS between the UDP socket and the agent's CoAP endpoint (src/coap/endpoint.ts), wired the way
// firmware/dtls/README.md tells the integrator: a Block1 upload (RFC 7959) from libcoap's
// coap-client through DTLS (PSK and mutual certificates) is reassembled by the endpoint, and the
// CoAP layer's retransmission state and ours stay separate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createHostNet } from '../../hal/host/net.ts';
import type { DtlsContextOptions, DtlsSession } from '../../hal/hal.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { Code } from '../../src/coap/constants.ts';
import type { CoapRequest } from '../../src/coap/types.ts';
import { host } from '../../boards/host/profile.ts';
import { run, hasTool } from '../interop/harness.ts';
import { hostDtls, makePki, certCredentials, type Pki } from './support.ts';

const tools = ['coap-client-openssl', 'coap-client-gnutls', 'openssl'];
const missing: string[] = [];
for (const t of tools) if (!(await hasTool(t))) missing.push(t);
if (missing.length && process.env.CI) throw new Error('required in CI: ' + missing.join(', '));
const skip = missing.length ? 'not installed: ' + missing.join(', ') : false;

interface Secure {
  port: number;
  uploads: { payload: Uint8Array; endpointId?: string; pskIdentity?: string }[];
  close(): void;
}

/** A CoAP endpoint behind our DTLS server, on 127.0.0.1. */
/** `replyPad`: bytes of '.' after the answer's 'got N ', to make its record a long one. */
async function secureEndpoint(options: Omit<DtlsContextOptions, 'role'>, replyPad = 0): Promise<Secure> {
  const ctx = hostDtls().context({ role: 'server', ...options });
  const sessions = new Map<string, DtlsSession>();
  const uploads: Secure['uploads'] = [];
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  let timer: NodeJS.Timeout | undefined;
  const net = createHostNet();
  const flush = (key: string, s: DtlsSession) => {
    const [address, port] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
    let d;
    while ((d = s.takeOutgoing())) socket.send(d, address, port);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    let next = ep.nextDeadline();
    for (const s of sessions.values()) if (s.nextTimeoutMs() >= 0) next = Math.min(next, s.nextTimeoutMs());
    if (next === Infinity) return;
    timer = setTimeout(() => {
      const t = now();
      for (const [key, s] of sessions) {
        s.step(t);
        flush(key, s);
        if (s.state === 'failed' || s.state === 'closed') (s.close(), sessions.delete(key));
      }
      ep.step(t);
      schedule();
    }, Math.max(0, next - now()) + 1);
  };
  const ep = new CoapEndpoint({
    // The CoAP layer sends to a peer; DTLS turns it into a record of that peer's session.
    send: (bytes, peer) => {
      const key = peer.address + ':' + peer.port;
      const s = sessions.get(key);
      if (s && s.state === 'open') {
        s.writeApplication(bytes, now());
        flush(key, s);
      }
    },
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    limits: host.limits,
    transmission: host.coap,
    resource: {
      handle(req: CoapRequest) {
        const s = sessions.get(req.peer.address + ':' + req.peer.port);
        const peer = s?.peer();
        uploads.push({ payload: req.payload.slice(), endpointId: peer?.endpointId, pskIdentity: peer?.pskIdentity });
        return { code: Code.CHANGED, payload: new TextEncoder().encode('got ' + req.payload.length + (replyPad ? ' ' + '.'.repeat(replyPad) : '')) };
      },
    },
  });
  const socket = net.udp({
    address: '127.0.0.1',
    onDatagram(data, address, port) {
      const key = address + ':' + port;
      const t = now();
      let s = sessions.get(key);
      if (!s) {
        const h = ctx.hello(data, key, t);
        if (h.action === 'reply') return socket.send(h.datagram, address, port);
        if (h.action === 'drop') return;
        s = h.session;
        sessions.set(key, s);
      } else s.feed(data, t);
      let app;
      while ((app = s.readApplication())) ep.receive(app, { address, port }, t);
      flush(key, s);
      if (s.state === 'failed' || s.state === 'closed') (s.close(), sessions.delete(key));
      schedule();
    },
  });
  await socket.ready;
  return {
    port: socket.port,
    uploads,
    close() {
      if (timer) clearTimeout(timer);
      for (const s of sessions.values()) s.close();
      ep.close();
      ctx.dispose();
      socket.close();
    },
  };
}

let pki: Pki;
before(async () => {
  if (!skip) pki = await makePki();
});
after(() => pki?.remove());

// 256-byte blocks, and 1024-byte blocks with a 900-byte answer: long records both ways through
// the module's lean CCM (firmware/dtls/tinyusp_lean_ccm.c) against OpenSSL's and GnuTLS's.
const cases = [[256, 0], [1024, 900]] as const;
for (const backend of ['openssl', 'gnutls']) {
  for (const mode of ['PSK', 'certificate'] as const) for (const [block, pad] of cases) {
    test(`Block1 upload of 3000 bytes in ${block}-byte blocks from coap-client-${backend} over DTLS (${mode})${pad ? `, ${pad}-byte padded answer` : ''}`, { skip, timeout: 30000 }, async () => {
      const secure = await secureEndpoint(mode === 'PSK' ? { psk: [{ identity: 'uploader', key: new TextEncoder().encode('upload-key-01234') }] } : certCredentials(pki, 'agent'), pad);
      try {
        const body = new Uint8Array(3000).map((_, i) => (i * 7 + 3) & 0xff);
        const file = join(pki.dir, `body-${backend}-${mode}.bin`);
        writeFileSync(file, body);
        const auth = mode === 'PSK' ? ['-k', 'upload-key-01234', '-u', 'uploader']
          : ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')];
        const r = await run('coap-client-' + backend, ['-m', 'post', '-b', String(block), '-f', file, '-B', '10', ...auth, `coaps://127.0.0.1:${secure.port}/upload`], 20000);
        assert.match(r.stdout, pad ? new RegExp(`got 3000 \\.{${pad}}`) : /got 3000/, r.stdout + r.stderr.slice(-400));
        assert.equal(secure.uploads.length, 1, 'handled once');
        assert.deepEqual(secure.uploads[0].payload, body);
        if (mode === 'PSK') assert.equal(secure.uploads[0].pskIdentity, 'uploader');
        else assert.equal(secure.uploads[0].endpointId, 'proto::controller-1');
      } finally {
        secure.close();
      }
    });
  }
}
