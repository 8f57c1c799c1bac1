// The allow_partial rules Set, Add and Delete share (digest §2.12): one transaction per message;
// each requested path is applied holistically (a savepoint before it, everything undone if it
// fails); with allow_partial=true a failed path becomes its own failure entry and the others
// stand (validated as they go, so a cross-check failure is charged to the path that caused it
// and nothing validated is checked again at commit); with allow_partial=false the first
// failure is an Error Msg with param_errs and nothing changes (R-SET.1, R-ADD.1, R-DEL.1).
import type { Error_ParamError } from '../codec/index.ts';
import type { Transaction } from '../dm/api.ts';
import { failureOf, originOf } from './context.ts';
import type { ParamErrors, RequestContext } from './dispatch.ts';
import { UspError } from '../errors.ts';

/** How one requested path went: its result entries, or a failure. */
export type PathOutcome<R> =
  | { ok: true; results: R[] }
  /** `entry`: the failure entry when it says more than code and message (Set's instance failures). */
  | { ok: false; code: number; message: string; paramErrs: Error_ParamError[]; entry?: R };

export interface PartialSpec<T, R> {
  readonly items: readonly T[];
  readonly allowPartial: boolean;
  /** Apply one requested path in `tx`. */
  apply(tx: Transaction, item: T, ctx: RequestContext): PathOutcome<R>;
  /** The failure entry of a path (allow_partial=true). */
  failed(item: T, code: number, message: string): R;
  /** The code a path gets when its changes fail validation (7020 Set, 7017 Add, 7024 Delete). */
  readonly validateCode: number;
}

/** Run every requested path in one transaction; returns the result entries in request order. */
export function eachRequestedPath<T, R>(ctx: RequestContext, spec: PartialSpec<T, R>): R[] {
  const tx = ctx.engine.begin(originOf(ctx));
  const results: R[] = [];
  try {
    for (const item of spec.items) {
      const sp = tx.savepoint();
      let out = spec.apply(tx, item, ctx);
      if (out.ok && spec.allowPartial) {
        try {
          tx.validate();
        } catch (e) {
          // allow_partial=true: this becomes the path's own failure entry (no param_errs needed).
          out = { ok: false, code: spec.validateCode, message: failureOf(e).message, paramErrs: [] };
        }
      }
      if (out.ok) {
        for (const r of out.results) results.push(r);
        continue;
      }
      tx.rollbackTo(sp);
      if (!spec.allowPartial) throw Object.assign(new UspError(out.code, out.message), { paramErrs: out.paramErrs }) as ParamErrors;
      results.push(out.entry ?? spec.failed(item, out.code, out.message));
    }
    tx.commit();
  } catch (e) {
    tx.rollback();
    throw e;
  }
  return results;
}

/** A path-level failure whose one ParamError names the requested path. */
export function pathFailure<R>(path: string, code: number, message: string): PathOutcome<R> {
  return { ok: false, code, message, paramErrs: [{ paramPath: path, errCode: code, errMsg: message }] };
}

/**
 * A requested path's entry in SetResp, AddResp or DeleteResp: its OperationStatus, the failure
 * or the success `value` (one builder for the three messages' nested oneof).
 */
export function operResult<R>(requestedPath: string, failure: boolean, value: object): R {
  return { requestedPath, operStatus: { operStatus: { case: failure ? 'operFailure' : 'operSuccess', value } } } as R;
}
