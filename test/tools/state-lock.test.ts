// One agent per state directory (hal/host/state-lock.ts, issue 12): a second `tinyusp agent` on
// a --state that a live agent serves refuses to start, so two copies of the model never serve
// side by side; after a SIGKILL the lock names a dead process and the next agent takes it over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE, lockStateDirectory } from '../../hal/host/state-lock.ts';
import { tempDir } from './simulator.ts';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'tools/tinyusp.mjs');

function startAgent(state: string, extra: string[] = []): { proc: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; stderr: () => string } {
  const proc = spawn(process.execPath, [bin, 'agent', '--defaults', join(root, 'examples/demo-defaults.json'), '--state', state,
    '--allow-nosec', '--port', '0', ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      if (/^ready \S+ \S+$/m.test(buf)) resolve();
    });
    void exited.then(() => reject(new Error(`agent exited before ready:\n${err}`)));
  });
  ready.catch(() => {});
  return { proc, ready, exited, stderr: () => err };
}

test('given an agent serving a --state, a second agent on it refuses to start; after a SIGKILL the next one takes it over', { timeout: 120_000 }, async (t) => {
  const state = tempDir(t);
  const first = startAgent(state);
  t.after(() => first.proc.kill('SIGKILL'));
  await first.ready;
  assert.equal(readFileSync(join(state, LOCK_FILE), 'utf8').trim(), String(first.proc.pid));

  const second = startAgent(state);
  t.after(() => second.proc.kill('SIGKILL'));
  assert.equal(await second.exited, 1);
  assert.match(second.stderr(), new RegExp(`in use by process ${first.proc.pid}`));
  assert.equal(readFileSync(join(state, LOCK_FILE), 'utf8').trim(), String(first.proc.pid), 'the refused agent left the lock alone');

  first.proc.kill('SIGKILL');
  await first.exited;
  const third = startAgent(state);
  t.after(() => third.proc.kill('SIGKILL'));
  await third.ready;
  assert.equal(readFileSync(join(state, LOCK_FILE), 'utf8').trim(), String(third.proc.pid));
  third.proc.kill('SIGTERM');
  assert.equal(await third.exited, 0);
});

test('a lock naming a process that is gone is taken over; one naming this process is kept (in-process restart)', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, LOCK_FILE), '2147483646\n'); // beyond pid_max: no such process
  const release = lockStateDirectory(dir, 0);
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
  const again = lockStateDirectory(dir, 0);
  again();
  assert.throws(() => readFileSync(join(dir, LOCK_FILE)), /ENOENT/, 'released');
  release();
});

test('a lock whose holder is gone but whose image process lives is refused (a Node image outliving its boot loader)', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, LOCK_FILE), `2147483646\n${process.ppid}\n`);
  assert.throws(() => lockStateDirectory(dir, 100), new RegExp(`in use by process ${process.ppid}`));
  writeFileSync(join(dir, LOCK_FILE), '2147483646\n2147483645\n'); // both gone: taken over
  lockStateDirectory(dir, 0)();
});

test('a lock held by another live process is refused after the grace period', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`); // the test runner: alive
  assert.throws(() => lockStateDirectory(dir, 100), new RegExp(`in use by process ${process.ppid}`));
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8').trim(), String(process.ppid));
});

/** Runs `n` racer processes that take `dir` at one instant (all loaded, then woken together); their answers. */
async function race(dir: string, n: number): Promise<string[]> {
  const racer = join(root, 'test/tools/fixtures/lock-racer.ts');
  const procs = Array.from({ length: n }, () => spawn(process.execPath, ['--import', 'tsx', racer, dir], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] }));
  const outs = procs.map(() => '');
  procs.forEach((p, i) => p.stdout!.on('data', (d: Buffer) => (outs[i] += d)));
  const until = async (ok: () => boolean, what: string) => {
    for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!ok()) throw new Error(`racers: no ${what} within 30 s: ${outs.join(' | ')}`);
  };
  try {
    await until(() => outs.every((o) => o.includes('ready')), 'ready');
    for (const p of procs) p.stdin!.write('g');
    await until(() => outs.every((o) => /ready\n\S+/.test(o)), 'answer');
    const answers = outs.map((o) => o.split('\n')[1]);
    const exited = procs.map((p) => new Promise((r) => p.on('exit', r)));
    for (const p of procs) p.stdin!.end();
    await Promise.all(exited);
    return answers;
  } finally {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  }
}

test('agents started in the same instant over one stale lock: exactly one takes it over, the others refuse', { timeout: 120_000 }, async (t) => {
  for (let round = 0; round < 3; round++) {
    const dir = tempDir(t);
    writeFileSync(join(dir, LOCK_FILE), '2147483646\n'); // a stale lock: no such process
    const answers = await race(dir, 6);
    assert.equal(answers.filter((a) => a === 'got').length, 1, `round ${round}: ${answers.join(', ')}`);
    assert.equal(answers.filter((a) => a === 'refused').length, 5, `round ${round}: ${answers.join(', ')}`);
    assert.throws(() => readFileSync(join(dir, LOCK_FILE)), /ENOENT/, 'the winner released it');
    assert.throws(() => readFileSync(join(dir, LOCK_FILE + '.takeover')), /ENOENT/, 'no takeover guard left behind');
  }
});

test('a takeover guard left by a process that died in it is removed, and the stale lock then taken over', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, LOCK_FILE), '2147483646\n');
  writeFileSync(join(dir, LOCK_FILE + '.takeover'), '2147483645\n');
  const release = lockStateDirectory(dir, 0);
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
  release();
});

test('the --ota boot loader holds the state directory for an XS image and for a Node image: a second agent refuses', { timeout: 300_000 }, async (t) => {
  for (const engine of ['xs', 'node']) {
    const state = tempDir(t);
    const loader = startAgent(state, ['--ota', '--engine', engine]);
    t.after(() => loader.proc.kill('SIGKILL'));
    await loader.ready;
    // The boot loader's pid, not its image's: the lock outlives the image across reboots. The
    // image it runs is named too (a lock whose holder died is not taken while the image lives).
    const [holderPid, imagePid] = readFileSync(join(state, LOCK_FILE), 'utf8').trim().split('\n').map(Number);
    assert.equal(holderPid, loader.proc.pid, engine);
    assert.ok(imagePid > 0 && imagePid !== loader.proc.pid, `${engine}: the image's pid is named`);
    process.kill(imagePid, 0); // alive
    const second = startAgent(state);
    t.after(() => second.proc.kill('SIGKILL'));
    assert.equal(await second.exited, 1, engine);
    assert.match(second.stderr(), new RegExp(`in use by process ${loader.proc.pid}`), engine);
    const third = startAgent(state, ['--ota', '--engine', engine]);
    t.after(() => third.proc.kill('SIGKILL'));
    assert.equal(await third.exited, 1, `${engine}: a second boot loader refuses too`);
    loader.proc.kill('SIGTERM');
    assert.equal(await loader.exited, 0, engine);
    assert.throws(() => readFileSync(join(state, LOCK_FILE)), /ENOENT/, `${engine}: released at a clean stop`);
  }
});
