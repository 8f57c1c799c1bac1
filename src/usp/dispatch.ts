// The message dispatcher (digest §2.0): decode a Msg, route its request to a handler, and build
// the response or Error Msg. Handlers throw UspError for message-level failures; per-path
// failures they put in their own results.
import {
  decodeAgentMsg,
  DecodeError,
  Header_MsgType,
  type DecodeLimits,
  type Msg,
  type Request,
  type Response,
  type NotifyResp,
  type Error as ErrorMsg,
} from '../codec/index.ts';
import { ErrorCode, UspError, errorName } from '../errors.ts';
import { salvageMsgId } from './msg-id.ts';
import type { Access } from './access.ts';
import type { Engine } from '../dm/api.ts';

/** Who sent the request, as the record layer and ControllerTrust identified them. */
export interface Requester {
  /** The Controller's Endpoint ID (Record from_id, checked against the MTP identity). */
  endpointId: string;
  /** Its `Device.LocalAgent.Controller.{i}.` instance path, or undefined for an unknown Controller. */
  controllerPath: string | undefined;
  /** What its roles allow (AssignedRole + InheritedRole, or UntrustedRole). */
  access: Access;
}

export interface RequestContext {
  engine: Engine;
  requester: Requester;
  msgId: string;
}

type ReqCase = Request['reqType']['case'];
type RespType = Response['respType'];
type ReqValue<C extends ReqCase> = Extract<Request['reqType'], { case: C }>['value'];

/** One handler per supported request type; returning undefined sends no response (R-MSG.0). */
export type Handlers = {
  [C in ReqCase]?: (req: ReqValue<C>, ctx: RequestContext) => RespType | undefined;
};

export interface DispatchHooks {
  /** A NotifyResp for one of our Notify messages (the notify layer's intake). */
  notifyResp?(msgId: string, resp: NotifyResp, from: Requester): void;
}

/** What to do after a Msg: send `msg`, send nothing, or (undecodable) tell the MTP. */
export type DispatchResult = { kind: 'reply'; msg: Msg } | { kind: 'none'; why: string } | { kind: 'bad-record'; why: string };

export interface DispatcherOptions {
  /** The data model the handlers work on (RequestContext.engine). */
  engine: Engine;
  /**
   * maxItems (board requestPaths) also bounds the paths (objects and parameters) one request
   * names in all: 7005 beyond.
   */
  limits: DecodeLimits;
  /** Bound on remembered (Controller, msg_id) pairs for R-MSG.4. */
  pendingIds: number;
  /** How long a handled request stays "pending" for duplicate suppression, ms. */
  duplicateWindowMs: number;
  /** A handler threw something other than a UspError (a bug): it is answered 7003; log it here. */
  onInternalError?(what: string, e: unknown): void;
}

/** Paths and parameter settings a request names: what its handling costs grows with this. */
function pathCount(req: { case: string | undefined; value?: unknown }): number {
  const v = req.value as {
    paramPaths?: unknown[]; objPaths?: unknown[];
    updateObjs?: { paramSettings: unknown[] }[]; createObjs?: { paramSettings: unknown[] }[];
  } | undefined;
  if (!v) return 0;
  // A request has one list of paths (Get's param_paths, the others' obj_paths) or of objects.
  let n = (v.paramPaths || v.objPaths || []).length;
  for (const o of v.updateObjs || v.createObjs || []) n += 1 + o.paramSettings.length;
  return n;
}

/** The msg_type of each handled request's response (Notify, Register, Deregister have no handler). */
const RESP_TYPE: { [C in ReqCase]?: Header_MsgType } = Object.freeze({
  get: Header_MsgType.GET_RESP,
  getSupportedDm: Header_MsgType.GET_SUPPORTED_DM_RESP,
  getInstances: Header_MsgType.GET_INSTANCES_RESP,
  set: Header_MsgType.SET_RESP,
  add: Header_MsgType.ADD_RESP,
  delete: Header_MsgType.DELETE_RESP,
  operate: Header_MsgType.OPERATE_RESP,
  getSupportedProtocol: Header_MsgType.GET_SUPPORTED_PROTO_RESP,
});

interface PendingEntry {
  at: number;
  hash: number;
}

export class Dispatcher {
  private readonly pending = new Map<string, PendingEntry>();

  constructor(
    private readonly handlers: Handlers,
    private readonly options: DispatcherOptions,
    private readonly hooks: DispatchHooks = {},
  ) {}

