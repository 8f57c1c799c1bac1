// Fetching an image for Download() (digest §5.4): coap:// through the agent's own CoAP endpoint
// (RFC 7959 Block2, each block streamed to the sink: RAM holds one block, not the image), coaps://
// the same way over a DTLS client session of the agent's link (src/dtls/link.ts, peer.dtls 'file':
// the server's certificate must chain to our trust anchors), and http:// / https:// through the
// HAL's Http where the board has one.
import type { Http } from '../../hal/hal.ts';
import { Code, Method } from '../coap/constants.ts';
import type { CoapEndpoint } from '../coap/endpoint.ts';
import { ALNUM, allIn } from '../codec/hex.ts';
import { parseCoapUri } from '../mtp/coap-uri.ts';

export interface TransferRequest {
  url: string;
  username: string;
  password: string;
  /** One piece of the body at `offset`, in order, valid only during the call; a throw ends the transfer. */
  onData(chunk: Uint8Array, offset: number): void;
  /** Exactly once, later: `error` undefined when the whole body arrived. */
  onEnd(error?: string): void;
}

export interface Transfer { abort(): void }

export interface Fetcher {
  /** The URL schemes this device can download from. */
  schemes(): readonly string[];
  fetch(req: TransferRequest): Transfer;
}

export interface FetcherDeps {
  endpoint: CoapEndpoint;
  http?: Http;
  /** Ask the host to step the core soon (an Http callback came outside receive/step). */
  wake(): void;
  /** coaps:// can be fetched now (the link has a certificate context; known once listening). */
  coaps?(): boolean;
}

/**
 * The scheme of "scheme://..." in lower case (RFC 3986: a letter, then letters, digits, '+', '-',
 * '.'), or ''. A hand check, not the former /^([a-z][a-z0-9+.-]*):\/\//i (the reference in
 * test/ota/transfer.test.ts): on XS a preloaded regexp is flash.
 */
export function urlScheme(url: string): string {
  const colon = url.indexOf(':');
  const scheme = url.slice(0, colon);
  const ok = colon > 0 && url.slice(colon + 1, colon + 3) === '//' && allIn(scheme[0], ALNUM.slice(0, 52), true) && allIn(scheme, ALNUM + '+.-', true);
  return ok ? scheme.toLowerCase() : '';
}

/**
 * The device's Fetcher: coap:// and coaps:// through the core's endpoint, other schemes through
 * the HAL's Http. (A class: its methods are in the preloaded prototype, so an instance costs the
 * XS heap no closures.)
 */
export class HalFetcher implements Fetcher {
  constructor(private readonly deps: FetcherDeps) {}

  schemes(): readonly string[] {
    const { http, coaps } = this.deps;
    const coap = coaps && coaps() ? ['coap', 'coaps'] : ['coap'];
    // an Http's schemes are never coap(s): fetch() sends those to the endpoint first
    return http ? coap.concat(http.schemes) : coap;
  }

  fetch(req: TransferRequest): Transfer {
    const deps = this.deps;
    const http = deps.http;
    const scheme = urlScheme(req.url);
    if (scheme === 'coap') return coapFetch(deps.endpoint, req, false);
    if (scheme === 'coaps') {
      if (!deps.coaps || !deps.coaps()) throw new Error('coaps:// needs DTLS with our certificate and trust anchors');
      return coapFetch(deps.endpoint, req, true);
    }
    if (!http || http.schemes.indexOf(scheme) < 0) throw new Error(`URL scheme '${scheme}' not supported`);
    let offset = 0;
    return http.get(req.url, {
      username: req.username || undefined,
      password: req.password,
      onResponse: () => {},
      onData: (chunk) => { req.onData(chunk, offset); offset += chunk.length; },
      onEnd: (error) => { req.onEnd(error); deps.wake(); },
    });
  }
}

function coapFetch(endpoint: CoapEndpoint, req: TransferRequest, secure: boolean): Transfer {
  const u = parseCoapUri(req.url);
  if (!u) throw new Error(`not a valid ${secure ? 'coaps' : 'coap'}:// URL (an IP literal host is needed)`);
  let done = false;
  endpoint.request(secure ? { address: u.host, port: u.port, dtls: 'file' } : { address: u.host, port: u.port }, {
    method: Method.GET, uriPath: u.path, earlyBlock2: true,
    onBlock2: (payload, offset) => {
      if (done) throw new Error('aborted');
      req.onData(payload, offset);
    },
  }, (r) => {
    if (done) return;
    done = true;
    if (r.kind !== 'response') req.onEnd(r.kind === 'failed' ? r.reason : `CoAP ${r.kind}`);
    else if (r.code !== Code.CONTENT) req.onEnd(`CoAP ${r.code >> 5}.${String(r.code & 31).padStart(2, '0')}`);
    else req.onEnd();
  });
  return {
    abort: () => {
      // The exchange ends at its next block (onBlock2 throws) or by its own timeout.
      if (done) return;
      done = true;
      req.onEnd('aborted');
    },
  };
}
