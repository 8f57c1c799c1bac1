// Runs inside the XS runner: the HAL Dtls of hal/xs (the mbedTLS shim compiled into the runner)
// between a real UDP socket on 127.0.0.1 and a tiny CoAP responder or requester, as the agent's
// run loop would use it; driven by test/dtls/xs-dtls.test.ts against libcoap's OpenSSL peers.
// One JSON line on stdout per event.
//   --arg mode=server                serve: GET -> 2.05 "tinyusp:<path>"; runs until SIGTERM
//   --arg mode=client --arg port=N --arg path=P   one confirmable GET, then exit 0 (1: failed)
// Credentials: --cert/--key/--ca (certificate mode) or --arg psk-identity=I --arg psk-key=K.
// --arg limit=BYTES: the session memory limit (default: the esp32 profile's); --arg hs-max=MS:
// the handshake gives up after MS (RFC 6347 §4.2.4 timer from MS/8; default 1 s .. 16 s).
import type { DtlsContextOptions, DtlsSession } from '../../hal/hal.ts';
import { xsHost } from '../../hal/xs/host.ts';
import { xsClock } from '../../hal/xs/clock.ts';
import { xsDtls } from '../../hal/xs/dtls.ts';
import { xsNet } from '../../hal/xs/net.ts';
import { xsTimers } from '../../hal/xs/timers.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { CoapType, Code, Method, Option } from '../../src/coap/constants.ts';
import { decodeMessage, encodeMessage, type CoapMessage } from '../../src/coap/message.ts';
import { utf8Decode, utf8Encode } from '../../src/codec/utf8.ts';

const host = xsHost();
const clock = xsClock(host);
const timers = xsTimers(host);
const net = xsNet(host);
const dtls = xsDtls(host, clock);
const emit = (event: object) => host.print(JSON.stringify(event));
const now = () => clock.monotonicMs();

function credentials(): Omit<DtlsContextOptions, 'role'> {
  const limit = host.arg('limit');
  const options: Omit<DtlsContextOptions, 'role'> = { sessionMemoryLimit: limit ? Number(limit) : esp32.dtls.sessionBytes };
  const hsMax = host.arg('hs-max');
  if (hsMax) options.handshakeTimeoutMs = { initial: Number(hsMax) / 8, max: Number(hsMax) };
  const cert = host.credential('cert');
  if (cert) {
    options.certificate = new Uint8Array(cert);
    options.privateKey = new Uint8Array(host.credential('key')!);
    options.trustAnchors = [new Uint8Array(host.credential('ca')!)];
  }
  const identity = host.arg('psk-identity');
  if (identity) options.psk = [{ identity, key: utf8Encode(host.arg('psk-key') ?? '') }];
  return options;
}

/** Re-arms one timer at the session's next retransmission deadline. */
function timerFor(session: DtlsSession, after: () => void): () => void {
  let handle = 0;
  const arm = () => {
    if (handle) timers.clear(handle);
    handle = 0;
    const at = session.nextTimeoutMs();
    if (at >= 0) {
      handle = timers.set(Math.max(0, at - now()) + 1, () => {
        handle = 0;
        session.step(now());
        after();
        arm();
      });
    }
  };
  return arm;
}

function pathOf(m: CoapMessage): string {
  return m.options.filter((o) => o.number === Option.URI_PATH).map((o) => utf8Decode(o.value)).join('/');
}

function facts(s: DtlsSession): object {
  const p = s.peer();
  const cert = p?.certificate;
  return {
    suite: p?.cipherSuite, psk: p?.pskIdentity, endpointId: p?.endpointId, der: cert?.der.length,
    notBefore: cert?.notBeforeMs, notAfter: cert?.notAfterMs, datesChecked: cert?.datesChecked,
    chain: cert?.chainSha256?.map(hex), untrusted: cert?.untrusted,
    memory: s.memoryBytes(), peak: s.memoryPeakBytes(), maxPayload: s.maxApplicationPayload(),
  };
}

function hex(b: Uint8Array): string {
  let t = '';
  for (let i = 0; i < b.length; i++) t += (b[i] < 16 ? '0' : '') + b[i].toString(16);
  return t;
}

