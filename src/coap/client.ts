// The client half of the endpoint: our confirmable requests with retransmission (RFC 7252 §4.2),
// NSTART per peer (§4.7), Block1 uploads and Block2 downloads (RFC 7959), and the one result per
// request. The endpoint feeds it ACKs, RSTs and responses.
import { Code, CoapType, Option } from './constants.ts';
import { findOption, uintOption, type CoapMessage, type CoapOption } from './message.ts';
import { blockOption, blockSize, decodeBlock, szxForBytes } from './block.ts';
import { utf8Encode } from '../codec/utf8.ts';
import { initialTimeout, type DerivedTimes, type TransmissionParameters } from './transmission.ts';
import { CoapLimitError, peerKey, type CoapResult, type EndpointLimits, type Peer, type RequestSpec } from './types.ts';

/** What the client needs from the endpoint. */
export interface ClientContext {
  allocMessageId(): number;
  /** Encodes and sends (throws CoapEncodeError when it does not fit a datagram); counted as a
   * retransmission when `again`. */
  transmit(msg: CoapMessage, peer: Peer, again?: boolean): void;
  readonly cfg: { randomBytes(n: number): Uint8Array };
}

const EMPTY = new Uint8Array(0);

class Exchange {
  readonly key: string;
  token: Uint8Array = EMPTY;
  readonly base: CoapOption[];
  readonly payload: Uint8Array;
  useBlock1: boolean;
  readonly earlyBlock2: boolean;
  readonly onBlock2: RequestSpec['onBlock2'];
  szx: number;
  /** Bytes of the body the server has taken (Block1). */
  offset = 0;
  blockLen = 0;
  blockNum = 0;
  lastBlock = true;
  /** Block2 download in progress. */
  download: { chunks: Uint8Array[]; received: number; code: number; options: CoapOption[]; szx: number } | undefined;
  messageId = -1;
  /** What was last sent, kept to be encoded again for a retransmission (no copy of the bytes). */
  sent: CoapMessage | undefined = undefined;
  attempt = 0;
  timeoutMs = 0;
  deadline = Infinity;
  acked = false;

  constructor(
    readonly peer: Peer,
    readonly method: number,
    spec: RequestSpec,
    ourSzx: number,
    readonly onDone: (r: CoapResult) => void,
  ) {
    this.key = peerKey(peer);
    const base: CoapOption[] = [];
    for (const s of spec.uriPath || []) base.push({ number: Option.URI_PATH, value: utf8Encode(s) });
    for (const s of spec.uriQuery || []) base.push({ number: Option.URI_QUERY, value: utf8Encode(s) });
    if (spec.contentFormat !== undefined) base.push(uintOption(Option.CONTENT_FORMAT, spec.contentFormat));
    for (const o of spec.options || []) base.push({ number: o.number, value: o.value.slice() });
    this.base = base;
    this.payload = spec.payload || EMPTY; // kept, not copied: RequestSpec.payload
    this.szx = ourSzx;
    this.useBlock1 = !!spec.block1Always || this.payload.length > blockSize(ourSzx);
    this.earlyBlock2 = !!spec.earlyBlock2;
    this.onBlock2 = spec.onBlock2;
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
    if (this.earlyBlock2 && !this.download && (!this.useBlock1 || this.lastBlock)) {
      options.push(blockOption(Option.BLOCK2, { num: 0, more: false, szx: this.szx }));
    }
    return { type: CoapType.CON, code: this.method, messageId, token: this.token, options, payload };
  }
}

export class CoapClientSide {
  private readonly active: Exchange[] = [];
  private readonly queue: Exchange[] = [];
  private readonly ourSzx: number;

  constructor(
    private readonly ctx: ClientContext,
    private readonly limits: EndpointLimits,
    private readonly params: TransmissionParameters,
    private readonly times: DerivedTimes,
  ) {
    this.ourSzx = szxForBytes(limits.coapBlockBytes);
  }

  get pending(): number {
    return this.active.length + this.queue.length;
  }

