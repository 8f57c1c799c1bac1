// `npm run footprint [-- --check]`: the esp32 board's footprint at 32 bits, under qemu-arm
// (issue 10, item 6). Builds the esp32 board and an empty preloaded module (build.mjs --empty)
// for ARM, then measures:
//   flash  the agent's mc.xs.o (xsc byte code, strings, xsl's preloaded heap: all read-only data
//          on a device) minus the empty module's, by arm-linux-gnueabihf-size (text + data)
//   RAM    from the runner's --stats (live slots x 16 + chunks + alias table): the empty module
//          after boot; the agent after boot (after a collection); the agent's live high-water
//          mark over the scenario (tools/footprint/scenario.ts), run with --gc-stress so that
//          every allocation follows a collection and the peak is live data, not garbage
//   cap    capBytes32(XS_CAP) (boards/esp32/xs-cap.ts); the agent runs at exactly that cap
// Prints what the flash is made of (byte code, heap slots, strings, keys: read from xsl's mc.xs.c,
// image.ts), a per-feature flash table, and as its last line the JSON object of the issue.
// --check: exit 1 when a figure is above the esp32 profile's footprintBudget (CI, .ci/run).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { capBytes32, XS_CAP } from '../../boards/esp32/xs-cap.ts';
import { runScenario } from './scenario.ts';
import { featureTable } from './features.ts';
import { imageRows, readImage } from './image.ts';

const QEMU = 'qemu-arm-static';
const SIZE = process.env.SIZE_ARM || 'arm-linux-gnueabihf-size';
const armDir = join(root, 'build/xs-host/arm');
const capArgs = (c: typeof XS_CAP) => ['--chunks', String(c.chunks), '--slots', String(c.slots), '--stack', String(c.stack)];

/** One SIGUSR1 mark of the runner: the peaks since the previous mark, and what is live now. */
interface Mark { step: string; slotsPeak: number; chunksPeak: number; peakBytes: number; slots: number; chunks: number; liveBytes: number }

interface Stats { slotBytes: number; aliases: number; peakBytes: number; bootBytes: number; bootSlots: number; bootChunks: number; slotsPeak: number; chunksPeak: number; runtimeKeys: number }

function build(extra: string[]): void {
  const r = spawnSync(process.execPath, [join(root, 'firmware/xs-host/build.mjs'), '--quiet', '--arch', 'arm', ...extra], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`build.mjs ${extra.join(' ')} failed:\n${r.stderr}${r.stdout}`);
}

