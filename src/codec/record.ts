// USP Record encode/decode (usp_record package). Tags are written as their one-byte wire form:
// (field number << 3) | wire type, e.g. 0x3a = field 7, length-delimited.
import type { Writer } from './wire.ts';
import type { Reader } from './reader.ts';
import { topDecoder, topEncoder, topSizer } from './top.ts';
import { EncodeError, type DecodeLimits } from './errors.ts';
import type {
  UspRecord, NoSessionContextRecord, SessionContextRecord, MQTTConnectRecord, STOMPConnectRecord,
  DisconnectRecord, WebSocketConnectRecord, UDSConnectRecord,
} from './record-types.ts';

const EMPTY = new Uint8Array(0);

/** Encodes `rec` into `out` from offset 0; returns the length. Throws EncodeOverflowError when it does not fit. */
export const encodeRecord: (rec: UspRecord, out: Uint8Array) => number = topEncoder(encRecord);

/** The length encodeRecord gives `rec`, counted without a buffer. */
export const sizeRecord: (rec: UspRecord) => number = topSizer(encRecord);

/** Decodes one Record; throws DecodeError (R-ENC.2 unknown enum, R-ENC.3-5 oneof, bounds). */
export const decodeRecord: (bytes: Uint8Array, limits?: DecodeLimits) => UspRecord = topDecoder(decRecord);

function encRecord(w: Writer, m: UspRecord): void {
  w.fieldString(1, m.version);
  w.fieldString(2, m.toId);
  w.fieldString(3, m.fromId);
  w.fieldEnum(4, m.payloadSecurity);
  w.fieldBytes(5, m.macSignature);
  w.fieldBytes(6, m.senderCert);
  const rt = m.recordType;
  let at: number;
  switch (rt.case) {
    case 'noSessionContext':
      at = w.fork(7);
      w.fieldBytes(2, rt.value.payload);
      break;
    case 'sessionContext':
      at = w.fork(8);
      encSessionContext(w, rt.value);
      break;
    case 'websocketConnect':
      at = w.fork(9);
      break;
    case 'mqttConnect':
      at = w.fork(10);
      w.fieldEnum(1, rt.value.version);
      w.fieldString(2, rt.value.subscribedTopic);
      break;
    case 'stompConnect':
      at = w.fork(11);
      w.fieldEnum(1, rt.value.version);
      w.fieldString(2, rt.value.subscribedDestination);
      break;
    case 'disconnect':
      at = w.fork(12);
      w.fieldString(1, rt.value.reason);
      w.fieldFixed32(2, rt.value.reasonCode);
      break;
    case 'udsConnect':
      at = w.fork(13);
      break;
    default:
      throw new EncodeError('Record.record_type not set'); // R-ENC.3
  }
  w.join(at);
}

function encSessionContext(w: Writer, m: SessionContextRecord): void {
  w.fieldUint64(1, m.sessionId);
  w.fieldUint64(2, m.sequenceId);
  w.fieldUint64(3, m.expectedId);
  w.fieldUint64(4, m.retransmitId);
  w.fieldEnum(5, m.payloadSarState);
  w.fieldEnum(6, m.payloadrecSarState);
  // Repeated bytes: every element is written, empty ones too.
  const p = m.payload;
  for (let i = 0; i < p.length; i++) {
    w.tag(7, 2);
    w.bytes(p[i]);
  }
}

function decRecord(r: Reader, end: number, d: number): UspRecord {
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
    if (t >= 0x3a && t <= 0x6a && (t & 7) === 2 && rt !== undefined) r.fail('oneof-twice'); // R-ENC.4
    switch (t) {
      case 0x0a: m.version = r.string(); break;
      case 0x12: m.toId = r.string(); break;
      case 0x1a: m.fromId = r.string(); break;
      case 0x20: m.payloadSecurity = r.enumOf(1); break;
      case 0x2a: m.macSignature = r.bytes(); break;
      case 0x32: m.senderCert = r.bytes(); break;
      case 0x3a: rt = { case: 'noSessionContext', value: decNoSession(r, r.sub(d), d + 1) }; break;
      case 0x42: rt = { case: 'sessionContext', value: decSessionContext(r, r.sub(d), d + 1) }; break;
      case 0x4a: rt = { case: 'websocketConnect', value: decEmpty(r, r.sub(d), d + 1) as WebSocketConnectRecord }; break;
      case 0x52: rt = { case: 'mqttConnect', value: decMqttConnect(r, r.sub(d), d + 1) }; break;
      case 0x5a: rt = { case: 'stompConnect', value: decStompConnect(r, r.sub(d), d + 1) }; break;
      case 0x62: rt = { case: 'disconnect', value: decDisconnect(r, r.sub(d), d + 1) }; break;
      case 0x6a: rt = { case: 'udsConnect', value: decEmpty(r, r.sub(d), d + 1) as UDSConnectRecord }; break;
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
      case 0x08: m.sessionId = r.uint64(); break;
      case 0x10: m.sequenceId = r.uint64(); break;
      case 0x18: m.expectedId = r.uint64(); break;
      case 0x20: m.retransmitId = r.uint64(); break;
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
