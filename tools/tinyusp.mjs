#!/usr/bin/env node
// The `tinyusp` command. The CLI is TypeScript: bundle it with esbuild on start (about 0.1 s)
// into node_modules/.cache and run that, so there is no build step and the agent runs the same
// plain ES2020 code a board bundle contains (tsx's per-function wrappers cost ~2x in hot paths).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'node_modules', '.cache', 'tinyusp');
mkdirSync(outdir, { recursive: true });
// One file per process: concurrent starts never read a half-written bundle.
const outfile = join(outdir, `cli-${process.pid}.mjs`);
await build({
  absWorkingDir: root,
  entryPoints: ['tools/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
  // The checkout, for tools/cli/paths.ts: the bundle's own URL says nothing reliable (it sits
  // under node_modules/.cache, and Node resolves a symlinked node_modules to its target).
  define: { __TINYUSP_ROOT__: JSON.stringify(root) },
});
let main;
try {
  ({ main } = await import(pathToFileURL(outfile).href));
} finally {
  (await import('node:fs')).rmSync(outfile, { force: true });
}
process.exitCode = await main(process.argv.slice(2));
