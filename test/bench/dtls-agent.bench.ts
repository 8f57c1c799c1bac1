// npm run bench:dtls, part 2 — DTLS through the agent (src/device.ts + src/dtls/link.ts), in this
// process on UDP loopback, with a lean Controller made of our HAL DTLS contexts and hand-built
// CoAP ACKs (no CoAP endpoint, no retransmission: loopback does not lose):
//  1. handshake, agent as server: our client's connect() to open (both sides' work, one process);
//  2. handshake, agent as client: the agent's first ClientHello at our reply-to socket to open;
//  3. Get Device.DeviceInfo. one at a time over established sessions (certificate mode), req/s and
//     p50, and the same over plaintext CoAP (--allow-nosec) in the same run: with the agents in
//     this process, then as `tinyusp agent` processes (the bundled CLI, as deployed); the
//     Controller has one socket in both modes (requests out, answers in);
//  4. heap per session on the host (open and peak, each role);
//  5. the agent's capacity: 4 Controllers at once against the agent processes (capacity() below).
// In process, the CPU time of this process's main thread per request is printed too (preemption
// is not in it); DTLS_BENCH_HAL_TIMES=1 adds the p50 of each record call on open sessions.
import { decodeMessage, encodeMessage } from '../../src/coap/message.ts';
import { CoapType, Code, Method } from '../../src/coap/constants.ts';
import { getPost as post } from './get-post.ts';
import { hostDtls, makePki, certCredentials } from '../dtls/support.ts';
import { side, sharedSide, type Side } from '../dtls/lean-controller.ts';
import { agentCredentials, agentDefaults, startSecureAgent, PSK_ID, PSK_KEY, type SecureAgent } from '../dtls/agent-support.ts';
import { hasTool } from '../interop/harness.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionMemory } from '../../src/dtls/link-view.ts';
import type { DtlsContext, DtlsSession } from '../../hal/hal.ts';

const N = Number(process.env.DTLS_BENCH_N ?? 30);
// 6,000: at 2,000 a run's req/s moved ±8 points with the scheduler on a 2-core machine (issue 11, seventh pass).
const GETS = Number(process.env.DTLS_BENCH_GETS ?? 6000);
/** Gets of each kind before the measured blocks (DTLS_BENCH_WARM). */
const WARM = Number(process.env.DTLS_BENCH_WARM ?? 1000);
/** `get`: only the Get comparisons (DTLS_BENCH_GET_MODES: any of `in`, `proc`, `load`; all by default). */
const PART = process.env.DTLS_BENCH_PART ?? 'all';
const MODES = process.env.DTLS_BENCH_GET_MODES ?? 'in,proc,load';
/** `dtls` or `plain`: the other kind's blocks shrink to one Get each (a profile of one kind). */
const ONLY = process.env.DTLS_BENCH_ONLY ?? '';
/** `two`: the Controller's DTLS sessions on two sockets (the bench's shape before 2026-12-06). */
const TWO_SOCKETS = process.env.DTLS_BENCH_SOCKETS === 'two';
const te = new TextEncoder();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => x.toFixed(2) + ' ms';
const now = () => performance.now();


/** The agent's response POSTs arrive at `inbound`: ACK each (2.04) and count them. */
function ackResponses(inbound: Side): { next(): Promise<void> } {
  let waiting: (() => void) | undefined;
  const ack = new Uint8Array(16);
  inbound.onMessage = (bytes, port) => {
    const d = decodeMessage(bytes);
    if (!d.ok || d.message.type !== CoapType.CON || d.message.code !== Method.POST) return;
    const n = encodeMessage({ type: CoapType.ACK, code: Code.CHANGED, messageId: d.message.messageId, token: d.message.token, options: [], payload: new Uint8Array(0) }, ack);
    inbound.send(ack.subarray(0, n), port);
    const w = waiting;
    waiting = undefined;
    w?.();
  };
  return {
    next: () => new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no response within 2 s')), 2000);
      waiting = () => (clearTimeout(t), resolve());
    }),
  };
}

