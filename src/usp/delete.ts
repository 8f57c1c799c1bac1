// Delete (digest §2.8): affected_paths include deleted sub-instances; per-instance failures go
// in unaffected_path_errs (allow_partial=true) and oper_failure is for path-level failures.
// allow_partial=false: any failure → Error with param_errs, nothing deleted (R-DEL.1).
import type {
  Delete,
  DeleteResp_DeletedObjectResult,
  DeleteResp_UnaffectedPathError,
  Error_ParamError,
  Response,
} from '../codec/index.ts';
import type { Engine } from '../dm/api.ts';
import { Perm } from './access.ts';
import { failureOf, isInstancePath, originOf, readFilter } from './context.ts';
import { ParamErrors, type RequestContext } from './dispatch.ts';
import { ErrorCode, errorName } from '../errors.ts';

export function handleDelete(engine: Engine, req: Delete, ctx: RequestContext): Response['respType'] {
  const access = ctx.requester.access;
  const tx = engine.begin(originOf(ctx));
  const results: DeleteResp_DeletedObjectResult[] = [];
  const deleted = new Set<string>();
  const strict = !req.allowPartial;
  const errorOut = (code: number, message: string, errs: Error_ParamError[]): never => {
    throw new ParamErrors(code, message, errs);
  };
  try {
    for (const path of req.objPaths) {
      let pathFailed = false;
      const pathFailure = (code: number, message: string): void => {
        pathFailed = true;
        // TP-469 1.26: allow_partial=false → Error naming the path; 1.30: else oper_failure.
        if (strict) errorOut(code, message, [{ paramPath: path, errCode: code, errMsg: message }]);
        results.push({ requestedPath: path, operStatus: { operStatus: { case: 'operFailure', value: { errCode: code, errMsg: message } } } });
      };
      let res;
      try {
        res = engine.resolve(path, readFilter(ctx));
      } catch (e) {
        const f = failureOf(e);
        pathFailure(f.code, f.message);
        continue;
      }
      if (res.parsed.kind !== 'object') {
        pathFailure(ErrorCode.INVALID_PATH, 'Delete takes object instance paths');
        continue;
      }
      if (!isTable(res.def.path)) {
        pathFailure(ErrorCode.OBJECT_NOT_A_TABLE, errorName(ErrorCode.OBJECT_NOT_A_TABLE));
        continue;
      }
      const affected: string[] = [];
      const unaffected: DeleteResp_UnaffectedPathError[] = [];
      // R-DEL.2a / TP-469 1.25: a valid path resolving to nothing (a search without match, or an
      // instance that does not exist) → oper_success with empty affected_paths. 1.4.1 R-DEL.1
      // would make the latter an Error with allow_partial=false; we follow TP-469 (digest §2.13).
      for (const t of res.targets) {
        if (deleted.has(t.objPath)) continue; // went with an ancestor matched earlier
        if (!isInstancePath(t.objPath)) {
          pathFailure(ErrorCode.INVALID_ARGUMENTS, 'Delete takes instance paths, not a table');
          break;
        }
        let code = 0;
        let message = '';
        if (!access.can(t.objPath, Perm.INST_DELETE)) {
          code = ErrorCode.PERMISSION_DENIED;
          message = errorName(code);
        } else {
          const sp = tx.savepoint();
          try {
            for (const p of tx.delete(t.objPath)) {
              deleted.add(p);
              // R-DEL.2: unreadable instances are left out of affected_paths.
              if (access.can(p, Perm.INST_READ)) affected.push(p);
            }
          } catch (e) {
            tx.rollbackTo(sp);
            const f = failureOf(e);
            code = f.code === ErrorCode.OBJECT_DOES_NOT_EXIST ? 0 : f.code;
            message = f.message;
          }
        }
        if (code === 0) continue;
        if (strict) errorOut(code, message, [{ paramPath: t.objPath, errCode: code, errMsg: message }]);
        // R-DEL.3 one entry per instance that failed; R-DEL.4 minus unreadable ones.
        if (access.can(t.objPath, Perm.INST_READ)) unaffected.push({ unaffectedPath: t.objPath, errCode: code, errMsg: message });
      }
      if (pathFailed) continue;
      results.push({ requestedPath: path, operStatus: { operStatus: { case: 'operSuccess', value: { affectedPaths: affected, unaffectedPathErrs: unaffected } } } });
    }
    tx.commit();
  } catch (e) {
    tx.rollback();
    throw e;
  }
  return { case: 'deleteResp', value: { deletedObjResults: results } };
}

function isTable(supportedPath: string): boolean {
  return supportedPath.lastIndexOf('{i}.') === supportedPath.length - 4;
}
