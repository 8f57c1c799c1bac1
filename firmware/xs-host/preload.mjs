// The preloaded image of a board (platform-notes.md, "Moddable XS with preloading"):
// boards/<board>/main.ts bundled by esbuild as one ES module, compiled by xsc into main.xsb,
// linked by xsl with preloading into mc.xs.c / mc.xs.h (build/boards/<board>/mc), which the
// board runner compiles in. Each step runs only when its input changed; an unchanged output
// keeps its mtime, so the C side does not recompile.
//
// xsl's warnings are read: every line is kept in build/boards/<board>/xsl-warnings.txt and
// counted per class ("no const", "not frozen"). The build fails on an xsl error, on a class
// not in the board's budget (boards/<board>/xsl-warnings.json) or on a count above it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, mtime, writeIfChanged } from './cc.mjs';

// -s '*': xsl strips the builtins the preloaded byte code never names (as a Moddable device build
// does by default): their objects leave the preloaded heap, and with them the C they call, which
// the link's --gc-sections then drops: eval, Function() and the other constructors from source
// text go, and so does the whole XS parser and byte-code compiler (the board runs xsc's byte
// code only). The empty board (npm run footprint's baseline) is stripped the same way.
const XSL_OPTIONS = ['-s', '*'];
// xsc -u (firmware/patches/moddable/0013): locals no closure captures get no NEW/UNWIND and no
// dead-zone or const check; every preloaded bundle is TypeScript-checked, where such a use is a
// compile error.
const XSC_OPTIONS = ['-u'];

async function bundleBoard(root, board) {
  // build.config.ts holds the bundling options (and the no-Node-built-ins guard) of every board.
  const { tsImport } = await import('tsx/esm/api');
  const config = await tsImport(join(root, 'build.config.ts'), import.meta.url);
  const { code } = await config.bundle({ entry: `boards/${board}/main.ts`, format: 'esm', minify: true, xsPreload: true });
  return code;
}

/** Counts xsl's warnings per class; every other `###` line but the summary is an error. */
export function readXslOutput(text) {
  const warnings = [];
  const errors = [];
  let summary = '';
  for (const line of text.split('\n')) {
    if (!line.startsWith('### ')) continue;
    const body = line.slice(4);
    const warning = /^warning: (.*): ([a-z][a-z ]*)$/.exec(body);
    if (warning) warnings.push({ where: warning[1], kind: warning[2] });
    else if (/^\d+ instances, /.test(body)) summary = body;
    else errors.push(body);
  }
  const counts = {};
  for (const w of warnings) counts[w.kind] = (counts[w.kind] ?? 0) + 1;
  return { warnings, errors, counts, summary };
}

function run(file, args, cwd) {
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) fail(`cannot run ${file}: ${r.error.message}`);
  return r;
}

/**
 * Builds build/boards/<board>/mc/mc.xs.{c,h}; returns { mcDir, counts }. `module` replaces the
 * board's bundle by a given module text with no warning budget (npm run footprint's empty
 * module, the baseline of the flash and RAM figures).
 */
export async function preloadBoard(root, board, tools, { say }, module) {
  const dir = join(root, 'build/boards', board);
  const mcDir = join(dir, 'mc');
  const source = join(dir, 'main.js');
  const budgetFile = module ? undefined : join(root, 'boards', board, 'xsl-warnings.json');
  mkdirSync(dir, { recursive: true });
  writeIfChanged(source, module ?? await bundleBoard(root, board));
  const mcFile = join(mcDir, 'mc.xs.c');
  const reportFile = join(dir, 'xsl-warnings.txt');
  // A change of xsc's or xsl's options re-links (their text is an input).
  const optionsFile = join(dir, 'xsl-options.txt');
  writeIfChanged(optionsFile, `xsc ${XSC_OPTIONS.join(' ')}\nxsl ${XSL_OPTIONS.join(' ')}\n`);
  const newestInput = Math.max(mtime(source), mtime(tools.xsc), mtime(tools.xsl), mtime(optionsFile), mtime(fileURLToPath(import.meta.url)), budgetFile ? mtime(budgetFile) : 0);
  if (mtime(mcFile) >= newestInput && existsSync(reportFile)) {
    return { mcDir, ...readXslOutput(readFileSync(reportFile, 'utf8')) };
  }
  const started = Date.now();
  const scratch = mkdtempSync(join(dir, 'link-'));
  try {
    const mods = join(scratch, 'mods');
    const out = join(scratch, 'out');
    mkdirSync(mods);
    mkdirSync(out);
    const xsc = run(tools.xsc, [source, '-c', '-e', ...XSC_OPTIONS, '-o', mods, '-r', 'main'], dir);
    if (xsc.status !== 0) fail(`xsc ${relative(root, source)} failed (exit ${xsc.status}):\n${xsc.stdout}${xsc.stderr}`);
    const xsl = run(tools.xsl, ['-b', mods, '-o', out, '-p', 'main.xsb', ...XSL_OPTIONS, join(mods, 'main.xsb')], dir);
    const output = `${xsl.stdout}${xsl.stderr}`;
    writeFileSync(reportFile, output);
    const report = readXslOutput(output);
    if (xsl.status !== 0 || report.errors.length) {
      fail(`xsl failed (exit ${xsl.status}) on ${relative(root, source)}:\n${report.errors.join('\n') || output}`);
    }
    if (budgetFile) checkBudget(root, budgetFile, report.counts, reportFile);
    writeIfChanged(mcFile, readFileSync(join(out, 'mc.xs.c')));
    writeIfChanged(join(mcDir, 'mc.xs.h'), readFileSync(join(out, 'mc.xs.h')));
    const summary = Object.entries(report.counts).map(([k, n]) => `${n} "${k}"`).join(', ') || 'none';
    say(`${board}: preloaded by xsl in ${((Date.now() - started) / 1000).toFixed(1)} s (${report.summary}; warnings: ${summary})`);
    return { mcDir, ...report };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Throws a BuildError when a warning class is missing from the budget file or above its count. */
export function checkBudget(root, budgetFile, counts, reportFile) {
  if (!existsSync(budgetFile)) fail(`${relative(root, budgetFile)} is missing: the xsl warning budget of the board`);
  const budget = JSON.parse(readFileSync(budgetFile, 'utf8')).budget ?? {};
  const over = Object.entries(counts).filter(([kind, n]) => n > (budget[kind] ?? 0));
  if (over.length) {
    fail(`xsl warnings over the budget of ${relative(root, budgetFile)}: ${over.map(([k, n]) => `"${k}" ${n} > ${budget[k] ?? 0}`).join(', ')}` +
      ` (every warning is listed in ${relative(root, reportFile)})`);
  }
}