/** `count` Gets one at a time (after a warm-up); the answer is the response POST at `inbound`. */
async function gets(out: Side, agentPort: number, inbound: Side, scheme: string, count: number): Promise<{ ms: number; lat: number[] }> {
  const replyTo = `${scheme}://127.0.0.1:${inbound.socket.port}/usp`;
  const acks = ackResponses(inbound);
  const lat: number[] = [];
  for (let i = 0; i < 20; i++) {
    const p = acks.next();
    out.send(post(replyTo, ['Device.DeviceInfo.']), agentPort);
    await p;
  }
  const t0 = now();
  for (let i = 0; i < count; i++) {
    const t = now();
    const p = acks.next();
    out.send(post(replyTo, ['Device.DeviceInfo.']), agentPort);
    await p;
    lat.push(now() - t);
  }
  return { ms: now() - t0, lat };
}

/** `tinyusp agent` in a child process on the bench's defaults; resolves once it prints `ready`. */
function agentProcess(args: string[], name: string): Promise<{ port: number; pid: number; stop(): void }> {
  // DTLS_BENCH_AGENT_ROOT: another checkout's agent (an A/B of two trees with this bench).
  const root = process.env.DTLS_BENCH_AGENT_ROOT ?? new URL('../..', import.meta.url).pathname;
  // DTLS_BENCH_AGENT_NODE_ARGS: node options for the agent processes (--perf-basic-prof, --cpu-prof).
  const nodeArgs = (process.env.DTLS_BENCH_AGENT_NODE_ARGS ?? '').split(' ').filter((a) => a);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'tools/tinyusp.mjs'), 'agent', '--defaults', join(dir, 'defaults.json'), '--state', join(dir, name),
    '--port', '0', '--log-level', 'error', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error('agent not ready in 20 s'))), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^ready \S+ \S+:(\d+)\/usp$/m.exec(out);
      if (m) (clearTimeout(timer), resolve({ port: Number(m[1]), pid: child.pid!, stop: () => child.kill('SIGTERM') }));
    });
  });
}

const pki = (await hasTool('openssl')) ? await makePki() : undefined;
if (!pki) {
  console.log('bench:dtls (agent): skipped, openssl not installed (needed for the test PKI)');
  process.exit(0);
}
const dtls = hostDtls();
/**
 * DTLS_BENCH_HAL_TIMES=1: time every record call on open sessions of this process's HAL (the
 * agents in process and the Controller share it), by kind and size, to set the records' cost in
 * the Get's context (caches cold after the agent's JavaScript) beside the Get's p50 gap and the
 * hot loop of test/bench/dtls-records.bench.ts. Adds two clock reads per call.
 */
const halTimes = process.env.DTLS_BENCH_HAL_TIMES === '1' ? new Map<string, number[]>() : undefined;
if (halTimes) {
  const note = (kind: string, n: number, t0: number) => {
    const key = kind + (n < 100 ? ' <100 B' : n < 400 ? ' 100-399 B' : ' >=400 B');
    let l = halTimes.get(key);
    if (!l) halTimes.set(key, (l = []));
    l.push(1000 * (performance.now() - t0));
  };
  const timed = (s: DtlsSession): DtlsSession => {
    const { feed, writeApplication } = s;
    s.feed = (d, nowMs) => {
      const open = s.state === 'open';
      const t0 = performance.now();
      feed.call(s, d, nowMs);
      if (open) note('feed', d.length, t0);
    };
    s.writeApplication = (d, nowMs) => {
      const t0 = performance.now();
      const r = writeApplication.call(s, d, nowMs);
      note('write', d.length, t0);
      return r;
    };
    return s;
  };
  const context = dtls.context;
  dtls.context = (o) => {
    const c: DtlsContext = context.call(dtls, o);
    const { connect, hello } = c;
    c.connect = (...a) => timed(connect.apply(c, a));
    c.hello = (...a) => {
      const h = hello.apply(c, a);
      if (h.action === 'accept') timed(h.session);
      return h;
    };
    return c;
  };
}
const cert = certCredentials(pki, 'controller');
const psk = { psk: [{ identity: PSK_ID, key: te.encode(PSK_KEY) }] };

