// The host board's boot loader (`tinyusp agent --ota`): the device's firmware lives in A/B slots
// under <state>/fw (hal/host/firmware.ts) and each boot starts the build a slot holds, as a child
// process: a Node bundle, or a preloaded XS runner. Before each boot it applies the rollback rule
// (chooseBoot): a newly activated image is tried once, and if that try ends without the image
// confirming itself (it exited, crashed, rebooted, or outlived the watchdog unconfirmed), the
// next boot starts the confirmed image again with the reason in the slot's BootFailureLog.
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chooseBoot, EXIT_REBOOT, installFactoryImage, isProvisioned, readControl, slotImage, writeAtomic, type BootChoice } from '../../hal/host/firmware.ts';
import { readImageLayout, type ImageEngine } from '../../hal/host/image.ts';
import type { LogLevel } from '../../hal/hal.ts';
import { host } from '../../boards/host/profile.ts';
import { packImage } from './firmware.ts';
import { xsEngineCap, xsEngineCommand } from './xs-engine.ts';
import { runnerCredentialArgs } from './credentials.ts';
import { DTLS_WASM } from './paths.ts';
import { lockStateDirectory, noteLockChild } from '../../hal/host/state-lock.ts';

export interface BootLoaderOptions {
  stateDir: string;
  defaultsFile: string;
  host?: string;
  port?: number;
  level: LogLevel;
  serial: string;
  allowNoSec: boolean;
  /** The engine of the factory image made on the first start. */
  engine: ImageEngine;
  factoryVersion: string;
  /** The agent's credential flags as given (--cert, --key, --ca, --psk-*), passed to every image. */
  credentialFlags?: ReadonlyMap<string, string>;
  /** Unconfirmed trial images are reset after this long (default: the host profile's). */
  trialWatchdogMs?: number;
}

const log = (m: string) => process.stderr.write(`${new Date().toISOString()} boot  ${m}\n`);

/** The slot's build as a runnable file (extracted from the image once per installed image). */
function prepare(dir: string, slot: number): { file: string; engine: ImageEngine; version: string } {
  const img = slotImage(dir, slot);
  const layout = readImageLayout(img);
  const file = join(dir, `slot${slot}.run` + (layout.header.engine === 'node' ? '.mjs' : ''));
  const stamp = join(dir, `slot${slot}.run.stamp`);
  const st = statSync(img);
  const want = `${st.size}:${st.mtimeMs}`;
  if (!existsSync(file) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    const buf = Buffer.alloc(layout.payloadBytes);
    const fd = openSync(img, 'r');
    try { readSync(fd, buf, 0, buf.length, layout.payloadOffset); } finally { closeSync(fd); }
    writeAtomic(file, buf);
    chmodSync(file, 0o755);
    writeAtomic(stamp, want);
  }
  return { file, engine: layout.header.engine, version: layout.header.version };
}

function command(o: BootLoaderOptions, run: ReturnType<typeof prepare>, choice: BootChoice): { file: string; args: string[]; env: Record<string, string> } {
  if (run.engine === 'node') {
    const args = [run.file, '--defaults', o.defaultsFile, '--state', o.stateDir, '--log-level', o.level, '--serial', o.serial,
      '--fw-boot', `${choice.slot},${choice.trial ? 1 : 0},${choice.rolledBackFrom}`];
    if (o.allowNoSec) args.push('--allow-nosec');
    if (o.port !== undefined) args.push('--port', String(o.port));
    if (o.host !== undefined) args.push('--host', o.host);
    // The image runs from <state>/fw, away from the checkout: it is told where the DTLS module is.
    for (const [name, value] of o.credentialFlags ?? []) args.push(`--${name}`, value);
    if (o.credentialFlags?.size) args.push('--dtls-wasm', DTLS_WASM);
    return { file: process.execPath, args, env: {} };
  }
  // An XS image: the preloaded runner at the esp32 board's cap, with its slots HAL (hal/xs/firmware.ts).
  const cap = xsEngineCap(run.engine);
  const args = ['--chunks', String(cap.chunks), '--slots', String(cap.slots), '--stack', String(cap.stack), '--keys', String(cap.keys),
    '--state', o.stateDir, '--defaults', o.defaultsFile, '--arg', `log-level=${o.level}`, '--arg', `serial=${o.serial}`,
    '--arg', `software-version=${run.version}`, '--arg', `fw-boot=${choice.slot},${choice.trial ? 1 : 0},${choice.rolledBackFrom}`];
  if (o.allowNoSec) args.push('--allow-nosec');
  if (o.port !== undefined) args.push('--arg', `port=${o.port}`);
  if (o.host !== undefined) args.push('--arg', `host=${o.host}`);
  args.push(...runnerCredentialArgs(o.credentialFlags ?? new Map()));
  const c = xsEngineCommand(run.engine, args);
  const swap = (a: string) => (a.endsWith('/xs-esp32') ? run.file : a);
  return { file: swap(c.file), args: c.args.map(swap), env: c.env };
}

