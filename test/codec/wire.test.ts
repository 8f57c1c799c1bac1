// Unit tests of the wire primitives (src/codec/wire.ts), checked against @bufbuild/protobuf's
// BinaryWriter/BinaryReader and against hand-computed bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import { Writer, varintSize, writeUint64 } from '../../src/codec/wire.ts';
import { Reader, readUint64 } from '../../src/codec/reader.ts';
import { utf8Length } from '../../src/codec/utf8.ts';
import { DecodeError, EncodeOverflowError } from '../../src/codec/errors.ts';
import { hex } from './support.ts';
import { wellFormed } from './arbitraries.ts';

function write(f: (w: Writer) => void, size = 64): Uint8Array {
  const w = new Writer(new Uint8Array(size));
  f(w);
  return w.buf.slice(0, w.pos);
}
const reader = (bytes: number[] | Uint8Array, maxDepth = 32) => new Reader(Uint8Array.from(bytes), maxDepth);
const reason = (r: string) => (e: unknown) => e instanceof DecodeError && e.reason === r;

test('varint32 edge values encode to the protobuf bytes and read back', () => {
  const cases: [number, string][] = [
    [0, '00'], [1, '01'], [127, '7f'], [128, '8001'], [300, 'ac02'], [16383, 'ff7f'], [16384, '808001'],
    [0x1fffff, 'ffff7f'], [0x200000, '80808001'], [0xfffffff, 'ffffff7f'], [0x10000000, '8080808001'], [0xffffffff, 'ffffffff0f'],
  ];
  for (const [v, bytes] of cases) {
    assert.equal(hex(write((w) => w.varint32(v))), bytes, `varint ${v}`);
    assert.equal(varintSize(v), bytes.length / 2);
    assert.equal(reader(Buffer.from(bytes, 'hex')).varint32(), v);
  }
});

test('uint64 bigint edges match protobuf-es and read back', () => {
  const edges = [0n, 1n, 127n, 128n, 0xffffffffn, 0x100000000n, 0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffffffffffn];
  for (const v of edges) {
    const ours = write((w) => writeUint64(w, v));
    assert.equal(hex(ours), hex(new BinaryWriter().uint64(v).finish()), `uint64 ${v}`);
    assert.equal(readUint64(reader(ours)), v);
  }
  fc.assert(fc.property(fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }), (v) => {
    const ours = write((w) => writeUint64(w, v));
    assert.equal(hex(ours), hex(new BinaryWriter().uint64(v).finish()));
    assert.equal(readUint64(reader(ours)), v);
  }));
});

test('uint64 above 2^64-1 is masked to 64 bits (no BigInt.asUintN)', () => {
  assert.equal(hex(write((w) => writeUint64(w, 0x1ffffffffffffffffn))), hex(write((w) => writeUint64(w, 0xffffffffffffffffn))));
});

test('fixed32 is little-endian after its tag and reads back; 0 is not written', () => {
  assert.equal(hex(write((w) => w.fieldFixed32(1, 0xffffffff))), '0dffffffff');
  assert.equal(hex(write((w) => w.fieldFixed32(2, 7026))), '15721b0000');
  assert.equal(hex(write((w) => w.fieldFixed32(1, 0))), '');
  fc.assert(fc.property(fc.integer({ min: 1, max: 0xffffffff }), (v) => {
    assert.equal(reader(write((w) => w.fieldFixed32(1, v)).subarray(1)).fixed32(), v);
  }));
});

test('a negative enum (none in USP) is written as its low 32 bits, which protobuf-es reads back as the same value', () => {
  const bytes = write((w) => w.fieldEnum(1, -1));
  assert.equal(hex(bytes), '08ffffffff0f');
  const r = new BinaryReader(bytes);
  r.tag();
  assert.equal(r.int32(), -1);
  assert.equal(reader(bytes.subarray(1)).varint32() | 0, -1);
});

test('strings: UTF-8 straight into the buffer, identical to TextEncoder (lone surrogates -> U+FFFD)', () => {
  const enc = new TextEncoder();
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 60, maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) })), (s) => {
    const expected = enc.encode(s);
    const bytes = write((w) => w.string(s), 1024);
    assert.equal(hex(bytes), hex(new BinaryWriter().string(s).finish()));
    assert.equal(utf8Length(s), expected.length);
    if (wellFormed(s)) assert.equal(reader(bytes).string(), s);
  }));
});

test('strings whose length prefix needs 2 and 3 bytes are shifted into place', () => {
  for (const s of ['a'.repeat(127), 'a'.repeat(128), '\u00e9'.repeat(64), '\u4e16'.repeat(5462), 'b'.repeat(20000)]) {
    const bytes = write((w) => w.string(s), 70000);
    assert.equal(hex(bytes), hex(new BinaryWriter().string(s).finish()));
    assert.equal(reader(bytes).string(), s);
  }
});

test('strict UTF-8 decode: overlong, surrogate, out-of-range and cut sequences are bad-utf8', () => {
  const bad = [[0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80],
    [0xf5, 0x80, 0x80, 0x80], [0xff], [0x80], [0xe4, 0xb8], [0x61, 0xc3], [0xc3, 0x41]];
  for (const b of bad) {
    assert.throws(() => reader([b.length, ...b]).string(), reason('bad-utf8'), hex(Uint8Array.from(b)));
  }
  // and the valid neighbours decode
  assert.equal(reader([2, 0xc2, 0x80]).string(), '\u0080');
  assert.equal(reader([3, 0xed, 0x9f, 0xbf]).string(), '\ud7ff');
  assert.equal(reader([4, 0xf4, 0x8f, 0xbf, 0xbf]).string(), '\u{10ffff}');
  assert.equal(reader([3, 0xef, 0xbb, 0xbf]).string(), '\ufeff'); // a BOM is data, not stripped
});

