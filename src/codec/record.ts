// USP Record encode/decode (usp_record package). Tags are written as their one-byte wire form:
// (field number << 3) | wire type, e.g. 0x3a = field 7, length-delimited.
import { WIRE_VARINT, writeUint64, type Writer } from './wire.ts';
import { readUint64, type Reader } from './reader.ts';
import { EMPTY, skipBody, topDecoder, topEncoder, topExact, topSizer } from './top.ts';
import { CACHED_DECODE_LIMITS } from './string-cache.ts';
import { EncodeError, type DecodeLimits } from './errors.ts';
import { listItem } from '../errors.ts';
import type {
  UspRecord, NoSessionContextRecord, SessionContextRecord, MQTTConnectRecord, STOMPConnectRecord,
  DisconnectRecord,
} from './record-types.ts';

type Enc = (w: Writer, v: never) => void;
type Dec = (r: Reader, end: number, d: number) => unknown;

/** The record_type oneof: fields 7..13, in order (listItem: a string, not an array; issue 10). */
const RECORD_CASES = 'noSessionContext|sessionContext|websocketConnect|mqttConnect|stompConnect|disconnect|udsConnect';
const RECORD_CASE_COUNT = 7;

/** Encodes `rec` into `out` from offset 0; returns the length. Throws EncodeOverflowError when it does not fit. */
export const encodeRecord: (rec: UspRecord, out: Uint8Array) => number = /* @__PURE__ */ topEncoder((w, m: UspRecord) => encRecord(w, m, allEnc));

/** The length encodeRecord gives `rec`, counted without a buffer. */
export const sizeRecord: (rec: UspRecord) => number = /* @__PURE__ */ topSizer((w, m: UspRecord) => encRecord(w, m, allEnc));

/** Decodes one Record; throws DecodeError (R-ENC.2 unknown enum, R-ENC.3-5 oneof, bounds). */
export const decodeRecord: (bytes: Uint8Array, limits?: DecodeLimits) => UspRecord = /* @__PURE__ */ topDecoder(
  (r, end, d) => decRecord(r, end, d, allDec), CACHED_DECODE_LIMITS);

// What an Agent sends and reads (issue 10: the device keeps only these). It sends plaintext
// no_session_context Records and DisconnectRecords (src/record/record.ts); of an inbound Record it
// reads the no_session_context payload and only the case of the others (answered from the case
// alone: 7106, ignored), so their bodies are skipped, bounded like any other field, not decoded.

/** encodeRecord for an Agent: no_session_context and disconnect only. */
export const encodeAgentRecord: (rec: UspRecord, out: Uint8Array) => number = /* @__PURE__ */ topEncoder((w, m: UspRecord) => encRecord(w, m, agentEnc));

/** The length encodeAgentRecord gives `rec`. */
export const sizeAgentRecord: (rec: UspRecord) => number = /* @__PURE__ */ topSizer((w, m: UspRecord) => encRecord(w, m, agentEnc));

/** encodeAgentRecord into a new array of exactly its length; EncodeOverflowError above `max` bytes, before allocating. */
export const encodeAgentRecordExact: (rec: UspRecord, max: number) => Uint8Array = /* @__PURE__ */ topExact((w, m: UspRecord) => encRecord(w, m, agentEnc));

/** decodeRecord for an Agent: bodies other than no_session_context are skipped (their value is {}). */
export const decodeAgentRecord: (bytes: Uint8Array, limits?: DecodeLimits) => UspRecord = /* @__PURE__ */ topDecoder(
  (r, end, d) => decRecord(r, end, d, agentDec));

function encRecord(w: Writer, m: UspRecord, types: (i: number) => Enc | undefined): void {
  w.fieldString(1, m.version);
  w.fieldString(2, m.toId);
  w.fieldString(3, m.fromId);
  w.fieldEnum(4, m.payloadSecurity);
  w.fieldBytes(5, m.macSignature);
  w.fieldBytes(6, m.senderCert);
  const rt = m.recordType;
  let i = 0;
  while (i < RECORD_CASE_COUNT && listItem(RECORD_CASES, i) !== rt.case) i++;
  const enc = types(i); // undefined past the last case
  if (enc === undefined) throw new EncodeError(i === RECORD_CASE_COUNT ? 'Record.record_type not set' : 'an Agent does not send a ' + rt.case + ' record'); // R-ENC.3
  const at = w.fork(7 + i);
  enc(w, rt.value as never);
  w.join(at);
}

const encNoSession: Enc = (w, v: NoSessionContextRecord) => w.fieldBytes(2, v.payload);
const encNothing: Enc = () => {};
const encDisconnect: Enc = (w, v: DisconnectRecord) => {
  w.fieldString(1, v.reason);
  w.fieldFixed32(2, v.reasonCode);
};
/** MQTTConnectRecord and STOMPConnectRecord: version = 1, then the topic or destination = 2. */
const encConnect: Enc = (w, v: MQTTConnectRecord | STOMPConnectRecord) => {
  w.fieldEnum(1, v.version);
  w.fieldString(2, 'subscribedTopic' in v ? v.subscribedTopic : v.subscribedDestination);
};

function fieldUint64(w: Writer, no: number, v: bigint): void {
  if (v !== 0n) {
    w.byte((no << 3) | WIRE_VARINT);
    writeUint64(w, v);
  }
}

