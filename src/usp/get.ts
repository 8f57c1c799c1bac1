// Get (digest §2.2): one RequestedPathResult per requested path, failures in their own result.
import { EntryMap, type Get, type GetResp, type GetResp_RequestedPathResult, type GetResp_ResolvedPathResult, type Response } from '../codec/index.ts';
import { Perm } from './access.ts';
import { failureOf, resolveRequested } from './context.ts';
import type { RequestContext } from './dispatch.ts';
import { ErrorCode, errorName } from '../errors.ts';

export function handleGet(req: Get, ctx: RequestContext): Response['respType'] {
  const results: GetResp_RequestedPathResult[] = [];
  for (const path of req.paramPaths) results.push(getOne(path, req.maxDepth, ctx));
  const resp: GetResp = { reqPathResults: results };
  return { case: 'getResp', value: resp };
}

function failed(path: string, code: number, message?: string): GetResp_RequestedPathResult {
  return { requestedPath: path, errCode: code, errMsg: message ?? errorName(code), resolvedPathResults: [] };
}

function getOne(path: string, maxDepth: number, ctx: RequestContext): GetResp_RequestedPathResult {
  const { engine, requester: { access } } = ctx;
  // R-GET.0@1.3: a non-search path naming an instance that does not exist → 7026 (digest §2.13).
  const res = resolveRequested(path, ctx, undefined, ErrorCode.INVALID_PATH);
  if ('code' in res) return failed(path, res.code, res.message);
  const kind = res.parsed.kind;
  if (kind === 'command' || kind === 'event') return failed(path, ErrorCode.INVALID_PATH, 'Get takes object or parameter paths');
  const out: GetResp_ResolvedPathResult[] = [];
  // resultParams of out's last entry. EntryMaps, not Maps: a Map entry costs XS three heap slots,
  // an EntryMap keeps keys and values in two arrays (chunk memory), so a multi-block Get answer
  // takes hundreds of slots less at the board's slot peak (issue 10).
  let lastParams: EntryMap | undefined;
  if (kind === 'parameter') {
    for (const t of res.targets) {
      if (!access.canRead(t.path)) {
        // R-GET.1: unreadable is "not present". A search simply skips it; a path naming exactly
        // this parameter gets 7006 so the Controller can tell a denial from a typo.
        if (!res.isSearch) return failed(path, ErrorCode.PERMISSION_DENIED);
        continue;
      }
      let value: string;
      try {
        value = engine.get(t.path);
      } catch (e) {
        if (res.isSearch) continue;
        const f = failureOf(e);
        return failed(path, f.code, f.message);
      }
      // R-GET.2/3: resolved_path is the parent object, the key the relative parameter name.
      if (lastParams && out[out.length - 1].resolvedPath === t.objPath) lastParams.put(t.name, value, t.name.length);
      else {
        lastParams = new EntryMap();
        lastParams.put(t.name, value, t.name.length);
        out.push({ resolvedPath: t.objPath, resultParams: lastParams });
      }
    }
  } else {
    // Object path: one ResolvedPathResult per object and sub-object (1.2+), max_depth R-GET.5.
    // (Each object's parameters written out here, not a helper called per object: issue 10.)
    for (const t of res.targets) {
      for (const objPath of engine.subtree(t.objPath, maxDepth)) {
        let values;
        try {
          values = engine.params(objPath);
        } catch {
          continue; // vanished meanwhile (a handler's instances changed): not present
        }
        let params: EntryMap | undefined;
        // One permission check for the whole object when no Target points inside it.
        const uniform = access.objectParamMask(objPath);
        if (uniform >= 0 && (uniform & Perm.PARAM_READ) === 0) continue;
        for (const v of values) {
          if (uniform < 0 && !access.canRead(v.path)) continue; // R-GET.1 / R-GET.4
          if (!params) params = new EntryMap();
          params.append(v.name, v.value); // an object's parameter names are unique (schema)
        }
        // Objects without (readable) parameters — a table node, an empty table — are not listed.
        if (params) out.push({ resolvedPath: objPath, resultParams: params });
      }
    }
  }
  // R-GET.1a/1b: a search matching nothing or an empty table is a success with no results.
  return { requestedPath: path, errCode: 0, errMsg: '', resolvedPathResults: out };
}
