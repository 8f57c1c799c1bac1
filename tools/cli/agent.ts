// `tinyusp agent`: the host simulator, the host board (boards/host/main.ts) run from the command
// line. Reboot() and FactoryReset() restart the agent in-process on the same state and print
// `ready` again. With --engine xs or xs-arm the same device runs as the device build instead:
// the esp32 board runner (preloaded by xsl) at the board's memory cap, on x86-64 or on 32-bit
// ARM under qemu.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { ModelModule } from '../../src/dm/api.ts';
import type { LogLevel } from '../../hal/hal.ts';
import { runHostDevice } from '../../boards/host/main.ts';
import { parseArgs, intOption, UsageError } from './args.ts';
import { CREDENTIAL_HELP, CREDENTIAL_OPTIONS, credentialsFromArgs, runnerCredentialArgs } from './credentials.ts';
import { DTLS_WASM } from './paths.ts';
import { readDefaults } from './defaults.ts';
import { useDevPki } from './pki.ts';
import { buildXsEngine, xsEngineCap, xsEngineCommand, type XsEngine } from './xs-engine.ts';
import { lockStateDirectory } from '../../hal/host/state-lock.ts';
import pkg from '../../package.json' with { type: 'json' };

const HELP = `usage: tinyusp agent --defaults <file.json> --state <dir> [options]

Runs a simulated tinyusp device on this machine. CoAP runs over DTLS 1.2 (coaps://) with the
credentials below; without any, the agent refuses to start unless --allow-nosec is given.

  --defaults <file>    factory defaults: a flat JSON object of TR-181 path -> value
  --state <dir>        where the device keeps its persisted data model (created if missing)
${CREDENTIAL_HELP}
  --dev-pki            take --cert/--key/--ca from the development PKI in <state>/pki, made on
                       first use (tinyusp pki; what npm start does)
  --allow-nosec        permit plaintext CoAP without DTLS (no credentials needed; logged loudly)
  --host <addr>        local address to bind and advertise (default 127.0.0.1)
  --port <n>           override Device.LocalAgent.MTP.1.CoAP.Port (0 = any free port)
  --log-level <lvl>    error | warn | info | debug (default info)
  --serial <sn>        Device.DeviceInfo.SerialNumber of the simulated device (default SIM0001)
  --model <file.ts>    add a device maker's model: the file's default export is a ModelModule
                       or a list of them (examples/x-acme-thermostat/simulated.ts); node only
  --ota                run as firmware in A/B slots under <state>/fw: a boot loader starts the
                       slot's build (first start: this build goes to slot 0) and rolls back an
                       activated image that does not confirm itself (README "Firmware")
  --engine <e>         node (default): this process, host board profile;
                       xs: the esp32 device build (Moddable XS, preloaded) on this machine;
                       xs-arm: the same for 32-bit ARM, under qemu-arm-static.
                       The XS engines run at the esp32 board's memory cap and build on first use.`;

const LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export { readDefaults } from './defaults.ts';

/**
 * A device maker's model file (TypeScript or JavaScript): bundled with esbuild like the CLI
 * itself, then imported; its default export is a ModelModule or a list of them.
 */
