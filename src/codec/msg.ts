// USP Msg encode/decode: the envelope (Msg, Header, Body, Request, Response) and Error. The
// request bodies live in msg-request.ts, the responses in msg-response.ts and msg-oper-response.ts.
// Tags are written as their one-byte wire form: (field number << 3) | wire type.
//
// Two codecs share the envelope: encodeMsg/decodeMsg know every message (the Controller tools,
// the tests), encodeAgentMsg/decodeAgentMsg what an Agent sends and reads (issue 10: the device
// bundle keeps only these, 16.9 KB less flash). An Agent never encodes a request but Notify, nor
// the responses only a Controller sends (NotifyResp, RegisterResp, DeregisterResp); it never
// reads a response but NotifyResp, nor an Error: it answers those from their oneof case alone
// (R-MSG.1, dispatch.ts), so their bodies are skipped, as bounded as any other field, not decoded.
// The oneof members go by tables of case names and coders indexed by field number - 1.
import type { Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { skipBody, topDecoder, topEncoder, topExact, topSizer } from './top.ts';
import { CACHED_DECODE_LIMITS } from './string-cache.ts';
import { EncodeError, type DecodeLimits } from './errors.ts';
import { listItem } from '../errors.ts';
import type { Msg, Header, Body, Request, Response, Error, Error_ParamError } from './msg-types.ts';
import * as rq from './msg-request.ts';
import * as rs from './msg-response.ts';
import * as ro from './msg-oper-response.ts';

type Dec<T> = (r: Reader, end: number, d: number) => T;
type Enc = (w: Writer, v: never) => void;
type Encs = readonly (Enc | undefined)[];
type Decs = readonly Dec<unknown>[];

/**
 * The coders of the Request (`resp` false) and Response members a codec knows, by field number
 * - 1 (an encoder undefined: this codec does not send that member), and its Error decoder.
 * Functions, not four tables: an Agent's sparse tables (one request encoder, one response
 * decoder) cost a 16 B slot per item on the board (issue 10).
 */
interface Bodies {
  enc(i: number, resp: boolean): Enc | undefined;
  dec(i: number, resp: boolean): Dec<unknown>;
  error: Dec<unknown>;
}

/** Encodes `msg` into `out` from offset 0; returns the length. Throws EncodeOverflowError when it does not fit. */
export const encodeMsg: (msg: Msg, out: Uint8Array) => number = /* @__PURE__ */ topEncoder((w, m: Msg) => encMsg(w, m, ALL_BODIES));

/** Decodes one Msg; throws DecodeError (R-ENC.2 unknown enum, R-ENC.3-5 oneof, bounds). */
export const decodeMsg: (bytes: Uint8Array, limits?: DecodeLimits) => Msg = /* @__PURE__ */ topDecoder(
  (r, end, d) => decMsg(r, end, d, ALL_BODIES), CACHED_DECODE_LIMITS);

/** encodeMsg for an Agent: its only request is a Notify, and it sends no NotifyResp, RegisterResp, DeregisterResp. */
export const encodeAgentMsg: (msg: Msg, out: Uint8Array) => number = /* @__PURE__ */ topEncoder((w, m: Msg) => encMsg(w, m, AGENT_BODIES));

/** The length encodeAgentMsg gives `msg`. */
export const sizeAgentMsg: (msg: Msg) => number = /* @__PURE__ */ topSizer((w, m: Msg) => encMsg(w, m, AGENT_BODIES));

/** encodeAgentMsg into a new array of exactly its length; EncodeOverflowError above `max` bytes, before allocating. */
export const encodeAgentMsgExact: (msg: Msg, max: number) => Uint8Array = /* @__PURE__ */ topExact((w, m: Msg) => encMsg(w, m, AGENT_BODIES));

/** decodeMsg for an Agent: Notify/Register/Deregister requests and responses but NotifyResp are skipped. */
export const decodeAgentMsg: (bytes: Uint8Array, limits?: DecodeLimits) => Msg = /* @__PURE__ */ topDecoder(
  (r, end, d) => decMsg(r, end, d, AGENT_BODIES));

function encMsg(w: Writer, m: Msg, bodies: Bodies): void {
  let at: number;
  if (m.header !== undefined) {
    at = w.fork(1);
    w.fieldString(1, m.header.msgId);
    w.fieldEnum(2, m.header.msgType);
    w.join(at);
  }
  if (m.body !== undefined) {
    at = w.fork(2);
    encBody(w, m.body, bodies);
    w.join(at);
  }
}

function encBody(w: Writer, m: Body, bodies: Bodies): void {
  const b = m.msgBody;
  let at: number;
  switch (b.case) {
    case 'request':
      at = w.fork(1);
      encOneof(w, b.value.reqType, false, bodies, 'Request.req_type');
      break;
    case 'response':
      at = w.fork(2);
      encOneof(w, b.value.respType, true, bodies, 'Response.resp_type');
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

/** A Request or Response member as field (its index in CASES) + 1; one without an encoder is refused. */
function encOneof(w: Writer, o: { case: string | undefined; value?: unknown }, resp: boolean, bodies: Bodies, what: string): void {
  const suffix = resp ? 'Resp' : '';
  let i = 0;
  while (i < CASE_COUNT && listItem(CASES, i) + suffix !== o.case) i++;
  const enc = i < CASE_COUNT ? bodies.enc(i, resp) : undefined;
  if (enc === undefined) throw new EncodeError(i === CASE_COUNT ? what + ' not set' : 'an Agent does not send ' + o.case);
  const at = w.fork(i + 1);
  enc(w, o.value as never);
  w.join(at);
}

function encError(w: Writer, m: Error): void {
  w.fieldFixed32(1, m.errCode);
  w.fieldString(2, m.errMsg);
  ro.encParamErrs(w, 3, m.paramErrs);
}

function decMsg(r: Reader, end: number, d: number, bodies: Bodies): Msg {
  const m: Msg = { header: undefined, body: undefined };
  // Header and Body decoded here, their one caller (issue 10: two functions less). A singular
  // message field seen twice is merged, as protobuf says.
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) {
      const hEnd = r.sub(d);
      const h: Header = m.header ?? { msgId: '', msgType: 0 };
      while (r.pos < hEnd) {
        const u = r.varint32();
        if (u === 0x0a) h.msgId = r.string();
        else if (u === 0x10) h.msgType = r.enumOf(22); // R-ENC.2
        else r.skip(u, d + 1);
      }
      r.done(hEnd);
      m.header = h;
    } else if (t === 0x12) {
      const bEnd = r.sub(d);
      let b: Body['msgBody'] | undefined = m.body?.msgBody;
      while (r.pos < bEnd) {
        const u = r.varint32();
        if ((u === 0x0a || u === 0x12 || u === 0x1a) && b !== undefined) r.fail('oneof-twice'); // R-ENC.4
        if (u === 0x0a) b = { case: 'request', value: { reqType: decOneof(r, r.sub(d + 1), d + 2, false, bodies) as Request['reqType'] } };
        else if (u === 0x12) b = { case: 'response', value: { respType: decOneof(r, r.sub(d + 1), d + 2, true, bodies) as Response['respType'] } };
        else if (u === 0x1a) b = { case: 'error', value: bodies.error(r, r.sub(d + 1), d + 2) as Error };
        else r.skip(u, d + 1);
      }
      r.done(bEnd);
      if (b === undefined) return r.fail('oneof-missing'); // R-ENC.3
      if (m.body !== undefined) m.body.msgBody = b;
      else m.body = { msgBody: b };
    } else r.skip(t, d);
  }
  r.done(end);
  return m;
}

/**
 * A Request or Response: one of fields 1..11, each a submessage. R-ENC.4: a second member is
 * refused (a repeated one too: protobuf would merge it, USP says the oneof is set twice);
 * R-ENC.3: none is refused. Other fields are skipped.
 */
function decOneof(r: Reader, end: number, d: number, resp: boolean, bodies: Bodies): { case: string; value: unknown } {
  let q: { case: string; value: unknown } | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    const i = (t >>> 3) - 1;
    if ((t & 7) === 2 && i >= 0 && i < CASE_COUNT) {
      if (q !== undefined) r.fail('oneof-twice');
      q = { case: listItem(CASES, i) + (resp ? 'Resp' : ''), value: bodies.dec(i, resp)(r, r.sub(d), d + 1) };
    } else r.skip(t, d);
  }
  r.done(end);
  if (q === undefined) return r.fail('oneof-missing');
  return q;
}

