// Differential property tests: the own codec against @bufbuild/protobuf (the oracle), on random
// messages of every Msg body type and every Record type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeMsg, decodeMsg, encodeRecord, decodeRecord, type Msg, type UspRecord } from '../../src/codec/index.ts';
import { msg, record } from './arbitraries.ts';
import {
  msgToPb, recordToPb, pbEncodeMsg, pbEncodeRecord, pbDecodeMsg, pbDecodeRecord, fromPb, sameMsg, sameRecord, hex,
  MsgSchema, RecordSchema,
} from './support.ts';
import { equals } from '@bufbuild/protobuf';

const out = new Uint8Array(1 << 20);
const RUNS = { numRuns: 300 };

function ownMsg(m: Msg): Uint8Array {
  return out.slice(0, encodeMsg(m, out));
}
function ownRecord(r: UspRecord): Uint8Array {
  return out.slice(0, encodeRecord(r, out));
}

test('given a random Msg, when encoded by both codecs, then the bytes are identical', () => {
  fc.assert(
    fc.property(msg, (m) => {
      assert.equal(hex(ownMsg(m)), hex(pbEncodeMsg(m)));
    }),
    RUNS,
  );
});

test('given a random Msg, when own-encoded and protobuf-es-decoded, then the values are equal', () => {
  fc.assert(
    fc.property(msg, (m) => {
      assert.ok(equals(MsgSchema, pbDecodeMsg(ownMsg(m)), msgToPb(m)));
    }),
    RUNS,
  );
});

test('given a random Msg, when protobuf-es-encoded and own-decoded, then the values are equal and re-encode identically', () => {
  fc.assert(
    fc.property(msg.filter((m) => m.body !== undefined), (m) => {
      const bytes = pbEncodeMsg(m);
      const decoded = decodeMsg(bytes);
      assert.ok(sameMsg(decoded, m));
      assert.ok(sameMsg(decoded, fromPb<Msg>(pbDecodeMsg(bytes))));
      assert.equal(hex(ownMsg(decoded)), hex(bytes));
    }),
    RUNS,
  );
});

test('given a random Record, when encoded by both codecs, then the bytes are identical', () => {
  fc.assert(
    fc.property(record, (r) => {
      assert.equal(hex(ownRecord(r)), hex(pbEncodeRecord(r)));
    }),
    RUNS,
  );
});

test('given a random Record, when own-encoded and protobuf-es-decoded, then the values are equal', () => {
  fc.assert(
    fc.property(record, (r) => {
      assert.ok(equals(RecordSchema, pbDecodeRecord(ownRecord(r)), recordToPb(r)));
    }),
    RUNS,
  );
});

test('given a random Record, when protobuf-es-encoded and own-decoded, then the values are equal', () => {
  fc.assert(
    fc.property(record, (r) => {
      const bytes = pbEncodeRecord(r);
      const decoded = decodeRecord(bytes);
      assert.ok(sameRecord(decoded, r));
      assert.equal(hex(ownRecord(decoded)), hex(bytes));
    }),
    RUNS,
  );
});

test('given a Msg too big for the buffer, when encoded, then EncodeOverflowError is thrown for every smaller buffer size', () => {
  fc.assert(
    fc.property(msg, fc.nat(), (m, cut) => {
      const n = ownMsg(m).length;
      if (n === 0) return;
      const small = new Uint8Array(cut % n);
      assert.throws(() => encodeMsg(m, small), { name: 'EncodeOverflowError' });
      // The same Writer still works afterwards.
      assert.equal(encodeMsg(m, new Uint8Array(n)), n);
    }),
    { numRuns: 300 },
  );
});

test('given a Record too big for the buffer, when encoded, then EncodeOverflowError is thrown and an exact-size buffer works', () => {
  fc.assert(
    fc.property(record, fc.nat(), (r, cut) => {
      const n = ownRecord(r).length;
      if (n === 0) return;
      assert.throws(() => encodeRecord(r, new Uint8Array(cut % n)), { name: 'EncodeOverflowError' });
      assert.equal(encodeRecord(r, new Uint8Array(n)), n);
    }),
    { numRuns: 300 },
  );
});
