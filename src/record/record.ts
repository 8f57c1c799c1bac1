// USP Records (digest §6): open an inbound Record into the one Msg payload it carries, and
// build the Records we send. Only `no_session_context` with PLAINTEXT is implemented (the mode
// R-E2E.26 and §6.5 name as the minimum); everything else gets the answer USP 1.2 allows.
//
// Session Context choice (USP 1.2, R-E2E.6a): this Agent does not support Session Context.
// A `session_context` Record is answered with a DisconnectRecord carrying reason_code 7106
// "Session Context not allowed" and its payload is never processed. (1.0/1.1 had no opt-out;
// we speak 1.2 semantics, design.md "Wire version".)
// The Agent's Record codec (codec/record.ts *AgentRecord) reads only the case of a Record other
// than no_session_context and writes only no_session_context and disconnect (issue 10: flash).
import {
  decodeAgentRecord,
  encodeAgentRecordExact,
  DecodeError,
  UspRecord_PayloadSecurity,
  type DecodeLimits,
  type UspRecord,
} from '../codec/index.ts';
import { EMPTY } from '../codec/top.ts';
import { ErrorCode, errorName } from '../errors.ts';
import { RECORD_VERSION } from '../names.ts';


/** What the MTP must do with an inbound Record. */
export type RecordIntake =
  /** A plaintext Msg from `fromId` to hand to the message layer. */
  | { kind: 'msg'; fromId: string; payload: Uint8Array }
  /** Answer with this Record (a DisconnectRecord), process nothing. */
  | { kind: 'reply'; record: UspRecord; why: string }
  /** Process nothing and answer nothing at USP level (the MTP still acknowledges). */
  | { kind: 'ignore'; why: string; self?: true; spoofed?: true }
  /** The Record is malformed: the MTP answers "bad request" (CoAP 4.00, R-COAP.13, R-ENC.2@1.0). */
  | { kind: 'bad-record'; why: string };

export interface RecordContext {
  /** Our own Endpoint ID (Device.LocalAgent.EndpointID). */
  endpointId: string;
  limits: DecodeLimits;
  /**
   * The Endpoint ID the MTP authenticated (DTLS peer certificate SAN), when it did. If given it
   * must equal `from_id` (R-SEC.0a, R-SEC.10a); the MTP decides whether an unauthenticated link
   * is acceptable at all (R-SEC.0).
   */
  mtpIdentity?: string;
}

/** Decode and check one inbound Record (digest §6.1, §6.5, §9.3). Never throws on bad input. */
export function openRecord(bytes: Uint8Array, ctx: RecordContext): RecordIntake {
  let rec: UspRecord;
  try {
    rec = decodeAgentRecord(bytes, ctx.limits);
  } catch (e) {
    // Undecodable, a oneof set zero/two times (R-ENC.3-4: discard the Record) or an unknown enum
    // value (R-ENC.2): all are "bad request" for the MTP.
    if (e instanceof DecodeError) return { kind: 'bad-record', why: 'record ' + e.reason };
    return { kind: 'bad-record', why: 'record undecodable' };
  }
  // R-E2E.1: a Record not addressed to us is ignored.
  if (rec.toId !== ctx.endpointId) return { kind: 'ignore', why: 'to_id is not ours' };
  // Without from_id there is nobody to answer or to authorise (R-SEC.0a).
  if (rec.fromId === '') return { kind: 'bad-record', why: 'from_id missing' };
  // R-ARC.2 (digest §9.1): an Agent never talks USP to itself, even when an Agent and a Controller
  // share an Endpoint ID: a Record from our own ID is not processed and gets no answer at all.
  if (rec.fromId === ctx.endpointId) return { kind: 'ignore', why: 'from_id is our own Endpoint ID', self: true };
  // R-SEC.0a / R-SEC.10a: the from_id must match the MTP-authenticated identity; drop otherwise.
  if (ctx.mtpIdentity !== undefined && ctx.mtpIdentity !== rec.fromId) {
    return { kind: 'ignore', why: 'from_id does not match the MTP identity', spoofed: true };
  }
  const type = rec.recordType;
  switch (type.case) {
    case 'noSessionContext': {
      // R-E2E.41: E2E TLS requires a Session Context; we implement neither. Answer like the
      // reference agent (obuspa): Disconnect 7102 "Secure session not supported".
      if (rec.payloadSecurity !== UspRecord_PayloadSecurity.PLAINTEXT) {
        return disconnectReply(rec.fromId, ctx.endpointId, ErrorCode.SECURE_SESSION_NOT_SUPPORTED, 'E2E TLS payloads are not supported');
      }
      // R-E2E.26: the payload of a no_session_context Record MUST be non-empty.
      if (type.value.payload.length === 0) {
        return disconnectReply(rec.fromId, ctx.endpointId, ErrorCode.INVALID_RECORD_VALUE, 'empty no_session_context payload');
      }
      return { kind: 'msg', fromId: rec.fromId, payload: type.value.payload };
    }
    case 'sessionContext':
      // R-E2E.6a@1.2: an Agent that does not allow Session Context answers Disconnect 7106.
      return disconnectReply(rec.fromId, ctx.endpointId, ErrorCode.SESSION_CONTEXT_NOT_ALLOWED, 'Session Context is not supported by this Agent');
    case 'disconnect':
      // We hold no session or connection state a peer's Disconnect could end.
      return { kind: 'ignore', why: 'disconnect record' };
    default:
      // WebSocket/MQTT/STOMP/UDS connect records belong to other MTPs; there is no CoAP connect
      // record (digest §6.1), so there is nothing to set up.
      return { kind: 'ignore', why: type.case + ' record' };
  }
}

function disconnectReply(toId: string, fromId: string, code: number, reason: string): RecordIntake {
  // A DisconnectRecord (1.2+) from us to `toId`.
  return { kind: 'reply', record: plainRecord(toId, fromId, { case: 'disconnect', value: { reason, reasonCode: code } }), why: errorName(code) };
}

/** A plaintext Record from us to `toId` (no E2E security: mac_signature and sender_cert empty). */
function plainRecord(toId: string, fromId: string, recordType: UspRecord['recordType']): UspRecord {
  return {
    version: RECORD_VERSION,
    toId,
    fromId,
    payloadSecurity: UspRecord_PayloadSecurity.PLAINTEXT,
    macSignature: EMPTY,
    senderCert: EMPTY,
    recordType,
  };
}

/** The plaintext no_session_context Record carrying one encoded Msg (R-MSG.0a: same type as the request). */
export function messageRecord(toId: string, fromId: string, payload: Uint8Array): UspRecord {
  return plainRecord(toId, fromId, { case: 'noSessionContext', value: { payload } });
}

/**
 * Encode a Record into a new array of exactly its length; EncodeOverflowError beyond `maxBytes`
 * (before anything is allocated). No scratch buffer of the board's messageBytes (issue 10).
 */
export const sealRecordExact: (rec: UspRecord, maxBytes: number) => Uint8Array = encodeAgentRecordExact;
