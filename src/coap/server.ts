// The server half of the endpoint: option checks (RFC 7252 §5.4.1), Block1 reassembly and Block2
// serving (RFC 7959), calling the resource. Returns the response; the endpoint sends it.
import { Code, Method, Option, isCritical, isRepeatable, optionMaxLength, optionMinLength } from './constants.ts';
import { findOption, uintOption, uintValue, type CoapMessage, type CoapOption } from './message.ts';
import { blockOption, blockSize, decodeBlock, szxForBytes, type BlockValue } from './block.ts';
import { utf8Decode } from '../codec/utf8.ts';
import { type CoapRequest, type CoapResource, type CoapResponse, type EndpointLimits, type Peer } from './types.ts';
import type { DerivedTimes } from './transmission.ts';

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

const EMPTY = new Uint8Array(0);

export class CoapServerSide {
  resource: CoapResource | undefined;
  /** Block1 uploads in progress (read by the endpoint for tests and bounds). */
  readonly reassemblies = new Map<string, Reassembly>();
  private readonly bodies = new Map<string, ServedBody>();
  private readonly ourSzx: number;

  constructor(
    private readonly limits: EndpointLimits,
    private readonly times: DerivedTimes,
    private readonly maxEntries: number,
  ) {
    this.ourSzx = szxForBytes(limits.coapBlockBytes);
  }

