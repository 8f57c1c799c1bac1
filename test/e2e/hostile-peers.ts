// Raw UDP peers for the hostile-traffic suites (hostile.test.ts, all-bounds.test.ts): loopback
// sockets, and Block1 blocks of an upload to /usp built by hand (any size, order or Size1).
import { createSocket, type Socket } from 'node:dgram';
import { encodeMessage, uintOption, type CoapOption } from '../../src/coap/message.ts';
import { CoapType, Method } from '../../src/coap/constants.ts';
import type { Msg } from '../../gen/usp/usp-msg_pb.ts';

export const enc = new TextEncoder();

export async function openSockets(n: number): Promise<Socket[]> {
  const out: Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = createSocket('udp4');
    await new Promise<void>((ok) => s.bind(0, '127.0.0.1', ok));
    s.on('message', () => {}); // answers are read and dropped
    out.push(s);
  }
  return out;
}

export function send(s: Socket, bytes: Uint8Array, port: number): Promise<void> {
  return new Promise((ok, fail) => s.send(bytes, port, '127.0.0.1', (e) => (e ? fail(e) : ok())));
}

/** One Block1 block of an upload to /usp with reply-to naming the sender (RFC 7959 §2.2). */
export function block1(s: Socket, mid: number, num: number, more: boolean, szx: number, size1: number, payload: Uint8Array): Uint8Array {
  const options: CoapOption[] = [
    { number: 11, value: enc.encode('usp') },
    { number: 12, value: new Uint8Array([42]) },
    { number: 15, value: enc.encode(`reply-to=coap://127.0.0.1:${s.address().port}/usp`) },
    uintOption(27, (num << 4) | (more ? 8 : 0) | szx),
    uintOption(60, size1),
  ];
  const out = new Uint8Array(payload.length + 128);
  const n = encodeMessage({ type: CoapType.CON, code: Method.POST, messageId: mid & 0xffff, token: new Uint8Array([mid & 255, 7]), options, payload }, out);
  return out.slice(0, n);
}


/** 'error N', the response's case ('addResp'...), or 'none'. */
export function outcome(m: Msg): string {
  const b = m.body?.msgBody;
  if (b?.case === 'error') return `error ${b.value.errCode}`;
  if (b?.case === 'response') return b.value.respType.case ?? 'none';
  return 'none';
}

/**
 * True when the agent refused for lack of resources (7005, digest §error codes): as the Error's
 * code, or (allow_partial=false, a required parameter refused) as a param_errs code.
 */
export function resourcesExceeded(m: Msg): boolean {
  const b = m.body?.msgBody;
  if (b?.case !== 'error') return false;
  return b.value.errCode === 7005 || b.value.paramErrs.some((e) => e.errCode === 7005);
}

/** The instantiated path of the first object an AddResp created ('' when none). */
export function createdPath(m: Msg): string {
  const b = m.body?.msgBody;
  if (b?.case !== 'response' || b.value.respType.case !== 'addResp') return '';
  const s = b.value.respType.value.createdObjResults[0]?.operStatus?.operStatus;
  return s?.case === 'operSuccess' ? s.value.instantiatedPath : '';
}
