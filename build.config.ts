// esbuild configuration: one bundle per board (design.md "Engines and language level").
//   npx tsx build.config.ts              build every board into dist/<board>/tinyusp.js
//   npx tsx build.config.ts esp32        one board
// Every bundle is built with a guard that fails on any Node built-in import, so `src/` stays
// portable to XS and QuickJS.
import { build, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { host } from './boards/host.ts';
import { esp32 } from './boards/esp32.ts';
import type { BoardProfile } from './boards/profile.ts';

export const root = fileURLToPath(new URL('.', import.meta.url));

export const boards: Record<string, { profile: BoardProfile; entry: string }> = {
  host: { profile: host, entry: 'hal/xs/main.ts' },
  esp32: { profile: esp32, entry: 'hal/xs/main.ts' },
};

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build on any Node built-in import (design.md: nothing in src/ uses Node). */
export const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (builtins.has(args.path) || args.path.startsWith('node:')) {
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer} (not portable to XS)` }] };
      }
      return undefined;
    });
  },
};

export interface BundleOptions {
  entry: string;
  outfile?: string;
  minify?: boolean;
  /** Return the bundle text instead of writing it. */
  write?: boolean;
  /** iife (default): run as a script; esm: a board module preloaded by xsl (exports start()). */
  format?: 'iife' | 'esm';
}

/** Bundle one entry the way a device board is bundled: iife or esm, es2020, no Node built-ins. */
export async function bundle(opts: BundleOptions): Promise<{ code: string; bytes: number }> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [opts.entry],
    outfile: opts.outfile ?? 'dist/out.js',
    bundle: true,
    format: opts.format ?? 'iife',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: opts.minify ?? true,
    legalComments: 'none',
    write: opts.write ?? false,
    metafile: true,
    logLevel: 'silent',
    plugins: [noNodeBuiltins],
  });
  // With write: true esbuild returns no outputFiles; the metafile still has the size.
  const file = result.outputFiles?.[0];
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((n, o) => n + o.bytes, 0);
  return { code: file ? file.text : '', bytes };
}

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((a) => !(a in boards));
  if (unknown.length) {
    console.error(`build.config.ts: unknown board "${unknown[0]}" (known: ${Object.keys(boards).join(', ')})`);
    process.exit(2);
  }
  for (const name of argv.length ? argv : Object.keys(boards)) {
    const { profile, entry } = boards[name];
    const outfile = `dist/${name}/tinyusp.js`;
    const { bytes } = await bundle({ entry, outfile, minify: profile.minify, write: true });
    console.log(`${name}: ${outfile} ${bytes} bytes, ${gzipSync(readFileSync(outfile)).length} gzipped`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`build failed: ${e.message ?? e}`);
    process.exit(1);
  });
}