/**
 * The req_type cases, fields 1..11 (listItem). Each resp_type case is its request's name + 'Resp'
 * (getResp .. deregisterResp): one list, not two tables (issue 10: flash).
 */
const CASES = 'get|getSupportedDm|getInstances|set|add|delete|operate|notify|getSupportedProtocol|register|deregister';
const CASE_COUNT = 11;

const decGetSupportedProtocol: Dec<unknown> = (r, end, d) => ({ controllerSupportedProtocolVersions: rq.decOneString(r, end, d) });
const decNotifyResp: Dec<unknown> = (r, end, d) => ({ subscriptionId: rq.decOneString(r, end, d) });
const encGetSupportedProtocolResp: Enc = (w, v: { agentSupportedProtocolVersions: string }) => w.fieldString(1, v.agentSupportedProtocolVersions);

/** What an Agent answers (R-MSG.1): Get..Operate and GetSupportedProtocol. */
const AGENT_RESPONSES: Encs = Object.freeze([
  rs.encGetResp, rs.encGetSupportedDMResp, rs.encGetInstancesResp, ro.encSetResp, ro.encAddResp, ro.encDeleteResp, ro.encOperateResp,
  undefined, encGetSupportedProtocolResp,
] as Encs);

// Written out, not AGENT_RESPONSES.slice().concat(): esbuild keeps a call it cannot prove pure,
// and with it every Controller-side coder in the device bundle (~9 KB minified).
const ALL_ENC: readonly Encs[] = /* @__PURE__ */ Object.freeze([
  /* @__PURE__ */ Object.freeze([
    rq.encGet, rq.encGetSupportedDM, rq.encGetInstances, rq.encSet, rq.encAdd, rq.encDelete, rq.encOperate, rq.encNotify,
    (w, v: { controllerSupportedProtocolVersions: string }) => w.fieldString(1, v.controllerSupportedProtocolVersions),
    rq.encRegister, (w, v: { paths: string[] }) => w.fieldStrings(1, v.paths),
  ] as Encs),
  /* @__PURE__ */ Object.freeze([
    rs.encGetResp, rs.encGetSupportedDMResp, rs.encGetInstancesResp, ro.encSetResp, ro.encAddResp, ro.encDeleteResp, ro.encOperateResp,
    (w, v: { subscriptionId: string }) => w.fieldString(1, v.subscriptionId), encGetSupportedProtocolResp,
    ro.encRegisterResp, ro.encDeregisterResp,
  ] as Encs),
]);
const ALL_DEC: readonly Decs[] = /* @__PURE__ */ Object.freeze([
  /* @__PURE__ */ Object.freeze([
    rq.decGet, rq.decGetSupportedDM, rq.decGetInstances, rq.decSet, rq.decAdd, rq.decDelete, rq.decOperate, rq.decNotify,
    decGetSupportedProtocol, rq.decRegister, (r, end, d) => ({ paths: rq.decStrings(r, end, d) }),
  ] as Decs),
  /* @__PURE__ */ Object.freeze([
    rs.decGetResp, rs.decGetSupportedDMResp, rs.decGetInstancesResp, ro.decSetResp, ro.decAddResp, ro.decDeleteResp, ro.decOperateResp,
    decNotifyResp, (r, end, d) => ({ agentSupportedProtocolVersions: rq.decOneString(r, end, d) }), ro.decRegisterResp, ro.decDeregisterResp,
  ] as Decs),
]);

