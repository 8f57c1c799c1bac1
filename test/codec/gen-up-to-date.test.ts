// gen/usp (protoc-gen-es output, committed) must equal a fresh `buf generate` from proto/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('given proto/, when regenerated into a temp dir, then gen/usp is identical', { timeout: 60_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tinyusp-gen-'));
  try {
    const buf = join(root, 'node_modules', '.bin', 'buf');
    const r = spawnSync(buf, ['generate', '-o', tmp], { cwd: root, encoding: 'utf8', timeout: 50_000 });
    assert.equal(r.status, 0, r.stderr);
    const committed = readdirSync(join(root, 'gen', 'usp')).sort();
    const fresh = readdirSync(join(tmp, 'gen', 'usp')).sort();
    assert.deepEqual(fresh, committed);
    assert.ok(committed.length >= 2);
    for (const f of committed) {
      assert.equal(readFileSync(join(tmp, 'gen', 'usp', f), 'utf8'), readFileSync(join(root, 'gen', 'usp', f), 'utf8'), `gen/usp/${f} is stale: run npm run gen`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
