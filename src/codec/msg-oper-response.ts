// USP write-side response bodies (SetResp, AddResp, DeleteResp, RegisterResp, DeregisterResp,
// OperateResp): encoders and decoders. The first five share one shape: a list of
// {requested_path = 1, OperationStatus oper_status = 2 {oneof oper_failure = 1, oper_success = 2}},
// so they share one generic result codec with per-message failure/success parts.
import { EntryMap } from './entry-map.ts';
import { WIRE_LEN, type Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { EncodeError } from './errors.ts';
import { decFailure, decMapOnly, decOneString, decStrings } from './msg-request.ts';
import type {
  SetResp, AddResp, DeleteResp, RegisterResp, DeregisterResp, OperateResp, OperateResp_OperationResult,
  SetResp_UpdatedObjectResult_OperationStatus_OperationFailure as SetFailure,
  SetResp_UpdatedObjectResult_OperationStatus_OperationSuccess as SetSuccess,
  SetResp_UpdatedInstanceFailure, SetResp_UpdatedInstanceResult, SetResp_ParameterError,
  AddResp_CreatedObjectResult_OperationStatus_OperationSuccess as AddSuccess,
  DeleteResp_DeletedObjectResult_OperationStatus_OperationSuccess as DeleteSuccess,
  DeleteResp_UnaffectedPathError,
  OperateResp_OperationResult_OutputArgs,
} from './resp-types.ts';

type Status<F, S> = { operStatus: { case: 'operFailure'; value: F } | { case: 'operSuccess'; value: S } };
type Result<F, S> = { requestedPath: string; operStatus?: Status<F, S> };
type Enc<T> = (w: Writer, m: T) => void;
type Dec<T> = (r: Reader, end: number, d: number) => T;
type Failure = { errCode: number; errMsg: string };
/** Each message's error entry names its path by one of these. */
type PathError = Failure & { param?: string; paramPath?: string; unaffectedPath?: string };

function encResults<F, S>(w: Writer, list: Result<F, S>[], encF: Enc<F>, encS: Enc<S>): void {
  for (let i = 0; i < list.length; i++) {
    const res = list[i];
    const at = w.fork(1);
    w.fieldString(1, res.requestedPath);
    if (res.operStatus !== undefined) {
      const at2 = w.fork(2);
      const s = res.operStatus.operStatus;
      let at3: number;
      if (s.case === 'operFailure') {
        at3 = w.fork(1);
        encF(w, s.value);
      } else if (s.case === 'operSuccess') {
        at3 = w.fork(2);
        encS(w, s.value);
      } else {
        throw new EncodeError('OperationStatus.oper_status not set');
      }
      w.join(at3);
      w.join(at2);
    }
    w.join(at);
  }
}

function decResults<F, S>(r: Reader, end: number, d: number, decF: Dec<F>, decS: Dec<S>): Result<F, S>[] {
  const list: Result<F, S>[] = [];
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) list.push(decResult(r, r.sub(d), d + 1, decF, decS));
    else r.skip(t, d);
  }
  r.done(end);
  return list;
}

function decResult<F, S>(r: Reader, end: number, d: number, decF: Dec<F>, decS: Dec<S>): Result<F, S> {
  const m: Result<F, S> = { requestedPath: '', operStatus: undefined };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.requestedPath = r.string();
    else if (t === 0x12) m.operStatus = decStatus(r, r.sub(d), d + 1, m.operStatus, decF, decS);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decStatus<F, S>(r: Reader, end: number, d: number, into: Status<F, S> | undefined, decF: Dec<F>, decS: Dec<S>): Status<F, S> {
  let s: Status<F, S>['operStatus'] | undefined = into?.operStatus;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t === 0x0a || t === 0x12) && s !== undefined) r.fail('oneof-twice'); // R-ENC.4
    if (t === 0x0a) s = { case: 'operFailure', value: decF(r, r.sub(d), d + 1) };
    else if (t === 0x12) s = { case: 'operSuccess', value: decS(r, r.sub(d), d + 1) };
    else r.skip(t, d);
  }
  r.done(end);
  if (s === undefined) return r.fail('oneof-missing'); // R-ENC.3
  if (into !== undefined) {
    into.operStatus = s;
    return into;
  }
  return { operStatus: s };
}

function encFailure(w: Writer, m: Failure): void {
  w.fieldFixed32(1, m.errCode);
  w.fieldString(2, m.errMsg);
}

