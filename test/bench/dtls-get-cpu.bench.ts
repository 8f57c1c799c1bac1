// npm run bench:dtls, part 3 — what a DTLS Get costs the processor beside plaintext, without the
// sockets and the scheduler of part 2 (dtls-agent.bench.ts), whose figures on this shared 2-core
// machine carry every other process's noise: the agent (src/device.ts + src/dtls/link.ts) and a
// lean Controller (one socket's worth of sessions, hand-built CoAP ACKs) in this process over an
// in-memory datagram network, Get Device.DeviceInfo. over DTLS (certificate mode, both ends'
// records) and over plaintext, one of each in turn; time per Get, p50 and p10.
// DTLS_GLUE=<checkout>: that checkout's hal/host/dtls.ts and .wasm instead (an A/B).
// DTLS_BENCH_ONLY=dtls|plain: only that kind after the warm-up, with the CPU time per Get (all
// threads, and the main thread alone), for a --cpu-prof or `perf record` of one kind.
import type { Hal, Net, UdpOptions, UdpSocket, DtlsSession, DtlsContext } from '../../hal/hal.ts';
import { createHostSystem, createHostTimers, hostClock } from '../../hal/host/system.ts';
import { host } from '../../boards/host/profile.ts';
import { startDevice } from '../../src/device.ts';
import { decodeMessage, encodeMessage } from '../../src/coap/message.ts';
import { CoapType, Code, Method } from '../../src/coap/constants.ts';
import { getPost } from './get-post.ts';
import { makePki, certCredentials } from '../dtls/support.ts';
import { agentCredentials, agentDefaults } from '../dtls/agent-support.ts';
import { hasTool } from '../interop/harness.ts';
import type { HostDtls } from '../../hal/host/dtls.ts';
import { readFileSync } from 'node:fs';

const glue = process.env.DTLS_GLUE;
const { createHostDtls } = (await import(glue ? glue + '/hal/host/dtls.ts' : '../../hal/host/dtls.ts')) as typeof import('../../hal/host/dtls.ts');
const dtls: HostDtls = createHostDtls({ clock: { wallTimeMs: () => Date.now() }, wasmPath: glue ? glue + '/firmware/dtls/tinyusp-dtls.wasm' : undefined });
const GETS = Number(process.env.DTLS_BENCH_GETS ?? 10000);
/** `dtls` or `plain`: only that kind's Gets after the warm-up (a --cpu-prof of one kind). */
const ONLY = process.env.DTLS_BENCH_ONLY ?? '';
const now = () => performance.now();

/** Datagrams queued between in-memory sockets, delivered by pump() (copies, as the kernel does). */
const handlers = new Map<number, UdpOptions>();
const queue: { data: Uint8Array; from: number; to: number }[] = [];
let nextPort = 40000;
const net: Net = {
  udp(o: UdpOptions): UdpSocket {
    const port = o.port || nextPort++;
    handlers.set(port, o);
    if (o.onReady) queueMicrotask(() => o.onReady!(port));
    return { port, send: (d, _a, p) => void queue.push({ data: d.slice(), from: port, to: p }), close: () => void handlers.delete(port) };
  },
};
function pump(): void {
  let q;
  while ((q = queue.shift())) handlers.get(q.to)?.onDatagram(q.data, '127.0.0.1', q.from);
}

if (!(await hasTool('openssl'))) {
  console.log('bench:dtls (in memory): skipped, openssl not installed (needed for the test PKI)');
  process.exit(0);
}
const pki = await makePki();
function agent(secure: boolean) {
  const hal: Hal = {
    net, clock: hostClock, timers: createHostTimers(), storage: mapStorage(),
    system: createHostSystem({ identity: { manufacturer: 'tinyusp', oui: '00256D', productClass: 'Test', serialNumber: '1', modelName: 'test', hardwareVersion: 'host', softwareVersion: '0' }, logLevel: 'error', write: (l) => console.log(l) }),
    dtls: dtls,
  };
  return startDevice({ hal, board: host, defaults: agentDefaults(9), credentials: secure ? agentCredentials(pki, 'certificate') : undefined, allowNoSec: !secure, port: 0 });
}
function mapStorage() {
  const m = new Map<string, Uint8Array>();
  return { get: (k: string) => m.get(k), set: (k: string, v: Uint8Array) => void m.set(k, v.slice()), delete: (k: string) => void m.delete(k), keys: () => [...m.keys()] };
}

