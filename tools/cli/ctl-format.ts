// Readable output of USP responses and notifications for `tinyusp ctl`.
import type { Msg, Notify } from '../../gen/usp/usp-msg_pb.ts';

const indent = (s: string) => '  ' + s;

// GetSupportedDMResp enums (usp-msg.proto) by number, in TR-106 words.
const VALUE_TYPE = ['', 'base64', 'boolean', 'dateTime', 'decimal', 'hexBinary', 'int', 'long', 'string', 'unsignedInt', 'unsignedLong'];
const PARAM_ACCESS = ['read-only', 'read-write', 'write-only'];
const OBJ_ACCESS = ['read-only', 'add/delete', 'add only', 'delete only'];

function err(code: number, msg: string): string {
  return `error ${code}${msg ? ' ' + msg : ''}`;
}

function kv(map: { [k: string]: string }, prefix = ''): string[] {
  return Object.keys(map).map((k) => `${prefix}${k} = ${map[k]}`);
}

/** True when the response is an Error or reports a failure for any requested path. */
export function responseFailed(msg: Msg): boolean {
  const body = msg.body?.msgBody;
  if (!body || body.case === 'error') return true;
  if (body.case !== 'response') return false;
  const r = body.value.respType;
  switch (r.case) {
    case 'getResp':
      return r.value.reqPathResults.some((x) => x.errCode !== 0);
    case 'getInstancesResp':
      return r.value.reqPathResults.some((x) => x.errCode !== 0);
    case 'getSupportedDmResp':
      return r.value.reqObjResults.some((x) => x.errCode !== 0);
    case 'setResp':
      return r.value.updatedObjResults.some((x) => x.operStatus?.operStatus.case === 'operFailure');
    case 'addResp':
      return r.value.createdObjResults.some((x) => x.operStatus?.operStatus.case === 'operFailure');
    case 'deleteResp':
      return r.value.deletedObjResults.some((x) => x.operStatus?.operStatus.case === 'operFailure');
    case 'operateResp':
      return r.value.operationResults.some((x) => x.operationResp.case === 'cmdFailure');
    default:
      return false;
  }
}