/** text + data of an object file (Berkeley format): what a device keeps in flash. */
function flashOf(object: string): { text: number; data: number; total: number } {
  const r = spawnSync(SIZE, [object], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${SIZE} ${object}: ${r.stderr || r.error}`);
  const [text, data] = r.stdout.trim().split('\n')[1].trim().split(/\s+/).map(Number);
  return { text, data, total: text + data };
}

function parseStats(stderr: string): Stats {
  const m = /xs-host stats: (\{.*\})/.exec(stderr);
  if (!m) throw new Error(`no --stats line:\n${stderr}`);
  return JSON.parse(m[1]) as Stats;
}

function ramEmpty(): Stats {
  const r = spawnSync(QEMU, [join(armDir, 'xs-empty'), ...capArgs(XS_CAP), '--keys', String(XS_CAP.keys), '--stats'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`xs-empty exited ${r.status}:\n${r.stderr}`);
  return parseStats(r.stderr);
}

/** The agent at the cap under qemu-arm, --gc-stress, through the scenario. */
async function ramAgent(): Promise<{ stats: Stats; steps: string[]; marks: Mark[] }> {
  const state = mkdtempSync(join(tmpdir(), 'tinyusp-footprint-'));
  const args = [join(armDir, 'xs-esp32'), ...capArgs(XS_CAP), '--keys', String(XS_CAP.keys), '--stats', ...(process.env.FOOTPRINT_NO_STRESS ? [] : ['--gc-stress']), '--state', state,
    '--allow-nosec', '--arg', 'port=0', '--arg', 'log-level=warn'];
  const child = spawn(QEMU, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XS_HOST_EMULATOR: QEMU } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((ok) => child.on('close', ok));
  try {
    const ready = await new Promise<{ id: string; uri: string }>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ready line in 120 s:\n${stderr}`)), 120_000);
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /^ready (\S+) (\S+)$/m.exec(stdout);
        if (m) { clearTimeout(timer); ok({ id: m[1], uri: m[2] }); }
      });
      child.on('close', () => { clearTimeout(timer); fail(new Error(`agent exited before ready:\n${stderr}`)); });
    });
    // After each step the runner is sent SIGUSR1: it prints the peaks of that step (xs-host.c).
    const marks: Mark[] = [];
    const mark = async (step: string): Promise<void> => {
      await new Promise((r) => setTimeout(r, 300)); // the agent's own exchange of the step ends
      const seen = (stderr.match(/xs-host mark: /g) || []).length;
      child.kill('SIGUSR1');
      const end = Date.now() + 30_000;
      while ((stderr.match(/xs-host mark: /g) || []).length === seen) {
        if (Date.now() > end) throw new Error(`no mark line for ${step}:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const lines = stderr.match(/xs-host mark: (\{.*\})/g) as string[];
      marks.push({ step, ...(JSON.parse(lines[lines.length - 1].slice('xs-host mark: '.length)) as Omit<Mark, 'step'>) });
    };
    await mark('boot (start() and the first collection)');
    const steps = await runScenario(ready.uri, ready.id, esp32.limits.reassemblyBytes, mark).catch((e: Error) => {
      throw new Error(`${e.message}\nagent stderr:\n${stderr}`);
    });
    child.kill('SIGTERM');
    const status = await exited;
    if (status !== 0) throw new Error(`agent exited ${status}:\n${stderr}`);
    return { stats: parseStats(stderr), steps, marks };
  } finally {
    child.kill('SIGKILL');
    rmSync(state, { recursive: true, force: true });
  }
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const ram = (s: Stats) => `${s.bootSlots} slots x ${s.slotBytes} + ${s.bootChunks} B chunks + ${s.aliases} aliases x 4`;

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  build([]);
  build(['--empty']);
  const agentFlash = flashOf(join(armDir, 'obj-esp32/mc.xs.o'));
  const emptyFlash = flashOf(join(armDir, 'obj-empty/mc.xs.o'));
  const flashAgentBytes = agentFlash.total - emptyFlash.total;
  const empty = ramEmpty();
  const { stats, steps, marks } = await ramAgent();
  const peakLive = stats.slotsPeak * stats.slotBytes + stats.chunksPeak + stats.aliases * 4;
  const figures = {
    board: 'esp32', arch: 'arm32', flashAgentBytes, ramEmptyBytes: empty.bootBytes,
    ramBootBytes: stats.bootBytes, ramPeakBytes: peakLive, capBytes: capBytes32(XS_CAP),
  };

  console.log('tinyusp footprint, esp32 board, 32-bit ARM under qemu-arm (npm run footprint)\n');
  console.log(`scenario: boot; ${steps.join('; ')}\n`);
  console.log('flash (mc.xs.o, text + data = byte code + strings + preloaded heap)');
  console.log(`  agent           ${kb(agentFlash.total)}  (${agentFlash.text} text + ${agentFlash.data} data)`);
  console.log(`  empty module    ${kb(emptyFlash.total)}  (${emptyFlash.text} text + ${emptyFlash.data} data)`);
  console.log(`  agent - empty   ${kb(flashAgentBytes)}`);
  // What mc.xs.c holds (tools/footprint/image.ts): measured from xsl's arrays, agent - empty.
  const parts = imageRows(readImage(join(root, 'build/boards/esp32/mc/mc.xs.c')), readImage(join(root, 'build/boards/empty/mc/mc.xs.c')));
  const partsSum = parts.reduce((n, r) => n + r.bytes, 0);
  console.log('\nwhat the flash above the empty module is (read from mc.xs.c; the rest is C alignment and the preparation)');
  for (const row of parts) console.log(`  ${row.name.padEnd(32)} ${row.bytes ? kb(row.bytes) : ' '.repeat(10)}  ${row.detail}`);
  console.log(`  ${'rest'.padEnd(32)} ${kb(flashAgentBytes - partsSum)}`);
  console.log('\nper feature, flash above the empty module (share of the minified bundle, see features.ts)');
  for (const row of await featureTable(flashAgentBytes)) console.log(`  ${row.name.padEnd(48)} ${kb(row.bytes)}  ${row.files}`);
  console.log('\nRAM (live slots x 16 + chunks + alias table)');
  console.log(`  empty module after boot   ${kb(empty.bootBytes)}  (${ram(empty)})`);
  console.log(`  agent after boot          ${kb(stats.bootBytes)}  (${ram(stats)}; ${stats.runtimeKeys} run-time keys)`);
  console.log(`  agent peak (live)         ${kb(peakLive)}  (${stats.slotsPeak} slots, ${stats.chunksPeak} B chunks: each its own high-water mark)`);
  console.log(`  peak above empty          ${kb(peakLive - empty.bootBytes)}`);
  console.log('\nRAM per scenario step (peak while it ran: slots x 16 + chunks + aliases; live after it, after a collection)');
  for (const m of marks) console.log(`  ${m.step.slice(0, 52).padEnd(52)} peak ${kb(m.peakBytes)} (${m.slotsPeak} slots, ${m.chunksPeak} B)  live after ${kb(m.liveBytes)}`);
  console.log(`  cap (boards/esp32/xs-cap.ts) ${kb(figures.capBytes)}  (${XS_CAP.chunks} B chunks, ${XS_CAP.slots} slots, ${XS_CAP.stack} stack, ${XS_CAP.keys} keys, alias room)`);
  const budget = esp32.footprintBudget;
  const over: string[] = [];
  if (budget) {
    if (flashAgentBytes > budget.flashAgentBytes) over.push(`flashAgentBytes ${flashAgentBytes} > ${budget.flashAgentBytes}`);
    if (stats.bootBytes > budget.ramBootBytes) over.push(`ramBootBytes ${stats.bootBytes} > ${budget.ramBootBytes}`);
    if (peakLive > budget.ramPeakBytes) over.push(`ramPeakBytes ${peakLive} > ${budget.ramPeakBytes}`);
  }
  if (esp32.memoryBudgetBytes !== undefined && figures.capBytes > esp32.memoryBudgetBytes) over.push(`capBytes ${figures.capBytes} > memoryBudgetBytes ${esp32.memoryBudgetBytes}`);
  if (stats.aliases * 4 > 1024) over.push(`alias table ${stats.aliases * 4} B > its 1 KB room in the cap`);
  console.log(`\nbudgets (boards/esp32/profile.ts footprintBudget): ${over.length ? 'OVER: ' + over.join(', ') : 'all figures within'}`);
  console.log(JSON.stringify(figures));
  if (check && over.length) process.exit(1);
}

main().catch((e) => {
  console.error(`footprint: ${(e as Error).stack ?? e}`);
  process.exit(2);
});