const ALL_BODIES: Bodies = /* @__PURE__ */ Object.freeze({
  enc: (i: number, resp: boolean) => ALL_ENC[resp ? 1 : 0][i],
  dec: (i: number, resp: boolean) => ALL_DEC[resp ? 1 : 0][i],
  error: decError,
});

/** Get..Operate (fields 1..7); GetSupportedProtocol (9) is a condition below, and Notify, Register and Deregister are answered from their case (R-MSG.1). */
const AGENT_REQUESTS: Decs = Object.freeze([
  rq.decGet, rq.decGetSupportedDM, rq.decGetInstances, rq.decSet, rq.decAdd, rq.decDelete, rq.decOperate,
] as Decs);

const AGENT_BODIES: Bodies = Object.freeze({
  // An Agent's only request is a Notify (field 8).
  enc: (i: number, resp: boolean) => (resp ? AGENT_RESPONSES[i] : i === 7 ? rq.encNotify as Enc : undefined),
  // Of the responses it reads only NotifyResp (field 8).
  dec: (i: number, resp: boolean) => (resp ? (i === 7 ? decNotifyResp : skipBody) : i < 7 ? AGENT_REQUESTS[i] : i === 8 ? decGetSupportedProtocol : skipBody),
  // An Agent answers an Error with nothing (dispatch.ts) and waits for none: its body is skipped.
  error: skipBody,
});

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
