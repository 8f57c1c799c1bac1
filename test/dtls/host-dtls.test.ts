// The HAL DTLS on the host (hal/host/dtls.ts) with our client and our server wired in memory on a
// virtual clock: the stateless cookie exchange (RFC 6347 §4.2.1), retransmission and timeouts
// (§4.2.4), validity dates with and without wall time (R-MTP.2/3), the per-session memory cap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHostDtls } from '../../hal/host/dtls.ts';
import type { DtlsContext, DtlsSession } from '../../hal/hal.ts';
import { hasTool } from '../interop/harness.ts';
import { makePki, certCredentials, type Pki } from './support.ts';

const te = new TextEncoder();
const PSK = [{ identity: 'c1', key: te.encode('0123456789abcdef') }];
const withWall = createHostDtls({ clock: { wallTimeMs: () => Date.now() } });
const noWall = createHostDtls({ clock: { wallTimeMs: () => undefined } });

const haveOpenssl = await hasTool('openssl');
if (!haveOpenssl && process.env.CI) throw new Error('openssl is required in CI');
let pki: Pki | undefined;
before(async () => {
  if (haveOpenssl) pki = await makePki();
});
after(() => pki?.remove());

interface Link {
  client: DtlsSession;
  server?: DtlsSession;
  now: number;
  replies: number;
  /** Moves datagrams both ways until quiet; `drop(n)` loses the n-th datagram overall. */
  pump(drop?: (n: number, from: 'client' | 'server') => boolean): void;
}

function link(cctx: DtlsContext, sctx: DtlsContext): Link {
  let sent = 0;
  const l: Link = {
    client: cctx.connect(0),
    now: 0,
    replies: 0,
    pump(drop = () => false) {
      for (let round = 0; round < 50; round++) {
        let moved = 0;
        let d;
        while ((d = l.client.takeOutgoing())) {
          moved++;
          if (drop(sent++, 'client')) continue;
          if (!l.server) {
            const h = sctx.hello(d, '127.0.0.1:4000', l.now);
            if (h.action === 'reply') (l.replies++, l.client.feed(h.datagram, l.now));
            else if (h.action === 'accept') l.server = h.session;
          } else l.server.feed(d, l.now);
        }
        while (l.server && (d = l.server.takeOutgoing())) {
          moved++;
          if (drop(sent++, 'server')) continue;
          l.client.feed(d, l.now);
        }
        if (!moved) return;
      }
    },
  };
  return l;
}

/** Advances the virtual clock to the earliest timer and steps both sides. */
function tick(l: Link): boolean {
  const ts = [l.client.nextTimeoutMs(), l.server?.nextTimeoutMs() ?? -1].filter((t) => t >= 0);
  if (!ts.length) return false;
  l.now = Math.max(l.now, Math.min(...ts));
  l.client.step(l.now);
  l.server?.step(l.now);
  return true;
}

test('PSK handshake after one HelloVerifyRequest; data both ways; close_notify closes the peer', () => {
  const l = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK }));
  l.pump();
  assert.equal(l.replies, 1);
  assert.equal(l.client.state, 'open');
  assert.equal(l.server?.state, 'open');
  assert.deepEqual(l.server!.peer(), { cipherSuite: 'TLS_PSK_WITH_AES_128_CCM_8', pskIdentity: 'c1' });
  assert.ok(l.client.writeApplication(te.encode('ping'), 1));
  l.pump();
  assert.equal(new TextDecoder().decode(l.server!.readApplication()), 'ping');
  assert.equal(l.server!.readApplication(), undefined);
  assert.ok(l.server!.writeApplication(te.encode('pong'), 1));
  l.pump();
  assert.equal(new TextDecoder().decode(l.client.readApplication()), 'pong');
  assert.equal(l.client.writeApplication(new Uint8Array(l.client.maxApplicationPayload() + 1), 1), false, 'larger than one record');
  l.client.close();
  l.pump();
  assert.equal(l.server!.state, 'closed');
  l.server!.close();
});

