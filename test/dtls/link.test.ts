// src/dtls/link.ts on a virtual clock, in memory, with the real mbedTLS module on both sides (our
// HAL client/server contexts stand in for Controllers): the bounds the board profile sets. A flood
// of ClientHellos costs no session; the table holds at most DtlsLimits.sessions and evicts the one
// idle the longest; idle and handshake timeouts; the per-session heap cap; PSK identity → the
// Controller's Endpoint ID; the client role's queue while it handshakes, and its bound; R-MTP.4
// while wall time is unknown; a coaps:// file server (peer 'file': our CA, no Endpoint ID).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DtlsContext, DtlsSession } from '../../hal/hal.ts';
import type { DtlsLimits } from '../../boards/profile.ts';
import { host } from '../../boards/host/profile.ts';
import type { Peer } from '../../src/coap/types.ts';
import { DtlsLink } from '../../src/dtls/link.ts';
import { createHostDtls } from '../../hal/host/dtls.ts';
import { needs, missingCommand } from '../support/tools.ts';
import { hostDtls, makePki, type Pki } from './support.ts';
import { handshaking, linkSessions } from '../../src/dtls/link-view.ts';

const te = new TextEncoder();
const KEY = te.encode('link-test-key-16');
const PSK = [{ identity: 'c1', key: KEY, endpointId: 'proto::controller-1' }];
const LIMITS: DtlsLimits = { ...host.dtls, sessions: 2, idleTimeoutMs: 60_000, handshakeTimeoutMs: 8_000, queuedMessages: 2 };

interface World {
  link: DtlsLink;
  now: number;
  delivered: { text: string; peer: Peer }[];
  logs: string[];
  /** Datagrams the link sent, by "channel port". */
  wire: { d: Uint8Array; port: number; channel: string }[];
}

function world(limits: DtlsLimits = LIMITS, sessionBytes?: number): World {
  const w: World = { now: 1000, delivered: [], logs: [], wire: [], link: undefined as unknown as DtlsLink };
  w.link = new DtlsLink({
    dtls: hostDtls(), limits: sessionBytes ? { ...limits, sessionBytes } : limits, credentials: { psk: PSK }, server: true, datagramBytes: 1500,
    wallTimeMs: () => Date.now(),
    output: (d, _a, port, channel) => void w.wire.push({ d: d.slice(), port, channel }),
    deliver: (m, peer) => void w.delivered.push({ text: new TextDecoder().decode(m), peer }),
    log: (level, m) => void w.logs.push(level + ' ' + m),
  });
  return w;
}

/** A Controller's client session from `port`, pumped with the link until quiet. */
function connect(w: World, port: number, key = KEY): DtlsSession {
  const ctx = hostDtls().context({ role: 'client', psk: [{ identity: 'c1', key }] });
  const s = ctx.connect(w.now);
  pumpClient(w, s, port);
  return s;
}

function pumpClient(w: World, s: DtlsSession, port: number): void {
  for (let round = 0; round < 30; round++) {
    let moved = 0;
    let d: Uint8Array | undefined;
    while ((d = s.takeOutgoing())) (moved++, w.link.receive(d, '127.0.0.1', port, 'server', w.now));
    for (const x of w.wire.splice(0)) {
      if (x.port === port) (moved++, s.feed(x.d, w.now));
      else w.wire.push(x);
      if (moved > 200) break;
    }
    if (!moved) return;
  }
}

test('a flood of ClientHellos from 300 ports costs no session: each gets a HelloVerifyRequest, nothing is kept', () => {
  const w = world();
  const ctx = hostDtls().context({ role: 'client', psk: [{ identity: 'c1', key: KEY }] });
  for (let i = 0; i < 300; i++) {
    const s = ctx.connect(w.now);
    w.link.receive(s.takeOutgoing()!, '127.0.0.1', 20000 + i, 'server', w.now);
    s.close();
  }
  assert.equal(w.link.stats.helloReplies, 300);
  assert.deepEqual(linkSessions(w.link), { server: 0, client: 0 });
  assert.equal(w.link.nextDeadline(), Infinity, 'no timer either');
  ctx.dispose();
});

test('a PSK session delivers records with the Controller Endpoint ID the PSK is bound to', () => {
  const w = world();
  const s = connect(w, 30001);
  assert.equal(s.state, 'open');
  assert.ok(s.writeApplication(te.encode('coap-bytes'), w.now));
  pumpClient(w, s, 30001);
  assert.equal(w.delivered.length, 1);
  assert.equal(w.delivered[0].text, 'coap-bytes');
  assert.deepEqual(w.delivered[0].peer, { address: '127.0.0.1', port: 30001, dtls: 'server', identity: { endpointId: 'proto::controller-1', pskIdentity: 'c1' } });
  // The answer goes back through the same session.
  w.link.send(te.encode('answer'), w.delivered[0].peer, w.now);
  pumpClient(w, s, 30001);
  assert.equal(new TextDecoder().decode(s.readApplication()), 'answer');
});