function encSessionContext(w: Writer, m: SessionContextRecord): void {
  fieldUint64(w, 1, m.sessionId);
  fieldUint64(w, 2, m.sequenceId);
  fieldUint64(w, 3, m.expectedId);
  fieldUint64(w, 4, m.retransmitId);
  w.fieldEnum(5, m.payloadSarState);
  w.fieldEnum(6, m.payloadrecSarState);
  // Repeated bytes: every element is written, empty ones too.
  const p = m.payload;
  for (let i = 0; i < p.length; i++) {
    if (p[i].length !== 0) w.fieldBytes(7, p[i]);
    else {
      w.byte(0x3a);
      w.byte(0);
    }
  }
}

function decRecord(r: Reader, end: number, d: number, types: (i: number) => Dec): UspRecord {
  const m: UspRecord = {
    version: '',
    toId: '',
    fromId: '',
    payloadSecurity: 0,
    macSignature: EMPTY,
    senderCert: EMPTY,
    recordType: undefined as unknown as UspRecord['recordType'],
  };
  let rt: UspRecord['recordType'] | undefined;
  while (r.pos < end) {
    const t = r.varint32();
    const i = (t >>> 3) - 7;
    if ((t & 7) === 2 && i >= 0 && i < RECORD_CASE_COUNT) {
      if (rt !== undefined) r.fail('oneof-twice'); // R-ENC.4
      rt = { case: listItem(RECORD_CASES, i), value: types(i)(r, r.sub(d), d + 1) } as UspRecord['recordType'];
      continue;
    }
    switch (t) {
      case 0x0a: m.version = r.string(); break;
      case 0x12: m.toId = r.string(); break;
      case 0x1a: m.fromId = r.string(); break;
      case 0x20: m.payloadSecurity = r.enumOf(1); break;
      case 0x2a: m.macSignature = r.bytes(); break;
      case 0x32: m.senderCert = r.bytes(); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  if (rt === undefined) r.fail('oneof-missing'); // R-ENC.3
  m.recordType = rt;
  return m;
}

function decNoSession(r: Reader, end: number, d: number): NoSessionContextRecord {
  const m: NoSessionContextRecord = { payload: EMPTY };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x12) m.payload = r.bytes();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decSessionContext(r: Reader, end: number, d: number): SessionContextRecord {
  const m: SessionContextRecord = {
    sessionId: 0n,
    sequenceId: 0n,
    expectedId: 0n,
    retransmitId: 0n,
    payloadSarState: 0,
    payloadrecSarState: 0,
    payload: [],
  };
  while (r.pos < end) {
    const t = r.varint32();
    switch (t) {
      case 0x08: m.sessionId = readUint64(r); break;
      case 0x10: m.sequenceId = readUint64(r); break;
      case 0x18: m.expectedId = readUint64(r); break;
      case 0x20: m.retransmitId = readUint64(r); break;
      case 0x28: m.payloadSarState = r.enumOf(3); break;
      case 0x30: m.payloadrecSarState = r.enumOf(3); break;
      case 0x3a: m.payload.push(r.bytes()); break;
      default: r.skip(t, d);
    }
  }
  r.done(end);
  return m;
}

function decEmpty(r: Reader, end: number, d: number): object {
  while (r.pos < end) r.skip(r.varint32(), d);
  r.done(end);
  return {};
}

function decMqttConnect(r: Reader, end: number, d: number): MQTTConnectRecord {
  const m: MQTTConnectRecord = { version: 0, subscribedTopic: '' };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x08) m.version = r.enumOf(1);
    else if (t === 0x12) m.subscribedTopic = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decStompConnect(r: Reader, end: number, d: number): STOMPConnectRecord {
  const m: STOMPConnectRecord = { version: 0, subscribedDestination: '' };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x08) m.version = r.enumOf(0);
    else if (t === 0x12) m.subscribedDestination = r.string();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

function decDisconnect(r: Reader, end: number, d: number): DisconnectRecord {
  const m: DisconnectRecord = { reason: '', reasonCode: 0 };
  while (r.pos < end) {
    const t = r.varint32();
    if (t === 0x0a) m.reason = r.string();
    else if (t === 0x15) m.reasonCode = r.fixed32();
    else r.skip(t, d);
  }
  r.done(end);
  return m;
}

// Encoders and decoders of the record_type members, by field number - 7 (RECORD_CASES). The full
// tables are marked pure: only the full coders use them, so the device bundle (Agent coders only)
// leaves them and every coder they alone name out (issue 10: a frozen array is a side effect to
// esbuild, which kept the Session Context, MQTT and STOMP coders and the uint64 primitives).
// The Agent's are functions, not tables: it has two encoders and one decoder (a table item is a
// 16 B slot on the board).
const ALL_ENC: readonly (Enc | undefined)[] = /* @__PURE__ */ Object.freeze([
  encNoSession, encSessionContext as Enc, encNothing, encConnect, encConnect, encDisconnect, encNothing]);
const allEnc = (i: number): Enc | undefined => ALL_ENC[i];
const agentEnc = (i: number): Enc | undefined => (i === 0 ? encNoSession : i === 5 ? encDisconnect : undefined);
const ALL_DEC: readonly Dec[] = /* @__PURE__ */ Object.freeze([
  decNoSession, decSessionContext, decEmpty, decMqttConnect, decStompConnect, decDisconnect, decEmpty]);
const allDec = (i: number): Dec => ALL_DEC[i];
const agentDec = (i: number): Dec => (i === 0 ? decNoSession : skipBody);
