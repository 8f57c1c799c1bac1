// DTLS in the XS runner (issue 11): the mbedTLS shim compiled natively into the runner as host
// functions (firmware/xs-host/host-dtls.c) behind the HAL Dtls of hal/xs, on x86-64 and on
// 32-bit ARM under qemu-arm, against independent peers over UDP on 127.0.0.1: libcoap's
// coap-client and coap-server in their OpenSSL and GnuTLS builds, PSK and mutual ECDSA
// certificates, both roles, with the esp32 board's session memory limit (12 KB).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { buildXsBoard, bundleFixture, capArgs, QEMU_ARM, runBundle, scratchDir, scriptFile, type Arch } from '../engines/xs-harness.ts';
import { freePort, run } from '../interop/harness.ts';
import { armUnavailable, missingCommand, needs } from '../support/tools.ts';
import { root } from '../../build.config.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { makePki, type Pki } from './support.ts';
import { join } from 'node:path';
import { createHash, X509Certificate } from 'node:crypto';

const KEY = 'tinyusp-secret-1';
const ID = 'controller-1';
// The board's limit is in 32-bit terms; the x86-64 runner grants 5/4 of it (host-dtls.c).
const limitOn = (arch: Arch) => (arch === 'arm' ? esp32.dtls.sessionBytes : esp32.dtls.sessionBytes / 4 * 5);
const CAP = { chunks: 256 * 1024, slots: 16384, stack: 2048 };
const BACKENDS = ['openssl', 'gnutls'] as const;
const PEERS = missingCommand(...BACKENDS.flatMap((b) => ['coap-client-' + b, 'coap-server-' + b]), 'openssl');
const noPeers = PEERS && `${PEERS} not found (apt-get install libcoap3-bin openssl)`;

let scratch: ReturnType<typeof scratchDir>;
let bundle: string;
let benchBundle: string;
let pki: Pki;

before(async () => {
  if (noPeers && !process.env.CI) return;
  buildXsBoard('x64');
  if (!armUnavailable()) buildXsBoard('arm');
  scratch = scratchDir('xs-dtls');
  bundle = await bundleFixture('test/dtls/xs-dtls.entry.ts', scratch.dir, 'xs-dtls');
  benchBundle = await bundleFixture('test/dtls/xs-dtls-bench.entry.ts', scratch.dir, 'xs-dtls-bench');
  pki = await makePki();
});
after(() => {
  scratch?.remove();
  pki?.remove();
});

type Event = { event: string; [k: string]: unknown };

interface Runner {
  events: Event[];
  /** The first event (from index `from`) that `match` accepts; rejects after `timeoutMs`. */
  wait(match: (e: Event) => boolean, from?: number, timeoutMs?: number): Promise<Event>;
  exited: Promise<number | null>;
  stderr(): string;
  stop(): void;
}

/** The script-mode runner of `arch` running the entry with `args`. */
function runner(arch: Arch, args: string[], program = bundle): Runner {
  const binary = join(root, 'build/xs-host', arch, 'xs-host');
  const argv = [...capArgs(CAP), ...args, program];
  const child: ChildProcess = arch === 'arm' ? spawn(QEMU_ARM, [binary, ...argv]) : spawn(binary, argv);
  const events: Event[] = [];
  const waiters = new Set<() => void>();
  let err = '';
  let pending = '';
  child.stdout!.on('data', (d) => {
    pending += d;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      events.push(JSON.parse(pending.slice(0, nl)));
      pending = pending.slice(nl + 1);
    }
    for (const w of [...waiters]) w();
  });
  child.stderr!.on('data', (d) => (err += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    clearTimeout(guard);
    for (const w of [...waiters]) w();
    resolve(code);
  }));
  return {
    events,
    exited,
    stderr: () => err,
    wait(match, from = 0, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event after ${timeoutMs} ms; events: ${JSON.stringify(events.slice(from))}; stderr: ${err}`));
        }, timeoutMs);
        const check = () => {
          const e = events.slice(from).find(match);
          if (e || child.exitCode !== null) {
            clearTimeout(timer);
            waiters.delete(check);
            if (e) resolve(e);
            else reject(new Error(`runner exited (${child.exitCode}) without it; events: ${JSON.stringify(events.slice(from))}; stderr: ${err}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    stop() {
      child.kill('SIGTERM');
    },
  };
}