test('at the bound (2 sessions) a third Controller evicts the one idle the longest, which gets close_notify', () => {
  const w = world();
  const a = connect(w, 30011);
  w.now += 1000;
  const b = connect(w, 30012);
  w.now += 1000;
  a.writeApplication(te.encode('a is busy'), w.now);
  pumpClient(w, a, 30011);
  w.now += 1000;
  const c = connect(w, 30013);
  assert.equal(c.state, 'open');
  assert.deepEqual(linkSessions(w.link), { server: 2, client: 0 });
  assert.equal(w.link.stats.evictions, 1);
  pumpClient(w, b, 30012);
  assert.equal(b.state, 'closed', 'b (idle longest) was closed with close_notify');
  assert.equal(a.state, 'open');
});

test('an open session idle past idleTimeoutMs is closed; a handshake stalled past handshakeTimeoutMs is dropped', () => {
  const w = world();
  const a = connect(w, 30021);
  assert.equal(w.link.nextDeadline(), w.now + LIMITS.idleTimeoutMs);
  w.now += LIMITS.idleTimeoutMs;
  w.link.step(w.now);
  pumpClient(w, a, 30021);
  assert.equal(a.state, 'closed');
  assert.deepEqual(linkSessions(w.link), { server: 0, client: 0 });

  // A client that answers the cookie and then goes silent.
  const ctx = hostDtls().context({ role: 'client', psk: [{ identity: 'c1', key: KEY }] });
  const s = ctx.connect(w.now);
  w.link.receive(s.takeOutgoing()!, '127.0.0.1', 30022, 'server', w.now);
  s.feed(w.wire.splice(0)[0].d, w.now);
  w.link.receive(s.takeOutgoing()!, '127.0.0.1', 30022, 'server', w.now);
  w.wire.length = 0;
  assert.equal(linkSessions(w.link).server, 1);
  for (let t = 0; t <= LIMITS.handshakeTimeoutMs; t += 500) {
    w.now += 500;
    if (w.link.nextDeadline() <= w.now) w.link.step(w.now);
  }
  assert.equal(linkSessions(w.link).server, 0);
  assert.ok(w.logs.some((l) => /not finished after 8000 ms|failed: .*TIMEOUT/.test(l)), w.logs.join('\n'));
  s.close();
  ctx.dispose();
});

test('a session over the per-session heap cap (DtlsLimits.sessionBytes) fails and is dropped', () => {
  const w = world(LIMITS, 8000);
  const s = connect(w, 30031);
  assert.notEqual(s.state, 'open');
  assert.equal(linkSessions(w.link).server, 0);
  assert.ok(w.logs.some((l) => /session memory limit reached/.test(l)), w.logs.join('\n'));
});

test('client role: messages wait (at most queuedMessages) for the handshake, then go; the Controller must be the PSK\'s', () => {
  const w = world();
  // The Controller's server: our HAL server context.
  const sctx: DtlsContext = hostDtls().context({ role: 'server', psk: [{ identity: 'c1', key: KEY }] });
  let server: DtlsSession | undefined;
  const got: string[] = [];
  const pump = () => {
    for (let round = 0; round < 30; round++) {
      const out = w.wire.splice(0).filter((x) => x.channel === 'client');
      for (const x of out) {
        if (!server) {
          const h = sctx.hello(x.d, '127.0.0.1:' + 40000, w.now);
          if (h.action === 'reply') w.link.receive(h.datagram, '127.0.0.1', 5684, 'client', w.now);
          else if (h.action === 'accept') server = h.session;
        } else server.feed(x.d, w.now);
      }
      let d: Uint8Array | undefined;
      let moved = out.length;
      while (server && (d = server.takeOutgoing())) (moved++, w.link.receive(d, '127.0.0.1', 5684, 'client', w.now));
      let m: Uint8Array | undefined;
      while (server && (m = server.readApplication())) got.push(new TextDecoder().decode(m));
      if (!moved) break;
    }
  };
  const to: Peer = { address: '127.0.0.1', port: 5684, dtls: 'client', identity: { endpointId: 'proto::controller-1' } };
  for (const t of ['one', 'two', 'three']) w.link.send(te.encode(t), to, w.now);
  pump();
  assert.equal(server?.state, 'open');
  assert.deepEqual(got, ['two', 'three'], 'the oldest queued message gave way');
  w.link.send(te.encode('four'), to, w.now);
  pump();
  assert.deepEqual(got, ['two', 'three', 'four']);
  assert.deepEqual(linkSessions(w.link), { server: 0, client: 1 });
  // A Controller we hold no credentials for is not contacted at all.
  w.link.send(te.encode('x'), { ...to, port: 5999, identity: { endpointId: 'proto::nobody' } }, w.now);
  assert.equal(w.wire.length, 0);
  assert.ok(w.logs.some((l) => /no credentials to reach proto::nobody/.test(l)));
  w.link.close();
  sctx.dispose();
});