console.log(`\nThrough the agent (src/device.ts + src/dtls/link.ts, in this process, UDP loopback), median of ${N}:`);
for (const mode of PART === 'get' ? [] : ['PSK', 'certificate'] as const) {
  const agent: SecureAgent = await startSecureAgent({ credentials: mode === 'PSK' ? agentCredentials(pki, 'PSK') : agentCredentials(pki, 'certificate'), defaults: agentDefaults(9), trace: false });
  const creds = mode === 'PSK' ? psk : cert;
  const cctx = dtls.context({ role: 'client', ...creds });
  const sctx = dtls.context({ role: 'server', ...creds });
  const asServer: number[] = [];
  const asClient: number[] = [];
  let memory = '';
  for (let i = 0; i < N; i++) {
    const out = await side(cctx, agent.port);
    asServer.push(out.openedAt!);
    const inbound = await side(sctx);
    const acks = ackResponses(inbound);
    const p = acks.next();
    out.send(post(`coaps://127.0.0.1:${inbound.socket.port}/usp`, ['Device.DeviceInfo.SerialNumber']), agent.port);
    await p;
    asClient.push(inbound.openedAt! - inbound.firstAt!);
    if (i === 0) {
      memory = sessionMemory(agent.device.dtls!).map((m) => `${m.channel} ${m.bytes}/${m.peakBytes} B`).join(', ');
    }
    out.close();
    inbound.close();
  }
  const name = mode === 'PSK' ? 'PSK' : 'ECDSA';
  console.log(`${name.padEnd(6)} handshake, agent as server ${ms(median(asServer)).padStart(9)}   agent as client ${ms(median(asClient)).padStart(9)}   session heap open/peak: ${memory}`);
  agent.stop();
  cctx.dispose();
  sctx.dispose();
}

// Get Device.DeviceInfo. over established sessions vs plaintext, same run: blocks of each in
// turn, so both see the same load on a shared machine. Twice: the agents in this process, then
// as `tinyusp agent` processes.
const cctx = dtls.context({ role: 'client', ...cert });
const sctx = dtls.context({ role: 'server', ...cert });
const BLOCKS = 10;
/**
 * CPU time in us that process `pid` has run: all its threads, and its main thread alone (the
 * agent's own work; the others are V8's compiler and GC helpers) (Linux
 * /proc/<pid>/task/<tid>/schedstat, ns), or undefined where there is no such file.
 */
function cpuOfProcess(pid: number): { all: number; main: number } | undefined {
  try {
    let ns = 0;
    let main = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const t = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      ns += t;
      if (tid === String(pid)) main = t;
    }
    return { all: ns / 1000, main: main / 1000 };
  } catch {
    return undefined;
  }
}