/**
 * A list of {string <path> = 1; fixed32 err_code = 2; string err_msg = 3} as field `no`: the
 * ParamErrors of SetResp, AddResp and Error, and DeleteResp's UnaffectedPathErrors (one writer).
 */
export function encParamErrs(w: Writer, no: number, list: readonly PathError[]): void {
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const at = w.fork(no);
    w.fieldString(1, e.param ?? e.paramPath ?? e.unaffectedPath ?? '');
    w.fieldFixed32(2, e.errCode);
    w.fieldString(3, e.errMsg);
    w.join(at);
  }
}

function decParamErr(r: Reader, end: number, d: number): SetResp_ParameterError {
  const m: SetResp_ParameterError = { param: '', errCode: 0, errMsg: '' };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.param = r.string();
    else if (t === 0x15) m.errCode = r.fixed32();
    else if (t === 0x1a) m.errMsg = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

// SetResp

function encSetFailure(w: Writer, m: SetFailure): void {
  encFailure(w, m);
  for (const f of m.updatedInstFailures) {
    const at = w.fork(3);
    w.fieldString(1, f.affectedPath);
    encParamErrs(w, 2, f.paramErrs);
    w.join(at);
  }
}

function encSetSuccess(w: Writer, m: SetSuccess): void {
  for (const u of m.updatedInstResults) {
    const at = w.fork(1);
    w.fieldString(1, u.affectedPath);
    encParamErrs(w, 2, u.paramErrs);
    w.fieldMap(3, u.updatedParams);
    w.join(at);
  }
}

function decSetFailure(r: Reader, end: number, d: number): SetFailure {
  const m: SetFailure = { errCode: 0, errMsg: '', updatedInstFailures: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0d) m.errCode = r.fixed32();
    else if (t === 0x12) m.errMsg = r.string();
    else if (t === 0x1a) m.updatedInstFailures.push(decInstance(r, r.sub(d), d + 1, false));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decSetSuccess(r: Reader, end: number, d: number): SetSuccess {
  const m: SetSuccess = { updatedInstResults: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.updatedInstResults.push(decInstance(r, r.sub(d), d + 1, true) as SetResp_UpdatedInstanceResult);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

/** SetResp.UpdatedInstanceResult (withParams) or SetResp.UpdatedInstanceFailure. */
function decInstance(r: Reader, end: number, d: number, withParams: boolean): SetResp_UpdatedInstanceFailure {
  const updatedParams = new EntryMap();
  const m: SetResp_UpdatedInstanceResult = { affectedPath: '', paramErrs: [], updatedParams };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.affectedPath = r.string();
    else if (t === 0x12) m.paramErrs.push(decParamErr(r, r.sub(d), d + 1));
    else if (t === 0x1a && withParams) r.mapEntries(updatedParams, 0x1a, end, d);
    else r.skip(t, d);
  }
  r.done(end);
  if (withParams) return m;
  return { affectedPath: m.affectedPath, paramErrs: m.paramErrs };
}

export function encSetResp(w: Writer, m: SetResp): void {
  encResults(w, m.updatedObjResults, encSetFailure, encSetSuccess);
}
export function decSetResp(r: Reader, end: number, d: number): SetResp {
  return { updatedObjResults: decResults(r, end, d, decSetFailure, decSetSuccess) };
}

// AddResp

function encAddSuccess(w: Writer, m: AddSuccess): void {
  w.fieldString(1, m.instantiatedPath);
  encParamErrs(w, 2, m.paramErrs);
  w.fieldMap(3, m.uniqueKeys);
}

function decAddSuccess(r: Reader, end: number, d: number): AddSuccess {
  const uniqueKeys = new EntryMap();
  const m: AddSuccess = { instantiatedPath: '', paramErrs: [], uniqueKeys };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.instantiatedPath = r.string();
    else if (t === 0x12) m.paramErrs.push(decParamErr(r, r.sub(d), d + 1));
    else if (t === 0x1a) r.mapEntries(uniqueKeys, 0x1a, end, d);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function encAddResp(w: Writer, m: AddResp): void {
  encResults(w, m.createdObjResults, encFailure, encAddSuccess);
}
export function decAddResp(r: Reader, end: number, d: number): AddResp {
  return { createdObjResults: decResults(r, end, d, decFailure, decAddSuccess) };
}

// DeleteResp

function encDeleteSuccess(w: Writer, m: DeleteSuccess): void {
  w.fieldStrings(1, m.affectedPaths);
  encParamErrs(w, 2, m.unaffectedPathErrs);
}

function decDeleteSuccess(r: Reader, end: number, d: number): DeleteSuccess {
  const m: DeleteSuccess = { affectedPaths: [], unaffectedPathErrs: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.affectedPaths.push(r.string());
    else if (t === 0x12) {
      const e = decParamErr(r, r.sub(d), d + 1);
      m.unaffectedPathErrs.push({ unaffectedPath: e.param, errCode: e.errCode, errMsg: e.errMsg } as DeleteResp_UnaffectedPathError);
    } else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function encDeleteResp(w: Writer, m: DeleteResp): void {
  encResults(w, m.deletedObjResults, encFailure, encDeleteSuccess);
}
export function decDeleteResp(r: Reader, end: number, d: number): DeleteResp {
  return { deletedObjResults: decResults(r, end, d, decFailure, decDeleteSuccess) };
}

// RegisterResp and DeregisterResp

const encRegisterSuccess: Enc<{ registeredPath: string }> = (w, m) => w.fieldString(1, m.registeredPath);
const decRegisterSuccess: Dec<{ registeredPath: string }> = (r, end, d) => ({ registeredPath: decOneString(r, end, d) });
const encDeregisterSuccess: Enc<{ deregisteredPath: string[] }> = (w, m) => w.fieldStrings(1, m.deregisteredPath);
const decDeregisterSuccess: Dec<{ deregisteredPath: string[] }> = (r, end, d) => ({ deregisteredPath: decStrings(r, end, d) });

export function encRegisterResp(w: Writer, m: RegisterResp): void {
  encResults(w, m.registeredPathResults, encFailure, encRegisterSuccess);
}
export function decRegisterResp(r: Reader, end: number, d: number): RegisterResp {
  return { registeredPathResults: decResults(r, end, d, decFailure, decRegisterSuccess) };
}

export function encDeregisterResp(w: Writer, m: DeregisterResp): void {
  encResults(w, m.deregisteredPathResults, encFailure, encDeregisterSuccess);
}
export function decDeregisterResp(r: Reader, end: number, d: number): DeregisterResp {
  return { deregisteredPathResults: decResults(r, end, d, decFailure, decDeregisterSuccess) };
}

// OperateResp

export function encOperateResp(w: Writer, m: OperateResp): void {
  for (const res of m.operationResults) {
    const at = w.fork(1);
    w.fieldString(1, res.executedCommand);
    const o = res.operationResp;
    if (o.case === 'reqObjPath') {
      // A oneof member is written even when it holds the default value (it has presence).
      w.string(o.value, (2 << 3) | WIRE_LEN);
    } else if (o.case === 'reqOutputArgs') {
      const at2 = w.fork(3);
      w.fieldMap(1, o.value.outputArgs);
      w.join(at2);
    } else if (o.case === 'cmdFailure') {
      const at2 = w.fork(4);
      encFailure(w, o.value);
      w.join(at2);
    } else {
      throw new EncodeError('OperateResp.OperationResult.operation_resp not set');
    }
    w.join(at);
  }
}

export function decOperateResp(r: Reader, end: number, d: number): OperateResp {
  const m: OperateResp = { operationResults: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.operationResults.push(decOperationResult(r, r.sub(d), d + 1));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decOperationResult(r: Reader, end: number, d: number): OperateResp_OperationResult {
  const m: OperateResp_OperationResult = { executedCommand: '', operationResp: undefined as unknown as OperateResp_OperationResult['operationResp'] };
  let o: OperateResp_OperationResult['operationResp'] | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t === 0x12 || t === 0x1a || t === 0x22) && o !== undefined) r.fail('oneof-twice'); // R-ENC.4
    switch (t) {
      case 0x0a: m.executedCommand = r.string(); break;
      case 0x12: o = { case: 'reqObjPath', value: r.string() }; break;
      case 0x1a:
        o = { case: 'reqOutputArgs', value: { outputArgs: decMapOnly(r, r.sub(d), d + 1) } as OperateResp_OperationResult_OutputArgs };
        break;
      case 0x22: o = { case: 'cmdFailure', value: decFailure(r, r.sub(d), d + 1) }; break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  if (o === undefined) return r.fail('oneof-missing'); // R-ENC.3
  m.operationResp = o;
  return m;
}
