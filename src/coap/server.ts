// The endpoint in three layers, one per file: this one serves requests to us (option checks, RFC
// 7252 §5.4.1; Block1 reassembly and Block2 serving, RFC 7959; calling the resource) and returns
// the response; client.ts adds our own requests; endpoint.ts the messaging (ids, dedup, encoding).
// Layers of one object, not objects that call each other: no forwarding methods, one clock.
import { Code, Method, Option, isCritical, isRepeatable, optionMaxLength, optionMinLength } from './constants.ts';
import { EMPTY, findOption, uintOption, uintValue, type CoapMessage, type CoapOption } from './message.ts';
import { blockOption, blockSize, decodeBlock, szxForBytes, type BlockValue } from './block.ts';
import { utf8Decode } from '../codec/utf8.ts';
import { type CoapRequest, type CoapResource, type CoapResponse, type EndpointConfig, type Peer } from './types.ts';
import { derivedTimes, type DerivedTimes } from './transmission.ts';

interface Reassembly {
  /** One buffer for the body (Size1, or the reassembly bound when Size1 is absent or short):
   * blocks are copied in as they come, and the body is a view of it (no concat copy). */
  buf: Uint8Array;
  received: number;
  /** MAX_TRANSMIT_WAIT after its last block: then its slot may be taken. */
  expires: number;
}

interface ServedBody {
  code: number;
  options: CoapOption[];
  payload: Uint8Array;
  expires: number;
}


export class CoapServerSide {
  readonly times: DerivedTimes;
  /** Monotonic ms of the call being handled (receive, step, peerFailed set it). */
  protected now = 0;
  protected resource: CoapResource | undefined;
  /** Block1 uploads in progress. */
  private readonly uploads = new Map<string, Reassembly>();
  private readonly bodies = new Map<string, ServedBody>();
  protected readonly ourSzx: number;
  /** Concurrent Block1 reassemblies / Block2 bodies kept (EndpointConfig.maxReassemblies). */
  private readonly maxEntries: number;

  constructor(readonly cfg: EndpointConfig) {
    this.times = derivedTimes(cfg.transmission);
    this.ourSzx = szxForBytes(cfg.limits.coapBlockBytes);
    this.resource = cfg.resource;
    this.maxEntries = cfg.maxReassemblies || Math.max(1, Math.floor(cfg.limits.coapExchanges / 8));
  }

  setResource(resource: CoapResource | undefined): void {
    this.resource = resource;
  }

  /** Block1 uploads being reassembled. */
  get reassemblies(): number {
    return this.uploads.size;
  }

