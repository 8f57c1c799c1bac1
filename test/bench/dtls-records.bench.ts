// A Get's four DTLS records through the HAL (hal/host/dtls.ts), both ends in this process: 150,
// 10, 750 and 10 bytes (request, ACK, response, ACK; firmware/dtls/README.md, "Record cost"),
// each written, fed and read, over an open PSK session (AES-128-CCM_8). CPU time of the process
// per set of four, median [range] of the rounds. With DTLS_WASM_B=<module> the same with that
// module too, round by round in turn (an A/B of two builds in one process; the glue is this
// checkout's, so the module must export what it needs).
//   node --import tsx test/bench/dtls-records.bench.ts
//   DTLS_WASM_B=../base/firmware/dtls/tinyusp-dtls.wasm node --import tsx test/bench/dtls-records.bench.ts
import { createHostDtls } from '../../hal/host/dtls.ts';
import type { DtlsSession } from '../../hal/hal.ts';
import { handshakeInMemory } from '../support/dtls-handshake.ts';

const ROUNDS = Number(process.env.DTLS_RECORDS_ROUNDS ?? 21);
const SETS = 1000;
const te = new TextEncoder();
const psk = { psk: [{ identity: 'c1', key: te.encode('0123456789abcdef') }] };
const modules: [string, string | undefined][] = [['committed', undefined]];
if (process.env.DTLS_WASM_B) modules.push([process.env.DTLS_WASM_B, new URL(process.env.DTLS_WASM_B, 'file://' + process.cwd() + '/').pathname]);
const ways = modules.map(([name, wasmPath]) => {
  const d = createHostDtls({ clock: { wallTimeMs: () => Date.now() }, wasmPath });
  const { client, server } = handshakeInMemory(d.context({ role: 'client', ...psk }), d.context({ role: 'server', ...psk }), () => performance.now());
  return { name, client, server, cpu: [] as number[] };
});
const messages = [150, 10, 750, 10].map((n) => new Uint8Array(n).fill(0x55));
const kept: Uint8Array[] = [];

function sets(client: DtlsSession, server: DtlsSession, count: number): void {
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 4; j++) {
      const [a, b] = j & 1 ? [server, client] : [client, server];
      a.writeApplication(messages[j], 1);
      let d;
      while ((d = a.takeOutgoing())) b.feed(d, 1);
      const m = b.readApplication();
      if (m?.length !== messages[j].length) throw new Error('record lost in the bench');
      kept[(4 * i + j) & 63] = m; // the link keeps some records a while
    }
  }
}
for (const w of ways) sets(w.client, w.server, 3 * SETS); // warm: V8 tiers the module up
for (let r = 0; r < ROUNDS; r++) {
  for (const w of r & 1 ? [...ways].reverse() : ways) {
    const c0 = process.cpuUsage();
    sets(w.client, w.server, SETS);
    const c = process.cpuUsage(c0);
    w.cpu.push((c.user + c.system) / SETS);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`A Get's four records (150, 10, 750, 10 B; write, feed, read; both ends), CPU per set, median [range] of ${ROUNDS} rounds of ${SETS}:`);
for (const w of ways) console.log(`  ${w.name}: ${median(w.cpu).toFixed(2)} us [${Math.min(...w.cpu).toFixed(2)}-${Math.max(...w.cpu).toFixed(2)}]`);
