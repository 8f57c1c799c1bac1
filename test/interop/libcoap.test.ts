// Interop with real libcoap 4.3 (Debian libcoap3-bin), in both directions:
// - coap-client-notls against the real agent process (`tinyusp agent`, test/e2e/launch.ts,
//   engine node, --allow-nosec): what the CoAP answer is comes from the agent's own decoding and
//   checks, and a valid Record is proven handled by the USP response the agent POSTs to the
//   reply-to endpoint (a listener in this test, decoding with @bufbuild/protobuf, not our codec);
// - our CoAP client (src/coap via ./harness.ts) against coap-server-notls.
// Loopback only, ephemeral ports, every child process bounded by a timeout and killed.
// Without libcoap3-bin these tests skip with the reason; under CI=true they fail instead.
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { Header_MsgType, MsgSchema, RequestSchema, type Msg } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema } from '../../gen/usp/usp-record_pb.ts';
import { Code, Method } from '../../src/coap/constants.ts';
import type { CoapResult } from '../../src/coap/types.ts';
import { UspCoapBinding } from '../../src/mtp/coap.ts';
import { launchAgent, type LaunchedAgent } from '../e2e/launch.ts';
import { liveEndpoint, run, freePort, hasTool, type LiveEndpoint } from './harness.ts';
import { collecting } from '../coap/fixture.ts';

const CLIENT = 'coap-client-notls';
const SERVER = 'coap-server-notls';
const available = (await hasTool(CLIENT)) && (await hasTool(SERVER));
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const MISSING = 'libcoap3-bin (coap-client-notls, coap-server-notls) is not installed';

/** True when libcoap is there. Otherwise the test skips saying why, or fails under CI=true. */
function libcoap(t: TestContext): boolean {
  if (available) return true;
  // .ci/run installs libcoap3-bin: in CI a missing peer is a failure, never a silent skip.
  if (inCi) assert.fail(MISSING + ' (required when CI=true)');
  t.skip(MISSING);
  return false;
}

const root = new URL('../..', import.meta.url).pathname;
const AGENT_ID = 'proto::tinyusp-demo';
const CONTROLLER_ID = 'proto::controller-1';

/** A USP Record the listener received (a response POSTed by the agent to reply-to). */
interface Heard { fromId: string; toId: string; msg: Msg }

let agent: LaunchedAgent | undefined;
let listener: LiveEndpoint;
const heard: Heard[] = [];
let dir: string;
const closers: (() => void)[] = [];

before(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'tinyusp-coap-'));
  // The Controller's CoAP server: the agent's USP responses arrive here as new POSTs.
  listener = await liveEndpoint('127.0.0.1');
  closers.push(() => listener.close());
  new UspCoapBinding(listener.ep, { path: 'ctrl', interfaceType: 'bbf.usp.c' }, (bytes) => {
    try {
      const rec = fromBinary(RecordSchema, bytes);
      if (rec.recordType.case !== 'noSessionContext') return 'bad-record';
      heard.push({ fromId: rec.fromId, toId: rec.toId, msg: fromBinary(MsgSchema, rec.recordType.value.payload) });
      return 'ok';
    } catch {
      return 'bad-record';
    }
  });
  // The demo defaults, with Controller.1's MTP pointing at the listener (should the agent send
  // anything unsolicited, it lands there too and is visible).
  const defaults = JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8'));
  defaults['Device.LocalAgent.Controller.1.MTP.1.CoAP.Port'] = String(listener.port);
  defaults['Device.LocalAgent.Controller.1.MTP.1.CoAP.Path'] = '/ctrl';
  // This interop runs plaintext (--allow-nosec): the listener is a plain coap:// endpoint.
  defaults['Device.LocalAgent.Controller.1.MTP.1.CoAP.EnableEncryption'] = 'false';
  const defaultsFile = join(dir, 'defaults.json');
  writeFileSync(defaultsFile, JSON.stringify(defaults));
  agent = await launchAgent({ engine: 'node', defaultsFile, stateDir: join(dir, 'state'), readyTimeoutMs: 30_000 });
  assert.equal(agent.endpointId, AGENT_ID);
});

