// One of our confirmable requests (endpoint.ts sends them: retransmission, RFC 7252 §4.2; NSTART
// per peer, §4.7; Block1 uploads and Block2 downloads, RFC 7959) and the helpers of its result.
import { CoapType, Option } from './constants.ts';
import { EMPTY, uintOption, type CoapMessage, type CoapOption } from './message.ts';
import { blockOption, blockSize } from './block.ts';
import { utf8Encode } from '../codec/utf8.ts';
import { peerKey, type CoapResult, type Peer, type RequestSpec } from './types.ts';

export class Exchange {
  readonly key: string;
  token: Uint8Array = EMPTY;
  /** Uri-Path, Uri-Query and Content-Format: in every message of the exchange. */
  readonly base: CoapOption[] = [];
  readonly payload: Uint8Array;
  readonly useBlock1: boolean;
  szx: number;
  /** Bytes of the body the server has taken (Block1). */
  offset = 0;
  // Set by build() for each block of a Block1 upload (read only when useBlock1).
  blockLen!: number;
  blockNum!: number;
  lastBlock!: boolean;
  /** Block2 download in progress. */
  download: { chunks: Uint8Array[]; received: number; code: number; options: CoapOption[]; szx: number } | undefined;
  // Set by sendNext() for each message, before the exchange can be looked at.
  messageId!: number;
  /** What was last sent, kept to be encoded again for a retransmission (no copy of the bytes). */
  sent!: CoapMessage;
  attempt!: number;
  timeoutMs!: number;
  deadline!: number;
  acked!: boolean;

  constructor(readonly peer: Peer, readonly spec: RequestSpec, ourSzx: number, readonly onDone: (r: CoapResult) => void) {
    this.key = peerKey(peer);
    for (const s of spec.uriPath || []) this.base.push({ number: Option.URI_PATH, value: utf8Encode(s) });
    for (const s of spec.uriQuery || []) this.base.push({ number: Option.URI_QUERY, value: utf8Encode(s) });
    if (spec.contentFormat !== undefined) this.base.push(uintOption(Option.CONTENT_FORMAT, spec.contentFormat));
    this.payload = spec.payload || EMPTY; // kept, not copied: RequestSpec.payload
    this.szx = ourSzx;
    this.useBlock1 = !!spec.block1Always || this.payload.length > blockSize(ourSzx);
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
    if (this.spec.earlyBlock2 && !this.download && (!this.useBlock1 || this.lastBlock)) {
      options.push(blockOption(Option.BLOCK2, { num: 0, more: false, szx: this.szx }));
    }
    return { type: CoapType.CON, code: this.spec.method, messageId, token: this.token, options, payload };
  }
}

export function response(code: number, options: CoapOption[], payload: Uint8Array): CoapResult {
  return { kind: 'response', code, options: copyOptions(options), payload: payload.slice() };
}

export function copyOptions(options: CoapOption[]): CoapOption[] {
  return options.map((o) => ({ number: o.number, value: o.value.slice() }));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
