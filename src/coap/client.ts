// The endpoint's second layer (see server.ts): our confirmable requests with retransmission (RFC
// 7252 §4.2), NSTART per peer (§4.7), Block1 uploads and Block2 downloads (RFC 7959), and the one
// result per request. endpoint.ts feeds it ACKs, RSTs and responses.
import { Code, CoapType, Option } from './constants.ts';
import { EMPTY, findOption, uintOption, type CoapMessage, type CoapOption } from './message.ts';
import { blockOption, blockSize, decodeBlock } from './block.ts';
import { utf8Encode } from '../codec/utf8.ts';
import { initialTimeout } from './transmission.ts';
import { CoapServerSide } from './server.ts';
import { CoapLimitError, peerKey, type CoapResult, type Peer, type RequestSpec } from './types.ts';


class Exchange {
  readonly key: string;
  token: Uint8Array = EMPTY;
  /** Uri-Path, Uri-Query and Content-Format: in every message of the exchange. */
  readonly base: CoapOption[] = [];
  readonly payload: Uint8Array;
  readonly useBlock1: boolean;
  szx: number;
  /** Bytes of the body the server has taken (Block1). */
  offset = 0;
  // Set by build() for each block of a Block1 upload (read only when useBlock1).
  blockLen!: number;
  blockNum!: number;
  lastBlock!: boolean;
  /** Block2 download in progress. */
  download: { chunks: Uint8Array[]; received: number; code: number; options: CoapOption[]; szx: number } | undefined;
  // Set by sendNext() for each message, before the exchange can be looked at.
  messageId!: number;
  /** What was last sent, kept to be encoded again for a retransmission (no copy of the bytes). */
  sent!: CoapMessage;
  attempt!: number;
  timeoutMs!: number;
  deadline!: number;
  acked!: boolean;

  constructor(readonly peer: Peer, readonly spec: RequestSpec, ourSzx: number, readonly onDone: (r: CoapResult) => void) {
    this.key = peerKey(peer);
    for (const s of spec.uriPath || []) this.base.push({ number: Option.URI_PATH, value: utf8Encode(s) });
    for (const s of spec.uriQuery || []) this.base.push({ number: Option.URI_QUERY, value: utf8Encode(s) });
    if (spec.contentFormat !== undefined) this.base.push(uintOption(Option.CONTENT_FORMAT, spec.contentFormat));
    this.payload = spec.payload || EMPTY; // kept, not copied: RequestSpec.payload
    this.szx = ourSzx;
    this.useBlock1 = !!spec.block1Always || this.payload.length > blockSize(ourSzx);
  }

  /** The next message of this exchange (a block of the body, or a Block2 follow-up). */
  build(messageId: number): CoapMessage {
    const options = this.base.slice();
    let payload = this.payload;
    if (this.download) {
      // RFC 7959 §2.4: ask for the next block; the request body is not sent again.
      const size = blockSize(this.download.szx);
      options.push(blockOption(Option.BLOCK2, { num: Math.floor(this.download.received / size), more: false, szx: this.download.szx }));
      payload = EMPTY;
    } else if (this.useBlock1) {
      const size = blockSize(this.szx);
      this.blockNum = Math.floor(this.offset / size);
      this.blockLen = Math.min(size, this.payload.length - this.offset);
      this.lastBlock = this.offset + size >= this.payload.length;
      options.push(blockOption(Option.BLOCK1, { num: this.blockNum, more: !this.lastBlock, szx: this.szx }));
      // RFC 7959 §4: Size1 tells the server the whole body up front.
      if (this.offset === 0) options.push(uintOption(Option.SIZE1, this.payload.length));
      payload = this.payload.subarray(this.offset, this.offset + this.blockLen);
    }
    if (this.spec.earlyBlock2 && !this.download && (!this.useBlock1 || this.lastBlock)) {
      options.push(blockOption(Option.BLOCK2, { num: 0, more: false, szx: this.szx }));
    }
    return { type: CoapType.CON, code: this.spec.method, messageId, token: this.token, options, payload };
  }
}

export abstract class CoapClientSide extends CoapServerSide {
  private readonly active: Exchange[] = [];
  private queue: Exchange[] = [];

  abstract allocMessageId(): number;
  /** Encodes and sends (throws CoapEncodeError when it does not fit a datagram); counted as a
   * retransmission when `again`. */
  abstract transmit(msg: CoapMessage, peer: Peer, again?: boolean): Uint8Array;

  /** Our requests waiting or in flight. */
  get pendingRequests(): number {
    return this.active.length + this.queue.length;
  }

