// DTLS between the UDP sockets and the core (issue 11; USP digest §7.2, §9), sans-I/O like the
// core: datagrams come in through receive(), leave through `output`, decrypted CoAP messages go
// up through `deliver`, and step()/nextDeadline() drive the timers.
//
// Server role (a Controller's requests, on the MTP port): a datagram from an unknown transport
// address goes to the HAL's stateless cookie exchange first (RFC 6347 §4.2.1), so a flood of
// ClientHellos costs no session; a session is kept only once the client proved its address.
// Client role (responses and Notify to a coaps:// Controller URI, on a socket of its own, so the
// two roles are separate sessions even towards one Controller address): one session per
// Controller address, CoAP messages queued (bounded) while it handshakes, and the server's
// certificate must carry the Controller's Endpoint ID before anything is sent (R-MTP.4). A coaps://
// file server (Download(), peer.dtls 'file') is called the same way with our certificate context:
// its certificate must chain to our trust anchors, but it names no Endpoint ID (it is no USP
// Endpoint; the image's CheckSum and own digest vouch for the bytes), and its session delivers
// with no identity, so no USP Record from it passes (R-SEC.0a in src/core.ts).
// Both roles share one table, bounded by the board (DtlsLimits.sessions): when full, the session
// idle the longest goes. Every session's heap is capped (DtlsLimits.sessionBytes) and counted.
import type { DtlsContext, DtlsSession, LogLevel } from '../../hal/hal.ts';
import type { Peer, PeerCertificate, PeerIdentity } from '../coap/types.ts';
import { RateLimitedLog } from '../log-rate.ts';
import { pskEndpointId, type ControllerPsk } from './credentials.ts';
import { toHex } from '../codec/hex.ts';
import { isClientHello, type Channel, type DtlsLinkOptions, type DtlsLinkStats } from './link-options.ts';

export { type Channel, type DtlsLinkOptions, type DtlsLinkStats, type LinkTrust } from './link-options.ts';

export interface LinkEntry {
  readonly channel: Channel;
  readonly key: string;
  readonly address: string;
  readonly port: number;
  session: DtlsSession;
  readonly createdMs: number;
  lastMs: number;
  /** The authenticated peer once open (server), or the Controller we must reach (client). */
  peer: Peer | undefined;
  /** Client: the Endpoint ID the server's certificate must carry (R-MTP.4); '' for a file server. */
  readonly expect: string;
  /** Client: a coaps:// file server (certificate chain checked, no Endpoint ID). */
  readonly file: boolean;
  /** Client: CoAP messages waiting for the handshake (copies; bounded by queuedMessages). */
  readonly queue: Uint8Array[];
  /** The peer certificate's validity, while wall time was unknown at the handshake (R-MTP.3). */
  dates: { notBeforeMs: number; notAfterMs: number } | undefined;
  /** A TOFU session (its chain reached no trust anchor): TOFUInactivityTimer applies. */
  tofu: boolean;
  /** In the table (false once removed). */
  live: boolean;
}

/** The session table's key: one session per role and peer address. */
const keyOf = (channel: Channel, address: string, port: number): string => channel[0] + address + ':' + port;

export class DtlsLink {
  /** The sessions by keyOf (read by link-view.ts, which tests and tools use). */
  readonly table = new Map<string, LinkEntry>();
  /**
   * The entry each role used last: a Get's records come and go on the same two sessions, so
   * most datagrams and messages find theirs without building and hashing a key.
   */
  private lastServer: LinkEntry | undefined;
  private lastClient: LinkEntry | undefined;
  private readonly serverCtx: DtlsContext | undefined;
  private certClient: DtlsContext | undefined;
  private readonly pskClients = new Map<string, DtlsContext>();
  private readonly psks: readonly ControllerPsk[];
  private readonly warn: RateLimitedLog;
  /** TOFU admissions, apart: they must not use up the refusals' lines. */
  private readonly tofuLog: RateLimitedLog;
  private closed = false;
  private untrustedOn = false;
  readonly stats: DtlsLinkStats = { sessions: 0, helloReplies: 0, handshakes: 0, failures: 0, evictions: 0 };