function server(): void {
  const ctx = dtls.context({ role: 'server', ...credentials() });
  // --arg tofu=1: chains that reach no trust anchor pass, marked (TOFU); the trust anchors as
  // Certificate.{i} would show them.
  if (host.arg('tofu') === '1') ctx.acceptUntrusted?.(true);
  const ca = host.credential('ca');
  const anchors = ca && dtls.describeCertificates ? dtls.describeCertificates(new Uint8Array(ca)).map((a) => ({ sha256: hex(a.sha256), serialNumber: a.serialNumber, issuer: a.issuer })) : undefined;
  const sessions = new Map<string, { s: DtlsSession; arm: () => void; opened: boolean }>();
  const out = new Uint8Array(1280);
  const settle = (key: string) => {
    const e = sessions.get(key)!;
    const st = e.s.state;
    if (st === 'open' && !e.opened) {
      e.opened = true;
      emit({ event: 'open', peer: key, ...facts(e.s) });
    }
    if (st === 'failed' || st === 'closed') {
      const error = e.s.error;
      e.s.close();
      emit({ event: 'end', peer: key, state: st, error, peak: e.s.memoryPeakBytes() });
      sessions.delete(key);
    }
  };
  const flush = (key: string, address: string, port: number) => {
    const e = sessions.get(key);
    let d;
    while (e && (d = e.s.takeOutgoing())) socket.send(d, address, port);
  };
  const socket = net.udp({
    address: '127.0.0.1',
    maxDatagramBytes: esp32.limits.datagramBytes,
    onReady: (port) => emit({ event: 'ready', port, anchors }),
    onDatagram(data, address, port) {
      const key = address + ':' + port;
      const t = now();
      let e = sessions.get(key);
      if (!e) {
        const h = ctx.hello(data, key, t);
        if (h.action === 'reply') return socket.send(h.datagram, address, port);
        if (h.action === 'drop') return;
        const s = h.session;
        e = { s, arm: timerFor(s, () => (flush(key, address, port), settle(key))), opened: false };
        sessions.set(key, e);
      } else e.s.feed(data, t);
      let app;
      while ((app = e.s.readApplication())) {
        const m = decodeMessage(app);
        if (!m.ok || m.message.type !== CoapType.CON || m.message.code !== Method.GET) continue;
        const path = pathOf(m.message);
        emit({ event: 'served', peer: key, path });
        const reply: CoapMessage = { type: CoapType.ACK, code: Code.CONTENT, messageId: m.message.messageId, token: m.message.token, options: [], payload: utf8Encode('tinyusp:' + path) };
        e.s.writeApplication(out.subarray(0, encodeMessage(reply, out)), t);
      }
      flush(key, address, port);
      e.arm();
      settle(key);
    },
  });
}

function client(): void {
  const ctx = dtls.context({ role: 'client', ...credentials() });
  const port = Number(host.arg('port'));
  const path = host.arg('path') ?? '';
  const token = new Uint8Array([7, 1, 2, 3]);
  let session: DtlsSession | undefined;
  let sent = false;
  const t0 = now();
  const finish = (code: number, event: object) => {
    emit(event);
    host.exit(code);
  };
  const guard = timers.set(Number(host.arg('timeout') ?? 10000), () => finish(1, { event: 'timeout', state: session?.state, error: session?.error }));
  const flush = () => {
    let d;
    while (session && (d = session.takeOutgoing())) socket.send(d, '127.0.0.1', port);
  };
  const check = () => {
    const s = session!;
    if (s.state === 'failed' || s.state === 'closed') return finish(1, { event: 'end', state: s.state, error: s.error, peak: s.memoryPeakBytes() });
    if (s.state === 'open' && !sent) {
      sent = true;
      const req: CoapMessage = {
        type: CoapType.CON, code: Method.GET, messageId: 0x2345, token, payload: new Uint8Array(0),
        options: path.split('/').filter(Boolean).map((p) => ({ number: Option.URI_PATH, value: utf8Encode(p) })),
      };
      const buf = new Uint8Array(256);
      s.writeApplication(buf.subarray(0, encodeMessage(req, buf)), now());
      flush();
    }
    let app;
    while ((app = s.readApplication())) {
      const m = decodeMessage(app);
      if (m.ok && m.message.code !== 0 && m.message.token.length === 4 && m.message.token.every((b, i) => b === token[i])) {
        timers.clear(guard);
        const result = { event: 'response', code: m.message.code, payload: utf8Decode(m.message.payload), handshakeMs: now() - t0, ...facts(s) };
        s.close();
        flush();
        ctx.dispose();
        return finish(0, result);
      }
    }
  };
  let arm = () => {};
  const socket = net.udp({
    address: '127.0.0.1',
    onDatagram(data, _address, p) {
      if (!session || p !== port) return;
      session.feed(data, now());
      flush();
      check();
      arm();
    },
    onReady() {
      session = ctx.connect(now());
      arm = timerFor(session, () => (flush(), check()));
      flush();
      arm();
    },
  });
}

if (host.arg('mode') === 'client') client();
else server();
