// DTLS 1.2 between one UDP socket of the controller and its CoAP endpoint, in one role
// (hal/host/dtls.ts, the project's mbedTLS): the client role carries our requests to the agent,
// the server role the agent's POSTs (USP responses, Notify) to our coaps:// reply-to URI. The two
// directions are separate sessions (USP digest §7.2, "Direction"); a socket per role keeps them
// apart on the wire even when the agent uses one socket for both.
// Wired as firmware/dtls/README.md tells the integrator: cookies before any session, a new
// ClientHello replaces an open session, handshake timers driven from here, every queue bounded.
import type { Dtls, DtlsContext, DtlsContextOptions, DtlsSession } from '../../hal/hal.ts';
import { createHostNet, type HostUdpSocket } from '../../hal/host/net.ts';
import type { Peer, PeerIdentity } from '../../src/coap/types.ts';

export interface DtlsLinkOptions {
  dtls: Dtls;
  role: 'client' | 'server';
  /** Our certificate, key and trust anchors, and/or a PSK (one entry for a client). */
  credentials: Omit<DtlsContextOptions, 'role'>;
  host: string;
  port: number;
  /** A decrypted record (one CoAP message) from an authenticated peer. */
  onMessage(data: Uint8Array, peer: Peer): void;
  /** A session with `peer` ("addr:port") failed; `reason` names the cause (DtlsSession.error). */
  onFailure(peer: string, reason: string): void;
  /** Sessions kept (the oldest goes first beyond it). */
  maxSessions?: number;
  /** CoAP messages held per client session while its handshake runs (the oldest dropped beyond). */
  maxQueued?: number;
}

interface Entry {
  session: DtlsSession;
  address: string;
  port: number;
  queue: Uint8Array[];
  identity?: PeerIdentity;
  /**
   * Client: the Endpoint ID the server's certificate must carry (R-MTP.4: with no domain name
   * in the URL, the certificate's Endpoint ID must be the target's): the send's identity.endpointId.
   */
  expect?: string;
}

const now = () => performance.now();

/** RFC 6347 §4.1/§4.2.2: a handshake record of epoch 0 carrying a ClientHello (type 1). */
function isClientHello(d: Uint8Array): boolean {
  return d.length > 25 && d[0] === 22 && d[3] === 0 && d[4] === 0 && d[13] === 1;
}

