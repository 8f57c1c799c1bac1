// npm run bench:dtls — figures of the DTLS HAL on the host (issue 11, "Figures"):
//  1. handshake cost per role, in process: our client and our server wired in memory, the time
//     spent inside each side's calls (so "agent as server" and "agent as client" separately);
//  2. handshake time on the wire over UDP loopback against OpenSSL peers (libcoap), both roles;
//  3. heap per open session (PSK and ECDSA, each role) and the .wasm size;
//  4. the XS runner (the same C compiled in, with the esp32 board's record buffers): handshake
//     cost in process and the memory per session, mbedTLS heap and XS heap, on x86-64 and on
//     32-bit ARM under qemu-arm (test/dtls/xs-dtls-bench.entry.ts).
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { DtlsContext, DtlsContextOptions, DtlsSession } from '../../hal/hal.ts';
import { handshakeInMemory } from '../support/dtls-handshake.ts';
import { createHostNet } from '../../hal/host/net.ts';
import { createHostDtls } from '../../hal/host/dtls.ts';
import { hostDtls, makePki, certCredentials, ourClientGet, type Pki } from '../dtls/support.ts';
import { freePort, hasTool, run } from '../interop/harness.ts';
import { buildXsBoard, bundleFixture, capArgs, QEMU_ARM, scratchDir } from '../engines/xs-harness.ts';
import { armUnavailable } from '../support/tools.ts';
import { root } from '../../build.config.ts';
import { esp32 } from '../../boards/esp32/profile.ts';

const te = new TextEncoder();
const N = Number(process.env.DTLS_BENCH_N ?? 30);
// DTLS_WASM=build/dtls-wasm/variant-2048-1280.wasm measures a board-sized build (build-wasm.sh --variant).
const wasmPath = process.env.DTLS_WASM ? new URL(process.env.DTLS_WASM, 'file://' + process.cwd() + '/') : new URL('../../firmware/dtls/tinyusp-dtls.wasm', import.meta.url);
const dtls = process.env.DTLS_WASM ? createHostDtls({ clock: { wallTimeMs: () => Date.now() }, wasmPath }) : hostDtls();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const ms = (x: number) => x.toFixed(2) + ' ms';

interface InProcess {
  serverMs: number;
  clientMs: number;
  serverBytes: number;
  clientBytes: number;
  serverPeak: number;
  clientPeak: number;
}

/** One in-memory handshake, timing each side's calls separately. */
function handshake(cctx: DtlsContext, sctx: DtlsContext): InProcess {
  const { client, server, serverMs, clientMs } = handshakeInMemory(cctx, sctx, () => performance.now());
  const r = { serverMs, clientMs, serverBytes: server.memoryBytes(), clientBytes: client.memoryBytes(),
    serverPeak: server.memoryPeakBytes(), clientPeak: client.memoryPeakBytes() };
  client.close();
  server.close();
  return r;
}

function inProcess(name: string, client: Omit<DtlsContextOptions, 'role'>, server: Omit<DtlsContextOptions, 'role'>): void {
  const cctx = dtls.context({ role: 'client', ...client });
  const sctx = dtls.context({ role: 'server', ...server });
  const first = handshake(cctx, sctx);
  const runs: InProcess[] = [];
  for (let i = 0; i < N; i++) runs.push(handshake(cctx, sctx));
  console.log(`${name.padEnd(6)} as server ${ms(median(runs.map((r) => r.serverMs))).padStart(10)}   as client ${ms(median(runs.map((r) => r.clientMs))).padStart(10)}   ` +
    `(first: ${ms(first.serverMs)} / ${ms(first.clientMs)})   session heap open/peak: server ${first.serverBytes}/${first.serverPeak} B, client ${first.clientBytes}/${first.clientPeak} B; ` +
    `context heap (credentials, shared by its sessions): server ${sctx.memoryBytes()} B, client ${cctx.memoryBytes()} B`);
  cctx.dispose();
  sctx.dispose();
}

/**
 * Cost of one application record over an open PSK session (AES-128-CCM_8), in process: write on
 * one side, feed and read on the other, alternating directions. CPU time of the process (user +
 * system) per record, median of 3 rounds: the scheduler's share on a loaded machine stays out.
 * Twice, round by round in turn: with the module's lean CCM (firmware/dtls/tinyusp_lean_ccm.c),
 * and with mbedTLS's ccm.c, which it replaced.
 */
