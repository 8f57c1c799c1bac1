// AES-CCM of records outside mbedTLS's ccm.c (firmware/dtls/tinyusp_host_ccm.c): long records
// through Node's crypto (hal/host/dtls-ccm.ts), the others through the module's lean CCM. Same
// bytes on the wire as any CCM: the host's CCM is checked against OpenSSL's own 'aes-128-ccm'
// (node:crypto) on random inputs, the two paths against each other through real sessions of
// every record size, and tampered records are dropped on both paths. The libcoap and OpenSSL
// peer tests (libcoap-dtls, openssl-cli, dtls-coap-endpoint) run both paths against other
// implementations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { createHostDtls, HOST_CCM_MIN_BYTES } from '../../hal/host/dtls.ts';
import { CCM_AUTH_FAILED, CCM_DECLINED, hostCcm } from '../../hal/host/dtls-ccm.ts';
import type { DtlsSession } from '../../hal/hal.ts';
import { handshakeInMemory } from '../support/dtls-handshake.ts';

const te = new TextEncoder();
const PSK = { psk: [{ identity: 'c1', key: te.encode('0123456789abcdef') }] };
const clock = { wallTimeMs: () => Date.now() };

test('the host CCM equals OpenSSL aes-128-ccm (8-byte tags, 12-byte nonces, 13-byte AAD as DTLS uses; 1-1,500 B), and refuses a wrong tag', () => {
  const m = new Uint8Array(8192);
  const ccm = hostCcm(() => m, { minBytes: 0 });
  const [KEY, NONCE, AAD, IN, OUT, TAG] = [16, 64, 96, 128, 4096, 8000];
  for (let round = 0; round < 200; round++) {
    const ctx = 1 + (round % 3);
    const key = randomBytes(16);
    m.set(key, KEY);
    ccm.imports.tinyusp_dtls_ccm_key(ctx, KEY, 128);
    const nonce = randomBytes(12);
    const aad = randomBytes(13);
    const plain = randomBytes(round < 40 ? round + 1 : 1 + Math.floor(Math.random() * 1500));
    m.set(nonce, NONCE);
    m.set(aad, AAD);
    m.set(plain, IN);
    assert.equal(ccm.imports.tinyusp_dtls_ccm(ctx, 1, plain.length, NONCE, 12, AAD, 13, IN, OUT, TAG, 8), 0);
    const c = createCipheriv('aes-128-ccm', key, nonce, { authTagLength: 8 });
    c.setAAD(aad, { plaintextLength: plain.length });
    const expect = Buffer.concat([c.update(plain), c.final()]);
    assert.deepEqual(Buffer.from(m.subarray(OUT, OUT + plain.length)), expect, `ciphertext, ${plain.length} B`);
    assert.deepEqual(Buffer.from(m.subarray(TAG, TAG + 8)), c.getAuthTag(), `tag, ${plain.length} B`);
    // Decrypt in place, as mbedTLS does with a record.
    m.copyWithin(IN, OUT, OUT + plain.length);
    assert.equal(ccm.imports.tinyusp_dtls_ccm(ctx, 0, plain.length, NONCE, 12, AAD, 13, IN, IN, TAG, 8), 0);
    assert.deepEqual(Buffer.from(m.subarray(IN, IN + plain.length)), plain);
    m.set(expect, IN);
    m[TAG + (round % 8)] ^= 1 << (round % 8);
    assert.equal(ccm.imports.tinyusp_dtls_ccm(ctx, 0, plain.length, NONCE, 12, AAD, 13, IN, IN, TAG, 8), CCM_AUTH_FAILED);
    assert.ok(m.subarray(IN, IN + plain.length).every((b) => b === 0), 'output zeroed on a wrong tag');
  }
  assert.equal(ccm.keys(), 3);
  // Declined: short records (minBytes), a forgotten key, parameters DTLS does not use.
  const short = hostCcm(() => m, { minBytes: 512 });
  short.imports.tinyusp_dtls_ccm_key(9, KEY, 128);
  assert.equal(short.imports.tinyusp_dtls_ccm(9, 1, 511, NONCE, 12, AAD, 13, IN, OUT, TAG, 8), CCM_DECLINED);
  assert.equal(short.imports.tinyusp_dtls_ccm(9, 1, 512, NONCE, 12, AAD, 13, IN, OUT, TAG, 8), 0);
  assert.equal(short.imports.tinyusp_dtls_ccm(9, 1, 600, NONCE, 6, AAD, 13, IN, OUT, TAG, 8), CCM_DECLINED);
  assert.equal(short.imports.tinyusp_dtls_ccm(9, 1, 600, NONCE, 12, AAD, 13, IN, OUT, TAG, 3), CCM_DECLINED);
  short.imports.tinyusp_dtls_ccm_key(9, 0, 0);
  assert.equal(short.keys(), 0);
  assert.equal(short.imports.tinyusp_dtls_ccm(9, 1, 600, NONCE, 12, AAD, 13, IN, OUT, TAG, 8), CCM_DECLINED);
});

