// One DTLS handshake between two HAL contexts through memory (no sockets), timing each side's
// calls separately: shared by the Node bench (hal/host) and the XS bench entry (hal/xs), so both
// measure the same exchange. Portable: `now` is the caller's clock.
import type { DtlsContext, DtlsSession } from '../../hal/hal.ts';

export interface HandshakePair {
  client: DtlsSession;
  server: DtlsSession;
  serverMs: number;
  clientMs: number;
}

/** Throws unless both ends are open after at most 20 flights. */
export function handshakeInMemory(cctx: DtlsContext, sctx: DtlsContext, now: () => number): HandshakePair {
  const t = { s: 0, c: 0 };
  const timed = <T>(side: 's' | 'c', f: () => T): T => {
    const t0 = now();
    const r = f();
    t[side] += now() - t0;
    return r;
  };
  const client = timed('c', () => cctx.connect(0));
  let server: DtlsSession | undefined;
  for (let round = 0; round < 20; round++) {
    let moved = 0;
    let d;
    while ((d = client.takeOutgoing())) {
      moved++;
      const dg = d;
      if (!server) {
        const h = timed('s', () => sctx.hello(dg, '127.0.0.1:1', 0));
        if (h.action === 'reply') timed('c', () => client.feed(h.datagram, 0));
        else if (h.action === 'accept') server = h.session;
      } else timed('s', () => server!.feed(dg, 0));
    }
    while (server && (d = server.takeOutgoing())) {
      moved++;
      const dg = d;
      timed('c', () => client.feed(dg, 0));
    }
    if (!moved) break;
  }
  if (client.state !== 'open' || server?.state !== 'open') throw new Error('handshake failed: ' + client.error + ' / ' + server?.error);
  return { client, server, serverMs: t.s, clientMs: t.c };
}
