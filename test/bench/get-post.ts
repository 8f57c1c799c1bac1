// The benches' Controller request: a CoAP CON POST carrying a USP Get Record, built into fixed
// buffers so the Controller's own garbage does not weigh on the figures (GC pauses).
import { encodeMessage } from '../../src/coap/message.ts';
import { CoapType, ContentFormat, Method, Option } from '../../src/coap/constants.ts';
import { encodeMsg, encodeRecord } from '../../src/codec/index.ts';
import { recordOf, requestMsg } from '../support/usp-harness.ts';

const te = new TextEncoder();
const msgBuf = new Uint8Array(4096);
const recBuf = new Uint8Array(4096);
const out = new Uint8Array(4096);
let seq = 0;

/** A CON POST of a Get of `paths` with reply-to `replyTo` (valid until the next call). */
export function getPost(replyTo: string, paths: string[]): Uint8Array {
  const m = encodeMsg(requestMsg({ case: 'get', value: { paramPaths: paths, maxDepth: 0 } }, 'b' + ++seq), msgBuf);
  const record = recBuf.subarray(0, encodeRecord(recordOf(msgBuf.subarray(0, m)), recBuf));
  const n = encodeMessage({
    type: CoapType.CON, code: Method.POST, messageId: seq & 0xffff, token: new Uint8Array([seq >> 24, seq >> 16, seq >> 8, seq]),
    options: [
      { number: Option.URI_PATH, value: te.encode('usp') },
      { number: Option.CONTENT_FORMAT, value: new Uint8Array([ContentFormat.OCTET_STREAM]) },
      { number: Option.URI_QUERY, value: te.encode('reply-to=' + replyTo) },
    ],
    payload: record,
  }, out);
  return out.subarray(0, n);
}
