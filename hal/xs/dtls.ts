// HAL Dtls over the XS runner's DTLS host functions (firmware/xs-host/host-dtls.c): the mbedTLS
// 3.6 shim of firmware/dtls compiled natively into the runner, as the board links it (issue 11).
// It behaves as hal/host/dtls.ts, the WebAssembly build of the same C. What it costs the XS heap
// is kept small: a session is one object of a few fields; the datagrams it has to send wait in
// the shim's queue (C heap, counted in the session's memory) until takeOutgoing() asks.
import type { Clock, Dtls, DtlsCertificateInfo, DtlsContext, DtlsContextOptions, DtlsHello, DtlsPeer, DtlsSession } from '../hal.ts';
import { mbedtlsError, verifyFlags } from '../dtls-errors.ts';
import { utf8Decode } from '../../src/codec/utf8.ts';
import type { XsHostFunctions } from './host.ts';

// The operations of the dtls host function (host-dtls.c), its info items (DTLS_INFO_*), the
// shim's session states (tinyusp_dtls.h TUD_*) and MBEDTLS_ERR_SSL_BAD_INPUT_DATA. Enums: esbuild
// puts the numbers in at each use, so no table is preloaded (issue 10).
enum K {
  WALL_TIME, CONTEXT, ADD_TRUST, SET_OWN, ADD_PSK, FINISH, CONTEXT_MEMORY, CONTEXT_FREE,
  HELLO, CONNECT, FEED, STEP, TAKE_OUTGOING, WRITE, INFO, PEER, CLOSE,
  ACCEPT_UNTRUSTED, X509_INFO,
  OPEN = 1, CLOSED = 2, FAILED = 3, BAD_INPUT = -0x7100,
}
enum Info { STATE, ERROR, OVER_LIMIT, MAX_PAYLOAD, MEMORY, MEMORY_PEAK, VERIFY_FLAGS, NEXT_TIMEOUT }

/** What the sessions of one context share. */
interface Owner {
  host: XsHostFunctions;
  /** Passes the HAL clock's wall time to the shim (certificate dates, R-MTP.2/3). */
  sync(): void;
  live: Set<XsDtlsSession>;
}

/** Strict UTF-8, or undefined for bytes that are not (no Endpoint ID can match them). */
function text(buffer: ArrayBuffer | undefined): string | undefined {
  if (buffer === undefined) return undefined;
  try {
    return utf8Decode(new Uint8Array(buffer));
  } catch {
    return undefined;
  }
}

class XsDtlsSession implements DtlsSession {
  /** The host's session id; 0 once closed (the C side is freed). */
  private id: number;
  private readonly owner: Owner;
  private incoming: Uint8Array[] | undefined;
  /** What was still queued when the session was closed (close_notify). */
  private leftover: ArrayBuffer[] | undefined;
  private ended: 'closed' | 'failed' | undefined;
  private failure: string | undefined;
  private peak = 0;

  constructor(id: number, owner: Owner) {
    this.id = id;
    this.owner = owner;
    owner.live.add(this);
  }

  private info(what: number): number {
    return this.owner.host.dtls(K.INFO, this.id, what);
  }

  /** Keeps why the session failed, with the certificate verdict when there is one. */
  private noteFailure(): void {
    if (this.failure !== undefined || !this.id || this.info(Info.STATE) !== K.FAILED) return;
    const code = this.info(Info.ERROR);
    let failure = mbedtlsError(code);
    if (this.info(Info.OVER_LIMIT)) failure = 'session memory limit reached: ' + failure;
    const flags = this.info(Info.VERIFY_FLAGS) >>> 0;
    if (code === -0x2700 && flags !== 0 && flags !== 0xffffffff) failure += ': ' + verifyFlags(flags).join(', ');
    this.failure = failure;
  }

  get state(): DtlsSession['state'] {
    if (!this.id) return this.ended!;
    // the shim's TUD_* states (compared: no preloaded table)
    const s = this.info(Info.STATE);
    return s === K.OPEN ? 'open' : s === K.FAILED ? 'failed' : s === K.CLOSED ? 'closed' : 'handshaking';
  }

  get error(): string | undefined {
    this.noteFailure();
    return this.failure;
  }

  feed(datagram: Uint8Array, nowMs: number): void {
    if (!this.id) return;
    this.owner.sync();
    const records = this.owner.host.dtls(K.FEED, this.id, datagram.buffer as ArrayBuffer, datagram.byteOffset, datagram.byteLength, nowMs);
    if (records) {
      const queue = this.incoming ?? (this.incoming = []);
      for (let i = 0; i < records.length; i++) queue.push(new Uint8Array(records[i]));
    }
    this.noteFailure();
  }

  step(nowMs: number): void {
    if (!this.id) return;
    this.owner.sync();
    this.owner.host.dtls(K.STEP, this.id, nowMs);
    this.noteFailure();
  }

  nextTimeoutMs(): number {
    return this.id ? this.info(Info.NEXT_TIMEOUT) : -1;
  }

  takeOutgoing(): Uint8Array | undefined {
    if (this.leftover) {
      const d = this.leftover.shift();
      if (!this.leftover.length) this.leftover = undefined;
      return d && new Uint8Array(d);
    }
    const d = this.id ? this.owner.host.dtls(K.TAKE_OUTGOING, this.id) : undefined;
    return d && new Uint8Array(d);
  }

  readApplication(): Uint8Array | undefined {
    const queue = this.incoming;
    if (!queue) return undefined;
    const record = queue.shift();
    if (!queue.length) this.incoming = undefined;
    return record;
  }

  writeApplication(data: Uint8Array, nowMs: number): boolean {
    if (!this.id || this.info(Info.STATE) !== K.OPEN) return false;
    return this.owner.host.dtls(K.WRITE, this.id, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength, nowMs) === data.byteLength;
  }