test('handshakeTimers: a client session nobody answers ends by the shim\'s own timers; handshaking() lists it until then, sessionFailed says why', () => {
  const failed: string[] = [];
  let now = 1000;
  const link = new DtlsLink({
    dtls: hostDtls(), limits: LIMITS, credentials: { psk: PSK }, server: false, datagramBytes: 1500,
    handshakeTimers: { initial: 100, max: 400 },
    wallTimeMs: () => Date.now(),
    output: () => {},
    deliver: () => assert.fail('nothing to deliver'),
    sessionFailed: (address, port, channel, reason) => void failed.push(`${channel} ${address}:${port} ${reason}`),
    log: () => {},
  });
  link.send(te.encode('hello'), { address: '127.0.0.1', port: 5688, dtls: 'client', identity: { endpointId: 'proto::controller-1' } }, now);
  assert.deepEqual(handshaking(link, 'client'), ['127.0.0.1:5688']);
  assert.deepEqual(handshaking(link, 'server'), []);
  // 100 + 200 + 400 ms of retransmissions, far below the board's 8 s handshake limit.
  while (now < 1000 + 2000 && failed.length === 0) {
    now = Math.max(now + 1, link.nextDeadline());
    link.step(now);
  }
  assert.deepEqual(failed.map((f) => f.replace(/ \(-0x[0-9a-f]+\)/, '')), ['client 127.0.0.1:5688 SSL_TIMEOUT']);
  assert.ok(now - 1000 < 1000, `ended after ${now - 1000} ms`);
  assert.deepEqual(handshaking(link, 'client'), []);
  link.close();
});

let pki: Pki | undefined;
const noOpenssl = missingCommand('openssl');
before(async () => {
  if (!noOpenssl) pki = await makePki();
});
after(() => pki?.remove());

test('R-MTP.3: an expired certificate accepted while wall time was unknown is closed once it is known', (t) => {
  if (!needs(t, noOpenssl && 'openssl not found (apt-get install openssl)') || !pki) return;
  let wall: number | undefined;
  const dtls = createHostDtls({ clock: { wallTimeMs: () => wall } });
  const w: World = { now: 1000, delivered: [], logs: [], wire: [], link: undefined as unknown as DtlsLink };
  const certs = (who: string) => ({ certificate: pki!.read(who + '.pem'), privateKey: pki!.read(who + '.key'), trustAnchors: [pki!.read('ca.pem')] });
  w.link = new DtlsLink({
    dtls, limits: LIMITS, credentials: certs('agent'), server: true, datagramBytes: 1500, wallTimeMs: () => wall,
    output: (d, _a, port, channel) => void w.wire.push({ d: d.slice(), port, channel }),
    deliver: (m, peer) => void w.delivered.push({ text: new TextDecoder().decode(m), peer }),
    log: (level, m) => void w.logs.push(level + ' ' + m),
  });
  const ctx = dtls.context({ role: 'client', ...certs('expired') });
  const s = ctx.connect(w.now);
  pumpClient(w, s, 30041);
  assert.equal(s.state, 'open', 'no wall time: the dates cannot be checked at the handshake');
  s.writeApplication(te.encode('before'), w.now);
  pumpClient(w, s, 30041);
  assert.deepEqual(w.delivered.map((d) => [d.text, d.peer.identity?.endpointId]), [['before', 'proto::expired']]);
  wall = Date.now();
  s.writeApplication(te.encode('after'), w.now);
  pumpClient(w, s, 30041);
  assert.equal(w.delivered.length, 1, 'nothing delivered once the certificate is known to be expired');
  assert.equal(s.state, 'closed', 'closed with close_notify');
  assert.ok(w.logs.some((l) => /outside its validity dates \(wall time now known\)/.test(l)), w.logs.join('\n'));
  w.link.close();
  ctx.dispose();
});

