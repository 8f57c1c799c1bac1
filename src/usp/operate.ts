// Operate (digest §2.9, §5): one OperationResult per matched command. Per-command failures are
// cmd_failure, never an Error (R-OPR.1); Error only for message-level failures (7026 unknown
// command path). Missing mandatory input arguments: cmd_failure 7027 (R-OPR.5@1.4, TP-469 1.100)
// — the engine reports 7027 and we pass it through; 1.2/1.3 asked for Error 7004 instead.
import type { Operate, OperateResp_OperationResult, Response } from '../codec/index.ts';
import { Perm } from './access.ts';
import { failureOf, originOf } from './context.ts';
import type { RequestContext } from './dispatch.ts';
import { ErrorCode, UspError, errorName } from '../errors.ts';

export function handleOperate(req: Operate, ctx: RequestContext): Response['respType'] | undefined {
  const { engine, requester: { access } } = ctx;
  // Resolution failures are message-level: UspError 7008/7026 becomes the Error Msg (R-SEC.1:
  // the Controller's Access filters the search terms).
  const res = engine.resolve(req.command, access);
  if (res.parsed.kind !== 'command') throw new UspError(ErrorCode.INVALID_PATH, 'not a command path: ' + req.command);
  if (res.missing !== undefined) throw new UspError(ErrorCode.OBJECT_DOES_NOT_EXIST, 'no such instance: ' + res.missing);
  const origin = originOf(ctx);
  const results: OperateResp_OperationResult[] = [];
  // A search matching nothing → OperateResp without results (R-MSG.4a).
  for (const t of res.targets) {
    let resp: OperateResp_OperationResult['operationResp'];
    if (!access.can(t.path, Perm.CMD_EXECUTE)) {
      resp = { case: 'cmdFailure', value: { errCode: ErrorCode.PERMISSION_DENIED, errMsg: errorName(ErrorCode.PERMISSION_DENIED) } };
    } else {
      try {
        const r = engine.operate(t.objPath, t.name, req.inputArgs, req.commandKey, origin);
        if (r.kind === 'sync') {
          const out = new Map<string, string>();
          for (const k in r.output) out.set(k, r.output[k]);
          resp = { case: 'reqOutputArgs', value: { outputArgs: out } };
        } else {
          // R-OPR.0/2: async → the Device.LocalAgent.Request.{i}. row tracking it.
          resp = { case: 'reqObjPath', value: r.requestPath };
        }
      } catch (e) {
        const f = failureOf(e);
        resp = { case: 'cmdFailure', value: { errCode: f.code, errMsg: f.message } };
      }
    }
    results.push({ executedCommand: t.path, operationResp: resp });
  }
  // R-MSG.0 / R-OPR.4: send_resp=false → the command runs, no OperateResp is sent.
  if (!req.sendResp) return undefined;
  return { case: 'operateResp', value: { operationResults: results } };
}
