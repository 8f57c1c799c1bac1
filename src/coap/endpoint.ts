// A sans-I/O CoAP endpoint (RFC 7252 messaging layer + RFC 7959 block-wise): fed datagrams with
// `receive`, driven by `step`, asks to be stepped at `nextDeadline()`, and emits datagrams through
// the `send` callback. No sockets, no timers, no Math.random (design.md "The core is sans-I/O").
import { Code, CoapType } from './constants.ts';
import { decodeMessage, emptyMessage, encodeMessage, CoapEncodeError, type CoapMessage } from './message.ts';
import { CoapServerSide } from './server.ts';
import { CoapClientSide, type ClientContext } from './client.ts';
import { derivedTimes, type DerivedTimes } from './transmission.ts';
import { peerKey, type CoapResource, type CoapResult, type EndpointConfig, type EndpointStats, type Peer, type RequestSpec } from './types.ts';

interface DedupEntry {
  expires: number;
  /** What we answered a CON with (resent on a duplicate); undefined for NON. */
  reply: Uint8Array | undefined;
}

export class CoapEndpoint implements ClientContext {
  readonly stats: EndpointStats = { received: 0, sent: 0, retransmissions: 0, duplicates: 0, malformed: 0, dedupEvictions: 0 };
  readonly times: DerivedTimes;
  private readonly scratch: Uint8Array;
  private messageId: number;
  private now = 0;
  private readonly dedup = new Map<string, DedupEntry>();
  private readonly server: CoapServerSide;
  private readonly client: CoapClientSide;

  constructor(readonly cfg: EndpointConfig) {
    this.times = derivedTimes(cfg.transmission);
    this.scratch = new Uint8Array(cfg.limits.datagramBytes);
    const r = cfg.randomBytes(2);
    // RFC 7252 §4.4: start message ids at a random value.
    this.messageId = ((r[0] << 8) | r[1]) & 0xffff;
    const maxEntries = cfg.maxReassemblies || Math.max(1, Math.floor(cfg.limits.coapExchanges / 8));
    this.server = new CoapServerSide(cfg.limits, this.times, maxEntries);
    this.server.resource = cfg.resource;
    this.client = new CoapClientSide(
      this,
      cfg.limits,
      cfg.transmission,
      this.times,
    );
  }

  setResource(resource: CoapResource | undefined): void {
    this.server.resource = resource;
  }

  /** Our requests waiting or in flight. */
  get pendingRequests(): number {
    return this.client.pending;
  }

  /** Block1 uploads being reassembled. */
  get reassemblies(): number {
    return this.server.reassemblies.size;
  }

  /**
   * Sends a confirmable request; `onDone` is called exactly once, later (never from inside this
   * call). Throws CoapLimitError when coapExchanges requests are already pending, and
   * CoapEncodeError when the first message cannot fit a datagram.
   */
  request(peer: Peer, spec: RequestSpec, onDone: (result: CoapResult) => void): void {
    // A copy: the caller's object is not kept; the link and identity say which session carries it.
    this.client.request({ address: peer.address, port: peer.port, identity: peer.identity, dtls: peer.dtls }, spec, onDone, this.now);
  }

  /** Monotonic ms at which `step` should next be called; Infinity when nothing is timed. */
  /** The secure link to `peer` failed (src/dtls/link.ts): our requests to it fail now, not at their timeout. */
  peerFailed(peer: Peer, reason: string, nowMs: number): void {
    this.now = nowMs;
    this.client.failPeer(peer, reason, nowMs);
  }

  nextDeadline(): number {
    return this.client.nextDeadline();
  }

  step(nowMs: number): void {
    this.now = nowMs;
    this.client.step(nowMs);
  }

