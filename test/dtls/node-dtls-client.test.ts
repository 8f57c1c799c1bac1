// node-dtls-client (npm; an independent TypeScript DTLS client, PSK only) as one more peer of
// our DTLS server (issue 11): a CoAP GET over TLS_PSK_WITH_AES_128_CCM_8, and a wrong key refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dtls } from 'node-dtls-client';
import { CoapType, Code, Method, Option } from '../../src/coap/constants.ts';
import { decodeMessage, encodeMessage } from '../../src/coap/message.ts';
import { ourServer, type OurServer } from './support.ts';

const te = new TextEncoder();
let server: OurServer;

before(async () => {
  server = await ourServer({ psk: [{ identity: 'node-client', key: te.encode('node-dtls-key-16') }] });
});
after(() => server?.close());

/** Connects with node-dtls-client, sends one CoAP GET, resolves with the response or the error. */
function get(key: string, path: string): Promise<{ code: number; payload: string } | { error: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const socket = dtls.createSocket({
      type: 'udp4',
      address: '127.0.0.1',
      port: server.port,
      psk: { 'node-client': key },
      timeout: 3000,
      ciphers: ['TLS_PSK_WITH_AES_128_CCM_8'],
    });
    const done = (r: { code: number; payload: string } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      try {
        socket.close();
      } catch {
        // already closed by the error path
      }
      resolve(r);
    };
    const guard = setTimeout(() => done({ error: 'no answer within 8 s' }), 8000);
    socket.on('connected', () => {
      const out = new Uint8Array(256);
      const n = encodeMessage({
        type: CoapType.CON, code: Method.GET, messageId: 7, token: new Uint8Array([9, 9]),
        options: [{ number: Option.URI_PATH, value: te.encode(path) }], payload: new Uint8Array(0),
      }, out);
      socket.send(Buffer.from(out.subarray(0, n)));
    });
    socket.on('message', (msg: Buffer) => {
      const m = decodeMessage(new Uint8Array(msg));
      if (m.ok) done({ code: m.message.code, payload: new TextDecoder().decode(m.message.payload) });
    });
    socket.on('error', (e: Error) => done({ error: String(e.message || e) }));
  });
}

test('node-dtls-client (PSK) gets a CoAP response through our DTLS server', async () => {
  const seen = server.outcomes.length;
  const r = await get('node-dtls-key-16', 'from-node');
  assert.deepEqual(r, { code: Code.CONTENT, payload: 'tinyusp:from-node' });
  const [o] = (await server.waitOutcomes(seen + 1)).slice(seen);
  assert.equal(o.facts?.pskIdentity, 'node-client');
  assert.equal(o.facts?.cipherSuite, 'TLS_PSK_WITH_AES_128_CCM_8');
});

test('node-dtls-client with a wrong key is refused', async () => {
  const seen = server.outcomes.length;
  const r = await get('wrong-key-000000', 'never');
  assert.ok('error' in r, 'the client sees no response: ' + JSON.stringify(r));
  const [o] = (await server.waitOutcomes(seen + 1)).slice(seen);
  assert.equal(o.state, 'failed');
  assert.match(o.error ?? '', /INVALID_MAC/);
  assert.ok(!server.served.includes('never'));
});
