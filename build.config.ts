// esbuild configuration: one bundle per board (design.md "Engines and language level").
//   npx tsx build.config.ts              build every board into dist/<board>/tinyusp.js
//   npx tsx build.config.ts esp32        one board
// Device boards are built with a guard that fails on any Node built-in import, so `src/` stays
// portable to XS and QuickJS; the host board (the Node simulator) binds the Node HAL.
import { build, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { host } from './boards/host/profile.ts';
import { esp32 } from './boards/esp32/profile.ts';
import type { BoardProfile } from './boards/profile.ts';

export const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * One entry and profile per board, chosen at build time (never at run time): `host` is the Node
 * simulator (host HAL, generous bounds), `esp32` the device (XS HAL, its small bounds and
 * compiled-in factory defaults; an ES module exporting start(), as xsl preloads it).
 */
export const boards: Record<string, { profile: BoardProfile; entry: string; platform: 'node' | 'neutral' }> = {
  host: { profile: host, entry: 'boards/host/main.ts', platform: 'node' },
  esp32: { profile: esp32, entry: 'boards/esp32/main.ts', platform: 'neutral' },
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
  /** iife (default): a script the XS runner runs; esm: a board's module (exports start()). */
  format?: 'iife' | 'esm';
  /** neutral (default): portable, any Node built-in fails the build; node: the host board. */
  platform?: 'neutral' | 'node';
  /** A board bundle that xsl preloads: reshaped for XS flash (tools/bundle/xs-shape.ts, xs-names.ts). */
  xsPreload?: boolean;
}

/** Bundle one entry the way a device board is bundled: iife or esm, es2020, no Node built-ins. */
export async function bundle(opts: BundleOptions): Promise<{ code: string; bytes: number }> {
  if (opts.xsPreload) return xsBundle(opts);
  return esbuildBundle(opts);
}

async function esbuildBundle(opts: BundleOptions, plugins: Plugin[] = []): Promise<{ code: string; bytes: number; inputs: string[] }> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [opts.entry],
    outfile: opts.outfile ?? 'dist/out.js',
    bundle: true,
    format: opts.format ?? 'iife',
    target: 'es2020',
    platform: opts.platform ?? 'neutral',
    mainFields: ['module', 'main'],
    minify: opts.minify ?? true,
    legalComments: 'none',
    write: opts.write ?? false,
    metafile: true,
    logLevel: 'silent',
    plugins: opts.platform === 'node' ? [] : [noNodeBuiltins, ...plugins],
  });
  // With write: true esbuild returns no outputFiles; the metafile still has the size.
  const file = result.outputFiles?.[0];
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((n, o) => n + o.bytes, 0);
  return { code: file ? file.text : '', bytes, inputs: Object.keys(result.metafile?.inputs ?? {}) };
}

/**
 * A preloaded board's bundle for XS (`bytes`: esbuild's, before the XS rewrites), reshaped
 * (shapedForXs). Its sources first have their array and Map/Set loops, array patterns and
 * templates rewritten (tools/bundle/xs-loops.ts, by TypeScript's checker, ~7 s): -23 KB of flash
 * on esp32 (TINYUSP_XS_LOOPS=0 leaves them, to compare). Kept in build/xs-shaped/ by a hash of
 * the plain bundle and of the tools: the same JavaScript is the same program, whatever its types
 * say.
 */
async function xsBundle(opts: BundleOptions): Promise<{ code: string; bytes: number }> {
  const plain = await esbuildBundle({ ...opts, write: false });
  const withLoops = process.env.TINYUSP_XS_LOOPS !== '0';
  const tools = [withLoops ? readFileSync(join(root, 'tools/bundle/xs-loops.ts'), 'utf8') : 'no loops', ...await shapingTools()];
  // the sources too, not only their JavaScript: xs-props.ts reads their types (a cast changes nothing in the bundle)
  const sources = plain.inputs.map((f) => readFileSync(join(root, f), 'utf8'));
  const key = createHash('sha256').update([plain.code, ...tools, ...sources].join('\0')).digest('hex').slice(0, 32);
  const file = join(root, 'build/xs-shaped', `${key}.board.js`);
  if (existsSync(file)) return { code: readFileSync(file, 'utf8'), bytes: plain.bytes };
  const loops = withLoops ? [(await import('./tools/bundle/xs-loops.ts')).indexArrayLoopsPlugin(join(root, opts.entry))] : [];
  const code = await shapedForXs(loops.length ? (await esbuildBundle({ ...opts, write: false }, loops)).code : plain.code, opts.entry, sources);
  writeFileSync(`${file}.tmp`, code);
  renameSync(`${file}.tmp`, file); // whole or absent for a parallel build
  return { code, bytes: plain.bytes };
}

