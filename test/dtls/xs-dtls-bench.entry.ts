// Runs inside the XS runner for `npm run bench:dtls` (test/bench/dtls.bench.ts) and
// test/dtls/xs-dtls.test.ts: our DTLS client and server (hal/xs over the shim compiled into the
// runner) wired in memory, PSK and ECDSA, with the esp32 board's session limit. Prints one JSON
// line per mode: time inside each side's calls (median of --arg n=N warm handshakes), the
// mbedTLS heap of a session once open and its peak (the most of any run), the context heap, and
// the XS heap one open session costs (heapUsed() with 4 client/server pairs open, per session).
// Certificate mode uses --cert/--key/--ca on both sides.
import type { DtlsContext, DtlsContextOptions, DtlsSession } from '../../hal/hal.ts';
import { handshakeInMemory } from '../support/dtls-handshake.ts';
import { xsHost } from '../../hal/xs/host.ts';
import { xsClock } from '../../hal/xs/clock.ts';
import { xsDtls } from '../../hal/xs/dtls.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { utf8Encode } from '../../src/codec/utf8.ts';

const host = xsHost();
const dtls = xsDtls(host, xsClock(host));
const N = Number(host.arg('n') ?? 5);
const limit = esp32.dtls.sessionBytes;

/** One handshake through memory, timed on the runner's monotonic clock. */
const handshake = (cctx: DtlsContext, sctx: DtlsContext) => handshakeInMemory(cctx, sctx, () => host.monotonicMs());

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(mode: string, options: Omit<DtlsContextOptions, 'role'>): void {
  const cctx = dtls.context({ role: 'client', sessionMemoryLimit: limit, ...options });
  const sctx = dtls.context({ role: 'server', sessionMemoryLimit: limit, ...options });
  const runs: { serverMs: number; clientMs: number }[] = [];
  const mem = { serverOpen: 0, clientOpen: 0, serverPeak: 0, clientPeak: 0 };
  for (let i = 0; i <= N; i++) {
    const p = handshake(cctx, sctx);
    if (i > 0) runs.push(p); // the first one is cold
    mem.serverOpen = Math.max(mem.serverOpen, p.server.memoryBytes());
    mem.clientOpen = Math.max(mem.clientOpen, p.client.memoryBytes());
    mem.serverPeak = Math.max(mem.serverPeak, p.server.memoryPeakBytes());
    mem.clientPeak = Math.max(mem.clientPeak, p.client.memoryPeakBytes());
    p.client.close();
    p.server.close();
  }
  // The XS heap of open sessions: 4 pairs kept open, the live heap compared after a collection.
  const before = host.heapUsed()[0];
  const open: DtlsSession[] = [];
  for (let i = 0; i < 4; i++) {
    const p = handshake(cctx, sctx);
    open.push(p.client, p.server);
  }
  const xsPerSession = (host.heapUsed()[0] - before) / open.length;
  for (const s of open) s.close();
  host.print(JSON.stringify({
    mode, limit, serverMs: median(runs.map((r) => r.serverMs)), clientMs: median(runs.map((r) => r.clientMs)), ...mem,
    serverContext: sctx.memoryBytes(), clientContext: cctx.memoryBytes(), xsPerSession,
  }));
  cctx.dispose();
  sctx.dispose();
}

measure('PSK', { psk: [{ identity: 'bench', key: utf8Encode('bench-key-012345') }] });
const cert = host.credential('cert');
if (cert) {
  measure('ECDSA', { certificate: new Uint8Array(cert), privateKey: new Uint8Array(host.credential('key')!), trustAnchors: [new Uint8Array(host.credential('ca')!)] });
}