/** `pids`: the agents' processes (as processes), whose own CPU per request is shown too. */
async function compare(label: string, securePort: number, plainPort: number, pids?: { dtls: number; plain: number }): Promise<void> {
  // The Controller has one socket in both modes (its requests out, the agent's answers in), unless
  // DTLS_BENCH_SOCKETS=two: a socket per DTLS session (one more socket the loop polls per Get).
  const dOut = TWO_SOCKETS ? await side(cctx, securePort) : await sharedSide(cctx, sctx, securePort);
  const dIn = TWO_SOCKETS ? await side(sctx) : dOut;
  const pSide = await side();
  const tally = { dtls: { ms: 0, lat: [] as number[] }, plain: { ms: 0, lat: [] as number[] } };
  // CPU time of this process per request (user + system, every thread): on a loaded machine the
  // req/s carry the scheduler's tail, this does not.
  const cpu = { dtls: 0, plain: 0 };
  const agentCpu = { dtls: 0, plain: 0 };
  const agentMain = { dtls: 0, plain: 0 };
  // This process's main thread alone (in process: both agents' and the Controller's work).
  const selfMain = { dtls: 0, plain: 0 };
  const cpuOf = async <T>(k: 'dtls' | 'plain', f: () => Promise<T>): Promise<T> => {
    const c0 = process.cpuUsage();
    const s0 = cpuOfProcess(process.pid);
    const a0 = pids && cpuOfProcess(pids[k]);
    const r = await f();
    const c = process.cpuUsage(c0);
    cpu[k] += c.user + c.system;
    const s1 = cpuOfProcess(process.pid);
    if (s0 !== undefined && s1 !== undefined) selfMain[k] += s1.main - s0.main;
    const a1 = pids && cpuOfProcess(pids[k]);
    if (a0 !== undefined && a1 !== undefined) (agentCpu[k] += a1.all - a0.all), (agentMain[k] += a1.main - a0.main);
    return r;
  };
  // DTLS_BENCH_PERF=<dir>: `perf record` of each agent process over the Get blocks alone, into
  // <dir>/dtls.data and plain.data (with DTLS_BENCH_AGENT_NODE_ARGS=--perf-basic-prof for JS names).
  const perfDir = process.env.DTLS_BENCH_PERF;
  const perfs = perfDir && pids ? (['dtls', 'plain'] as const).map((k) => spawn('perf', ['record', '-g', '-F', '2999', '-q', '-p', String(pids[k]), '-o', join(perfDir, k + '.data')], { stdio: 'inherit' })) : [];
  if (perfs.length) await new Promise((r) => setTimeout(r, 500));
  // Warm-up, measured nowhere: the agent's client-role handshake (its first answer) and V8's tier-up
  // of both paths. Without it, 2,000 Gets carried ~66 ms of one-time main-thread work in the DTLS
  // blocks (~30 us a request) and a lower p50 ratio than longer runs (70-72% at 2,000, 74-75% at 8,000).
  await gets(dOut, securePort, dIn, 'coaps', WARM);
  await gets(pSide, plainPort, pSide, 'coap', WARM);
  for (let b = 0; b < BLOCKS; b++) {
    const d = await cpuOf('dtls', () => gets(dOut, securePort, dIn, 'coaps', ONLY === 'plain' ? 1 : GETS / BLOCKS));
    const p = await cpuOf('plain', () => gets(pSide, plainPort, pSide, 'coap', ONLY === 'dtls' ? 1 : GETS / BLOCKS));
    tally.dtls.ms += d.ms;
    tally.dtls.lat.push(...d.lat);
    tally.plain.ms += p.ms;
    tally.plain.lat.push(...p.lat);
  }
  for (const p of perfs) p.kill('SIGINT');
  if (perfs.length) await new Promise((r) => setTimeout(r, 2000));
  const rps = (t: { ms: number; lat: number[] }) => t.lat.length / (t.ms / 1000);
  console.log(`  ${label}: DTLS ${rps(tally.dtls).toFixed(0)} req/s p50 ${ms(median(tally.dtls.lat))}   plaintext ${rps(tally.plain).toFixed(0)} req/s p50 ${ms(median(tally.plain.lat))}   ` +
    `DTLS/plaintext ${(100 * rps(tally.dtls) / rps(tally.plain)).toFixed(0)}% (goal >= 70%)`);
  const per = (k: 'dtls' | 'plain') => (cpu[k] / (GETS + 20 * BLOCKS)).toFixed(0);
  const selfPer = (k: 'dtls' | 'plain') => (selfMain[k] / (GETS + 20 * BLOCKS)).toFixed(0);
  console.log(`    CPU of this process per request (blocks' 20-Get warm-ups included): DTLS ${per('dtls')} us, plaintext ${per('plain')} us; its main thread alone: DTLS ${selfPer('dtls')} us, plaintext ${selfPer('plain')} us`);
  // The agent's own work per request (its process alone; the Controller's records are not in it).
  if (agentCpu.dtls > 0 && agentCpu.plain > 0) {
    const agentPer = (k: 'dtls' | 'plain') => agentCpu[k] / (GETS + 20 * BLOCKS);
    console.log(`    CPU of the agent process per request (blocks' 20-Get warm-ups included): DTLS ${agentPer('dtls').toFixed(0)} us, plaintext ${agentPer('plain').toFixed(0)} us; plaintext/DTLS ${(100 * agentPer('plain') / agentPer('dtls')).toFixed(0)}%`);
    const mainPer = (k: 'dtls' | 'plain') => agentMain[k] / (GETS + 20 * BLOCKS);
    console.log(`      its main thread alone: DTLS ${mainPer('dtls').toFixed(0)} us, plaintext ${mainPer('plain').toFixed(0)} us, difference ${(mainPer('dtls') - mainPer('plain')).toFixed(0)} us`);
  }
  // The req/s are 1 / mean latency: on a shared machine the tail (preemption) weighs as much as
  // the work, so the latency spread is printed too.
  const q = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * f)];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const k of ['dtls', 'plain'] as const) {
    const l = tally[k].lat;
    console.log(`    ${k === 'dtls' ? 'DTLS' : 'plaintext'} latency: mean ${ms(mean(l))}, p90 ${ms(q(l, 0.9))}, p99 ${ms(q(l, 0.99))}, ${l.filter((x) => x > 1).length} of ${l.length} over 1 ms`);
  }
  // The median request's cost, which the scheduler's tail leaves alone: plaintext p50 / DTLS p50.
  console.log(`    p50 in us: DTLS ${(1000 * median(tally.dtls.lat)).toFixed(1)}, plaintext ${(1000 * median(tally.plain.lat)).toFixed(1)}; plaintext/DTLS ${(100 * median(tally.plain.lat) / median(tally.dtls.lat)).toFixed(0)}%`);
  dOut.close();
  if (dIn !== dOut) dIn.close();
  pSide.close();
}
/**
 * The agent's capacity: LOAD_CONTROLLERS Controllers (each its own socket and sessions, one Get
 * at a time as CoAP's NSTART = 1 has it) keep one agent process busy for LOAD_MS per block,
 * DTLS and plaintext blocks in turn; the Gets all of them completed per second. Unlike the rows
 * above (one request in flight: each Get waits for the Controller's turn too), the agent's own
 * cost per Get decides this figure, as it decides what a device serves.
 */