  /**
   * Sends a confirmable request; `onDone` is called exactly once, later (never from inside this
   * call). Throws CoapLimitError when coapExchanges requests are already pending, and
   * CoapEncodeError when the first message cannot fit a datagram.
   */
  request(peer: Peer, spec: RequestSpec, onDone: (result: CoapResult) => void): void {
    // Bounded: every request waiting or in flight counts against coapExchanges.
    if (this.pendingRequests >= this.cfg.limits.coapExchanges) throw new CoapLimitError('CoAP exchange table full');
    // A copy: the caller's object is not kept; the link and identity say which session carries it.
    const ex = new Exchange({ address: peer.address, port: peer.port, identity: peer.identity, dtls: peer.dtls }, spec, this.ourSzx, onDone);
    if (this.inFlight(ex.key) < this.cfg.transmission.nstart) this.start(ex, true);
    else this.queue.push(ex);
  }

  private inFlight(key: string): number {
    let n = 0;
    for (const e of this.active) if (e.key === key) n++;
    return n;
  }

  private start(ex: Exchange, fromRequest: boolean): void {
    ex.token = this.freshToken(ex.key);
    this.active.push(ex);
    try {
      this.sendNext(ex);
    } catch (e) {
      // The first message does not fit a datagram (options too long): the caller hears of it.
      this.active.splice(this.active.indexOf(ex), 1);
      if (fromRequest) throw e;
      ex.onDone({ kind: 'failed', reason: String(e) });
    }
  }

  private freshToken(key: string): Uint8Array {
    // USP practice (OB-USP-Agent): 4-byte tokens; unique among our exchanges with that peer.
    for (;;) {
      const t = this.cfg.randomBytes(4).slice(0, 4);
      if (!this.active.some((e) => e.key === key && sameBytes(e.token, t))) return t;
    }
  }

  private sendNext(ex: Exchange): void {
    ex.messageId = this.allocMessageId();
    const msg = ex.build(ex.messageId);
    this.transmit(msg, ex.peer);
    ex.sent = msg;
    ex.attempt = 0;
    ex.acked = false;
    ex.timeoutMs = initialTimeout(this.cfg.transmission, this.cfg.randomBytes(4));
    ex.deadline = this.now + ex.timeoutMs;
  }

  private finish(ex: Exchange, result: CoapResult): void {
    const i = this.active.indexOf(ex);
    if (i >= 0) this.active.splice(i, 1);
    ex.deadline = Infinity;
    this.pump();
    ex.onDone(result);
  }

  private fail(ex: Exchange, reason: string): void {
    this.finish(ex, { kind: 'failed', reason });
  }

  /** Starts queued requests whose peer is under NSTART. */
  private pump(): void {
    for (let i = 0; i < this.queue.length; ) {
      const ex = this.queue[i];
      if (this.inFlight(ex.key) < this.cfg.transmission.nstart) {
        this.queue.splice(i, 1);
        this.start(ex, false);
      } else i++;
    }
  }

  /** Monotonic ms at which `step` should next be called; Infinity when nothing is timed. */
  nextDeadline(): number {
    let d = Infinity;
    for (const e of this.active) if (e.deadline < d) d = e.deadline;
    return d;
  }

  step(nowMs: number): void {
    this.now = nowMs;
    for (const ex of this.active.slice()) {
      if (ex.deadline > nowMs) continue;
      if (!ex.acked && ex.attempt < this.cfg.transmission.maxRetransmit) {
        // RFC 7252 §4.2: retransmit with the timeout doubled each time.
        ex.attempt++;
        ex.timeoutMs *= 2;
        ex.deadline += ex.timeoutMs;
        if (ex.deadline <= nowMs) ex.deadline = nowMs + ex.timeoutMs;
        this.transmit(ex.sent, ex.peer, true);
      } else this.finish(ex, { kind: 'timeout' });
    }
  }

  /** An ACK or RST (Empty, or an ACK with a piggybacked response). */
  protected onAckOrReset(msg: CoapMessage, peer: Peer): void {
    const key = peerKey(peer);
    const ex = this.active.find((e) => e.key === key && e.messageId === msg.messageId);
    if (!ex) return;
    if (msg.type === CoapType.RST) return this.finish(ex, { kind: 'reset' });
    if (msg.code === Code.EMPTY) {
      if (!ex.acked) {
        // Separate response follows (RFC 7252 §5.2.2); wait for it, but not forever.
        ex.acked = true;
        ex.deadline = this.now + this.times.exchangeLifetimeMs;
      }
      return;
    }
    if (!sameBytes(msg.token, ex.token)) return;
    this.onResponse(ex, msg);
  }

