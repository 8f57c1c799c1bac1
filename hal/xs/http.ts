// HAL Http on the XS runner: the http(op, ...) host function of firmware/xs-host/host-http.c, an
// HTTP/1.1 GET client on the runner's event loop, with TLS 1.2 from the same mbedTLS build as
// DTLS for https:// (the server's chain must lead to the agent's trust anchors). The body comes
// one block (<= the board's CoAP block size) at a time and goes straight to the caller, so the
// XS heap holds one block of the image, as with coap:// (issue 12). No redirect is followed, and
// a transfer with no byte for idleTimeoutMs ends with 'timeout'.
import type { Clock, Http, HttpGetOptions, HttpRequest, Timers } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';
import { allIn, ALNUM } from '../../src/codec/hex.ts';
import { splitUrl, type UrlParts } from '../../src/mtp/coap-uri.ts';

export interface XsHttpOptions {
  /** Trust anchors for https:// (PEM; the runner's --ca); without them https:// is not offered. */
  ca?: ArrayBuffer;
  /** Bytes per body block handed over (64..4096). */
  blockBytes: number;
  /** No byte for this long ends the transfer (Node's HAL uses the same 30 s). */
  idleTimeoutMs?: number;
}

// The operations of the http host function and its events (host-http.c).
const OP_GET = 0;
const OP_CLOSE = 1;
const EV_RESPONSE = 0;
const EV_DATA = 1;

/**
 * An http(s):// URL's parts, or undefined: host a name, an IPv4 literal or a bracketed IPv6 one;
 * no userinfo (the core refuses it before); the fragment is dropped. The same language as the
 * former regexp /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(\/[^#]*)?(?:#.*)?$/
 * (the reference in test/engines/xs-http.test.ts), with a port given checked to be 1..65535.
 */
export function parseHttpUrl(url: string): UrlParts | undefined {
  const hash = url.indexOf('#');
  const u = splitUrl(hash < 0 ? url : url.slice(0, hash), ALNUM + '.-', true);
  // '.' of the regexp's fragment matched no line terminator
  if (!u || (u.scheme !== 'http' && u.scheme !== 'https') || (hash >= 0 && !allIn(url.slice(hash), '\n\r\u2028\u2029', false))) return undefined;
  return u.port === 0 || u.port > 65535 ? undefined : u;
}

export function xsHttp(host: XsHostFunctions, clock: Clock, timers: Timers, opts: XsHttpOptions): Http {
  const ca = opts.ca;
  const idleMs = opts.idleTimeoutMs ?? 30_000;
  return Object.freeze({
    schemes: Object.freeze(ca ? ['http', 'https'] : ['http']),
    get(url: string, o: HttpGetOptions): HttpRequest {
      // One transfer: its idle watchdog and the one onEnd, as closures (a transfer is rare: no
      // class, whose constructor and methods would be preloaded functions; issue 10).
      let id = 0;
      let last = clock.monotonicMs();
      let timer = 0;
      let ended = false;
      const end = (error?: string): void => {
        if (ended) return;
        ended = true;
        if (timer) timers.clear(timer);
        o.onEnd(error);
      };
      const stop = (error: string): void => {
        if (id) host.http(OP_CLOSE, id);
        end(error);
      };
      // The idle watchdog: re-armed for what is left of the period while bytes keep coming.
      const watch = (delayMs: number): void => {
        timer = timers.set(delayMs, () => {
          timer = 0;
          const idle = clock.monotonicMs() - last;
          if (idle >= idleMs) stop('timeout');
          else watch(idleMs - idle);
        });
      };
      const u = parseHttpUrl(url);
      const tls = u !== undefined && u.scheme === 'https';
      let error: string | undefined;
      if (!u) error = 'not a valid http(s):// URL';
      else if (tls && !ca) error = 'https:// needs trust anchors (--ca)';
      else {
        const port = u.port < 0 ? (tls ? 443 : 80) : u.port;
        const wall = clock.wallTimeMs();
        try {
          // the address without an IPv6 literal's brackets; the Host header names the port when the URL does
          id = host.http(OP_GET, u.host[0] === '[' ? u.host.slice(1, -1) : u.host, port, tls, u.port < 0 ? u.host : u.host + ':' + port, u.path || '/',
            o.username, o.password ?? '', ca, wall === undefined ? -1 : Math.floor(wall / 1000),
            opts.blockBytes, (kind: number, a: unknown, b: unknown) => {
              if (ended) return;
              last = clock.monotonicMs();
              try {
                if (kind === EV_RESPONSE) o.onResponse(a as number, b as number);
                else if (kind === EV_DATA) o.onData(new Uint8Array(a as ArrayBuffer));
                else end(a as string | undefined);
              } catch (e) {
                // A throw from the caller (a slot write failed) ends the transfer here, not in the loop.
                stop((e as Error).message);
              }
            });
          watch(idleMs);
        } catch (e) {
          error = (e as Error).message;
        }
      }
      // onEnd never runs inside get() (hal.ts).
      if (error !== undefined) {
        const why = error;
        timers.set(0, () => end(why));
      }
      return { abort: () => stop('aborted') };
    },
  });
}
