// End-to-end benchmark (`npm run bench:e2e`): one request at a time over plaintext CoAP on
// loopback, against the Node simulator and the XS runner (esp32 board profile, fixed cap).
//   npm run bench:e2e [-- --quick] [-- --no-xs-cap] [-- --only node|xs] [-- --cpu-prof DIR]
//   [-- --xs-cap CHUNKS,SLOTS]
// (--cpu-prof: the Node agent writes a V8 CPU profile into DIR when stopped; --xs-cap: the XS
// agent's cap for the latency runs, default XS_DEFAULT_CAP of test/e2e/launch.ts; the
// AGENT_NODE_FLAGS environment variable passes flags such as --trace-gc to the Node agent)
//
// The client is lean so that it is not the bottleneck: one node:dgram socket, the Record of each
// request pre-encoded once with @bufbuild/protobuf and patched in place per request (a fixed-width
// msg_id, the CoAP Message ID and token), and hand-built ACKs. It never retransmits: loopback
// does not lose datagrams, and a request unanswered within 2 s fails the run.
// Per request, on the wire (the USP CoAP binding, R-COAP.3): our CON POST -> the agent's empty
// ACK; the agent's CON POST of the response Record to our reply-to, in Block1 blocks, each
// acknowledged by us (2.31 Continue, 2.04 for the last). Latency = our POST sent -> last block in.
//
// Reported: p50/p99 latency and requests/s over the warm-up (the first WARMUP requests of a fresh
// process, while V8 optimises), then in 3 rounds of N requests, and the median of each (what the
// goals are checked on); the agent's resident memory (VmRSS) before and
// after 100,000 requests (Node) and the DeviceInfo figures of the process after them; the
// smallest XS cap that reliably serves a mix of both requests (bisection, then 3 runs in a row).
import dgram from 'node:dgram';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { Header_MsgType, MsgSchema } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema } from '../../gen/usp/usp-record_pb.ts';
import { encodeMessage } from '../../src/coap/message.ts';
import { root } from '../../build.config.ts';
import { ARM_UNAVAILABLE, launchAgent, residentKb, XS_DEFAULT_CAP, type Engine, type LaunchedAgent } from '../e2e/launch.ts';
import { xsEngineCap } from '../../tools/cli/xs-engine.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const N = quick ? 500 : 2_000;
const WARMUP = quick ? 1_000 : 5_000;
const ROUNDS = 3;
const SOAK = quick ? 10_000 : 100_000;
// XS serves ~10x fewer requests/s: its soak is shorter (the point there is the fixed cap).
const XS_SOAK = quick ? 2_000 : 10_000;
// The ARM runner under qemu-arm-static (emulated: its timings say nothing about a device) is
// another ~10x slower: fewer requests, same shape.
const ARM = { n: quick ? 100 : 300, warmup: quick ? 100 : 300, soak: quick ? 500 : 1_000 };
const AGENT_ID = 'proto::tinyusp-demo';
const MSG_ID_TEMPLATE = 'bench-0000000000';

/** Demo defaults plus Controllers (with an MTP each) and Subscriptions: ~100 parameters under LocalAgent. */
function benchDefaults(dir: string): string {
  const d = JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8')) as Record<string, string>;
  for (let c = 2; c <= 3; c++) {
    const p = `Device.LocalAgent.Controller.${c}.`;
    Object.assign(d, {
      [p + 'Alias']: `controller-${c}`, [p + 'Enable']: 'true', [p + 'EndpointID']: `proto::controller-${c}`,
      [p + 'AssignedRole']: 'Device.LocalAgent.ControllerTrust.Role.2',
      [p + 'MTP.1.Alias']: 'coap', [p + 'MTP.1.Enable']: 'true', [p + 'MTP.1.Protocol']: 'CoAP',
      [p + 'MTP.1.CoAP.Host']: '127.0.0.1', [p + 'MTP.1.CoAP.Port']: String(5684 + c), [p + 'MTP.1.CoAP.Path']: '/usp', [p + 'MTP.1.CoAP.EnableEncryption']: 'false',
    });
  }
  for (let s = 1; s <= 2; s++) {
    const p = `Device.LocalAgent.Subscription.${s}.`;
    Object.assign(d, {
      [p + 'Alias']: `sub-${s}`, [p + 'Enable']: 'false', [p + 'ID']: `bench-${s}`, [p + 'NotifType']: 'ValueChange',
      [p + 'ReferenceList']: 'Device.DeviceInfo.FriendlyName', [p + 'Recipient']: 'Device.LocalAgent.Controller.1',
    });
  }
  const file = join(dir, 'bench-defaults.json');
  writeFileSync(file, JSON.stringify(d, null, 1));
  return file;
}

