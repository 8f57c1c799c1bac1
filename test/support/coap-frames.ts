// CoAP datagrams a USP Controller sends, for tests that drive the agent core or the device with
// raw datagrams: a confirmable POST carrying a Record (path 'usp', Content-Format 42, reply-to),
// and the empty ACK of a message the agent sent.
import { CoapType, Code, Method } from '../../src/coap/constants.ts';
import { encodeMessage, type CoapMessage } from '../../src/coap/message.ts';

const enc = new TextEncoder();

/** A CON POST of `record` to /usp with reply-to the Controller's own URI (R-COAP.2). */
export function uspPost(record: Uint8Array, messageId: number, replyTo: string, token = new Uint8Array([9, messageId & 255])): Uint8Array {
  const out = new Uint8Array(record.length + 128);
  const n = encodeMessage({
    type: CoapType.CON, code: Method.POST, messageId, token,
    options: [
      { number: 11, value: enc.encode('usp') },
      { number: 12, value: new Uint8Array([42]) },
      { number: 15, value: enc.encode('reply-to=' + replyTo) },
    ],
    payload: record,
  }, out);
  return out.slice(0, n);
}

/** The 2.04 ACK of a confirmable message the agent sent. */
export function ackOf(m: CoapMessage): Uint8Array {
  const out = new Uint8Array(32);
  const n = encodeMessage({ type: CoapType.ACK, code: Code.CHANGED, messageId: m.messageId, token: m.token, options: [], payload: new Uint8Array(0) }, out);
  return out.slice(0, n);
}