  constructor(private readonly o: DtlsLinkOptions) {
    this.psks = o.credentials.psk ?? [];
    this.warn = new RateLimitedLog(o.log);
    this.tofuLog = new RateLimitedLog(o.log);
    if (o.server) this.serverCtx = this.context('server', this.psks);
  }

  private context(role: Channel, psk: readonly ControllerPsk[]): DtlsContext {
    const c = this.o.credentials;
    const useCert = psk.length === 0 || role === 'server';
    const ctx = this.o.dtls.context({
      role,
      certificate: useCert ? c.certificate : undefined,
      privateKey: useCert ? c.privateKey : undefined,
      trustAnchors: useCert ? c.trustAnchors : undefined,
      psk: psk.map((p) => ({ identity: p.identity, key: p.key })),
      handshakeTimeoutMs: this.o.handshakeTimers ?? { initial: this.o.limits.retransmitMs, max: this.o.limits.handshakeTimeoutMs },
      mtu: Math.min(this.o.datagramBytes, 1280) - 48,
      sessionMemoryLimit: this.o.limits.sessionBytes,
    });
    if (this.untrustedOn && useCert) ctx.acceptUntrusted(true);
    return ctx;
  }

  /** TOFU and stored certificates (digest §9.3): whether contexts let untrusted chains through. */
  private syncTrust(): void {
    const on = !!this.o.trust && this.o.trust.acceptUntrusted();
    if (on === this.untrustedOn) return;
    this.untrustedOn = on;
    for (const c of this.contexts()) c.acceptUntrusted(on);
  }

  /** One datagram from `address:port` on `channel`'s socket. */
  receive(datagram: Uint8Array, address: string, port: number, channel: Channel, nowMs: number): void {
    if (this.closed) return;
    this.syncTrust();
    const e = this.find(channel, address, port);
    // Only a server we called may talk to the client socket. On the server's: a new ClientHello
    // to an open session is a client restarted on the same port (RFC 6347 §4.2.8): it must prove
    // its address again; only then does its new session replace the old.
    if (e && (channel === 'client' || !(e.session.state === 'open' && isClientHello(datagram)))) {
      e.session.feed(datagram, nowMs);
      e.lastMs = nowMs;
      return this.after(e, nowMs);
    }
    if (channel === 'client' || !this.serverCtx) return;
    const h = this.serverCtx.hello(datagram, address + ':' + port, nowMs);
    if (h.action === 'drop') return;
    if (h.action === 'reply') {
      this.stats.helloReplies++;
      this.o.output(h.datagram, address, port, 'server');
      return;
    }
    if (e) this.remove(e, false);
    const entry = this.admit(keyOf('server', address, port), address, port, 'server', h.session, nowMs, '', false);
    this.after(entry, nowMs);
  }