const sha256 = (pem: string) => createHash('sha256').update(new X509Certificate(pki.read(pem)).raw).digest('hex');
const certArgs = (who: string, ca = 'ca.pem') => ['--cert', pki.path(who + '.pem'), '--key', pki.path(who + '.key'), '--ca', pki.path(ca)];
const pskArgs = (key = KEY) => ['--arg', 'psk-identity=' + ID, '--arg', 'psk-key=' + key];
const coapCertArgs = (who: string) => ['-c', pki.path(who + '.pem'), '-j', pki.path(who + '.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')];

/** Starts coap-server-<backend> with DTLS on a free port (it listens for DTLS on -p + 1). */
async function coapServer(backend: string, args: string[]): Promise<{ port: number; stop(): void }> {
  const port = await freePort();
  const child = spawn('coap-server-' + backend, ['-A', '127.0.0.1', '-p', String(port - 1), ...args], { stdio: 'ignore' });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return { port, stop: () => (clearTimeout(guard), child.kill('SIGTERM')) };
}

for (const arch of ['x64', 'arm'] as const) {
  const unavailable = noPeers || (arch === 'arm' ? armUnavailable() : undefined);
  const LIMIT = limitOn(arch);

  describe(`XS runner (${arch}) as DTLS server, libcoap clients`, () => {
    let server: Runner | undefined;
    let port = 0;
    before(async () => {
      if (unavailable) return;
      // One context in both modes: PSK and the agent's certificate; the client picks.
      server = runner(arch, ['--arg', 'mode=server', ...certArgs('agent'), ...pskArgs()]);
      port = (await server.wait((e) => e.event === 'ready')).port as number;
    });
    after(() => server?.stop());

    /** Runs coap-client against the XS server; returns its output and the session's events. */
    async function get(backend: string, args: string[], path: string, refused = false) {
      const from = server!.events.length;
      // An earlier client's session may end meanwhile (its close_notify): only a peer with no
      // session still open counts (a new client may reuse an ephemeral port an ended one had).
      const earlier = new Set<unknown>();
      for (const e of server!.events) {
        if (e.event === 'open') earlier.add(e.peer);
        else if (e.event === 'end') earlier.delete(e.peer);
      }
      const r = await run('coap-client-' + backend, ['-B', refused ? '2' : '8', '-m', 'get', ...args, `coaps://127.0.0.1:${port}/${path}`], 20_000);
      const outcome = await server!.wait((e) => (e.event === 'open' || e.event === 'end') && !earlier.has(e.peer), from);
      const served = server!.events.slice(from).some((e) => e.event === 'served' && e.path === path);
      return { out: r.stdout + r.stderr, outcome, served };
    }

    for (const backend of BACKENDS) {
      test(`PSK: coap-client-${backend} gets a response; the session fits the board's limit`, async (t) => {
        if (!needs(t, unavailable)) return;
        const { out, outcome, served } = await get(backend, ['-k', KEY, '-u', ID], `psk-${backend}`);
        assert.match(out, new RegExp(`tinyusp:psk-${backend}`));
        assert.ok(served);
        assert.equal(outcome.suite, 'TLS_PSK_WITH_AES_128_CCM_8');
        assert.equal(outcome.psk, ID);
        assert.ok((outcome.peak as number) > 4000 && (outcome.peak as number) <= LIMIT, `peak ${outcome.peak} within ${LIMIT}`);
      });

      test(`certificate: coap-client-${backend} (mutual ECDSA) gets a response; its Endpoint ID is read in C`, async (t) => {
        if (!needs(t, unavailable)) return;
        const { out, outcome } = await get(backend, coapCertArgs('controller'), `cert-${backend}`);
        assert.match(out, new RegExp(`tinyusp:cert-${backend}`));
        assert.match(outcome.suite as string, /^TLS_ECDHE_ECDSA_WITH_AES_128_(CCM_8|GCM_SHA256)$/);
        assert.equal(outcome.endpointId, 'proto::controller-1');
        // Trust facts: the SHA-256 of each verified chain certificate, leaf first (R-SEC.25).
        assert.deepEqual(outcome.chain, [sha256('controller.pem'), sha256('ca.pem')]);
        assert.equal(outcome.untrusted, false);
        assert.equal(outcome.datesChecked, true);
        assert.ok((outcome.notBefore as number) <= Date.now() && Date.now() < (outcome.notAfter as number));
        assert.ok((outcome.peak as number) <= LIMIT, `peak ${outcome.peak} within ${LIMIT}`);
      });
    }

    test('refused: a wrong PSK', async (t) => {
      if (!needs(t, unavailable)) return;
      const { outcome, served } = await get('openssl', ['-k', 'not-the-right-k', '-u', ID], 'wrongkey', true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.error as string, /INVALID_MAC|DECODE_ERROR|FATAL_ALERT/);
    });

    test('refused: a client certificate from another CA', async (t) => {
      if (!needs(t, unavailable)) return;
      const { outcome, served } = await get('openssl', coapCertArgs('stranger'), 'stranger', true);
      assert.equal(served, false);
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.error as string, /X509_CERT_VERIFY_FAILED.*not trusted/);
    });

    test('refused: an expired client certificate', async (t) => {
      if (!needs(t, unavailable)) return;
      const { outcome, served } = await get('openssl', coapCertArgs('expired'), 'expired', true);
      assert.equal(served, false);
      assert.match(outcome.error as string, /X509_CERT_VERIFY_FAILED.*expired/);
    });
  });

  describe(`XS runner (${arch}) trust facts: Certificate.{i} of the trust anchors, TOFU`, () => {
    let server: Runner | undefined;
    let ready: { [k: string]: unknown } | undefined;
    before(async () => {
      if (unavailable) return;
      server = runner(arch, ['--arg', 'mode=server', '--arg', 'tofu=1', ...certArgs('agent')]);
      ready = await server.wait((e) => e.event === 'ready');
    });
    after(() => server?.stop());

    test('the trust anchor as Certificate.{i} shows it; with TOFU a self-signed client opens marked untrusted, a CA-signed one not', async (t) => {
      if (!needs(t, unavailable)) return;
      const ca = new X509Certificate(pki.read('ca.pem'));
      const anchors = ready!.anchors as { sha256: string; serialNumber: string; issuer: string }[];
      assert.deepEqual(anchors.map((a) => [a.sha256, a.issuer]), [[sha256('ca.pem'), 'CN=tinyusp test CA']]);
      assert.equal(BigInt('0x' + anchors[0].serialNumber.replace(/:/g, '')), BigInt('0x' + ca.serialNumber));
      const port = ready!.port as number;
      for (const [who, chain, untrusted] of [['tofu', [sha256('tofu.pem')], true], ['controller', [sha256('controller.pem'), sha256('ca.pem')], false]] as const) {
        const from = server!.events.length;
        await run('coap-client-openssl', ['-B', '8', '-m', 'get', '-c', pki.path(who + '.pem'), '-j', pki.path(who + '.key'), '-R', pki.path('ca.pem'), `coaps://127.0.0.1:${port}/${who}`], 20_000);
        const open = await server!.wait((e) => e.event === 'open' && e.endpointId === (who === 'tofu' ? 'proto::tofu' : 'proto::controller-1'), from);
        assert.deepEqual(open.chain, chain, who);
        assert.equal(open.untrusted, untrusted, who);
      }
    });
  });

  describe(`XS runner (${arch}) as DTLS client, libcoap servers`, () => {
    /** Runs the XS client against coap-server-<backend>; returns its last event and exit code. */
    async function xsGet(backend: string, serverArgs: string[], clientArgs: string[]) {
      const srv = await coapServer(backend, serverArgs);
      try {
        // The first ClientHello may come before the server binds: RFC 6347 retransmission covers it.
        const c = runner(arch, ['--arg', 'mode=client', '--arg', 'port=' + srv.port, ...clientArgs]);
        const code = await c.exited;
        return { code, last: c.events[c.events.length - 1] ?? { event: 'none', stderr: c.stderr() } };
      } finally {
        srv.stop();
      }
    }

    for (const backend of BACKENDS) {
      test(`PSK: GET from coap-server-${backend}`, async (t) => {
        if (!needs(t, unavailable)) return;
        const { code, last } = await xsGet(backend, ['-k', KEY], pskArgs());
        assert.equal(code, 0, JSON.stringify(last));
        assert.equal(last.code, 69, '2.05 Content');
        assert.match(last.payload as string, /libcoap/);
        assert.equal(last.suite, 'TLS_PSK_WITH_AES_128_CCM_8');
      });

      test(`certificate: GET from coap-server-${backend} (mutual ECDSA); its Endpoint ID is read in C`, async (t) => {
        if (!needs(t, unavailable)) return;
        const { code, last } = await xsGet(backend, coapCertArgs('controller'), certArgs('agent'));
        assert.equal(code, 0, JSON.stringify(last));
        assert.equal(last.code, 69);
        assert.equal(last.endpointId, 'proto::controller-1');
        assert.ok((last.peak as number) <= LIMIT, `peak ${last.peak} within ${LIMIT}`);
      });
    }

    test('a session over its memory limit fails cleanly (the limit is enforced in C, outside the XS heap)', async (t) => {
      if (!needs(t, unavailable)) return;
      const { code, last } = await xsGet('openssl', coapCertArgs('controller'), [...certArgs('agent'), '--arg', 'limit=6000', '--arg', 'hs-max=1600']);
      // Refused inside mbedTLS (an ALLOC_FAILED), or a datagram the session could not hold,
      // dropped as the network might, until the handshake timer gives up.
      assert.equal(code, 1);
      assert.equal(last.state, 'failed');
      assert.match(last.error as string, /^session memory limit reached: /);
      assert.ok((last.peak as number) <= (arch === 'arm' ? 6000 : 7500), `peak ${last.peak}`);
    });

    test('refused: coap-server-openssl presenting a certificate from another CA', async (t) => {
      if (!needs(t, unavailable)) return;
      const { code, last } = await xsGet('openssl', ['-c', pki.path('stranger.pem'), '-j', pki.path('stranger.key'), '-C', pki.path('other-ca.pem'), '-n'], certArgs('agent'));
      assert.equal(code, 1);
      assert.equal(last.state, 'failed');
      assert.match(last.error as string, /X509_CERT_VERIFY_FAILED.*not trusted/);
    });
  });

  test(`in process on ${arch}: PSK and ECDSA handshakes within the board's session limit; an open session costs the XS heap a few hundred bytes`, async (t) => {
    if (!needs(t, unavailable)) return;
    const r = runner(arch, ['--arg', 'n=1', ...certArgs('agent')], benchBundle);
    assert.equal(await r.exited, 0, r.stderr());
    assert.deepEqual(r.events.map((e) => e.mode), ['PSK', 'ECDSA']);
    for (const e of r.events) {
      const m = e as unknown as Record<string, number>;
      for (const k of ['serverOpen', 'serverPeak', 'clientOpen', 'clientPeak']) assert.ok(m[k] > 4000 && m[k] <= LIMIT, `${e.mode} ${k} ${m[k]} within ${LIMIT}`);
      assert.ok(m.serverPeak >= m.serverOpen && m.clientPeak >= m.clientOpen);
      // One session object of a few fields (hal/xs/dtls.ts); the mbedTLS heap is outside the cap.
      assert.ok(m.xsPerSession > 0 && m.xsPerSession <= (arch === 'arm' ? 256 : 512), `${e.mode} XS heap per session ${m.xsPerSession}`);
    }
  });
}