test('a replayed record is delivered once (anti-replay, RFC 6347 §4.1.2.6)', () => {
  const l = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK }));
  l.pump();
  assert.ok(l.client.writeApplication(te.encode('once'), 1));
  const record = l.client.takeOutgoing()!;
  l.server!.feed(record, 1);
  assert.equal(new TextDecoder().decode(l.server!.readApplication()), 'once');
  l.server!.feed(record, 2);
  assert.equal(l.server!.readApplication(), undefined, 'the copy is dropped');
  assert.equal(l.server!.state, 'open');
  // A fresh record with one bit flipped fails its MAC: dropped silently (RFC 6347 §4.1.2.7),
  // and it does not burn its sequence number: the genuine copy still gets through.
  assert.ok(l.client.writeApplication(te.encode('twice'), 3));
  const next = l.client.takeOutgoing()!;
  const tampered = next.slice();
  tampered[tampered.length - 1] ^= 1;
  l.server!.feed(tampered, 3);
  assert.equal(l.server!.readApplication(), undefined, 'a record failing its MAC is dropped');
  assert.equal(l.server!.state, 'open');
  l.server!.feed(next, 4);
  assert.equal(new TextDecoder().decode(l.server!.readApplication()), 'twice');
  l.client.close();
  l.server!.close();
});

test('ClientHellos without a valid cookie cost no session: each gets a HelloVerifyRequest', () => {
  const sctx = withWall.context({ role: 'server', psk: PSK });
  const cctx = withWall.context({ role: 'client', psk: PSK });
  const before = sctx.memoryBytes();
  const c = cctx.connect(0);
  const hello = c.takeOutgoing()!;
  for (let port = 1000; port < 1200; port++) {
    const h = sctx.hello(hello, '10.0.0.1:' + port, 0);
    assert.equal(h.action, 'reply');
  }
  // The client's second ClientHello carries a cookie bound to its own address only.
  const h = sctx.hello(hello, '10.0.0.1:1000', 0);
  assert.equal(h.action, 'reply');
  c.feed((h as { datagram: Uint8Array }).datagram, 0);
  const withCookie = c.takeOutgoing()!;
  assert.equal(sctx.hello(withCookie, '10.0.0.2:1000', 0).action, 'reply', 'cookie from another address is not accepted');
  const ok = sctx.hello(withCookie, '10.0.0.1:1000', 0);
  assert.equal(ok.action, 'accept');
  assert.equal(sctx.hello(new Uint8Array([23, 254, 253, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]), '10.0.0.1:9', 0).action, 'drop', 'application record without a session');
  assert.equal(sctx.memoryBytes(), before);
  (ok as { session: DtlsSession }).session.close();
  c.close();
});

test('lost flights are retransmitted on the timer; the handshake still completes', () => {
  const l = link(withWall.context({ role: 'client', psk: PSK, handshakeTimeoutMs: { initial: 1000, max: 8000 } }),
    withWall.context({ role: 'server', psk: PSK }));
  // Lose the first ClientHello and the server's first flight.
  const lost = new Set([0, 3]);
  l.pump((n) => lost.has(n));
  let ticks = 0;
  while (l.client.state === 'handshaking' && ticks++ < 10) {
    assert.ok(tick(l), 'a timer runs while handshaking');
    l.pump((n) => lost.has(n));
  }
  assert.equal(l.client.state, 'open');
  assert.ok(l.now >= 1000, 'completed after at least one retransmission timeout, at ' + l.now);
  l.client.close();
  l.server?.close();
});

test('the server resends its final flight when the client repeats its own (RFC 6347 §4.2.4)', { skip: haveOpenssl ? false : 'openssl not installed' }, () => {
  for (const who of ['psk', 'cert']) {
    const creds = (c: string) => (who === 'psk' ? { psk: PSK } : certCredentials(pki!, c));
    const l = link(withWall.context({ role: 'client', ...creds('controller') }), withWall.context({ role: 'server', ...creds('agent') }));
    // Lose every datagram the server sends once it is open (its ChangeCipherSpec + Finished), twice.
    let lost = 0;
    const drop = (_n: number, from: string) => from === 'server' && l.server?.state === 'open' && lost < 2 && ++lost > 0;
    l.pump(drop);
    let ticks = 0;
    while (l.client.state === 'handshaking' && ticks++ < 6) {
      tick(l);
      l.pump(drop);
    }
    assert.equal(lost, 2, who + ': the final flight was lost twice');
    assert.equal(l.client.state, 'open', who + ': the client completed on the third copy');
    l.client.close();
    l.server!.close();
  }
});

