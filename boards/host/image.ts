// The entry of a host firmware image for the Node engine (`tinyusp firmware pack --engine node`
// bundles it with its version compiled in): the host board started by the boot loader
// (tools/cli/boot.ts) from a slot under <state>/fw. Reboot() and FactoryReset() end the process
// with EXIT_REBOOT and the boot loader starts the boot slot's build; it also exits when the boot
// loader goes away (its stdin pipe closes), as firmware stops with its board.
import { EXIT_REBOOT, type BootChoice } from '../../hal/host/firmware.ts';
import type { ModelModule } from '../../src/dm/api.ts';
import type { LogLevel } from '../../hal/hal.ts';
import { intOption, parseArgs } from '../../tools/cli/args.ts';
import { readDefaults } from '../../tools/cli/defaults.ts';
import { CREDENTIAL_OPTIONS, credentialsFromArgs } from '../../tools/cli/credentials.ts';
import { runHostDevice } from './main.ts';

declare const __TINYUSP_IMAGE_VERSION__: string;
/** The model modules of `firmware pack --model <file>` (its default export), or undefined. */
declare const __TINYUSP_IMAGE_MODULES__: ModelModule | readonly ModelModule[] | undefined;
const IMAGE_MODULES = __TINYUSP_IMAGE_MODULES__;

/** `--fw-boot <slot>,<trial 0|1>,<rolled back from slot or -1>`: the boot loader's choice. */
function bootChoice(text: string | undefined): BootChoice {
  const [slot, trial, from] = (text ?? '0,0,-1').split(',').map(Number);
  return { slot, trial: trial === 1, rolledBackFrom: Number.isInteger(from) ? from : -1 };
}

async function main(): Promise<number> {
  const p = parseArgs(process.argv.slice(2), { values: ['defaults', 'state', 'host', 'port', 'log-level', 'serial', 'fw-boot', 'dtls-wasm', ...CREDENTIAL_OPTIONS], flags: ['allow-nosec'] });
  const device = runHostDevice({
    defaults: readDefaults(p.values.get('defaults') ?? ''), stateDir: p.values.get('state') ?? '',
    modules: IMAGE_MODULES === undefined ? undefined : ([] as readonly ModelModule[]).concat(IMAGE_MODULES),
    allowNoSec: p.flags.has('allow-nosec'), credentials: credentialsFromArgs(p), dtlsWasm: p.values.get('dtls-wasm'), host: p.values.get('host'),
    port: p.values.has('port') ? intOption(p, 'port', 0, 0, 65535) : undefined,
    logLevel: (p.values.get('log-level') ?? 'info') as LogLevel, serialNumber: p.values.get('serial') ?? 'SIM0001',
    softwareVersion: __TINYUSP_IMAGE_VERSION__,
    onReady: (endpointId, uri) => process.stdout.write(`ready ${endpointId} ${uri}\n`),
    image: { boot: bootChoice(p.values.get('fw-boot')), restart: () => process.exit(EXIT_REBOOT) },
  });
  process.stdin.on('end', () => device.stop('boot loader gone'));
  process.stdin.resume();
  process.once('SIGINT', () => device.stop('SIGINT'));
  process.once('SIGTERM', () => device.stop('SIGTERM'));
  return device.finished;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`tinyusp image: ${(e as Error).message}\n`);
  process.exit(1);
});
