// The module's lean AES-CCM of records (firmware/dtls/tinyusp_lean_ccm.c) against mbedTLS's
// ccm.c, which it replaced on the record path: sessions whose two ends use one each talk at every
// record size, both ways, and tampered records are dropped by both. The libcoap, OpenSSL and
// node-dtls-client tests (libcoap-dtls, openssl-cli, dtls-coap-endpoint with 1024-byte blocks)
// run the lean CCM against other implementations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createHostDtls } from '../../hal/host/dtls.ts';
import type { DtlsSession } from '../../hal/hal.ts';
import { handshakeInMemory } from '../support/dtls-handshake.ts';

const te = new TextEncoder();
const PSK = { psk: [{ identity: 'c1', key: te.encode('0123456789abcdef') }] };
const clock = { wallTimeMs: () => Date.now() };

/** Sends one record of each size from `a` to `b` (one datagram each); checks it arrives intact. */
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

test('lean CCM and mbedTLS\'s ccm.c interoperate at every record size, both ways; tampered records are dropped by both', () => {
  const lean = createHostDtls({ clock });
  const ccmC = createHostDtls({ clock, ccm: 'mbedtls' });
  const sizes = [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 511, 512, 700, 1000, 1024, 1100];
  for (const [c, s] of [[lean, ccmC], [ccmC, lean], [lean, lean]]) {
    const cctx = c.context({ role: 'client', ...PSK });
    const sctx = s.context({ role: 'server', ...PSK });
    const { client, server } = handshakeInMemory(cctx, sctx, () => 0);
    assert.equal(client.peer()?.cipherSuite, 'TLS_PSK_WITH_AES_128_CCM_8');
    const max = client.maxApplicationPayload();
    assert.ok(max >= 1100, `payload bound ${max}`);
    exchange(client, server, [...sizes, max]);
    exchange(server, client, [...sizes, max]);
    for (const [a, b] of [[client, server], [server, client]]) {
      for (const size of [1, 20, 700]) {
        // A flipped bit (payload or tag) fails the MAC: dropped silently, the session stays
        // open, and the genuine copy still gets through (RFC 6347 §4.1.2.7).
        assert.ok(a.writeApplication(new Uint8Array(size).fill(7), 2));
        const good = a.takeOutgoing()!;
        for (const at of [13 + 8, 13 + 8 + (size >> 1), good.length - 1]) {
          const bad = good.slice();
          bad[at] ^= 0x10;
          b.feed(bad, 2);
          assert.equal(b.readApplication(), undefined, `tampered ${size}-byte record (byte ${at}) dropped`);
          assert.equal(b.state, 'open');
        }
        b.feed(good, 3);
        assert.equal(b.readApplication()?.length, size);
      }
    }
    client.close();
    server.close();
    cctx.dispose();
    sctx.dispose();
  }
});
