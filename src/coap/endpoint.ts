// A sans-I/O CoAP endpoint (RFC 7252 messaging layer + RFC 7959 block-wise): fed datagrams with
// `receive`, driven by `step`, asks to be stepped at `nextDeadline()`, and emits datagrams through
// the `send` callback. No sockets, no timers, no Math.random (design.md "The core is sans-I/O").
// One class in three parts, one clock: the messaging (message ids, duplicate detection,
// encoding); the server side (option checks, RFC 7252 §5.4.1; Block1 reassembly and Block2
// serving, RFC 7959; calling the resource; its helpers in server.ts); the client side (our
// confirmable requests with retransmission, §4.2, NSTART per peer, §4.7, Block1 uploads and Block2
// downloads streamed to the caller, one result per request; the exchange in client.ts). One class, not three layers: each
// class is a constructor and a prototype preloaded on a board (issue 10).
import { Code, CoapType, Method, Option } from './constants.ts';
import { EMPTY, decodeMessage, emptyMessage, encodeMessage, findOption, uintOption, uintValue, CoapEncodeError, type CoapMessage, type CoapOption } from './message.ts';
import { blockOption, blockSize, decodeBlock, szxForBytes, type BlockValue } from './block.ts';
import { derivedTimes, initialTimeout, type DerivedTimes } from './transmission.ts';
import { response, sameBytes, type Exchange } from './client.ts';
import { utf8Encode } from '../codec/utf8.ts';
import { bodyKey, buildRequest, checkOptions, dropOldest, makeRoom, type Reassembly, type ServedBody } from './server.ts';
import { CoapLimitError, peerKey, type CoapRequest, type CoapResource, type CoapResponse, type CoapResult, type EndpointConfig, type EndpointStats, type Peer, type RequestSpec } from './types.ts';

interface DedupEntry {
  expires: number;
  /** What we answered a CON with (resent on a duplicate); undefined for NON. */
  reply: Uint8Array | undefined;
}

export class CoapEndpoint {
  readonly times: DerivedTimes;
  /** Monotonic ms of the call being handled (receive, step, peerFailed set it). */
  private now = 0;
  /** What the server side serves (a USP binding sets itself here); none: 4.04. */
  resource: CoapResource | undefined;
  /** Block1 uploads in progress. */
  private readonly uploads = new Map<string, Reassembly>();
  private readonly bodies = new Map<string, ServedBody>();
  private readonly ourSzx: number;
  /** Concurrent Block1 reassemblies / Block2 bodies kept (EndpointConfig.maxReassemblies). */
  private readonly maxEntries: number;
  /** Our requests in flight, and those waiting for NSTART. */
  private readonly active: Exchange[] = [];
  private queue: Exchange[] = [];
  readonly stats: EndpointStats = { received: 0, sent: 0, retransmissions: 0, duplicates: 0, malformed: 0, dedupEvictions: 0 };
  private readonly scratch: Uint8Array;
  private messageId: number;
  private readonly dedup = new Map<string, DedupEntry>();

  constructor(readonly cfg: EndpointConfig) {
    this.times = derivedTimes(cfg.transmission);
    this.ourSzx = szxForBytes(cfg.limits.coapBlockBytes);
    this.resource = cfg.resource;
    this.maxEntries = cfg.maxReassemblies || Math.max(1, Math.floor(cfg.limits.coapExchanges / 8));
    this.scratch = new Uint8Array(cfg.limits.datagramBytes);
    const r = cfg.randomBytes(2);
    // RFC 7252 §4.4: start message ids at a random value.
    this.messageId = ((r[0] << 8) | r[1]) & 0xffff;
  }

