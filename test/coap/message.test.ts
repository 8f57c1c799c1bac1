import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeMessage, encodeMessage, uintOption, readUint, CoapEncodeError, type CoapMessage } from '../../src/coap/message.ts';
import { decodeBlock, blockOption, szxForBytes } from '../../src/coap/block.ts';
import { utf8Decode, utf8Encode } from '../../src/codec/utf8.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((h) => parseInt(h, 16)));

const messageArb = fc
  .record({
    type: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
    code: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 64, max: 191 })),
    messageId: fc.integer({ min: 0, max: 0xffff }),
    token: fc.uint8Array({ maxLength: 8 }),
    options: fc.array(
      fc.record({ number: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 300 }) }),
      { maxLength: 6 },
    ),
    payload: fc.uint8Array({ maxLength: 200 }),
  })
  .map((m) => ({ ...m, options: m.options.sort((a, b) => a.number - b.number) }) as CoapMessage);

test('given any well-formed message, when encoded then decoded, then it round-trips', () => {
  fc.assert(
    fc.property(messageArb, (m) => {
      const out = new Uint8Array(4096);
      const n = encodeMessage(m, out);
      const d = decodeMessage(out.subarray(0, n));
      assert.ok(d.ok, 'a format error: ' + Buffer.from(out.subarray(0, n)).toString('hex'));
      if (!d.ok) return;
      assert.equal(d.message.type, m.type);
      assert.equal(d.message.code, m.code);
      assert.equal(d.message.messageId, m.messageId);
      assert.deepEqual([...d.message.token], [...m.token]);
      assert.deepEqual(d.message.options.map((o) => [o.number, [...o.value]]), m.options.map((o) => [o.number, [...o.value]]));
      assert.deepEqual([...d.message.payload], [...m.payload]);
    }),
    { numRuns: 500 },
  );
});

test('given arbitrary bytes, when decoded, then it never throws and a re-encode of a success is identical', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const d = decodeMessage(bytes);
      if (d.ok) {
        const out = new Uint8Array(1024);
        const n = encodeMessage(d.message, out);
        assert.deepEqual([...out.subarray(0, n)], [...bytes]);
      }
    }),
    { numRuns: 2000 },
  );
});

test('given the RFC 7252 style GET with Uri-Path "temperature", when encoded, then bytes match', () => {
  const out = new Uint8Array(64);
  const n = encodeMessage(
    { type: 0, code: 1, messageId: 0x7d34, token: new Uint8Array(0), options: [{ number: 11, value: utf8Encode('temperature') }], payload: new Uint8Array(0) },
    out,
  );
  assert.deepEqual([...out.subarray(0, n)], [...hex('40 01 7d 34 bb 74 65 6d 70 65 72 61 74 75 72 65')]);
});

test('given options needing extended delta and length (13 and 14 forms), when encoded, then nibbles are 13/14', () => {
  const out = new Uint8Array(1024);
  const long = new Uint8Array(300).fill(7);
  const n = encodeMessage(
    { type: 1, code: 2, messageId: 1, token: new Uint8Array(0), options: [{ number: 20, value: new Uint8Array(13) }, { number: 400, value: long }], payload: new Uint8Array(0) },
    out,
  );
  // option 20: delta 20 -> 13 + 7, length 13 -> 13 + 0
  assert.deepEqual([...out.subarray(4, 7)], [0xdd, 7, 0]);
  // option 400: delta 380 -> 14 + (380-269)=111, length 300 -> 14 + 31
  const at = 7 + 13;
  assert.deepEqual([...out.subarray(at, at + 5)], [0xee, 0, 111, 0, 31]);
  const d = decodeMessage(out.subarray(0, n));
  assert.ok(d.ok && d.message.options[1].number === 400 && d.message.options[1].value.length === 300);
});

test('given malformed datagrams, when decoded, then each is a format error with the header when readable', () => {
  const cases: [string, string, boolean][] = [
    ['40 01', 'short header', false],
    ['80 01 00 01', 'version 2', false],
    ['49 01 00 01 01 02 03 04 05 06 07 08 09', 'tkl 9', true],
    ['44 01 00 01 aa', 'token past end', true],
    ['40 00 00 01 ff 01', 'empty with payload', true],
    ['41 00 00 01 aa', 'empty with token', true],
    ['40 01 00 01 ff', 'marker without payload', true],
    ['40 01 00 01 f0', 'delta nibble 15', true],
    ['40 01 00 01 0f', 'length nibble 15', true],
    ['40 01 00 01 d0', 'truncated extended delta', true],
    ['40 01 00 01 e0 00', 'truncated 2-byte delta', true],
    ['40 01 00 01 03 61 62', 'value past end', true],
    ['40 21 00 01', 'reserved class 1', true],
    ['40 e1 00 01', 'reserved class 7', true],
    ['40 01 00 01 e0 ff ff', 'option number > 65535', true],
  ];
  for (const [h, name, hasHeader] of cases) {
    const d = decodeMessage(hex(h));
    assert.equal(d.ok, false, name);
    if (!d.ok) assert.equal(d.header !== undefined, hasHeader, name);
  }
});

test('given a buffer too small or a 9-byte token, when encoding, then CoapEncodeError', () => {
  const m: CoapMessage = { type: 0, code: 1, messageId: 1, token: new Uint8Array(0), options: [], payload: new Uint8Array(10) };
  assert.throws(() => encodeMessage(m, new Uint8Array(10)), CoapEncodeError);
  assert.throws(() => encodeMessage({ ...m, token: new Uint8Array(9) }, new Uint8Array(64)), CoapEncodeError);
});

test('given unsorted options, when encoded, then they come out sorted with repeats in order', () => {
  const out = new Uint8Array(64);
  const n = encodeMessage(
    { type: 0, code: 2, messageId: 1, token: new Uint8Array(0), options: [{ number: 15, value: utf8Encode('b') }, { number: 11, value: utf8Encode('x') }, { number: 15, value: utf8Encode('a') }], payload: new Uint8Array(0) },
    out,
  );
  const d = decodeMessage(out.subarray(0, n));
  assert.ok(d.ok);
  if (d.ok) assert.deepEqual(d.message.options.map((o) => o.number + utf8Decode(o.value)), ['11x', '15b', '15a']);
});

test('given uint option values, then they are minimal big-endian and read back', () => {
  assert.equal(uintOption(12, 0).value.length, 0);
  assert.deepEqual([...uintOption(12, 42).value], [42]);
  assert.deepEqual([...uintOption(60, 0x10000).value], [1, 0, 0]);
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => readUint(uintOption(1, n).value) === n));
});

test('given Block values, then NUM/M/SZX round-trip and SZX 7 is refused', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xfffff }), fc.boolean(), fc.integer({ min: 0, max: 6 }), (num, more, szx) => {
      const v = decodeBlock(blockOption(27, { num, more, szx }).value);
      assert.deepEqual(v, { num, more, szx });
    }),
  );
  assert.equal(decodeBlock(new Uint8Array([0x0f])), undefined);
  assert.equal(szxForBytes(1024), 6);
  assert.equal(szxForBytes(1000), 5);
  assert.equal(szxForBytes(16), 0);
});

test('given any string, when UTF-8 encoded and decoded, then it matches Node', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      assert.deepEqual([...utf8Encode(s)], [...Buffer.from(s, 'utf8')]);
      assert.equal(utf8Decode(utf8Encode(s)), s);
    }),
  );
  // Strict: an overlong form is refused (the CoAP server turns such an option into U+FFFD).
  assert.throws(() => utf8Decode(new Uint8Array([0xc0, 0x80, 0x41])), /bad-utf8/);
});
