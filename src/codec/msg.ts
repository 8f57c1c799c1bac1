// USP Msg encode/decode: the envelope (Msg, Header, Body, Request, Response) and Error. The
// request bodies live in msg-request.ts, the responses in msg-response.ts and msg-oper-response.ts.
// Tags are written as their one-byte wire form: (field number << 3) | wire type.
//
// Two codecs share the envelope: encodeMsg/decodeMsg know every message (the Controller tools,
// the tests), encodeAgentMsg/decodeAgentMsg what an Agent sends and reads (issue 10: the device
// bundle keeps only these, 16.9 KB less flash). An Agent never encodes a Get..Operate request nor
// reads a response but NotifyResp: it answers those from their oneof case alone (R-MSG.1,
// dispatch.ts), so their bodies are skipped, as bounded as any other field, not decoded.
import type { Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { topDecoder, topEncoder, topSizer } from './top.ts';
import { EncodeError, type DecodeLimits } from './errors.ts';
import type { Msg, Header, Body, Request, Response, Error, Error_ParamError } from './msg-types.ts';
import * as rq from './msg-request.ts';
import * as rs from './msg-response.ts';
import * as ro from './msg-oper-response.ts';

type Dec<T> = (r: Reader, end: number, d: number) => T;
/** Decoders of a oneof's members by field number - 1: [case, decoder]. */
type OneofTable = readonly (readonly [string, Dec<unknown>])[];

interface Bodies {
  request(w: Writer, m: Request): void;
  requests: OneofTable;
  responses: OneofTable;
}

/** Encodes `msg` into `out` from offset 0; returns the length. Throws EncodeOverflowError when it does not fit. */
export const encodeMsg: (msg: Msg, out: Uint8Array) => number = /* @__PURE__ */ topEncoder((w, m: Msg) => encMsg(w, m, encRequest));

/** Decodes one Msg; throws DecodeError (R-ENC.2 unknown enum, R-ENC.3-5 oneof, bounds). */
export const decodeMsg: (bytes: Uint8Array, limits?: DecodeLimits) => Msg = /* @__PURE__ */ topDecoder(
  (r, end, d) => decMsg(r, end, d, ALL_BODIES));

/** encodeMsg for an Agent: its only request is a Notify. */
export const encodeAgentMsg: (msg: Msg, out: Uint8Array) => number = /* @__PURE__ */ topEncoder((w, m: Msg) => encMsg(w, m, encAgentRequest));

/** The length encodeAgentMsg gives `msg` (the Agent sizes its answer before it allocates it). */
export const sizeAgentMsg: (msg: Msg) => number = /* @__PURE__ */ topSizer((w, m: Msg) => encMsg(w, m, encAgentRequest));

/** decodeMsg for an Agent: Notify/Register/Deregister requests and responses but NotifyResp are skipped. */
export const decodeAgentMsg: (bytes: Uint8Array, limits?: DecodeLimits) => Msg = /* @__PURE__ */ topDecoder(
  (r, end, d) => decMsg(r, end, d, AGENT_BODIES));

function encMsg(w: Writer, m: Msg, request: (w: Writer, m: Request) => void): void {
  let at: number;
  if (m.header !== undefined) {
    at = w.fork(1);
    w.fieldString(1, m.header.msgId);
    w.fieldEnum(2, m.header.msgType);
    w.join(at);
  }
  if (m.body !== undefined) {
    at = w.fork(2);
    encBody(w, m.body, request);
    w.join(at);
  }
}

function encBody(w: Writer, m: Body, request: (w: Writer, m: Request) => void): void {
  const b = m.msgBody;
  let at: number;
  switch (b.case) {
    case 'request':
      at = w.fork(1);
      request(w, b.value);
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

function encAgentRequest(w: Writer, m: Request): void {
  const q = m.reqType;
  if (q.case !== 'notify') throw new EncodeError(`an Agent does not send ${q.case || 'an empty'} request`);
  const at = w.fork(8);
  rq.encNotify(w, q.value);
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

function decMsg(r: Reader, end: number, d: number, bodies: Bodies): Msg {
  const m: Msg = { header: undefined, body: undefined };
  while (r.pos < end) {
    const t = r.varint32();
    // A singular message field seen twice is merged, as protobuf says.
    if (t === 0x0a) m.header = decHeader(r, r.sub(d), d + 1, m.header);
    else if (t === 0x12) m.body = decBody(r, r.sub(d), d + 1, m.body, bodies);
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

function decBody(r: Reader, end: number, d: number, into: Body | undefined, bodies: Bodies): Body {
  let b: Body['msgBody'] | undefined = into?.msgBody;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t === 0x0a || t === 0x12 || t === 0x1a) && b !== undefined) r.fail('oneof-twice'); // R-ENC.4
    if (t === 0x0a) b = { case: 'request', value: { reqType: decOneof(r, r.sub(d), d + 1, bodies.requests) as Request['reqType'] } };
    else if (t === 0x12) b = { case: 'response', value: { respType: decOneof(r, r.sub(d), d + 1, bodies.responses) as Response['respType'] } };
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

/**
 * A Request or Response: one of fields 1..11, each a submessage. R-ENC.4: a second member is
 * refused (a repeated one too: protobuf would merge it, USP says the oneof is set twice);
 * R-ENC.3: none is refused. Other fields are skipped.
 */
function decOneof(r: Reader, end: number, d: number, table: OneofTable): { case: string; value: unknown } {
  let q: { case: string; value: unknown } | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    const i = (t >>> 3) - 1;
    if ((t & 7) === 2 && i >= 0 && i < table.length) {
      if (q !== undefined) r.fail('oneof-twice');
      q = { case: table[i][0], value: table[i][1](r, r.sub(d), d + 1) };
    } else r.skip(t, d);
  }
  r.done(end);
  if (q === undefined) return r.fail('oneof-missing');
  return q;
}

const REQUEST_CASES = Object.freeze(['get', 'getSupportedDm', 'getInstances', 'set', 'add', 'delete', 'operate', 'notify',
  'getSupportedProtocol', 'register', 'deregister']);
const RESPONSE_CASES = Object.freeze(['getResp', 'getSupportedDmResp', 'getInstancesResp', 'setResp', 'addResp', 'deleteResp',
  'operateResp', 'notifyResp', 'getSupportedProtocolResp', 'registerResp', 'deregisterResp']);

function bodies(request: Bodies['request'], requests: readonly Dec<unknown>[], responses: readonly Dec<unknown>[]): Bodies {
  const table = (cases: readonly string[], decs: readonly Dec<unknown>[]): OneofTable => Object.freeze(cases.map((c, i) => Object.freeze([c, decs[i]] as const)));
  return Object.freeze({ request, requests: table(REQUEST_CASES, requests), responses: table(RESPONSE_CASES, responses) });
}

const decGetSupportedProtocol: Dec<unknown> = (r, end, d) => ({ controllerSupportedProtocolVersions: rq.decOneString(r, end, d) });
const decNotifyResp: Dec<unknown> = (r, end, d) => ({ subscriptionId: rq.decOneString(r, end, d) });

/** A body an Agent answers from its case alone: stepped over (sub() bounded its length). */
const SKIPPED = Object.freeze({});
const skipBody: Dec<unknown> = (r, end) => {
  r.pos = end;
  return SKIPPED;
};

const ALL_BODIES: Bodies = /* @__PURE__ */ bodies(encRequest, [
  rq.decGet, rq.decGetSupportedDM, rq.decGetInstances, rq.decSet, rq.decAdd, rq.decDelete, rq.decOperate, rq.decNotify,
  decGetSupportedProtocol, rq.decRegister, (r, end, d) => ({ paths: rq.decStrings(r, end, d) }),
], [
  rs.decGetResp, rs.decGetSupportedDMResp, rs.decGetInstancesResp, ro.decSetResp, ro.decAddResp, ro.decDeleteResp, ro.decOperateResp,
  decNotifyResp, (r, end, d) => ({ agentSupportedProtocolVersions: rq.decOneString(r, end, d) }), ro.decRegisterResp, ro.decDeregisterResp,
]);

const AGENT_BODIES: Bodies = /* @__PURE__ */ bodies(encAgentRequest, [
  rq.decGet, rq.decGetSupportedDM, rq.decGetInstances, rq.decSet, rq.decAdd, rq.decDelete, rq.decOperate, skipBody,
  decGetSupportedProtocol, skipBody, skipBody,
], [skipBody, skipBody, skipBody, skipBody, skipBody, skipBody, skipBody, decNotifyResp, skipBody, skipBody, skipBody]);

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