after(async () => {
  await agent?.stop();
  for (const c of closers) c();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The agent's USP resource (or another path on its CoAP port). */
const uri = (path = 'usp') => agent!.uri.replace(/\/usp$/, '/' + path);
const replyTo = () => `coap://127.0.0.1:${listener.port}/ctrl`;
const REPLY_TO = () => '15,reply-to=' + replyTo();

function file(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

/** A plaintext no_session_context Record from Controller.1 to the agent. */
function record(msgId: string, req: MessageInitShape<typeof RequestSchema>, msgType: Header_MsgType, toId = AGENT_ID): Uint8Array {
  const msg = create(MsgSchema, { header: { msgId, msgType }, body: { msgBody: { case: 'request', value: create(RequestSchema, req) } } });
  return toBinary(RecordSchema, create(RecordSchema, {
    version: '1.2', toId, fromId: CONTROLLER_ID,
    recordType: { case: 'noSessionContext', value: { payload: toBinary(MsgSchema, msg) } },
  }));
}

const getRecord = (msgId: string, paths = ['Device.DeviceInfo.SerialNumber']) =>
  record(msgId, { reqType: { case: 'get', value: { paramPaths: paths, maxDepth: 0 } } }, Header_MsgType.GET);

/**
 * coap-client prints a non-2.xx final response as a line "c.dd Reason" on stderr (its debug log,
 * -v 7, shows every PDU too, but never at the start of a line).
 */
function code(r: { stdout: string; stderr: string }): string | undefined {
  const m = /^([2-5]\.\d\d) /m.exec(r.stderr + '\n' + r.stdout);
  return m ? m[1] : undefined;
}

/** Bounded wait for the USP response with `msgId` at the listener. */
async function response(msgId: string, ms = 8000): Promise<Heard> {
  const end = performance.now() + ms;
  for (;;) {
    const h = heard.find((x) => x.msg.header?.msgId === msgId);
    if (h) return h;
    if (performance.now() > end) throw new Error(`no USP response with msg_id ${msgId} within ${ms} ms; heard ${heard.map((x) => x.msg.header?.msgId).join(',')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * What the agent sent to the listener because of what came before: a valid Get (the sentinel)
 * goes through coap-client last and its response is awaited. The agent answers in order and
 * starts each response POST before its CoAP reply, so any response to an earlier request has
 * been sent by then; returns the msg_ids heard since `mark`, the sentinel's excluded.
 */
async function heardSince(mark: number): Promise<string[]> {
  const id = nextId('sentinel');
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', file(id + '.bin', getRecord(id)), '-B', '5', uri()]);
  assert.equal(code(r), undefined, 'sentinel: ' + r.stderr);
  await response(id);
  return heard.slice(mark).map((h) => h.msg.header?.msgId ?? '').filter((x) => x !== id);
}

function pattern(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 255;
  return b;
}

const getResp = (h: Heard) => {
  const b = h.msg.body?.msgBody;
  assert.ok(b?.case === 'response' && b.value.respType.case === 'getResp', 'not a GetResp: ' + JSON.stringify(b?.case));
  return b.value.respType.value;
};

test('coap-client POSTs a valid Record (Content-Format 42, reply-to): 2.04, and the agent POSTs the GetResp to reply-to', async (t) => {
  if (!libcoap(t)) return;
  const id = nextId('get');
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', file(id + '.bin', getRecord(id)), '-B', '5', '-v', '7', uri()]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(code(r), undefined, r.stderr);
  // The debug log shows the piggybacked answer: ACK 2.04 Changed (R-COAP.7).
  assert.match(r.stdout + r.stderr, /t:ACK c:2\.04 /);
  const h = await response(id);
  assert.deepEqual([h.fromId, h.toId, h.msg.header?.msgType], [AGENT_ID, CONTROLLER_ID, Header_MsgType.GET_RESP]);
  const rp = getResp(h).reqPathResults[0];
  assert.deepEqual([rp.requestedPath, rp.errCode, rp.resolvedPathResults[0].resultParams.SerialNumber], ['Device.DeviceInfo.SerialNumber', 0, 'SIM0001']);
});

test('coap-client with reply-to in the URI query string is accepted too, and answered there', async (t) => {
  if (!libcoap(t)) return;
  const id = nextId('query');
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-f', file(id + '.bin', getRecord(id)), '-B', '5', uri() + '?reply-to=' + replyTo()]);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal((await response(id)).msg.header?.msgType, Header_MsgType.GET_RESP);
});

test('coap-client Block1 upload (-b 64) of a 3 KB Record: reassembled whole by the agent, which answers it', async (t) => {
  if (!libcoap(t)) return;
  // The msg_id carries the bulk: the agent can only echo it (R-MSG.9) if every block arrived in order.
  const id = nextId('block1') + '-' + Buffer.from(pattern(1500)).toString('hex');
  const bytes = getRecord(id);
  assert.ok(bytes.length > 3000, 'Record size ' + bytes.length);
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-b', '64', '-f', file('block1.bin', bytes), '-B', '10', '-v', '7', uri()]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(code(r), undefined, r.stderr);
  // libcoap's debug log shows each request block it sent (Block1 NUM/M/64).
  const blocks = new Set([...(r.stdout + r.stderr).matchAll(/Block1:(\d+)\/[MA_]\/64/g)].map((m) => m[1]));
  assert.ok(blocks.size >= Math.ceil(bytes.length / 64), `Block1 blocks seen: ${blocks.size} for ${bytes.length} bytes`);
  const h = await response(id);
  assert.equal(h.msg.header?.msgId, id);
  assert.equal(getResp(h).reqPathResults[0].resolvedPathResults[0].resultParams.SerialNumber, 'SIM0001');
});

test('coap-client POSTs an undecodable Record: the agent answers 4.00 (R-COAP.13) and sends no USP message', async (t) => {
  if (!libcoap(t)) return;
  const mark = heard.length;
  const garbage = file('garbage.bin', new TextEncoder().encode('garbage, not a protobuf Record'));
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', garbage, '-B', '5', uri()]);
  assert.equal(code(r), '4.00', r.stderr + r.stdout);
  // A Record that decodes but whose Msg does not (R-ENC.2@1.0): 4.00 as well.
  const badMsg = toBinary(RecordSchema, create(RecordSchema, { version: '1.2', toId: AGENT_ID, fromId: CONTROLLER_ID,
    recordType: { case: 'noSessionContext', value: { payload: new Uint8Array([0x0a, 0x50, 0x01]) } } }));
  const r2 = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', file('badmsg.bin', badMsg), '-B', '5', uri()]);
  assert.equal(code(r2), '4.00', r2.stderr + r2.stdout);
  assert.deepEqual(await heardSince(mark), []);
});

test('coap-client refused by the agent: wrong method 4.05, wrong Content-Format 4.15, reply-to missing or not the source 4.00, wrong path 4.04; nothing handled', async (t) => {
  if (!libcoap(t)) return;
  const mark = heard.length;
  const cases: [string, string[], string][] = [];
  const add = (what: string, args: (body: string) => string[], expected: string) => {
    const id = nextId('refused');
    cases.push([what, args(file(id + '.bin', getRecord(id))), expected]);
  };
  add('PUT', (b) => ['-m', 'put', '-t', '42', '-O', REPLY_TO(), '-f', b, uri()], '4.05');
  add('GET', () => ['-m', 'get', uri()], '4.05');
  add('DELETE', () => ['-m', 'delete', uri()], '4.05');
  add('Content-Format 0', (b) => ['-m', 'post', '-t', '0', '-O', REPLY_TO(), '-f', b, uri()], '4.15');
  add('no Content-Format', (b) => ['-m', 'post', '-O', REPLY_TO(), '-f', b, uri()], '4.15');
  add('no reply-to', (b) => ['-m', 'post', '-t', '42', '-f', b, uri()], '4.00');
  add('reply-to to a third party', (b) => ['-m', 'post', '-t', '42', '-O', '15,reply-to=coap://192.0.2.1:' + listener.port + '/ctrl', '-f', b, uri()], '4.00');
  add('reply-to not a coap URI', (b) => ['-m', 'post', '-t', '42', '-O', '15,reply-to=http://127.0.0.1/ctrl', '-f', b, uri()], '4.00');
  add('two reply-to', (b) => ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-O', REPLY_TO(), '-f', b, uri()], '4.00');
  add('wrong path', (b) => ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', b, uri('nope')], '4.04');
  for (const [what, args, expected] of cases) {
    const r = await run(CLIENT, [...args.slice(0, -1), '-B', '5', args[args.length - 1]]);
    assert.equal(code(r), expected, what + ': ' + args.join(' ') + ' -> ' + r.stderr + r.stdout);
  }
  // None of those Records reached the USP layer: no response to any of their msg_ids.
  assert.deepEqual(await heardSince(mark), []);
});

test('coap-client GET /.well-known/core on the agent lists its USP endpoint', async (t) => {
  if (!libcoap(t)) return;
  const r = await run(CLIENT, ['-m', 'get', '-B', '5', uri('.well-known/core')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<\/usp>;rt="bbf\.usp\.endpoint";if="bbf\.usp\.a"/);
});

/**
 * A UDP relay between coap-client and the agent that drops the first datagram the agent sends
 * back (the piggybacked 2.04), so coap-client retransmits its CON.
 */
async function lossyRelay(target: number): Promise<{ port: number; fromClient: Buffer[]; dropped: number; close(): void }> {
  const front: Socket = createSocket('udp4');
  const back: Socket = createSocket('udp4');
  const state = { port: 0, fromClient: [] as Buffer[], dropped: 0, close: () => { front.close(); back.close(); } };
  let client: { address: string; port: number } | undefined;
  front.on('message', (d, rinfo) => {
    client = { address: rinfo.address, port: rinfo.port };
    state.fromClient.push(d);
    back.send(d, target, '127.0.0.1');
  });
  back.on('message', (d) => {
    if (state.dropped === 0) { state.dropped++; return; }
    if (client) front.send(d, client.port, client.address);
  });
  await Promise.all([new Promise<void>((r) => front.bind(0, '127.0.0.1', r)), new Promise<void>((r) => back.bind(0, '127.0.0.1', r))]);
  state.port = front.address().port;
  return state;
}

test('coap-client retransmits after the agent\'s ACK is lost: the agent answers the duplicate from its cache and handles the Record once', { timeout: 60_000 }, async (t) => {
  if (!libcoap(t)) return;
  const relay = await lossyRelay(Number(/:(\d+)\//.exec(agent!.uri)![1]));
  t.after(() => relay.close());
  const mark = heard.length;
  // An Add: a second handling would create a second Subscription or fail on its unique ID, and
  // either way POST a second response. coap-client's first retransmission comes 2-3 s later
  // (ACK_TIMEOUT 2 s, RFC 7252 random factor), past the agent's 2 s R-MSG.4 window.
  const id = nextId('add');
  const sub = 'dup-' + id;
  const bytes = record(id, { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.',
    paramSettings: [{ param: 'ID', value: sub, required: true }, { param: 'NotifType', value: 'ValueChange', required: true },
      { param: 'ReferenceList', value: 'Device.DeviceInfo.FriendlyName', required: true }] }] } } }, Header_MsgType.ADD);
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', file(id + '.bin', bytes), '-B', '15', `coap://127.0.0.1:${relay.port}/usp`]);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal(relay.dropped, 1);
  // The same CON (same Message ID) went out at least twice.
  const mids = relay.fromClient.map((d) => d.readUInt16BE(2));
  assert.ok(mids.length >= 2 && mids.every((m) => m === mids[0]), 'client datagrams (message ids): ' + mids.join(','));
  assert.deepEqual(await heardSince(mark), [id], 'one USP response to the Add');
  const ok = (await response(id)).msg.body?.msgBody;
  assert.ok(ok?.case === 'response' && ok.value.respType.case === 'addResp');
  // ...and one Subscription with that ID.
  const q = nextId('count');
  await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', file(q + '.bin', getRecord(q, [`Device.LocalAgent.Subscription.[ID=="${sub}"].ID`])), '-B', '5', uri()]);
  assert.equal(getResp(await response(q)).reqPathResults[0].resolvedPathResults.length, 1);
});

test('our CoAP endpoint (in-process, with a USP binding) behind a lost ACK: coap-client\'s retransmission is a counted duplicate, the Record is handed over once', async (t) => {
  if (!libcoap(t)) return;
  const records: Uint8Array[] = [];
  const lossy = await liveEndpoint('127.0.0.1');
  closers.push(() => lossy.close());
  new UspCoapBinding(lossy.ep, { path: 'usp' }, (rec) => (records.push(rec.slice()), 'ok'));
  // Drop the first datagram we send (the piggybacked 2.04).
  const realSend = lossy.socket.send.bind(lossy.socket);
  let dropped = 0;
  (lossy.socket as { send: typeof realSend }).send = (d, a, p) => (dropped++ === 0 ? undefined : realSend(d, a, p));
  const body = file('dup.bin', pattern(50));
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO(), '-f', body, '-B', '8', `coap://127.0.0.1:${lossy.port}/usp`]);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal(records.length, 1);
  assert.deepEqual([...records[0]], [...pattern(50)]);
  assert.equal(lossy.ep.stats.duplicates, 1);
});

async function withServer<T>(fn: (port: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child: ChildProcess = spawn(SERVER, ['-A', '127.0.0.1', '-p', String(port), '-v', '0'], { stdio: 'ignore' });
  const kill = setTimeout(() => child.kill('SIGKILL'), 30000);
  try {
    // Wait until it answers a ping-like GET (bounded).
    for (let i = 0; i < 50; i++) {
      const r = await run(CLIENT, ['-m', 'get', '-B', '1', `coap://127.0.0.1:${port}/time`], 3000);
      if (r.code === 0 && r.stdout.length > 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    return await fn(port);
  } finally {
    clearTimeout(kill);
    child.kill('SIGKILL');
  }
}

/** Our request; a Block2 body is fetched and streamed into the result (collecting()). */
function request(ep: LiveEndpoint, port: number, spec: Parameters<LiveEndpoint['ep']['request']>[1]): Promise<CoapResult> {
  return new Promise((resolve) => ep.ep.request({ address: '127.0.0.1', port }, ...collecting(spec, resolve)));
}

test('our client against coap-server: GET /, GET /.well-known/core, a Block2 download in 16-byte blocks, a 5 KB Block1 PUT read back', { timeout: 60000 }, async (t) => {
  if (!libcoap(t)) return;
  const client = await liveEndpoint('127.0.0.1');
  const tiny = await liveEndpoint('127.0.0.1', undefined, { coapBlockBytes: 16 });
  closers.push(() => client.close(), () => tiny.close());
  await withServer(async (port) => {
    const root = await request(client, port, { method: Method.GET });
    assert.ok(root.kind === 'response' && root.code === Code.CONTENT);
    const text = Buffer.from(root.kind === 'response' ? root.payload : []).toString();
    assert.match(text, /This is a test server made with libcoap/);

    const wk = await request(client, port, { method: Method.GET, uriPath: ['.well-known', 'core'] });
    assert.ok(wk.kind === 'response' && /<\/time>/.test(Buffer.from(wk.payload).toString()));

    const sent = tiny.ep.stats.sent;
    const blocks = await request(tiny, port, { method: Method.GET, earlyBlock2: true });
    assert.ok(blocks.kind === 'response' && blocks.code === Code.CONTENT);
    assert.equal(Buffer.from(blocks.kind === 'response' ? blocks.payload : []).toString(), text);
    assert.ok(tiny.ep.stats.sent - sent >= Math.ceil(text.length / 16), 'block requests: ' + (tiny.ep.stats.sent - sent));

    const data = Buffer.from(Buffer.from(pattern(5 * 1024)).toString('base64').slice(0, 5 * 1024));
    const put = await request(client, port, { method: Method.PUT, uriPath: ['example_data'], contentFormat: 0, payload: data });
    assert.ok(put.kind === 'response' && (put.code === Code.CHANGED || put.code === Code.CREATED), JSON.stringify(put));
    const back = await request(client, port, { method: Method.GET, uriPath: ['example_data'] });
    assert.ok(back.kind === 'response' && back.code === Code.CONTENT);
    assert.equal(Buffer.from(back.kind === 'response' ? back.payload : []).toString(), data.toString());
  });
});
