// One agent per state directory (issue 12, "nothing lost"). Two agents on one --state each serve
// their own copy of the model from RAM, and whichever writes last wins: an answered Set can vanish
// behind the other's older generation. The process that serves the model holds `agent.pid`; a
// second agent refuses to start while that process lives. A lock left by a crash (SIGKILL, power
// loss) names a process that is gone, and is taken over.
// The lock is created by link(2) of a file already holding our pid (fails if one exists: no
// half-written lock is ever seen), and a stale one is removed only under `agent.pid.takeover`,
// created with O_EXCL: of agents started in the same instant over one stale lock, one wins.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'agent.pid';
const GUARD_SUFFIX = '.takeover';

/** Running: kill(pid, 0) succeeds, and on Linux it is not a zombie (killed, not yet reaped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: kill(pid, 0) is all there is
  }
}

/** A lock file's text; undefined when there is none. */
function content(path: string): string | undefined {
  try { return readFileSync(path, 'utf8'); } catch { return undefined; }
}

/** The pids a lock names: its holder first, then the image process it runs (noteLockChild). */
function pidsOf(text: string | undefined): number[] {
  const out: number[] = [];
  for (const line of (text || '').split('\n')) {
    const pid = Number(line.trim());
    if (line.trim() && Number.isInteger(pid) && pid > 0) out.push(pid);
  }
  return out;
}

/** The pid a lock file names as its holder; undefined when there is no file or it names none. */
function holder(path: string): number | undefined {
  return pidsOf(content(path))[0];
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Creates `path` naming this process, atomically; false if it exists. */
function create(path: string, exclusive: 'link' | 'wx'): boolean {
  const tmp = exclusive === 'link' ? `${path}.${process.pid}.tmp` : path;
  let fd: number;
  try {
    fd = openSync(tmp, exclusive === 'link' ? 'w' : 'wx');
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    throw e;
  }
  try { writeSync(fd, `${process.pid}\n`); } finally { closeSync(fd); }
  if (exclusive === 'wx') return true;
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Removes the stale lock naming `stale` under the takeover guard; false when another process
 * holds the guard (it is taking over: look again). The lock is read again under the guard, so
 * a lock another process has just created is never removed.
 */
function removeStale(path: string, stale: string | undefined): boolean {
  const guard = path + GUARD_SUFFIX;
  if (!create(guard, 'wx')) {
    // A guard whose process is gone (it died in these few statements) is removed; this removal
    // is the one step not excluded (two starters meeting a dead guard at once).
    const g = holder(guard);
    let old = false;
    try { old = Date.now() - statSync(guard).mtimeMs > 1000; } catch { /* gone already */ }
    if ((g !== undefined && !alive(g)) || (g === undefined && old)) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (content(path) === stale) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}

/** Sleeps without an event loop turn: only while a just-killed holder is being reaped. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the state directory for this process; throws when another live process holds it. A
 * holder that is still alive is given `graceMs` to go (a SIGKILLed agent not yet reaped by its
 * parent still answers kill(pid, 0)). `parentMayHold`: an image started by the `--ota` boot
 * loader, which holds the directory for every image it boots, runs under its parent's lock.
 * Returns the release, for a clean stop.
 */
export function lockStateDirectory(dir: string, graceMs = 2000, parentMayHold = false): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const release = () => { if (holder(path) === process.pid) rmSync(path, { force: true }); };
  for (let waited = 0; ; ) {
    if (create(path, 'link')) return release;
    const text = content(path);
    const pids = pidsOf(text);
    const pid = pids[0];
    if (pid === process.pid || (parentMayHold && pid === process.ppid)) return release;
    // The holder, or the image it ran if that outlives it (a Node image stops a moment after
    // its boot loader is killed): either alive keeps the directory taken.
    const live = pids.find((p) => alive(p));
    if (live !== undefined) {
      if (waited >= graceMs) {
        throw new Error(`the state directory ${dir} is in use by process ${live} (another tinyusp agent): ` +
          'two agents on one --state would each serve their own copy of the data model');
      }
      pause(50);
      waited += 50;
      continue;
    }
    // Stale (its process is gone) or unreadable (a lock from before the link(2) scheme, cut
    // short): removed under the guard, then created again by the loop.
    if (!removeStale(path, text)) {
      pause(5);
      waited += 5;
      if (waited > graceMs + 5000) throw new Error(`the state directory ${dir}: its lock takeover guard ${LOCK_FILE + GUARD_SUFFIX} stays held`);
    }
  }
}

/**
 * The lock holder (the --ota boot loader) names the image process it started, so that a lock whose
 * holder died is not taken over while that image still runs. Rewritten atomically (rename).
 */
export function noteLockChild(dir: string, child: number | undefined): void {
  const path = join(dir, LOCK_FILE);
  if (holder(path) !== process.pid) return;
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try { writeSync(fd, `${process.pid}\n${child ? child + '\n' : ''}`); } finally { closeSync(fd); }
  renameSync(tmp, path);
}
