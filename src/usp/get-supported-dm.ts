// GetSupportedDM (digest §2.4) and GetSupportedProtocol (§2.5).
import {
  GetSupportedDMResp_CmdType,
  GetSupportedDMResp_ObjAccessType,
  GetSupportedDMResp_ParamAccessType,
  GetSupportedDMResp_ParamValueType,
  GetSupportedDMResp_ValueChangeType,
  type GetSupportedDM,
  type GetSupportedDMResp_RequestedObjectResult,
  type GetSupportedDMResp_SupportedObjectResult,
  type GetSupportedProtocol,
  type Response,
} from '../codec/index.ts';
import type { Engine, ObjectDef } from '../dm/api.ts';
import { Perm, type Access } from './access.ts';
import { failureOf, isTableDef } from './context.ts';
import type { RequestContext } from './dispatch.ts';
import { ErrorCode, errorName, listItem } from '../errors.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../names.ts';


/** The TR-181 version the model follows (data_model_inst_uri). */
export const DATA_MODEL_INST_URI = 'urn:broadband-forum-org:tr-181-2-16-0-usp';

export function handleGetSupportedProtocol(_req: GetSupportedProtocol): Response['respType'] {
  return { case: 'getSupportedProtocolResp', value: { agentSupportedProtocolVersions: SUPPORTED_PROTOCOL_VERSIONS } };
}

export function handleGetSupportedDM(req: GetSupportedDM, ctx: RequestContext): Response['respType'] {
  const results: GetSupportedDMResp_RequestedObjectResult[] = [];
  for (const path of req.objPaths) results.push(one(ctx.engine, path, req, ctx.requester.access));
  return { case: 'getSupportedDmResp', value: { reqObjResults: results } };
}

function failed(path: string, code: number, message?: string): GetSupportedDMResp_RequestedObjectResult {
  return { reqObjPath: path, errCode: code, errMsg: message ?? errorName(code), dataModelInstUri: '', supportedObjs: [] };
}

