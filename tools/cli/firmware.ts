// `tinyusp firmware pack|info`: host firmware images (hal/host/image.ts). `pack` makes an image of
// the current build that reports Version and DeviceInfo.SoftwareVersion = <v>: for the Node
// engine the host board bundle (boards/host/image.ts) with the version compiled in, for the XS
// engines the preloaded esp32 runner, stripped (the boot loader passes the image's version to it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { encodeImage, IMAGE_ENGINES, readImageLayout, type ImageEngine } from '../../hal/host/image.ts';
import { parseArgs, UsageError } from './args.ts';
import { buildXsEngine, xsRunnerBinary } from './xs-engine.ts';
import { root } from './paths.ts';

const HELP = `usage: tinyusp firmware pack --version <v> --out <file> [--engine node|xs|xs-arm] [--model <file>]
       tinyusp firmware info <file>

pack   an image of this build for the host board's A/B slots (tinyusp agent --ota), reporting
       Version and Device.DeviceInfo.SoftwareVersion = <v>; serve it over http:// or coap:// and
       call Device.DeviceInfo.FirmwareImage.{i}.Download() with its URL (README "Firmware").
       --model (node): the build also carries the model modules of <file> (as agent --model);
       a device upgraded to it keeps its stored model where it fits (README "Persistence").
info   the header of an image: version, engine, payload size.`;

const VERSION_RE = /^[\x21-\x7e]{1,64}$/;

/**
 * The runner of `engine` without its symbol tables and debug sections (binutils strip), as a
 * device image carries no symbols: what goes into the slot (the build keeps the unstripped one).
 */
function strippedRunner(engine: 'xs' | 'xs-arm'): Buffer {
  const strip = engine === 'xs-arm' ? process.env.STRIP_ARM || 'arm-linux-gnueabihf-strip' : process.env.STRIP || 'strip';
  const tmp = mkdtempSync(join(tmpdir(), 'tinyusp-pack-'));
  try {
    const out = join(tmp, 'runner');
    const r = spawnSync(strip, ['--strip-all', '-o', out, xsRunnerBinary(engine)], { encoding: 'utf8', timeout: 60_000 });
    if (r.error || r.status !== 0) throw new Error(`${strip} failed (${r.error?.message ?? r.stderr.trim()}): apt-get install binutils${engine === 'xs-arm' ? '-arm-linux-gnueabihf' : ''}`);
    return readFileSync(out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The bytes of an image of the current build for `engine`. */
export async function packImage(version: string, engine: ImageEngine, modelFile?: string): Promise<Buffer> {
  if (!VERSION_RE.test(version)) throw new UsageError('--version: 1 to 64 printable ASCII characters, no spaces');
  if (modelFile !== undefined && engine !== 'node') throw new UsageError('--model works with --engine node; a device build compiles its modules in');
  let payload: Uint8Array;
  if (engine === 'node') {
    // The model file's default export becomes __TINYUSP_IMAGE_MODULES__ (an esbuild inject).
    const tmp = modelFile === undefined ? undefined : mkdtempSync(join(tmpdir(), 'tinyusp-pack-'));
    const inject = tmp && join(tmp, 'model.mjs');
    if (inject) writeFileSync(inject, `import m from ${JSON.stringify(resolve(modelFile!))};\nexport { m as __TINYUSP_IMAGE_MODULES__ };\n`);
    try {
      const r = await build({
        absWorkingDir: root, entryPoints: ['boards/host/image.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
        write: false, outfile: 'image.mjs', logLevel: 'silent', inject: inject ? [inject] : [],
        define: { __TINYUSP_IMAGE_VERSION__: JSON.stringify(version), ...(inject ? {} : { __TINYUSP_IMAGE_MODULES__: 'undefined' }) },
      });
      payload = r.outputFiles[0].contents;
    } finally {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  } else {
    buildXsEngine(engine);
    payload = strippedRunner(engine);
  }
  return encodeImage({ version, engine }, payload);
}

export async function firmwareCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(HELP + '\n');
    return sub ? 0 : 2;
  }
  if (sub === 'pack') {
    const p = parseArgs(rest, { values: ['version', 'out', 'engine', 'model'] });
    const version = p.values.get('version');
    const out = p.values.get('out');
    const engine = (p.values.get('engine') ?? 'node') as ImageEngine;
    if (!version) throw new UsageError('--version <v> is required');
    if (!out) throw new UsageError('--out <file> is required');
    if (!IMAGE_ENGINES.includes(engine)) throw new UsageError('--engine must be node, xs or xs-arm');
    const image = await packImage(version, engine, p.values.get('model'));
    writeFileSync(out, image);
    process.stdout.write(`${out}: ${engine} image ${version}, ${image.length} bytes\n`);
    return 0;
  }
  if (sub === 'info') {
    if (rest.length !== 1) throw new UsageError('info takes one image file');
    const l = readImageLayout(rest[0]);
    process.stdout.write(`version ${l.header.version}\nengine ${l.header.engine}\npayload ${l.payloadBytes} bytes\nfile ${l.fileBytes} bytes\n`);
    return 0;
  }
  throw new UsageError(`unknown firmware command '${sub}'`);
}
