import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParamDef, ParamType } from '../../src/dm/api.ts';
import { DEFAULT_MAX_LENGTH, UNKNOWN_TIME, canonical, formatDateTime, formatValue, parseDateTime, zeroValue } from '../../src/dm/values.ts';
import { isUsp } from './fixture.ts';
import { str } from '../../src/dm/define.ts';

const def = (type: ParamType, extra: Partial<ParamDef> = {}): ParamDef => ({ name: 'P', type, ...extra });

function accepts(d: ParamDef, cases: [string, string][]) {
  for (const [input, out] of cases) assert.equal(canonical(d, input), out, `${d.type} ${input}`);
}
function rejects(d: ParamDef, code: number, inputs: string[]) {
  for (const i of inputs) assert.throws(() => canonical(d, i), isUsp(code), `${d.type} should reject ${i}`);
}

test('given booleans, when validated, then 1/0/true/false are accepted and printed true/false (R-ENC.6)', () => {
  accepts(def('boolean'), [['true', 'true'], ['1', 'true'], ['false', 'false'], ['0', 'false']]);
  rejects(def('boolean'), 7011, ['TRUE', 'yes', '', '2']);
});

test('given int/unsignedInt, when validated, then type range is 7012, garbage 7011, canonical strips + and zeros', () => {
  accepts(def('int'), [['+0123', '123'], ['-2147483648', '-2147483648'], ['2147483647', '2147483647'], ['-0', '0']]);
  rejects(def('int'), 7012, ['2147483648', '-2147483649']);
  rejects(def('int'), 7011, ['1.5', 'abc', '', '1e3', '0x10']);
  accepts(def('unsignedInt'), [['4294967295', '4294967295']]);
  rejects(def('unsignedInt'), 7012, ['-1', '4294967296']);
  rejects(def('unsignedInt', { min: 1, max: 65535 }), 7012, ['0', '65536']);
  accepts(def('unsignedInt', { min: 1, max: 65535 }), [['1', '1'], ['65535', '65535']]);
});

test('given long/unsignedLong, when validated, then 64-bit bounds are exact (bigint)', () => {
  accepts(def('long'), [['-9223372036854775808', '-9223372036854775808'], ['9223372036854775807', '9223372036854775807']]);
  rejects(def('long'), 7012, ['9223372036854775808', '-9223372036854775809']);
  accepts(def('unsignedLong'), [['18446744073709551615', '18446744073709551615'], ['0', '0']]);
  rejects(def('unsignedLong'), 7012, ['18446744073709551616', '-1']);
  rejects(def('unsignedLong', { max: 10n }), 7012, ['11']);
});

test('given decimals, when validated, then ranges apply and the form is canonical', () => {
  accepts(def('decimal', { min: 5, max: 35 }), [['21', '21'], ['21.50', '21.5'], ['+5', '5'], ['35.0', '35']]);
  rejects(def('decimal', { min: 5, max: 35 }), 7012, ['4.99', '35.01']);
  rejects(def('decimal'), 7011, ['1,5', 'x', '1e2', '']);
});

test('given dateTimes, when validated, then output is UTC with Z, offsets converted, fractions kept', () => {
  accepts(def('dateTime'), [
    ['2025-06-01T12:00:00Z', '2025-06-01T12:00:00Z'],
    ['2025-06-01T12:00:00', '2025-06-01T12:00:00Z'],
    ['2025-06-01T14:30:00+02:30', '2025-06-01T12:00:00Z'],
    ['2025-01-01T00:30:00+01:00', '2024-12-31T23:30:00Z'],
    ['2025-06-01T12:00:00.250Z', '2025-06-01T12:00:00.25Z'],
    ['2025-06-01T12:00:00.000001Z', '2025-06-01T12:00:00.000001Z'],
    [UNKNOWN_TIME, UNKNOWN_TIME],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
  ]);
  rejects(def('dateTime'), 7011, ['2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-06-01 12:00:00Z', 'yesterday', '2025-06-01T24:00:00Z', '']);
});

