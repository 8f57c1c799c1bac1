// USP request bodies (Get, GetSupportedDM, GetInstances, Set, Add, Delete, Operate, Notify,
// Register, and the one-field messages): encoders and decoders. Tags are written as their
// one-byte wire form: (field number << 3) | wire type.
import { EntryMap } from './entry-map.ts';
import type { Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { EncodeError } from './errors.ts';
import type {
  Get, GetSupportedDM, GetInstances, Set, Set_UpdateObject, Set_UpdateParamSetting, Add,
  Add_CreateObject, Add_CreateParamSetting, Delete, Operate, Notify, Notify_Event,
  Notify_ValueChange, Notify_ObjectCreation, Notify_ObjectDeletion, Notify_OperationComplete,
  Notify_OperationComplete_OutputArgs, Notify_OperationComplete_CommandFailure,
  Notify_OnBoardRequest, Register, Register_RegistrationPath, StringMap,
} from './msg-types.ts';

export function encGet(w: Writer, m: Get): void {
  w.fieldStrings(1, m.paramPaths);
  w.fieldFixed32(2, m.maxDepth);
}

export function encGetSupportedDM(w: Writer, m: GetSupportedDM): void {
  w.fieldStrings(1, m.objPaths);
  w.fieldBool(2, m.firstLevelOnly);
  w.fieldBool(3, m.returnCommands);
  w.fieldBool(4, m.returnEvents);
  w.fieldBool(5, m.returnParams);
  w.fieldBool(6, m.returnUniqueKeySets);
}

export function encGetInstances(w: Writer, m: GetInstances): void {
  w.fieldStrings(1, m.objPaths);
  w.fieldBool(2, m.firstLevelOnly);
}

/** Set and Add share their wire shape: allow_partial, then objects of {path, param settings}. */
export function encSet(w: Writer, m: Set | Add): void {
  w.fieldBool(1, m.allowPartial);
  const objs = 'updateObjs' in m ? m.updateObjs : m.createObjs;
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i];
    const at = w.fork(2);
    w.fieldString(1, o.objPath);
    const ps = o.paramSettings;
    for (let j = 0; j < ps.length; j++) {
      const s = ps[j];
      const at2 = w.fork(2);
      w.fieldString(1, s.param);
      w.fieldString(2, s.value);
      w.fieldBool(3, s.required);
      w.join(at2);
    }
    w.join(at);
  }
}

export const encAdd: (w: Writer, m: Add) => void = encSet;

export function encDelete(w: Writer, m: Delete): void {
  w.fieldBool(1, m.allowPartial);
  w.fieldStrings(2, m.objPaths);
}

export function encOperate(w: Writer, m: Operate): void {
  w.fieldString(1, m.command);
  w.fieldString(2, m.commandKey);
  w.fieldBool(3, m.sendResp);
  w.fieldMap(4, m.inputArgs);
}

export function encNotify(w: Writer, m: Notify): void {
  w.fieldString(1, m.subscriptionId);
  w.fieldBool(2, m.sendResp);
  const n = m.notification;
  let at: number;
  switch (n.case) {
    case 'event':
      at = w.fork(3);
      w.fieldString(1, n.value.objPath);
      w.fieldString(2, n.value.eventName);
      w.fieldMap(3, n.value.params);
      break;
    case 'valueChange':
      at = w.fork(4);
      w.fieldString(1, n.value.paramPath);
      w.fieldString(2, n.value.paramValue);
      break;
    case 'objCreation':
      at = w.fork(5);
      w.fieldString(1, n.value.objPath);
      w.fieldMap(2, n.value.uniqueKeys);
      break;
    case 'objDeletion':
      at = w.fork(6);
      w.fieldString(1, n.value.objPath);
      break;
    case 'operComplete':
      at = w.fork(7);
      encOperationComplete(w, n.value);
      break;
    case 'onBoardReq':
      at = w.fork(8);
      w.fieldString(1, n.value.oui);
      w.fieldString(2, n.value.productClass);
      w.fieldString(3, n.value.serialNumber);
      w.fieldString(4, n.value.agentSupportedProtocolVersions);
      break;
    default:
      throw new EncodeError('Notify.notification not set');
  }
  w.join(at);
}

function encOperationComplete(w: Writer, m: Notify_OperationComplete): void {
  w.fieldString(1, m.objPath);
  w.fieldString(2, m.commandName);
  w.fieldString(3, m.commandKey);
  const o = m.operationResp;
  let at: number;
  if (o.case === 'reqOutputArgs') {
    at = w.fork(4);
    w.fieldMap(1, o.value.outputArgs);
  } else if (o.case === 'cmdFailure') {
    at = w.fork(5);
    w.fieldFixed32(1, o.value.errCode);
    w.fieldString(2, o.value.errMsg);
  } else {
    throw new EncodeError('Notify.OperationComplete.operation_resp not set');
  }
  w.join(at);
}