const LOAD_CONTROLLERS = Number(process.env.DTLS_BENCH_LOAD_CONTROLLERS ?? 4);
const LOAD_MS = Number(process.env.DTLS_BENCH_LOAD_MS ?? 3000);
async function capacity(label: string, securePort: number, plainPort: number, pids: { dtls: number; plain: number }): Promise<void> {
  const kinds = {
    dtls: { port: securePort, pid: pids.dtls, scheme: 'coaps', sides: [] as Side[], done: 0, ms: 0, agentMain: 0, selfMain: 0 },
    plain: { port: plainPort, pid: pids.plain, scheme: 'coap', sides: [] as Side[], done: 0, ms: 0, agentMain: 0, selfMain: 0 },
  };
  for (let i = 0; i < LOAD_CONTROLLERS; i++) {
    kinds.dtls.sides.push(await sharedSide(cctx, sctx, securePort));
    kinds.plain.sides.push(await side());
  }
  // One Controller: Gets one at a time until `until`; a lost answer fails the bench (bounded, 2 s).
  const loop = async (k: typeof kinds.dtls, s: Side, until: number, warm: boolean) => {
    const acks = ackResponses(s);
    const replyTo = `${k.scheme}://127.0.0.1:${s.socket.port}/usp`;
    while (now() < until) {
      const p = acks.next();
      s.send(post(replyTo, ['Device.DeviceInfo.']), k.port);
      await p;
      if (!warm) k.done++;
    }
  };
  const block = async (k: typeof kinds.dtls, ms: number, warm: boolean) => {
    const a0 = cpuOfProcess(k.pid);
    const s0 = cpuOfProcess(process.pid);
    const t0 = now();
    await Promise.all(k.sides.map((s) => loop(k, s, t0 + ms, warm)));
    if (warm) return;
    k.ms += now() - t0;
    const a1 = cpuOfProcess(k.pid);
    const s1 = cpuOfProcess(process.pid);
    if (a0 && a1) k.agentMain += a1.main - a0.main;
    if (s0 && s1) k.selfMain += s1.main - s0.main;
  };
  await block(kinds.dtls, 300, true);
  await block(kinds.plain, 300, true);
  for (let b = 0; b < 5; b++) {
    await block(kinds.dtls, LOAD_MS, false);
    await block(kinds.plain, LOAD_MS, false);
  }
  const rps = (k: typeof kinds.dtls) => k.done / (k.ms / 1000);
  const cpu = (k: typeof kinds.dtls, x: number) => (x / k.done).toFixed(0);
  // Busy share of each main thread: the agent's near 100% means the agent set the pace.
  const busy = (k: typeof kinds.dtls, x: number) => (100 * x / 1000 / k.ms).toFixed(0) + '%';
  console.log(`  ${label}, ${LOAD_CONTROLLERS} Controllers at once: DTLS ${rps(kinds.dtls).toFixed(0)} req/s, plaintext ${rps(kinds.plain).toFixed(0)} req/s, DTLS/plaintext ${(100 * rps(kinds.dtls) / rps(kinds.plain)).toFixed(0)}% (goal >= 70%)`);
  console.log(`    main thread per Get (busy share): the agent's DTLS ${cpu(kinds.dtls, kinds.dtls.agentMain)} us (${busy(kinds.dtls, kinds.dtls.agentMain)}), plaintext ${cpu(kinds.plain, kinds.plain.agentMain)} us (${busy(kinds.plain, kinds.plain.agentMain)}); ` +
    `the Controllers' (this process) DTLS ${cpu(kinds.dtls, kinds.dtls.selfMain)} us (${busy(kinds.dtls, kinds.dtls.selfMain)}), plaintext ${cpu(kinds.plain, kinds.plain.selfMain)} us (${busy(kinds.plain, kinds.plain.selfMain)})`);
  for (const s of [...kinds.dtls.sides, ...kinds.plain.sides]) s.close();
}

