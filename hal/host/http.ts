// HAL Http on the host: node:http and node:https GETs, the body streamed to the caller chunk by
// chunk (an image is never held whole). No redirects are followed (a Download URL names the
// file), and every transfer has an idle timeout.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Http, HttpGetOptions, HttpRequest } from '../hal.ts';

export interface HostHttpOptions {
  /** No byte for this long ends the transfer (default 30 s). */
  idleTimeoutMs?: number;
  /** Trust anchors for https (PEM); default Node's. */
  ca?: string | Buffer;
}

export function createHostHttp(opts: HostHttpOptions = {}): Http {
  return {
    schemes: Object.freeze(['http', 'https']),
    get(url: string, o: HttpGetOptions): HttpRequest {
      let ended = false;
      const end = (error?: string) => {
        if (ended) return;
        ended = true;
        o.onEnd(error);
      };
      let u: URL;
      try {
        u = new URL(url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported scheme ${u.protocol}`);
      } catch (e) {
        setImmediate(() => end((e as Error).message));
        return { abort: () => end('aborted') };
      }
      const headers: Record<string, string> = {};
      if (o.username) headers.authorization = 'Basic ' + Buffer.from(`${o.username}:${o.password ?? ''}`).toString('base64');
      const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'GET', headers, ca: opts.ca }, (res: IncomingMessage) => {
        const length = res.headers['content-length'] !== undefined ? Number(res.headers['content-length']) : -1;
        o.onResponse(res.statusCode ?? 0, Number.isFinite(length) ? length : -1);
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) {
          res.resume();
          end(`HTTP ${res.statusCode}`);
          return;
        }
        res.on('data', (chunk: Buffer) => {
          if (ended) return;
          try { o.onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)); } catch (e) { req.destroy(); end((e as Error).message); }
        });
        res.on('end', () => end(res.complete ? undefined : 'connection closed before the end of the body'));
        res.on('error', (e) => end(e.message));
      });
      req.setTimeout(opts.idleTimeoutMs ?? 30_000, () => { req.destroy(); end('timeout'); });
      req.on('error', (e) => end(e.message));
      req.end();
      return { abort: () => { req.destroy(); end('aborted'); } };
    },
  };
}