export function encRegister(w: Writer, m: Register): void {
  w.fieldBool(1, m.allowPartial);
  const list = m.regPaths;
  for (let i = 0; i < list.length; i++) {
    const at = w.fork(2);
    w.fieldString(1, list[i].path);
    w.join(at);
  }
}

// Decoders. Each reads fields until `end`, skips unknown ones, and checks it ended on `end`.

/** A message whose only field is `string x = 1` (GetSupportedProtocol(Resp), NotifyResp). */
export function decOneString(r: Reader, end: number, d: number): string {
  let s = '';
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) s = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return s;
}

/** A message whose only field is `repeated string x = 1` (Deregister, SupportedUniqueKeySet). */
export function decStrings(r: Reader, end: number, d: number): string[] {
  const list: string[] = [];
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) r.room(list).push(r.string());
    else r.skip(t, d);
  }
  r.done(end);
  return list;
}

/** A map<string,string> wrapper message with the map as field 1 (OutputArgs). */
export function decMapOnly(r: Reader, end: number, d: number): StringMap {
  const map = new EntryMap();
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) r.mapEntries(map, 0x0a, end, d);
    else r.skip(t, d);
  }
  r.done(end);
  return map;
}

export function decGet(r: Reader, end: number, d: number): Get {
  const m: Get = { paramPaths: [], maxDepth: 0 };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) r.room(m.paramPaths).push(r.string());
    else if (t === 0x15) m.maxDepth = r.fixed32();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function decGetSupportedDM(r: Reader, end: number, d: number): GetSupportedDM {
  const m: GetSupportedDM = {
    objPaths: [],
    firstLevelOnly: false,
    returnCommands: false,
    returnEvents: false,
    returnParams: false,
    returnUniqueKeySets: false,
  };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: r.room(m.objPaths).push(r.string()); break;
      case 0x10: m.firstLevelOnly = r.bool(); break;
      case 0x18: m.returnCommands = r.bool(); break;
      case 0x20: m.returnEvents = r.bool(); break;
      case 0x28: m.returnParams = r.bool(); break;
      case 0x30: m.returnUniqueKeySets = r.bool(); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

export function decGetInstances(r: Reader, end: number, d: number): GetInstances {
  const m: GetInstances = { objPaths: [], firstLevelOnly: false };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) r.room(m.objPaths).push(r.string());
    else if (t === 0x10) m.firstLevelOnly = r.bool();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function decSet(r: Reader, end: number, d: number): Set {
  const m: Set = { allowPartial: false, updateObjs: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x08) m.allowPartial = r.bool();
    else if (t === 0x12) r.room(m.updateObjs).push(decObject(r, r.sub(d), d + 1));
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

/** Add has Set's wire shape (allow_partial = 1, objects = 2): decoded as a Set, its objects renamed. */
export function decAdd(r: Reader, end: number, d: number): Add {
  const m = decSet(r, end, d);
  return { allowPartial: m.allowPartial, createObjs: m.updateObjs } as Add;
}

/** Set.UpdateObject and Add.CreateObject (same fields), their param settings decoded in place (issue 10: one function less). */
function decObject(r: Reader, end: number, d: number): Set_UpdateObject & Add_CreateObject {
  const m: Set_UpdateObject = { objPath: '', paramSettings: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.objPath = r.string();
    else if (t === 0x12) {
      const ps = r.room(m.paramSettings);
      const sEnd = r.sub(d);
      const s: Set_UpdateParamSetting & Add_CreateParamSetting = { param: '', value: '', required: false };
      while (r.pos < sEnd) {
        const u = r.varint32();
        if (u === 0x0a) s.param = r.string();
        else if (u === 0x12) s.value = r.string();
        else if (u === 0x18) s.required = r.bool();
        else r.skip(u, d + 1);
      }
      r.done(sEnd);
      ps.push(s);
    } else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function decDelete(r: Reader, end: number, d: number): Delete {
  const m: Delete = { allowPartial: false, objPaths: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x08) m.allowPartial = r.bool();
    else if (t === 0x12) r.room(m.objPaths).push(r.string());
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

export function decOperate(r: Reader, end: number, d: number): Operate {
  const inputArgs = new EntryMap();
  const m: Operate = { command: '', commandKey: '', sendResp: false, inputArgs };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.command = r.string(); break;
      case 0x12: m.commandKey = r.string(); break;
      case 0x18: m.sendResp = r.bool(); break;
      case 0x22: r.mapEntries(inputArgs, 0x22, end, d); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

export function decNotify(r: Reader, end: number, d: number): Notify {
  const m: Notify = { subscriptionId: '', sendResp: false, notification: undefined as unknown as Notify['notification'] };
  let n: Notify['notification'] | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t & 7) === 2 && t >= 0x1a && t <= 0x42 && n !== undefined) r.fail('oneof-twice'); // R-ENC.4
    switch (t) {
      case 0x0a: m.subscriptionId = r.string(); break;
      case 0x10: m.sendResp = r.bool(); break;
      case 0x1a: n = { case: 'event', value: decEvent(r, r.sub(d), d + 1) }; break;
      case 0x22: n = { case: 'valueChange', value: decValueChange(r, r.sub(d), d + 1) }; break;
      case 0x2a: n = { case: 'objCreation', value: decObjectCreation(r, r.sub(d), d + 1) }; break;
      case 0x32: n = { case: 'objDeletion', value: { objPath: decOneString(r, r.sub(d), d + 1) } as Notify_ObjectDeletion }; break;
      case 0x3a: n = { case: 'operComplete', value: decOperationComplete(r, r.sub(d), d + 1) }; break;
      case 0x42: n = { case: 'onBoardReq', value: decOnBoard(r, r.sub(d), d + 1) }; break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  if (n === undefined) return r.fail('oneof-missing'); // R-ENC.3
  m.notification = n;
  return m;
}

function decEvent(r: Reader, end: number, d: number): Notify_Event {
  const params = new EntryMap();
  const m: Notify_Event = { objPath: '', eventName: '', params };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.objPath = r.string();
    else if (t === 0x12) m.eventName = r.string();
    else if (t === 0x1a) r.mapEntries(params, 0x1a, end, d);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decValueChange(r: Reader, end: number, d: number): Notify_ValueChange {
  const m: Notify_ValueChange = { paramPath: '', paramValue: '' };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.paramPath = r.string();
    else if (t === 0x12) m.paramValue = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decObjectCreation(r: Reader, end: number, d: number): Notify_ObjectCreation {
  const uniqueKeys = new EntryMap();
  const m: Notify_ObjectCreation = { objPath: '', uniqueKeys };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.objPath = r.string();
    else if (t === 0x12) r.mapEntries(uniqueKeys, 0x12, end, d);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decOperationComplete(r: Reader, end: number, d: number): Notify_OperationComplete {
  const m: Notify_OperationComplete = {
    objPath: '',
    commandName: '',
    commandKey: '',
    operationResp: undefined as unknown as Notify_OperationComplete['operationResp'],
  };
  let o: Notify_OperationComplete['operationResp'] | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    if ((t === 0x22 || t === 0x2a) && o !== undefined) r.fail('oneof-twice'); // R-ENC.4
    switch (t) {
      case 0x0a: m.objPath = r.string(); break;
      case 0x12: m.commandName = r.string(); break;
      case 0x1a: m.commandKey = r.string(); break;
      case 0x22:
        o = { case: 'reqOutputArgs', value: { outputArgs: decMapOnly(r, r.sub(d), d + 1) } as Notify_OperationComplete_OutputArgs };
        break;
      case 0x2a: o = { case: 'cmdFailure', value: decFailure(r, r.sub(d), d + 1) }; break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  if (o === undefined) return r.fail('oneof-missing'); // R-ENC.3
  m.operationResp = o;
  return m;
}

/** {fixed32 err_code = 1; string err_msg = 2} (CommandFailure, OperationFailure). */
export function decFailure(r: Reader, end: number, d: number): Notify_OperationComplete_CommandFailure {
  const m: Notify_OperationComplete_CommandFailure = { errCode: 0, errMsg: '' };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0d) m.errCode = r.fixed32();
    else if (t === 0x12) m.errMsg = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decOnBoard(r: Reader, end: number, d: number): Notify_OnBoardRequest {
  const m: Notify_OnBoardRequest = { oui: '', productClass: '', serialNumber: '', agentSupportedProtocolVersions: '' };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x0a: m.oui = r.string(); break;
      case 0x12: m.productClass = r.string(); break;
      case 0x1a: m.serialNumber = r.string(); break;
      case 0x22: m.agentSupportedProtocolVersions = r.string(); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

export function decRegister(r: Reader, end: number, d: number): Register {
  const m: Register = { allowPartial: false, regPaths: [] };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x08) m.allowPartial = r.bool();
    else if (t === 0x12) r.room(m.regPaths).push({ path: decOneString(r, r.sub(d), d + 1) } as Register_RegistrationPath);
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}
