// Finds the smallest memory cap a bundle runs under in the XS runner, by binary search: the
// bundle must exit 0 with the same stdout as under a roomy cap. --stats peaks count garbage not
// yet collected, so only a search finds the real minimum.
//   node firmware/xs-host/min-cap.mjs [--json] BUNDLE.js
// Searches chunks (roomy slots), then slots (at those chunks), then chunks again (at those
// slots) and the stack; prints the cap and its size in bytes on x86-64 (32-byte slots) and an
// estimate for 32-bit ARM (16-byte slots, same chunk bytes: chunk use is smaller there).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const binary = fileURLToPath(new URL('../../build/xs-host/x64/xs-host', import.meta.url));
const roomy = { chunks: 16 * 1024 * 1024, slots: 512 * 1024, stack: 8192 };
const floor = { chunks: 4096, slots: 256, stack: 64 };
const step = { chunks: 256, slots: 16, stack: 8 };

function run(bundle, cap) {
  const r = spawnSync(binary, ['--chunks', String(cap.chunks), '--slots', String(cap.slots), '--stack', String(cap.stack), bundle], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Smallest value of `key` (within `step`) for which the bundle still runs as under `roomy`. */
function search(bundle, cap, key, expected) {
  const ok = (value) => {
    const r = run(bundle, { ...cap, [key]: value });
    return r.status === 0 && r.stdout === expected;
  };
  let lo = floor[key];
  let hi = cap[key];
  if (!ok(hi)) throw new Error(`does not run with ${key}=${hi}`);
  if (ok(lo)) return lo;
  while (hi - lo > step[key]) {
    const mid = Math.floor((lo + hi) / 2 / step[key]) * step[key] || lo + step[key];
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function minCap(bundle) {
  if (!existsSync(binary)) throw new Error(`${binary} missing: run \`npm run build:xs\``);
  const reference = run(bundle, roomy);
  if (reference.status !== 0) {
    throw new Error(`the bundle fails even under a roomy cap (exit ${reference.status}):\n${reference.stderr}`);
  }
  const expected = reference.stdout;
  const cap = { ...roomy };
  cap.chunks = search(bundle, cap, 'chunks', expected);
  cap.slots = search(bundle, cap, 'slots', expected);
  cap.chunks = search(bundle, cap, 'chunks', expected);
  cap.stack = search(bundle, cap, 'stack', expected);
  return {
    ...cap,
    bytes64: cap.chunks + (cap.slots + cap.stack) * 32,
    bytes32Estimate: cap.chunks + (cap.slots + cap.stack) * 16,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const bundle = args.find((a) => !a.startsWith('--'));
  if (!bundle) {
    console.error('usage: node firmware/xs-host/min-cap.mjs [--json] BUNDLE.js');
    process.exit(2);
  }
  try {
    const cap = minCap(bundle);
    if (args.includes('--json')) console.log(JSON.stringify(cap));
    else {
      console.log(`smallest cap: --chunks ${cap.chunks} --slots ${cap.slots} --stack ${cap.stack}`);
      console.log(`= ${cap.bytes64} bytes on x86-64; ~${cap.bytes32Estimate} bytes with 16-byte slots (32-bit ARM)`);
    }
  } catch (e) {
    console.error(`min-cap: ${e.message}`);
    process.exit(1);
  }
}
