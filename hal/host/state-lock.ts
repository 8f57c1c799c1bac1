// One agent per state directory (issue 12, "nothing lost"). Two agents on one --state each serve
// their own copy of the model from RAM, and whichever writes last wins: an answered Set can vanish
// behind the other's older generation. The process that serves the model holds `agent.pid`; a
// second agent refuses to start while that process lives. A lock left by a crash (SIGKILL, power
// loss) names a process that is gone, and is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'agent.pid';

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

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function writePid(path: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try { writeSync(fd, `${process.pid}\n`); } finally { closeSync(fd); }
  renameSync(tmp, path);
}

/** Sleeps without an event loop turn: only while a just-killed holder is being reaped. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the state directory for this process; throws when another live process holds it. A
 * holder that is still alive is given `graceMs` to go (a SIGKILLed agent not yet reaped by its
 * parent still answers kill(pid, 0)). Returns the release, for a clean stop.
 */
export function lockStateDirectory(dir: string, graceMs = 2000): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const release = () => { if (holder(path) === process.pid) rmSync(path, { force: true }); };
  for (let waited = 0; ; waited += 50) {
    const pid = holder(path);
    if (pid === undefined || pid === process.pid || !alive(pid)) break;
    if (waited >= graceMs) {
      throw new Error(`the state directory ${dir} is in use by process ${pid} (another tinyusp agent): ` +
        'two agents on one --state would each serve their own copy of the data model');
    }
    pause(50);
  }
  // Not excluded: two agents started in the same instant over one stale lock.
  writePid(path);
  return release;
}