  protected handle(msg: CoapMessage, peer: Peer): CoapResponse {
    const bad = checkOptions(msg);
    if (bad !== undefined) return bad;
    const req = buildRequest(msg, peer);
    if (!this.resource) return { code: Code.NOT_FOUND };
    const b1opt = findOption(msg, Option.BLOCK1);
    const b2opt = findOption(msg, Option.BLOCK2);
    const b2 = b2opt ? decodeBlock(b2opt.value) : undefined;
    // RFC 7959 §2.2: SZX 7 is reserved; in a request it earns 4.00.
    if (b2opt && !b2) return { code: Code.BAD_REQUEST };
    if (b1opt) {
      const b1 = decodeBlock(b1opt.value);
      if (!b1) return { code: Code.BAD_REQUEST };
      return this.block1(req, msg, b1, b2);
    }
    const key = bodyKey(req);
    if (b2 && b2.num > 0) {
      const served = this.bodies.get(key);
      if (served && served.expires > this.now) return this.serveBlock(key, served, b2);
      // Regenerate only where it is safe; a later block of a POST result cannot be rebuilt.
      if (req.method !== Method.GET) return { code: Code.REQUEST_ENTITY_INCOMPLETE };
    }
    const early = this.call(req, true);
    if (early) return early;
    return this.respond(key, this.call(req, false) as CoapResponse, b2);
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

  private tooLarge(): CoapResponse {
    // RFC 7959 §2.9.3: 4.13 with Size1 telling the largest body we take.
    return { code: Code.REQUEST_ENTITY_TOO_LARGE, options: [uintOption(Option.SIZE1, this.cfg.limits.reassemblyBytes)] };
  }

  private block1(req: CoapRequest, msg: CoapMessage, b1: BlockValue, b2: BlockValue | undefined): CoapResponse {
    const key = bodyKey(req);
    const size = blockSize(b1.szx);
    const replySzx = Math.min(b1.szx, this.ourSzx);
    // Blocks other than the last carry exactly one block of data (RFC 7959 §2.2).
    const wrongLength = b1.more && req.payload.length !== size;
    if (b1.num === 0) {
      this.uploads.delete(key);
      const early = this.call(req, true);
      if (early) return early;
      const size1 = uintValue(msg, Option.SIZE1);
      if ((size1 !== undefined && size1 > this.cfg.limits.reassemblyBytes) || req.payload.length > this.cfg.limits.reassemblyBytes) {
        return this.tooLarge();
      }
      if (wrongLength) return { code: Code.BAD_REQUEST };
      if (!b1.more) return this.echoBlock1(this.respond(key, this.call(req, false) as CoapResponse, b2), b1);
      if (!makeRoom(this.uploads, this.maxEntries, this.now)) {
        return { code: Code.SERVICE_UNAVAILABLE, options: [uintOption(Option.MAX_AGE, 5)] };
      }
      const buf = new Uint8Array(size1 !== undefined && size1 > req.payload.length ? size1 : this.cfg.limits.reassemblyBytes);
      buf.set(req.payload, 0);
      this.uploads.set(key, { buf, received: req.payload.length, expires: this.now + this.times.maxTransmitWaitMs });
      return { code: Code.CONTINUE, options: [blockOption(Option.BLOCK1, { num: 0, more: true, szx: replySzx })] };
    }
    const r = this.uploads.get(key);
    // RFC 7959 §2.9.2: a block we cannot place (no start, gap, out of order) -> 4.08.
    if (!r || r.received !== b1.num * size) {
      this.uploads.delete(key);
      return { code: Code.REQUEST_ENTITY_INCOMPLETE };
    }
    if (wrongLength) {
      this.uploads.delete(key);
      return { code: Code.BAD_REQUEST };
    }
    if (r.received + req.payload.length > this.cfg.limits.reassemblyBytes) {
      this.uploads.delete(key);
      return this.tooLarge();
    }
    if (r.received + req.payload.length > r.buf.length) {
      // More than the Size1 announced (within the bound): move to a buffer of the bound.
      const grown = new Uint8Array(this.cfg.limits.reassemblyBytes);
      grown.set(r.buf.subarray(0, r.received), 0);
      r.buf = grown;
    }
    r.buf.set(req.payload, r.received);
    r.received += req.payload.length;
    r.expires = this.now + this.times.maxTransmitWaitMs;
    if (b1.more) {
      return { code: Code.CONTINUE, options: [blockOption(Option.BLOCK1, { num: b1.num, more: true, szx: replySzx })] };
    }
    this.uploads.delete(key);
    req.payload = r.buf.subarray(0, r.received);
    const early = this.call(req, true);
    const res = early ? early : this.call(req, false) as CoapResponse;
    return this.echoBlock1(this.respond(key, res, b2), b1);
  }

  /** The final answer to a Block1 upload echoes its last Block1 (RFC 7959 §2.3). respond() made its options. */
  private echoBlock1(res: CoapResponse, b1: BlockValue): CoapResponse {
    (res.options as CoapOption[]).push(blockOption(Option.BLOCK1, b1));
    return res;
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
}

/** Room for one more entry in a bounded table (`max` entries): expired entries go first; false when none can. */
export function makeRoom(table: Map<string, { expires: number }>, max: number, now: number): boolean {
  if (table.size < max) return true;
  for (const [k, v] of table) if (v.expires <= now) table.delete(k);
  return table.size < max;
}

/** Drops the entry of `table` set first (a Map keeps insertion order). */
export function dropOldest(table: Map<string, unknown>): void {
  const oldest = table.keys().next();
  if (!oldest.done) table.delete(oldest.value);
}

/**
 * Block-wise state is keyed by the peer's address, not its port, so an upload survives a NAT
 * rebinding of the client's source port (libcoap's "change port every N packets" fault).
 */
function bodyKey(req: CoapRequest): string {
  return req.peer.address + ' ' + req.method + ' /' + req.uriPath.join('/') + '?' + req.uriQuery.join('&');
}

function buildRequest(msg: CoapMessage, peer: Peer): CoapRequest {
  const uriPath: string[] = [];
  const uriQuery: string[] = [];
  let contentFormat: number | undefined;
  for (const o of msg.options) {
    if (o.number === Option.URI_PATH) uriPath.push(optionText(o.value));
    else if (o.number === Option.URI_QUERY) uriQuery.push(optionText(o.value));
    else if (o.number === Option.CONTENT_FORMAT) contentFormat = uintValue(msg, Option.CONTENT_FORMAT);
  }
  return {
    // A copy of the link facts (the caller's object may be reused): who, and over which DTLS role.
    peer: peer.identity || peer.dtls ? { address: peer.address, port: peer.port, identity: peer.identity, dtls: peer.dtls } : { address: peer.address, port: peer.port },
    method: msg.code,
    confirmable: msg.type === 0,
    token: msg.token,
    options: msg.options,
    uriPath,
    uriQuery,
    contentFormat,
    payload: msg.payload,
  };
}

/**
 * RFC 7252 §5.4.1/§5.4.3/§5.4.5: an unrecognised critical option, a known one with a bad length,
 * or a repeated non-repeatable one -> 4.02 Bad Option; elective ones are ignored. We are not a
 * proxy: Proxy-Uri / Proxy-Scheme -> 5.05 (§5.7.2).
 */
export function checkOptions(msg: CoapMessage): CoapResponse | undefined {
  let previous = -1;
  for (const o of msg.options) {
    if (o.number === Option.PROXY_URI || o.number === Option.PROXY_SCHEME) return { code: Code.PROXYING_NOT_SUPPORTED };
    const n = o.value.length;
    const repeated = o.number === previous && !isRepeatable(o.number);
    const ok = n <= optionMaxLength(o.number) && n >= optionMinLength(o.number) && !repeated;
    previous = o.number;
    if (!ok && isCritical(o.number)) return { code: Code.BAD_OPTION };
  }
  return undefined;
}

/** A Uri-Path/Uri-Query option as text; ill-formed UTF-8 becomes U+FFFD, so it just matches nothing. */
function optionText(bytes: Uint8Array): string {
  try {
    return utf8Decode(bytes);
  } catch {
    return '\ufffd';
  }
}