class RequestFailed extends Error {}

/** A request datagram ready to patch per send (see LeanClient.template). */
interface Template { datagram: Buffer; msgIdAt: number }

/** The lean controller: one socket, pre-encoded requests patched per send. */
class LeanClient {
  private readonly socket = dgram.createSocket('udp4');
  private port = 0;
  private mid = 1;
  private seq = 0;
  private waiting: { resolve(): void; reject(e: Error): void; timer: NodeJS.Timeout; token: number; bytes: number } | undefined;
  private lastBody = new Uint8Array(0);
  private chunks: Buffer[] = [];
  private readonly ack = Buffer.alloc(64);
  keepBody = false;

  async open(): Promise<void> {
    await new Promise<void>((r) => this.socket.bind(0, '127.0.0.1', () => r()));
    this.port = this.socket.address().port;
    this.socket.on('message', (m, rinfo) => this.onDatagram(m, rinfo.port));
  }

  close(): void {
    this.socket.close();
  }

  /** A CoAP POST carrying a Get of `paths`, ready to patch: returns the datagram and patch offsets. */
  template(paths: string[]): Template {
    const msg = create(MsgSchema, {
      header: { msgId: MSG_ID_TEMPLATE, msgType: Header_MsgType.GET },
      body: { msgBody: { case: 'request', value: { reqType: { case: 'get', value: { paramPaths: paths } } } } },
    });
    const record = toBinary(RecordSchema, create(RecordSchema, {
      version: '1.2', toId: AGENT_ID, fromId: 'proto::controller-1',
      recordType: { case: 'noSessionContext', value: { payload: toBinary(MsgSchema, msg) } },
    }));
    const enc = new TextEncoder();
    const out = new Uint8Array(2048);
    const n = encodeMessage({
      type: 0, code: 0x02, messageId: 0, token: new Uint8Array(4),
      options: [
        { number: 11, value: enc.encode('usp') },
        { number: 12, value: new Uint8Array([42]) },
        { number: 15, value: enc.encode(`reply-to=coap://127.0.0.1:${this.port}/usp`) },
      ],
      payload: record,
    }, out);
    const datagram = Buffer.from(out.subarray(0, n));
    const msgIdAt = datagram.indexOf(MSG_ID_TEMPLATE, 0, 'latin1');
    if (msgIdAt < 0 || datagram.indexOf(MSG_ID_TEMPLATE, msgIdAt + 1, 'latin1') >= 0) throw new Error('msg_id template not unique');
    return { datagram, msgIdAt: msgIdAt + MSG_ID_TEMPLATE.length - 10 };
  }

