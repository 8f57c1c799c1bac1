// GetInstances (digest §2.3): instances of tables with all their readable unique keys.
import type {
  GetInstances,
  GetInstancesResp_CurrInstance,
  GetInstancesResp_RequestedPathResult,
  Response,
} from '../codec/index.ts';
import { Perm, readableKeys } from './access.ts';
import { failureOf, isTableDef, resolveRequested } from './context.ts';
import type { RequestContext } from './dispatch.ts';
import { ErrorCode, errorName } from '../errors.ts';

export function handleGetInstances(req: GetInstances, ctx: RequestContext): Response['respType'] {
  const results: GetInstancesResp_RequestedPathResult[] = [];
  for (const path of req.objPaths) results.push(one(path, req.firstLevelOnly, ctx));
  return { case: 'getInstancesResp', value: { reqPathResults: results } };
}

function failed(path: string, code: number, message?: string): GetInstancesResp_RequestedPathResult {
  return { requestedPath: path, errCode: code, errMsg: message ?? errorName(code), currInsts: [] };
}

function one(path: string, firstLevelOnly: boolean, ctx: RequestContext): GetInstancesResp_RequestedPathResult {
  const { engine, requester: { access } } = ctx;
  const res = resolveRequested(path, ctx, 'GetInstances takes object paths');
  if ('code' in res) return failed(path, res.code, res.message);
  // Not a multi-instance object → 7018 (digest §2.3); without first_level_only any object path
  // works as "every instance below it".
  if (firstLevelOnly && !isTableDef(res.def.path)) return failed(path, ErrorCode.OBJECT_NOT_A_TABLE);
  if (res.missing !== undefined) return failed(path, ErrorCode.OBJECT_DOES_NOT_EXIST, 'no such instance: ' + res.missing);
  const insts: GetInstancesResp_CurrInstance[] = [];
  const seen = new Set<string>();
  for (const t of res.targets) {
    let list;
    try {
      list = engine.instances(t.objPath, firstLevelOnly);
    } catch (e) {
      if (res.isSearch) continue;
      const f = failureOf(e);
      return failed(path, f.code, f.message);
    }
    for (const inst of list) {
      if (seen.has(inst.path)) continue;
      seen.add(inst.path);
      // R-GIN.0: instances the Controller cannot read are not present.
      if (!access.can(inst.path, Perm.INST_READ)) continue;
      // R-GIN.1: unreadable key parameters are left out.
      insts.push({ instantiatedObjPath: inst.path, uniqueKeys: readableKeys(access, inst.path, inst.uniqueKeys) });
    }
  }
  // A search with no match → no error, empty curr_insts (TP-469 1.83).
  return { requestedPath: path, errCode: 0, errMsg: '', currInsts: insts };
}