console.log(`\nGet Device.DeviceInfo., ${GETS} of each one at a time, in ${BLOCKS} alternating blocks; certificate mode, one session per direction:`);
if (MODES.includes('in')) {
  const inSecure = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(9), trace: false });
  const inPlain = await startSecureAgent({ allowNoSec: true, defaults: agentDefaults(9), trace: false });
  await compare('agents in this process', inSecure.port, inPlain.port);
  inSecure.stop();
  inPlain.stop();
  if (halTimes) {
    // Both ends' record calls of the in-process blocks (warm-up included), p50 each.
    const rows = [...halTimes].sort(([a], [b]) => a.localeCompare(b));
    console.log('    HAL record calls on open sessions (both ends), p50: ' + rows.map(([k, l]) => `${k} ${median(l).toFixed(2)} us (${l.length})`).join(', '));
  }
}
const dir = mkdtempSync(join(tmpdir(), 'tinyusp-bench-dtls-'));
writeFileSync(join(dir, 'defaults.json'), JSON.stringify(agentDefaults(9)));
if (MODES.includes('proc') || MODES.includes('load')) {
  const secure = await agentProcess(['--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')], 'secure');
  const plain = await agentProcess(['--allow-nosec'], 'plain');
  if (MODES.includes('proc')) await compare('agents as tinyusp agent processes', secure.port, plain.port, { dtls: secure.pid, plain: plain.pid });
  if (MODES.includes('load')) await capacity('agents as tinyusp agent processes', secure.port, plain.port, { dtls: secure.pid, plain: plain.pid });
  secure.stop();
  plain.stop();
}
rmSync(dir, { recursive: true, force: true });
cctx.dispose();
sctx.dispose();
pki.remove();
