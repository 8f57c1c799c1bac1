// `npm run footprint:model`: what one data-model row and one byte of stored value cost in XS RAM
// on the esp32 board at 32 bits, under qemu-arm (the per-item costs of boards/esp32/worst-case.ts).
// Boots the ARM runner (build/xs-host/arm/xs-esp32, `npm run build:xs -- --arch arm` first) on
// factory-defaults files that differ only in the rows or value bytes being measured, and reads
// the RAM after boot from --stats (live slots x 16 + chunks, after a collection). Each figure is
// the difference to the demo defaults divided by the items added. Prints a table and, last, one
// JSON line: {"rowBytes":{table:N},"valueByteBytes":N,"notificationBytes":N}.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { XS_CAP } from '../../boards/esp32/xs-cap.ts';

const QEMU = 'qemu-arm-static';
const runner = join(root, 'build/xs-host/arm/xs-esp32');
const base: { [path: string]: string } = JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8'));
// Measured at a cap with room to spare: the figure is the cost, not whether it fits.
const cap = ['--chunks', String(XS_CAP.chunks * 2), '--slots', String(XS_CAP.slots * 2), '--stack', String(XS_CAP.stack), '--keys', String(XS_CAP.keys)];

interface Stats { bootBytes: number; bootSlots: number; bootChunks: number }

async function bootStats(defaults: { [path: string]: string }): Promise<Stats> {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-model-costs-'));
  const file = join(dir, 'defaults.json');
  writeFileSync(file, JSON.stringify(defaults));
  const child = spawn(QEMU, [runner, ...cap, '--stats', '--state', join(dir, 'state'), '--defaults', file,
    '--allow-nosec', '--arg', 'port=0', '--arg', 'log-level=error'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((ok) => child.on('close', ok));
  try {
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ready line in 120 s:\n${stderr}`)), 120_000);
      child.stdout.on('data', (d) => { stdout += d; if (/^ready /m.test(stdout)) { clearTimeout(timer); ok(); } });
      child.on('close', () => { clearTimeout(timer); fail(new Error(`agent exited before ready:\n${stderr}`)); });
    });
    child.kill('SIGTERM');
    if ((await exited) !== 0) throw new Error(`agent exit:\n${stderr}`);
    const m = /xs-host stats: (\{.*\})/.exec(stderr);
    if (!m) throw new Error(`no --stats line:\n${stderr}`);
    if (/factory defaults:/.test(stderr)) throw new Error(`a defaults entry was refused:\n${stderr}`);
    return JSON.parse(m[1]) as Stats;
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` rows made by `row(i)` (i from 2: row 1 of each table may be in the demo defaults). */
function rows(count: number, row: (i: number) => { [path: string]: string }): { [path: string]: string } {
  const out: { [path: string]: string } = {};
  for (let i = 2; i < 2 + count; i++) Object.assign(out, row(i));
  return out;
}

const N = esp32.limits.instancesPerTable - 1;
const LA = 'Device.LocalAgent.';
/** The tables a Controller can grow, each row with its short identifying values only. */
const TABLES: { [name: string]: (i: number) => { [path: string]: string } } = {
  'Controller.{i}': (i) => ({ [`${LA}Controller.${i}.EndpointID`]: `proto::c${i}` }),
  'Controller.{i}.MTP.{i}': (i) => ({ [`${LA}Controller.1.MTP.${i}.Protocol`]: 'CoAP' }),
  'Controller.{i}.BootParameter.{i}': (i) => ({ [`${LA}Controller.1.BootParameter.${i}.ParameterName`]: `Device.DeviceInfo.P${i}` }),
  'MTP.{i}': (i) => ({ [`${LA}MTP.${i}.Protocol`]: 'CoAP' }),
  'Subscription.{i}': (i) => ({ [`${LA}Subscription.${i}.ID`]: `s${i}`, [`${LA}Subscription.${i}.Recipient`]: `${LA}Controller.1` }),
  'ControllerTrust.Role.{i}.Permission.{i}': (i) => ({ [`${LA}ControllerTrust.Role.1.Permission.${i}.Order`]: String(i) }),
  'ControllerTrust.Role.{i}': (i) => ({ [`${LA}ControllerTrust.Role.${i + 1}.Name`]: `r${i}` }),
  'ControllerTrust.Challenge.{i}': (i) => ({ [`${LA}ControllerTrust.Challenge.${i}.Alias`]: `ch${i}` }),
};

async function main(): Promise<void> {
  const empty = await bootStats(base);
  console.log(`demo defaults: ${empty.bootBytes} B after boot (${empty.bootSlots} slots, ${empty.bootChunks} B chunks)`);
  const rowBytes: { [name: string]: number } = {};
  for (const [name, row] of Object.entries(TABLES)) {
    // Role rows: 2 at boot, so 6 more (Role.3..8).
    const n = name === 'ControllerTrust.Role.{i}' ? N - 1 : N;
    const s = await bootStats({ ...base, ...rows(n, row) });
    rowBytes[name] = Math.ceil((s.bootBytes - empty.bootBytes) / n);
    console.log(`  +${n} ${name.padEnd(40)} ${String(rowBytes[name]).padStart(5)} B a row (${((s.bootSlots - empty.bootSlots) / n).toFixed(1)} slots, ${((s.bootChunks - empty.bootChunks) / n).toFixed(0)} B chunks)`);
  }
  // Value bytes: the same BootParameter rows, each ParameterName 1,000 bytes longer.
  const LONG = 1000;
  const short = rows(N, TABLES['Controller.{i}.BootParameter.{i}']);
  const long: { [path: string]: string } = {};
  for (const [k, v] of Object.entries(short)) long[k] = v + 'x'.repeat(LONG);
  const a = await bootStats({ ...base, ...short });
  const b = await bootStats({ ...base, ...long });
  const valueByteBytes = (b.bootBytes - a.bootBytes) / (N * LONG);
  console.log(`  value bytes: ${valueByteBytes.toFixed(3)} B of RAM a stored byte (${N} values of +${LONG} B)`);
  // A queued notification: Subscriptions to Controller.1 (whose MTP nobody answers) on Boot!,
  // each queuing a Boot! with retry at boot (the first in flight), against the same rows on
  // ValueChange (nothing queued). Boot! carries the ParameterMap: the largest notification.
  const Q = esp32.limits.notificationsPerController;
  const sub = (type: string, ref: string) => (i: number) => ({
    [`${LA}Subscription.${i}.Enable`]: 'true', [`${LA}Subscription.${i}.ID`]: `s${i}`, [`${LA}Subscription.${i}.NotifRetry`]: 'true',
    [`${LA}Subscription.${i}.Recipient`]: `${LA}Controller.1`, [`${LA}Subscription.${i}.NotifType`]: type, [`${LA}Subscription.${i}.ReferenceList`]: ref,
  });
  const idle = await bootStats({ ...base, ...rows(Q, sub('ValueChange', 'Device.DeviceInfo.FriendlyName')) });
  const queued = await bootStats({ ...base, ...rows(Q, sub('Event', 'Device.Boot!')) });
  const notificationBytes = Math.ceil((queued.bootBytes - idle.bootBytes) / Q);
  console.log(`  a queued Boot! notification: ${notificationBytes} B (${Q} queued to one Controller, the first in flight)`);
  console.log(JSON.stringify({ rowBytes, valueByteBytes: Number(valueByteBytes.toFixed(3)), notificationBytes }));
}

main().catch((e: Error) => { console.error(e.message); process.exit(1); });
