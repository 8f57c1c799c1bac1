// USP read-side response bodies (GetResp, GetSupportedDMResp, GetInstancesResp): encoders and
// decoders. Tags are written as their one-byte wire form: (field number << 3) | wire type.
import { EntryMap } from './entry-map.ts';
import type { Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { decStrings } from './msg-request.ts';
import type {
  GetResp, GetResp_RequestedPathResult, GetResp_ResolvedPathResult, GetSupportedDMResp,
  GetSupportedDMResp_RequestedObjectResult, GetSupportedDMResp_SupportedObjectResult,
  GetSupportedDMResp_SupportedParamResult, GetSupportedDMResp_SupportedCommandResult,
  GetSupportedDMResp_SupportedEventResult, GetSupportedDMResp_SupportedUniqueKeySet,
  GetInstancesResp, GetInstancesResp_RequestedPathResult, GetInstancesResp_CurrInstance,
} from './resp-types.ts';

export function encGetResp(w: Writer, m: GetResp): void {
  const list = m.reqPathResults;
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    const at = w.fork(1);
    w.fieldString(1, p.requestedPath);
    w.fieldFixed32(2, p.errCode);
    w.fieldString(3, p.errMsg);
    const res = p.resolvedPathResults;
    for (let j = 0; j < res.length; j++) {
      const x = res[j];
      const at2 = w.fork(4);
      w.fieldString(1, x.resolvedPath);
      w.fieldMap(2, x.resultParams);
      w.join(at2);
    }
    w.join(at);
  }
}

export function encGetSupportedDMResp(w: Writer, m: GetSupportedDMResp): void {
  const list = m.reqObjResults;
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    const at = w.fork(1);
    w.fieldString(1, o.reqObjPath);
    w.fieldFixed32(2, o.errCode);
    w.fieldString(3, o.errMsg);
    w.fieldString(4, o.dataModelInstUri);
    const objs = o.supportedObjs;
    for (let j = 0; j < objs.length; j++) {
      const at2 = w.fork(5);
      // The SupportedObjectResult, written here (its one caller; issue 10: a function less).
      const so = objs[j];
      w.fieldString(1, so.supportedObjPath);
      w.fieldEnum(2, so.access);
      w.fieldBool(3, so.isMultiInstance);
      let at3: number;
      for (const c of so.supportedCommands) {
        at3 = w.fork(4);
        w.fieldString(1, c.commandName);
        w.fieldStrings(2, c.inputArgNames);
        w.fieldStrings(3, c.outputArgNames);
        w.fieldEnum(4, c.commandType);
        w.join(at3);
      }
      for (const e of so.supportedEvents) {
        at3 = w.fork(5);
        w.fieldString(1, e.eventName);
        w.fieldStrings(2, e.argNames);
        w.join(at3);
      }
      for (const p of so.supportedParams) {
        at3 = w.fork(6);
        w.fieldString(1, p.paramName);
        w.fieldEnum(2, p.access);
        w.fieldEnum(3, p.valueType);
        w.fieldEnum(4, p.valueChange);
        w.join(at3);
      }
      w.fieldStrings(7, so.divergentPaths);
      for (const k of so.uniqueKeySets) {
        at3 = w.fork(8);
        w.fieldStrings(1, k.keyNames);
        w.join(at3);
      }
      w.join(at2);
    }
    w.join(at);
  }
}

export function encGetInstancesResp(w: Writer, m: GetInstancesResp): void {
  for (const p of m.reqPathResults) {
    const at = w.fork(1);
    w.fieldString(1, p.requestedPath);
    w.fieldFixed32(2, p.errCode);
    w.fieldString(3, p.errMsg);
    for (const c of p.currInsts) {
      const at2 = w.fork(4);
      w.fieldString(1, c.instantiatedObjPath);
      w.fieldMap(2, c.uniqueKeys);
      w.join(at2);
    }
    w.join(at);
  }
}

// Decoders. Each reads fields until `end`, skips unknown ones, and checks it ended on `end`.

