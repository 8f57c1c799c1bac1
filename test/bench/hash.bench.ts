// SHA-256 speed, HAL hash vs the portable JS fallback (`npm run bench:hash`): on XS (the script
// runner, test/engines/xs-hash.entry.ts: mbedTLS through the hash host function vs
// src/ota/hash.ts in XS), on x86-64 and on 32-bit ARM under qemu-arm, and on Node (node:crypto vs
// the same JS). Data fed in 1 KB pieces, as Download() does with its blocks. 3 runs each; the
// median is the figure. JS on ARM hashes 256 KB (it takes minutes per MB under qemu); every row
// is given in ms per MB.
//   npm run bench:hash [-- --no-arm]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { hostHash } from '../../hal/host/hash.ts';
import { jsHash } from '../../src/ota/hash.ts';
import { armUnavailable } from '../support/tools.ts';
import { buildXsHost, bundleFixture, capArgs, QEMU_ARM, scratchDir, type Arch } from '../engines/xs-harness.ts';

const ROUNDS = 3;
const MB = 1024 * 1024;
const CAP = { chunks: 256 * 1024, slots: 16384, stack: 1024 };
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function xsRun(bundle: string, arch: Arch, impl: 'host' | 'js', bytes: number): number {
  const binary = join(root, 'build/xs-host', arch, 'xs-host');
  const argv = [...capArgs(CAP), '--arg', 'mode=bench', '--arg', `impl=${impl}`, '--arg', `bytes=${bytes}`, bundle];
  const r = arch === 'arm' ? spawnSync(QEMU_ARM, [binary, ...argv], { encoding: 'utf8', timeout: 900_000 }) : spawnSync(binary, argv, { encoding: 'utf8', timeout: 300_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`xs-host (${arch}) failed: ${r.stderr}`);
  return JSON.parse(line).ms;
}

function nodeRun(impl: 'host' | 'js'): number {
  const block = new Uint8Array(1024).map((_, i) => i);
  const h = (impl === 'host' ? hostHash : jsHash).start('SHA-256');
  const t0 = performance.now();
  for (let i = 0; i < MB / 1024; i++) h.update(block);
  h.finish();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  buildXsHost();
  const arm = !process.argv.includes('--no-arm') && !armUnavailable();
  if (arm) {
    const b = spawnSync(process.execPath, [join(root, 'firmware/xs-host/build.mjs'), '--quiet', '--script-only', '--arch', 'arm'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(b.stderr);
  }
  const scratch = scratchDir('hash-bench');
  try {
    const bundle = await bundleFixture('test/engines/xs-hash.entry.ts', scratch.dir, 'xs-hash');
    const row = (label: string, ms: number[], bytes: number) => {
      const perMb = median(ms) * (MB / bytes);
      console.log(`${label}: ${perMb.toFixed(1)} ms/MB (median of ${ROUNDS}, ${bytes} B hashed; runs ${ms.map((m) => m.toFixed(1)).join(', ')} ms)`);
      return perMb;
    };
    const nodeHost = row('Node, HAL hash (node:crypto) SHA-256', Array.from({ length: ROUNDS }, () => nodeRun('host')), MB);
    const nodeJs = row('Node, portable JS SHA-256', Array.from({ length: ROUNDS }, () => nodeRun('js')), MB);
    console.log(`  Node speed-up ${(nodeJs / nodeHost).toFixed(1)}x`);
    for (const arch of arm ? (['x64', 'arm'] as Arch[]) : (['x64'] as Arch[])) {
      const label = arch === 'arm' ? 'XS 32-bit ARM (qemu-arm)' : 'XS x86-64';
      const jsBytes = arch === 'arm' ? 256 * 1024 : MB;
      const host = row(`${label}, HAL hash (mbedTLS host function) SHA-256`, Array.from({ length: ROUNDS }, () => xsRun(bundle, arch, 'host', MB)), MB);
      const js = row(`${label}, portable JS SHA-256`, Array.from({ length: ROUNDS }, () => xsRun(bundle, arch, 'js', jsBytes)), jsBytes);
      console.log(`  ${label} speed-up ${(js / host).toFixed(0)}x`);
    }
  } finally {
    scratch.remove();
  }
}

await main();