  /** Handle one plaintext Msg payload from `from` at monotonic time `nowMs`. Never throws. */
  handle(payload: Uint8Array, from: Requester, nowMs: number): DispatchResult {
    const max = this.options.limits.maxItems;
    let msg: Msg;
    try {
      msg = decodeAgentMsg(payload, this.options.limits);
    } catch (e) {
      const reason = e instanceof DecodeError ? e.reason : 'undecodable';
      // R-ENC.5: a Msg with a oneof set zero or two times SHOULD get Error 7004. A repeated field
      // beyond the board's bound (DecodeLimits.maxItems = requestPaths): the same 7005 as the
      // path count below gives, found before the rest is decoded (issue 10). Both reuse the
      // request's msg_id when it can be salvaged.
      const code = reason === 'too-many' ? ErrorCode.RESOURCES_EXCEEDED : reason === 'oneof-missing' || reason === 'oneof-twice' ? ErrorCode.INVALID_ARGUMENTS : 0;
      const id = code === 0 ? undefined : salvageMsgId(payload);
      if (id !== undefined) return reply(id, code, code === ErrorCode.INVALID_ARGUMENTS ? 'oneof violation (R-ENC.5)' : 'more than ' + max + ' paths in one request');
      // R-ENC.2@1.0 / R-COAP.13: otherwise the MTP answers "bad request".
      return { kind: 'bad-record', why: 'msg ' + reason };
    }
    // R-MSG.6/8: without a header there is no msg_id to answer with.
    if (!msg.header) return { kind: 'bad-record', why: 'msg header missing' };
    const msgId = msg.header.msgId;
    // R-MSG.7: a Msg has exactly one body.
    if (!msg.body) return reply(msgId, ErrorCode.INVALID_ARGUMENTS, 'msg body missing');
    // From 1.1 msg_type is informational: the body's oneof decides (digest §2.0).
    const body = msg.body.msgBody;
    if (body.case === 'response') {
      if (body.value.respType.case === 'notifyResp') {
        this.hooks.notifyResp?.(msgId, body.value.respType.value, from);
        return { kind: 'none', why: 'notify_resp' };
      }
      // R-MSG.1: a response we never asked for.
      return reply(msgId, ErrorCode.MESSAGE_NOT_SUPPORTED, 'unexpected ' + body.value.respType.case);
    }
    if (body.case === 'error') {
      // Never answer an Error with an Error (no loops); nothing here waits for one.
      return { kind: 'none', why: 'error received' };
    }
    const req = body.value.reqType;
    // R-MSG.4: a duplicate msg_id while the original is pending is silently ignored. A request
    // counts as pending for `duplicateWindowMs` after it was handled: its response may still be
    // travelling (CoAP POST to reply-to). Only a byte-identical repeat is a duplicate, so a
    // Controller that reuses ids for different requests is still served. (Plain code, not a
    // private method: a method is a preloaded function and a prototype slot; issue 10.)
    const pending = this.pending;
    const key = from.endpointId + '\u0000' + msgId;
    const hash = fnv1a(payload);
    const prev = pending.get(key);
    if (prev && prev.hash === hash && nowMs - prev.at < this.options.duplicateWindowMs) return { kind: 'none', why: 'duplicate msg_id' };
    if (prev) pending.delete(key);
    else if (pending.size >= this.options.pendingIds) {
      // Bounded memory: drop the oldest entry (Map keeps insertion order).
      const oldest = pending.keys().next();
      if (!oldest.done) pending.delete(oldest.value);
    }
    pending.set(key, { at: nowMs, hash });
    const handler = this.handlers[req.case] as ((r: unknown, c: RequestContext) => RespType | undefined) | undefined;
    // R-MSG.1: Register/Deregister/Notify at an Agent, or anything without a handler.
    if (!handler) return reply(msgId, ErrorCode.MESSAGE_NOT_SUPPORTED, req.case + ' is not supported by this Agent');
    // A bounded board answers a request naming more paths than it can hold the results of with
    // 7005 (Resources exceeded), before any work: a valid 8 KB Get of 260 paths must not exhaust
    // the XS heap (issue 10).
    if (max !== undefined && pathCount(req) > max) return reply(msgId, ErrorCode.RESOURCES_EXCEEDED, 'more than ' + max + ' paths in one request');
    let resp: RespType | undefined;
    try {
      resp = handler(req.value, { engine: this.options.engine, requester: from, msgId });
    } catch (e) {
      // A UspError as an Error Msg; anything else is a bug, answered 7003 Internal error.
      if (!(e instanceof UspError)) {
        this.options.onInternalError?.(req.case + ' ' + msgId, e);
        return reply(msgId, ErrorCode.INTERNAL_ERROR);
      }
      return { kind: 'reply', msg: errorMsg(msgId, e.code, e.message, (e as ParamErrors).paramErrs) };
    }
    // R-MSG.0: Operate with send_resp=false gets no response.
    if (resp === undefined) return { kind: 'none', why: 'send_resp=false' };
    return {
      kind: 'reply',
      msg: {
        header: { msgId, msgType: RESP_TYPE[req.case] as Header_MsgType },
        body: { msgBody: { case: 'response', value: { respType: resp } } },
      },
    };
  }

  /** Forget pending ids older than the window (called from the agent's step()). */
  expire(nowMs: number): void {
    for (const [key, e] of this.pending) {
      if (nowMs - e.at < this.options.duplicateWindowMs) break; // insertion order is age order
      this.pending.delete(key);
    }
  }

  /** When the oldest remembered msg_id leaves the window, or -1 when none is remembered. */
  nextDeadline(): number {
    const first = this.pending.values().next();
    return first.done ? -1 : first.value.at + this.options.duplicateWindowMs;
  }
}

/** Answer with an Error Msg (its err_msg: `message`, or the code's name). */
function reply(msgId: string, code: number, message?: string): DispatchResult {
  return { kind: 'reply', msg: errorMsg(msgId, code, message) };
}

/** An Error Msg answering `msgId` (R-MSG.9). */
export function errorMsg(msgId: string, code: number, message?: string, paramErrs: ErrorMsg['paramErrs'] = []): Msg {
  return {
    header: { msgId, msgType: Header_MsgType.ERROR },
    body: { msgBody: { case: 'error', value: { errCode: code, errMsg: message ?? errorName(code), paramErrs } } },
  };
}

/**
 * A UspError with param_errs: Add/Set/Delete with allow_partial=false (digest §2.0) throw one,
 * answered as an Error Msg with them (a property, not a subclass: a class is a preloaded
 * function and prototype on the board; issue 10).
 */
export type ParamErrors = UspError & { paramErrs?: ErrorMsg['paramErrs'] };

function fnv1a(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) {
    h ^= b[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