  /**
   * One CoAP message to `peer`, over the session its `dtls` names: 'server' answers on the
   * session the request came in (dropped if it is gone), 'client' goes to a coaps:// Controller
   * whose Endpoint ID is `peer.identity.endpointId` (a session is made when there is none).
   */
  send(message: Uint8Array, peer: Peer, nowMs: number): void {
    if (this.closed) return;
    const channel: Channel = peer.dtls === 'server' ? 'server' : 'client';
    let e = this.find(channel, peer.address, peer.port);
    if (channel === 'client') {
      const file = peer.dtls === 'file';
      const expect = !file && peer.identity && peer.identity.endpointId ? peer.identity.endpointId : '';
      if (e && (e.expect !== expect || e.file !== file)) {
        // Another Controller at the same address: its own session, with its own check.
        this.remove(e, true);
        e = undefined;
      }
      if (!e) {
        // A new session (private methods with one caller are written in it: each method is a
        // preloaded function on a board, issue 10). R-MTP.4: the Controller's own PSK, else our
        // certificate (whose peer must then prove `expect`). A file server: our certificate
        // context only (its certificate is what authenticates it).
        const psk = file ? undefined : this.psks.find((p) => pskEndpointId(p) === expect);
        this.syncTrust();
        let ctx: DtlsContext | undefined;
        try {
          if (psk) {
            ctx = this.pskClients.get(psk.identity);
            if (!ctx) this.pskClients.set(psk.identity, (ctx = this.context('client', [psk])));
          } else if (this.o.credentials.certificate) {
            ctx = this.certClient ??= this.context('client', []);
          }
        } catch (err) {
          this.warn.write('error', `dtls: cannot make a client context: ${(err as Error).message}`, nowMs);
          return;
        }
        if (!ctx || (!expect && !file)) {
          const who = file ? 'a file server (needs our certificate and trust anchors)' : expect || 'an unnamed Controller';
          this.warn.write('warn', `dtls: no credentials to reach ${who} at coaps://${peer.address}:${peer.port}; not sent`, nowMs);
          return;
        }
        // A file server's certificate must name the URL's host (its IP literal; RFC 6125 SAN IP), as
        // https:// checks: mbedTLS verifies it against the name given (a Controller is named by its
        // Endpoint ID instead, R-MTP.4).
        e = this.admit(keyOf('client', peer.address, peer.port), peer.address, peer.port, 'client', ctx.connect(nowMs, file ? peer.address : undefined), nowMs, expect, file);
        this.flush(e);
      }
    }
    if (!e) return;
    if (e.session.state === 'handshaking') {
      if (e.queue.length >= this.o.limits.queuedMessages) e.queue.shift();
      e.queue.push(message.slice());
      return;
    }
    if (e.session.state !== 'open') return;
    this.write(e, message, nowMs);
    this.flush(e);
  }

  /** The live session of `channel` with `address:port`, if any. */
  private find(channel: Channel, address: string, port: number): LinkEntry | undefined {
    const last = channel === 'server' ? this.lastServer : this.lastClient;
    if (last !== undefined && last.live && last.port === port && last.address === address) return last;
    const e = this.table.get(keyOf(channel, address, port));
    if (e !== undefined) {
      if (channel === 'server') this.lastServer = e;
      else this.lastClient = e;
    }
    return e;
  }

  private write(e: LinkEntry, message: Uint8Array, nowMs: number): void {
    if (message.length > e.session.maxApplicationPayload()) {
      this.say('warn', e, `a ${message.length}-byte CoAP message does not fit one record; dropped`, nowMs);
      return;
    }
    if (e.session.writeApplication(message, nowMs)) e.lastMs = nowMs;
  }

  /** A new session into the table; when it is full, the one idle the longest goes first. */
  private admit(key: string, address: string, port: number, channel: Channel, session: DtlsSession, nowMs: number, expect: string, file: boolean): LinkEntry {
    while (this.table.size >= this.o.limits.sessions) {
      let oldest: LinkEntry | undefined;
      for (const x of this.table.values()) if (!oldest || x.lastMs < oldest.lastMs) oldest = x;
      if (!oldest) break;
      this.stats.evictions++;
      this.say('info', oldest, `closed: ${this.o.limits.sessions} sessions in use, and it was idle the longest`, nowMs);
      this.remove(oldest, true);
    }
    const e: LinkEntry = { channel, key, address, port, session, createdMs: nowMs, lastMs: nowMs, peer: undefined, expect, file, queue: [], dates: undefined, tofu: false, live: true };
    this.table.set(key, e);
    this.stats.sessions++;
    return e;
  }

