// Malformed and hostile input: each gets its typed DecodeError (R-ENC.2-5, bounds), unknown
// fields are skipped, and mutated valid encodings never crash, hang or throw anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { decodeMsg, decodeRecord, encodeMsg, DecodeError, EntryMap, type DecodeLimits } from '../../src/codec/index.ts';
import { makeVectors } from './vectors.ts';
import { msg, record } from './arbitraries.ts';
import { pbEncodeMsg, pbEncodeRecord } from './support.ts';

const reason = (r: string) => (e: unknown) => e instanceof DecodeError && e.reason === r;
const bw = () => new BinaryWriter();
/** Msg{ body{ request{ get{} } } } built by hand, with `extra` appended inside Request. */
function requestWith(extra: (w: BinaryWriter) => void): Uint8Array {
  const req = bw();
  extra(req);
  const body = bw().tag(1, 2).bytes(req.finish()).finish();
  return bw().tag(2, 2).bytes(body).finish();
}

test('given a Request with two req_type members, when decoded, then oneof-twice (R-ENC.4)', () => {
  const bytes = requestWith((w) => w.tag(1, 2).bytes(new Uint8Array(0)).tag(6, 2).bytes(new Uint8Array(0)));
  assert.throws(() => decodeMsg(bytes), reason('oneof-twice'));
  const same = requestWith((w) => w.tag(1, 2).bytes(new Uint8Array(0)).tag(1, 2).bytes(new Uint8Array(0)));
  assert.throws(() => decodeMsg(same), reason('oneof-twice'));
});

test('given a Request with no req_type, when decoded, then oneof-missing (R-ENC.3)', () => {
  assert.throws(() => decodeMsg(requestWith(() => {})), reason('oneof-missing'));
  assert.throws(() => decodeMsg(bw().tag(2, 2).bytes(new Uint8Array(0)).finish()), reason('oneof-missing')); // empty Body
  assert.throws(() => decodeRecord(bw().tag(1, 2).string('1.2').finish()), reason('oneof-missing'));
});

test('given a Record with two record types, when decoded, then oneof-twice', () => {
  const bytes = bw().tag(7, 2).bytes(new Uint8Array(0)).tag(12, 2).bytes(new Uint8Array(0)).finish();
  assert.throws(() => decodeRecord(bytes), reason('oneof-twice'));
});

test('given an unknown enum value, when decoded, then unknown-enum (R-ENC.2)', () => {
  const header = (t: number) => bw().tag(1, 2).bytes(bw().tag(2, 0).int32(t).finish()).finish();
  assert.throws(() => decodeMsg(header(23)), reason('unknown-enum'));
  assert.throws(() => decodeMsg(header(-1)), reason('unknown-enum'));
  assert.equal(decodeMsg(header(22)).header?.msgType, 22);
  const rec = bw().tag(4, 0).int32(2).tag(7, 2).bytes(new Uint8Array(0)).finish();
  assert.throws(() => decodeRecord(rec), reason('unknown-enum'));
});

test('given unknown fields of every wire type, when decoded, then they are skipped', () => {
  const known = pbEncodeMsg({ header: { msgId: 'x', msgType: 1 }, body: { msgBody: { case: 'request', value: { reqType: { case: 'get', value: { paramPaths: ['Device.'], maxDepth: 0 } } } } } });
  const unknown = bw().tag(99, 0).uint64(123n).tag(98, 1).fixed64(1n).tag(97, 2).string('zz').tag(96, 5).fixed32(9)
    .tag(95, 3).tag(1, 0).int32(1).tag(95, 4).finish();
  const m = decodeMsg(Uint8Array.from([...unknown, ...known, ...unknown]));
  assert.equal(m.header?.msgId, 'x');
  assert.equal(m.body?.msgBody.case, 'request');
});

test('given a header field twice, when decoded, then the two are merged as protobuf says', () => {
  const bytes = bw().tag(1, 2).bytes(bw().tag(1, 2).string('a').finish()).tag(1, 2).bytes(bw().tag(2, 0).int32(1).finish()).finish();
  assert.deepEqual(decodeMsg(bytes).header, { msgId: 'a', msgType: 1 });
});

