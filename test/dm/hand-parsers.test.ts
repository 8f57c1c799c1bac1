// The data-model engine scans some lexical forms by hand instead of with regular expressions,
// because every preloaded RegExp costs the XS board ~250 B of flash (issue 10). Each scanner here
// is checked against the regular expression it replaced, on generated inputs drawn mostly from
// the characters that matter (digits, dots, '=', the alphabets' edges), so an off-by-one in a
// loop bound shows up as a counterexample. (Values of non-string types are trimmed first.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParamDef } from '../../src/dm/api.ts';
import { canonical } from '../../src/dm/values.ts';
import { unitOf } from '../../src/dm/persist.ts';
import { isInstancePath, rowOf } from '../../src/dm/paths.ts';

const RUNS = { numRuns: 3000 };
const accepted = (def: ParamDef, v: string): boolean => {
  try {
    canonical(def, v);
    return true;
  } catch {
    return false;
  }
};
const textOf = (chars: string[], maxLength = 12) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));

test('given any string of base64 digits, padding and strays, when validated as base64, then it is accepted exactly when the RFC 4648 pattern matches', () => {
  const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  const def: ParamDef = { name: 'P', type: 'base64' };
  fc.assert(
    fc.property(textOf(['A', 'z', '0', '9', '+', '/', '=', '-', '_', ' ', '*']), (v) => {
      assert.equal(accepted(def, v), BASE64_RE.test(v.trim()), JSON.stringify(v));
    }),
    RUNS,
  );
});

test('given any string of hex digits and strays, when validated as hexBinary, then it is accepted exactly when /^([0-9A-Fa-f]{2})*$/ matches, and printed upper case', () => {
  const HEX_RE = /^(?:[0-9A-Fa-f]{2})*$/;
  const def: ParamDef = { name: 'P', type: 'hexBinary' };
  fc.assert(
    fc.property(textOf(['0', '9', 'a', 'f', 'A', 'F', 'g', 'G', '/', ':', '@', '`', ' ']), (v) => {
      assert.equal(accepted(def, v), HEX_RE.test(v.trim()), JSON.stringify(v));
      if (HEX_RE.test(v.trim())) assert.equal(canonical(def, v), v.trim().toUpperCase());
    }),
    RUNS,
  );
});

// Paths built from names, instance numbers and dots, including malformed ones ('..', '1.', '.').
const pathText = fc
  .array(fc.constantFrom('Device', 'A', '1', '22', '0', '.', '.', '{i}', '', 'x9'), { maxLength: 10 })
  .map((a) => a.join(''));

test('given any path, when tested for an instance path, then it matches /\\.[0-9]+\\.$/', () => {
  fc.assert(
    fc.property(pathText, (p) => {
      assert.equal(isInstancePath(p), /\.[0-9]+\.$/.test(p), JSON.stringify(p));
    }),
    RUNS,
  );
});

test('given any path, when its persistence unit is taken, then it is the longest prefix ending in an instance number, else the path itself', () => {
  fc.assert(
    fc.property(pathText, (p) => {
      const m = /^(.*\.[0-9]+\.)/.exec(p);
      assert.equal(unitOf(p), m ? m[1] : p, JSON.stringify(p));
    }),
    RUNS,
  );
});

test('given a table path and any path, when the row is taken, then it is the table plus one instance number and a dot, else undefined', () => {
  fc.assert(
    fc.property(fc.constantFrom('Device.A.', 'Device.A.1.B.', 'D.'), pathText, (table, rest) => {
      const path = table + rest;
      const m = /^[0-9]+\./.exec(rest);
      assert.equal(rowOf(path, table), m ? table + m[0] : undefined, JSON.stringify(path));
      assert.equal(rowOf('X.' + path, table), undefined, 'a path outside the table has no row');
    }),
    RUNS,
  );
});