async function loadModel(file: string): Promise<ModelModule[]> {
  const outfile = join(tmpdir(), `tinyusp-model-${process.pid}.mjs`);
  try {
    await build({ entryPoints: [resolve(file)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  } catch (e) {
    throw new UsageError(`--model ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  let exported: unknown;
  try {
    exported = (await import(pathToFileURL(outfile).href + '?' + Date.now())).default;
  } finally {
    rmSync(outfile, { force: true });
  }
  const list = Array.isArray(exported) ? exported : [exported];
  for (const m of list) {
    if (!m || typeof m !== 'object' || !Array.isArray((m as ModelModule).objects)) {
      throw new UsageError(`--model ${file}: the default export must be a ModelModule ({ objects, handlers }) or a list of them`);
    }
  }
  return list as ModelModule[];
}

export async function agentCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const p = parseArgs(argv, { values: ['defaults', 'state', 'host', 'port', 'log-level', 'serial', 'model', 'engine', ...CREDENTIAL_OPTIONS], flags: ['allow-nosec', 'ota', 'dev-pki'] });
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
  if (p.flags.has('dev-pki')) useDevPki(p, defaults, stateDir);
  const credentials = credentialsFromArgs(p);
  const modelFile = p.values.get('model');
  const engine = p.values.get('engine') ?? 'node';
  if (p.flags.has('ota')) {
    if (modelFile) throw new UsageError('--model cannot be combined with --ota (an image carries its modules compiled in)');
    if (engine !== 'node' && engine !== 'xs' && engine !== 'xs-arm') throw new UsageError('--engine must be node, xs or xs-arm');
    const { runBootLoader } = await import('./boot.ts');
    return runBootLoader({
      stateDir, defaultsFile, host: p.values.get('host'), port, level, serial: p.values.get('serial') ?? 'SIM0001', allowNoSec,
      engine, factoryVersion: pkg.version,
      credentialFlags: new Map(CREDENTIAL_OPTIONS.filter((n) => p.values.has(n)).map((n) => [n, p.values.get(n)!])),
    });
  }
  if (engine === 'xs' || engine === 'xs-arm') {
    // A device build carries its modules compiled in (boards/esp32/main.ts), not loaded at run time.
    if (modelFile) throw new UsageError('--model works with --engine node; a device build compiles its modules in');
    return runXsEngine(engine, {
      defaultsFile, stateDir, level, port, allowNoSec, host: p.values.get('host'), serial: p.values.get('serial') ?? 'SIM0001',
      credentialArgs: runnerCredentialArgs(p.values),
    });
  }
  if (engine !== 'node') throw new UsageError('--engine must be node, xs or xs-arm');
  const modules = modelFile ? await loadModel(modelFile) : [];

  const device = runHostDevice({
    defaults, stateDir, modules, allowNoSec, credentials, dtlsWasm: DTLS_WASM, host: p.values.get('host'), port, logLevel: level,
    serialNumber: p.values.get('serial') ?? 'SIM0001', softwareVersion: pkg.version,
    // One line with `ready` for scripts and tests to wait on.
    onReady: (endpointId, uri) => process.stdout.write(`ready ${endpointId} ${uri}\n`),
  });
  process.once('SIGINT', () => device.stop('SIGINT'));
  process.once('SIGTERM', () => device.stop('SIGTERM'));
  return device.finished;
}

interface XsRunOptions {
  defaultsFile: string;
  stateDir: string;
  level: LogLevel;
  port: number | undefined;
  allowNoSec: boolean;
  host: string | undefined;
  serial: string;
  /** The runner's arguments for the credential options given (CREDENTIAL_OPTIONS). */
  credentialArgs: string[];
}

/** Runs the esp32 device build on `engine` in the foreground; resolves with its exit code. */
async function runXsEngine(engine: XsEngine, o: XsRunOptions): Promise<number> {
  buildXsEngine(engine);
  const cap = xsEngineCap(engine);
  const args = ['--chunks', String(cap.chunks), '--slots', String(cap.slots), '--stack', String(cap.stack), '--keys', String(cap.keys),
    '--state', o.stateDir, '--defaults', o.defaultsFile, '--arg', `log-level=${o.level}`, '--arg', `serial=${o.serial}`,
    '--arg', `software-version=${pkg.version}`];
  if (o.allowNoSec) args.push('--allow-nosec');
  args.push(...o.credentialArgs);
  if (o.port !== undefined) args.push('--arg', `port=${o.port}`);
  if (o.host !== undefined) args.push('--arg', `host=${o.host}`);
  const { file, args: argv, env } = xsEngineCommand(engine, args);
  // This process holds the state directory for the runner, which stops when it dies (PDEATHSIG).
  const unlock = lockStateDirectory(o.stateDir);
  const child = spawn(file, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  // The runner ends its loop on SIGTERM/SIGINT (exit 0): pass them on and wait for it.
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`cannot start ${file}: ${e.message}`)));
    child.on('close', (code, signal) => {
      unlock();
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}