test('the short-string cache never returns a wrong string', () => {
  fc.assert(fc.property(fc.array(fc.string({ unit: 'binary-ascii', maxLength: 32 }), { minLength: 1, maxLength: 300 }), (list) => {
    const w = new Writer(new Uint8Array(40 * list.length + 8));
    for (const s of list) w.string(s);
    const r = new Reader(w.buf.slice(0, w.pos), 8);
    for (const s of list) assert.equal(r.string(), s);
  }));
});

test('submessages: fork/join writes 1-, 2- and 3-byte lengths like protobuf-es fork/join', () => {
  for (const n of [0, 1, 127, 128, 16383, 16384, 30000]) {
    const body = new Uint8Array(n).fill(7);
    const ours = write((w) => {
      const at = w.fork(3);
      for (let i = 0; i < n; i++) w.byte(7);
      w.join(at);
    }, 40000);
    assert.equal(hex(ours), hex(new BinaryWriter().tag(3, 2).bytes(body).finish()), `len ${n}`);
  }
});

test('an overflow throws EncodeOverflowError at every primitive and never writes past the buffer', () => {
  const outer = new Uint8Array(16).fill(0xee);
  const view = outer.subarray(4, 8); // 4 bytes inside a larger buffer
  const w = new Writer(view);
  assert.throws(() => w.string('hello'), EncodeOverflowError);
  w.reset(view);
  assert.throws(() => w.varint32(0xffffffff), EncodeOverflowError);
  w.reset(view);
  assert.throws(() => w.fieldBytes(1, new Uint8Array(3)), EncodeOverflowError);
  w.reset(view);
  assert.throws(() => w.fieldFixed32(1, 1), EncodeOverflowError);
  w.reset(view);
  assert.throws(() => writeUint64(w, 0xffffffffffffffffn), EncodeOverflowError);
  w.reset(view);
  w.fieldString(1, 'ab');
  assert.equal(w.pos, 4);
  assert.throws(() => w.byte(1), EncodeOverflowError);
  assert.deepEqual([...outer.subarray(0, 4), ...outer.subarray(8)], new Array(12).fill(0xee));
});

test('bool: true when any of the varint\'s bits is set, also beyond the low 32; a 10-byte zero is false', () => {
  assert.equal(reader([0x01]).bool(), true);
  assert.equal(reader([0x00]).bool(), false);
  assert.equal(reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).bool(), true); // 2^35: the low 32 bits are 0
  assert.equal(reader(new Array(9).fill(0x80).concat([0x00])).bool(), false);
  assert.throws(() => reader([0x80, 0x80]).bool(), reason('truncated'));
});

test('reader bounds: truncated varint, length past the end, 11-byte varint, fixed past the end', () => {
  assert.throws(() => reader([0x80]).varint32(), reason('truncated'));
  assert.throws(() => readUint64(reader([0x80, 0x80])), reason('truncated'));
  assert.throws(() => reader(new Array(10).fill(0x80).concat([0x01])).varint32(), reason('overlong'));
  assert.throws(() => readUint64(reader(new Array(10).fill(0xff).concat([0x01]))), reason('overlong'));
  assert.throws(() => reader(new Array(11).fill(0x80)).bool(), reason('overlong'));
  assert.equal(readUint64(reader(new Array(9).fill(0xff).concat([0x01]))), 0xffffffffffffffffn); // 10 bytes is fine
  assert.throws(() => reader([5, 0x61]).string(), reason('truncated'));
  assert.throws(() => reader([0xff, 0xff, 0xff, 0xff, 0x0f]).bytes(), reason('truncated'));
  assert.throws(() => reader([1, 2, 3]).fixed32(), reason('truncated'));
});

test('skip handles every wire type; groups are skipped to their end, stray ends and types 6/7 fail', () => {
  const r = reader([0x08, 0x96, 0x01, 0x11, 1, 2, 3, 4, 5, 6, 7, 8, 0x1a, 2, 9, 9, 0x25, 1, 2, 3, 4,
    0x2b, 0x08, 0x01, 0x33, 0x34, 0x2c, 0x7f]);
  for (let i = 0; i < 5; i++) r.skip(r.varint32(), 1);
  assert.equal(r.varint32(), 0x7f);
  assert.throws(() => reader([0x0c]).skip(reader([0x0c]).varint32(), 1), reason('bad-wire-type'));
  for (const t of [0x0e, 0x0f]) assert.throws(() => reader([]).skip(t, 1), reason('bad-wire-type'));
  assert.throws(() => reader([]).skip(0x00, 1), reason('bad-field-number'));
  const g = reader([0x2c]); // a group opened as field 6 but closed by field 5's end-group
  assert.throws(() => g.skip(0x33, 1), reason('bad-wire-type'));
  // Nested groups deeper than maxDepth fail instead of recursing without bound.
  const deep = new Array(100).fill(0x0b);
  assert.throws(() => reader(deep, 16).skip(0x0b, 1), reason('too-deep'));
  assert.throws(() => reader([0x08]).skip(0x0b, 1), reason('truncated'));
});