test('no answer: the handshake fails after the maximum timeout', () => {
  const c = withWall.context({ role: 'client', psk: PSK, handshakeTimeoutMs: { initial: 500, max: 2000 } }).connect(0);
  let now = 0;
  let sends = 0;
  while (c.takeOutgoing()) sends++;
  for (let i = 0; i < 10 && c.state === 'handshaking'; i++) {
    now = c.nextTimeoutMs();
    c.step(now);
    while (c.takeOutgoing()) sends++;
  }
  assert.equal(c.state, 'failed');
  assert.match(c.error ?? '', /SSL_TIMEOUT/);
  assert.equal(sends, 3, 'ClientHello at 0, 500 and 1500 ms');
  assert.equal(now, 3500);
  assert.equal(c.nextTimeoutMs(), -1);
  c.close();
});

test('a session over its memory limit fails cleanly; a normal one reports its memory', () => {
  // Below the record buffers: no session can be made at all, the ClientHello is dropped.
  const none = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK, sessionMemoryLimit: 6000 }));
  none.pump();
  assert.equal(none.server, undefined);
  assert.equal(none.client.state, 'handshaking');
  none.client.close();
  // Room for the buffers but not for the handshake: the session fails, nothing leaks.
  const l = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK, sessionMemoryLimit: 9000 }));
  l.pump();
  assert.equal(l.server?.state, 'failed');
  assert.match(l.server?.error ?? '', /^session memory limit reached: .*ALLOC_FAILED/);
  l.client.close();
  l.server?.close();
  const ok = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK, sessionMemoryLimit: 16000 }));
  ok.pump();
  assert.equal(ok.server?.state, 'open');
  const bytes = ok.server!.memoryBytes();
  assert.ok(bytes > 6000 && bytes <= 16000, 'server session holds ' + bytes + ' bytes');
  const peak = ok.server!.memoryPeakBytes();
  assert.ok(peak >= bytes && peak <= 16000, 'peak ' + peak + ' within the limit');
  ok.client.close();
  ok.server!.close();
});

test("a context's memoryBytes() is what it holds once configured, not the temporaries of parsing", { skip: haveOpenssl ? false : 'openssl not installed' }, () => {
  const cred = certCredentials(pki!, 'agent');
  const ca = cred.trustAnchors![0];
  const der = (pem: Uint8Array) => Buffer.from(new TextDecoder().decode(pem).replace(/-----[^-]+-----|\s/g, ''), 'base64').length;
  const caDer = der(ca);
  const psk = withWall.context({ role: 'server', psk: PSK });
  const one = withWall.context({ role: 'server', ...cred });
  const two = withWall.context({ role: 'server', ...cred, trustAnchors: [ca, ca] });
  // One more trust anchor is one more parsed certificate: mbedTLS keeps its DER and a small
  // structure. The PEM decoding buffers freed during parsing are not counted.
  const perCa = two.memoryBytes() - one.memoryBytes();
  assert.ok(perCa >= caDer && perCa <= caDer + 1536, `a ${caDer}-byte CA costs ${perCa} B`);
  // Own certificate, key and CA above a PSK context: about three parsed objects. The key's
  // parsing and the pair check (mbedtls_pk_check_pair) free ~20 KB of temporaries, which the
  // shim once counted as held.
  const held = one.memoryBytes() - psk.memoryBytes();
  const ownDer = der(cred.certificate!);
  assert.ok(held >= caDer + ownDer && held <= caDer + ownDer + 4096, `certificate, key and CA hold ${held} B`);
  for (const c of [psk, one, two]) c.dispose();
  assert.equal(one.memoryBytes(), 0);
});