  receive(datagram: Uint8Array, peer: Peer, nowMs: number): void {
    this.now = nowMs;
    this.stats.received++;
    const decoded = decodeMessage(datagram);
    if (!decoded.ok) {
      this.stats.malformed++;
      // RFC 7252 §4.2/§4.3: a malformed CON is rejected with RST; anything else is dropped.
      if (decoded.header && decoded.header.type === CoapType.CON) this.transmit(emptyMessage(CoapType.RST, decoded.header.messageId), peer);
      return;
    }
    const msg = decoded.message;
    if (msg.code === Code.EMPTY) {
      // §4.3: an Empty CON is a "ping", answered with RST.
      if (msg.type === CoapType.CON) this.transmit(emptyMessage(CoapType.RST, msg.messageId), peer);
      else if (msg.type !== CoapType.NON) this.client.onAckOrReset(msg, peer, nowMs);
      return;
    }
    if (msg.code >> 5 === 0) return this.onRequest(msg, peer, nowMs);
    if (msg.type === CoapType.ACK) return this.client.onAckOrReset(msg, peer, nowMs);
    if (msg.type === CoapType.RST) return; // an RST carrying a code is a format error
    if (this.replayed(msg, peer)) return;
    const matched = this.client.onSeparateResponse(msg, peer, nowMs);
    if (msg.type === CoapType.CON) {
      // §5.2.2: ACK a separate response we asked for; reject one we did not.
      const reply = this.transmit(emptyMessage(matched ? CoapType.ACK : CoapType.RST, msg.messageId), peer).slice();
      this.remember(msg, peer, reply);
    } else this.remember(msg, peer, undefined);
  }

  private onRequest(msg: CoapMessage, peer: Peer, now: number): void {
    if (msg.type === CoapType.ACK || msg.type === CoapType.RST) return; // §4.2: ACK/RST never carry a request
    if (this.replayed(msg, peer)) return;
    const res = this.server.handle(msg, peer, now) || { code: Code.INTERNAL_SERVER_ERROR };
    const con = msg.type === CoapType.CON;
    // Piggybacked on the ACK for CON (§5.2.1); a NON request gets a NON response (§5.2.3).
    const out: CoapMessage = {
      type: con ? CoapType.ACK : CoapType.NON,
      code: res.code,
      messageId: con ? msg.messageId : this.allocMessageId(),
      token: msg.token,
      options: res.options || [],
      payload: res.payload || new Uint8Array(0),
    };
    let bytes: Uint8Array;
    try {
      bytes = this.transmit(out, peer);
    } catch (e) {
      if (!(e instanceof CoapEncodeError)) throw e;
      // The resource's answer does not fit a datagram: say so instead of going silent.
      bytes = this.transmit({ ...out, code: Code.INTERNAL_SERVER_ERROR, options: [], payload: new Uint8Array(0) }, peer);
    }
    this.remember(msg, peer, con ? bytes.slice() : undefined);
  }

  /** §4.5: a duplicate (same peer, same message id) is answered from the cache, not re-processed. */
  private replayed(msg: CoapMessage, peer: Peer): boolean {
    const entry = this.dedup.get(peerKey(peer) + '#' + msg.messageId);
    if (!entry || entry.expires <= this.now) return false;
    this.stats.duplicates++;
    if (entry.reply && msg.type === CoapType.CON) this.emit(entry.reply, peer);
    return true;
  }

  private remember(msg: CoapMessage, peer: Peer, reply: Uint8Array | undefined): void {
    const key = peerKey(peer) + '#' + msg.messageId;
    this.dedup.delete(key);
    if (this.dedup.size >= this.cfg.limits.coapExchanges) {
      for (const [k, v] of this.dedup) {
        if (v.expires > this.now) break;
        this.dedup.delete(k);
      }
      if (this.dedup.size >= this.cfg.limits.coapExchanges) {
        // Bounded: the oldest entry goes first. With NSTART=1 peers it finished long ago.
        const oldest = this.dedup.keys().next();
        if (!oldest.done) this.dedup.delete(oldest.value);
        this.stats.dedupEvictions++;
      }
    }
    const lifetime = msg.type === CoapType.CON ? this.times.exchangeLifetimeMs : this.times.nonLifetimeMs;
    this.dedup.set(key, { expires: this.now + lifetime, reply });
  }

  // ClientContext: what the client half asks of the endpoint (and cfg.randomBytes).

  allocMessageId(): number {
    this.messageId = (this.messageId + 1) & 0xffff;
    return this.messageId;
  }

  /** Encodes into the scratch buffer and sends; the returned view is valid until the next send. */
  transmit(msg: CoapMessage, peer: Peer, again?: boolean): Uint8Array {
    if (again) this.stats.retransmissions++;
    const n = encodeMessage(msg, this.scratch);
    const bytes = this.scratch.subarray(0, n);
    this.emit(bytes, peer);
    return bytes;
  }

  private emit(bytes: Uint8Array, peer: Peer): void {
    this.stats.sent++;
    this.cfg.send(bytes, peer);
  }

  /** Fails every pending request ('failed'); the endpoint stays usable. */
  close(): void {
    this.client.cancelAll(this.now);
  }
}
