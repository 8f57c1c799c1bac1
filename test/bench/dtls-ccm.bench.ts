// The records' AES-CCM alone (firmware/dtls/tinyusp_lean_ccm.c through lean_ccm_harness.c, built
// by `build-wasm.sh --harness` with the module's flags), inside WebAssembly with no DTLS and no
// JavaScript per block: what an AES block costs, one at a time (a CBC-MAC chain), the module's
// (round keys at a fixed address, rounds unrolled) beside mbedTLS's own block function and the
// CTR key-stream block (ctr_encrypt: rounds 1-2 mostly prepared once per record); and CCM of
// records of a DTLS record's shape (12-byte nonce, 13 bytes of AAD, 8-byte tag).
//   node --import tsx test/bench/dtls-ccm.bench.ts      (DTLS_CCM_ROUNDS, default 9)
// CPU time of the process (user + system) per call, median of the rounds; variants in turn.
import { buildLeanCcm, harnessUnavailable } from '../dtls/lean-ccm-harness.ts';

const why = harnessUnavailable();
if (why) {
  console.log('bench:dtls-ccm: skipped, ' + why);
  process.exit(0);
}
const ROUNDS = Number(process.env.DTLS_CCM_ROUNDS ?? 9);
const ccm = await buildLeanCcm();
const x = ccm.exports;
ccm.setKey(new Uint8Array(16).fill(0x2b));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuUs = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return c.user + c.system;
};

// Warm up every path so V8 has tiered them all up (TurboFan) before timing.
for (let i = 0; i < 3; i++) {
  for (const v of [0, 1, 2]) x.h_aes_loop(v, 20000);
  x.h_ccm_loop(750, 300);
}

const BLOCKS = 200000;
const aes = [[], [], []] as number[][];
for (let r = 0; r < ROUNDS; r++) {
  for (const v of [0, 1, 2]) aes[v].push((1000 * cpuUs(() => x.h_aes_loop(v, BLOCKS))) / BLOCKS);
}
const ns = (v: number) => v.toFixed(1) + ' ns';
console.log(`AES-128, one block, CPU per block, median of ${ROUNDS} rounds of ${BLOCKS} blocks:`);
const row = (v: number) => `${ns(median(aes[v]))} [${ns(Math.min(...aes[v]))}-${ns(Math.max(...aes[v]))}]`;
console.log(`  the module's, one at a time (chained, as the CBC-MAC) ${row(0)}`);
console.log(`  mbedTLS's mbedtls_internal_aes_encrypt (chained) ${row(1)}`);
console.log(`  the module's CTR key-stream block (rounds 1-2 prepared per record, ctr_encrypt) ${row(2)}`);

// A Get's records are ~150, 10, 750 and 10 bytes (firmware/dtls/README.md, "Record cost").
console.log(`\nCCM encrypt of one record (12-byte nonce, 13 B AAD, 8-byte tag), CPU per record, median of ${ROUNDS} rounds:`);
let perGet = 0;
for (const len of [10, 150, 750, 1024]) {
  const count = Math.max(2000, Math.floor(2_000_000 / (len + 64)));
  const t: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    t.push(cpuUs(() => {
      if (x.h_ccm_loop(len, count) !== 0) throw new Error('ccm failed');
    }) / count);
  }
  const blocks = 2 * Math.ceil(len / 16) + 3;
  const a = median(t);
  if (len !== 1024) perGet += a * (len === 10 ? 2 : 1);
  console.log(`  ${String(len).padStart(4)} B (${blocks} AES blocks): ${a.toFixed(2)} us (${ns((1000 * a) / blocks)} a block)`);
}
console.log(`  a Get's four records (150, 10, 750, 10 B), one end: ${perGet.toFixed(2)} us (both ends: x2; decrypting costs the same)`);
