// The HAL `Dtls` on Node: the mbedTLS 3.6 shim (firmware/dtls) compiled to WebAssembly. Contexts
// (credentials, the stateless server hello) here; loading the module and moving bytes in
// dtls-module.ts; a session's handshake and records in dtls-session.ts. The module's only import
// is the entropy source; time comes in with every call (monotonic) and from the HAL clock (wall
// time).
import type { Clock, Dtls, DtlsCertificateInfo, DtlsContext, DtlsContextOptions, DtlsHello, DtlsSession } from '../hal.ts';
import { mbedtlsError } from '../dtls-errors.ts';
import { loadDtlsModule, SCRATCH } from './dtls-module.ts';
import { hostSession } from './dtls-session.ts';

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
  const m = loadDtlsModule(options.wasmPath ?? new URL('../../firmware/dtls/tinyusp-dtls.wasm', import.meta.url),
    () => options.clock.wallTimeMs(), options.ccm ?? 'lean');
  const { x, mem, scratch, putOwn, syncWallTime } = m;
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  return {
    wasmBytes: m.bytes,
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
            const s = hostSession(m, sp, live);
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
          const s = hostSession(m, sp, live);
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
