// Add (digest §2.6, §2.12): one transaction per message; allow_partial=false is all-or-nothing
// (R-ADD.1, R-ADD.2a); each create_obj is holistic over the tables its (1.3+ search) path matches.
import type {
  Add,
  Add_CreateObject,
  AddResp_CreatedObjectResult,
  AddResp_ParameterError,
  Error_ParamError,
  Response,
} from '../codec/index.ts';
import type { ParamError, ParamSetting, Transaction } from '../dm/api.ts';
import { Perm, readableKeys } from './access.ts';
import { failureOf, resolveRequested } from './context.ts';
import type { RequestContext } from './dispatch.ts';
import { eachRequestedPath, operResult, pathFailure, type PathOutcome } from './partial.ts';
import { ErrorCode, UspError, errorName } from '../errors.ts';

type Outcome = PathOutcome<AddResp_CreatedObjectResult>;

export function handleAdd(req: Add, ctx: RequestContext): Response['respType'] {
  const createdObjResults = eachRequestedPath<Add_CreateObject, AddResp_CreatedObjectResult>(ctx, {
    items: req.createObjs,
    allowPartial: req.allowPartial,
    validateCode: ErrorCode.OBJECT_NOT_CREATED, // R-ADD.0: cross-check failures charged to this object
    apply: addOne,
    failed: (obj, errCode, errMsg) => operResult(obj.objPath, true, { errCode, errMsg }),
  });
  return { case: 'addResp', value: { createdObjResults } };
}

function fail(objPath: string, code: number, message: string, paramErrs?: Error_ParamError[]): Outcome {
  return paramErrs ? { ok: false, code, message, paramErrs } : pathFailure(objPath, code, message);
}

function addOne(tx: Transaction, obj: Add_CreateObject, ctx: RequestContext): Outcome {
  const access = ctx.requester.access;
  const res = resolveRequested(obj.objPath, ctx, 'Add takes a table path', ErrorCode.OBJECT_DOES_NOT_EXIST);
  if ('code' in res) return fail(obj.objPath, res.code, res.message);
  const results: AddResp_CreatedObjectResult[] = [];
  for (const t of res.targets) {
    const tablePath = t.objPath;
    const newInst = tablePath + '{i}.';
    // Obj w grants Add on the table.
    if (!access.can(newInst, Perm.OBJ_ADD)) return fail(obj.objPath, ErrorCode.PERMISSION_DENIED, 'no permission to add ' + tablePath);
    // Settings the Controller may not write are param failures (1.3+: included → normal rules).
    const settings: ParamSetting[] = [];
    const denied: ParamError[] = [];
    for (const s of obj.paramSettings) {
      if (access.can(newInst + s.param, Perm.PARAM_WRITE)) settings.push({ param: s.param, value: s.value, required: s.required });
      else denied.push({ param: s.param, code: ErrorCode.PERMISSION_DENIED, message: errorName(ErrorCode.PERMISSION_DENIED) });
    }
    if (denied.length > 0 && obj.paramSettings.some((s) => s.required && denied.some((d) => d.param === s.param))) {
      return failWithParams(obj.objPath, ErrorCode.REQUIRED_PARAM_FAILED, denied);
    }
    let added;
    try {
      added = tx.add(tablePath, settings);
    } catch (e) {
      const pe = (e as { paramErrs?: readonly ParamError[] }).paramErrs;
      const f = failureOf(e);
      if (e instanceof UspError && pe && pe.length > 0) return failWithParams(obj.objPath, f.code, denied.concat(pe));
      return fail(obj.objPath, f.code, f.message);
    }
    const paramErrs: AddResp_ParameterError[] = [];
    for (const p of denied.concat(added.paramErrs)) paramErrs.push({ param: p.param, errCode: p.code, errMsg: p.message });
    // R-ADD.5 unique keys (generated ones too), minus unreadable ones (R-ADD.6).
    results.push(operResult(obj.objPath, false, { instantiatedPath: added.path, paramErrs, uniqueKeys: readableKeys(access, added.path, added.uniqueKeys) }));
  }
  // R-MSG.4a: a search matching no table → success without instances.
  if (results.length === 0) {
    results.push(operResult(obj.objPath, false, { instantiatedPath: '', paramErrs: [], uniqueKeys: new Map() }));
  }
  return { ok: true, results };
}

function failWithParams(objPath: string, code: number, errs: readonly ParamError[]): Outcome {
  const msg = errs.map((p) => p.param + ': ' + p.message).join('; ');
  return fail(objPath, code, msg || errorName(code), errs.map((p) => ({ paramPath: objPath + p.param, errCode: p.code, errMsg: p.message })));
}