  handle(msg: CoapMessage, peer: Peer, now: number): CoapResponse | undefined {
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
      return this.block1(req, msg, b1, b2, now);
    }
    const key = bodyKey(req);
    if (b2 && b2.num > 0) {
      const served = this.bodies.get(key);
      if (served && served.expires > now) return this.serveBlock(key, served, b2, now);
      // Regenerate only where it is safe; a later block of a POST result cannot be rebuilt.
      if (req.method !== Method.GET) return { code: Code.REQUEST_ENTITY_INCOMPLETE };
    }
    const early = this.call(req, true);
    if (early) return early;
    return this.respond(key, this.call(req, false) as CoapResponse, b2, now);
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
    return { code: Code.REQUEST_ENTITY_TOO_LARGE, options: [uintOption(Option.SIZE1, this.limits.reassemblyBytes)] };
  }

  private block1(req: CoapRequest, msg: CoapMessage, b1: BlockValue, b2: BlockValue | undefined, now: number): CoapResponse {
    const key = bodyKey(req);
    const size = blockSize(b1.szx);
    const replySzx = Math.min(b1.szx, this.ourSzx);
    // Blocks other than the last carry exactly one block of data (RFC 7959 §2.2).
    const wrongLength = b1.more && req.payload.length !== size;
    if (b1.num === 0) {
      this.reassemblies.delete(key);
      const early = this.call(req, true);
      if (early) return early;
      const size1 = uintValue(msg, Option.SIZE1);
      if ((size1 !== undefined && size1 > this.limits.reassemblyBytes) || req.payload.length > this.limits.reassemblyBytes) {
        return this.tooLarge();
      }
      if (wrongLength) return { code: Code.BAD_REQUEST };
      if (!b1.more) return withOption(this.respond(key, this.call(req, false) as CoapResponse, b2, now), blockOption(Option.BLOCK1, b1));
      if (!this.makeRoom(this.reassemblies, now)) {
        return { code: Code.SERVICE_UNAVAILABLE, options: [uintOption(Option.MAX_AGE, 5)] };
      }
      const buf = new Uint8Array(size1 !== undefined && size1 > req.payload.length ? size1 : this.limits.reassemblyBytes);
      buf.set(req.payload, 0);
      this.reassemblies.set(key, { buf, received: req.payload.length, expires: now + this.times.maxTransmitWaitMs });
      return { code: Code.CONTINUE, options: [blockOption(Option.BLOCK1, { num: 0, more: true, szx: replySzx })] };
    }
    const r = this.reassemblies.get(key);
    // RFC 7959 §2.9.2: a block we cannot place (no start, gap, out of order) -> 4.08.
    if (!r || r.received !== b1.num * size) {
      this.reassemblies.delete(key);
      return { code: Code.REQUEST_ENTITY_INCOMPLETE };
    }
    if (wrongLength) {
      this.reassemblies.delete(key);
      return { code: Code.BAD_REQUEST };
    }
    if (r.received + req.payload.length > this.limits.reassemblyBytes) {
      this.reassemblies.delete(key);
      return this.tooLarge();
    }
    if (r.received + req.payload.length > r.buf.length) {
      // More than the Size1 announced (within the bound): move to a buffer of the bound.
      const grown = new Uint8Array(this.limits.reassemblyBytes);
      grown.set(r.buf.subarray(0, r.received), 0);
      r.buf = grown;
    }
    r.buf.set(req.payload, r.received);
    r.received += req.payload.length;
    r.expires = now + this.times.maxTransmitWaitMs;
    if (b1.more) {
      return { code: Code.CONTINUE, options: [blockOption(Option.BLOCK1, { num: b1.num, more: true, szx: replySzx })] };
    }
    this.reassemblies.delete(key);
    req.payload = r.buf.subarray(0, r.received);
    const early = this.call(req, true);
    const res = early ? early : this.call(req, false) as CoapResponse;
    return withOption(this.respond(key, res, b2, now), blockOption(Option.BLOCK1, b1));
  }

  /** Frees a slot in a bounded table: expired entries first; false when none can go. */
  private makeRoom(table: Map<string, { expires: number }>, now: number): boolean {
    if (table.size < this.maxEntries) return true;
    for (const [k, v] of table) if (v.expires <= now) table.delete(k);
    return table.size < this.maxEntries;
  }

  private respond(key: string, res: CoapResponse, b2: BlockValue | undefined, now: number): CoapResponse {
    const payload = res.payload || EMPTY;
    const szx = b2 ? Math.min(b2.szx, this.ourSzx) : this.ourSzx;
    const options = res.options ? res.options.slice() : [];
    if (res.contentFormat !== undefined) options.push(uintOption(Option.CONTENT_FORMAT, res.contentFormat));
    if (payload.length <= blockSize(szx) && !(b2 && b2.num > 0)) return { code: res.code, options, payload };
    const body: ServedBody = { code: res.code, options, payload: payload.slice(), expires: now + this.times.exchangeLifetimeMs };
    return this.serveBlock(key, body, b2 || { num: 0, more: false, szx }, now);
  }

  private serveBlock(key: string, body: ServedBody, b2: BlockValue, now: number): CoapResponse {
    const szx = Math.min(b2.szx, this.ourSzx);
    const size = blockSize(szx);
    const offset = b2.num * blockSize(b2.szx);
    // RFC 7959 §2.2: a block beyond the end of the representation -> 4.02.
    if (offset >= body.payload.length && body.payload.length > 0) return { code: Code.BAD_OPTION };
    const num = Math.floor(offset / size);
    const more = offset + size < body.payload.length;
    if (more) {
      if (!this.bodies.has(key) && !this.makeRoom(this.bodies, now)) {
        // Table full of live bodies: drop the oldest, the client can ask again (GET) or gets 4.08.
        const oldest = this.bodies.keys().next();
        if (!oldest.done) this.bodies.delete(oldest.value);
      }
      this.bodies.set(key, body);
    } else this.bodies.delete(key);
    const options = body.options.slice();
    options.push(blockOption(Option.BLOCK2, { num, more, szx }));
    if (num === 0) options.push(uintOption(Option.SIZE2, body.payload.length));
    return { code: body.code, options, payload: body.payload.subarray(offset, Math.min(offset + size, body.payload.length)) };
  }
}

function withOption(res: CoapResponse, opt: CoapOption): CoapResponse {
  const options = res.options ? res.options.slice() : [];
  options.push(opt);
  return { code: res.code, contentFormat: res.contentFormat, options, payload: res.payload };
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