  /** Sends one request and resolves when the last block of the response is in. */
  request(t: Template, agentPort: number, timeoutMs = 2_000): Promise<void> {
    const d = t.datagram;
    const mid = this.mid = (this.mid + 1) & 0xffff;
    d[2] = mid >> 8; d[3] = mid & 0xff;
    const token = ++this.seq;
    d.writeUInt32BE(token >>> 0, 4);
    // a fresh msg_id per request (R-MSG.4 duplicate detection would drop a repeated one)
    d.write(String(token).padStart(10, '0'), t.msgIdAt, 'latin1');
    this.chunks = [];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new RequestFailed(`no response to request ${token} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = { resolve, reject, timer, token, bytes: 0 };
      this.socket.send(d, agentPort, '127.0.0.1');
    });
  }

  fail(e: Error): void {
    const w = this.waiting;
    if (!w) return;
    this.waiting = undefined;
    clearTimeout(w.timer);
    w.reject(e);
  }

  body(): Uint8Array {
    return this.lastBody;
  }

  private onDatagram(m: Buffer, port: number): void {
    const type = (m[0] >> 4) & 3;
    const tkl = m[0] & 15;
    if (type !== 0 || m[1] !== 0x02) return; // the agent's ACK of our POST: nothing to do
    // A block of the response POST: find Block1 (27) and the payload.
    let i = 4 + tkl;
    let opt = 0;
    let block: Buffer | undefined;
    while (i < m.length && m[i] !== 0xff) {
      let delta = m[i] >> 4;
      let len = m[i] & 15;
      i++;
      if (delta === 13) delta = m[i++] + 13;
      else if (delta === 14) { delta = m.readUInt16BE(i) + 269; i += 2; }
      if (len === 13) len = m[i++] + 13;
      else if (len === 14) { len = m.readUInt16BE(i) + 269; i += 2; }
      opt += delta;
      if (opt === 27) block = m.subarray(i, i + len);
      i += len;
    }
    const payload = i < m.length ? m.subarray(i + 1) : m.subarray(m.length);
    const more = block !== undefined && block.length > 0 && (block[block.length - 1] & 0x08) !== 0;
    // ACK: 2.31 Continue for a block with more to come, else 2.04; echo the token and Block1.
    const a = this.ack;
    a[0] = 0x60 | tkl; a[1] = more ? 0x5f : 0x44; a[2] = m[2]; a[3] = m[3];
    m.copy(a, 4, 4, 4 + tkl);
    let n = 4 + tkl;
    if (block) {
      a[n++] = 0xd0 | block.length; a[n++] = 27 - 13;
      block.copy(a, n); n += block.length;
    }
    this.socket.send(a.subarray(0, n), port, '127.0.0.1');
    const w = this.waiting;
    if (!w) return;
    w.bytes += payload.length;
    if (this.keepBody) this.chunks.push(Buffer.from(payload));
    if (!more) {
      this.waiting = undefined;
      clearTimeout(w.timer);
      if (this.keepBody) this.lastBody = Buffer.concat(this.chunks);
      w.resolve();
    }
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Checks the response is a GetResp and counts its parameters. */
function countParams(record: Uint8Array): number {
  const rec = fromBinary(RecordSchema, record);
  if (rec.recordType.case !== 'noSessionContext') throw new Error('not a no-session Record');
  const msg = fromBinary(MsgSchema, rec.recordType.value.payload);
  const body = msg.body?.msgBody;
  if (body?.case !== 'response' || body.value.respType.case !== 'getResp') throw new Error(`not a GetResp: ${body?.case}`);
  let n = 0;
  for (const rp of body.value.respType.value.reqPathResults) {
    if (rp.errCode) throw new Error(`Get failed: ${rp.errCode} ${rp.errMsg}`);
    for (const r of rp.resolvedPathResults) n += Object.keys(r.resultParams).length;
  }
  return n;
}

interface Run { p50: number; p99: number; rps: number; params: number; bytes: number }

/** `n` requests one at a time: latency percentiles and requests/s. */
async function timeRequests(client: LeanClient, t: Template, port: number, n: number): Promise<{ p50: number; p99: number; rps: number }> {
  const lat = new Array<number>(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await client.request(t, port);
    lat[i] = performance.now() - s;
  }
  const total = performance.now() - start;
  lat.sort((a, b) => a - b);
  return { p50: percentile(lat, 0.5), p99: percentile(lat, 0.99), rps: (n * 1000) / total };
}

/** One checked request (a GetResp, counted), then `n` timed ones. */
async function measure(client: LeanClient, agent: LaunchedAgent, paths: string[], n: number): Promise<Run> {
  const port = Number(new URL(agent.uri.replace('coap:', 'http:')).port);
  const t = client.template(paths);
  void agent.exited.then((e) => client.fail(new RequestFailed(`agent exited (${e.status ?? e.signal}): ${agent.output().stderr.split('\n').slice(-4).join(' | ')}`)));
  client.keepBody = true;
  await client.request(t, port);
  const params = countParams(client.body());
  const bytes = client.body().length;
  client.keepBody = false;
  return { ...(await timeRequests(client, t, port, n)), params, bytes };
}

/**
 * ROUNDS rounds of N requests after the warm-up; each round is printed and the median of each
 * figure is what counts (this VM's neighbours slow single rounds down by up to 2x).
 */
async function rounds(client: LeanClient, agent: LaunchedAgent, label: string, paths: string[], n = N, warmup = WARMUP): Promise<Run> {
  // The warm-up is measured too: it is what a freshly started process does while V8 is still
  // optimising the hot paths.
  const cold = await measure(client, agent, paths, warmup);
  console.log(`  ${label}  warm-up: ${fmt(cold)}`);
  const runs: Run[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const run = await measure(client, agent, paths, n);
    console.log(`  ${label}  round ${r + 1}: ${fmt(run)}`);
    runs.push(run);
  }
  const m = median(runs);
  console.log(`  ${label}  median:  ${fmt(m)}`);
  return m;
}

function median(runs: Run[]): Run {
  const mid = (f: (r: Run) => number) => runs.map(f).sort((a, b) => a - b)[runs.length >> 1];
  return { p50: mid((r) => r.p50), p99: mid((r) => r.p99), rps: mid((r) => r.rps), params: runs[0].params, bytes: runs[0].bytes };
}

const fmt = (r: Run) =>
  `p50 ${r.p50.toFixed(3)} ms  p99 ${r.p99.toFixed(3)} ms  ${Math.round(r.rps)} req/s  (${r.params} parameters, ${r.bytes}-byte Record)`;

async function benchEngine(engine: Engine, defaultsFile: string, client: LeanClient): Promise<void> {
  const state = mkdtempSync(join(tmpdir(), `tinyusp-bench-${engine}-`));
  const profDir = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : undefined;
  const nodeFlags = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : process.env.AGENT_NODE_FLAGS ? process.env.AGENT_NODE_FLAGS.split(' ') : [];
  const capArg = process.argv.includes('--xs-cap') ? process.argv[process.argv.indexOf('--xs-cap') + 1].split(',').map(Number) : undefined;
  const board = engine === 'node' ? XS_DEFAULT_CAP : xsEngineCap(engine);
  const cap = capArg ? { chunks: capArg[0], slots: capArg[1], stack: board.stack } : board;
  const arm = engine === 'xs-arm';
  const agent = await launchAgent({ engine, defaultsFile, stateDir: state, logLevel: 'error', nodeFlags, cap, readyTimeoutMs: 60_000 });
  try {
    const label = engine === 'node' ? 'Node simulator (host board)'
      : `XS runner${arm ? ' for 32-bit ARM under qemu-arm-static (EMULATED: not a device timing)' : ' (x86-64)'}, preloaded esp32 board, cap ${cap.chunks} B chunks / ${cap.slots} slots / ${cap.stack} stack`;
    console.log(`\n${label}, pid ${agent.pid}`);
    const info = await rounds(client, agent, 'Get Device.DeviceInfo.', ['Device.DeviceInfo.'], arm ? ARM.n : N, arm ? ARM.warmup : WARMUP);
    const la = await rounds(client, agent, 'Get Device.LocalAgent.', ['Device.LocalAgent.'], arm ? ARM.n : N, arm ? ARM.warmup : WARMUP);
    if (engine === 'node') {
      console.log(`  goals: DeviceInfo p50 <= 0.15 ms ${info.p50 <= 0.15 ? 'met' : 'MISSED'}, >= 5000 req/s ${info.rps >= 5000 ? 'met' : 'MISSED'}; LocalAgent p50 <= 0.8 ms ${la.p50 <= 0.8 ? 'met' : 'MISSED'}`);
    }
    const port = Number(new URL(agent.uri.replace('coap:', 'http:')).port);
    const t = client.template(['Device.DeviceInfo.']);
    const soak = engine === 'node' ? SOAK : arm ? ARM.soak : XS_SOAK;
    const before = residentKb(agent.pid);
    const samples: string[] = [];
    for (let i = 1; i <= soak; i++) {
      await client.request(t, port);
      if (i % (soak / 4) === 0) samples.push(`${residentKb(agent.pid)}`);
    }
    console.log(`  RSS: ${before} KB before ${soak} Get DeviceInfo, then ${samples.join(' / ')} KB at each quarter`);
    // The figures above are from a young process (JIT still tiering up, heap still growing);
    // a device that has run a while answers like this.
    const warm = await measure(client, agent, ['Device.DeviceInfo.'], arm ? ARM.n : N);
    console.log(`  Get Device.DeviceInfo. after the ${soak} requests: ${fmt(warm)}`);
  } finally {
    await agent.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

/** Does the XS agent serve `count` requests of each kind under `cap`? */
async function servesUnder(cap: { chunks: number; slots: number; stack: number }, defaultsFile: string, client: LeanClient, count: number): Promise<boolean> {
  const state = mkdtempSync(join(tmpdir(), 'tinyusp-bench-cap-'));
  let agent: LaunchedAgent | undefined;
  try {
    agent = await launchAgent({ engine: 'xs', defaultsFile, stateDir: state, cap: { ...cap, keys: XS_DEFAULT_CAP.keys }, logLevel: 'error', readyTimeoutMs: 10_000 });
    const port = Number(new URL(agent.uri.replace('coap:', 'http:')).port);
    let exited = false;
    void agent.exited.then(() => { exited = true; client.fail(new RequestFailed('agent exited')); });
    if (count === 0) {
      // Booted means still running a moment after `ready` (Boot! and the first steps done).
      await new Promise((r) => setTimeout(r, 300));
      return !exited;
    }
    const a = client.template(['Device.DeviceInfo.']);
    const b = client.template(['Device.LocalAgent.']);
    for (let i = 0; i < count; i++) {
      await client.request(a, port, 1_000);
      await client.request(b, port, 1_000);
    }
    return true;
  } catch {
    return false;
  } finally {
    await agent?.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

/** The smallest reliable XS cap that boots the agent and then serves `count` of each Get (0: boot only). */
async function smallestXsCap(defaultsFile: string, client: LeanClient, count: number): Promise<void> {
  const cap = { chunks: XS_DEFAULT_CAP.chunks, slots: XS_DEFAULT_CAP.slots, stack: XS_DEFAULT_CAP.stack };
  const floor = { chunks: 16 * 1024, slots: 4096, stack: 128 };
  const step = { chunks: 1024, slots: 128, stack: 32 };
  // Memory use varies by a few bytes from run to run (message ids, tokens and times differ in
  // length), so a bound found by bisection is kept only once it serves three runs in a row;
  // otherwise it moves up a step.
  const reliable = async (c: typeof cap) => {
    for (let i = 0; i < 3; i++) if (!(await servesUnder(c, defaultsFile, client, count))) return false;
    return true;
  };
  const search = async (key: 'chunks' | 'slots' | 'stack') => {
    let lo = floor[key];
    let hi = cap[key];
    while (hi - lo > step[key]) {
      const mid = Math.floor((lo + hi) / 2 / step[key]) * step[key];
      if (mid <= lo) break;
      if (await servesUnder({ ...cap, [key]: mid }, defaultsFile, client, count)) hi = mid;
      else lo = mid;
    }
    for (let tries = 0; !(await reliable({ ...cap, [key]: hi })); tries++) {
      if (tries === 20) throw new Error(`no reliable ${key} bound near ${hi}: ${JSON.stringify(cap)}`);
      hi += step[key];
    }
    cap[key] = hi;
  };
  if (!(await reliable(cap))) throw new Error(`does not serve under the default cap ${JSON.stringify(cap)}`);
  await search('chunks');
  await search('slots');
  await search('chunks');
  await search('stack');
  const bytes64 = cap.chunks + (cap.slots + cap.stack) * 32;
  const bytes32 = cap.chunks + (cap.slots + cap.stack) * 16;
  const what = count === 0 ? 'booting the agent (ready, no request yet)' : `serving ${count} x (Get DeviceInfo + Get LocalAgent)`;
  console.log(`\nSmallest XS cap ${what}, esp32 board, --keys ${XS_DEFAULT_CAP.keys}:`);
  console.log(`  --chunks ${cap.chunks} --slots ${cap.slots} --stack ${cap.stack} = ${bytes64} bytes on x86-64; ~${bytes32} bytes with 16-byte slots (32-bit ARM)`);
}

// The floor of this machine: a Node process that answers each POST with the same datagrams an
// agent sends (an empty ACK, then a CON POST of `bytes` bytes) and does nothing else. What the
// agent adds is its latency minus this. (On the 2-core VM used here every datagram that wakes a
// sleeping process costs ~30 us in sendto, and one request puts four on the path.)
const FLOOR_ECHO = `
const dgram = require('node:dgram');
const size = Number(process.argv[1]);
const s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));
let mid = 1;
s.on('message', (m, r) => {
  if (((m[0] >> 4) & 3) !== 0 || m[1] !== 0x02) return;
  const tkl = m[0] & 15;
  const ack = Buffer.alloc(4 + tkl); ack[0] = 0x60 | tkl; ack[1] = 0x44; ack[2] = m[2]; ack[3] = m[3]; m.copy(ack, 4, 4, 4 + tkl);
  s.send(ack, r.port, r.address);
  mid = (mid + 1) & 0xffff;
  const post = Buffer.alloc(5 + tkl + size); post[0] = 0x40 | tkl; post[1] = 0x02; post[2] = mid >> 8; post[3] = mid & 255;
  m.copy(post, 4, 4, 4 + tkl); post[4 + tkl] = 0xff;
  s.send(post, r.port, r.address);
});`;

async function floor(client: LeanClient, bytes: number): Promise<Run> {
  const child = spawn(process.execPath, ['-e', FLOOR_ECHO, String(bytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('floor echo did not start')), 10_000);
      child.stdout.once('data', (d: Buffer) => { clearTimeout(timer); resolve(Number(String(d).trim())); });
    });
    const t = client.template(['Device.DeviceInfo.']);
    for (let i = 0; i < WARMUP; i++) await client.request(t, port);
    return { ...(await timeRequests(client, t, port, N)), params: 0, bytes };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-bench-'));
  const client = new LeanClient();
  await client.open();
  try {
    const defaultsFile = benchDefaults(dir);
    console.log(`bench:e2e: ${ROUNDS} rounds of N=${N} after ${WARMUP} warm-up requests, one at a time, plaintext CoAP on loopback, lean client (see header)`);
    const floors: Run[] = [];
    for (let r = 0; r < ROUNDS; r++) floors.push(await floor(client, 614));
    const f = median(floors);
    console.log(`\nFloor (a Node echo sending the same ACK + 614-byte POST, no USP work; median of ${ROUNDS} rounds)\n  p50 ${f.p50.toFixed(3)} ms  p99 ${f.p99.toFixed(3)} ms  ${Math.round(f.rps)} req/s`);
    const engines: Engine[] = ARM_UNAVAILABLE ? ['node', 'xs'] : ['node', 'xs', 'xs-arm'];
    if (ARM_UNAVAILABLE) console.log(`\n(xs-arm left out: ${ARM_UNAVAILABLE})`);
    for (const engine of engines) {
      if (!only || only === engine) await benchEngine(engine, defaultsFile, client);
    }
    if (!args.has('--no-xs-cap') && (!only || only === 'xs')) {
      // Booting alone shows how much is the program itself (functions, the frozen schema), which
      // a device build keeps in flash, and how little serving adds.
      await smallestXsCap(defaultsFile, client, 0);
      await smallestXsCap(defaultsFile, client, quick ? 100 : 500);
    }
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench:e2e failed: ${e.stack ?? e}`);
  process.exit(1);
});
