// The per-feature flash table of `npm run footprint`: the esp32 bundle (esbuild, minified, the
// text xsc compiles) is split by source folder, and each feature gets the agent's measured flash
// above the empty module in proportion to its share of the minified bundle. xsc compiles one
// module (the bundle), so byte code and preloaded heap are not attributed by the tools; the
// proportional split is an estimate (byte code and heap grow with source size, not exactly).
import { build } from 'esbuild';
import { root } from '../../build.config.ts';

/** Features, first match wins; `files` says what each covers. */
const FEATURES: { name: string; match: RegExp; files: string }[] = [
  { name: 'USP 1.3/1.4 parts (challenges, triggers)', match: /^src\/(model\/challenge|notify\/trigger)\.ts$/, files: 'src/model/challenge.ts, src/notify/trigger.ts' },
  { name: 'protobuf codec + USP Records', match: /^src\/(codec|record)\//, files: 'src/codec, src/record' },
  { name: 'CoAP (RFC 7252/7959) + USP CoAP binding', match: /^src\/(coap|mtp)\//, files: 'src/coap, src/mtp' },
  { name: 'USP messages (dispatch, Get..Operate, access)', match: /^src\/(usp\/|agent\.ts)/, files: 'src/usp, src/agent.ts' },
  { name: 'data-model engine', match: /^src\/dm\//, files: 'src/dm' },
  { name: 'DTLS link + XS DTLS binding (issue 11)', match: /^(src\/dtls\/|hal\/xs\/dtls\.ts|hal\/dtls-errors\.ts)/, files: 'src/dtls, hal/xs/dtls.ts, hal/dtls-errors.ts' },
  { name: 'firmware over the air (issue 12)', match: /^(src\/ota\/|src\/model\/firmware\.ts|hal\/xs\/firmware\.ts)/, files: 'src/ota, src/model/firmware.ts, hal/xs/firmware.ts' },
  { name: 'TR-181 model + factory defaults', match: /^(src\/model\/|boards\/esp32\/defaults\.json)/, files: 'src/model, boards/esp32/defaults.json' },
  { name: 'notifications', match: /^src\/notify\//, files: 'src/notify' },
  { name: 'core, device loop, XS HAL, board', match: /./, files: 'src/core.ts, device.ts, errors.ts, hal/xs, boards' },
];

export async function featureTable(flashBytes: number): Promise<{ name: string; bytes: number; files: string }[]> {
  const r = await build({
    absWorkingDir: root, entryPoints: ['boards/esp32/main.ts'], bundle: true, format: 'esm', target: 'es2020', platform: 'neutral',
    mainFields: ['module', 'main'], minify: true, legalComments: 'none', write: false, metafile: true, logLevel: 'silent', outfile: 'out.js',
  });
  const output = Object.values(r.metafile.outputs)[0];
  const sums = FEATURES.map(() => 0);
  let total = 0;
  for (const [file, info] of Object.entries(output.inputs)) {
    sums[FEATURES.findIndex((f) => f.match.test(file))] += info.bytesInOutput;
    total += info.bytesInOutput;
  }
  return FEATURES.map((f, i) => ({ name: `${f.name} (${(sums[i] / 1024).toFixed(1)} KB min.)`, bytes: Math.round(flashBytes * sums[i] / total), files: f.files }));
}
