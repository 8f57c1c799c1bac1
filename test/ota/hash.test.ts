// The portable streaming hashes against Node's crypto, over lengths around every padding edge
// and arbitrary split points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createJsHasher as createHasher } from '../../src/ota/hash.ts';
import { toHex } from '../../src/codec/hex.ts';

for (const [alg, node] of [['SHA-256', 'sha256'], ['SHA-1', 'sha1']] as const) {
  test(`${alg}: equal to node:crypto for lengths 0..200 and 100 KB, in any split`, () => {
    const lengths = [...Array(201).keys(), 100_000];
    for (const n of lengths) {
      const data = randomBytes(n);
      const h = createHasher(alg);
      let i = 0;
      while (i < n) {
        const step = 1 + ((i * 7919) % 97);
        h.update(data.subarray(i, i + step));
        i += step;
      }
      assert.equal(toHex(h.finish()), createHash(node).update(data).digest('hex'), `${alg} of ${n} bytes`);
    }
  });
}

test('known answers: SHA-256("abc"), SHA-1("abc")', () => {
  const abc = new TextEncoder().encode('abc');
  const a = createHasher('SHA-256'); a.update(abc);
  assert.equal(toHex(a.finish()), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  const b = createHasher('SHA-1'); b.update(abc);
  assert.equal(toHex(b.finish()), 'a9993e364706816aba3e25717850c26c9cd0d89d');
});