export class DtlsLink {
  private readonly ctx: DtlsContext;
  private readonly socket: HostUdpSocket;
  private readonly sessions = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly o: DtlsLinkOptions) {
    this.ctx = o.dtls.context({ role: o.role, ...o.credentials });
    this.socket = createHostNet().udp({
      address: o.host,
      port: o.port,
      onDatagram: (data, address, port) => this.receive(data, address, port),
    });
  }

  get ready(): Promise<void> {
    return this.socket.ready;
  }

  get port(): number {
    return this.socket.port;
  }

  /** Peers ("addr:port") whose handshake has not finished. */
  handshaking(): string[] {
    return [...this.sessions].filter(([, e]) => e.session.state === 'handshaking').map(([key]) => key);
  }

  /**
   * One CoAP message to `peer`: over its open session; a client opens one (the server must prove
   * `peer.identity.endpointId`) and holds the message until then.
   */
  send(bytes: Uint8Array, peer: Peer): void {
    if (this.closed) return;
    const key = peer.address + ':' + peer.port;
    let e = this.sessions.get(key);
    if (e?.session.state === 'open') {
      e.session.writeApplication(bytes, now());
      this.flush(e);
      return;
    }
    // A server speaks only to clients that came to it; it cannot open a session.
    if (this.o.role === 'server') return;
    if (!e) {
      e = this.add(key, { session: this.ctx.connect(now()), address: peer.address, port: peer.port, queue: [], expect: peer.identity?.endpointId });
      this.flush(e);
    }
    // CoAP retransmits while the handshake runs: keep the newest few (the last copy is enough).
    e.queue.push(bytes.slice());
    if (e.queue.length > (this.o.maxQueued ?? 8)) e.queue.shift();
    this.arm();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    // close_notify to every peer, so the agent frees its sessions now rather than at its idle timeout.
    for (const e of this.sessions.values()) {
      e.session.close();
      this.flush(e);
    }
    this.sessions.clear();
    this.ctx.dispose();
    this.socket.close();
  }

  private add(key: string, e: Entry): Entry {
    if (this.sessions.size >= (this.o.maxSessions ?? 16)) {
      const [oldKey, old] = this.sessions.entries().next().value as [string, Entry];
      old.session.close();
      this.flush(old);
      this.sessions.delete(oldKey);
    }
    this.sessions.set(key, e);
    return e;
  }

  private receive(data: Uint8Array, address: string, port: number): void {
    if (this.closed) return;
    const key = address + ':' + port;
    const e = this.sessions.get(key);
    if (this.o.role === 'server' && (!e || (e.session.state === 'open' && isClientHello(data)))) {
      // No state before the cookie round trip (RFC 6347 §4.2.1); a peer that restarted on the
      // same port proves its address again and replaces its old session.
      const h = this.ctx.hello(data, key, now());
      if (h.action === 'reply') this.socket.send(h.datagram, address, port);
      if (h.action !== 'accept') return;
      if (e) e.session.close();
      this.sessions.delete(key);
      this.settle(key, this.add(key, { session: h.session, address, port, queue: [] }));
      return;
    }
    if (!e) return; // a client hears only the servers it called
    e.session.feed(data, now());
    this.settle(key, e);
  }

  /** After any event on a session: send what it queued, hand up what it decrypted, note its end. */
  private settle(key: string, e: Entry): void {
    this.flush(e);
    const s = e.session;
    if (s.state === 'open' && !e.identity) {
      const peer = s.peer();
      const expected = e.expect;
      if (expected !== undefined && peer?.endpointId !== undefined && peer.endpointId !== expected) {
        this.fail(key, e, `its certificate is for Endpoint ID ${peer.endpointId}, not ${expected} (R-MTP.4)`);
        return;
      }
      if (expected !== undefined && peer?.pskIdentity === undefined && peer?.endpointId === undefined) {
        this.fail(key, e, `its certificate carries no Endpoint ID (subjectAltName URI urn:bbf:usp:id:...)`);
        return;
      }
      e.identity = { endpointId: peer?.endpointId, pskIdentity: peer?.pskIdentity };
      for (const m of e.queue.splice(0)) s.writeApplication(m, now());
      this.flush(e);
    }
    for (let m = s.readApplication(); m; m = s.readApplication()) {
      this.o.onMessage(m, { address: e.address, port: e.port, identity: e.identity, dtls: this.o.role });
    }
    if (s.state === 'failed') this.fail(key, e, s.error ?? 'handshake failed');
    else if (s.state === 'closed') this.sessions.delete(key);
    this.arm();
  }

  private fail(key: string, e: Entry, reason: string): void {
    e.session.close();
    this.flush(e);
    if (this.sessions.get(key) === e) this.sessions.delete(key);
    this.o.onFailure(key, reason);
  }

  private flush(e: Entry): void {
    for (let d = e.session.takeOutgoing(); d; d = e.session.takeOutgoing()) this.socket.send(d, e.address, e.port);
  }

  /** The next handshake retransmission or timeout of any session. */
  private arm(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let next = Infinity;
    for (const e of this.sessions.values()) {
      const t = e.session.nextTimeoutMs();
      if (t >= 0) next = Math.min(next, t);
    }
    if (next === Infinity) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const t = now();
      for (const [key, e] of [...this.sessions]) {
        if (e.session.nextTimeoutMs() >= 0 && e.session.nextTimeoutMs() <= t) {
          e.session.step(t);
          this.settle(key, e);
        }
      }
      this.arm();
    }, Math.max(0, Math.ceil(next - now())) + 1);
  }
}
