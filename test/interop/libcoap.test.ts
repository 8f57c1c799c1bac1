// Interop with real libcoap 4.3 (Debian libcoap3-bin): coap-client-notls against our endpoint +
// USP binding, and our client against coap-server-notls and against a second instance of ours.
// Loopback only, random free ports, every child process bounded by a timeout and killed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Code, Method } from '../../src/coap/constants.ts';
import type { CoapResult } from '../../src/coap/types.ts';
import { UspCoapBinding, type SendOutcome } from '../../src/mtp/coap.ts';
import { liveEndpoint, run, freePort, hasTool, type LiveEndpoint } from './harness.ts';

const CLIENT = 'coap-client-notls';
const SERVER = 'coap-server-notls';
const available = (await hasTool(CLIENT)) && (await hasTool(SERVER));
// In CI (.ci/run installs libcoap3-bin) a missing peer is a failure, never a silent skip.
if (!available && process.env.CI) throw new Error('libcoap3-bin (coap-client-notls) is required in CI');
const skip = available ? false : 'libcoap3-bin (coap-client-notls) not installed';

let agent: LiveEndpoint;
const records: Uint8Array[] = [];
let verdict: 'ok' | 'bad-record' = 'ok';
let dir: string;
const closers: (() => void)[] = [];

before(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'tinyusp-coap-'));
  agent = await liveEndpoint('127.0.0.1');
  new UspCoapBinding(agent.ep, { path: '/usp' }, (record) => (records.push(record.slice()), verdict));
  closers.push(() => agent.close());
});

after(() => {
  for (const c of closers) c();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const uri = (path = 'usp') => `coap://127.0.0.1:${agent.port}/${path}`;
const REPLY_TO = '15,reply-to=coap://127.0.0.1:5683/ctrl';

function file(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

function pattern(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 255;
  return b;
}

/** coap-client prints a non-2.xx response code as "c.dd Reason" on stderr. */
function code(r: { stdout: string; stderr: string }): string | undefined {
  const m = /([2-5]\.\d\d) /.exec(r.stderr + r.stdout);
  return m ? m[1] : undefined;
}

test('coap-client POSTs a Record with Content-Format 42 and reply-to: 2.04 and the Record arrives', { skip }, async () => {
  records.length = 0;
  const body = file('small.bin', pattern(100));
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO, '-f', body, '-B', '5', uri()]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal(records.length, 1);
  assert.deepEqual([...records[0]], [...pattern(100)]);
});

test('coap-client with reply-to in the URI query string is accepted too', { skip }, async () => {
  records.length = 0;
  const body = file('small2.bin', pattern(10));
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-f', body, '-B', '5', uri() + '?reply-to=coap://127.0.0.1:5683/ctrl']);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal(records.length, 1);
});

test('coap-client Block1 upload of 3 KB in 64-byte blocks: the whole Record arrives once', { skip }, async () => {
  records.length = 0;
  const before = agent.ep.stats.received;
  const body = file('big.bin', pattern(3000));
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO, '-b', '64', '-f', body, '-B', '10', uri()]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal(records.length, 1);
  assert.deepEqual([...records[0]], [...pattern(3000)]);
  assert.ok(agent.ep.stats.received - before >= 47, 'blocks: ' + (agent.ep.stats.received - before));
});

test('coap-client refused: wrong method 4.05, wrong Content-Format 4.15, no reply-to 4.00, wrong path 4.04, reflection 4.00', { skip }, async () => {
  records.length = 0;
  const body = file('x.bin', pattern(20));
  const cases: [string[], string][] = [
    [['-m', 'put', '-t', '42', '-O', REPLY_TO, '-f', body, uri()], '4.05'],
    [['-m', 'get', uri()], '4.05'],
    [['-m', 'post', '-t', '0', '-O', REPLY_TO, '-f', body, uri()], '4.15'],
    [['-m', 'post', '-t', '42', '-f', body, uri()], '4.00'],
    [['-m', 'post', '-t', '42', '-O', REPLY_TO, '-f', body, uri('nope')], '4.04'],
    [['-m', 'post', '-t', '42', '-O', '15,reply-to=coap://192.0.2.1:5683/ctrl', '-f', body, uri()], '4.00'],
  ];
  for (const [args, expected] of cases) {
    const r = await run(CLIENT, [...args.slice(0, -1), '-B', '5', args[args.length - 1]]);
    assert.equal(code(r), expected, args.join(' ') + ' -> ' + r.stderr + r.stdout);
  }
  assert.equal(records.length, 0);
});

test('coap-client POSTs an undecodable Record: 4.00 (R-COAP.13)', { skip }, async () => {
  verdict = 'bad-record';
  try {
    const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO, '-e', 'garbage', '-B', '5', uri()]);
    assert.equal(code(r), '4.00', r.stderr);
  } finally {
    verdict = 'ok';
  }
});