  request(peer: Peer, spec: RequestSpec, onDone: (r: CoapResult) => void, now: number): void {
    // Bounded: every request waiting or in flight counts against coapExchanges.
    if (this.pending >= this.limits.coapExchanges) throw new CoapLimitError('CoAP exchange table full');
    const ex = new Exchange(peer, spec.method, spec, this.ourSzx, onDone);
    if (this.inFlight(ex.key) < this.params.nstart) this.start(ex, now, true);
    else this.queue.push(ex);
  }

  private inFlight(key: string): number {
    let n = 0;
    for (const e of this.active) if (e.key === key) n++;
    return n;
  }

  private start(ex: Exchange, now: number, fromRequest: boolean): void {
    ex.token = this.freshToken(ex.key);
    this.active.push(ex);
    try {
      this.sendNext(ex, now);
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
      const t = this.ctx.cfg.randomBytes(4).slice(0, 4);
      if (!this.active.some((e) => e.key === key && sameBytes(e.token, t))) return t;
    }
  }

  private sendNext(ex: Exchange, now: number): void {
    ex.messageId = this.ctx.allocMessageId();
    const msg = ex.build(ex.messageId);
    this.ctx.transmit(msg, ex.peer);
    ex.sent = msg;
    ex.attempt = 0;
    ex.acked = false;
    ex.timeoutMs = initialTimeout(this.params, this.ctx.cfg.randomBytes(4));
    ex.deadline = now + ex.timeoutMs;
  }

  private finish(ex: Exchange, result: CoapResult, now: number): void {
    const i = this.active.indexOf(ex);
    if (i >= 0) this.active.splice(i, 1);
    ex.deadline = Infinity;
    this.pump(now);
    ex.onDone(result);
  }

  private fail(ex: Exchange, reason: string, now: number): void {
    this.finish(ex, { kind: 'failed', reason }, now);
  }

  /** Starts queued requests whose peer is under NSTART. */
  private pump(now: number): void {
    for (let i = 0; i < this.queue.length; ) {
      const ex = this.queue[i];
      if (this.inFlight(ex.key) < this.params.nstart) {
        this.queue.splice(i, 1);
        this.start(ex, now, false);
      } else i++;
    }
  }

  nextDeadline(): number {
    let d = Infinity;
    for (const e of this.active) if (e.deadline < d) d = e.deadline;
    return d;
  }

  step(now: number): void {
    for (const ex of this.active.slice()) {
      if (ex.deadline > now) continue;
      if (!ex.acked && ex.attempt < this.params.maxRetransmit) {
        // RFC 7252 §4.2: retransmit with the timeout doubled each time.
        ex.attempt++;
        ex.timeoutMs *= 2;
        ex.deadline += ex.timeoutMs;
        if (ex.deadline <= now) ex.deadline = now + ex.timeoutMs;
        if (ex.sent) this.ctx.transmit(ex.sent, ex.peer, true);
      } else this.finish(ex, { kind: 'timeout' }, now);
    }
  }

  /** An ACK or RST (Empty, or an ACK with a piggybacked response). */
  onAckOrReset(msg: CoapMessage, peer: Peer, now: number): void {
    const key = peerKey(peer);
    const ex = this.active.find((e) => e.key === key && e.messageId === msg.messageId);
    if (!ex) return;
    if (msg.type === CoapType.RST) return this.finish(ex, { kind: 'reset' }, now);
    if (msg.code === Code.EMPTY) {
      if (!ex.acked) {
        // Separate response follows (RFC 7252 §5.2.2); wait for it, but not forever.
        ex.acked = true;
        ex.deadline = now + this.times.exchangeLifetimeMs;
      }
      return;
    }
    if (!sameBytes(msg.token, ex.token)) return;
    this.onResponse(ex, msg, now);
  }

