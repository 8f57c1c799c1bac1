// `tinyusp agent`: the host simulator, the host board (boards/host/main.ts) run from the command
// line. Reboot() and FactoryReset() restart the agent in-process on the same state and print
// `ready` again.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { ModelModule } from '../../src/dm/api.ts';
import type { LogLevel } from '../../hal/hal.ts';
import { runHostDevice } from '../../boards/host/main.ts';
import { parseArgs, intOption, UsageError } from './args.ts';
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
  --model <file.ts>    add a device maker's model: the file's default export is a ModelModule
                       or a list of them (examples/x-acme-thermostat/simulated.ts)`;

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
  const p = parseArgs(argv, { values: ['defaults', 'state', 'host', 'port', 'log-level', 'serial', 'model'], flags: ['allow-nosec'] });
  if (p.positionals.length) throw new UsageError(`unexpected argument '${p.positionals[0]}'`);
  const defaultsFile = p.values.get('defaults');
  const stateDir = p.values.get('state');
  if (!defaultsFile) throw new UsageError('--defaults <file.json> is required');
  if (!stateDir) throw new UsageError('--state <dir> is required');
  const level = (p.values.get('log-level') ?? 'info') as LogLevel;
  if (!LEVELS.includes(level)) throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')}`);
  const port = p.values.has('port') ? intOption(p, 'port', 0, 0, 65535) : undefined;
  const defaults = readDefaults(defaultsFile);
  const modelFile = p.values.get('model');
  const modules = modelFile ? await loadModel(modelFile) : [];
  const allowNoSec = p.flags.has('allow-nosec');

  const device = runHostDevice({
    defaults, stateDir, modules, allowNoSec, host: p.values.get('host'), port, logLevel: level,
    serialNumber: p.values.get('serial') ?? 'SIM0001', softwareVersion: pkg.version,
    // One line with `ready` for scripts and tests to wait on.
    onReady: (endpointId, uri) => process.stdout.write(`ready ${endpointId} ${uri}\n`),
  });
  process.once('SIGINT', () => device.stop('SIGINT'));
  process.once('SIGTERM', () => device.stop('SIGTERM'));
  return device.finished;
}
