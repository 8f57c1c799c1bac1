// The USP CoAP MTP binding (TR-369 1.0+ "CoAP Binding"; digest §7, R-COAP numbering of 1.0):
// our resource on the CoAP endpoint (server side) and sending a Record as a POST (client side).
// The USP response never rides on the CoAP response: it comes back as a new POST to reply-to.
import { Code, ContentFormat, Method, codeClass } from '../coap/constants.ts';
import { utf8Encode } from '../codec/utf8.ts';
import { nameError } from '../codec/errors.ts';
import type { CoapEndpoint } from '../coap/endpoint.ts';
import { EMPTY } from '../coap/message.ts';
import type { CoapRequest, CoapResource, CoapResponse, CoapResult, Peer } from '../coap/types.ts';
import { canonicalIp, formatCoapUri, parseCoapUri, pathSegments, type CoapUri } from './coap-uri.ts';

export type RecordVerdict = 'ok' | 'bad-record';

/**
 * Called once per complete Record. `replyTo` is the validated reply-to URI (its host equals the
 * packet's source address); send the USP response there with `sendRecord`.
 * Return 'bad-record' when the Record cannot be decoded or interpreted (R-COAP.13 -> 4.00).
 */
export type OnRecord = (record: Uint8Array, replyTo: string, peer: Peer) => RecordVerdict;

export interface UspCoapConfig {
  /** Device.LocalAgent.MTP.{i}.CoAP.Path, e.g. "usp" or "/e/agent1". */
  path: string;
  /** R-COAP.1: 'bbf.usp.a' for an Agent (default), 'bbf.usp.c' for a Controller. */
  interfaceType?: 'bbf.usp.a' | 'bbf.usp.c';
  /**
   * The schemes this endpoint can send Records to: 'coaps' with DTLS client credentials,
   * 'coap' when plaintext is allowed (default ['coap']). Settable later (UspCoapBinding.schemes).
   */
  schemes?: readonly ('coap' | 'coaps')[];
  /** The one scheme this endpoint sends to (shorthand for `schemes: [scheme]`). */
  scheme?: 'coap' | 'coaps';
  /** Send Block1 + Size1 even for a one-block Record, as OB-USP-Agent does. */
  block1Always?: boolean;
}

/** How sending one Record ended (R-COAP.9/10: the USP layer retries on failure). */
export type SendOutcome =
  | { ok: true; code: number }
  /** R-COAP.10: the peer answered 4.xx or 5.xx. */
  | { ok: false; reason: 'coap-error'; code: number }
  /** R-COAP.9: no answer (transport failure). */
  | { ok: false; reason: 'timeout' }
  | { ok: false; reason: 'reset' | 'failed'; detail?: string };

export class CoapUriError extends Error {
  constructor(message: string) {
    super(message);
    nameError(this, 'CoapUriError');
  }
}

const WELL_KNOWN = Object.freeze(['.well-known', 'core']);

