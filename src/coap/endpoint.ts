// A sans-I/O CoAP endpoint (RFC 7252 messaging layer + RFC 7959 block-wise): fed datagrams with
// `receive`, driven by `step`, asks to be stepped at `nextDeadline()`, and emits datagrams through
// the `send` callback. No sockets, no timers, no Math.random (design.md "The core is sans-I/O").
// This file is the top layer (see server.ts): message ids, duplicate detection and encoding.
import { Code, CoapType } from './constants.ts';
import { EMPTY, decodeMessage, emptyMessage, encodeMessage, CoapEncodeError, type CoapMessage } from './message.ts';
import { CoapClientSide } from './client.ts';
import { dropOldest, makeRoom } from './server.ts';
import { peerKey, type EndpointConfig, type EndpointStats, type Peer } from './types.ts';

interface DedupEntry {
  expires: number;
  /** What we answered a CON with (resent on a duplicate); undefined for NON. */
  reply: Uint8Array | undefined;
}

export class CoapEndpoint extends CoapClientSide {
  readonly stats: EndpointStats = { received: 0, sent: 0, retransmissions: 0, duplicates: 0, malformed: 0, dedupEvictions: 0 };
  private readonly scratch: Uint8Array;
  private messageId: number;
  private readonly dedup = new Map<string, DedupEntry>();

  constructor(cfg: EndpointConfig) {
    super(cfg);
    this.scratch = new Uint8Array(cfg.limits.datagramBytes);
    const r = cfg.randomBytes(2);
    // RFC 7252 §4.4: start message ids at a random value.
    this.messageId = ((r[0] << 8) | r[1]) & 0xffff;
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
      else if (msg.type !== CoapType.NON) this.onAckOrReset(msg, peer);
      return;
    }
    if (msg.code >> 5 === 0) return this.onRequest(msg, peer);
    if (msg.type === CoapType.ACK) return this.onAckOrReset(msg, peer);
    if (msg.type === CoapType.RST) return; // an RST carrying a code is a format error
    if (this.replayed(msg, peer)) return;
    const matched = this.onSeparateResponse(msg, peer);
    if (msg.type === CoapType.CON) {
      // §5.2.2: ACK a separate response we asked for; reject one we did not.
      const reply = this.transmit(emptyMessage(matched ? CoapType.ACK : CoapType.RST, msg.messageId), peer).slice();
      this.remember(msg, peer, reply);
    } else this.remember(msg, peer, undefined);
  }

  private onRequest(msg: CoapMessage, peer: Peer): void {
    if (msg.type === CoapType.ACK || msg.type === CoapType.RST) return; // §4.2: ACK/RST never carry a request
    if (this.replayed(msg, peer)) return;
    const res = this.handle(msg, peer);
    const con = msg.type === CoapType.CON;
    // Piggybacked on the ACK for CON (§5.2.1); a NON request gets a NON response (§5.2.3).
    const out: CoapMessage = {
      type: con ? CoapType.ACK : CoapType.NON,
      code: res.code,
      messageId: con ? msg.messageId : this.allocMessageId(),
      token: msg.token,
      options: res.options || [],
      payload: res.payload || EMPTY,
    };
    let bytes: Uint8Array;
    try {
      bytes = this.transmit(out, peer);
    } catch (e) {
      if (!(e instanceof CoapEncodeError)) throw e;
      // The resource's answer does not fit a datagram: say so instead of going silent.
      bytes = this.transmit({ ...out, code: Code.INTERNAL_SERVER_ERROR, options: [], payload: EMPTY }, peer);
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
    if (!makeRoom(this.dedup, this.cfg.limits.coapExchanges, this.now)) {
      // Bounded: the oldest entry goes first. With NSTART=1 peers it finished long ago.
      dropOldest(this.dedup);
      this.stats.dedupEvictions++;
    }
    const lifetime = msg.type === CoapType.CON ? this.times.exchangeLifetimeMs : this.times.nonLifetimeMs;
    this.dedup.set(key, { expires: this.now + lifetime, reply });
  }

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
}
