// The preloaded board runner (firmware/xs-host/run-board.c, built by build.mjs with preload.mjs):
// xsl's report is read per warning class, preloading is what keeps the agent's boot RAM small,
// and the same runner works on 32-bit ARM under qemu-arm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { checkBudget, readXslOutput } from '../../firmware/xs-host/preload.mjs';
import {
  buildXsBoard, buildXsHost, bundleFixture, capArgs, parseStats, QEMU_ARM, scratchDir, xsBoardBinary, xsHostBinary, type Arch,
} from './xs-harness.ts';
import { armUnavailable, needs } from '../support/tools.ts';

const DEFAULTS = join(root, 'examples/demo-defaults.json');
const cap = { chunks: 384 * 1024, slots: 24 * 1024, stack: 2048 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsHost();
  buildXsBoard('x64');
  if (!armUnavailable()) buildXsBoard('arm');
  scratch = scratchDir('xs-board');
});
after(() => scratch?.remove());

/** Starts `file args`, waits for its `ready` line (bounded), sends SIGTERM, returns stderr. */
function bootAndStop(file: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no ready line in 30 s:\n${stderr}`)); }, 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (/^ready /m.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr, stdout }); });
  });
}

function agentArgs(name: string): string[] {
  const state = join(scratch.dir, name);
  mkdirSync(state, { recursive: true });
  return [...capArgs(cap), '--keys', '4096', '--stats', '--state', state, '--defaults', DEFAULTS, '--allow-nosec',
    '--arg', 'port=0', '--arg', 'log-level=error'];
}

test('xsl output: warnings are counted per class, anything else but the summary is an error', () => {
  const report = readXslOutput([
    '### 12 instances, 3 keys, 1 colors, 0 holes',
    '### warning: main: start() a: no const',
    '### warning: main: start() b: no const',
    '### warning: main: start() c() T: not frozen',
    "### 'x.xsb': module not found",
    'plain text',
  ].join('\n'));
  assert.deepEqual(report.counts, { 'no const': 2, 'not frozen': 1 });
  assert.deepEqual(report.errors, ["'x.xsb': module not found"]);
  assert.equal(report.summary, '12 instances, 3 keys, 1 colors, 0 holes');
});

test('xsl warnings: the build fails on a class not in the budget or above it, and on a missing budget', () => {
  const budget = join(scratch.dir, 'xsl-warnings.json');
  writeFileSync(budget, JSON.stringify({ budget: { 'no const': 2, 'not frozen': 1 } }));
  checkBudget(root, budget, { 'no const': 2, 'not frozen': 1 }, 'report.txt');
  assert.throws(() => checkBudget(root, budget, { 'no const': 2, 'not frozen': 2 }, 'report.txt'), /"not frozen" 2 > 1/);
  assert.throws(() => checkBudget(root, budget, { 'no const': 1, generator: 1 }, 'report.txt'), /"generator" 1 > 0/);
  assert.throws(() => checkBudget(root, join(scratch.dir, 'none.json'), {}, 'report.txt'), /is missing/);
});

test('preloaded, the esp32 agent boots in less than half the RAM of the same agent run as a script', async () => {
  // Given the same agent as a preloaded board image and as an iife bundle in a fresh machine
  const script = await bundleFixture('hal/xs/main.ts', scratch.dir, 'agent');
  const preloaded = await bootAndStop(xsBoardBinary('x64'), agentArgs('preloaded'));
  const evaluated = await bootAndStop(xsHostBinary, [...agentArgs('script'), script]);
  // when both have booted (ready) and stopped
  assert.equal(preloaded.status, 0, preloaded.stderr);
  assert.equal(evaluated.status, 0, evaluated.stderr);
  const p = parseStats(preloaded.stderr) as Record<string, number>;
  const e = parseStats(evaluated.stderr) as Record<string, number>;
  // then the preloaded one has an alias table (its ROM objects) and needs under half the RAM
  assert.ok(p.aliases > 0 && e.aliases === 0, preloaded.stderr);
  assert.ok(p.bootBytes < e.bootBytes / 2, `preloaded ${p.bootBytes} B, script ${e.bootBytes} B`);
});

test('on 32-bit ARM under qemu-arm the board runner boots with 16-byte slots', async (t) => {
  if (!needs(t, armUnavailable())) return;
  const arm = await bootAndStop(QEMU_ARM, [xsBoardBinary('arm'), ...agentArgs('arm')]);
  assert.equal(arm.status, 0, arm.stderr);
  assert.match(arm.stdout, /^ready proto::tinyusp-demo coap:\/\/127\.0\.0\.1:\d+\/usp$/m);
  const s = parseStats(arm.stderr) as Record<string, number>;
  assert.equal(s.slotBytes, 16);
  assert.equal(s.bootBytes, s.bootSlots * 16 + s.bootChunks + s.aliases * 4);
});

test('the board runner takes no bundle: its program is preloaded', () => {
  const file = join(scratch.dir, 'x.js');
  writeFileSync(file, '');
  for (const arch of ['x64'] as Arch[]) {
    const r = spawnSync(xsBoardBinary(arch), [...capArgs(cap), file], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^xs-host: the program is preloaded: no bundle argument \(usage: xs-esp32 /);
  }
});