export function decGetResp(r: Reader, end: number, d: number): GetResp {
  const m: GetResp = { reqPathResults: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.reqPathResults.push(decRequestedPath(r, r.sub(d), d + 1));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decRequestedPath(r: Reader, end: number, d: number): GetResp_RequestedPathResult {
  const m: GetResp_RequestedPathResult = { requestedPath: '', errCode: 0, errMsg: '', resolvedPathResults: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x22) m.resolvedPathResults.push(decResolvedPath(r, r.sub(d), d + 1));
    else if (t === 0x0a) m.requestedPath = r.string();
    else if (t === 0x15) m.errCode = r.fixed32();
    else if (t === 0x1a) m.errMsg = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decResolvedPath(r: Reader, end: number, d: number): GetResp_ResolvedPathResult {
  const resultParams = new EntryMap();
  const m: GetResp_ResolvedPathResult = { resolvedPath: '', resultParams };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x12) r.mapEntries(resultParams, 0x12, end, d);
    else if (t === 0x0a) m.resolvedPath = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function decGetSupportedDMResp(r: Reader, end: number, d: number): GetSupportedDMResp {
  const m: GetSupportedDMResp = { reqObjResults: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.reqObjResults.push(decRequestedObject(r, r.sub(d), d + 1));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decRequestedObject(r: Reader, end: number, d: number): GetSupportedDMResp_RequestedObjectResult {
  const m: GetSupportedDMResp_RequestedObjectResult = { reqObjPath: '', errCode: 0, errMsg: '', dataModelInstUri: '', supportedObjs: [] };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.reqObjPath = r.string(); break;
      case 0x15: m.errCode = r.fixed32(); break;
      case 0x1a: m.errMsg = r.string(); break;
      case 0x22: m.dataModelInstUri = r.string(); break;
      case 0x2a: m.supportedObjs.push(decSupportedObject(r, r.sub(d), d + 1)); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

function decSupportedObject(r: Reader, end: number, d: number): GetSupportedDMResp_SupportedObjectResult {
  const m: GetSupportedDMResp_SupportedObjectResult = {
    supportedObjPath: '',
    access: 0,
    isMultiInstance: false,
    supportedCommands: [],
    supportedEvents: [],
    supportedParams: [],
    divergentPaths: [],
    uniqueKeySets: [],
  };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.supportedObjPath = r.string(); break;
      case 0x10: m.access = r.enumOf(3); break;
      case 0x18: m.isMultiInstance = r.bool(); break;
      case 0x22: m.supportedCommands.push(decCommand(r, r.sub(d), d + 1)); break;
      case 0x2a: m.supportedEvents.push(decEvent(r, r.sub(d), d + 1)); break;
      case 0x32: m.supportedParams.push(decParam(r, r.sub(d), d + 1)); break;
      case 0x3a: m.divergentPaths.push(r.string()); break;
      case 0x42:
        m.uniqueKeySets.push({ keyNames: decStrings(r, r.sub(d), d + 1) } as GetSupportedDMResp_SupportedUniqueKeySet);
        break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

function decParam(r: Reader, end: number, d: number): GetSupportedDMResp_SupportedParamResult {
  const m: GetSupportedDMResp_SupportedParamResult = { paramName: '', access: 0, valueType: 0, valueChange: 0 };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.paramName = r.string(); break;
      case 0x10: m.access = r.enumOf(2); break;
      case 0x18: m.valueType = r.enumOf(10); break;
      case 0x20: m.valueChange = r.enumOf(2); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

function decCommand(r: Reader, end: number, d: number): GetSupportedDMResp_SupportedCommandResult {
  const m: GetSupportedDMResp_SupportedCommandResult = { commandName: '', inputArgNames: [], outputArgNames: [], commandType: 0 };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.commandName = r.string(); break;
      case 0x12: m.inputArgNames.push(r.string()); break;
      case 0x1a: m.outputArgNames.push(r.string()); break;
      case 0x20: m.commandType = r.enumOf(2); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

function decEvent(r: Reader, end: number, d: number): GetSupportedDMResp_SupportedEventResult {
  const m: GetSupportedDMResp_SupportedEventResult = { eventName: '', argNames: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.eventName = r.string();
    else if (t === 0x12) m.argNames.push(r.string());
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function decGetInstancesResp(r: Reader, end: number, d: number): GetInstancesResp {
  const m: GetInstancesResp = { reqPathResults: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.reqPathResults.push(decInstancesPath(r, r.sub(d), d + 1));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decInstancesPath(r: Reader, end: number, d: number): GetInstancesResp_RequestedPathResult {
  const m: GetInstancesResp_RequestedPathResult = { requestedPath: '', errCode: 0, errMsg: '', currInsts: [] };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.requestedPath = r.string(); break;
      case 0x15: m.errCode = r.fixed32(); break;
      case 0x1a: m.errMsg = r.string(); break;
      case 0x22: m.currInsts.push(decCurrInstance(r, r.sub(d), d + 1)); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

function decCurrInstance(r: Reader, end: number, d: number): GetInstancesResp_CurrInstance {
  const uniqueKeys = new EntryMap();
  const m: GetInstancesResp_CurrInstance = { instantiatedObjPath: '', uniqueKeys };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.instantiatedObjPath = r.string();
    else if (t === 0x12) r.mapEntries(uniqueKeys, 0x12, end, d);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}