test('given nesting deeper than maxDepth or input beyond maxBytes, when decoded, then too-deep / too-large', () => {
  const v = makeVectors().find((x) => x.name === 'msg-set-resp')!; // 9 levels with a map entry
  assert.throws(() => decodeMsg(v.bytes, { maxDepth: 4, maxBytes: 1 << 16 }), reason('too-deep'));
  assert.ok(decodeMsg(v.bytes, { maxDepth: 16, maxBytes: 1 << 16 }));
  assert.throws(() => decodeMsg(v.bytes, { maxDepth: 16, maxBytes: v.bytes.length - 1 }), reason('too-large'));
  assert.throws(() => decodeRecord(new Uint8Array(9000), { maxDepth: 16, maxBytes: 8192 }), reason('too-large'));
});

test('given a request list beyond maxItems, when decoded, then too-many before the items after it are read', () => {
  const get = (paths: (string | Uint8Array)[]) => requestWith((w) => {
    const g = bw();
    for (const p of paths) g.tag(1, 2).bytes(typeof p === 'string' ? new TextEncoder().encode(p) : p);
    w.tag(1, 2).bytes(g.finish());
  });
  const limits = (maxItems?: number): DecodeLimits => ({ maxDepth: 16, maxBytes: 1 << 16, maxItems });
  const p = 'Device.DeviceInfo.SerialNumber';
  assert.deepEqual(decodeMsg(get([p, p, p, p]), limits(4)).body?.msgBody.case, 'request');
  assert.throws(() => decodeMsg(get([p, p, p, p, p]), limits(4)), reason('too-many'));
  // The fifth path is not UTF-8: with the bound it is never read, without it it is.
  const bad = get([p, p, p, p, Uint8Array.of(0xff)]);
  assert.throws(() => decodeMsg(bad, limits(4)), reason('too-many'));
  assert.throws(() => decodeMsg(bad, limits()), reason('bad-utf8'));
  // Set: the parameter settings of one object are bounded too.
  const set = requestWith((w) => {
    const obj = bw().tag(1, 2).string('Device.DeviceInfo.');
    for (let i = 0; i < 5; i++) obj.tag(2, 2).bytes(bw().tag(1, 2).string('FriendlyName').tag(2, 2).string('x' + i).finish());
    w.tag(4, 2).bytes(bw().tag(2, 2).bytes(obj.finish()).finish());
  });
  assert.throws(() => decodeMsg(set, limits(4)), reason('too-many'));
  assert.equal(decodeMsg(set, limits(5)).body?.msgBody.case, 'request');
});

test('given no string cache, when every vector is decoded, then the result is the same as with the cache (the full codec\'s default)', () => {
  for (const v of makeVectors()) {
    const limits: DecodeLimits = { maxDepth: 32, maxBytes: 1 << 20 };
    if (v.kind === 'msg') assert.deepEqual(decodeMsg(v.bytes, limits), decodeMsg(v.bytes), v.name);
    else assert.deepEqual(decodeRecord(v.bytes, limits), decodeRecord(v.bytes), v.name);
  }
});

test('given a submessage whose last field runs past its end, when decoded, then truncated', () => {
  // Header of length 2 holding a string field of length 3.
  const bytes = Uint8Array.from([0x0a, 0x02, 0x0a, 0x03, 0x61, 0x62, 0x63]);
  assert.throws(() => decodeMsg(bytes), reason('truncated'));
});

