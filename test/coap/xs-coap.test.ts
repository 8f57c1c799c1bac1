// The CoAP stack in the device engine (Moddable XS via the project's runner), under a fixed cap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildXsHost, bundleFixture, runBundle, scratchDir } from '../engines/xs-harness.ts';

let scratch: ReturnType<typeof scratchDir>;
let file: string;

before(async () => {
  buildXsHost();
  scratch = scratchDir('xs-coap');
  file = await bundleFixture('test/coap/xs-coap.entry.ts', scratch.dir, 'xs-coap');
});
after(() => scratch?.remove());

test('given 30 USP Records (10 of 5 KB, Block1) under 20% loss in XS, then all arrive intact and UTF-8 matches the host encoder', () => {
  const r = runBundle(file, { chunks: 512 * 1024, slots: 32768, stack: 2048 }, [], 60_000);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout.trim());
  assert.deepEqual(
    { ok: report.ok, received: report.received, intact: report.intact, utf8Same: report.utf8Same },
    { ok: 30, received: 30, intact: 30, utf8Same: report.utf8Total },
  );
  assert.ok(report.dropped > 10, 'loss was applied: ' + report.dropped);
});
