// `tinyusp pki` and the certificate maker under it (tools/pki): the certificates are valid X.509
// as OpenSSL reads them, carry the Endpoint IDs in subjectAltName, and carry a real DTLS
// handshake through the project's mbedTLS (hal/host/dtls.ts), which reads those Endpoint IDs;
// a certificate from another development CA is refused. The PKI is made once and kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHostDtls } from '../../hal/host/dtls.ts';
import type { DtlsContextOptions, DtlsSession } from '../../hal/hal.ts';
import * as der from '../../tools/pki/der.ts';
import { certificate, certificatePem, newKeyPair } from '../../tools/pki/x509.ts';
import { ensureDevPki, PKI_FILES } from '../../tools/pki/dev-pki.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { tempDir, tinyusp } from './simulator.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const dtls = createHostDtls({ clock: { wallTimeMs: () => Date.now() } });

function credentials(dir: string, who: 'agent' | 'controller', caDir = dir): Omit<DtlsContextOptions, 'role'> {
  const read = (f: string) => new Uint8Array(readFileSync(f));
  return { certificate: read(join(dir, `${who}.pem`)), privateKey: read(join(dir, `${who}.key`)), trustAnchors: [read(join(caDir, PKI_FILES.ca))] };
}

/** A controller (DTLS client) and an agent (DTLS server) in memory, pumped until quiet. */
function handshake(server: Omit<DtlsContextOptions, 'role'>, client: Omit<DtlsContextOptions, 'role'>): { server?: DtlsSession; client: DtlsSession } {
  const sctx = dtls.context({ role: 'server', ...server });
  const cctx = dtls.context({ role: 'client', ...client });
  const c = cctx.connect(0);
  let s: DtlsSession | undefined;
  for (let round = 0; round < 30; round++) {
    let moved = false;
    for (let d = c.takeOutgoing(); d; d = c.takeOutgoing(), moved = true) {
      if (s) s.feed(d, round);
      else {
        const h = sctx.hello(d, '127.0.0.1:40000', round);
        if (h.action === 'reply') c.feed(h.datagram, round);
        if (h.action === 'accept') s = h.session;
      }
    }
    for (let d = s?.takeOutgoing(); d; d = s!.takeOutgoing(), moved = true) c.feed(d, round);
    if (!moved) break;
  }
  return { server: s, client: c };
}

test('DER: minimal integers, long lengths, OIDs, named bits and both time types', () => {
  assert.equal(hex(der.integer(0)), '020100');
  assert.equal(hex(der.integer(0x7f)), '02017f');
  assert.equal(hex(der.integer(0x80)), '02020080');
  assert.equal(hex(der.integer(Uint8Array.of(0, 0, 0x12))), '020112');
  assert.equal(hex(der.oid('1.2.840.10045.2.1')), '06072a8648ce3d0201');
  assert.equal(hex(der.oid('2.5.29.17')), '0603551d11');
  // KeyUsage digitalSignature (bit 0) and keyCertSign|cRLSign (bits 5, 6): unused trailing bits counted.
  assert.equal(hex(der.namedBits([0])), '03020780');
  assert.equal(hex(der.namedBits([5, 6])), '03020106');
  assert.equal(hex(der.octetString(new Uint8Array(200)).subarray(0, 3)), '0481c8');
  assert.equal(hex(der.octetString(new Uint8Array(300)).subarray(0, 4)), '0482012c');
  assert.equal(Buffer.from(der.time(new Date('2049-12-31T23:59:59Z'))).toString('latin1'), '\x17\x0d491231235959Z');
  assert.equal(Buffer.from(der.time(new Date('2050-01-01T00:00:00Z'))).toString('latin1'), '\x18\x0f20500101000000Z');
  assert.throws(() => der.ia5String('ünicode'), /not ASCII/);
});

test('a certificate valid past 2049 (GeneralizedTime) reads back with its dates and SAN', () => {
  const ca = newKeyPair();
  const leaf = newKeyPair();
  const pem = certificatePem(certificate({
    commonName: 'x', subject: leaf, issuer: { commonName: 'ca', keys: ca }, ca: false, endpointId: 'fqdn::agent.example.org',
    notBefore: new Date('2040-01-01T00:00:00Z'), notAfter: new Date('2060-06-01T12:00:00Z'),
  }));
  const cert = new X509Certificate(pem);
  assert.equal(new Date(cert.validFrom).toISOString(), '2040-01-01T00:00:00.000Z');
  assert.equal(new Date(cert.validTo).toISOString(), '2060-06-01T12:00:00.000Z');
  assert.equal(cert.subjectAltName, 'URI:urn:bbf:usp:id:fqdn::agent.example.org, DNS:agent.example.org');
  assert.ok(cert.verify(ca.publicKey));
  assert.ok(!cert.verify(leaf.publicKey));
});

