// npm run bench:core — the agent core in process (no MTP): Records per second for
// Get Device.DeviceInfo. and Get Device.LocalAgent. (about 100 parameters), and heap in use
// after boot with the default model. Goals (Node): ≥ 50,000/s and ≥ 5,000/s.
// The workload runs twice: as loaded by tsx (which wraps every function in a keepNames helper)
// and bundled by esbuild (es2020, as a board bundle is built), which is what a device runs.
import { readFileSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { host } from '../../boards/host/profile.ts';
import { createAgent } from '../../src/agent.ts';
import { CoapType, Code, Method } from '../../src/coap/constants.ts';
import { decodeMessage, encodeMessage } from '../../src/coap/message.ts';
import { createCore } from '../../src/core.ts';
import { decodeMsg, decodeRecord } from '../../src/codec/index.ts';
import { AGENT_ID, CONTROLLER_ID, encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg, testHal } from '../support/usp-harness.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run bench:core)');

const demo = JSON.parse(readFileSync(new URL('../../examples/demo-defaults.json', import.meta.url), 'utf8')) as { [k: string]: string };
const defaults: { [k: string]: string } = { ...demo, 'Device.LocalAgent.EndpointID': AGENT_ID, 'Device.LocalAgent.Controller.1.EndpointID': CONTROLLER_ID };
// Instances so that Get Device.LocalAgent. returns about 100 parameters.
for (let i = 1; i <= 3; i++) {
  const s = 'Device.LocalAgent.Subscription.' + i + '.';
  defaults[s + 'Enable'] = 'true';
  defaults[s + 'ID'] = 'sub-' + i;
  defaults[s + 'Recipient'] = 'Device.LocalAgent.Controller.1';
  defaults[s + 'NotifType'] = 'ValueChange';
  defaults[s + 'Persistent'] = 'true'; // non-persistent subscriptions do not survive boot
  defaults[s + 'ReferenceList'] = 'Device.DeviceInfo.FriendlyName';
}

function boot() {
  return createAgent({ hal: testHal(), board: host, defaults });
}

function bench(label: string, path: string): void {
  const agent = boot();
  // Distinct msg_ids so that none is a duplicate of a pending request (R-MSG.4).
  const records: Uint8Array[] = [];
  for (let i = 0; i < 256; i++) {
    records.push(encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: [path], maxDepth: 0 } }, 'b' + i)))));
  }
  // Check the answer once and count the parameters it carries.
  const first = agent.handleRecord(records[0], {});
  const rec = decodeRecord(first.reply!);
  const msg = decodeMsg(rec.recordType.case === 'noSessionContext' ? rec.recordType.value.payload : new Uint8Array(0));
  let params = 0;
  const body = msg.body!.msgBody;
  if (body.case !== 'response' || body.value.respType.case !== 'getResp') throw new Error('unexpected answer');
  for (const rp of body.value.respType.value.reqPathResults) {
    if (rp.errCode !== 0) throw new Error('Get failed: ' + rp.errMsg);
    for (const r of rp.resolvedPathResults) params += r.resultParams.size;
  }
  // Warm up, then measure for about a second.
  for (let i = 0; i < 2000; i++) agent.handleRecord(records[i & 255], {});
  let n = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1e9) {
    for (let i = 0; i < 256; i++) {
      if (!agent.handleRecord(records[i], {}).reply) throw new Error('no reply');
    }
    n += 256;
    elapsed = Number(process.hrtime.bigint() - t0);
  }
  const perSec = Math.round(n / (elapsed / 1e9));
  console.log(`${label}: ${params} parameters, reply ${first.reply!.length} bytes, ${perSec.toLocaleString('en-US')} Records/s`);
}

/**
 * The whole core (src/core.ts) as the device runs it: a CON POST datagram in, its ACK and the
 * response POST out (one block: DeviceInfo), the Controller's ACK of that POST back in.
 */
