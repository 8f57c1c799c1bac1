// A lean Controller end for tests and benchmarks of the whole agent over DTLS: one UDP socket on
// loopback with our HAL DTLS context (the mbedTLS module), one session per peer, and no CoAP
// endpoint (callers hand-build CoAP messages; loopback does not lose, so nothing retransmits
// once open). Every wait is bounded.
import type { DtlsContext, DtlsSession } from '../../hal/hal.ts';
import { createHostNet, type HostUdpSocket } from '../../hal/host/net.ts';

const now = () => performance.now();

/** One side of the lean Controller: a UDP socket, plaintext or one DTLS session per peer. */
export interface Side {
  socket: HostUdpSocket;
  send(bytes: Uint8Array, port: number): void;
  onMessage?(bytes: Uint8Array, port: number): void;
  session?: DtlsSession;
  /** Client: ms the handshake took; server: when the session opened. */
  openedAt?: number;
  /** When the first datagram came in. */
  firstAt?: number;
  close(): void;
}

/**
 * A socket on 127.0.0.1: plaintext without `ctx`; with a server context, it accepts the first
 * peer's session (stateless cookie exchange first); with a client context and `connectTo`, it
 * connects to that port and resolves once the session is open (bounded, 5 s).
 */
export async function side(ctx?: DtlsContext, connectTo?: number): Promise<Side> {
  const net = createHostNet();
  const s: Side = {
    socket: undefined as unknown as HostUdpSocket,
    send(bytes, port) {
      if (!ctx) return s.socket.send(bytes, '127.0.0.1', port);
      s.session!.writeApplication(bytes, now());
      flush(port);
    },
    close() {
      s.session?.close();
      s.socket.close();
    },
  };
  const flush = (port: number) => {
    let d;
    while (s.session && (d = s.session.takeOutgoing())) s.socket.send(d, '127.0.0.1', port);
  };
  s.socket = net.udp({
    address: '127.0.0.1',
    onDatagram(data, _a, port) {
      if (!ctx) return s.onMessage?.(data, port);
      s.firstAt ??= now();
      if (!s.session) {
        const h = ctx.hello(data, '127.0.0.1:' + port, now());
        if (h.action === 'reply') s.socket.send(h.datagram, '127.0.0.1', port);
        if (h.action === 'accept') s.session = h.session;
      } else s.session.feed(data, now());
      flush(port);
      if (s.session?.state === 'open') s.openedAt ??= now();
      let m;
      while (s.session && (m = s.session.readApplication())) s.onMessage?.(m, port);
    },
  });
  await s.socket.ready;
  if (ctx && connectTo !== undefined) {
    const t0 = now();
    s.session = ctx.connect(t0);
    flush(connectTo);
    // Loopback, no loss: wait for open (bounded), retransmitting on the session's timer.
    while (s.session.state === 'handshaking' && now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 0));
      if (s.session.nextTimeoutMs() >= 0 && s.session.nextTimeoutMs() <= now()) (s.session.step(now()), flush(connectTo));
    }
    if (s.session.state !== 'open') throw new Error('handshake with the agent failed: ' + s.session.error);
    s.openedAt = now() - t0;
  }
  return s;
}

/**
 * Both ends of a Controller on one socket, as a plaintext Controller has them: a client session
 * to the agent's port `connectTo` (our requests), and a server session for whoever else calls
 * (the agent's client role, with our answers' replies), told apart by the peer's port. send()
 * and onMessage() take the peer's port, as with a plaintext socket. Resolves once the client
 * session is open (bounded, 5 s); the server session is made at the agent's first ClientHello.
 */
export async function sharedSide(client: DtlsContext, server: DtlsContext, connectTo: number): Promise<Side> {
  const net = createHostNet();
  const sessions = new Map<number, DtlsSession>();
  const flush = (session: DtlsSession, port: number) => {
    let d;
    while ((d = session.takeOutgoing())) s.socket.send(d, '127.0.0.1', port);
  };
  const s: Side = {
    socket: undefined as unknown as HostUdpSocket,
    send(bytes, port) {
      const session = sessions.get(port);
      if (!session) return;
      session.writeApplication(bytes, now());
      flush(session, port);
    },
    close() {
      for (const session of sessions.values()) session.close();
      s.socket.close();
    },
  };
  s.socket = net.udp({
    address: '127.0.0.1',
    onDatagram(data, _a, port) {
      let session = sessions.get(port);
      if (!session) {
        if (port === connectTo) return;
        const h = server.hello(data, '127.0.0.1:' + port, now());
        if (h.action === 'reply') s.socket.send(h.datagram, '127.0.0.1', port);
        if (h.action !== 'accept') return;
        sessions.set(port, (session = h.session));
      } else session.feed(data, now());
      flush(session, port);
      let m;
      while ((m = session.readApplication())) s.onMessage?.(m, port);
    },
  });
  await s.socket.ready;
  const t0 = now();
  const session = client.connect(t0);
  sessions.set(connectTo, session);
  flush(session, connectTo);
  while (session.state === 'handshaking' && now() - t0 < 5000) {
    await new Promise((r) => setTimeout(r, 0));
    if (session.nextTimeoutMs() >= 0 && session.nextTimeoutMs() <= now()) (session.step(now()), flush(session, connectTo));
  }
  if (session.state !== 'open') throw new Error('handshake with the agent failed: ' + session.error);
  s.session = session;
  s.openedAt = now() - t0;
  return s;
}
