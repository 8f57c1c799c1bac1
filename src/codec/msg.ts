// USP Msg encode/decode: the envelope (Msg, Header, Body, Request, Response) and Error. The
// request bodies live in msg-request.ts, the responses in msg-response.ts and msg-oper-response.ts.
// Tags are written as their one-byte wire form: (field number << 3) | wire type.
import type { Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { topDecoder, topEncoder } from './top.ts';
import { EncodeError, type DecodeLimits } from './errors.ts';
import type { Msg, Header, Body, Request, Response, Error, Error_ParamError } from './msg-types.ts';
import * as rq from './msg-request.ts';
import * as rs from './msg-response.ts';
import * as ro from './msg-oper-response.ts';


/** Encodes `msg` into `out` from offset 0; returns the length. Throws EncodeOverflowError when it does not fit. */
export const encodeMsg: (msg: Msg, out: Uint8Array) => number = topEncoder(encMsg);

/** Decodes one Msg; throws DecodeError (R-ENC.2 unknown enum, R-ENC.3-5 oneof, bounds). */
export const decodeMsg: (bytes: Uint8Array, limits?: DecodeLimits) => Msg = topDecoder(decMsg);

function encMsg(w: Writer, m: Msg): void {
  let at: number;
  if (m.header !== undefined) {
    at = w.fork(1);
    w.fieldString(1, m.header.msgId);
    w.fieldEnum(2, m.header.msgType);
    w.join(at);
  }
  if (m.body !== undefined) {
    at = w.fork(2);
    encBody(w, m.body);
    w.join(at);
  }
}

function encBody(w: Writer, m: Body): void {
  const b = m.msgBody;
  let at: number;
  switch (b.case) {
    case 'request':
      at = w.fork(1);
      encRequest(w, b.value);
      break;
    case 'response':
      at = w.fork(2);
      encResponse(w, b.value);
      break;
    case 'error':
      at = w.fork(3);
      encError(w, b.value);
      break;
    default:
      throw new EncodeError('Body.msg_body not set');
  }
  w.join(at);
}

function encRequest(w: Writer, m: Request): void {
  const q = m.reqType;
  let at: number;
  switch (q.case) {
    case 'get': at = w.fork(1); rq.encGet(w, q.value); break;
    case 'getSupportedDm': at = w.fork(2); rq.encGetSupportedDM(w, q.value); break;
    case 'getInstances': at = w.fork(3); rq.encGetInstances(w, q.value); break;
    case 'set': at = w.fork(4); rq.encSet(w, q.value); break;
    case 'add': at = w.fork(5); rq.encAdd(w, q.value); break;
    case 'delete': at = w.fork(6); rq.encDelete(w, q.value); break;
    case 'operate': at = w.fork(7); rq.encOperate(w, q.value); break;
    case 'notify': at = w.fork(8); rq.encNotify(w, q.value); break;
    case 'getSupportedProtocol': at = w.fork(9); w.fieldString(1, q.value.controllerSupportedProtocolVersions); break;
    case 'register': at = w.fork(10); rq.encRegister(w, q.value); break;
    case 'deregister': at = w.fork(11); w.fieldStrings(1, q.value.paths); break;
    default: throw new EncodeError('Request.req_type not set');
  }
  w.join(at);
}

function encResponse(w: Writer, m: Response): void {
  const p = m.respType;
  let at: number;
  switch (p.case) {
    case 'getResp': at = w.fork(1); rs.encGetResp(w, p.value); break;
    case 'getSupportedDmResp': at = w.fork(2); rs.encGetSupportedDMResp(w, p.value); break;
    case 'getInstancesResp': at = w.fork(3); rs.encGetInstancesResp(w, p.value); break;
    case 'setResp': at = w.fork(4); ro.encSetResp(w, p.value); break;
    case 'addResp': at = w.fork(5); ro.encAddResp(w, p.value); break;
    case 'deleteResp': at = w.fork(6); ro.encDeleteResp(w, p.value); break;
    case 'operateResp': at = w.fork(7); ro.encOperateResp(w, p.value); break;
    case 'notifyResp': at = w.fork(8); w.fieldString(1, p.value.subscriptionId); break;
    case 'getSupportedProtocolResp': at = w.fork(9); w.fieldString(1, p.value.agentSupportedProtocolVersions); break;
    case 'registerResp': at = w.fork(10); ro.encRegisterResp(w, p.value); break;
    case 'deregisterResp': at = w.fork(11); ro.encDeregisterResp(w, p.value); break;
    default: throw new EncodeError('Response.resp_type not set');
  }
  w.join(at);
}

function encError(w: Writer, m: Error): void {
  w.fieldFixed32(1, m.errCode);
  w.fieldString(2, m.errMsg);
  const list = m.paramErrs;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const at = w.fork(3);
    w.fieldString(1, e.paramPath);
    w.fieldFixed32(2, e.errCode);
    w.fieldString(3, e.errMsg);
    w.join(at);
  }
}

