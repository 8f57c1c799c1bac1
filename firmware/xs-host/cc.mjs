// Incremental C compilation for firmware/xs-host/build.mjs: a target is a list of sources, the
// flags, the headers they depend on and one binary. An object is recompiled when its source,
// a header or the flags changed; the binary is relinked when an object is newer. Compile units
// run in a small job pool; outputs are written to a temporary name then renamed, so a killed
// build never leaves a truncated object behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

export class BuildError extends Error {}
export function fail(message) {
  throw new BuildError(message);
}

export function mtime(file) {
  try { return statSync(file).mtimeMs; } catch { return -1; }
}

/** First line of `cc --version`, or a BuildError saying how to get the compiler. */
export function probeCompiler(cc, hint) {
  const probe = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    fail(`C compiler \`${cc}\` not found or not working (${probe.error?.code ?? `exit ${probe.status}`}): ${hint}`);
  }
  return probe.stdout.split('\n')[0];
}

/** gcc >= 10 and clang define __has_builtin; XS needs it forced on for older ones. */
export function hasBuiltinFlags(cc) {
  const r = spawnSync(cc, ['-x', 'c', '-fsyntax-only', '-'], {
    input: '#ifndef __has_builtin\n#error no __has_builtin\n#endif\n',
    encoding: 'utf8',
  });
  return r.status === 0 ? [] : ['-D__has_builtin(x)=1'];
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/** Takes `lockDir` (mkdir is atomic); a lock left by a dead process is broken. Waits 5 min at most. */
export async function takeLock(lockDir, root) {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
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

function compile(cc, flags, source, object, root, quiet) {
  const temporary = `${object}.${process.pid}.tmp`;
  return new Promise((resolve, reject) => {
    const child = spawn(cc, [...flags, '-c', source, '-o', temporary], { stdio: ['ignore', 'inherit', 'pipe'] });
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

/**
 * Builds one binary. `target`: { name, cc, cflags, ldflags, libs, sources, headers, objDir,
 * binary, objects? }: `sources` are compiled into objDir (a folder per set of flags), `objects`
 * are already built by another target and only linked.
 * Returns true when something was rebuilt.
 */
export async function buildTarget(target, { root, quiet, force, say }) {
  const started = Date.now();
  mkdirSync(target.objDir, { recursive: true });
  const newestHeader = Math.max(-1, ...target.headers.map(mtime));
  const flagsFile = join(target.objDir, 'flags.json');
  const flags = JSON.stringify({ cc: target.cc, cflags: target.cflags, ldflags: target.ldflags, libs: target.libs });
  const flagsChanged = force || !existsSync(flagsFile) || readFileSync(flagsFile, 'utf8') !== flags;
  const units = target.sources.map((source) => ({ source, object: join(target.objDir, `${basename(source, '.c')}.o`) }));
  const stale = units.filter(({ source, object }) => {
    const built = mtime(object);
    return flagsChanged || built < 0 || built < mtime(source) || built < newestHeader;
  });
  if (stale.length) {
    say(`${target.name}: compiling ${stale.length} of ${units.length} files with ${target.cc} (${availableParallelism()} jobs)`);
    await runPool(stale.map((u) => () => compile(target.cc, target.cflags, u.source, u.object, root, quiet)), availableParallelism());
    writeFileSync(flagsFile, flags);
  }
  const objects = [...units.map((u) => u.object), ...(target.objects ?? [])];
  const newestObject = Math.max(...objects.map(mtime));
  if (!target.binary) return stale.length > 0; // objects only, linked by other targets
  if (!stale.length && mtime(target.binary) >= newestObject) {
    say(`${target.name}: ${relative(root, target.binary)} is up to date`);
    return false;
  }
  mkdirSync(dirname(target.binary), { recursive: true });
  const temporary = `${target.binary}.${process.pid}.tmp`;
  const link = spawnSync(target.cc, [...target.ldflags, ...objects, ...target.libs, '-o', temporary], { encoding: 'utf8' });
  if (link.status !== 0) fail(`${target.name}: link failed:\n${link.stderr || link.error}`);
  renameSync(temporary, target.binary);
  say(`${target.name}: built ${relative(root, target.binary)} (${statSync(target.binary).size} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** The object files buildTarget makes for `sources` in `objDir`. */
export function objectsOf(sources, objDir) {
  return sources.map((source) => join(objDir, `${basename(source, '.c')}.o`));
}

/** Writes `text` to `file` only when it differs, so that an unchanged output keeps its mtime. */
export function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(text))) return false;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return true;
}
