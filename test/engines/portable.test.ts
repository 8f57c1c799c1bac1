// Portability of src/ and hal/xs/ (design.md "Engines and language level"): every file bundles
// for the XS board with build.config.ts's guard against Node built-ins, the guard really
// rejects them, and the ES2020-only type check passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundle, root } from '../../build.config.ts';
import { scratchDir } from './xs-harness.ts';

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tsFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(root, full));
  }
  return out;
}

test('every src/ and hal/xs/ file bundles for the XS board (no Node built-ins)', async () => {
  // Given every TypeScript file of the portable tree as an entry point
  const entries = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'hal/xs'))];
  assert.ok(entries.some((e) => e.startsWith('hal/xs/')), 'hal/xs is included');
  // when each is bundled like the device bundle
  const failures: string[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      try {
        await bundle({ entry, minify: false });
      } catch (e) {
        failures.push(`${entry}: ${(e as Error).message.split('\n').slice(0, 4).join(' ')}`);
      }
    }),
  );
  // then none fails
  assert.deepEqual(failures, []);
});

test('the bundle guard rejects a file importing a Node built-in', async () => {
  const scratch = scratchDir('portable');
  try {
    for (const specifier of ['node:fs', 'fs', 'node:dgram']) {
      // Given a file importing a Node built-in
      const entry = join(scratch.dir, `imports-${specifier.replace(':', '-')}.ts`);
      writeFileSync(entry, `import * as m from '${specifier}';\nexport const used = Object.keys(m).length;\n`);
      // when it is bundled for the board, then the build fails naming the import
      await assert.rejects(bundle({ entry }), (e: Error) => {
        assert.match(e.message, new RegExp(`Node built-in "${specifier}"`));
        return true;
      });
    }
  } finally {
    scratch.remove();
  }
});

test('tsc -p tsconfig.portable.json passes (ES2020 library only, no Node or DOM globals)', () => {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.portable.json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