/** Whether terser compresses the board bundle (tools/bundle/xs-compress.ts); TINYUSP_XS_COMPRESS=0 leaves it, to compare. */
const withCompress = (): boolean => process.env.TINYUSP_XS_COMPRESS !== '0';

/** What the reshaping's output depends on besides its input: the tools' text, terser's version. */
async function shapingTools(): Promise<string[]> {
  const files = ['xs-shape.ts', 'xs-props.ts', 'xs-pool.ts', 'xs-names.ts', ...(withCompress() ? ['xs-compress.ts'] : [])];
  const texts = files.map((f) => readFileSync(join(root, 'tools/bundle', f), 'utf8'));
  return withCompress() ? [...texts, (await import('./tools/bundle/xs-compress.ts')).compressorVersion()] : [...texts, 'no compress'];
}

/**
 * The XS reshaping of a preloaded board's bundle (tools/bundle/xs-shape.ts; then terser's
 * compression, tools/bundle/xs-compress.ts, and xs-shape.ts again over its output; xs-props.ts
 * with the types of the entry's sources, xs-pool.ts, then xs-names.ts), kept in build/xs-shaped/ by a hash of
 * the bundle, the sources and the tools: the reshaping takes TypeScript's checker ~40 s, and every
 * XS test file builds the board runner. Compressing after a first reshaping leaves less flash than
 * before it: terser folds what xs-shape made literal (and, before it, would write single-use
 * function declarations as function expressions made at each call).
 */
async function shapedForXs(text: string, entry: string, sources: string[]): Promise<string> {
  const tools = await shapingTools();
  const key = createHash('sha256').update([text, ...tools, ...sources].join('\0')).digest('hex').slice(0, 32);
  const dir = join(root, 'build/xs-shaped');
  const file = join(dir, `${key}.js`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { shapeForXs } = await import('./tools/bundle/xs-shape.ts');
  let shaped = shapeForXs(text).code;
  if (withCompress()) shaped = shapeForXs((await (await import('./tools/bundle/xs-compress.ts')).compressForXs(shaped)).code).code;
  const props = await import('./tools/bundle/xs-props.ts');
  const renamed = props.renameProps(shaped, props.internalProps(join(root, entry), root)).code;
  const pooled = (await import('./tools/bundle/xs-pool.ts')).poolForXs(renamed).code;
  const code = (await import('./tools/bundle/xs-names.ts')).nameBindingsAsKeys(pooled).code;
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.js')) rmSync(join(dir, old), { force: true }); // board ones too: written after
  writeFileSync(`${file}.tmp`, code);
  renameSync(`${file}.tmp`, file); // whole or absent for a parallel build
  return code;
}

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((a) => !(a in boards));
  if (unknown.length) {
    console.error(`build.config.ts: unknown board "${unknown[0]}" (known: ${Object.keys(boards).join(', ')})`);
    process.exit(2);
  }
  for (const name of argv.length ? argv : Object.keys(boards)) {
    const { profile, entry, platform } = boards[name];
    const outfile = `dist/${name}/tinyusp.js`;
    const { bytes } = await bundle({ entry, outfile, minify: profile.minify, write: true, format: 'esm', platform });
    console.log(`${name}: ${outfile} ${bytes} bytes, ${gzipSync(readFileSync(outfile)).length} gzipped`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`build failed: ${e.message ?? e}`);
    process.exit(1);
  });
}