test('the dtls host function refuses bad calls with an exception and keeps no state for them', (t) => {
  if (!needs(t, noPeers)) return;
  const file = scriptFile(scratch.dir, 'bad-calls', `
    const h = __tinyusp_host;
    const out = [];
    const attempt = (what, f) => { try { f(); out.push(what + ': no error'); } catch (e) { out.push(what + ': ' + e.name); } };
    attempt('unknown operation', () => h.dtls(99));
    attempt('dead session', () => h.dtls(10, 12345, new ArrayBuffer(4), 0, 4, 0));
    const c = h.dtls(1, true, 1000, 16000, 1232, 12288);
    attempt('offset outside the buffer', () => h.dtls(8, c, new ArrayBuffer(4), 2, 4, '127.0.0.1:1', 0));
    attempt('not an ArrayBuffer', () => h.dtls(2, c, 'pem', 0, 3));
    out.push('garbage hello: ' + h.dtls(8, c, new ArrayBuffer(64), 0, 64, '127.0.0.1:1', 0));
    out.push('bad trust anchor: ' + (h.dtls(2, c, new ArrayBuffer(16), 0, 16) < 0));
    out.push('psk identity over 128 bytes: ' + h.dtls(4, c, 'x'.repeat(300), new ArrayBuffer(16), 0, 16));
    h.dtls(7, c);
    attempt('freed context', () => h.dtls(5, c));
    h.print(JSON.stringify(out));
  `);
  const r = runBundle(file, CAP);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [
    'unknown operation: RangeError', 'dead session: TypeError', 'offset outside the buffer: RangeError', 'not an ArrayBuffer: TypeError',
    'garbage hello: undefined', 'bad trust anchor: true', 'psk identity over 128 bytes: -28928', 'freed context: TypeError',
  ]);
});
