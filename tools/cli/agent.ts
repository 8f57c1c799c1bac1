// `tinyusp agent`: the host simulator. Runs the portable agent (src/device.ts) on Node with the
// host HAL: node:dgram UDP, file-backed storage under --state, the real clock. Reboot() and
// FactoryReset() restart the agent in-process on the same state and print `ready` again.
// With --engine xs or xs-arm the same device runs as the device build instead: the esp32 board
// runner (preloaded by xsl) at the board's memory cap, on x86-64 or on 32-bit ARM under qemu.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hal, LogLevel } from '../../hal/hal.ts';
import { createHostNet } from '../../hal/host/net.ts';
import { createFileStorage } from '../../hal/host/storage.ts';
import { createHostSystem, createHostTimers, hostClock } from '../../hal/host/system.ts';
import { host as hostBoard } from '../../boards/host.ts';
import { startDevice, type Device } from '../../src/device.ts';
import { parseArgs, intOption, UsageError } from './args.ts';
import { buildXsEngine, xsEngineCap, xsEngineCommand, type XsEngine } from './xs-engine.ts';
import pkg from '../../package.json' with { type: 'json' };

const HELP = `usage: tinyusp agent --defaults <file.json> --state <dir> [options]

Runs a simulated tinyusp device on this machine.

  --defaults <file>    factory defaults: a flat JSON object of TR-181 path -> value
  --state <dir>        where the device keeps its persisted data model (created if missing)
  --allow-nosec        permit plaintext CoAP without DTLS (required today; logged loudly)
  --host <addr>        local address to bind and advertise (default 127.0.0.1)
  --port <n>           override Device.LocalAgent.MTP.1.CoAP.Port (0 = any free port)
  --log-level <lvl>    error | warn | info | debug (default info)
  --serial <sn>        Device.DeviceInfo.SerialNumber of the simulated device (default SIM0001)
  --engine <e>         node (default): this process, host board profile;
                       xs: the esp32 device build (Moddable XS, preloaded) on this machine;
                       xs-arm: the same for 32-bit ARM, under qemu-arm-static.
                       The XS engines run at the esp32 board's memory cap and build on first use.`;

const LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export function readDefaults(file: string): { [path: string]: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --defaults ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--defaults ${file} is not JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`--defaults ${file} must be a JSON object of "Device.…" path -> string value`);
  }
  const out: { [path: string]: string } = {};
  for (const [k, v] of Object.entries(data)) {
    if (!k.startsWith('Device.') || typeof v !== 'string') {
      throw new UsageError(`--defaults ${file}: entry "${k}" must be a "Device.…" path with a string value`);
    }
    out[k] = v;
  }
  return out;
}


export async function agentCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const p = parseArgs(argv, { values: ['defaults', 'state', 'host', 'port', 'log-level', 'serial', 'engine'], flags: ['allow-nosec'] });
  if (p.positionals.length) throw new UsageError(`unexpected argument '${p.positionals[0]}'`);
  const defaultsFile = p.values.get('defaults');
  const stateDir = p.values.get('state');
  if (!defaultsFile) throw new UsageError('--defaults <file.json> is required');
  if (!stateDir) throw new UsageError('--state <dir> is required');
  const level = (p.values.get('log-level') ?? 'info') as LogLevel;
  if (!LEVELS.includes(level)) throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')}`);
  const port = p.values.has('port') ? intOption(p, 'port', 0, 0, 65535) : undefined;
  const defaults = readDefaults(defaultsFile);
  const allowNoSec = p.flags.has('allow-nosec');
  const engine = p.values.get('engine') ?? 'node';
  if (engine === 'xs' || engine === 'xs-arm') {
    return runXsEngine(engine, {
      defaultsFile, stateDir, level, port, allowNoSec, host: p.values.get('host'), serial: p.values.get('serial') ?? 'SIM0001',
    });
  }
  if (engine !== 'node') throw new UsageError('--engine must be node, xs or xs-arm');

  const storage = createFileStorage(join(stateDir, 'dm'));
  const net = createHostNet();
  let device: Device | undefined;
  let restarting: 'reboot' | 'factory-reset' | undefined;
  let done: (code: number) => void = () => {};
  const finished = new Promise<number>((r) => (done = r));

  const system = createHostSystem({
    identity: {
      manufacturer: 'tinyusp',
      oui: '00D09E',
      productClass: 'Simulator',
      serialNumber: p.values.get('serial') ?? 'SIM0001',
      modelName: 'tinyusp-sim',
      hardwareVersion: 'host',
      softwareVersion: pkg.version,
    },
    logLevel: level,
    write: (line) => process.stderr.write(line + '\n'),
    onReboot: () => { restarting = 'reboot'; setImmediate(boot); },
    onFactoryReset: () => { restarting = 'factory-reset'; setImmediate(boot); },
  });
  const hal: Hal = { net, clock: hostClock, timers: createHostTimers(), storage, system };

  function boot(): void {
    if (restarting) system.log('info', `restarting after ${restarting}`);
    restarting = undefined;
    try {
      device = startDevice({
        hal, board: hostBoard, defaults, allowNoSec, host: p.values.get('host'), port,
        traceMessages: level === 'debug',
        // One line with `ready` for scripts and tests to wait on.
        onReady: (uri) => process.stdout.write(`ready ${device?.agent.endpointId()} ${uri}\n`),
        onFatal: (m) => { process.stderr.write(`tinyusp agent: ${m}\n`); done(1); },
      });
    } catch (e) {
      process.stderr.write(`tinyusp agent: ${(e as Error).message}\n`);
      done(1);
    }
  }

  const stop = (sig: string) => {
    system.log('info', `stopping on ${sig}`);
    device?.stop();
    done(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  boot();
  return finished;
}

interface XsRunOptions {
  defaultsFile: string;
  stateDir: string;
  level: LogLevel;
  port: number | undefined;
  allowNoSec: boolean;
  host: string | undefined;
  serial: string;
}

/** Runs the esp32 device build on `engine` in the foreground; resolves with its exit code. */
async function runXsEngine(engine: XsEngine, o: XsRunOptions): Promise<number> {
  buildXsEngine(engine);
  const cap = xsEngineCap(engine);
  const args = ['--chunks', String(cap.chunks), '--slots', String(cap.slots), '--stack', String(cap.stack), '--keys', String(cap.keys),
    '--state', o.stateDir, '--defaults', o.defaultsFile, '--arg', `log-level=${o.level}`, '--arg', `serial=${o.serial}`,
    '--arg', `software-version=${pkg.version}`];
  if (o.allowNoSec) args.push('--allow-nosec');
  if (o.port !== undefined) args.push('--arg', `port=${o.port}`);
  if (o.host !== undefined) args.push('--arg', `host=${o.host}`);
  const { file, args: argv, env } = xsEngineCommand(engine, args);
  const child = spawn(file, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  // The runner ends its loop on SIGTERM/SIGINT (exit 0): pass them on and wait for it.
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`cannot start ${file}: ${e.message}`)));
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}