test('certificates: Endpoint ID both ways; expired refused once wall time is known, accepted before (R-MTP.2/3)', { skip: haveOpenssl ? false : 'openssl not installed' }, () => {
  const p = pki!;
  const l = link(withWall.context({ role: 'client', ...certCredentials(p, 'controller') }), withWall.context({ role: 'server', ...certCredentials(p, 'agent') }));
  l.pump();
  assert.equal(l.client.state, 'open');
  assert.equal(l.server!.peer()?.endpointId, 'proto::controller-1');
  assert.equal(l.client.peer()?.endpointId, 'os::00256D-0000000001');
  assert.equal(l.client.peer()?.cipherSuite, 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8');
  assert.equal(l.server!.peer()?.certificate?.datesChecked, true);
  l.client.close();
  l.server!.close();

  const expired = link(withWall.context({ role: 'client', ...certCredentials(p, 'expired') }), withWall.context({ role: 'server', ...certCredentials(p, 'agent') }));
  expired.pump();
  assert.equal(expired.server?.state, 'failed');
  assert.match(expired.server?.error ?? '', /X509_CERT_VERIFY_FAILED.*: expired/);
  expired.client.close();
  expired.server?.close();

  const early = link(noWall.context({ role: 'client', ...certCredentials(p, 'expired') }), noWall.context({ role: 'server', ...certCredentials(p, 'agent') }));
  early.pump();
  assert.equal(early.server?.state, 'open', 'dates are not judged without wall time');
  assert.equal(early.server!.peer()?.certificate?.notAfterMs, Date.UTC(2021, 0, 1));
  assert.equal(early.server!.peer()?.certificate?.datesChecked, false, 'the agent must check them later');
  early.client.close();
  early.server!.close();

  const stranger = link(withWall.context({ role: 'client', ...certCredentials(p, 'stranger', 'other-ca.pem') }), withWall.context({ role: 'server', ...certCredentials(p, 'agent') }));
  stranger.pump();
  assert.equal(stranger.client.state, 'failed', 'the client does not trust the agent (another CA)');
  assert.match(stranger.client.error ?? '', /not trusted/);
  stranger.client.close();
  stranger.server?.close();
});

test('configuration errors are reported, not deferred', { skip: haveOpenssl ? false : 'openssl not installed' }, () => {
  assert.throws(() => withWall.context({ role: 'server', certificate: pki!.read('agent.pem'), privateKey: pki!.read('agent.key') }), /configuration/, 'certificate without trust anchors');
  assert.throws(() => withWall.context({ role: 'server', trustAnchors: [te.encode('not a certificate')] }), /trust anchor/);
  assert.throws(() => withWall.context({ role: 'server' }), /configuration/, 'no credentials');
  assert.throws(() => withWall.context({ role: 'server', certificate: pki!.read('agent.pem'), privateKey: pki!.read('controller.key'), trustAnchors: [pki!.read('ca.pem')] }), /own certificate|configuration/, 'key of another certificate');
});

test('a client that restarts on the same address gets a new session through hello (RFC 6347 §4.2.8)', () => {
  const sctx = withWall.context({ role: 'server', psk: PSK });
  const cctx = withWall.context({ role: 'client', psk: PSK });
  const first = link(cctx, sctx);
  first.pump();
  assert.equal(first.server?.state, 'open');
  // The same address starts over: the open session would ignore a ClientHello; hello answers it.
  const again = link(cctx, sctx);
  again.pump();
  assert.equal(again.replies, 1);
  assert.equal(again.server?.state, 'open');
  assert.notEqual(again.server, first.server);
  assert.equal(first.server!.state, 'open', 'the old session is untouched until the caller replaces it');
  for (const s of [first.client, first.server!, again.client, again.server!]) s.close();
});

test('disposing a context closes its sessions', () => {
  const cctx = withWall.context({ role: 'client', psk: PSK });
  const sctx = withWall.context({ role: 'server', psk: PSK });
  const l = link(cctx, sctx);
  l.pump();
  assert.equal(l.server?.state, 'open');
  sctx.dispose();
  assert.equal(l.server!.state, 'closed');
  assert.equal(l.server!.memoryBytes(), 0);
  assert.equal(sctx.memoryBytes(), 0);
  assert.equal(sctx.hello(new Uint8Array(60), '1.2.3.4:5', 0).action, 'drop');
  cctx.dispose();
  assert.equal(l.client.state, 'closed');
});

test('datagrams and records copied out of the module stay intact and apart while more are made (slab copies)', () => {
  const l = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK }));
  l.pump();
  assert.equal(l.server?.state, 'open');
  // Sizes on both sides of the 64-byte line (below it a copy is its own array), enough of them
  // to fill several 8 KB slabs.
  const sizes = [1, 64, 65, 200, 700, 1000, l.client.maxApplicationPayload()];
  const sent: Uint8Array[] = [];
  const datagrams: Uint8Array[] = [];
  const snapshots: Uint8Array[] = [];
  for (let i = 0; i < 40; i++) {
    const m = new Uint8Array(sizes[i % sizes.length]).fill(i + 1);
    sent.push(m);
    assert.ok(l.client.writeApplication(m, 1));
    const d = l.client.takeOutgoing()!;
    assert.equal(l.client.takeOutgoing(), undefined);
    datagrams.push(d);
    snapshots.push(Uint8Array.from(d));
  }
  // Every datagram kept is as it was when taken, though 39 more were made after some.
  datagrams.forEach((d, i) => assert.deepEqual(d, snapshots[i], `datagram ${i} unchanged`));
  const got: Uint8Array[] = [];
  for (const d of datagrams) {
    l.server!.feed(d, 1);
    got.push(l.server!.readApplication()!);
  }
  // Overwriting one record changes no other (no two copies share bytes).
  for (const r of got) r.fill(0);
  got.forEach((r, i) => assert.equal(r.length, sent[i].length, `record ${i} length`));
  for (let i = 0; i < 40; i++) {
    assert.ok(l.server!.writeApplication(sent[i], 2));
    l.client.feed(l.server!.takeOutgoing()!, 2);
  }
  for (let i = 0; i < 40; i++) assert.deepEqual(l.client.readApplication(), sent[i], `record ${i} back intact`);
  l.client.close();
  l.server!.close();
});

