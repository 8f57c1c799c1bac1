// The codec's differential vectors inside the device engine: bytes encoded by @bufbuild/protobuf
// on the host (test/codec/vectors.ts) are decoded and re-encoded by src/codec in the XS runner
// under a fixed memory cap, and must come back byte-identical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildXsHost, runBundle, scratchDir, type Cap } from './xs-harness.ts';
import { bundleCodecVectors, hexVectors } from './codec-bundle.ts';

// Measured minimum (`npx tsx test/engines/min-cap.ts`): 70,656 bytes of chunks, 8,256 slots and
// 744 stack slots on x86-64 (44 KB / 6,400 when this test was written; 70,400 / 8,064 just before
// map fields became Maps, which added ~190 slots); the fixed cap leaves room for some growth.
const cap: Cap = { chunks: 80 * 1024, slots: 9216, stack: 1024 };
const vectors = hexVectors();
let scratch: ReturnType<typeof scratchDir>;
let codecBundle: string;

before(async () => {
  buildXsHost();
  scratch = scratchDir('xs-codec');
  codecBundle = await bundleCodecVectors(scratch.dir, vectors);
});
after(() => scratch?.remove());

test('every differential vector decodes and re-encodes byte-identically inside XS under a fixed cap', () => {
  assert.ok(vectors.length >= 40, `only ${vectors.length} vectors`);
  // Given the vectors in a device-style bundle, when XS runs it under the cap
  const r = runBundle(codecBundle, cap, [], 60_000);
  assert.equal(r.status, 0, r.stderr);
  // then each vector reports byte-identical output of its own length
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, vectors.length, r.stdout);
  const failures = lines.filter((line, i) => line !== `ok ${vectors[i].name} ${vectors[i].hex.length / 2}`);
  assert.deepEqual(failures, [], `not byte-identical in XS:\n${failures.join('\n')}`);
});

test('the same vectors under a cap far too small stop with the memory-full error', () => {
  const tiny: Cap = { chunks: 20 * 1024, slots: 4096, stack: 1024 };
  const r = runBundle(codecBundle, tiny, [], 60_000);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /^xs-host: memory full \(cap: chunks=20480, slots=4096, stack=1024\)$/m);
  assert.ok(r.stdout.trim().split('\n').length < vectors.length, 'it stopped before the end');
});
