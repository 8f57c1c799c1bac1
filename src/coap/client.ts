// One of our confirmable requests (endpoint.ts sends them: retransmission, RFC 7252 §4.2; NSTART
// per peer, §4.7; Block1 uploads and streamed Block2 downloads, RFC 7959) and the helpers of its
// result. A plain object the endpoint makes in request(), not a class (issue 10: a class is a
// constructor and a prototype preloaded on a board).
import type { CoapMessage, CoapOption } from './message.ts';
import type { CoapResult, Peer, RequestSpec } from './types.ts';

export interface Exchange {
  readonly peer: Peer;
  readonly key: string;
  readonly spec: RequestSpec;
  readonly onDone: (r: CoapResult) => void;
  token: Uint8Array;
  /** Uri-Path, Uri-Query and Content-Format: in every message of the exchange. */
  readonly base: CoapOption[];
  readonly payload: Uint8Array;
  readonly useBlock1: boolean;
  /** Our block size: of the Block1 upload, then of the streamed Block2 download. */
  szx: number;
  /** Bytes of the body the server has taken (Block1), then of the response body streamed (Block2). */
  offset: number;
  // Set by the endpoint's sendNext() for each block of a Block1 upload (read only when useBlock1).
  blockLen: number;
  blockNum: number;
  lastBlock: boolean;
  /** A streamed Block2 download is in progress (RequestSpec.onBlock2). */
  download: boolean;
  // Set by sendNext() for each message, before the exchange can be looked at.
  messageId: number;
  /** What was last sent, kept to be encoded again for a retransmission (no copy of the bytes). */
  sent: CoapMessage;
  attempt: number;
  timeoutMs: number;
  deadline: number;
  acked: boolean;
}

export function response(code: number, options: CoapOption[], payload: Uint8Array): CoapResult {
  return { kind: 'response', code, options: options.map((o) => ({ number: o.number, value: o.value.slice() })), payload: payload.slice() };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