test('coap-client GET /.well-known/core lists the USP endpoint', { skip }, async () => {
  const r = await run(CLIENT, ['-m', 'get', '-B', '5', uri('.well-known/core')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<\/usp>;rt="bbf\.usp\.endpoint";if="bbf\.usp\.a"/);
});

test('coap-client retransmits after our lost ACK: the duplicate is answered from the cache, the Record is handed over once', { skip }, async () => {
  records.length = 0;
  const lossy = await liveEndpoint('127.0.0.1');
  closers.push(() => lossy.close());
  new UspCoapBinding(lossy.ep, { path: 'usp' }, (record) => (records.push(record.slice()), 'ok'));
  // Drop the first datagram we send (the piggybacked 2.04).
  const realSend = lossy.socket.send.bind(lossy.socket);
  let dropped = 0;
  (lossy.socket as { send: typeof realSend }).send = (d, a, p) => (dropped++ === 0 ? undefined : realSend(d, a, p));
  const body = file('dup.bin', pattern(50));
  const r = await run(CLIENT, ['-m', 'post', '-t', '42', '-O', REPLY_TO, '-f', body, '-B', '8', `coap://127.0.0.1:${lossy.port}/usp`]);
  assert.equal(code(r), undefined, r.stderr);
  assert.equal(records.length, 1);
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

function request(ep: LiveEndpoint, port: number, spec: Parameters<LiveEndpoint['ep']['request']>[1]): Promise<CoapResult> {
  return new Promise((resolve) => ep.ep.request({ address: '127.0.0.1', port }, spec, resolve));
}

test('our client against coap-server: GET /, GET /.well-known/core, a Block2 download in 16-byte blocks, a 5 KB Block1 PUT read back', { skip, timeout: 60000 }, async () => {
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

test('our binding sends a 5 KB Record (Block1) to a second instance of our server over real UDP', { skip }, async () => {
  const got: Uint8Array[] = [];
  const ctrl = await liveEndpoint('127.0.0.1');
  const peer = await liveEndpoint('127.0.0.1');
  closers.push(() => ctrl.close(), () => peer.close());
  const ctrlBinding = new UspCoapBinding(ctrl.ep, { path: 'ctrl', interfaceType: 'bbf.usp.c' }, () => 'ok');
  new UspCoapBinding(peer.ep, { path: 'usp' }, (r) => (got.push(r.slice()), 'ok'));
  const outcome = await new Promise<SendOutcome>((resolve) =>
    ctrlBinding.sendRecord(pattern(5 * 1024), `coap://127.0.0.1:${peer.port}/usp`, `coap://127.0.0.1:${ctrl.port}/ctrl`, resolve),
  );
  assert.deepEqual(outcome, { ok: true, code: Code.CHANGED });
  assert.equal(got.length, 1);
  assert.deepEqual([...got[0]], [...pattern(5 * 1024)]);
});

test('our client on ::1 talks to our server on ::1 (udp6)', { skip }, async () => {
  let server: LiveEndpoint | undefined;
  try {
    server = await liveEndpoint('::1', { handle: (req) => ({ code: Code.CONTENT, payload: req.payload }) });
  } catch {
    return; // no IPv6 loopback on this machine
  }
  const client = await liveEndpoint('::1');
  closers.push(() => server!.close(), () => client.close());
  const r = await new Promise<CoapResult>((resolve) => client.ep.request({ address: '::1', port: server!.port }, { method: Method.POST, payload: pattern(3000) }, resolve));
  assert.ok(r.kind === 'response' && r.payload.length === 3000);
});
