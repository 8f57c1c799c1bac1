// Set (digest §2.7, §2.12): one transaction per message; each update_obj is holistic over all
// the objects its path matches (R-SET.2a/2b@1.3); allow_partial=false is all-or-nothing (R-SET.1).
import type {
  Error_ParamError,
  Response,
  Set,
  Set_UpdateObject,
  SetResp_ParameterError,
  SetResp_UpdatedInstanceFailure,
  SetResp_UpdatedInstanceResult,
  SetResp_UpdatedObjectResult,
} from '../codec/index.ts';
import type { Engine, Transaction } from '../dm/api.ts';
import { Perm } from './access.ts';
import { failureOf, originOf, readFilter } from './context.ts';
import { ParamErrors, type RequestContext } from './dispatch.ts';
import { ErrorCode, errorName } from '../errors.ts';

type Outcome =
  | { ok: true; results: SetResp_UpdatedInstanceResult[] }
  | { ok: false; code: number; message: string; failures: SetResp_UpdatedInstanceFailure[]; paramErrs: Error_ParamError[] };

export function handleSet(engine: Engine, req: Set, ctx: RequestContext): Response['respType'] {
  const tx = engine.begin(originOf(ctx));
  const results: SetResp_UpdatedObjectResult[] = [];
  try {
    for (const obj of req.updateObjs) {
      const sp = tx.savepoint();
      let out = updateOne(engine, tx, obj, ctx);
      // With allow_partial each object stands alone: validate it now so that a cross-check
      // failure is charged to this object, not to the whole message.
      if (out.ok && req.allowPartial) {
        try {
          tx.validate();
        } catch (e) {
          const f = failureOf(e);
          out = { ok: false, code: ErrorCode.OBJECT_NOT_UPDATED, message: f.message, failures: [], paramErrs: [paramErr(obj.objPath, f.code, f.message)] };
        }
      }
      if (out.ok) {
        results.push({ requestedPath: obj.objPath, operStatus: { operStatus: { case: 'operSuccess', value: { updatedInstResults: out.results } } } });
        continue;
      }
      tx.rollbackTo(sp); // R-SET.2a: undo every change made for this obj_path
      // §2.12: allow_partial=false and a failure → Error with param_errs, nothing changes.
      if (!req.allowPartial) throw new ParamErrors(out.code, out.message, out.paramErrs);
      results.push({
        requestedPath: obj.objPath,
        operStatus: { operStatus: { case: 'operFailure', value: { errCode: out.code, errMsg: out.message, updatedInstFailures: out.failures } } },
      });
    }
    tx.commit();
  } catch (e) {
    tx.rollback();
    throw e;
  }
  return { case: 'setResp', value: { updatedObjResults: results } };
}

function paramErr(path: string, code: number, message: string): Error_ParamError {
  return { paramPath: path, errCode: code, errMsg: message };
}

function updateOne(engine: Engine, tx: Transaction, obj: Set_UpdateObject, ctx: RequestContext): Outcome {
  const access = ctx.requester.access;
  let res;
  try {
    res = engine.resolve(obj.objPath, readFilter(ctx));
  } catch (e) {
    const f = failureOf(e);
    return { ok: false, code: f.code, message: f.message, failures: [], paramErrs: [paramErr(obj.objPath, f.code, f.message)] };
  }
  if (res.parsed.kind !== 'object') {
    return { ok: false, code: ErrorCode.INVALID_PATH, message: 'Set takes object paths', failures: [], paramErrs: [paramErr(obj.objPath, ErrorCode.INVALID_PATH, 'not an object path')] };
  }
  if (res.missing !== undefined) {
    const m = 'no such instance: ' + res.missing;
    return { ok: false, code: ErrorCode.OBJECT_DOES_NOT_EXIST, message: m, failures: [], paramErrs: [paramErr(obj.objPath, ErrorCode.OBJECT_DOES_NOT_EXIST, m)] };
  }
  const results: SetResp_UpdatedInstanceResult[] = [];
  const failures: SetResp_UpdatedInstanceFailure[] = [];
  const allParamErrs: Error_ParamError[] = [];
  let firstRequired: { code: number; message: string } | undefined;
  // R-MSG.4a: a search matching nothing is a success with no updated instances.
  for (const t of res.targets) {
    const errs: SetResp_ParameterError[] = [];
    let requiredFailed = false;
    for (const s of obj.paramSettings) {
      const path = t.objPath + s.param;
      let code = 0;
      let message = '';
      if (!access.can(path, Perm.PARAM_WRITE)) {
        code = ErrorCode.PERMISSION_DENIED;
        message = errorName(code);
      } else {
        try {
          tx.set(path, s.value);
        } catch (e) {
          const f = failureOf(e);
          // A parameter name that does not exist is "Unsupported parameter" in a ParamError.
          code = f.code === ErrorCode.INVALID_PATH ? ErrorCode.UNSUPPORTED_PARAMETER : f.code;
          message = f.message;
        }
      }
      if (code === 0) continue;
      errs.push({ param: s.param, errCode: code, errMsg: message });
      allParamErrs.push(paramErr(path, code, message));
      if (s.required) {
        requiredFailed = true;
        if (!firstRequired) firstRequired = { code, message: s.param + ': ' + message };
      }
    }
    if (requiredFailed) {
      failures.push({ affectedPath: t.objPath, paramErrs: errs });
      continue;
    }
    // updated_params: every parameter set, including unchanged ones, value after the update;
    // R-SET.3: minus the ones the Controller cannot read.
    const updated = new Map<string, string>();
    for (const s of obj.paramSettings) {
      const path = t.objPath + s.param;
      if (errs.some((x) => x.param === s.param) || !access.can(path, Perm.PARAM_READ)) continue;
      try {
        updated.set(s.param, tx.get(path));
      } catch {
        // not readable back: leave it out
      }
    }
    results.push({ affectedPath: t.objPath, paramErrs: errs, updatedParams: updated });
  }
  if (failures.length > 0) {
    // §2.12: a required parameter failed → 7021 (oper_failure) / Error with param_errs.
    return { ok: false, code: ErrorCode.REQUIRED_PARAM_FAILED, message: firstRequired ? firstRequired.message : errorName(ErrorCode.REQUIRED_PARAM_FAILED), failures, paramErrs: allParamErrs };
  }
  return { ok: true, results };
}