function recordCost(sizes: number[], count = 5000): void {
  const ccmC = createHostDtls({ clock: { wallTimeMs: () => Date.now() }, wasmPath, ccm: 'mbedtls' });
  const ways = [dtls, ccmC].map((d) => {
    const cctx = d.context({ role: 'client', ...psk });
    const sctx = d.context({ role: 'server', ...psk });
    return { cctx, sctx, ...handshakeInMemory(cctx, sctx, () => performance.now()) };
  });
  const rows: string[][] = [[], []];
  for (const size of sizes) {
    const msg = new Uint8Array(size).fill(0x55);
    const rounds: number[][] = [[], []];
    for (let r = 0; r < 3; r++) {
      for (let w = 0; w < 2; w++) {
        const { client, server } = ways[r & 1 ? 1 - w : w];
        const c0 = process.cpuUsage();
        for (let i = 0; i < count; i++) {
          const [a, b] = i & 1 ? [client, server] : [server, client];
          a.writeApplication(msg, 1);
          let d;
          while ((d = a.takeOutgoing())) b.feed(d, 1);
          if (b.readApplication()?.length !== size) throw new Error('record lost in the bench');
        }
        const c = process.cpuUsage(c0);
        rounds[r & 1 ? 1 - w : w].push((c.user + c.system) / count);
      }
    }
    for (let w = 0; w < 2; w++) rows[w].push(`${size} B ${median(rounds[w]).toFixed(1)} us`);
  }
  console.log(`One record (write, feed, read), CPU per record: ${rows[0].join(', ')}`);
  console.log(`  same through mbedTLS's ccm.c instead of the lean CCM: ${rows[1].join(', ')}`);
  for (const w of ways) {
    w.client.close();
    w.server.close();
    w.cctx.dispose();
    w.sctx.dispose();
  }
}

/** Our server, coap-client-openssl connecting N times: first ClientHello to open, on our clock. */
async function wireServer(name: string, options: Omit<DtlsContextOptions, 'role'>, clientArgs: string[]): Promise<void> {
  const sctx = dtls.context({ role: 'server', ...options });
  const net = createHostNet();
  const started = new Map<string, number>();
  const times: number[] = [];
  const sessions = new Map<string, DtlsSession>();
  const sock = net.udp({
    address: '127.0.0.1',
    onDatagram(data, address, port) {
      const key = address + ':' + port;
      const now = performance.now();
      if (!started.has(key)) started.set(key, now);
      let s = sessions.get(key);
      if (!s) {
        const h = sctx.hello(data, key, now);
        if (h.action === 'reply') return sock.send(h.datagram, address, port);
        if (h.action !== 'accept') return;
        s = h.session;
        sessions.set(key, s);
      } else s.feed(data, now);
      let d;
      while ((d = s.takeOutgoing())) sock.send(d, address, port);
      // The CoAP request is left unanswered: coap-client gives up after -B 1.
      if (s.state === 'open' && times.length < sessions.size) times.push(performance.now() - started.get(key)!);
    },
  });
  await sock.ready;
  for (let i = 0; i < Math.min(N, 10); i++) {
    await run('coap-client-openssl', ['-B', '1', '-m', 'get', ...clientArgs, `coaps://127.0.0.1:${sock.port}/x`], 10000);
  }
  for (const s of sessions.values()) s.close();
  sock.close();
  sctx.dispose();
  console.log(`${name.padEnd(6)} our server <- coap-client-openssl: median ${ms(median(times))} over ${times.length} (first ClientHello to open; includes the peer's work)`);
}

