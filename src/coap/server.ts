// The server side of the endpoint's helpers (endpoint.ts serves the requests to us): option
// checks (RFC 7252 §5.4.1), the request as the resource sees it, the bounded block-wise tables.
import { Code, Option } from './constants.ts';
import { uintValue, type CoapMessage, type CoapOption } from './message.ts';
import { utf8Decode } from '../codec/utf8.ts';
import { type CoapRequest, type CoapResponse, type Peer } from './types.ts';

export interface Reassembly {
  /** One buffer for the body (Size1, or the reassembly bound when Size1 is absent or short):
   * blocks are copied in as they come, and the body is a view of it (no concat copy). */
  buf: Uint8Array;
  received: number;
  /** MAX_TRANSMIT_WAIT after its last block: then its slot may be taken. */
  expires: number;
}

export interface ServedBody {
  code: number;
  options: CoapOption[];
  payload: Uint8Array;
  expires: number;
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
export function bodyKey(req: CoapRequest): string {
  return req.peer.address + ' ' + req.method + ' /' + req.uriPath.join('/') + '?' + req.uriQuery.join('&');
}

export function buildRequest(msg: CoapMessage, peer: Peer): CoapRequest {
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
 * proxy: Proxy-Uri / Proxy-Scheme -> 5.05 (§5.7.2). The lengths this stack understands, and
 * which options repeat (§5.10), by a switch (issue 10: no preloaded tables, no helper per
 * column). If-Match/If-None-Match are deliberately absent: we do not implement them, so as
 * critical options they earn 4.02.
 */
export function checkOptions(msg: CoapMessage): CoapResponse | undefined {
  let previous = -1;
  for (const o of msg.options) {
    const k = o.number;
    if (k === Option.PROXY_URI || k === Option.PROXY_SCHEME) return { code: Code.PROXYING_NOT_SUPPORTED };
    let min = 0;
    let max = -1; // not understood
    let repeats = false;
    switch (k) {
      case Option.URI_HOST: min = 1; max = 255; break;
      case Option.LOCATION_PATH: case Option.URI_PATH: case Option.URI_QUERY: case Option.LOCATION_QUERY: repeats = true; max = 255; break;
      case Option.ETAG: min = 1; repeats = true; max = 8; break;
      case Option.OBSERVE: case Option.BLOCK2: case Option.BLOCK1: max = 3; break;
      case Option.URI_PORT: case Option.CONTENT_FORMAT: case Option.ACCEPT: max = 2; break;
      case Option.MAX_AGE: case Option.SIZE2: case Option.SIZE1: max = 4; break;
      case Option.NO_RESPONSE: max = 1;
    }
    const n = o.value.length;
    const ok = n <= max && n >= min && (k !== previous || repeats);
    previous = k;
    // §5.4.6: an option is critical when its number is odd.
    if (!ok && (k & 1) === 1) return { code: Code.BAD_OPTION };
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