export async function runBootLoader(o: BootLoaderOptions): Promise<number> {
  const dir = join(o.stateDir, 'fw');
  // The boot loader holds the state directory for every image it boots (an XS runner takes no
  // lock of its own and stops with this process; a Node image runs under its parent's lock).
  const unlock = lockStateDirectory(o.stateDir);
  try {
    return await bootLoop(o, dir);
  } finally {
    unlock();
  }
}

async function bootLoop(o: BootLoaderOptions, dir: string): Promise<number> {
  if (!isProvisioned(dir)) {
    log(`first start: the ${o.engine} build ${o.factoryVersion} goes to slot 0`);
    installFactoryImage(dir, await packImage(o.factoryVersion, o.engine), { version: o.factoryVersion, engine: o.engine });
  }
  const watchdogMs = o.trialWatchdogMs ?? host.firmware.trialWatchdogMs;
  let stopping = false;
  let child: ReturnType<typeof spawn> | undefined;
  const stop = (sig: NodeJS.Signals) => { stopping = true; child?.kill(sig); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A trial found already begun at this start: the process before us died with it unconfirmed.
  let why = 'the device lost power or the boot loader was killed before the image confirmed';
  try {
    for (;;) {
      const choice = chooseBoot(dir, why);
      if (choice.rolledBackFrom >= 0) log(`slot ${choice.rolledBackFrom} did not confirm (${why}): rolled back to slot ${choice.slot}`);
      const run = prepare(dir, choice.slot);
      log(`booting slot ${choice.slot}: ${run.engine} image ${run.version}${choice.trial ? ' (trial: must confirm)' : ''}`);
      const cmd = command(o, run, choice);
      const proc = spawn(cmd.file, cmd.args, { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, ...cmd.env } });
      child = proc;
      noteLockChild(o.stateDir, proc.pid);
      const unconfirmed = () => choice.trial && readControl(dir).trial === choice.slot;
      const watchdog = choice.trial ? setTimeout(() => {
        if (!unconfirmed()) return;
        why = `the watchdog reset it, unconfirmed after ${watchdogMs} ms`;
        proc.kill('SIGKILL');
      }, watchdogMs) : undefined;
      why = '';
      const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        proc.on('error', (e) => { log(`cannot start slot ${choice.slot}: ${e.message}`); resolve({ code: 127, signal: null }); });
        proc.on('close', (code, signal) => resolve({ code, signal }));
      });
      if (watchdog) clearTimeout(watchdog);
      child = undefined;
      if (stopping) return 0;
      if (exit.code === EXIT_REBOOT) {
        if (!why) why = 'it rebooted before confirming';
        continue;
      }
      if (unconfirmed()) {
        if (!why) why = `it ${exit.signal ? 'was killed by ' + exit.signal : 'exited with status ' + exit.code} before confirming`;
        continue;
      }
      log(`the image in slot ${choice.slot} stopped (${exit.signal ?? 'status ' + exit.code})`);
      return exit.code ?? 1;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
