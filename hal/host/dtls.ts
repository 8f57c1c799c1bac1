// The HAL `Dtls` on Node: the mbedTLS 3.6 shim (firmware/dtls) compiled to WebAssembly, loaded
// with the plain WebAssembly API (no emscripten glue). The module's only import is the entropy
// source; time comes in with every call (monotonic) and from the HAL clock (wall time).
import { readFileSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import type { Clock, Dtls, DtlsCertificateInfo, DtlsContext, DtlsContextOptions, DtlsHello, DtlsPeer, DtlsSession } from '../hal.ts';
import { mbedtlsError, verifyFlags } from '../dtls-errors.ts';

export { mbedtlsError, verifyFlags };

// The project's lib is es2020 without DOM, so the WebAssembly API is typed here, as used.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  tud_alloc(n: number): number;
  tud_dealloc(p: number): void;
  tud_set_wall_time(s: number): void;
  tud_ctx_new(server: number, hsMin: number, hsMax: number, mtu: number, cap: number): number;
  tud_ctx_add_ca(c: number, p: number, n: number): number;
  tud_ctx_set_own(c: number, cp: number, cn: number, kp: number, kn: number): number;
  tud_ctx_add_psk(c: number, ip: number, in_: number, kp: number, kn: number): number;
  tud_ctx_finish(c: number): number;
  tud_ctx_free(c: number): void;
  tud_ctx_memory(c: number): number;
  tud_server_hello(c: number, p: number, n: number, peer: number, peerLen: number, out: number, cap: number, now: number): number;
  tud_server_new(c: number, peer: number, peerLen: number): number;
  tud_client_new(c: number, name: number): number;
  tud_feed(s: number, p: number, n: number, now: number): number;
  tud_step(s: number, now: number): number;
  tud_next_timeout(s: number): number;
  tud_read(s: number, p: number, cap: number, now: number): number;
  tud_write(s: number, p: number, n: number, now: number): number;
  tud_feed_read?(s: number, p: number, n: number, out: number, cap: number, now: number): number;
  tud_write_take?(s: number, p: number, n: number, out: number, cap: number, now: number): number;
  tud_max_payload(s: number): number;
  tud_out_take(s: number, p: number, cap: number): number;
  tud_state(s: number): number;
  tud_error(s: number): number;
  tud_over_limit(s: number): number;
  tud_close(s: number): void;
  tud_free(s: number): void;
  tud_memory(s: number): number;
  tud_memory_peak(s: number): number;
  tud_ciphersuite(s: number): number;
  tud_psk_identity(s: number, p: number, cap: number): number;
  tud_peer_cert_der(s: number, p: number, cap: number): number;
  tud_peer_endpoint_id(s: number, p: number, cap: number): number;
  tud_peer_not_before(s: number): number;
  tud_peer_not_after(s: number): number;
  tud_peer_verify_flags(s: number): number;
  tud_peer_dates_checked(s: number): number;
  tud_ctx_accept_untrusted(c: number, on: number): void;
  tud_peer_chain_sha256(s: number, depth: number, out: number): number;
  tud_peer_untrusted(s: number): number;
  tud_x509_info(p: number, n: number, index: number, out: number, cap: number): number;
  tud_lean_ccm?(on: number): void;
}

const STATES = ['handshaking', 'open', 'closed', 'failed'] as const;
/** tud_feed_read / tud_write_take: datagrams wait in tud_out_take (tinyusp_dtls.h). */
const OUT_PENDING = 0x40000000;
/** Scratch buffer in the module's memory: one datagram or record, or a certificate. */
const SCRATCH = 16384;
/** Slabs that records copied out of the module are cut from (copyOut). */
const SLAB = 8192;

export interface HostDtls extends Dtls {
  /** Size of the loaded .wasm in bytes (for the bench and the footprint table). */
  readonly wasmBytes: number;
}