function one(engine: Engine, path: string, req: GetSupportedDM, access: Access): GetSupportedDMResp_RequestedObjectResult {
  let defs: ObjectDef[];
  let only = ''; // 1.4: a command/event/parameter path reports just that element
  try {
    const parsed = engine.parse(path, { supported: true });
    if (parsed.kind === 'object') defs = engine.supportedTree(path, req.firstLevelOnly);
    else {
      only = parsed.leaf;
      const objPath = path.slice(0, path.length - only.length);
      const def = engine.supportedObject(objPath);
      // The element must be one of the object's parameters, commands or events.
      const all = def ? ([] as readonly { name: string }[]).concat(def.params ?? [], def.commands ?? [], def.events ?? []) : [];
      let i = all.length - 1;
      while (i >= 0 && all[i].name !== only) i--;
      if (!def || i < 0) return failed(path, ErrorCode.INVALID_PATH);
      defs = [def];
    }
  } catch (e) {
    const f = failureOf(e);
    return failed(path, f.code, f.message);
  }
  const objs: GetSupportedDMResp_SupportedObjectResult[] = [];
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i];
    // R-GSP.0: objects the Controller cannot read are not present.
    if (!access.can(def.path, Perm.OBJ_READ)) continue;
    // first_level_only: the children carry no params, commands or events (TP-469 1.73/1.74).
    const full = i === 0 || !req.firstLevelOnly;
    // The SupportedObjectResult (written here, its one caller; issue 10).
    // The access reported is what this Controller may do (schema access ∧ its permissions).
    const schema = def.access ?? 'R';
    const canAdd = (schema === 'AD' || schema === 'A') && access.can(def.path, Perm.OBJ_ADD);
    const canDelete = (schema === 'AD' || schema === 'D') && access.can(def.path, Perm.INST_DELETE);
    const out: GetSupportedDMResp_SupportedObjectResult = {
      supportedObjPath: def.path,
      access: canAdd
        ? (canDelete ? GetSupportedDMResp_ObjAccessType.OBJ_ADD_DELETE : GetSupportedDMResp_ObjAccessType.OBJ_ADD_ONLY)
        : canDelete ? GetSupportedDMResp_ObjAccessType.OBJ_DELETE_ONLY : GetSupportedDMResp_ObjAccessType.OBJ_READ_ONLY,
      isMultiInstance: isTableDef(def.path),
      supportedCommands: [],
      supportedEvents: [],
      supportedParams: [],
      divergentPaths: [],
      uniqueKeySets: [],
    };
    if (full) {
      // only === '' || only === name: the element is wanted (written out, not a closure per call)
      if (req.returnParams || only !== '') {
        for (const p of def.params ?? []) {
          const pPath = def.path + p.name;
          if ((only !== '' && only !== p.name) || !access.canRead(pPath)) continue;
          const writable = (p.access === 'W' || p.access === 'WO') && access.can(pPath, Perm.PARAM_WRITE);
          let valueType = GetSupportedDMResp_ParamValueType.PARAM_UNSIGNED_LONG as number;
          while (valueType > 0 && listItem(VALUE_TYPES, valueType) !== p.type) valueType--;
          out.supportedParams.push({
            paramName: p.name,
            // A writeOnceReadOnly parameter is reported as READ_WRITE (digest §2.4).
            access: writable ? GetSupportedDMResp_ParamAccessType.PARAM_READ_WRITE : GetSupportedDMResp_ParamAccessType.PARAM_READ_ONLY,
            valueType, // PARAM_UNKNOWN (0) for a type not listed
            valueChange: p.valueChange === 'ignore' ? GetSupportedDMResp_ValueChangeType.VALUE_CHANGE_WILL_IGNORE : GetSupportedDMResp_ValueChangeType.VALUE_CHANGE_ALLOWED,
          });
        }
      }
      if (req.returnCommands || only !== '') {
        for (const c of def.commands ?? []) {
          if ((only !== '' && only !== c.name) || !access.can(def.path + c.name, Perm.CMD_READ)) continue;
          out.supportedCommands.push({
            commandName: c.name,
            inputArgNames: (c.input ?? []).map((a) => a.name),
            outputArgNames: (c.output ?? []).map((a) => a.name),
            commandType: c.async ? GetSupportedDMResp_CmdType.CMD_ASYNC : GetSupportedDMResp_CmdType.CMD_SYNC,
          });
        }
      }
      if (req.returnEvents || only !== '') {
        for (const e of def.events ?? []) {
          if ((only !== '' && only !== e.name) || !access.can(def.path + e.name, Perm.CMD_READ)) continue;
          out.supportedEvents.push({ eventName: e.name, argNames: (e.args ?? []).map((a) => a.name) });
        }
      }
      // 1.4: unique_key_sets (cheap; digest §1.6).
      if (req.returnUniqueKeySets && only === '') {
        for (const set of def.uniqueKeys ?? []) out.uniqueKeySets.push({ keyNames: set.slice() });
      }
    }
    objs.push(out);
  }
  // Nothing readable at all: the path is "not present" for this Controller (R-GSP.0).
  if (objs.length === 0) return failed(path, ErrorCode.INVALID_PATH);
  return { reqObjPath: path, errCode: 0, errMsg: '', dataModelInstUri: DATA_MODEL_INST_URI, supportedObjs: objs };
}

/**
 * The ParamValueType of each ParamType: its index here (PARAM_BASE_64 = 1 ... PARAM_UNSIGNED_LONG
 * = 10, the enum's alphabetical order; absent: PARAM_UNKNOWN = 0). A list in one string (listItem),
 * where an array cost a slot per item and an object a key per name (issue 10).
 */
const VALUE_TYPES = '|base64|boolean|dateTime|decimal|hexBinary|int|long|string|unsignedInt|unsignedLong';
