// The XS runner's hash host function (firmware/xs-host/host-hash.c behind hal/xs/hash.ts: mbedTLS
// SHA-1 / SHA-256) against node:crypto, on x86-64 and on 32-bit ARM under qemu: lengths around
// every padding edge and 100,000 bytes, fed in uneven pieces through views at an offset; bad
// input (a spent or foreign state, an unknown algorithm, a range outside the buffer) refused
// without touching a live state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { armUnavailable, needs } from '../support/tools.ts';
import { buildXsHost, bundleFixture, capArgs, QEMU_ARM, scratchDir, type Arch } from './xs-harness.ts';

const CAP = { chunks: 512 * 1024, slots: 16384, stack: 1024 };
let scratch: ReturnType<typeof scratchDir>;
let bundle: string;

before(async () => {
  buildXsHost();
  if (!armUnavailable()) {
    const b = spawnSync(process.execPath, [join(root, 'firmware/xs-host/build.mjs'), '--quiet', '--script-only', '--arch', 'arm'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
    assert.equal(b.status, 0, `ARM script runner build: ${b.stderr}`);
  }
  scratch = scratchDir('xs-hash');
  bundle = await bundleFixture('test/engines/xs-hash.entry.ts', scratch.dir, 'xs-hash');
});
after(() => scratch?.remove());

const dataOf = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + (i >> 8) * 7) & 255));

function run(arch: Arch): { lines: { [k: string]: unknown }[]; status: number | null; stderr: string } {
  const binary = join(root, 'build/xs-host', arch, 'xs-host');
  const argv = [...capArgs(CAP), '--arg', 'mode=vectors', bundle];
  const r = arch === 'arm' ? spawnSync(QEMU_ARM, [binary, ...argv], { encoding: 'utf8', timeout: 120_000 }) : spawnSync(binary, argv, { encoding: 'utf8', timeout: 60_000 });
  return { lines: r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)), status: r.status, stderr: r.stderr };
}

function check(arch: Arch): void {
  const { lines, status, stderr } = run(arch);
  assert.equal(status, 0, stderr);
  const digests = lines.filter((l) => typeof l.n === 'number');
  assert.equal(digests.length, 2 * 202, 'every length of both algorithms');
  for (const d of digests) {
    const node = d.alg === 'SHA-1' ? 'sha1' : 'sha256';
    assert.equal(d.hex, createHash(node).update(dataOf(d.n as number)).digest('hex'), `${d.alg} of ${d.n} bytes on ${arch}`);
  }
  const refusals = Object.fromEntries(lines.filter((l) => 'refused' in l).map((l) => [l.refused, l.error]));
  assert.deepEqual(refusals, {
    'update after finish': 'TypeError', 'finish twice': 'TypeError', 'foreign state': 'TypeError',
    'algorithm 3': 'RangeError', 'offset beyond': 'RangeError', 'negative length': 'RangeError',
  });
  const abc = lines.find((l) => 'abcAfterRefusals' in l);
  assert.equal(abc?.abcAfterRefusals, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
}

test('XS hash host function (x86-64): SHA-1 and SHA-256 equal node:crypto; bad input refused', () => check('x64'));

test('XS hash host function (32-bit ARM, qemu): the same', { timeout: 300_000 }, (t) => {
  if (!needs(t, armUnavailable())) return;
  check('arm');
});