test('given a map entry with a "__proto__" key, when decoded, then it is plain data', () => {
  const entry = bw().tag(1, 2).string('__proto__').tag(2, 2).string('polluted').finish();
  const op = bw().tag(1, 2).string('X()').tag(4, 2).bytes(entry).finish();
  const bytes = bw().tag(2, 2).bytes(bw().tag(1, 2).bytes(bw().tag(7, 2).bytes(op).finish()).finish()).finish();
  const d = decodeMsg(bytes);
  const args = (d.body!.msgBody.value as unknown as { reqType: { value: { inputArgs: EntryMap } } }).reqType.value.inputArgs;
  assert.ok(args instanceof EntryMap);
  assert.deepEqual([...args], [['__proto__', 'polluted']]);
  assert.equal(args.get('toString'), undefined);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('given map entries with integer-like and repeated keys, when decoded and re-encoded, then wire order is kept and the last value wins', () => {
  // A JS object would list "42" and "7" first; a Map keeps the wire order.
  const entry = (k: string, v: string) => bw().tag(1, 2).string(k).tag(2, 2).string(v).finish();
  let op = bw().tag(1, 2).string('X()');
  for (const [k, v] of [['b', '1'], ['42', '2'], ['7', '3'], ['b', '4']]) op = op.tag(4, 2).bytes(entry(k, v));
  const bytes = bw().tag(2, 2).bytes(bw().tag(1, 2).bytes(bw().tag(7, 2).bytes(op.finish()).finish()).finish()).finish();
  const d = decodeMsg(bytes);
  const args = (d.body!.msgBody.value as unknown as { reqType: { value: { inputArgs: EntryMap } } }).reqType.value.inputArgs;
  assert.deepEqual([...args], [['b', '4'], ['42', '2'], ['7', '3']]);
  // Re-encoded: one entry per key, in that order.
  const out = new Uint8Array(256);
  const again = decodeMsg(out.slice(0, encodeMsg(d, out)));
  assert.deepEqual([...(again.body!.msgBody.value as unknown as { reqType: { value: { inputArgs: EntryMap } } }).reqType.value.inputArgs], [['b', '4'], ['42', '2'], ['7', '3']]);
});

/** Decoding either succeeds or throws DecodeError, and terminates; anything else fails the test. */
function decodeSafely(bytes: Uint8Array, kind: 'msg' | 'record', limits?: DecodeLimits): void {
  try {
    if (kind === 'msg') decodeMsg(bytes, limits);
    else decodeRecord(bytes, limits);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
  }
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(src: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = Array.from(src);
  for (const m of muts) {
    const at = b.length ? m.at % b.length : 0;
    if (m.op === 'flip' && b.length) b[at] ^= 1 << m.bit;
    else if (m.op === 'set' && b.length) b[at] = m.byte;
    else if (m.op === 'insert') b.splice(at, 0, ...m.bytes);
    else if (m.op === 'delete') b.splice(at, m.n);
    else if (m.op === 'truncate') b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

test('given mutated vectors (flips, insertions, deletions, truncations), when decoded, then success or DecodeError only', () => {
  const vectors = makeVectors();
  fc.assert(
    fc.property(fc.integer({ min: 0, max: vectors.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, muts) => {
      const v = vectors[i];
      decodeSafely(mutate(v.bytes, muts), v.kind, { maxDepth: 16, maxBytes: 8192 });
    }),
    { numRuns: 3000 },
  );
});

test('given mutated random messages and records, when decoded, then success or DecodeError only', () => {
  fc.assert(
    fc.property(fc.oneof(msg.map((m) => ['msg', pbEncodeMsg(m)] as const), record.map((r) => ['record', pbEncodeRecord(r)] as const)),
      fc.array(mutation, { minLength: 1, maxLength: 3 }), ([kind, bytes], muts) => {
        decodeSafely(mutate(bytes, muts), kind);
      }),
    { numRuns: 500 },
  );
});

test('given random bytes, when decoded, then success or DecodeError only', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      decodeSafely(bytes, 'msg');
      decodeSafely(bytes, 'record');
    }),
    { numRuns: 2000 },
  );
});

test('given a decoded-then-mutated success, when re-encoded, then it still encodes (decoded objects are well-formed)', () => {
  const vectors = makeVectors().filter((v) => v.kind === 'msg');
  const out = new Uint8Array(1 << 16);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: vectors.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 2 }), (i, muts) => {
      let m;
      try {
        m = decodeMsg(mutate(vectors[i].bytes, muts));
      } catch (e) {
        if (e instanceof DecodeError) return;
        throw e;
      }
      const n = encodeMsg(m, out);
      assert.ok(n >= 0);
    }),
    { numRuns: 1000 },
  );
});
