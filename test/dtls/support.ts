// Test glue for the DTLS HAL: our DTLS server and client bound to real UDP sockets
// (hal/host/net.ts) on loopback, with a tiny CoAP responder/requester built on src/coap/message.ts,
// and the test PKI made by make-pki.sh. This is the run loop an agent host would have between the
// socket and the CoAP endpoint; every wait is bounded.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostNet } from '../../hal/host/net.ts';
import { createHostDtls, type HostDtls } from '../../hal/host/dtls.ts';
import type { DtlsContextOptions, DtlsPeer, DtlsSession } from '../../hal/hal.ts';
import { CoapType, Code, Method, Option } from '../../src/coap/constants.ts';
import { decodeMessage, encodeMessage, type CoapMessage } from '../../src/coap/message.ts';
import { run } from '../interop/harness.ts';

const te = new TextEncoder();
const td = new TextDecoder();

export interface Pki {
  dir: string;
  path(name: string): string;
  read(name: string): Uint8Array;
  remove(): void;
}

/** Makes the test PKI (openssl CLI) into a fresh temporary directory. */
export async function makePki(): Promise<Pki> {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-pki-'));
  const r = await run('bash', [new URL('./make-pki.sh', import.meta.url).pathname, dir], 60000);
  if (r.code !== 0) throw new Error('make-pki.sh failed: ' + r.stderr);
  return {
    dir,
    path: (n) => join(dir, n),
    read: (n) => new Uint8Array(readFileSync(join(dir, n))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Certificate-mode credentials from the PKI for `who` (agent, controller, expired, stranger). */
export function certCredentials(pki: Pki, who: string, ca = 'ca.pem'): Pick<DtlsContextOptions, 'certificate' | 'privateKey' | 'trustAnchors'> {
  return { certificate: pki.read(who + '.pem'), privateKey: pki.read(who + '.key'), trustAnchors: [pki.read(ca)] };
}

let shared: HostDtls | undefined;
/**
 * One module instance per test process, with the host's wall time (certificate dates checked).
 * For measuring builds (`npm run bench:dtls`): DTLS_WASM is another module, DTLS_CCM=mbedtls
 * puts every record through mbedTLS's ccm.c (hal/host/dtls.ts `ccm`).
 */
export function hostDtls(): HostDtls {
  shared ??= createHostDtls({ clock: { wallTimeMs: () => Date.now() }, wasmPath: process.env.DTLS_WASM || undefined, ccm: process.env.DTLS_CCM === 'mbedtls' ? 'mbedtls' : 'lean' });
  return shared;
}

const now = () => performance.now();

/** Drives one session's retransmission timer on real time. */
function timerFor(session: DtlsSession, flush: () => void): () => void {
  let t: NodeJS.Timeout | undefined;
  const arm = () => {
    if (t) clearTimeout(t);
    t = undefined;
    const at = session.nextTimeoutMs();
    if (at >= 0) {
      t = setTimeout(() => {
        session.step(now());
        flush();
        arm();
      }, Math.max(0, at - now()) + 1);
    }
  };
  return arm;
}

export interface Outcome {
  peer: string;
  state: DtlsSession['state'];
  error?: string;
  facts?: DtlsPeer;
}

export interface OurServer {
  port: number;
  /** CoAP requests answered, by path. */
  served: string[];
  /** Every session's end (or 'open' while it lives), in creation order. */
  outcomes: Outcome[];
  helloReplies: number;
  liveSessions(): number;
  /** Resolves once `n` sessions ended or opened (bounded). */
  waitOutcomes(n: number, timeoutMs?: number): Promise<Outcome[]>;
  close(): void;
}

/**
 * Our DTLS server on 127.0.0.1 with a CoAP responder: a confirmable GET or POST gets a
 * piggybacked ACK, 2.05 "tinyusp:<path>" for GET, 2.04 echoing the payload for POST.
 */
export async function ourServer(options: Omit<DtlsContextOptions, 'role'>): Promise<OurServer> {
  const ctx = hostDtls().context({ role: 'server', ...options });
  const net = createHostNet();
  const sessions = new Map<string, { s: DtlsSession; arm: () => void; outcome: Outcome }>();
  const served: string[] = [];
  const outcomes: Outcome[] = [];
  let helloReplies = 0;
  const waiters: (() => void)[] = [];
  const out = new Uint8Array(2048);

  const settle = (key: string) => {
    const e = sessions.get(key);
    if (!e) return;
    const st = e.s.state;
    if (st === 'open' && !e.outcome.facts) {
      e.outcome.state = 'open';
      e.outcome.facts = e.s.peer();
    }
    if (st === 'failed' || st === 'closed') {
      e.outcome.state = st;
      e.outcome.error = e.s.error;
      e.s.close();
      sessions.delete(key);
    }
    for (const w of waiters.splice(0)) w();
  };
  const flush = (key: string, address: string, port: number) => {
    const e = sessions.get(key);
    if (!e) return;
    let d;
    while ((d = e.s.takeOutgoing())) socket.send(d, address, port);
  };
  const respond = (key: string, req: CoapMessage, nowMs: number) => {
    const e = sessions.get(key)!;
    if (req.type !== CoapType.CON || (req.code !== Method.GET && req.code !== Method.POST)) return;
    const path = req.options.filter((o) => o.number === Option.URI_PATH).map((o) => td.decode(o.value)).join('/');
    served.push(path);
    const get = req.code === Method.GET;
    const reply: CoapMessage = {
      type: CoapType.ACK,
      code: get ? Code.CONTENT : Code.CHANGED,
      messageId: req.messageId,
      token: req.token,
      options: [],
      payload: get ? te.encode('tinyusp:' + path) : req.payload,
    };
    e.s.writeApplication(out.subarray(0, encodeMessage(reply, out)), nowMs);
  };

  const socket = net.udp({
    address: '127.0.0.1',
    onDatagram(data, address, port) {
      const key = address + ':' + port;
      const t = now();
      let e = sessions.get(key);
      if (!e) {
        const h = ctx.hello(data, key, t);
        if (h.action === 'reply') {
          helloReplies++;
          socket.send(h.datagram, address, port);
          return;
        }
        if (h.action === 'drop') return;
        const outcome: Outcome = { peer: key, state: 'handshaking' };
        outcomes.push(outcome);
        e = { s: h.session, arm: () => {}, outcome };
        e.arm = timerFor(h.session, () => (flush(key, address, port), settle(key)));
        sessions.set(key, e);
      } else {
        e.s.feed(data, t);
      }
      let app;
      while ((app = e.s.readApplication())) {
        const m = decodeMessage(app);
        if (m.ok) respond(key, m.message, t);
      }
      flush(key, address, port);
      e.arm();
      settle(key);
    },
  });
  await socket.ready;
  return {
    port: socket.port,
    served,
    outcomes,
    get helloReplies() {
      return helloReplies;
    },
    liveSessions: () => sessions.size,
    waitOutcomes(n, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${n} session outcomes: ${JSON.stringify(outcomes)}`)), timeoutMs);
        const check = () => {
          if (outcomes.filter((o) => o.state !== 'handshaking').length >= n) {
            clearTimeout(deadline);
            resolve(outcomes);
          } else waiters.push(check);
        };
        check();
      });
    },
    close() {
      for (const e of sessions.values()) e.s.close();
      sessions.clear();
      ctx.dispose();
      socket.close();
    },
  };
}

export interface ClientResult {
  code: number;
  payload: string;
  peer: DtlsPeer | undefined;
  handshakeMs: number;
}

/**
 * Our DTLS client: handshakes with 127.0.0.1:`port`, sends one confirmable GET of `path`, and
 * resolves with the response; rejects with the session's error or on timeout.
 */
export async function ourClientGet(options: Omit<DtlsContextOptions, 'role'>, port: number, path: string, timeoutMs = 10000): Promise<ClientResult> {
  const ctx = hostDtls().context({ role: 'client', ...options });
  const net = createHostNet();
  let session: DtlsSession | undefined;
  let arm = () => {};
  let done = false;
  const t0 = now();
  let handshakeMs = -1;
  return new Promise<ClientResult>((resolve, reject) => {
    const finish = (err: Error | undefined, r?: ClientResult) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      if (resend) clearTimeout(resend);
      session?.close();
      flush();
      ctx.dispose();
      socket.close();
      if (err) reject(err);
      else resolve(r!);
    };
    const deadline = setTimeout(() => finish(new Error('timed out; state ' + session?.state + ' ' + (session?.error ?? ''))), timeoutMs);
    const flush = () => {
      let d;
      while (session && (d = session.takeOutgoing())) socket.send(d, '127.0.0.1', port);
    };
    const token = new Uint8Array([1, 2, 3, 4]);
    let request: Uint8Array | undefined;
    let resend: NodeJS.Timeout | undefined;
    // CON retransmission (RFC 7252 §4.2, simplified: every second) for lossy links.
    const sendRequest = () => {
      if (done || !session || session.state !== 'open' || !request) return;
      session.writeApplication(request, now());
      flush();
      resend = setTimeout(sendRequest, 1000);
    };
    const check = () => {
      if (!session) return;
      if (session.state === 'failed' || session.state === 'closed') {
        finish(new Error('dtls ' + session.state + ': ' + (session.error ?? '')));
        return;
      }
      if (session.state === 'open' && handshakeMs < 0) {
        handshakeMs = now() - t0;
        const req: CoapMessage = {
          type: CoapType.CON,
          code: Method.GET,
          messageId: 0x1234,
          token,
          options: path.split('/').filter(Boolean).map((p) => ({ number: Option.URI_PATH, value: te.encode(p) })),
          payload: new Uint8Array(0),
        };
        const buf = new Uint8Array(512);
        request = buf.subarray(0, encodeMessage(req, buf));
        sendRequest();
      }
      let app;
      while ((app = session.readApplication())) {
        const m = decodeMessage(app);
        if (m.ok && m.message.code !== 0 && m.message.token.length === 4 && m.message.token.every((b, i) => b === token[i])) {
          finish(undefined, { code: m.message.code, payload: td.decode(m.message.payload), peer: session.peer(), handshakeMs });
          return;
        }
      }
    };
    const socket = net.udp({
      address: '127.0.0.1',
      onDatagram(data, address, p) {
        if (!session || done || p !== port) return;
        session.feed(data, now());
        flush();
        check();
        arm();
      },
    });
    socket.ready.then(() => {
      if (done) return;
      session = ctx.connect(now());
      arm = timerFor(session, () => (flush(), check()));
      flush();
      arm();
    }, (e) => finish(e));
  });
}

export interface LossyProxy {
  port: number;
  dropped: number;
  forwarded: number;
  close(): void;
}

/**
 * A UDP relay on 127.0.0.1 between one client and `targetPort` that drops each datagram with
 * probability `loss` (a seeded xorshift, so the pattern of a run is reproducible).
 */
export async function lossyProxy(targetPort: number, loss: number, seed = 0x2545f491): Promise<LossyProxy> {
  const net = createHostNet();
  let x = seed >>> 0 || 1;
  const rand = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
  let client: { address: string; port: number } | undefined;
  const stats = { dropped: 0, forwarded: 0 };
  const relay = (send: () => void) => {
    if (rand() < loss) stats.dropped++;
    else (stats.forwarded++, send());
  };
  const upstream = net.udp({
    address: '127.0.0.1',
    onDatagram(data) {
      const c = client;
      if (c) relay(() => front.send(data, c.address, c.port));
    },
  });
  const front = net.udp({
    address: '127.0.0.1',
    onDatagram(data, address, port) {
      client = { address, port };
      relay(() => upstream.send(data, '127.0.0.1', targetPort));
    },
  });
  await Promise.all([upstream.ready, front.ready]);
  return {
    port: front.port,
    get dropped() {
      return stats.dropped;
    },
    get forwarded() {
      return stats.forwarded;
    },
    close() {
      front.close();
      upstream.close();
    },
  };
}