/** The Controller: one socket; DTLS sessions by peer port (client to the agent, server for its calls). */
function controller(client?: DtlsContext, server?: DtlsContext) {
  const sessions = new Map<number, DtlsSession>();
  let onMessage: (m: Uint8Array, port: number) => void = () => {};
  const flush = (s: DtlsSession, port: number) => { let d; while ((d = s.takeOutgoing())) sock.send(d, '127.0.0.1', port); };
  const sock = net.udp({
    onDatagram(data, _a, port) {
      if (!client) return onMessage(data, port);
      let s = sessions.get(port);
      if (!s) {
        const h = server!.hello(data, '127.0.0.1:' + port, now());
        if (h.action === 'reply') sock.send(h.datagram, '127.0.0.1', port);
        if (h.action !== 'accept') return;
        sessions.set(port, (s = h.session));
      } else s.feed(data, now());
      flush(s, port);
      let m;
      while ((m = s.readApplication())) onMessage(m, port);
    },
  });
  return {
    port: sock.port,
    connect(port: number) { const s = client!.connect(now()); sessions.set(port, s); flush(s, port); pump(); if (s.state !== 'open') throw new Error('no handshake'); },
    send(bytes: Uint8Array, port: number) {
      if (!client) return sock.send(bytes, '127.0.0.1', port);
      const s = sessions.get(port)!;
      s.writeApplication(bytes, now());
      flush(s, port);
    },
    set onMessage(f: (m: Uint8Array, port: number) => void) { onMessage = f; },
  };
}

const ack = new Uint8Array(16);

async function setup(secure: boolean) {
  const dev = agent(secure);
  await new Promise((r) => setTimeout(r, 10));
  const c = secure ? controller(dtls.context({ role: 'client', ...certCredentials(pki, 'controller') }), dtls.context({ role: 'server', ...certCredentials(pki, 'controller') })) : controller();
  if (secure) c.connect(dev.port());
  let answered = 0;
  c.onMessage = (bytes, port) => {
    const d = decodeMessage(bytes);
    if (!d.ok || d.message.type !== CoapType.CON || d.message.code !== Method.POST) return;
    const n = encodeMessage({ type: CoapType.ACK, code: Code.CHANGED, messageId: d.message.messageId, token: d.message.token, options: [], payload: new Uint8Array(0) }, ack);
    c.send(ack.subarray(0, n), port);
    answered++;
  };
  const replyTo = `${secure ? 'coaps' : 'coap'}://127.0.0.1:${c.port}/usp`;
  return (count: number): number[] => {
    const t: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = now();
      const before = answered;
      c.send(getPost(replyTo, ['Device.DeviceInfo.']), dev.port());
      pump();
      if (answered !== before + 1) throw new Error('no answer');
      t.push(now() - t0);
    }
    return t;
  };
}
const dtlsGets = await setup(true);
const plainGets = await setup(false);
// Warm-up (the first Get also makes the agent's client-role session), then one Get of each kind
// in turn, so both see the same machine.
dtlsGets(200);
plainGets(200);
const lat = { dtls: [] as number[], plain: [] as number[] };
/** CPU time in us of this process's main thread (Linux schedstat; V8's helper threads apart), or NaN. */
function mainCpu(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
  } catch {
    return NaN;
  }
}
const cpu0 = process.cpuUsage();
const main0 = mainCpu();
const wall0 = now();
for (let i = 0; i < GETS; i++) {
  if (ONLY !== 'plain') lat.dtls.push(...dtlsGets(1));
  if (ONLY !== 'dtls') lat.plain.push(...plainGets(1));
}
const us = (x: number) => (1000 * x).toFixed(1);
const q = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * f)];
if (ONLY) {
  // CPU time (user + system) per Get: the scheduler's preemption on a loaded machine is not in it.
  const c = process.cpuUsage(cpu0);
  const m = mainCpu() - main0;
  console.log(`Get Device.DeviceInfo. in memory, ${ONLY} only, ${GETS}: p50 ${us(q(lat[ONLY as 'dtls'], 0.5))} us, wall ${us((now() - wall0) / GETS)} us per Get, ` +
    `CPU ${((c.user + c.system) / GETS).toFixed(1)} us per Get (main thread ${(m / GETS).toFixed(1)})`);
  pki.remove();
  process.exit(0);
}
console.log(`Get Device.DeviceInfo. in memory (agent and Controller in this process, no sockets), ${GETS} of each in turn${glue ? ', DTLS glue and module of ' + glue : ''}:`);
console.log(`  DTLS p50 ${us(q(lat.dtls, 0.5))} us (p10 ${us(q(lat.dtls, 0.1))}), plaintext p50 ${us(q(lat.plain, 0.5))} us (p10 ${us(q(lat.plain, 0.1))}); ` +
  `DTLS costs ${us(q(lat.dtls, 0.5) - q(lat.plain, 0.5))} us more at p50; plaintext/DTLS ${(100 * q(lat.plain, 0.5) / q(lat.dtls, 0.5)).toFixed(0)}%`);
pki.remove();
process.exit(0);