function refuse(code: number, why: string): CoapResponse {
  // RFC 7252 §5.5.2: a short diagnostic payload on errors helps whoever debugs the peer.
  return { code, payload: utf8Encode(why) };
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class UspCoapBinding implements CoapResource {
  private readonly path: string[];
  /** See UspCoapConfig.schemes. */
  schemes: readonly ('coap' | 'coaps')[];
  private readonly linkFormat: Uint8Array;
  /** The last reply-to check: its inputs (reply-to, source address, DTLS or not) and answer. */
  private lastReplyKey = '';
  private lastReply: string | CoapResponse = '';
  /** The last send's URIs (target and reply-to), the target parsed and the Uri-Query built. */
  private lastSendKey = '';
  private lastTarget: CoapUri | undefined;
  private lastReplyQuery: string[] = [];

  constructor(
    private readonly endpoint: CoapEndpoint,
    private readonly config: UspCoapConfig,
    private readonly onRecord: OnRecord,
  ) {
    this.path = pathSegments(config.path);
    this.schemes = config.schemes || [config.scheme || 'coap'];
    // R-COAP.1: resource type and interface in RFC 6690 link format.
    this.linkFormat = utf8Encode(
      '</' + this.path.join('/') + '>;rt="bbf.usp.endpoint";if="' + (config.interfaceType || 'bbf.usp.a') + '";ct=42',
    );
    endpoint.resource = this;
  }

  /** Runs on the first block, so a wrong request is refused before its body is collected. */
  check(req: CoapRequest): CoapResponse | undefined {
    if (samePath(req.uriPath, WELL_KNOWN)) {
      return req.method === Method.GET ? undefined : refuse(Code.METHOD_NOT_ALLOWED, 'GET only');
    }
    if (!samePath(req.uriPath, this.path)) return refuse(Code.NOT_FOUND, 'no such resource');
    // R-COAP.4/R-COAP.11: the USP resource takes POST only.
    if (req.method !== Method.POST) return refuse(Code.METHOD_NOT_ALLOWED, 'POST only');
    // R-COAP.6/R-COAP.12: the Record is application/octet-stream (42).
    if (req.contentFormat !== ContentFormat.OCTET_STREAM) return refuse(Code.UNSUPPORTED_CONTENT_FORMAT, 'Content-Format 42 only');
    const replyTo = this.replyTo(req);
    return typeof replyTo === 'string' ? undefined : replyTo;
  }

  /** Runs only once check() let the request through (CoapResource). */
  handle(req: CoapRequest): CoapResponse {
    // check() let through a GET of /.well-known/core or a POST to our path.
    if (req.method === Method.GET) {
      return { code: Code.CONTENT, contentFormat: ContentFormat.LINK_FORMAT, payload: this.linkFormat };
    }
    const replyTo = this.replyTo(req) as string;
    // R-COAP.13: an empty body is no Record.
    if (req.payload.length === 0) return refuse(Code.BAD_REQUEST, 'empty Record');
    const verdict = this.onRecord(req.payload, replyTo, req.peer);
    if (verdict !== 'ok') return refuse(Code.BAD_REQUEST, 'Record not decodable');
    // R-COAP.7: 2.04 Changed, no payload; the USP response travels as a new POST.
    return { code: Code.CHANGED, payload: EMPTY };
  }

  /**
   * R-COAP.2/2a: exactly one Uri-Query "reply-to=<coap|coaps URI>" naming the sender's server.
   * Its host must be the packet's source address: the Agent must not be turned into a
   * reflector towards a third party (OB-USP-Agent performs the same check). Refused with 4.00.
   */
  private replyTo(req: CoapRequest): string | CoapResponse {
    let found: string | undefined;
    for (const q of req.uriQuery) {
      if (q.slice(0, 9) !== 'reply-to=') continue;
      if (found !== undefined) return refuse(Code.BAD_REQUEST, 'more than one reply-to');
      found = q.slice(9);
    }
    if (found === undefined) return refuse(Code.BAD_REQUEST, 'reply-to missing');
    // A Controller sends the same reply-to from the same address every time: check it once. (The
    // address, an IP literal, and the DTLS flag have no space: the key reads back unambiguously.)
    const key = found + ' ' + req.peer.address + ' ' + !!req.peer.dtls;
    if (key !== this.lastReplyKey) {
      this.lastReplyKey = key;
      this.lastReply = checkReplyTo(found, req.peer);
    }
    return this.lastReply;
  }

  /**
   * Sends a Record as a confirmable POST to `targetUri` with `reply-to=<replyToUri>`;
   * `onDone` is called exactly once, later; `record` is kept until then, so do not change it.
   * `toId` is the Controller's Endpoint ID: over coaps:// its certificate must prove it (R-MTP.4).
   * Throws CoapUriError for an unusable URI (host names need resolving by the caller) and
   * CoapLimitError when the exchange table is full.
   */
  sendRecord(record: Uint8Array, targetUri: string, replyToUri: string, onDone: (outcome: SendOutcome) => void, toId?: string): void {
    // Responses go to the same few URIs again and again: parse and check each once.
    const key = targetUri + ' ' + replyToUri;
    if (key !== this.lastSendKey) {
      const target = parseCoapUri(targetUri);
      if (!target || canonicalIp(target.host) === undefined) throw new CoapUriError('target is not a coap URI with an IP literal: ' + targetUri);
      const replyTo: CoapUri | undefined = parseCoapUri(replyToUri);
      if (!replyTo) throw new CoapUriError('reply-to is not a coap URI: ' + replyToUri);
      this.lastTarget = target;
      this.lastReplyQuery = ['reply-to=' + formatCoapUri(replyTo)];
      this.lastSendKey = key;
    }
    const target = this.lastTarget as CoapUri;
    if (this.schemes.indexOf(target.scheme) < 0) {
      throw new CoapUriError(target.scheme === 'coap' ? 'plaintext coap:// is not allowed (no --allow-nosec)' : 'no DTLS credentials for coaps://');
    }
    this.endpoint.request(
      target.scheme === 'coaps'
        ? { address: target.host, port: target.port, dtls: 'client', identity: { endpointId: toId } }
        : { address: target.host, port: target.port },
      {
        method: Method.POST,
        uriPath: target.path,
        uriQuery: this.lastReplyQuery,
        contentFormat: ContentFormat.OCTET_STREAM,
        payload: record,
        block1Always: this.config.block1Always,
      },
      (r) => onDone(outcome(r)),
    );
  }
}

/** The reply-to URI normalised, or the refusal (see UspCoapBinding.replyTo). */
function checkReplyTo(text: string, peer: Peer): string | CoapResponse {
  const uri = parseCoapUri(text);
  if (!uri) return refuse(Code.BAD_REQUEST, 'reply-to is not a coap URI');
  // A request that came over DTLS is answered over DTLS: no downgrade to plaintext.
  if (peer.dtls && uri.scheme !== 'coaps') return refuse(Code.BAD_REQUEST, 'reply-to must be coaps over DTLS');
  const host = canonicalIp(uri.host);
  if (host === undefined || host !== canonicalIp(peer.address)) return refuse(Code.BAD_REQUEST, 'reply-to host is not the source address');
  return formatCoapUri(uri);
}

function outcome(r: CoapResult): SendOutcome {
  if (r.kind === 'response') {
    return codeClass(r.code) === 2 ? { ok: true, code: r.code } : { ok: false, reason: 'coap-error', code: r.code };
  }
  return r.kind === 'failed' ? { ok: false, reason: 'failed', detail: r.reason } : { ok: false, reason: r.kind };
}
