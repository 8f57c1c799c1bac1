// The data-model engine and the TR-181 model inside the device engine (Moddable XS): the same
// scenario prints the same lines in XS as on Node, under a fixed memory cap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildXsHost, bundleFixture, parseStats, runBundle, scratchDir, type Cap } from '../engines/xs-harness.ts';
import { engineScenario } from './fixtures/engine-scenario.ts';

// Measured (cap search with test/engines/xs-harness.ts, x86-64): with the USP 1.3/1.4 model
// (Challenge table, TriggerAction, the Untrusted role's permissions in the demo defaults) the
// scenario fails at 128 KB of chunks or 16,384 slots and runs at 144 KB / 18,432 slots (before
// them it ran within 128 KB / 16,384). The whole bundle runs in RAM here, where a Moddable preload would keep
// the frozen tables in flash. The cap leaves a margin.
const cap: Cap = { chunks: 160 * 1024, slots: 20480, stack: 2048 };
let scratch: ReturnType<typeof scratchDir>;
let bundlePath: string;

before(async () => {
  buildXsHost();
  scratch = scratchDir('xs-dm');
  bundlePath = await bundleFixture('test/dm/fixtures/xs-engine.entry.ts', scratch.dir, 'dm');
});
after(() => scratch?.remove());

test('given the engine scenario, when run in XS and on Node, then both print the same observations', () => {
  const expected = engineScenario();
  assert.ok(expected.length > 40);
  const r = runBundle(bundlePath, cap, ['--stats'], 60_000);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines, expected);
  // Exceeding the cap would have ended the run with status 3 ("memory full").
  assert.ok(parseStats(r.stderr), r.stderr);
});