/** Our link's client role calling a server context (certificate `who`) at 127.0.0.1:`port`; `wall` undefined: unknown. */
function clientToServer(who: string, peer: Peer, wall: number | undefined, ca = 'ca.pem') {
  const dtls = createHostDtls({ clock: { wallTimeMs: () => wall } });
  const certs = (name: string, anchor: string) => ({ certificate: pki!.read(name + '.pem'), privateKey: pki!.read(name + '.key'), trustAnchors: [pki!.read(anchor)] });
  const w: World = { now: 1000, delivered: [], logs: [], wire: [], link: undefined as unknown as DtlsLink };
  const failed: string[] = [];
  w.link = new DtlsLink({
    dtls, limits: LIMITS, credentials: certs('agent', 'ca.pem'), server: false, datagramBytes: 1500, wallTimeMs: () => wall,
    output: (d, _a, port, channel) => void w.wire.push({ d: d.slice(), port, channel }),
    deliver: (m, p) => void w.delivered.push({ text: new TextDecoder().decode(m), peer: p }),
    fileFailed: (a, port, reason) => void failed.push(`${a}:${port} ${reason}`),
    log: (level, m) => void w.logs.push(level + ' ' + m),
  });
  const sctx = dtls.context({ role: 'server', ...certs(who, ca) });
  let server: DtlsSession | undefined;
  const got: string[] = [];
  w.link.send(te.encode('GET'), peer, w.now);
  for (let round = 0; round < 40; round++) {
    const out = w.wire.splice(0).filter((x) => x.channel === 'client');
    for (const x of out) {
      if (!server) {
        const h = sctx.hello(x.d, '127.0.0.1:' + 40001, w.now);
        if (h.action === 'reply') w.link.receive(h.datagram, '127.0.0.1', peer.port, 'client', w.now);
        else if (h.action === 'accept') server = h.session;
      } else server.feed(x.d, w.now);
    }
    let d: Uint8Array | undefined;
    let moved = out.length;
    while (server && (d = server.takeOutgoing())) (moved++, w.link.receive(d, '127.0.0.1', peer.port, 'client', w.now));
    let m: Uint8Array | undefined;
    while (server && (m = server.readApplication())) {
      got.push(new TextDecoder().decode(m));
      server.writeApplication(te.encode('CONTENT'), w.now);
      moved++;
    }
    if (!moved) break;
  }
  const done = () => { w.link.close(); sctx.dispose(); };
  return { w, got, failed, done };
}

test('R-MTP.4 holds while wall time is unknown: a server whose certificate names another Endpoint ID gets nothing', (t) => {
  if (!needs(t, noOpenssl && 'openssl not found (apt-get install openssl)') || !pki) return;
  const { w, got, done } = clientToServer('expired', { address: '127.0.0.1', port: 5700, dtls: 'client', identity: { endpointId: 'proto::controller-1' } }, undefined);
  assert.deepEqual(got, [], 'the queued message never reaches the wrong server');
  assert.ok(w.logs.some((l) => /refused: its certificate is for Endpoint ID proto::expired, not proto::controller-1/.test(l)), w.logs.join('\n'));
  assert.deepEqual(linkSessions(w.link), { server: 0, client: 0 });
  done();
});

test('a coaps:// file server (peer \'file\'): a certificate of our CA with no Endpoint ID is accepted, its answers carry no identity; another CA\'s is refused', (t) => {
  if (!needs(t, noOpenssl && 'openssl not found (apt-get install openssl)') || !pki) return;
  const ok = clientToServer('files', { address: '127.0.0.1', port: 5701, dtls: 'file' }, Date.now());
  assert.deepEqual(ok.got, ['GET']);
  assert.deepEqual(ok.w.delivered.map((d) => [d.text, d.peer.dtls, d.peer.identity]), [['CONTENT', 'file', undefined]]);
  assert.deepEqual(ok.failed, []);
  ok.done();
  const bad = clientToServer('stranger', { address: '127.0.0.1', port: 5702, dtls: 'file' }, Date.now(), 'other-ca.pem');
  assert.deepEqual([bad.got, bad.w.delivered.length], [[], 0]);
  assert.ok(bad.w.logs.some((l) => /session to 127\.0\.0\.1:5702 failed/.test(l)), bad.w.logs.join('\n'));
  assert.equal(bad.failed.length, 1, 'the fetch waiting on it is told at once');
  assert.match(bad.failed[0], /^127\.0\.0\.1:5702 DTLS: /);
  bad.done();
  // A file server is not a Controller: the same certificate without the 'file' marker is refused (no Endpoint ID).
  const asController = clientToServer('files', { address: '127.0.0.1', port: 5703, dtls: 'client', identity: { endpointId: 'proto::controller-1' } }, Date.now());
  assert.deepEqual(asController.got, []);
  assert.ok(asController.w.logs.some((l) => /carries no Endpoint ID/.test(l)), asController.w.logs.join('\n'));
  assert.deepEqual(asController.failed, [], 'only file-server sessions report to the fetcher');
  asController.done();
});