/** Our client against one running coap-server-openssl, N handshakes. */
async function wireClient(name: string, options: Omit<DtlsContextOptions, 'role'>, serverArgs: string[]): Promise<void> {
  const port = await freePort();
  const child = spawn('coap-server-openssl', ['-A', '127.0.0.1', '-p', String(port - 1), ...serverArgs], { stdio: 'ignore' });
  const guard = setTimeout(() => child.kill('SIGKILL'), 120000);
  try {
    await ourClientGet(options, port, '', 15000); // waits for the server to be up
    const times: number[] = [];
    for (let i = 0; i < N; i++) times.push((await ourClientGet(options, port, '', 5000)).handshakeMs);
    console.log(`${name.padEnd(6)} our client -> coap-server-openssl: median ${ms(median(times))} over ${times.length} (connect to open; includes the peer's work)`);
  } finally {
    clearTimeout(guard);
    child.kill('SIGTERM');
  }
}

const psk = { psk: [{ identity: 'bench', key: te.encode('bench-key-012345') }] };
const wasm = readFileSync(wasmPath);
console.log(`${wasmPath.pathname.split('/').pop()}: ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped (-9)`);

console.log(`\nIn process, median of ${N} warm handshakes (time inside each side's calls):`);
inProcess('PSK', psk, psk);
recordCost([20, 400, 750, 1000]);
let pki: Pki | undefined;
if (await hasTool('openssl')) {
  pki = await makePki();
  inProcess('ECDSA', certCredentials(pki, 'controller'), certCredentials(pki, 'agent'));
} else console.log('ECDSA  skipped: openssl not installed (needed for the test PKI)');