test('given a fresh directory, tinyusp pki makes certificates that openssl verifies, with the Endpoint ID SANs', (t) => {
  if (!needs(t, missingCommand('openssl') && 'openssl not found (apt-get install openssl)')) return;
  const dir = join(tempDir(t), 'pki');
  const r = tinyusp(['pki', '--dir', dir, '--agent-id', 'os::00D09E-SIM0001', '--controller-id', 'proto::ctl-7']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /made ca\.pem ca\.key agent\.pem agent\.key controller\.pem controller\.key/);
  const openssl = (...args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 10_000 });
  // Strict X.509 checks, and each leaf is fit for both TLS roles (the agent and the controller are DTLS servers and clients).
  for (const purpose of ['sslserver', 'sslclient']) {
    const v = openssl('verify', '-x509_strict', '-purpose', purpose, '-CAfile', 'ca.pem', 'agent.pem', 'controller.pem');
    assert.equal(v.status, 0, v.stderr + v.stdout);
    assert.equal(v.stdout, 'agent.pem: OK\ncontroller.pem: OK\n');
  }
  const agent = openssl('x509', '-in', 'agent.pem', '-noout', '-text');
  assert.match(agent.stdout, /X509v3 Subject Alternative Name: *\n *URI:urn:bbf:usp:id:os::00D09E-SIM0001\n/);
  assert.match(agent.stdout, /Public Key Algorithm: id-ecPublicKey[\s\S]*NIST CURVE: P-256/);
  assert.match(agent.stdout, /Signature Algorithm: ecdsa-with-SHA256/);
  assert.match(agent.stdout, /Basic Constraints: critical\n *CA:FALSE/);
  assert.match(agent.stdout, /Key Usage: critical\n *Digital Signature\n/);
  const ctl = openssl('x509', '-in', 'controller.pem', '-noout', '-ext', 'subjectAltName');
  assert.match(ctl.stdout, /URI:urn:bbf:usp:id:proto::ctl-7\n/);
  const ca = openssl('x509', '-in', 'ca.pem', '-noout', '-text');
  assert.match(ca.stdout, /Basic Constraints: critical\n *CA:TRUE, pathlen:0/);
  assert.match(ca.stdout, /Key Usage: critical\n *Certificate Sign, CRL Sign/);
  for (const key of ['ca.key', 'agent.key', 'controller.key']) {
    assert.equal(openssl('pkey', '-in', key, '-noout', '-check').status, 0, key);
    assert.equal(statSync(join(dir, key)).mode & 0o777, 0o600, `${key} is readable by its owner only`);
  }
  // And a certificate from another development CA is refused.
  const other = join(tempDir(t), 'pki');
  assert.equal(tinyusp(['pki', '--dir', other]).code, 0);
  const cross = openssl('verify', '-CAfile', 'ca.pem', join(other, 'agent.pem'));
  assert.notEqual(cross.status, 0);
  assert.match(cross.stdout + cross.stderr, /unable to get local issuer certificate/);
});