  /** A separate response (CON or NON); false when it matches none of our requests. */
  onSeparateResponse(msg: CoapMessage, peer: Peer, now: number): boolean {
    const key = peerKey(peer);
    const ex = this.active.find((e) => e.key === key && sameBytes(e.token, msg.token));
    if (!ex) return false;
    // A Block1 echo for another block is a late answer to an earlier message of this exchange.
    const b1 = findOption(msg, Option.BLOCK1);
    const v = b1 ? decodeBlock(b1.value) : undefined;
    if (v && ex.useBlock1 && !ex.download && v.num !== ex.blockNum) return true;
    this.onResponse(ex, msg, now);
    return true;
  }

  private onResponse(ex: Exchange, msg: CoapMessage, now: number): void {
    ex.acked = true;
    if (ex.useBlock1 && !ex.download && !ex.lastBlock) {
      if (msg.code !== Code.CONTINUE) return this.finish(ex, response(msg.code, msg.options, msg.payload), now);
      const b = findOption(msg, Option.BLOCK1);
      const v = b ? decodeBlock(b.value) : undefined;
      if (!v || v.num !== ex.blockNum) return this.fail(ex, 'bad Block1 echo in 2.31', now);
      // RFC 7959 §2.3: the server may ask for smaller blocks; the offset stays a multiple.
      ex.offset += ex.blockLen;
      if (v.szx < ex.szx) ex.szx = v.szx;
      return this.sendNext(ex, now);
    }
    if (msg.code === Code.CONTINUE) return this.fail(ex, 'unexpected 2.31 Continue', now);
    const b2 = findOption(msg, Option.BLOCK2);
    const v2 = b2 ? decodeBlock(b2.value) : undefined;
    if (b2 && !v2) return this.fail(ex, 'reserved SZX in Block2', now);
    // A streamed body (RequestSpec.onBlock2: each block handed over in order, nothing kept) or a
    // Block2 download reassembled here: the same walk over the blocks (RFC 7959 §2.4).
    const stream = ex.onBlock2 !== undefined && msg.code >= Code.CREATED && msg.code < 0x60;
    if (stream || (v2 && (v2.more || ex.download))) {
      const d = ex.download || { chunks: [], received: 0, code: msg.code, options: copyOptions(msg.options), szx: 0 };
      const n = msg.payload.length;
      if (v2 && v2.num * blockSize(v2.szx) !== d.received) return this.fail(ex, 'Block2 out of order', now);
      if (stream) {
        try { (ex.onBlock2 as NonNullable<RequestSpec['onBlock2']>)(msg.payload, d.received); } catch (e) {
          return this.fail(ex, e instanceof Error ? e.message : String(e), now);
        }
      } else {
        if (d.received + n > this.limits.reassemblyBytes) return this.fail(ex, 'Block2 body beyond reassemblyBytes', now);
        d.chunks.push(msg.payload.slice());
      }
      d.received += n;
      if (v2 && v2.more) {
        if (n === 0) return this.fail(ex, 'empty Block2 with more', now);
        d.szx = Math.min(v2.szx, this.ourSzx);
        ex.download = d;
        return this.sendNext(ex, now);
      }
      if (stream) return this.finish(ex, response(msg.code, msg.options, EMPTY), now);
      const body = new Uint8Array(d.received);
      let pos = 0;
      for (const c of d.chunks) {
        body.set(c, pos);
        pos += c.length;
      }
      return this.finish(ex, { kind: 'response', code: d.code, options: d.options, payload: body }, now);
    }
    this.finish(ex, response(msg.code, msg.options, msg.payload), now);
  }

  /** Ends every request with 'failed' (the endpoint is closing). */
  /** The secure link to `peer` failed for good (a refused DTLS handshake): its exchanges end now. */
  failPeer(peer: Peer, reason: string, now: number): void {
    const key = peerKey(peer);
    const hit = this.active.filter((ex) => ex.key === key);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].key === key) hit.push(this.queue.splice(i, 1)[0]);
    for (const ex of hit) this.fail(ex, reason, now);
  }

  cancelAll(now: number): void {
    const all = this.active.concat(this.queue);
    this.queue.length = 0;
    for (const ex of all) this.fail(ex, 'endpoint closed', now);
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
