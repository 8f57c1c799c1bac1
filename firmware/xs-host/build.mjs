// Builds the tinyusp XS runner: build/xs-host/xs-host from firmware/xs-host/*.c and the Moddable
// XS sources shipped by @agoric/xsnap (platform-notes.md, "Moddable XS"). `npm run build:xs`.
//   node firmware/xs-host/build.mjs [--force] [--quiet]
// Incremental: an object is recompiled when its source, any header or the flags changed; the
// binary is relinked when an object is newer. Compile units run in a small job pool. Two builds
// started at once (parallel tests) take turns through a lock directory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hostDir = join(root, 'firmware/xs-host');
const xsDir = join(root, 'node_modules/@agoric/xsnap/moddable/xs');
const outDir = join(root, 'build/xs-host');
const objDir = join(outDir, 'obj');
const binary = join(outDir, 'xs-host');
const lockDir = join(outDir, '.lock');
const cc = process.env.CC || 'cc';

// The XS engine files (xsnap.mk's list without xsnap's own CLI, platform and modules).
const xsSources = [
  'xsAll', 'xsAPI', 'xsArguments', 'xsArray', 'xsAtomics', 'xsBigInt', 'xsBoolean', 'xsCode',
  'xsCommon', 'xsDataView', 'xsDate', 'xsDebug', 'xsDefaults', 'xsError', 'xsFunction',
  'xsGenerator', 'xsGlobal', 'xsJSON', 'xsLexical', 'xsLockdown', 'xsMapSet', 'xsMarshall', 'xsMath',
  'xsMemory', 'xsModule', 'xsNumber', 'xsObject', 'xsPlatforms', 'xsProfile', 'xsPromise',
  'xsProperty', 'xsProxy', 'xsRegExp', 'xsRun', 'xsScope', 'xsScript', 'xsSourceMap', 'xsString',
  'xsSymbol', 'xsSyntaxical', 'xsTree', 'xsType', 'xsdtoa', 'xsre', 'xsmc',
].map((name) => join(xsDir, 'sources', `${name}.c`));

// Flags after xsnap.mk (release goal), minus snapshots, metering, lockdown and the debugger.
const cflags = [
  '-O2', '-fno-common',
  '-DINCLUDE_XSPLATFORM', '-DXSPLATFORM="xs-platform.h"',
  '-DmxParse=1', '-DmxRun=1', '-DmxSloppy=1', '-DmxBoundsCheck=1', '-DmxMinusZero=1',
  '-DmxRegExpUnicodePropertyEscapes=1', '-DmxStringNormalize=1',
  `-I${join(xsDir, 'includes')}`, `-I${join(xsDir, 'platforms')}`, `-I${join(xsDir, 'sources')}`, `-I${hostDir}`,
  '-Wno-misleading-indentation', '-Wno-implicit-fallthrough',
];
const libs = ['-lm', '-lpthread'];

const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const say = (text) => { if (!quiet) console.log(text); };

class BuildError extends Error {}
function fail(message) {
  throw new BuildError(message);
}

function mtime(file) {
  try { return statSync(file).mtimeMs; } catch { return -1; }
}

function checkPrerequisites() {
  if (!existsSync(join(xsDir, 'sources/xsAll.c'))) {
    fail(`Moddable XS sources not found in ${relative(root, xsDir)}: run \`npm install\` (devDependency @agoric/xsnap)`);
  }
  const probe = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    fail(`C compiler \`${cc}\` not found or not working (${probe.error?.code ?? `exit ${probe.status}`}): install one, e.g. \`apt-get install gcc\`, or set CC`);
  }
  // XS uses __builtin_*_overflow only where __has_builtin says so; gcc >= 10 and clang define
  // it, older compilers get it forced on (platform-notes.md), which also works.
  const hasBuiltin = spawnSync(cc, ['-x', 'c', '-fsyntax-only', '-'], {
    input: '#ifndef __has_builtin\n#error no __has_builtin\n#endif\n',
    encoding: 'utf8',
  });
  if (hasBuiltin.status !== 0) cflags.push('-D__has_builtin(x)=1');
  return probe.stdout.split('\n')[0];
}

async function takeLock() {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = 0;
    try { holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8')); } catch { /* being written */ }
    if (holder && !isAlive(holder)) rmSync(lockDir, { recursive: true, force: true });
    if (Date.now() > deadline) fail(`another build holds ${relative(root, lockDir)} for 5 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function compile(source, object) {
  const temporary = `${object}.${process.pid}.tmp`;
  return new Promise((resolve, reject) => {
    const child = spawn(cc, [...cflags, '-c', source, '-o', temporary], { stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => { errors += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        if (errors && !quiet) process.stderr.write(errors);
        renameSync(temporary, object);
        resolve();
      } else {
        rmSync(temporary, { force: true });
        reject(new BuildError(`${relative(root, source)} failed (exit ${code}):\n${errors}`));
      }
    });
  });
}

async function runPool(jobs, width) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]();
  });
  await Promise.all(workers);
}

async function main() {
  const started = Date.now();
  const compiler = checkPrerequisites();
  mkdirSync(objDir, { recursive: true });
  await takeLock();
  try {
    const hostSources = readdirSync(hostDir).filter((f) => f.endsWith('.c')).map((f) => join(hostDir, f));
    const headers = [
      ...['includes', 'platforms', 'sources'].flatMap((d) =>
        readdirSync(join(xsDir, d)).filter((f) => f.endsWith('.h')).map((f) => join(xsDir, d, f))),
      ...readdirSync(hostDir).filter((f) => f.endsWith('.h')).map((f) => join(hostDir, f)),
    ];
    const newestHeader = Math.max(...headers.map(mtime));
    const flagsFile = join(outDir, 'flags.json');
    const flags = JSON.stringify({ compiler, cflags, libs });
    const flagsChanged = !existsSync(flagsFile) || readFileSync(flagsFile, 'utf8') !== flags || args.has('--force');

    const units = [...xsSources, ...hostSources].map((source) => ({
      source,
      object: join(objDir, `${basename(source, '.c')}.o`),
    }));
    const stale = units.filter(({ source, object }) => {
      const built = mtime(object);
      return flagsChanged || built < 0 || built < mtime(source) || built < newestHeader;
    });
    if (stale.length) {
      say(`xs-host: compiling ${stale.length} of ${units.length} files with ${cc} (${availableParallelism()} jobs)`);
      await runPool(stale.map((u) => () => compile(u.source, u.object)), availableParallelism());
      writeFileSync(flagsFile, flags);
    }
    const newestObject = Math.max(...units.map((u) => mtime(u.object)));
    if (stale.length || mtime(binary) < newestObject) {
      const temporary = `${binary}.${process.pid}.tmp`;
      const link = spawnSync(cc, [...units.map((u) => u.object), ...libs, '-o', temporary], { encoding: 'utf8' });
      if (link.status !== 0) fail(`link failed:\n${link.stderr || link.error}`);
      renameSync(temporary, binary);
      say(`xs-host: built ${relative(root, binary)} (${statSync(binary).size} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      say(`xs-host: ${relative(root, binary)} is up to date`);
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`build.mjs: ${e instanceof BuildError ? e.message : e.stack ?? e}`);
  process.exit(1);
});
