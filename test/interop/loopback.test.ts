// Our CoAP stack against itself over real UDP on loopback (no libcoap needed, so never skipped
// for its absence): a Block1 Record between two instances of our USP binding, and udp6 on ::1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { Code, Method } from '../../src/coap/constants.ts';
import type { CoapResult } from '../../src/coap/types.ts';
import { UspCoapBinding, type SendOutcome } from '../../src/mtp/coap.ts';
import { liveEndpoint } from './harness.ts';
import { collecting } from '../coap/fixture.ts';

function pattern(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 255;
  return b;
}

test('our binding sends a 5 KB Record (Block1) to a second instance of our server over real UDP', async (t) => {
  const got: Uint8Array[] = [];
  const ctrl = await liveEndpoint('127.0.0.1');
  const peer = await liveEndpoint('127.0.0.1');
  t.after(() => { ctrl.close(); peer.close(); });
  const ctrlBinding = new UspCoapBinding(ctrl.ep, { path: 'ctrl', interfaceType: 'bbf.usp.c' }, () => 'ok');
  new UspCoapBinding(peer.ep, { path: 'usp' }, (r) => (got.push(r.slice()), 'ok'));
  const outcome = await new Promise<SendOutcome>((resolve) =>
    ctrlBinding.sendRecord(pattern(5 * 1024), `coap://127.0.0.1:${peer.port}/usp`, `coap://127.0.0.1:${ctrl.port}/ctrl`, resolve),
  );
  assert.deepEqual(outcome, { ok: true, code: Code.CHANGED });
  assert.equal(got.length, 1);
  assert.deepEqual([...got[0]], [...pattern(5 * 1024)]);
});

/** Whether this machine can bind a UDP socket on ::1 (containers often have no IPv6 loopback). */
function ipv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp6');
    s.once('error', () => { s.close(); resolve(false); });
    s.bind(0, '::1', () => { s.close(); resolve(true); });
  });
}

test('our client on ::1 talks to our server on ::1 (udp6)', async (t) => {
  if (!(await ipv6Loopback())) return t.skip('no IPv6 loopback (::1) on this machine: cannot bind udp6 to ::1');
  const server = await liveEndpoint('::1', { handle: (req) => ({ code: Code.CONTENT, payload: req.payload }) });
  const client = await liveEndpoint('::1');
  t.after(() => { server.close(); client.close(); });
  const r = await new Promise<CoapResult>((resolve) => client.ep.request({ address: '::1', port: server.port }, ...collecting({ method: Method.POST, payload: pattern(3000) }, resolve)));
  assert.ok(r.kind === 'response' && r.payload.length === 3000);
  assert.deepEqual([...(r.kind === 'response' ? r.payload : [])], [...pattern(3000)]);
});
