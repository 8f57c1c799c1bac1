// src/dtls/link.ts with the agent's Check-cert (src/usp/trust.ts over a real engine) and the
// mbedTLS module, sessions pumped in memory: what the link hands up about a certificate chain,
// TOFU on and off at the handshake, and ControllerTrust.TOFUInactivityTimer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import type { DtlsSession } from '../../hal/hal.ts';
import { host } from '../../boards/host/profile.ts';
import type { Peer } from '../../src/coap/types.ts';
import { DtlsLink } from '../../src/dtls/link.ts';
import { createAgent } from '../../src/agent.ts';
import { needs, missingCommand } from '../support/tools.ts';
import { testDefaults, testHal } from '../support/usp-harness.ts';
import { hostDtls, makePki, type Pki } from './support.ts';
import { linkSessions } from '../../src/dtls/link-view.ts';

const T = 'Device.LocalAgent.ControllerTrust.';
const noOpenssl = missingCommand('openssl');
let pki: Pki | undefined;
before(async () => {
  if (!noOpenssl) pki = await makePki();
});
after(() => pki?.remove());

function setup(values: { [path: string]: string }) {
  const agent = createAgent({ hal: testHal(), board: host, defaults: testDefaults(values) });
  const certs = (who: string) => ({ certificate: pki!.read(who + '.pem'), privateKey: pki!.read(who + '.key'), trustAnchors: [pki!.read('ca.pem')] });
  const w = { now: 1000, delivered: [] as Peer[], logs: [] as string[], wire: [] as { d: Uint8Array; port: number }[] };
  const link = new DtlsLink({
    dtls: hostDtls(), limits: { ...host.dtls, idleTimeoutMs: 60_000 }, credentials: certs('agent'), server: true, datagramBytes: 1500,
    wallTimeMs: () => Date.now(),
    output: (d, _a, port) => void w.wire.push({ d: d.slice(), port }),
    deliver: (_m, peer) => void w.delivered.push(peer),
    log: (level, m) => void w.logs.push(level + ' ' + m),
    trust: { acceptUntrusted: () => agent.trust.acceptUntrusted(), check: (id, c, calling) => agent.trust.check(id, c, calling), tofuIdleMs: () => agent.trust.tofuIdleMs() },
  });
  /** A client session as `who` from `port`, pumped until quiet, then one record sent. */
  const connect = (who: string, port: number): DtlsSession => {
    const s = hostDtls().context({ role: 'client', ...certs(who) }).connect(w.now);
    const pump = () => {
      for (let round = 0; round < 30; round++) {
        let moved = 0;
        let d: Uint8Array | undefined;
        while ((d = s.takeOutgoing())) (moved++, link.receive(d, '127.0.0.1', port, 'server', w.now));
        for (const x of w.wire.splice(0)) if (x.port === port) (moved++, s.feed(x.d, w.now));
        if (!moved) return;
      }
    };
    pump();
    if (s.state === 'open') (s.writeApplication(new Uint8Array([0x40, 0x01, 0, 1]), w.now), pump());
    return s;
  };
  return { agent, link, w, connect };
}

const sha256 = (pem: string) => createHash('sha256').update(new X509Certificate(pki!.read(pem)).raw).digest('hex');

test('the link hands up each chain certificate\'s SHA-256; TOFU off: a self-signed certificate fails the handshake', (t) => {
  if (!needs(t, noOpenssl && 'openssl not found (apt-get install openssl)') || !pki) return;
  const { link, w, connect } = setup({});
  connect('controller', 31001);
  assert.equal(w.delivered.length, 1);
  const cert = w.delivered[0].identity?.certificate;
  assert.deepEqual(cert, { chain: [sha256('controller.pem'), sha256('ca.pem')], untrusted: false });
  const s = connect('tofu', 31002);
  assert.notEqual(s.state, 'open');
  assert.equal(w.delivered.length, 1);
  assert.ok(w.logs.some((l) => /31002 failed: .*not trusted/.test(l)), w.logs.join('\n'));
  link.close();
});

test('TOFU on: a self-signed certificate opens a session marked untrusted; TOFUInactivityTimer closes it when idle, not the trusted one', (t) => {
  if (!needs(t, noOpenssl && 'openssl not found (apt-get install openssl)') || !pki) return;
  const { link, w, connect } = setup({ [T + 'TOFUAllowed']: 'true', [T + 'TOFUInactivityTimer']: '2' });
  const trusted = connect('controller', 31011);
  const tofu = connect('tofu', 31012);
  assert.equal(tofu.state, 'open');
  const cert = w.delivered[1].identity?.certificate;
  assert.equal(cert?.untrusted, true);
  assert.deepEqual(cert?.chain, [sha256('tofu.pem')]);
  assert.equal(cert?.issuer, 'CN=tofu');
  assert.equal(BigInt('0x' + cert?.serialNumber?.replace(/:/g, '')), BigInt('0x' + new X509Certificate(pki!.read('tofu.pem')).serialNumber));
  assert.equal(linkSessions(link).server, 2);
  w.now += 1999;
  link.step(w.now);
  assert.equal(linkSessions(link).server, 2, 'not yet');
  assert.ok(link.nextDeadline() <= w.now + 1, 'the TOFU timer is the next deadline');
  w.now += 1;
  link.step(w.now);
  assert.equal(linkSessions(link).server, 1, 'the TOFU session is closed after 2 s idle');
  assert.equal(tofu.state, 'open', 'its close_notify is on the wire, not yet fed');
  assert.equal(trusted.state, 'open');
  link.close();
});

test('TOFU on: a self-signed certificate naming a Controller we already have (with no stored Credential) is refused (R-SEC.6)', (t) => {
  if (!needs(t, noOpenssl && 'openssl not found (apt-get install openssl)') || !pki) return;
  const { link, w, connect } = setup({ [T + 'TOFUAllowed']: 'true' });
  const s = connect('impostor', 31021);
  assert.equal(w.delivered.length, 0);
  assert.notEqual(s.state, 'open', 'closed by the link (close_notify fed back)');
  assert.ok(w.logs.some((l) => /refused: proto::controller-1 is a known Controller \(Device\.LocalAgent\.Controller\.1\.\) with no stored Credential/.test(l)), w.logs.join('\n'));
  link.close();
});