export interface HostDtlsOptions {
  /** Wall time for certificate validity; undefined while unknown (dates are then not checked). */
  clock: Pick<Clock, 'wallTimeMs'>;
  /** Path of the module; default firmware/dtls/tinyusp-dtls.wasm of this repository. */
  wasmPath?: string | URL;
  /**
   * 'mbedtls': every record's CCM through mbedTLS's ccm.c instead of the module's lean CCM
   * (firmware/dtls/tinyusp_lean_ccm.c; same bytes), for the tests and the bench.
   */
  ccm?: 'lean' | 'mbedtls';
}

export function createHostDtls(options: HostDtlsOptions): HostDtls {
  const bytes = readFileSync(options.wasmPath ?? new URL('../../firmware/dtls/tinyusp-dtls.wasm', import.meta.url));
  let x: Exports;
  // One view of the module's memory, made again only when the memory grew (growing detaches
  // the old buffer): a new view per call was a measurable part of a record's cost.
  let view = new Uint8Array(0);
  const mem = () => (view.byteLength === 0 ? (view = new Uint8Array(x.memory.buffer)) : view);
  // Datagrams and records copied out of the module are views into 8 KB slabs (as Node's Buffer
  // pool, but plain Uint8Arrays): V8 gives a typed array of more than 64 bytes its own backing
  // store, and making one per copy (~0.5-1 us for a 750-byte record, and garbage) was a
  // measurable part of a record's cost (firmware/dtls/README.md, "Record cost"). A copy kept
  // long holds its slab, at most 8 KB.
  let slab = new ArrayBuffer(SLAB);
  let slabUsed = 0;
  function copyOut(p: number, n: number): Uint8Array {
    if (n <= 64 || n > SLAB / 4) return mem().slice(p, p + n);
    if (slabUsed + n > SLAB) (slab = new ArrayBuffer(SLAB)), (slabUsed = 0);
    const out = new Uint8Array(slab, slabUsed, n);
    out.set(mem().subarray(p, p + n));
    slabUsed += (n + 7) & ~7;
    return out;
  }
  const imports = {
    env: {
      tinyusp_dtls_entropy(ptr: number, len: number): number {
        randomFillSync(new Uint8Array(x.memory.buffer, ptr, len));
        return 0;
      },
    },
  };
  x = new WA.Instance(new WA.Module(bytes), imports).exports as Exports;
  x._initialize();
  // Modules built before tinyusp_lean_ccm.c (DTLS_WASM) have no switch: ccm.c is all they have.
  if (options.ccm === 'mbedtls') x.tud_lean_ccm?.(0);
  const scratch = x.tud_alloc(SCRATCH);
  // Where a record's plaintext or datagram comes out, apart from what went in.
  const scratchOut = x.tud_alloc(SCRATCH);
  // Modules built before the one-call record path (DTLS_WASM) have only the separate calls.
  const feedRead = x.tud_feed_read;
  const writeTake = x.tud_write_take;
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  /** A second region for calls that take two buffers (input and peer id, cert and key). */
  function putOwn(data: Uint8Array): [number, () => void] {
    const p = x.tud_alloc(Math.max(1, data.length));
    if (p === 0) throw new Error('dtls: out of memory');
    mem().set(data, p);
    return [p, () => x.tud_dealloc(p)];
  }
  function cString(p: number): string {
    const m = mem();
    let end = p;
    while (m[end] !== 0) end++;
    return dec.decode(m.subarray(p, end));
  }
  // The shim judges validity dates in whole seconds: pass wall time only when the second changes
  // (one call fewer per record).
  let wallSent = NaN;
  function syncWallTime(): void {
    const wall = options.clock.wallTimeMs();
    const secs = wall === undefined ? -1 : Math.floor(wall / 1000);
    if (secs !== wallSent) x.tud_set_wall_time((wallSent = secs));
  }

  function session(ptr: number, live: Set<DtlsSession>): DtlsSession {
    const outgoing: Uint8Array[] = [];
    const incoming: Uint8Array[] = [];
    let freed = false;
    let closedState: 'closed' | 'failed' | undefined;
    let failure: string | undefined;
    let peak = 0;
    // The shim's state (TUD_*) as of the last call that can change it (feed, step, read, write,
    // close), and the record payload bound once open: read per record by the link, they are
    // kept here rather than asked of the module each time.
    let st = x.tud_state(ptr);
    let maxPayload = -1;

    const drainOut = () => {
      for (;;) {
        const n = x.tud_out_take(ptr, scratch, SCRATCH);
        if (n === 0) break;
        outgoing.push(copyOut(scratch, n));
      }
    };
    const noteFailure = () => {
      st = x.tud_state(ptr);
      if (failure !== undefined || st !== 3) return;
      const code = x.tud_error(ptr);
      failure = mbedtlsError(code);
      if (x.tud_over_limit(ptr)) failure = 'session memory limit reached: ' + failure;
      const flags = x.tud_peer_verify_flags(ptr) >>> 0;
      if (code === -0x2700 && flags !== 0 && flags !== 0xffffffff) failure += ': ' + verifyFlags(flags).join(', ');
    };
    /**
     * `single`: the datagram was one record, so one application record is all it can hold.
     * False once a read found the session closed or failed (the state must be asked again).
     */
    const drainIn = (nowMs: number, single: boolean): boolean => {
      for (;;) {
        const n = x.tud_read(ptr, scratch, SCRATCH, nowMs);
        if (n < 0) return false;
        if (n === 0) return true;
        incoming.push(copyOut(scratch, n));
        if (single) return true;
      }
    };
    const release = () => {
      if (freed) return;
      closedState = x.tud_state(ptr) === 3 ? 'failed' : 'closed';
      peak = x.tud_memory_peak(ptr);
      freed = true;
      live.delete(s);
      x.tud_free(ptr);
    };

    const s: DtlsSession = {
      get state() {
        return freed ? closedState! : STATES[st];
      },
      get error() {
        return failure;
      },
      feed(datagram, nowMs) {
        // Larger than any record buffer: it could not be accepted anyway, so it is lost.
        if (freed || datagram.length > SCRATCH) return;
        if (st === 1 && feedRead) {
          // Open: feed and read in one call (no certificate is verified now, so no wall time).
          mem().set(datagram, scratch);
          const r = feedRead(ptr, scratch, datagram.length, scratchOut, SCRATCH, nowMs);
          if (r < 0) {
            drainOut();
            return noteFailure();
          }
          const n = r & 0xffffff;
          if (n > 0) incoming.push(copyOut(scratchOut, n));
          // More records in the datagram (a peer may pack several): read them too.
          const settled = oneRecord(datagram) || drainIn(nowMs, false);
          if (r & OUT_PENDING) drainOut();
          if (!settled) noteFailure();
          return;
        }
        syncWallTime();
        mem().set(datagram, scratch);
        st = x.tud_feed(ptr, scratch, datagram.length, nowMs);
        // The state is as tud_feed returned it unless a read ended the session (one call fewer
        // per record than asking each time).
        const settled = drainIn(nowMs, st === 1 && oneRecord(datagram));
        drainOut();
        if (!settled || st === 3) noteFailure();
      },
      step(nowMs) {
        if (freed) return;
        syncWallTime();
        x.tud_step(ptr, nowMs);
        drainOut();
        noteFailure();
      },
      nextTimeoutMs() {
        // Only a handshake has a timer (tud_next_timeout is -1 otherwise).
        return freed || st !== 0 ? -1 : x.tud_next_timeout(ptr);
      },
      takeOutgoing() {
        return outgoing.shift();
      },
      readApplication() {
        return incoming.shift();
      },
      writeApplication(data, nowMs) {
        if (freed || st !== 1 || data.length > SCRATCH) return false;
        mem().set(data, scratch);
        if (writeTake) {
          // One call: the record's datagram comes back in scratchOut (tinyusp_dtls.h).
          const w = writeTake(ptr, scratch, data.length, scratchOut, SCRATCH, nowMs);
          if (w < 0) {
            drainOut();
            noteFailure();
            return false;
          }
          const n = w & 0xffffff;
          if (n > 0) outgoing.push(copyOut(scratchOut, n));
          if (w & OUT_PENDING) drainOut();
          return true;
        }
        const r = x.tud_write(ptr, scratch, data.length, nowMs);
        drainOut();
        if (r !== data.length) noteFailure();
        return r === data.length;
      },
      maxApplicationPayload() {
        if (freed) return 0;
        // Fixed once the handshake has chosen the suite (the MTU is set per context).
        if (st !== 1) return x.tud_max_payload(ptr);
        if (maxPayload < 0) maxPayload = x.tud_max_payload(ptr);
        return maxPayload;
      },
      peer(): DtlsPeer | undefined {
        if (freed || st !== 1) return undefined;
        const suite = x.tud_ciphersuite(ptr);
        if (suite === 0) return undefined;
        const info: DtlsPeer = { cipherSuite: cString(suite) };
        let n = x.tud_psk_identity(ptr, scratch, SCRATCH);
        if (n >= 0) info.pskIdentity = dec.decode(mem().subarray(scratch, scratch + n));
        n = x.tud_peer_endpoint_id(ptr, scratch, SCRATCH);
        if (n >= 0) info.endpointId = dec.decode(mem().subarray(scratch, scratch + n));
        n = x.tud_peer_cert_der(ptr, scratch, SCRATCH);
        if (n > 0) {
          info.certificate = {
            der: mem().slice(scratch, scratch + n),
            notBeforeMs: x.tud_peer_not_before(ptr) * 1000,
            notAfterMs: x.tud_peer_not_after(ptr) * 1000,
            datesChecked: x.tud_peer_dates_checked(ptr) === 1,
            chainSha256: chain(ptr),
            untrusted: x.tud_peer_untrusted(ptr) === 1,
          };
        }
        return info;
      },
      memoryBytes() {
        return freed ? 0 : x.tud_memory(ptr);
      },
      memoryPeakBytes() {
        if (!freed) peak = x.tud_memory_peak(ptr);
        return peak;
      },
      close() {
        if (freed) return;
        x.tud_close(ptr);
        drainOut();
        release();
        st = 2;
      },
    };
    return s;
  }

  /** Trust facts: the SHA-256 of each verified chain certificate, leaf first. */
  function chain(ptr: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let d = 0; x.tud_peer_chain_sha256(ptr, d, scratch) === 32; d++) out.push(mem().slice(scratch, scratch + 32));
    return out;
  }

  return {
    wasmBytes: bytes.length,
    describeCertificates(pemOrDer: Uint8Array): DtlsCertificateInfo[] {
      const out: DtlsCertificateInfo[] = [];
      const [p, free] = putOwn(pemOrDer);
      try {
        for (let i = 0; i < 16; i++) {
          const n = x.tud_x509_info(p, pemOrDer.length, i, scratch, 1024);
          if (n < 0) break;
          const text = dec.decode(mem().subarray(scratch + 32, scratch + n));
          const nl = text.indexOf('\n');
          out.push({ sha256: mem().slice(scratch, scratch + 32), serialNumber: text.slice(0, nl), issuer: text.slice(nl + 1) });
        }
      } finally {
        free();
      }
      return out;
    },
    context(o: DtlsContextOptions): DtlsContext {
      const hs = o.handshakeTimeoutMs ?? { initial: 1000, max: 16000 };
      const c = x.tud_ctx_new(o.role === 'server' ? 1 : 0, hs.initial, hs.max, o.mtu ?? 1280 - 48, o.sessionMemoryLimit ?? 0);
      if (c === 0) throw new Error('dtls: context allocation failed');
      const check = (r: number, what: string) => {
        if (r !== 0) {
          x.tud_ctx_free(c);
          throw new Error('dtls: ' + what + ': ' + mbedtlsError(r));
        }
      };
      for (const ca of o.trustAnchors ?? []) {
        const [p, free] = putOwn(ca);
        const r = x.tud_ctx_add_ca(c, p, ca.length);
        free();
        check(r, 'trust anchor');
      }
      if (o.certificate || o.privateKey) {
        if (!o.certificate || !o.privateKey) check(-0x7100, 'certificate and private key go together');
        const [cp, freeC] = putOwn(o.certificate!);
        const [kp, freeK] = putOwn(o.privateKey!);
        const r = x.tud_ctx_set_own(c, cp, o.certificate!.length, kp, o.privateKey!.length);
        mem().fill(0, kp, kp + o.privateKey!.length);
        freeC();
        freeK();
        check(r, 'own certificate');
      }
      for (const e of o.psk ?? []) {
        const id = enc.encode(e.identity);
        const [ip, freeI] = putOwn(id);
        const [kp, freeK] = putOwn(e.key);
        const r = x.tud_ctx_add_psk(c, ip, id.length, kp, e.key.length);
        mem().fill(0, kp, kp + e.key.length);
        freeI();
        freeK();
        check(r, 'psk ' + JSON.stringify(e.identity));
      }
      check(x.tud_ctx_finish(c), 'configuration');
      let disposed = false;
      // Sessions point into the context's configuration: disposing it closes them first.
      const live = new Set<DtlsSession>();
      return {
        role: o.role,
        hello(datagram, peer, nowMs): DtlsHello {
          if (disposed || o.role !== 'server' || datagram.length > SCRATCH) return { action: 'drop' };
          syncWallTime();
          const id = enc.encode(peer);
          const [pp, freeP] = putOwn(id);
          const [dp, freeD] = putOwn(datagram);
          const out = x.tud_alloc(512);
          try {
            const r = x.tud_server_hello(c, dp, datagram.length, pp, id.length, out, 512, nowMs);
            if (r > 0) return { action: 'reply', datagram: mem().slice(out, out + r) };
            if (r < 0) return { action: 'drop' };
            const sp = x.tud_server_new(c, pp, id.length);
            if (sp === 0) return { action: 'drop' };
            const s = session(sp, live);
            live.add(s);
            s.feed(datagram, nowMs);
            return { action: 'accept', session: s };
          } finally {
            x.tud_dealloc(out);
            freeP();
            freeD();
          }
        },
        connect(nowMs, serverName) {
          if (disposed || o.role !== 'client') throw new Error('dtls: connect needs a client context');
          let np = 0;
          let freeN = () => {};
          if (serverName !== undefined) [np, freeN] = putOwn(enc.encode(serverName + '\0'));
          const sp = x.tud_client_new(c, np);
          freeN();
          if (sp === 0) throw new Error('dtls: session allocation failed');
          const s = session(sp, live);
          live.add(s);
          s.step(nowMs);
          return s;
        },
        memoryBytes() {
          return disposed ? 0 : x.tud_ctx_memory(c);
        },
        acceptUntrusted(on) {
          if (!disposed) x.tud_ctx_accept_untrusted(c, on ? 1 : 0);
        },
        dispose() {
          if (disposed) return;
          disposed = true;
          for (const s of [...live]) s.close();
          x.tud_ctx_free(c);
        },
      };
    },
  };
}

/** A datagram that is exactly one DTLS record (RFC 6347 §4.1: 13-byte header, 16-bit length). */
function oneRecord(d: Uint8Array): boolean {
  return d.length >= 13 && 13 + ((d[11] << 8) | d[12]) === d.length;
}