  // --- messaging: datagrams in and out, message ids, duplicates ---------------------------

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
    const key = peerKey(peer);
    if (msg.type === CoapType.ACK || msg.type === CoapType.RST) {
      // Empty, or an ACK with a piggybacked response: neither carries a request (§4.2), and an RST
      // carrying a code is a format error.
      if (msg.code !== Code.EMPTY && (msg.code >> 5 === 0 || msg.type === CoapType.RST)) return;
      const ex = this.active.find((e) => e.key === key && e.messageId === msg.messageId);
      if (!ex) return;
      if (msg.type === CoapType.RST) return this.finish(ex, { kind: 'reset' });
      if (msg.code !== Code.EMPTY) {
        if (sameBytes(msg.token, ex.token)) this.onResponse(ex, msg);
      } else if (!ex.acked) {
        // Separate response follows (RFC 7252 §5.2.2); wait for it, but not forever.
        ex.acked = true;
        ex.deadline = this.now + this.times.exchangeLifetimeMs;
      }
      return;
    }
    if (msg.code === Code.EMPTY) {
      // §4.3: an Empty CON is a "ping", answered with RST (an Empty NON means nothing).
      if (msg.type === CoapType.CON) this.transmit(emptyMessage(CoapType.RST, msg.messageId), peer);
      return;
    }
    if (this.replayed(msg, peer)) return;
    if (msg.code >> 5 !== 0) {
      // A separate response (CON or NON) to one of our requests?
      const ex = this.active.find((e) => e.key === key && sameBytes(e.token, msg.token));
      if (ex) {
        // A Block1 echo for another block is a late answer to an earlier message of this exchange.
        const b1 = findOption(msg, Option.BLOCK1);
        const v = b1 ? decodeBlock(b1.value) : undefined;
        if (!(v && ex.useBlock1 && !ex.download && v.num !== ex.blockNum)) this.onResponse(ex, msg);
      }
      // §5.2.2: ACK a separate response we asked for; reject one we did not.
      return this.remember(msg, peer, msg.type === CoapType.CON ? this.transmit(emptyMessage(ex ? CoapType.ACK : CoapType.RST, msg.messageId), peer).slice() : undefined);
    }
    // A request.
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
    if (entry.reply && msg.type === CoapType.CON) {
      this.stats.sent++;
      this.cfg.send(entry.reply, peer);
    }
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
    this.stats.sent++;
    this.cfg.send(bytes, peer);
    return bytes;
  }

  // --- server side: requests to us -------------------------------------------------------

  /** Block1 uploads being reassembled. */
  get reassemblies(): number {
    return this.uploads.size;
  }

  private handle(msg: CoapMessage, peer: Peer): CoapResponse {
    const bad = checkOptions(msg);
    if (bad !== undefined) return bad;
    const req = buildRequest(msg, peer);
    if (!this.resource) return { code: Code.NOT_FOUND };
    const b1opt = findOption(msg, Option.BLOCK1);
    const b2opt = findOption(msg, Option.BLOCK2);
    const b2 = b2opt ? decodeBlock(b2opt.value) : undefined;
    // RFC 7959 §2.2: SZX 7 is reserved; in a request it earns 4.00.
    if (b2opt && !b2) return { code: Code.BAD_REQUEST };
    const key = bodyKey(req);
    if (b1opt) {
      const b1 = decodeBlock(b1opt.value);
      if (!b1) return { code: Code.BAD_REQUEST };
      // Block1 (RFC 7959 §2.3, §2.9): every refusal ends the upload; 2.31 until the last block.
      const max = this.cfg.limits.reassemblyBytes;
      const size = blockSize(b1.szx);
      const n = req.payload.length;
      // Blocks other than the last carry exactly one block of data (RFC 7959 §2.2).
      const wrongLength = b1.more && n !== size;
      const r = b1.num === 0 ? undefined : this.uploads.get(key);
      let early: CoapResponse | undefined;
      let size1: number | undefined;
      let no = 0;
      if (b1.num === 0) {
        this.uploads.delete(key);
        early = this.call(req, true);
        if (early) return early;
        size1 = uintValue(msg, Option.SIZE1);
        // §2.9.3: 4.13 with Size1 telling the largest body we take.
        if ((size1 !== undefined && size1 > max) || n > max) no = Code.REQUEST_ENTITY_TOO_LARGE;
        else if (wrongLength) no = Code.BAD_REQUEST;
      } else if (!r || r.received !== b1.num * size) no = Code.REQUEST_ENTITY_INCOMPLETE; // §2.9.2: no start, gap, out of order
      else if (wrongLength) no = Code.BAD_REQUEST;
      else if (r.received + n > max) no = Code.REQUEST_ENTITY_TOO_LARGE;
      if (no) {
        this.uploads.delete(key);
        return no === Code.REQUEST_ENTITY_TOO_LARGE ? { code: no, options: [uintOption(Option.SIZE1, max)] } : { code: no };
      }
      if (!r) {
        if (b1.more) {
          if (!makeRoom(this.uploads, this.maxEntries, this.now)) {
            return { code: Code.SERVICE_UNAVAILABLE, options: [uintOption(Option.MAX_AGE, 5)] };
          }
          const buf = new Uint8Array(size1 !== undefined && size1 > n ? size1 : this.cfg.limits.reassemblyBytes);
          buf.set(req.payload, 0);
          this.uploads.set(key, { buf, received: n, expires: this.now + this.times.maxTransmitWaitMs });
        }
      } else {
        if (r.received + n > r.buf.length) {
          // More than the Size1 announced (within the bound): move to a buffer of the bound.
          const grown = new Uint8Array(max);
          grown.set(r.buf.subarray(0, r.received), 0);
          r.buf = grown;
        }
        r.buf.set(req.payload, r.received);
        r.received += n;
        r.expires = this.now + this.times.maxTransmitWaitMs;
        if (!b1.more) {
          this.uploads.delete(key);
          req.payload = r.buf.subarray(0, r.received);
          early = this.call(req, true);
        }
      }
      if (b1.more) return { code: Code.CONTINUE, options: [blockOption(Option.BLOCK1, { num: b1.num, more: true, szx: Math.min(b1.szx, this.ourSzx) })] };
      // The final answer echoes the last Block1 (§2.3); respond() made its options.
      const res = this.respond(key, early || this.call(req, false) as CoapResponse, b2);
      (res.options as CoapOption[]).push(blockOption(Option.BLOCK1, b1));
      return res;
    }
    if (b2 && b2.num > 0) {
      const served = this.bodies.get(key);
      if (served && served.expires > this.now) return this.serveBlock(key, served, b2);
      // Regenerate only where it is safe; a later block of a POST result cannot be rebuilt.
      if (req.method !== Method.GET) return { code: Code.REQUEST_ENTITY_INCOMPLETE };
    }
    return this.call(req, true) || this.respond(key, this.call(req, false) as CoapResponse, b2);
  }

  /**
   * The resource's check (a refusal, or undefined to go on) or its handler (`check` false). A
   * resource bug must not take the endpoint down: 5.00.
   */
  private call(req: CoapRequest, check: boolean): CoapResponse | undefined {
    const r = this.resource as CoapResource; // handle() answered 4.04 without one
    try {
      return check ? r.check && r.check(req) : r.handle(req);
    } catch (e) {
      return { code: Code.INTERNAL_SERVER_ERROR };
    }
  }

  /** `res` as sent: Content-Format as an option, and a body beyond one block served by Block2. Its options are a new array. */
  private respond(key: string, res: CoapResponse, b2: BlockValue | undefined): CoapResponse {
    const payload = res.payload || EMPTY;
    const szx = b2 ? Math.min(b2.szx, this.ourSzx) : this.ourSzx;
    const options = res.options ? res.options.slice() : [];
    if (res.contentFormat !== undefined) options.push(uintOption(Option.CONTENT_FORMAT, res.contentFormat));
    if (payload.length <= blockSize(szx) && !(b2 && b2.num > 0)) return { code: res.code, options, payload };
    const body: ServedBody = { code: res.code, options, payload: payload.slice(), expires: this.now + this.times.exchangeLifetimeMs };
    return this.serveBlock(key, body, b2 || { num: 0, more: false, szx });
  }

  private serveBlock(key: string, body: ServedBody, b2: BlockValue): CoapResponse {
    const szx = Math.min(b2.szx, this.ourSzx);
    const size = blockSize(szx);
    const offset = b2.num * blockSize(b2.szx);
    // RFC 7959 §2.2: a block beyond the end of the representation -> 4.02.
    if (offset >= body.payload.length && body.payload.length > 0) return { code: Code.BAD_OPTION };
    const num = Math.floor(offset / size);
    const more = offset + size < body.payload.length;
    if (more) {
      // Table full of live bodies: the oldest goes, the client can ask again (GET) or gets 4.08.
      if (!this.bodies.has(key) && !makeRoom(this.bodies, this.maxEntries, this.now)) dropOldest(this.bodies);
      this.bodies.set(key, body);
    } else this.bodies.delete(key);
    const options = body.options.slice();
    options.push(blockOption(Option.BLOCK2, { num, more, szx }));
    if (num === 0) options.push(uintOption(Option.SIZE2, body.payload.length));
    return { code: body.code, options, payload: body.payload.subarray(offset, Math.min(offset + size, body.payload.length)) };
  }

  // --- client side: our requests ---------------------------------------------------------

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
    const base: CoapOption[] = [];
    for (const s of spec.uriPath || []) base.push({ number: Option.URI_PATH, value: utf8Encode(s) });
    for (const s of spec.uriQuery || []) base.push({ number: Option.URI_QUERY, value: utf8Encode(s) });
    if (spec.contentFormat !== undefined) base.push(uintOption(Option.CONTENT_FORMAT, spec.contentFormat));
    const payload = spec.payload || EMPTY; // kept, not copied: RequestSpec.payload
    const ex = {
      // A copy: the caller's object is not kept; the link and identity say which session carries it.
      peer: { address: peer.address, port: peer.port, identity: peer.identity, dtls: peer.dtls },
      key: peerKey(peer), spec, onDone, token: EMPTY, base, payload,
      useBlock1: !!spec.block1Always || payload.length > blockSize(this.ourSzx),
      szx: this.ourSzx, offset: 0, download: false,
    } as Exchange;
    if (this.inFlight(ex.key) < this.cfg.transmission.nstart) this.start(ex, true);
    else this.queue.push(ex);
  }

  private inFlight(key: string): number {
    let n = 0;
    for (const e of this.active) if (e.key === key) n++;
    return n;
  }

  private start(ex: Exchange, fromRequest: boolean): void {
    // USP practice (OB-USP-Agent): 4-byte tokens; unique among our exchanges with that peer.
    do ex.token = this.cfg.randomBytes(4).slice(0, 4);
    while (this.active.some((e) => e.key === ex.key && sameBytes(e.token, ex.token)));
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

  /** The next message of `ex` (a block of the body, or a Block2 follow-up), sent. */
  private sendNext(ex: Exchange): void {
    const options = ex.base.slice();
    let payload = ex.payload;
    const size = blockSize(ex.szx);
    if (ex.download) {
      // RFC 7959 §2.4: ask for the next block; the request body is not sent again.
      options.push(blockOption(Option.BLOCK2, { num: Math.floor(ex.offset / size), more: false, szx: ex.szx }));
      payload = EMPTY;
    } else if (ex.useBlock1) {
      ex.blockNum = Math.floor(ex.offset / size);
      ex.blockLen = Math.min(size, payload.length - ex.offset);
      ex.lastBlock = ex.offset + size >= payload.length;
      options.push(blockOption(Option.BLOCK1, { num: ex.blockNum, more: !ex.lastBlock, szx: ex.szx }));
      // RFC 7959 §4: Size1 tells the server the whole body up front.
      if (ex.offset === 0) options.push(uintOption(Option.SIZE1, payload.length));
      payload = payload.subarray(ex.offset, ex.offset + ex.blockLen);
    }
    if (ex.spec.earlyBlock2 && !ex.download && (!ex.useBlock1 || ex.lastBlock)) {
      options.push(blockOption(Option.BLOCK2, { num: 0, more: false, szx: ex.szx }));
    }
    ex.messageId = this.allocMessageId();
    const msg: CoapMessage = { type: CoapType.CON, code: ex.spec.method, messageId: ex.messageId, token: ex.token, options, payload };
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
    // Start queued requests whose peer is under NSTART.
    for (let j = 0; j < this.queue.length; ) {
      const q = this.queue[j];
      if (this.inFlight(q.key) < this.cfg.transmission.nstart) {
        this.queue.splice(j, 1);
        this.start(q, false);
      } else j++;
    }
    ex.onDone(result);
  }

  private fail(ex: Exchange, reason: string): void {
    this.finish(ex, { kind: 'failed', reason });
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
    // Block2 is followed for a streamed body only (RequestSpec.onBlock2: each block handed over in
    // order, nothing kept; RFC 7959 §2.4): the one body an Agent fetches is an image. Any other
    // answer is taken as it comes (an Agent's POSTs are answered 2.04 without a body).
    const onBlock2 = ex.spec.onBlock2;
    if (onBlock2 !== undefined && msg.code >= Code.CREATED && msg.code < 0x60) {
      const b2 = findOption(msg, Option.BLOCK2);
      const v2 = b2 ? decodeBlock(b2.value) : undefined;
      if (b2 && !v2) return this.fail(ex, 'reserved SZX in Block2');
      const at = ex.download ? ex.offset : 0;
      const n = msg.payload.length;
      if (v2 && v2.num * blockSize(v2.szx) !== at) return this.fail(ex, 'Block2 out of order');
      try { onBlock2(msg.payload, at); } catch (e) {
        return this.fail(ex, e instanceof Error ? e.message : String(e));
      }
      if (v2 && v2.more) {
        if (n === 0) return this.fail(ex, 'empty Block2 with more');
        ex.offset = at + n;
        ex.szx = Math.min(v2.szx, this.ourSzx);
        ex.download = true;
        return this.sendNext(ex);
      }
      return this.finish(ex, response(msg.code, msg.options, EMPTY));
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