  /** A separate response (CON or NON); false when it matches none of our requests. */
  protected onSeparateResponse(msg: CoapMessage, peer: Peer): boolean {
    const key = peerKey(peer);
    const ex = this.active.find((e) => e.key === key && sameBytes(e.token, msg.token));
    if (!ex) return false;
    // A Block1 echo for another block is a late answer to an earlier message of this exchange.
    const b1 = findOption(msg, Option.BLOCK1);
    const v = b1 ? decodeBlock(b1.value) : undefined;
    if (v && ex.useBlock1 && !ex.download && v.num !== ex.blockNum) return true;
    this.onResponse(ex, msg);
    return true;
  }

  private onResponse(ex: Exchange, msg: CoapMessage): void {
    ex.acked = true;
    if (ex.useBlock1 && !ex.download && !ex.lastBlock) {
      if (msg.code !== Code.CONTINUE) return this.finish(ex, response(msg.code, msg.options, msg.payload));
      const b = findOption(msg, Option.BLOCK1);
      const v = b ? decodeBlock(b.value) : undefined;
      if (!v || v.num !== ex.blockNum) return this.fail(ex, 'bad Block1 echo in 2.31');
      // RFC 7959 §2.3: the server may ask for smaller blocks; the offset stays a multiple.
      ex.offset += ex.blockLen;
      if (v.szx < ex.szx) ex.szx = v.szx;
      return this.sendNext(ex);
    }
    if (msg.code === Code.CONTINUE) return this.fail(ex, 'unexpected 2.31 Continue');
    const b2 = findOption(msg, Option.BLOCK2);
    const v2 = b2 ? decodeBlock(b2.value) : undefined;
    if (b2 && !v2) return this.fail(ex, 'reserved SZX in Block2');
    // A streamed body (RequestSpec.onBlock2: each block handed over in order, nothing kept) or a
    // Block2 download reassembled here: the same walk over the blocks (RFC 7959 §2.4).
    const onBlock2 = ex.spec.onBlock2;
    const stream = onBlock2 !== undefined && msg.code >= Code.CREATED && msg.code < 0x60;
    if (stream || (v2 && (v2.more || ex.download))) {
      const d = ex.download || { chunks: [], received: 0, code: msg.code, options: copyOptions(msg.options), szx: 0 };
      const n = msg.payload.length;
      if (v2 && v2.num * blockSize(v2.szx) !== d.received) return this.fail(ex, 'Block2 out of order');
      if (stream) {
        try { (onBlock2 as NonNullable<typeof onBlock2>)(msg.payload, d.received); } catch (e) {
          return this.fail(ex, e instanceof Error ? e.message : String(e));
        }
      } else {
        if (d.received + n > this.cfg.limits.reassemblyBytes) return this.fail(ex, 'Block2 body beyond reassemblyBytes');
        d.chunks.push(msg.payload.slice());
      }
      d.received += n;
      if (v2 && v2.more) {
        if (n === 0) return this.fail(ex, 'empty Block2 with more');
        d.szx = Math.min(v2.szx, this.ourSzx);
        ex.download = d;
        return this.sendNext(ex);
      }
      if (stream) return this.finish(ex, response(msg.code, msg.options, EMPTY));
      const body = new Uint8Array(d.received);
      let pos = 0;
      for (const c of d.chunks) {
        body.set(c, pos);
        pos += c.length;
      }
      return this.finish(ex, { kind: 'response', code: d.code, options: d.options, payload: body });
    }
    this.finish(ex, response(msg.code, msg.options, msg.payload));
  }

  /** The secure link to `peer` failed for good (a refused DTLS handshake): its exchanges end now, not at their timeout. */
  peerFailed(peer: Peer, reason: string, nowMs: number): void {
    this.now = nowMs;
    const key = peerKey(peer);
    this.failWhere((ex) => ex.key === key, reason);
  }

  /** Fails every pending request ('failed'); the endpoint stays usable. */
  close(): void {
    this.failWhere(() => true, 'endpoint closed');
  }

  /** Ends the requests `match` picks, queued ones taken out of the queue first (so none starts). */
  private failWhere(match: (ex: Exchange) => boolean, reason: string): void {
    const hit = this.active.filter(match);
    this.queue = this.queue.filter((ex) => !match(ex) || (hit.push(ex), false));
    for (const ex of hit) this.fail(ex, reason);
  }
}

function response(code: number, options: CoapOption[], payload: Uint8Array): CoapResult {
  return { kind: 'response', code, options: copyOptions(options), payload: payload.slice() };
}

function copyOptions(options: CoapOption[]): CoapOption[] {
  return options.map((o) => ({ number: o.number, value: o.value.slice() }));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