function decMsg(r: Reader, end: number, d: number): Msg {
  const m: Msg = { header: undefined, body: undefined };
  while (r.pos < end) {
    const t = r.varint32();
    // A singular message field seen twice is merged, as protobuf says.
    if (t === 0x0a) m.header = decHeader(r, r.sub(d), d + 1, m.header);
    else if (t === 0x12) m.body = decBody(r, r.sub(d), d + 1, m.body);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decHeader(r: Reader, end: number, d: number, into: Header | undefined): Header {
  const m: Header = into ?? { msgId: '', msgType: 0 };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.msgId = r.string();
    else if (t === 0x10) m.msgType = r.enumOf(22); // R-ENC.2
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decBody(r: Reader, end: number, d: number, into: Body | undefined): Body {
  let b: Body['msgBody'] | undefined = into?.msgBody;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t === 0x0a || t === 0x12 || t === 0x1a) && b !== undefined) r.fail('oneof-twice'); // R-ENC.4
    if (t === 0x0a) b = { case: 'request', value: decRequest(r, r.sub(d), d + 1) };
    else if (t === 0x12) b = { case: 'response', value: decResponse(r, r.sub(d), d + 1) };
    else if (t === 0x1a) b = { case: 'error', value: decError(r, r.sub(d), d + 1) };
    else r.skip(t, d);
  }
  r.done(end);
  if (b === undefined) return r.fail('oneof-missing'); // R-ENC.3
  if (into !== undefined) {
    into.msgBody = b;
    return into;
  }
  return { msgBody: b };
}

function decRequest(r: Reader, end: number, d: number): Request {
  let q: Request['reqType'] | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t & 7) === 2 && t >= 0x0a && t <= 0x5a && q !== undefined) r.fail('oneof-twice'); // R-ENC.4
    switch (t) {
      case 0x0a: q = { case: 'get', value: rq.decGet(r, r.sub(d), d + 1) }; break;
      case 0x12: q = { case: 'getSupportedDm', value: rq.decGetSupportedDM(r, r.sub(d), d + 1) }; break;
      case 0x1a: q = { case: 'getInstances', value: rq.decGetInstances(r, r.sub(d), d + 1) }; break;
      case 0x22: q = { case: 'set', value: rq.decSet(r, r.sub(d), d + 1) }; break;
      case 0x2a: q = { case: 'add', value: rq.decAdd(r, r.sub(d), d + 1) }; break;
      case 0x32: q = { case: 'delete', value: rq.decDelete(r, r.sub(d), d + 1) }; break;
      case 0x3a: q = { case: 'operate', value: rq.decOperate(r, r.sub(d), d + 1) }; break;
      case 0x42: q = { case: 'notify', value: rq.decNotify(r, r.sub(d), d + 1) }; break;
      case 0x4a: q = { case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: rq.decOneString(r, r.sub(d), d + 1) } }; break;
      case 0x52: q = { case: 'register', value: rq.decRegister(r, r.sub(d), d + 1) }; break;
      case 0x5a: q = { case: 'deregister', value: { paths: rq.decStrings(r, r.sub(d), d + 1) } }; break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  if (q === undefined) return r.fail('oneof-missing'); // R-ENC.3
  return { reqType: q };
}

function decResponse(r: Reader, end: number, d: number): Response {
  let p: Response['respType'] | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t & 7) === 2 && t >= 0x0a && t <= 0x5a && p !== undefined) r.fail('oneof-twice'); // R-ENC.4
    switch (t) {
      case 0x0a: p = { case: 'getResp', value: rs.decGetResp(r, r.sub(d), d + 1) }; break;
      case 0x12: p = { case: 'getSupportedDmResp', value: rs.decGetSupportedDMResp(r, r.sub(d), d + 1) }; break;
      case 0x1a: p = { case: 'getInstancesResp', value: rs.decGetInstancesResp(r, r.sub(d), d + 1) }; break;
      case 0x22: p = { case: 'setResp', value: ro.decSetResp(r, r.sub(d), d + 1) }; break;
      case 0x2a: p = { case: 'addResp', value: ro.decAddResp(r, r.sub(d), d + 1) }; break;
      case 0x32: p = { case: 'deleteResp', value: ro.decDeleteResp(r, r.sub(d), d + 1) }; break;
      case 0x3a: p = { case: 'operateResp', value: ro.decOperateResp(r, r.sub(d), d + 1) }; break;
      case 0x42: p = { case: 'notifyResp', value: { subscriptionId: rq.decOneString(r, r.sub(d), d + 1) } }; break;
      case 0x4a: p = { case: 'getSupportedProtocolResp', value: { agentSupportedProtocolVersions: rq.decOneString(r, r.sub(d), d + 1) } }; break;
      case 0x52: p = { case: 'registerResp', value: ro.decRegisterResp(r, r.sub(d), d + 1) }; break;
      case 0x5a: p = { case: 'deregisterResp', value: ro.decDeregisterResp(r, r.sub(d), d + 1) }; break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  if (p === undefined) return r.fail('oneof-missing'); // R-ENC.3
  return { respType: p };
}

function decError(r: Reader, end: number, d: number): Error {
  const m: Error = { errCode: 0, errMsg: '', paramErrs: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0d) m.errCode = r.fixed32();
    else if (t === 0x12) m.errMsg = r.string();
    else if (t === 0x1a) m.paramErrs.push(decParamError(r, r.sub(d), d + 1));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decParamError(r: Reader, end: number, d: number): Error_ParamError {
  const m: Error_ParamError = { paramPath: '', errCode: 0, errMsg: '' };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.paramPath = r.string();
    else if (t === 0x15) m.errCode = r.fixed32();
    else if (t === 0x1a) m.errMsg = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}
