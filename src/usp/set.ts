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
import type { Transaction } from '../dm/api.ts';
import { Perm } from './access.ts';
import { failureOf, resolveRequested } from './context.ts';
import type { RequestContext } from './dispatch.ts';
import { eachRequestedPath, operResult, pathFailure, type PathOutcome } from './partial.ts';
import { ErrorCode, errorName } from '../errors.ts';

type Outcome = PathOutcome<SetResp_UpdatedObjectResult>;

export function handleSet(req: Set, ctx: RequestContext): Response['respType'] {
  const updatedObjResults = eachRequestedPath(ctx, {
    items: req.updateObjs,
    allowPartial: req.allowPartial,
    validateCode: ErrorCode.OBJECT_NOT_UPDATED,
    apply: updateOne,
    failed: (obj, errCode, errMsg) => failureEntry(obj.objPath, errCode, errMsg, []),
  });
  return { case: 'setResp', value: { updatedObjResults } };
}

function failureEntry(requestedPath: string, errCode: number, errMsg: string, updatedInstFailures: SetResp_UpdatedInstanceFailure[]): SetResp_UpdatedObjectResult {
  return operResult(requestedPath, true, { errCode, errMsg, updatedInstFailures });
}

function updateOne(tx: Transaction, obj: Set_UpdateObject, ctx: RequestContext): Outcome {
  const access = ctx.requester.access;
  const res = resolveRequested(obj.objPath, ctx, 'Set takes object paths', ErrorCode.OBJECT_DOES_NOT_EXIST);
  if ('code' in res) return pathFailure(obj.objPath, res.code, res.message);
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
      allParamErrs.push({ paramPath: path, errCode: code, errMsg: message });
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
      if (errs.some((x) => x.param === s.param) || !access.canRead(path)) continue;
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
    const code = ErrorCode.REQUIRED_PARAM_FAILED;
    const message = firstRequired ? firstRequired.message : errorName(code);
    return { ok: false, code, message, paramErrs: allParamErrs, entry: failureEntry(obj.objPath, code, message, failures) };
  }
  return { ok: true, results: [operResult(obj.objPath, false, { updatedInstResults: results })] };
}
