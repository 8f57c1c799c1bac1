// Delete (digest §2.8): affected_paths include deleted sub-instances; per-instance failures go
// in unaffected_path_errs (allow_partial=true) and oper_failure is for path-level failures.
// allow_partial=false: any failure → Error with param_errs, nothing deleted (R-DEL.1).
import type {
  Delete,
  DeleteResp_DeletedObjectResult,
  DeleteResp_UnaffectedPathError,
  Response,
} from '../codec/index.ts';
import type { Transaction } from '../dm/api.ts';
import { Perm } from './access.ts';
import { failureOf, isTableDef, resolveRequested } from './context.ts';
import { isInstancePath } from '../dm/paths.ts';
import type { RequestContext } from './dispatch.ts';
import { eachRequestedPath, operResult, pathFailure, type PathOutcome } from './partial.ts';
import { ErrorCode, errorName } from '../errors.ts';

export function handleDelete(req: Delete, ctx: RequestContext): Response['respType'] {
  const deletedObjResults = eachRequestedPath<string, DeleteResp_DeletedObjectResult>(ctx, {
    items: req.objPaths,
    allowPartial: req.allowPartial,
    validateCode: ErrorCode.DELETE_FAILURE,
    apply: (tx, path) => deleteOne(tx, path, ctx, req.allowPartial),
    // TP-469 1.26: allow_partial=false → Error naming the path; 1.30: else oper_failure.
    failed: (path, errCode, errMsg) => operResult(path, true, { errCode, errMsg }),
  });
  return { case: 'deleteResp', value: { deletedObjResults } };
}

function deleteOne(tx: Transaction, path: string, ctx: RequestContext, allowPartial: boolean): PathOutcome<DeleteResp_DeletedObjectResult> {
  const { engine, requester: { access } } = ctx;
  const res = resolveRequested(path, ctx, 'Delete takes object instance paths');
  if ('code' in res) return pathFailure(path, res.code, res.message);
  if (!isTableDef(res.def.path)) return pathFailure(path, ErrorCode.OBJECT_NOT_A_TABLE, errorName(ErrorCode.OBJECT_NOT_A_TABLE));
  const affected: string[] = [];
  const unaffected: DeleteResp_UnaffectedPathError[] = [];
  // R-DEL.2a / TP-469 1.25: a valid path resolving to nothing (a search without match, or an
  // instance that does not exist) → oper_success with empty affected_paths. 1.4.1 R-DEL.1
  // would make the latter an Error with allow_partial=false; we follow TP-469 (digest §2.13).
  for (const t of res.targets) {
    if (!engine.exists(t.objPath)) continue; // went with an ancestor deleted earlier in this message
    if (!isInstancePath(t.objPath)) return pathFailure(path, ErrorCode.INVALID_ARGUMENTS, 'Delete takes instance paths, not a table');
    let code = 0;
    let message = '';
    if (!access.can(t.objPath, Perm.INST_DELETE)) {
      code = ErrorCode.PERMISSION_DENIED;
      message = errorName(code);
    } else {
      const sp = tx.savepoint();
      try {
        // R-DEL.2: unreadable instances are left out of affected_paths.
        for (const p of tx.delete(t.objPath)) if (access.can(p, Perm.INST_READ)) affected.push(p);
      } catch (e) {
        tx.rollbackTo(sp);
        const f = failureOf(e);
        code = f.code === ErrorCode.OBJECT_DOES_NOT_EXIST ? 0 : f.code;
        message = f.message;
      }
    }
    if (code === 0) continue;
    if (!allowPartial) return { ok: false, code, message, paramErrs: [{ paramPath: t.objPath, errCode: code, errMsg: message }] };
    // R-DEL.3 one entry per instance that failed; R-DEL.4 minus unreadable ones.
    if (access.can(t.objPath, Perm.INST_READ)) unaffected.push({ unaffectedPath: t.objPath, errCode: code, errMsg: message });
  }
  return { ok: true, results: [operResult(path, false, { affectedPaths: affected, unaffectedPathErrs: unaffected })] };
}