test('an open session reads every record of a datagram that packs several, in order, and drops a replayed one among them (one-call record path)', () => {
  const l = link(withWall.context({ role: 'client', psk: PSK }), withWall.context({ role: 'server', psk: PSK }));
  l.pump();
  assert.equal(l.server?.state, 'open');
  // Three records written one by one, each its own datagram (tud_write_take), packed into one
  // datagram as a peer may (RFC 6347 §4.1.1), with the first one's copy repeated at the end.
  const records: Uint8Array[] = [];
  for (const text of ['one', 'two', 'three']) {
    assert.ok(l.client.writeApplication(te.encode(text), 1));
    records.push(l.client.takeOutgoing()!);
    assert.equal(l.client.takeOutgoing(), undefined, 'one datagram per record');
  }
  const packed = new Uint8Array(records.reduce((n, r) => n + r.length, 0) + records[0].length);
  let at = 0;
  for (const r of [...records, records[0]]) (packed.set(r, at), (at += r.length));
  l.server!.feed(packed, 2);
  const got: string[] = [];
  let m;
  while ((m = l.server!.readApplication())) got.push(new TextDecoder().decode(m));
  assert.deepEqual(got, ['one', 'two', 'three'], 'each once, in order; the replayed copy dropped');
  assert.equal(l.server!.state, 'open');
  // Answers still flow, and a close_notify fed through the same path ends the session.
  assert.ok(l.server!.writeApplication(te.encode('four'), 3));
  l.client.feed(l.server!.takeOutgoing()!, 3);
  assert.equal(new TextDecoder().decode(l.client.readApplication()), 'four');
  l.client.close();
  l.server!.feed(l.client.takeOutgoing()!, 4);
  assert.equal(l.server!.state, 'closed');
  assert.equal(l.server!.readApplication(), undefined);
  l.server!.close();
});