test('property: dateTime format/parse round-trips over years 1..9999', () => {
  const min = parseDateTime('0001-01-01T00:00:00Z')!.ms;
  const max = parseDateTime('9999-12-31T23:59:59Z')!.ms;
  fc.assert(fc.property(fc.integer({ min, max }), (ms) => {
    const s = formatDateTime(ms);
    assert.equal(parseDateTime(s)!.ms, ms);
  }), { numRuns: 1000 });
  assert.equal(formatDateTime(0), '1970-01-01T00:00:00Z');
  assert.equal(formatDateTime(Date.UTC(2026, 0, 2, 3, 4, 5, 600)), '2026-01-02T03:04:05.6Z');
  // A host clock with sub-millisecond wall time (XS) still gives a valid dateTime.
  assert.equal(formatDateTime(Date.UTC(2026, 0, 2, 3, 4, 5, 924) + 0.620361328125), '2026-01-02T03:04:05.924Z');
});

test('given base64 and hexBinary, when validated, then syntax is 7011 and decoded length limits 7012', () => {
  accepts(def('base64', { maxLength: 3 }), [['AAEC', 'AAEC'], ['', '']]);
  rejects(def('base64', { maxLength: 3 }), 7012, ['AAECAw==']);
  rejects(def('base64'), 7011, ['AAE', 'A=AA', '****']);
  accepts(def('hexBinary', { maxLength: 2 }), [['0aff', '0AFF']]);
  rejects(def('hexBinary', { maxLength: 2 }), 7012, ['010203']);
  rejects(def('hexBinary'), 7011, ['abc', 'zz']);
});

test('given strings, when validated, then max length, enumerations and patterns are 7012', () => {
  accepts(def('string', { maxLength: 3 }), [['abc', 'abc'], [' a ', ' a ']]);
  rejects(def('string', { maxLength: 3 }), 7012, ['abcd']);
  rejects(def('string', { enum: ['Up', 'Down'] }), 7012, ['up', '', 'Up,Down']);
  // The same list as one comma-separated string (what the define helpers keep in flash).
  accepts(def('string', { enum: 'Up,Down' }), [['Up', 'Up'], ['Down', 'Down']]);
  rejects(def('string', { enum: 'Up,Down' }), 7012, ['up', '', 'Up,Down', 'Up,', ',Down', 'p,D']);
  accepts(def('string', { enum: 'Up,Down', list: true }), [['Up, Down', 'Up,Down'], ['', '']]);
  rejects(def('string', { enum: 'Up,Down', list: true }), 7012, ['Up,Left']);
  assert.equal(str('S', 8, { enum: ['Up', 'Down'] }).enum, 'Up,Down');
  accepts(def('string', { pattern: '[r-][w-][x-][n-]' }), [['rw-n', 'rw-n']]);
  rejects(def('string', { pattern: '[r-][w-][x-][n-]' }), 7012, ['rwxnr', 'RW-N', '']);
});

test('given lists, when validated, then each item is checked, items trimmed, and maxItems bound', () => {
  accepts(def('unsignedInt', { list: true }), [['1, 2 ,03', '1,2,3'], ['', '']]);
  rejects(def('unsignedInt', { list: true }), 7011, ['1,x']);
  rejects(def('string', { list: true, maxItems: 2 }), 7012, ['a,b,c']);
  // For a list, maxLength bounds the whole value (TR-106 list size).
  accepts(def('string', { list: true, maxLength: 5 }), [['ab, c', 'ab,c']]);
  rejects(def('string', { list: true, maxLength: 5 }), 7012, ['abc,def']);
  // No maxLength: the default bound still applies, so records stay bounded.
  rejects(def('string'), 7012, ['x'.repeat(DEFAULT_MAX_LENGTH + 1)]);
  rejects(def('base64'), 7012, ['AAAA'.repeat(DEFAULT_MAX_LENGTH)]);
  accepts(def('boolean', { list: true }), [['1,0', 'true,false']]);
});

test('given a parameter without a default, when asked for its zero value, then it is the type zero (unknown time for dateTime)', () => {
  assert.equal(zeroValue(def('boolean')), 'false');
  assert.equal(zeroValue(def('unsignedLong')), '0');
  assert.equal(zeroValue(def('dateTime')), UNKNOWN_TIME);
  assert.equal(zeroValue(def('string', { default: 'x' })), 'x');
  assert.equal(zeroValue(def('int', { list: true })), '');
});

test('given handler values, when formatted, then they become lexical strings', () => {
  assert.equal(formatValue(def('boolean'), true), 'true');
  assert.equal(formatValue(def('unsignedLong'), 18446744073709551615n), '18446744073709551615');
  assert.equal(formatValue(def('dateTime'), Date.UTC(2026, 0, 2)), '2026-01-02T00:00:00Z');
  assert.equal(formatValue(def('unsignedInt'), 12.7), '12');
});
