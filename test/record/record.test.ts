import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openRecord, messageRecord, sealRecordExact } from '../../src/record/record.ts';
import { RECORD_VERSION } from '../../src/names.ts';
import { decodeRecord, UspRecord_PayloadSecurity, SessionContextRecord_PayloadSARState } from '../../src/codec/index.ts';
import { AGENT_ID, CONTROLLER_ID, encodeRecordBytes, recordOf } from '../support/usp-harness.ts';

const limits = { maxDepth: 32, maxBytes: 65536 };
const ctx = { endpointId: AGENT_ID, limits };
const payload = new Uint8Array([0x0a, 0x03, 0x0a, 0x01, 0x41]);

function str(field: number, s: string): number[] {
  const b = [...Buffer.from(s)];
  return [(field << 3) | 2, b.length, ...b];
}

test('given a plaintext no_session_context Record to us, then its payload goes to the message layer', () => {
  const r = openRecord(encodeRecordBytes(recordOf(payload)), ctx);
  assert.equal(r.kind, 'msg');
  if (r.kind !== 'msg') return;
  assert.equal(r.fromId, CONTROLLER_ID);
  assert.deepEqual([...r.payload], [...payload]);
});

test('R-E2E.1: a Record addressed to another endpoint is ignored', () => {
  const r = openRecord(encodeRecordBytes(recordOf(payload, CONTROLLER_ID, 'proto::someone-else')), ctx);
  assert.equal(r.kind, 'ignore');
});

test('R-COAP.13: undecodable bytes → bad-record (CoAP 4.00)', () => {
  assert.equal(openRecord(new Uint8Array([0xff, 0xff, 0xff]), ctx).kind, 'bad-record');
  assert.equal(openRecord(new Uint8Array([0x0a, 0x10, 0x31]), ctx).kind, 'bad-record'); // truncated
});

test('R-ENC.3/4: a Record with no record_type set → bad-record', () => {
  const bytes = new Uint8Array([...str(1, '1.2'), ...str(2, AGENT_ID), ...str(3, CONTROLLER_ID)]);
  const r = openRecord(bytes, ctx);
  assert.equal(r.kind, 'bad-record');
  assert.match(r.kind === 'bad-record' ? r.why : '', /oneof-missing/);
});

test('R-ENC.3/4: a Record with two record types set → bad-record', () => {
  const nsc = [0x3a, payload.length + 2, 0x12, payload.length, ...payload];
  const ws = [0x4a, 0x00];
  const r = openRecord(new Uint8Array([...str(1, '1.2'), ...str(2, AGENT_ID), ...str(3, CONTROLLER_ID), ...nsc, ...ws]), ctx);
  assert.equal(r.kind, 'bad-record');
});

test('R-ENC.2: an unknown payload_security enum value → bad-record', () => {
  const nsc = [0x3a, payload.length + 2, 0x12, payload.length, ...payload];
  const bytes = new Uint8Array([...str(1, '1.2'), ...str(2, AGENT_ID), ...str(3, CONTROLLER_ID), 0x20, 0x07, ...nsc]);
  const r = openRecord(bytes, ctx);
  assert.equal(r.kind, 'bad-record');
  assert.match(r.kind === 'bad-record' ? r.why : '', /unknown-enum/);
});

test('R-E2E.41: payload_security TLS12 (E2E not supported) → Disconnect Record 7102 to the sender', () => {
  const r = openRecord(encodeRecordBytes(recordOf(payload, CONTROLLER_ID, AGENT_ID, { payloadSecurity: UspRecord_PayloadSecurity.TLS12 })), ctx);
  assert.equal(r.kind, 'reply');
  if (r.kind !== 'reply') return;
  assert.equal(r.record.toId, CONTROLLER_ID);
  assert.equal(r.record.fromId, AGENT_ID);
  assert.equal(r.record.version, RECORD_VERSION);
  assert.equal(r.record.recordType.case, 'disconnect');
  assert.equal(r.record.recordType.case === 'disconnect' && r.record.recordType.value.reasonCode, 7102);
});

test('R-E2E.6a: a session_context Record → Disconnect Record 7106, payload never processed', () => {
  const rec = recordOf(payload, CONTROLLER_ID, AGENT_ID, {
    recordType: {
      case: 'sessionContext',
      value: {
        sessionId: 5n, sequenceId: 1n, expectedId: 1n, retransmitId: 0n,
        payloadSarState: SessionContextRecord_PayloadSARState.NONE,
        payloadrecSarState: SessionContextRecord_PayloadSARState.NONE,
        payload: [payload],
      },
    },
  });
  const r = openRecord(encodeRecordBytes(rec), ctx);
  assert.equal(r.kind, 'reply');
  if (r.kind !== 'reply') return;
  const back = decodeRecord(sealRecordExact(r.record, 512));
  assert.equal(back.recordType.case, 'disconnect');
  if (back.recordType.case === 'disconnect') {
    assert.equal(back.recordType.value.reasonCode, 7106);
    assert.ok(back.recordType.value.reason.length > 0);
  }
});

test('R-E2E.26: an empty no_session_context payload → Disconnect 7104', () => {
  const r = openRecord(encodeRecordBytes(recordOf(new Uint8Array(0))), ctx);
  assert.equal(r.kind, 'reply');
  assert.equal(r.kind === 'reply' && r.record.recordType.case === 'disconnect' && r.record.recordType.value.reasonCode, 7104);
});

test('R-SEC.0a: from_id must match the MTP-authenticated identity, else the Record is dropped', () => {
  const bytes = encodeRecordBytes(recordOf(payload));
  assert.equal(openRecord(bytes, { ...ctx, mtpIdentity: 'proto::impostor' }).kind, 'ignore');
  assert.equal(openRecord(bytes, { ...ctx, mtpIdentity: CONTROLLER_ID }).kind, 'msg');
});

test('a Record without from_id → bad-record; Disconnect and Connect records are ignored', () => {
  assert.equal(openRecord(encodeRecordBytes(recordOf(payload, '')), ctx).kind, 'bad-record');
  const disc = recordOf(payload, CONTROLLER_ID, AGENT_ID, { recordType: { case: 'disconnect', value: { reason: 'bye', reasonCode: 7105 } } });
  assert.equal(openRecord(encodeRecordBytes(disc), ctx).kind, 'ignore');
  const ws = recordOf(payload, CONTROLLER_ID, AGENT_ID, { recordType: { case: 'websocketConnect', value: {} } });
  assert.equal(openRecord(encodeRecordBytes(ws), ctx).kind, 'ignore');
});

test('messageRecord: version 1.4, plaintext no_session_context, round-trips through the codec', () => {
  const out = decodeRecord(sealRecordExact(messageRecord(CONTROLLER_ID, AGENT_ID, payload), 256));
  assert.equal(out.version, '1.4');
  assert.equal(out.toId, CONTROLLER_ID);
  assert.equal(out.fromId, AGENT_ID);
  assert.equal(out.payloadSecurity, UspRecord_PayloadSecurity.PLAINTEXT);
  assert.equal(out.recordType.case, 'noSessionContext');
});
