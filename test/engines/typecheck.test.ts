// The whole project type-checks (tsconfig.json: src, hal, boards, tools, test, examples). This
// also enforces the compile-time checks of test/model/typed-module.types.ts: a model module with
// a misspelled option or an unknown parameter name in a handler does not compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('tsc -p tsconfig.json passes (every @ts-expect-error still an error)', () => {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root, encoding: 'utf8', timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