  maxApplicationPayload(): number {
    return this.id ? this.info(Info.MAX_PAYLOAD) : 0;
  }

  peer(): DtlsPeer | undefined {
    const p = this.id ? this.owner.host.dtls(K.PEER, this.id) : undefined;
    if (!p) return undefined;
    const facts: DtlsPeer = { cipherSuite: p[0] };
    const psk = text(p[1]);
    if (psk !== undefined) facts.pskIdentity = psk;
    const endpointId = text(p[2]);
    if (endpointId !== undefined) facts.endpointId = endpointId;
    if (p[3]) {
      const chainSha256: Uint8Array[] = [];
      for (let i = 0; p[7] && i + 32 <= p[7].byteLength; i += 32) chainSha256.push(new Uint8Array(p[7], i, 32));
      facts.certificate = { der: new Uint8Array(p[3]), notBeforeMs: p[4]! * 1000, notAfterMs: p[5]! * 1000, datesChecked: p[6] === true, chainSha256, untrusted: p[8] === true };
    }
    return facts;
  }

  memoryBytes(): number {
    return this.id ? this.info(Info.MEMORY) : 0;
  }

  memoryPeakBytes(): number {
    if (this.id) this.peak = this.info(Info.MEMORY_PEAK);
    return this.peak;
  }

  close(): void {
    if (!this.id) return;
    this.noteFailure();
    this.ended = this.info(Info.STATE) === K.FAILED ? 'failed' : 'closed';
    this.peak = this.info(Info.MEMORY_PEAK);
    this.leftover = this.owner.host.dtls(K.CLOSE, this.id);
    this.id = 0;
    this.owner.live.delete(this);
  }
}

export function xsDtls(host: XsHostFunctions, clock: Pick<Clock, 'wallTimeMs'>): Dtls {
  const sync = () => {
    const wall = clock.wallTimeMs();
    host.dtls(K.WALL_TIME, wall === undefined ? -1 : wall / 1000);
  };
  return Object.freeze({
    describeCertificates(pemOrDer: Uint8Array): DtlsCertificateInfo[] {
      const out: DtlsCertificateInfo[] = [];
      for (let i = 0; i < 16; i++) {
        const r = host.dtls(K.X509_INFO, pemOrDer.buffer as ArrayBuffer, pemOrDer.byteOffset, pemOrDer.byteLength, i);
        if (!r) break;
        const t = text(r.slice(32)) ?? '';
        const nl = t.indexOf('\n');
        out.push({ sha256: new Uint8Array(r, 0, 32), serialNumber: t.slice(0, nl), issuer: t.slice(nl + 1) });
      }
      return out;
    },
    context(o: DtlsContextOptions): DtlsContext {
      const hs = o.handshakeTimeoutMs ?? { initial: 1000, max: 16000 };
      const c = host.dtls(K.CONTEXT, o.role === 'server', hs.initial, hs.max, o.mtu ?? 1280 - 48, o.sessionMemoryLimit ?? 0);
      const check = (r: number, what: string) => {
        if (r !== 0) {
          host.dtls(K.CONTEXT_FREE, c);
          throw new Error('dtls: ' + what + ': ' + mbedtlsError(r));
        }
      };
      for (const ca of o.trustAnchors ?? []) check(host.dtls(K.ADD_TRUST, c, ca.buffer as ArrayBuffer, ca.byteOffset, ca.byteLength), 'trust anchor');
      if (o.certificate || o.privateKey) {
        if (!o.certificate || !o.privateKey) check(K.BAD_INPUT, 'certificate and private key go together');
        const cert = o.certificate!;
        const key = o.privateKey!;
        check(host.dtls(K.SET_OWN, c, cert.buffer as ArrayBuffer, cert.byteOffset, cert.byteLength, key.buffer as ArrayBuffer, key.byteOffset, key.byteLength), 'own certificate');
      }
      for (const e of o.psk ?? []) {
        check(host.dtls(K.ADD_PSK, c, e.identity, e.key.buffer as ArrayBuffer, e.key.byteOffset, e.key.byteLength), 'psk ' + JSON.stringify(e.identity));
      }
      check(host.dtls(K.FINISH, c), 'configuration');
      let disposed = false;
      // Sessions point into the context's configuration: disposing it closes them first.
      const owner: Owner = { host, sync, live: new Set() };
      return {
        role: o.role,
        hello(datagram: Uint8Array, peer: string, nowMs: number): DtlsHello {
          if (disposed || o.role !== 'server') return { action: 'drop' };
          sync();
          const r = host.dtls(K.HELLO, c, datagram.buffer as ArrayBuffer, datagram.byteOffset, datagram.byteLength, peer, nowMs);
          if (typeof r === 'number') return { action: 'accept', session: new XsDtlsSession(r, owner) };
          if (r) return { action: 'reply', datagram: new Uint8Array(r) };
          return { action: 'drop' };
        },
        connect(nowMs: number, serverName?: string): DtlsSession {
          if (disposed || o.role !== 'client') throw new Error('dtls: connect needs a client context');
          sync();
          return new XsDtlsSession(host.dtls(K.CONNECT, c, serverName, nowMs), owner);
        },
        memoryBytes() {
          return disposed ? 0 : host.dtls(K.CONTEXT_MEMORY, c);
        },
        acceptUntrusted(on: boolean) {
          if (!disposed) host.dtls(K.ACCEPT_UNTRUSTED, c, on);
        },
        dispose() {
          if (disposed) return;
          disposed = true;
          owner.live.forEach((s) => s.close());
          host.dtls(K.CONTEXT_FREE, c);
        },
      };
    },
  });
}