// DTLS_BENCH_PART=inproc: the in-process rows only (module size, handshakes, record cost).
if (process.env.DTLS_BENCH_PART === 'inproc') {
  pki?.remove();
  process.exit(0);
}
if (process.env.DTLS_WASM) console.log('\nOn the wire: only with the committed module');
else if (pki && (await hasTool('coap-client-openssl')) && (await hasTool('coap-server-openssl'))) {
  console.log('\nOn the wire (UDP loopback, OpenSSL peers from libcoap3-bin):');
  await wireServer('PSK', psk, ['-k', 'bench-key-012345', '-u', 'bench']);
  await wireServer('ECDSA', certCredentials(pki, 'agent'), ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')]);
  await wireClient('PSK', psk, ['-k', 'bench-key-012345']);
  await wireClient('ECDSA', certCredentials(pki, 'agent'), ['-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-C', pki.path('ca.pem'), '-R', pki.path('ca.pem')]);
} else console.log('\nOn the wire: skipped (libcoap3-bin or openssl not installed)');

/** Runs the XS runner (script mode) of `arch` with `args`; resolves with its JSON lines at exit. */
function xsRun(arch: 'x64' | 'arm', args: string[], onLine?: (e: any) => void): { done: Promise<any[]>; stop(): void } {
  const binary = join(root, 'build/xs-host', arch, 'xs-host');
  const child = arch === 'arm' ? spawn(QEMU_ARM, [binary, ...args]) : spawn(binary, args);
  const lines: any[] = [];
  let pending = '';
  child.stdout.on('data', (d) => {
    pending += d;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const e = JSON.parse(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      lines.push(e);
      onLine?.(e);
    }
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return { done: new Promise((resolve) => child.on('close', () => (clearTimeout(guard), resolve(lines)))), stop: () => child.kill('SIGTERM') };
}

/** Session heap peaks of the XS runner with OpenSSL peers (libcoap), whose ClientHello and flights differ from ours. */
async function xsWire(arch: 'x64' | 'arm', p: Pki): Promise<void> {
  const cap = capArgs({ chunks: 256 * 1024, slots: 16384, stack: 2048 });
  const dir = scratchDir('dtls-bench-wire');
  try {
    const file = await bundleFixture('test/dtls/xs-dtls.entry.ts', dir.dir, 'xs-dtls');
    const cert = ['--cert', p.path('agent.pem'), '--key', p.path('agent.key'), '--ca', p.path('ca.pem')];
    const psk = ['--arg', 'psk-identity=bench', '--arg', 'psk-key=bench-key-012345'];
    const coapCert = ['-c', p.path('controller.pem'), '-j', p.path('controller.key'), '-C', p.path('ca.pem'), '-R', p.path('ca.pem')];
    let ready: (port: number) => void = () => {};
    const port = new Promise<number>((r) => (ready = r));
    const server = xsRun(arch, [...cap, '--arg', 'mode=server', ...cert, ...psk, file], (e) => e.event === 'ready' && ready(e.port));
    const srvPort = await port;
    const peaks: Record<string, number> = {};
    for (const args of [['-k', 'bench-key-012345', '-u', 'bench'], coapCert]) {
      await run('coap-client-openssl', ['-B', '3', '-m', 'get', ...args, `coaps://127.0.0.1:${srvPort}/x`], 20_000);
    }
    server.stop();
    const events = await server.done;
    // The peak once open is the handshake's (nothing after it holds more).
    for (const e of events) if (e.event === 'open') peaks[e.suite === 'TLS_PSK_WITH_AES_128_CCM_8' ? 'server PSK' : 'server ECDSA'] = e.peak;
    for (const [mode, serverArgs, clientArgs] of [['PSK', ['-k', 'bench-key-012345'], psk], ['ECDSA', coapCert, cert]] as const) {
      const wirePort = await freePort();
      const child = spawn('coap-server-openssl', ['-A', '127.0.0.1', '-p', String(wirePort - 1), ...serverArgs], { stdio: 'ignore' });
      try {
        const lines = await xsRun(arch, [...cap, '--arg', 'mode=client', '--arg', 'port=' + wirePort, ...clientArgs, file]).done;
        const last = lines[lines.length - 1];
        if (last?.event === 'response') peaks['client ' + mode] = last.peak;
      } finally {
        child.kill('SIGTERM');
      }
    }
    console.log(`${arch.padEnd(4)} with OpenSSL peers (libcoap), session heap peak: ` +
      ['server PSK', 'server ECDSA', 'client PSK', 'client ECDSA'].map((k) => `${k} ${peaks[k] ?? '?'} B`).join(', '));
  } finally {
    dir.remove();
  }
}

/** The XS rows: the bench entry run by the script-mode runner of each architecture. */
async function xsRows(): Promise<void> {
  const d = esp32.dtls.native!;
  console.log(`\nXS runner (mbedTLS compiled in; esp32 record buffers ${d.inContentBytes}/${d.outContentBytes}, low-memory ECP ${d.lowMemoryEcp}; ` +
    `session limit ${esp32.dtls.sessionBytes} B in 32-bit terms, 5/4 of it on x86-64), in process, median of ${N} warm handshakes:`);
  const scratch = scratchDir('dtls-bench');
  try {
    const file = await bundleFixture('test/dtls/xs-dtls-bench.entry.ts', scratch.dir, 'xs-dtls-bench');
    const arm = armUnavailable();
    for (const arch of ['x64', 'arm'] as const) {
      if (arch === 'arm' && arm) {
        console.log(`arm    skipped: ${arm}`);
        continue;
      }
      buildXsBoard(arch);
      const binary = join(root, 'build/xs-host', arch, 'xs-host');
      const args = [...capArgs({ chunks: 256 * 1024, slots: 16384, stack: 2048 }), '--arg', 'n=' + N,
        ...(pki ? ['--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')] : []), file];
      const r = arch === 'arm' ? spawnSync(QEMU_ARM, [binary, ...args], { encoding: 'utf8', timeout: 600_000 }) : spawnSync(binary, args, { encoding: 'utf8', timeout: 600_000 });
      if (r.status !== 0) throw new Error(`XS bench on ${arch} failed (${r.status}): ${r.stderr}`);
      for (const line of r.stdout.trim().split('\n')) {
        const m = JSON.parse(line);
        console.log(`${arch.padEnd(4)} ${m.mode.padEnd(6)} as server ${ms(m.serverMs).padStart(10)}   as client ${ms(m.clientMs).padStart(10)}   ` +
          `session heap open/peak: server ${m.serverOpen}/${m.serverPeak} B, client ${m.clientOpen}/${m.clientPeak} B; XS heap per open session ${m.xsPerSession} B; ` +
          `context heap: server ${m.serverContext} B, client ${m.clientContext} B`);
      }
      if (pki && (await hasTool('coap-client-openssl')) && (await hasTool('coap-server-openssl'))) await xsWire(arch, pki);
    }
    console.log('(arm runs under qemu-arm user emulation: its times are not the board\'s; its memory is, 32-bit as the ESP32)');
  } finally {
    scratch.remove();
  }
}
await xsRows();
pki?.remove();