/** Sends one record of each size from `a` to `b` (one datagram per record) and checks it arrives intact. */
function exchange(a: DtlsSession, b: DtlsSession, sizes: number[]): void {
  for (const size of sizes) {
    const msg = randomBytes(size);
    assert.ok(a.writeApplication(msg, 1), `write ${size} B`);
    let d;
    let n = 0;
    while ((d = a.takeOutgoing())) (b.feed(d, 1), n++);
    assert.equal(n, 1, `one datagram for ${size} B`);
    assert.deepEqual(Buffer.from(b.readApplication() ?? []), msg, `${size} B arrived intact`);
    assert.equal(b.readApplication(), undefined);
  }
}

test('host CCM (Node crypto) and the module\'s lean CCM interoperate at every record size, both ways; tampered records are dropped on both paths', () => {
  const host = createHostDtls({ clock, hostCcmMinBytes: 0 });
  const lean = createHostDtls({ clock, hostCcmMinBytes: Infinity });
  const split = createHostDtls({ clock });
  const sizes = [0, 1, 15, 16, 17, 31, 32, 33, 100, 255, 256, 511, 512, 513, 700, 1000, 1024, 1100];
  for (const [c, s] of [[host, lean], [lean, host], [split, lean], [host, split]]) {
    const cctx = c.context({ role: 'client', ...PSK });
    const sctx = s.context({ role: 'server', ...PSK });
    const { client, server } = handshakeInMemory(cctx, sctx, () => 0);
    const max = client.maxApplicationPayload();
    assert.ok(max >= 1100, `payload bound ${max}`);
    exchange(client, server, [...sizes, max]);
    exchange(server, client, [...sizes, max]);
    for (const size of [20, HOST_CCM_MIN_BYTES + 100]) {
      // A flipped bit fails the MAC: dropped silently, the session stays open (RFC 6347 §4.1.2.7).
      assert.ok(client.writeApplication(new Uint8Array(size).fill(7), 2));
      const good = client.takeOutgoing()!;
      const bad = good.slice();
      bad[13 + 8 + (size >> 1)] ^= 0x10;
      server.feed(bad, 2);
      assert.equal(server.readApplication(), undefined, `tampered ${size}-byte record dropped`);
      assert.equal(server.state, 'open');
      server.feed(good, 3);
      assert.equal(server.readApplication()?.length, size);
    }
    client.close();
    server.close();
    cctx.dispose();
    sctx.dispose();
  }
  // The host holds one key per live CCM context (mbedTLS makes two per session), none after.
  assert.equal(host.hostCcmKeys(), 0);
  const cctx = host.context({ role: 'client', ...PSK });
  const sctx = host.context({ role: 'server', ...PSK });
  const pairs = [0, 1, 2].map(() => handshakeInMemory(cctx, sctx, () => 0));
  assert.equal(host.hostCcmKeys(), 3 * 2 * 2);
  for (const p of pairs) (p.client.close(), p.server.close());
  assert.equal(host.hostCcmKeys(), 0);
  cctx.dispose();
  sctx.dispose();
});