  /** After every call into a session: send what it queued, settle its state, pass records up. */
  private after(e: LinkEntry, nowMs: number): void {
    this.flush(e);
    const s = e.session;
    const state = s.state;
    if (state === 'failed' || state === 'closed') {
      const err = s.error ?? 'unknown';
      if (state === 'failed') return this.drop(e, 'failed: ' + err, err, false, nowMs);
      this.remove(e, false);
      if (e.file) this.o.fileFailed?.(e.address, e.port, 'DTLS: session closed', nowMs);
      return;
    }
    if (state !== 'open') return;
    if (!e.peer) {
      // The handshake just finished: bind the peer's identity, or refuse it.
      const facts = s.peer();
      const pskIdentity = facts && facts.pskIdentity;
      const psk = pskIdentity !== undefined ? this.psks.find((p) => p.identity === pskIdentity) : undefined;
      const id = facts && facts.endpointId !== undefined ? facts.endpointId : psk && pskEndpointId(psk);
      const cert = facts && facts.certificate;
      // What Check-cert (digest §9.3: stored certificates, TOFU) needs of a verified certificate;
      // a file server needs a trust anchor.
      let certFacts: PeerCertificate | undefined;
      if (cert && !e.file) {
        const chain = (cert.chainSha256 ?? []).map(toHex);
        // A TOFU certificate is stored as a Certificate.{i} row: its serial number and issuer.
        const leaf = cert.untrusted && this.o.dtls.describeCertificates ? this.o.dtls.describeCertificates(cert.der)[0] : undefined;
        certFacts = cert.untrusted ? { chain, untrusted: true, serialNumber: leaf ? leaf.serialNumber : undefined, issuer: leaf ? leaf.issuer : undefined } : { chain, untrusted: false };
      }
      // Why the peer is refused, or undefined when it is not.
      let why: string | undefined;
      refusal: {
        // The context verified the chain to our trust anchors; a file server must have shown one.
        if (e.file && !cert) { why = 'a file server must authenticate with a certificate'; break refusal; }
        if (!e.file && !id) { why = 'its certificate carries no Endpoint ID (subjectAltName urn:bbf:usp:id:...)'; break refusal; }
        if (cert && !cert.datesChecked) {
          const wall = this.o.wallTimeMs();
          if (wall !== undefined && (wall < cert.notBeforeMs || wall > cert.notAfterMs)) { why = 'its certificate is outside its validity dates'; break refusal; }
          // Wall time still unknown: the dates are checked as soon as it is (datesValid).
          if (wall === undefined) e.dates = { notBeforeMs: cert.notBeforeMs, notAfterMs: cert.notAfterMs };
        }
        // R-MTP.4 holds whether or not the dates can be checked yet.
        if (e.channel === 'client' && !e.file && id !== e.expect) { why = `its certificate is for Endpoint ID ${id}, not ${e.expect} (R-MTP.4)`; break refusal; }
        if (cert && cert.untrusted && (e.file || !this.o.trust)) { why = 'its certificate chains to none of our trust anchors'; break refusal; }
        if (certFacts && id && this.o.trust) {
          const v = this.o.trust.check(id, certFacts, e.channel === 'client');
          if (!v.ok) why = v.why;
        }
      }
      if (why) return this.drop(e, 'refused: ' + why, why, true, nowMs);
      this.stats.handshakes++;
      const identity: PeerIdentity = pskIdentity !== undefined ? { endpointId: id, pskIdentity } : { endpointId: id, certificate: certFacts };
      if (certFacts && certFacts.untrusted) {
        e.tofu = true;
        this.say('info', e, `(${id}) admitted with a certificate that chains to no trust anchor (TOFU or its stored Credential)`, nowMs, this.tofuLog);
      }
      // A file server's session carries no identity: nothing it sends counts as a USP Record.
      e.peer = e.file ? { address: e.address, port: e.port, dtls: 'file' } : { address: e.address, port: e.port, dtls: e.channel, identity };
      for (const m of e.queue.splice(0)) this.write(e, m, nowMs);
    }
    if (e.dates && !this.datesValid(e, nowMs)) return;
    let m: Uint8Array | undefined;
    // What the core does with a message may remove the session (a refusal, a restart): stop then.
    while (e.live && (m = s.readApplication())) this.o.deliver(m, e.peer as Peer, nowMs);
    this.flush(e);
  }

  /**
   * A session that ends unusable: counted, logged, removed (`notify`: close_notify goes out), and
   * whoever waits on it told `why` (no one when undefined).
   */
  private drop(e: LinkEntry, what: string, why: string | undefined, notify: boolean, nowMs: number): void {
    this.stats.failures++;
    this.say('warn', e, what, nowMs);
    this.remove(e, notify);
    if (why === undefined) return;
    // whoever waits on the session
    if (e.file) this.o.fileFailed?.(e.address, e.port, `DTLS: ${why}`, nowMs);
    this.o.sessionFailed?.(e.address, e.port, e.channel, why, nowMs);
  }