test('a DTLS handshake with the pki certificates opens, each side reading the other\'s Endpoint ID', (t) => {
  const dir = tempDir(t);
  ensureDevPki({ dir, agentId: 'proto::tinyusp-demo', controllerId: 'proto::controller-1' });
  const { server, client } = handshake(credentials(dir, 'agent'), credentials(dir, 'controller'));
  assert.equal(client.state, 'open', client.error);
  assert.equal(server?.state, 'open', server?.error);
  assert.equal(client.peer()?.endpointId, 'proto::tinyusp-demo');
  assert.equal(server.peer()?.endpointId, 'proto::controller-1');
  assert.equal(client.peer()?.cipherSuite, 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8');
  assert.equal(client.peer()?.certificate?.datesChecked, true);
});

test('a controller certificate from another development CA is refused by the agent, and the reverse', (t) => {
  const ours = tempDir(t);
  const theirs = tempDir(t);
  ensureDevPki({ dir: ours, agentId: 'proto::tinyusp-demo', controllerId: 'proto::controller-1' });
  ensureDevPki({ dir: theirs, agentId: 'proto::tinyusp-demo', controllerId: 'proto::controller-1' });
  // The stranger's controller trusts our CA, but its own certificate is from its CA.
  const stranger = handshake(credentials(ours, 'agent'), credentials(theirs, 'controller', ours));
  assert.equal(stranger.server?.state, 'failed');
  assert.match(stranger.server!.error!, /X509_CERT_VERIFY_FAILED.*not trusted/);
  assert.notEqual(stranger.client.state, 'open');
  // Our controller meets an agent whose certificate is from the other CA.
  const impostor = handshake(credentials(theirs, 'agent', ours), credentials(ours, 'controller'));
  assert.equal(impostor.client.state, 'failed');
  assert.match(impostor.client.error!, /X509_CERT_VERIFY_FAILED.*not trusted/);
});

test('tinyusp pki keeps what is there, refuses a mismatch or half a pair, and --force remakes', (t) => {
  const state = tempDir(t);
  const dir = join(state, 'pki');
  const first = tinyusp(['pki', '--state', state]);
  assert.equal(first.code, 0, first.stderr);
  // From examples/demo-defaults.json, as npm start's agent and ctl use them.
  assert.match(first.stdout, /urn:bbf:usp:id:proto::tinyusp-demo/);
  assert.match(first.stdout, /urn:bbf:usp:id:proto::controller-1/);
  const before = Object.values(PKI_FILES).map((f) => readFileSync(join(dir, f), 'utf8'));

  const again = tinyusp(['pki', '--state', state]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /existing files, kept/);
  assert.deepEqual(Object.values(PKI_FILES).map((f) => readFileSync(join(dir, f), 'utf8')), before);

  const other = tinyusp(['pki', '--state', state, '--agent-id', 'proto::someone-else']);
  assert.equal(other.code, 1);
  assert.match(other.stderr, /agent\.pem in .* is for proto::tinyusp-demo, not the agent proto::someone-else: pass --force/);

  // A missing leaf is made again from the kept CA.
  rmSync(join(dir, 'controller.pem'));
  rmSync(join(dir, 'controller.key'));
  const refill = tinyusp(['pki', '--state', state]);
  assert.equal(refill.code, 0, refill.stderr);
  assert.match(refill.stdout, /made controller\.pem controller\.key\)/);
  assert.equal(readFileSync(join(dir, 'ca.pem'), 'utf8'), before[0]);
  assert.ok(new X509Certificate(readFileSync(join(dir, 'controller.pem'))).verify(new X509Certificate(before[0]).publicKey));

  rmSync(join(dir, 'agent.key'));
  const half = tinyusp(['pki', '--state', state]);
  assert.equal(half.code, 1);
  assert.match(half.stderr, /has only one of agent\.pem and agent\.key: pass --force/);

  writeFileSync(join(dir, 'ca.key'), readFileSync(join(dir, 'controller.key')));
  const wrongKey = tinyusp(['pki', '--state', state]);
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /ca\.key is not the key of ca\.pem/);

  const forced = tinyusp(['pki', '--state', state, '--force', '--days', '30']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.notEqual(readFileSync(join(dir, 'ca.pem'), 'utf8'), before[0]);
  const agent = new X509Certificate(readFileSync(join(dir, 'agent.pem')));
  const days = (Date.parse(agent.validTo) - Date.now()) / 86_400_000;
  assert.ok(days > 29 && days < 30.1, `valid for ${days} days`);
});

test('tinyusp pki refuses bad Endpoint IDs and one ID for both ends, writing nothing', (t) => {
  const dir = join(tempDir(t), 'pki');
  const cases: [string[], RegExp][] = [
    [['--agent-id', 'agent1'], /'agent1' is not an Endpoint ID/],
    [['--agent-id', 'web::x'], /unknown authority-scheme 'web'/],
    [['--controller-id', 'proto::a b'], /instance-id is empty or has characters other than/],
    [['--agent-id', `proto::${'x'.repeat(51)}`], /longer than 50 characters \(R-ARC\.6\)/],
  ];
  for (const [args, expected] of cases) {
    const r = tinyusp(['pki', '--dir', dir, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, expected);
  }
  const same = tinyusp(['pki', '--dir', dir, '--agent-id', 'proto::x', '--controller-id', 'proto::x']);
  assert.equal(same.code, 1);
  assert.match(same.stderr, /need different Endpoint IDs/);
  assert.throws(() => statSync(join(dir, 'ca.pem')), /ENOENT/);
});