export function formatResponse(msg: Msg): string {
  const body = msg.body?.msgBody;
  if (!body) return 'malformed response (no body)';
  if (body.case === 'error') {
    const e = body.value;
    return [err(e.errCode, e.errMsg), ...e.paramErrs.map((p) => indent(`${p.paramPath}: ${err(p.errCode, p.errMsg)}`))].join('\n');
  }
  if (body.case !== 'response') return `unexpected ${body.case ?? 'empty'} message`;
  const r = body.value.respType;
  const out: string[] = [];
  switch (r.case) {
    case 'getResp':
      for (const rp of r.value.reqPathResults) {
        if (rp.errCode) { out.push(`${rp.requestedPath}: ${err(rp.errCode, rp.errMsg)}`); continue; }
        if (rp.resolvedPathResults.length === 0) out.push(`${rp.requestedPath}: (no match)`);
        for (const res of rp.resolvedPathResults) out.push(...kv(res.resultParams, res.resolvedPath));
      }
      break;
    case 'setResp':
      for (const u of r.value.updatedObjResults) {
        const s = u.operStatus?.operStatus;
        if (s?.case === 'operFailure') {
          out.push(`${u.requestedPath}: ${err(s.value.errCode, s.value.errMsg)}`);
          for (const f of s.value.updatedInstFailures) for (const pe of f.paramErrs) out.push(indent(`${f.affectedPath}${pe.param}: ${err(pe.errCode, pe.errMsg)}`));
        } else if (s?.case === 'operSuccess') {
          if (s.value.updatedInstResults.length === 0) out.push(`${u.requestedPath}: (no match)`);
          for (const i of s.value.updatedInstResults) {
            out.push(...kv(i.updatedParams, i.affectedPath));
            for (const pe of i.paramErrs) out.push(`${i.affectedPath}${pe.param}: ${err(pe.errCode, pe.errMsg)}`);
          }
        }
      }
      break;
    case 'addResp':
      for (const c of r.value.createdObjResults) {
        const s = c.operStatus?.operStatus;
        if (s?.case === 'operFailure') out.push(`${c.requestedPath}: ${err(s.value.errCode, s.value.errMsg)}`);
        else if (s?.case === 'operSuccess') {
          out.push(`created ${s.value.instantiatedPath}`);
          out.push(...kv(s.value.uniqueKeys, '  key ').map((l) => l));
          for (const pe of s.value.paramErrs) out.push(indent(`${pe.param}: ${err(pe.errCode, pe.errMsg)}`));
        }
      }
      break;
    case 'deleteResp':
      for (const d of r.value.deletedObjResults) {
        const s = d.operStatus?.operStatus;
        if (s?.case === 'operFailure') out.push(`${d.requestedPath}: ${err(s.value.errCode, s.value.errMsg)}`);
        else if (s?.case === 'operSuccess') {
          if (s.value.affectedPaths.length === 0) out.push(`${d.requestedPath}: (no match)`);
          for (const a of s.value.affectedPaths) out.push(`deleted ${a}`);
          for (const u of s.value.unaffectedPathErrs) out.push(`${u.unaffectedPath}: ${err(u.errCode, u.errMsg)}`);
        }
      }
      break;
    case 'operateResp':
      for (const o of r.value.operationResults) {
        const x = o.operationResp;
        if (x.case === 'reqObjPath') out.push(`${o.executedCommand}: started, request ${x.value}`);
        else if (x.case === 'reqOutputArgs') {
          out.push(`${o.executedCommand}: done`);
          out.push(...kv(x.value.outputArgs, '  '));
        } else if (x.case === 'cmdFailure') out.push(`${o.executedCommand}: ${err(x.value.errCode, x.value.errMsg)}`);
      }
      break;
    case 'getSupportedDmResp':
      for (const ro of r.value.reqObjResults) {
        if (ro.errCode) { out.push(`${ro.reqObjPath}: ${err(ro.errCode, ro.errMsg)}`); continue; }
        for (const so of ro.supportedObjs) {
          out.push(`${so.supportedObjPath}  ${so.isMultiInstance ? 'table, ' + OBJ_ACCESS[so.access] : 'object'}`);
          const width = Math.max(0, ...so.supportedParams.map((p) => p.paramName.length));
          for (const sp of so.supportedParams) {
            const vc = sp.valueChange === 2 ? '  no value-change' : '';
            out.push(indent(`${sp.paramName.padEnd(width)}  ${(VALUE_TYPE[sp.valueType] || '?').padEnd(13)} ${PARAM_ACCESS[sp.access] || '?'}${vc}`));
          }
          for (const sc of so.supportedCommands) {
            const kind = sc.commandType === 2 ? 'async' : sc.commandType === 1 ? 'sync' : '';
            out.push(indent(`${sc.commandName}  ${kind}${sc.inputArgNames.length ? '  in: ' + sc.inputArgNames.join(', ') : ''}${sc.outputArgNames.length ? '  out: ' + sc.outputArgNames.join(', ') : ''}`));
          }
          for (const se of so.supportedEvents) out.push(indent(`${se.eventName}  event${se.argNames.length ? '  args: ' + se.argNames.join(', ') : ''}`));
        }
      }
      break;
    case 'getInstancesResp':
      for (const rp of r.value.reqPathResults) {
        if (rp.errCode) { out.push(`${rp.requestedPath}: ${err(rp.errCode, rp.errMsg)}`); continue; }
        if (rp.currInsts.length === 0) out.push(`${rp.requestedPath}: (no instances)`);
        for (const ci of rp.currInsts) {
          const keys = Object.keys(ci.uniqueKeys).map((k) => `${k}=${ci.uniqueKeys[k]}`).join(' ');
          out.push(`${ci.instantiatedObjPath}${keys ? '  ' + keys : ''}`);
        }
      }
      break;
    case 'getSupportedProtocolResp':
      out.push(`agent supports USP ${r.value.agentSupportedProtocolVersions}`);
      break;
    default:
      out.push(`response: ${r.case}`);
  }
  return out.join('\n');
}

export function formatNotify(n: Notify, fromId: string): string {
  const head = `[${fromId}] ${n.subscriptionId}`;
  const x = n.notification;
  switch (x.case) {
    case 'valueChange':
      return `${head} ValueChange ${x.value.paramPath} = ${x.value.paramValue}`;
    case 'objCreation':
      return `${head} ObjectCreation ${x.value.objPath}`;
    case 'objDeletion':
      return `${head} ObjectDeletion ${x.value.objPath}`;
    case 'event':
      return [`${head} Event ${x.value.objPath}${x.value.eventName}`, ...kv(x.value.params, '  ')].join('\n');
    case 'operComplete': {
      const r = x.value.operationResp;
      const tail = r.case === 'cmdFailure' ? err(r.value.errCode, r.value.errMsg) : r.case === 'reqOutputArgs' ? kv(r.value.outputArgs).join(', ') : '';
      return `${head} OperationComplete ${x.value.objPath}${x.value.commandName} key=${x.value.commandKey} ${tail}`;
    }
    case 'onBoardReq':
      return `${head} OnBoardRequest oui=${x.value.oui} class=${x.value.productClass} sn=${x.value.serialNumber} versions=${x.value.agentSupportedProtocolVersions}`;
    default:
      return `${head} (empty notification)`;
  }
}
