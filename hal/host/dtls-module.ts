// The mbedTLS 3.6 shim (firmware/dtls) as a WebAssembly module on Node: loading it with the plain
// WebAssembly API (no emscripten glue), its exports, and moving bytes in and out of its memory.
// The session and context API over it is hal/host/dtls.ts and dtls-session.ts.
import { readFileSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';

// The project's lib is es2020 without DOM, so the WebAssembly API is typed here, as used.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The shim's exports (firmware/dtls/tinyusp_dtls.h), as used here. */
export interface Exports {
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
  tud_feed_read(s: number, p: number, n: number, out: number, cap: number, now: number): number;
  tud_write_take(s: number, p: number, n: number, out: number, cap: number, now: number): number;
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
  tud_lean_ccm(on: number): void;
}

/** tud_feed_read / tud_write_take: datagrams wait in tud_out_take (tinyusp_dtls.h). */
export const OUT_PENDING = 0x40000000;
/** Scratch buffer in the module's memory: one datagram or record, or a certificate. */
export const SCRATCH = 16384;
/** Slabs that records copied out of the module are cut from (copyOut). */
const SLAB = 8192;

/** The loaded module and its byte movers; one call into it at a time (firmware/dtls/README.md). */
export interface DtlsModule {
  x: Exports;
  /** Size of the .wasm in bytes. */
  bytes: number;
  /** The module's memory (one view, made again only after the memory grew). */
  mem(): Uint8Array;
  /** Two scratch regions of SCRATCH bytes: what goes in, and what comes out apart from it. */
  scratch: number;
  scratchOut: number;
  /** A stable copy of `n` bytes at `p`, as the caller may keep it. */
  copyOut(p: number, n: number): Uint8Array;
  /** `data` in a region of its own (for calls that take two buffers), and its release. */
  putOwn(data: Uint8Array): [number, () => void];
  /** The NUL-terminated string at `p`. */
  cString(p: number): string;
  /** Passes the HAL clock's wall time to the shim (validity dates) when its second changed. */
  syncWallTime(): void;
}

export function loadDtlsModule(path: string | URL, wallTimeMs: () => number | undefined, ccm: 'lean' | 'mbedtls'): DtlsModule {
  const bytes = readFileSync(path);
  let x: Exports;
  // One view of the module's memory, made again only when the memory grew (growing detaches
  // the old buffer): a new view per call was a measurable part of a record's cost.
  let view = new Uint8Array(0);
  const mem = () => (view.byteLength === 0 ? (view = new Uint8Array(x.memory.buffer)) : view);
  const imports = {
    env: {
      tinyusp_dtls_entropy(ptr: number, len: number): number {
        randomFillSync(new Uint8Array(x.memory.buffer, ptr, len));
        return 0;
      },
    },
  };
  x = new WA.Instance(new WA.Module(bytes), imports).exports as Exports;
  // The record path is one call each way (tud_feed_read, tud_write_take) and the lean CCM has a
  // switch: a module built before either (2026-12-06) is refused rather than half served.
  for (const name of ['tud_feed_read', 'tud_write_take', 'tud_lean_ccm'] as const) {
    if (typeof x[name] !== 'function') throw new Error(`dtls: ${String(path)} has no ${name} (a module older than this glue)`);
  }
  x._initialize();
  if (ccm === 'mbedtls') x.tud_lean_ccm(0);
  const scratch = x.tud_alloc(SCRATCH);
  const scratchOut = x.tud_alloc(SCRATCH);

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
  const dec = new TextDecoder();
  // The shim judges validity dates in whole seconds: pass wall time only when the second changes
  // (one call fewer per record).
  let wallSent = NaN;
  return {
    x,
    bytes: bytes.length,
    mem,
    scratch,
    scratchOut,
    copyOut,
    putOwn(data) {
      const p = x.tud_alloc(Math.max(1, data.length));
      if (p === 0) throw new Error('dtls: out of memory');
      mem().set(data, p);
      return [p, () => x.tud_dealloc(p)];
    },
    cString(p) {
      const m = mem();
      let end = p;
      while (m[end] !== 0) end++;
      return dec.decode(m.subarray(p, end));
    },
    syncWallTime() {
      const wall = wallTimeMs();
      const secs = wall === undefined ? -1 : Math.floor(wall / 1000);
      if (secs !== wallSent) x.tud_set_wall_time((wallSent = secs));
    },
  };
}
