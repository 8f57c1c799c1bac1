// Measures the smallest XS memory cap (firmware/xs-host/min-cap.mjs) of: an empty script and the
// codec's differential vectors. The board entry serves forever: its smallest serving cap is
// measured by `npm run bench:e2e` (test/bench/e2e.bench.ts).
//   npx tsx test/engines/min-cap.ts
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { buildXsHost, scratchDir, scriptFile } from './xs-harness.ts';
import { bundleCodecVectors, hexVectors } from './codec-bundle.ts';

buildXsHost();
const scratch = scratchDir('min-cap');
try {
  const programs: [string, string][] = [
    ['empty script', scriptFile(scratch.dir, 'empty', '')],
    ['codec differential vectors', await bundleCodecVectors(scratch.dir, hexVectors())],
  ];
  for (const [name, bundle] of programs) {
    const r = spawnSync(process.execPath, [join(root, 'firmware/xs-host/min-cap.mjs'), bundle], { encoding: 'utf8', timeout: 300_000 });
    process.stdout.write(`${name}:\n${r.status === 0 ? r.stdout : `  failed: ${r.stderr}`}`);
  }
} finally {
  scratch.remove();
}