  /** One line of the log about a session: "dtls: session from|to <address>:<port> <what>". */
  private say(level: LogLevel, e: LinkEntry, what: string, nowMs: number, log = this.warn): void {
    log.write(level, `dtls: session ${e.channel === 'server' ? 'from' : 'to'} ${e.address}:${e.port} ${what}`, nowMs);
  }

  /** Idle limit of a session: the board's, or TOFUInactivityTimer for a TOFU session when shorter. */
  private idleMs(e: LinkEntry): number {
    const l = this.o.limits.idleTimeoutMs;
    const t = e.tofu && this.o.trust ? this.o.trust.tofuIdleMs() : 0;
    return t > 0 && t < l ? t : l;
  }

  /** R-MTP.3: a certificate accepted before wall time was known is checked once it is. */
  private datesValid(e: LinkEntry, nowMs: number): boolean {
    const wall = this.o.wallTimeMs();
    if (wall === undefined || !e.dates) return true;
    const ok = wall >= e.dates.notBeforeMs && wall <= e.dates.notAfterMs;
    e.dates = undefined;
    if (ok) return true;
    this.drop(e, 'closed: its certificate is outside its validity dates (wall time now known)', undefined, true, nowMs);
    return false;
  }

  private flush(e: LinkEntry): void {
    let d: Uint8Array | undefined;
    while ((d = e.session.takeOutgoing())) this.o.output(d, e.address, e.port, e.channel);
  }

  /** Drops a session; `notify` sends close_notify (RFC 5246 §7.2.1) when it is open. */
  private remove(e: LinkEntry, notify: boolean): void {
    if (this.table.get(e.key) === e) this.table.delete(e.key);
    // not kept reachable by the last-session cache until the next lookup on its channel
    if (this.lastServer === e) this.lastServer = undefined;
    if (this.lastClient === e) this.lastClient = undefined;
    e.live = false;
    e.queue.length = 0;
    e.session.close();
    if (notify) this.flush(e);
    else while (e.session.takeOutgoing());
  }

  /** Retransmissions, handshake and idle timeouts that are due at `nowMs`. */
  step(nowMs: number): void {
    if (this.closed) return;
    const l = this.o.limits;
    for (const e of Array.from(this.table.values())) {
      if (!e.live) continue;
      const s = e.session;
      if (s.state === 'handshaking' && nowMs - e.createdMs >= l.handshakeTimeoutMs) {
        this.drop(e, `handshake not finished after ${l.handshakeTimeoutMs} ms; dropped`, 'handshake timed out', false, nowMs);
        continue;
      }
      if (e.dates && !this.datesValid(e, nowMs)) continue;
      if (s.state === 'open' && nowMs - e.lastMs >= this.idleMs(e)) {
        this.remove(e, true);
        continue;
      }
      const t = s.nextTimeoutMs();
      if (t >= 0 && t <= nowMs) {
        s.step(nowMs);
        this.after(e, nowMs);
      }
    }
  }

  /** Monotonic ms of the next step() with work, or Infinity. */
  nextDeadline(): number {
    let next = Infinity;
    const l = this.o.limits;
    for (const e of this.table.values()) {
      const t = e.session.nextTimeoutMs();
      if (t >= 0 && t < next) next = t;
      const end = e.session.state === 'handshaking' ? e.createdMs + l.handshakeTimeoutMs : e.lastMs + this.idleMs(e);
      if (end < next) next = end;
    }
    return next;
  }

  private contexts(): DtlsContext[] {
    const all = Array.from(this.pskClients.values());
    if (this.serverCtx) all.push(this.serverCtx);
    if (this.certClient) all.push(this.certClient);
    return all;
  }

  /** Closes every session (close_notify goes out) and frees the contexts. */
  close(): void {
    if (this.closed) return;
    for (const e of Array.from(this.table.values())) this.remove(e, true);
    for (const c of this.contexts()) c.dispose();
    this.closed = true;
  }
}
