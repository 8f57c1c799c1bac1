// EntryMap: the decoder's map<string,string> (src/codec/entry-map.ts). It must behave as a
// ReadonlyMap with protobuf's "last value wins" for repeated keys, on the linear path (up to 16
// entries) and on the indexed one, whatever the put hints collide on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntryMap } from '../../src/codec/index.ts';

test('given random entries with repeated keys and colliding hints, when put, then it equals a Map fed the same entries', () => {
  const key = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'c', '7', '\u00e9') });
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 3 })), { maxLength: 60 }), fc.nat(3), (entries, hintMode) => {
      const m = new EntryMap();
      const ref = new Map<string, string>();
      for (const [k, v] of entries) {
        // Hints: the real one, all equal (every put searches), or the length only.
        const hint = hintMode === 0 ? 5 : hintMode === 1 ? k.length : k.length * 7 + (k.charCodeAt(0) || 0);
        m.put(k, v, hint);
        ref.set(k, v);
      }
      assert.equal(m.size, ref.size);
      assert.deepEqual([...m], [...ref]);
      assert.deepEqual([...m.keys()], [...ref.keys()]);
      assert.deepEqual([...m.values()], [...ref.values()]);
      const seen: [string, string][] = [];
      m.forEach((v, k, self) => { assert.equal(self, m); seen.push([k, v]); });
      assert.deepEqual(seen, [...ref]);
      for (const k of ['', 'a', 'ab', 'zz', '7']) {
        assert.equal(m.get(k), ref.get(k));
        assert.equal(m.has(k), ref.has(k));
      }
    }),
    { numRuns: 300 },
  );
});

test('given more entries than the linear bound, when a key repeats, then the index finds it and the first place is kept', () => {
  const m = new EntryMap();
  for (let i = 0; i < 40; i++) m.put('k' + i, 'v' + i, 1);
  m.put('k3', 'again', 1);
  m.put('k39', 'last', 1);
  assert.equal(m.size, 40);
  assert.equal(m.get('k3'), 'again');
  assert.equal(m.get('k39'), 'last');
  assert.deepEqual([...m.keys()].slice(0, 5), ['k0', 'k1', 'k2', 'k3', 'k4']);
  assert.equal(m.get('k40'), undefined);
  assert.equal(m.has('__proto__'), false);
});
