import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allIn, ALNUM, HEX_DIGITS, toHex } from '../../src/codec/hex.ts';

test('given bytes, then toHex is two lower-case digits per byte', () => {
  assert.equal(toHex(new Uint8Array([0, 9, 10, 255])), '00090aff');
});

// allIn replaced the preloaded regexps (each 0.2-1.4 KB of flash on XS); the regexps are the reference.
const chars = fc.string({ unit: fc.constantFrom(...'09afAFgG:.-+xZ\n\u00e9\u212a%'.split('')), maxLength: 16 });

test('given many strings, then allIn(s, HEX_DIGITS) is /^[0-9a-fA-F]*$/ (the former CheckSum check)', () => {
  fc.assert(fc.property(fc.oneof(chars, fc.string({ maxLength: 8 })), (s) => {
    assert.equal(allIn(s, HEX_DIGITS, true), /^[0-9a-fA-F]*$/.test(s));
  }), { numRuns: 5000 });
});

test('given many strings, then allIn(s, set, false) is a negated character class', () => {
  fc.assert(fc.property(chars, (s) => {
    assert.equal(allIn(s, '[]?#@', false), /^[^\[\]?#@]*$/.test(s));
    assert.equal(allIn(s, ALNUM + '.-', true), /^[A-Za-z0-9.-]*$/.test(s));
  }), { numRuns: 5000 });
});