function benchCore(label: string, path: string): void {
  const hal = testHal();
  const out: Uint8Array[] = [];
  const core = createCore({ hal, board: host, defaults, host: '127.0.0.1', send: (b) => void out.push(b.slice()) });
  core.listening(5683);
  const peer = { address: '127.0.0.1', port: 5684 };
  const enc = new TextEncoder();
  const buf = new Uint8Array(1500);
  const ack = new Uint8Array(64);
  let mid = 0;
  const datagrams: Uint8Array[] = [];
  for (let i = 0; i < 256; i++) {
    const record = encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: [path], maxDepth: 0 } }, 'c' + i))));
    const n = encodeMessage({
      type: CoapType.CON, code: Method.POST, messageId: i, token: new Uint8Array([7, i]),
      options: [{ number: 11, value: enc.encode('usp') }, { number: 12, value: new Uint8Array([42]) }, { number: 15, value: enc.encode('reply-to=coap://127.0.0.1:5684/usp') }],
      payload: record,
    }, buf);
    datagrams.push(buf.slice(0, n));
  }
  const round = (i: number) => {
    // New CoAP message ids per round (a repeat would be a CoAP duplicate, answered from cache).
    const d = datagrams[i & 255];
    d[2] = (mid >> 8) & 0xff;
    d[3] = mid++ & 0xff;
    core.receive(d, peer, hal.clock.now);
    if (out.length !== 2) throw new Error('expected the ACK and the response POST, got ' + out.length);
    const post = decodeMessage(out[1]);
    out.length = 0;
    if (!post.ok) throw new Error('undecodable POST');
    const n = encodeMessage({ type: CoapType.ACK, code: Code.CHANGED, messageId: post.message.messageId, token: post.message.token, options: [], payload: new Uint8Array(0) }, ack);
    core.receive(ack.subarray(0, n), peer, hal.clock.now);
    hal.clock.now += 0.01; // R-MSG.4 windows pass; msg_ids repeat every 256 requests
  };
  for (let i = 0; i < 3000; i++) round(i);
  let n = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1e9) {
    for (let i = 0; i < 256; i++) round(n + i);
    n += 256;
    elapsed = Number(process.hrtime.bigint() - t0);
  }
  console.log(`${label}: ${Math.round(n / (elapsed / 1e9)).toLocaleString('en-US')} requests/s through the whole core (datagram in, ACK + response POST out, ACK in)`);
}

declare const TINYUSP_BUNDLED: boolean | undefined;
const bundled = typeof TINYUSP_BUNDLED !== 'undefined';
console.log(bundled ? '--- esbuild bundle (es2020) ---' : '--- tsx ---');

// Heap first, before the benchmarks leave garbage and JIT state behind.
boot(); // load and compile everything once
gc();
gc();
const before = process.memoryUsage();
const agent = boot();
gc();
gc();
const after = process.memoryUsage();
console.log(
  `heap after boot (default model, demo defaults + bench instances): ${((after.heapUsed - before.heapUsed) / 1024).toFixed(0)} KiB JS heap ` +
    `+ ${((after.arrayBuffers - before.arrayBuffers) / 1024).toFixed(0)} KiB ArrayBuffers (the 2 × ${host.limits.messageBytes / 1024} KiB fixed codec buffers of the host board) for one agent; ` +
    `process heapUsed ${(after.heapUsed / 1048576).toFixed(1)} MiB`,
);
if (!agent.endpointId()) throw new Error('agent did not boot');

bench('Get Device.DeviceInfo.', 'Device.DeviceInfo.');
bench('Get Device.LocalAgent.', 'Device.LocalAgent.');
benchCore('core, Get Device.DeviceInfo.', 'Device.DeviceInfo.');

if (!bundled) void rerunBundled();

/** Run the same file again, bundled by esbuild (no keepNames wrappers), in this process. */
async function rerunBundled(): Promise<void> {
  // Under node_modules so that the bundle's own imports (esbuild) resolve.
  const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'tinyusp-bench-'));
  try {
    const out = await build({
      entryPoints: [fileURLToPath(import.meta.url)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2020',
      write: false,
      define: { TINYUSP_BUNDLED: 'true' },
      external: ['esbuild'],
      logLevel: 'silent',
    });
    const file = join(dir, 'core.bench.mjs');
    writeFileSync(file, out.outputFiles[0].text.replace('import.meta.url', JSON.stringify(import.meta.url)));
    await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
