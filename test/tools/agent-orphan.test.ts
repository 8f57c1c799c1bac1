// A SIGKILL of `tinyusp agent --engine xs` ends its XS runner too (firmware/xs-host/host-loop.c:
// PR_SET_PDEATHSIG): an orphaned runner would go on serving its model from RAM beside an agent
// restarted on the same --state, so a Controller could read an older model than the one it was
// answered (issue 12). Linux only (the host runners are).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './simulator.ts';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'tools/tinyusp.mjs');

/** Running (not gone, not a zombie waiting for its reaper). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try { return !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8')); } catch { return false; }
}

test('given tinyusp agent --engine xs, when the tinyusp process is killed with SIGKILL, then its XS runner stops too', { timeout: 300_000 }, async (t) => {
  const state = tempDir(t);
  const agent = spawn(process.execPath, [bin, 'agent', '--engine', 'xs', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state,
    '--allow-nosec', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let runner = 0;
  t.after(() => { agent.kill('SIGKILL'); if (runner && alive(runner)) process.kill(runner, 'SIGKILL'); });
  let stderr = '';
  agent.stderr.on('data', (d: Buffer) => (stderr += d));
  // 'exit', not 'close': an orphaned runner would hold the inherited stdout pipe open.
  const exited = new Promise<void>((resolve) => agent.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    agent.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      if (/^ready \S+ \S+$/m.test(buf)) resolve();
    });
    void exited.then(() => reject(new Error(`agent exited before ready:\n${stderr}`)));
  });
  // Its children: the runner (given --state) and esbuild's service process.
  const children = readFileSync(`/proc/${agent.pid}/task/${agent.pid}/children`, 'utf8').trim().split(/\s+/).map(Number)
    .filter((n) => n > 0 && readFileSync(`/proc/${n}/cmdline`, 'utf8').split('\0').indexOf(state) >= 0);
  assert.equal(children.length, 1, 'one runner process');
  runner = children[0];
  assert.ok(alive(runner));
  agent.kill('SIGKILL');
  await exited;
  const end = performance.now() + 10_000;
  while (alive(runner) && performance.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.equal(alive(runner), false, `runner ${runner} still running after its tinyusp process was killed`);
});
