// The XS runner's HTTP client (firmware/xs-host/host-http.c behind hal/xs/http.ts) against peers
// on 127.0.0.1 that answer as servers do and as they should not: node:net scripts for the framing
// (Content-Length, chunked with extensions and trailers, close-delimited, a head beyond the 2 KB
// bound, a body cut short, a bad chunk size, a server that stalls, a refused connection, 404),
// node:https with the test PKI (our CA; another CA; a certificate for another host), Basic auth,
// and an abort from the caller. Each run checks the bytes that arrived (SHA-256 in XS) and that
// the transfer ended exactly once. x86-64, and the first cases on 32-bit ARM under qemu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { makePki, type Pki } from '../dtls/support.ts';
import { armUnavailable } from '../support/tools.ts';
import { uriLike } from '../support/uri-gen.ts';
import { parseHttpUrl } from '../../hal/xs/http.ts';
import { buildXsBoard, bundleFixture, capArgs, QEMU_ARM, scratchDir, type Arch } from './xs-harness.ts';

const CAP = { chunks: 128 * 1024, slots: 8192, stack: 1024 };
const BODY = randomBytes(50_000);
const SUM = createHash('sha256').update(BODY).digest('hex');
let scratch: ReturnType<typeof scratchDir>;
let bundle: string;
let pki: Pki;

before(async () => {
  buildXsBoard('x64');
  if (!armUnavailable()) buildXsBoard('arm');
  scratch = scratchDir('xs-http');
  bundle = await bundleFixture('test/engines/xs-http.entry.ts', scratch.dir, 'xs-http');
  pki = await makePki();
});
after(() => { scratch?.remove(); pki?.remove(); });

type Event = { event: string; [k: string]: unknown };

/** Runs the entry in the script-mode runner; resolves with its events once it exits (bounded). */
function get(args: string[], arch: Arch = 'x64', timeoutMs = 30_000): Promise<{ events: Event[]; code: number | null; stderr: string }> {
  const binary = join(root, 'build/xs-host', arch, 'xs-host');
  const argv = [...capArgs(CAP), '--ca', pki.path('ca.pem'), ...args.flatMap((a) => ['--arg', a]), bundle];
  const child = arch === 'arm' ? spawn(QEMU_ARM, [binary, ...argv]) : spawn(binary, argv);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.on('close', (code) => {
    clearTimeout(guard);
    resolve({ events: out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Event), code, stderr: err });
  }));
}

/** A TCP server that answers each connection with `respond` (after the request head). */
async function script(respond: (socket: Socket, request: string) => void): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createNetServer((socket) => {
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (head.includes('\r\n\r\n')) { requests.push(head); respond(socket, head); head = ''; }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fw.img`, requests, server };
}

const ends = (events: Event[]) => events.filter((e) => e.event === 'end');
function only(events: Event[]): Event {
  const e = ends(events);
  assert.equal(e.length, 1, `exactly one end: ${JSON.stringify(events)}`);
  return e[0];
}

for (const arch of ['x64', 'arm'] as const) {
  test(`xs http (${arch}): Content-Length body in blocks of at most the block size, the request line and headers, Basic auth`, { skip: arch === 'arm' && armUnavailable() }, async () => {
    const s = await script((sock) => sock.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n`), BODY])));
    try {
      const r = await get([`url=${s.url}`, 'block=512', 'user=fw-user', 'password=p:ss wörd']);
      assert.deepEqual(r.events.find((e) => e.event === 'response'), { event: 'response', status: 200, length: BODY.length });
      const end = only(r.events);
      assert.deepEqual([end.error, end.bytes, end.sha256, end.maxBlock], [null, BODY.length, SUM, 512]);
      assert.equal(r.code, 0, r.stderr);
      const req = s.requests[0];
      assert.match(req, /^GET \/fw\.img HTTP\/1\.1\r\n/);
      assert.match(req, new RegExp(`\r\nHost: 127\\.0\\.0\\.1:${/:(\d+)\//.exec(s.url)![1]}\r\n`));
      assert.match(req, new RegExp(`\r\nAuthorization: Basic ${Buffer.from('fw-user:p:ss wörd').toString('base64')}\r\n`));
      assert.match(req, /\r\nConnection: close\r\n/);
    } finally { s.server.close(); }
  });
}

test('xs http: chunked (extensions, odd sizes, trailers) and close-delimited bodies; no Authorization without a user', async () => {
  let chunked = true;
  const s = await script((sock) => {
    if (!chunked) { sock.end(Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\n\r\n'), BODY])); return; }
    const parts: Buffer[] = [Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n')];
    for (let i = 0, n = 1; i < BODY.length; i += n, n = n * 3 + 1) {
      const piece = BODY.subarray(i, i + n);
      parts.push(Buffer.from(`${piece.length.toString(16)};ext=1\r\n`), piece, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from('0\r\nX-Trailer: 1\r\n\r\n'));
    // written in odd slices so the framing straddles reads
    const all = Buffer.concat(parts);
    for (let i = 0; i < all.length; i += 777) sock.write(all.subarray(i, i + 777));
    sock.end();
  });
  try {
    let r = await get([`url=${s.url}`]);
    assert.equal(r.events.find((e) => e.event === 'response')!.length, -1);
    let end = only(r.events);
    assert.deepEqual([end.error, end.bytes, end.sha256], [null, BODY.length, SUM]);
    assert.doesNotMatch(s.requests[0], /Authorization/i);
    chunked = false;
    r = await get([`url=${s.url}`]);
    end = only(r.events);
    assert.deepEqual([end.error, end.bytes, end.sha256], [null, BODY.length, SUM]);
  } finally { s.server.close(); }
});

test('xs http: what a bad or broken server sends ends the transfer once with the reason', async () => {
  const cases: [string, (sock: Socket) => void, RegExp][] = [
    ['a head beyond 2 KB', (sock) => sock.end(`HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(3000)}\r\n\r\n`), /head too long/],
    ['a body cut short', (sock) => sock.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n'), BODY.subarray(0, 500)])), /closed before the end/],
    ['a bad chunk size', (sock) => sock.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n'), /bad chunk size/],
    ['a chunked body cut short', (sock) => sock.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc'), /closed before the end/],
    ['two different Content-Lengths', (sock) => sock.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd'), /bad Content-Length/],
    ['a compressed coding', (sock) => sock.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabcd'), /unsupported Transfer-Encoding/],
    ['not HTTP', (sock) => sock.end('SSH-2.0-OpenSSH\r\n\r\n'), /not an HTTP\/1\.x response/],
    ['404', (sock) => sock.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'), /^HTTP 404$/],
    ['a redirect (not followed)', (sock) => sock.end('HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/x\r\nContent-Length: 0\r\n\r\n'), /^HTTP 302$/],
  ];
  for (const [name, respond, reason] of cases) {
    const s = await script(respond);
    try {
      const r = await get([`url=${s.url}`]);
      const end = only(r.events);
      assert.match(String(end.error), reason, name);
      assert.equal(r.code, 0, `${name}: the runner goes on (${r.stderr})`);
    } finally { s.server.close(); }
  }
});

test('xs http: a stalled server times out, a refused connection and a bad URL fail, an abort from onData stops the transfer', async () => {
  const stall = await script((sock) => sock.write(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\nabc`));
  try {
    const t0 = performance.now();
    const r = await get([`url=${stall.url}`, 'idle=700']);
    const end = only(r.events);
    assert.deepEqual([end.error, end.bytes], ['timeout', 3]);
    assert.ok(performance.now() - t0 >= 700);
  } finally { stall.server.close(); }
  const closed = await script(() => {});
  const port = /:(\d+)\//.exec(closed.url)![1];
  await new Promise((r) => closed.server.close(r));
  assert.match(String(only((await get([`url=http://127.0.0.1:${port}/x`])).events).error), /connect/);
  for (const url of ['http://127.0.0.1:99999/x', 'ftp://127.0.0.1/x', 'http://127.0.0.1/a b', 'http://u@127.0.0.1/x']) {
    const end = only((await get([`url=${url}`])).events);
    assert.ok(typeof end.error === 'string' && end.error.length > 0, `${url}: ${JSON.stringify(end)}`);
  }
  const big = await script((sock) => sock.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n`), BODY])));
  try {
    const end = only((await get([`url=${big.url}`, 'stop-after=4000', 'block=1024'])).events);
    assert.equal(end.error, 'slot write failed');
    assert.ok((end.bytes as number) >= 4000 && (end.bytes as number) < 4000 + 1024, `stopped at the block that crossed 4000: ${end.bytes}`);
  } finally { big.server.close(); }
});

test('xs https: our CA\'s server (SAN IP:127.0.0.1); another CA, or a certificate for another host, refused before the request', async () => {
  const requests: string[] = [];
  const serve = (cert: string) => createHttpsServer({ key: readFileSync(pki.path(`${cert}.key`)), cert: readFileSync(pki.path(`${cert}.pem`)) }, (req, res) => {
    requests.push(`${cert} ${req.url}`);
    res.writeHead(200, { 'content-length': BODY.length }).end(BODY);
  });
  const servers = ['files', 'stranger', 'agent'].map(serve);
  for (const s of servers) await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = (i: number) => `https://127.0.0.1:${(servers[i].address() as AddressInfo).port}/fw.img`;
  try {
    const r = await get([`url=${url(0)}`]);
    assert.deepEqual(r.events[0], { event: 'schemes', schemes: ['http', 'https'] });
    const end = only(r.events);
    assert.deepEqual([end.error, end.bytes, end.sha256], [null, BODY.length, SUM]);
    // stranger: another CA; agent: our CA, but its certificate names no IP 127.0.0.1
    for (const i of [1, 2]) assert.match(String(only((await get([`url=${url(i)}`])).events).error), /TLS: certificate not trusted/);
    assert.deepEqual(requests, ['files /fw.img']);
  } finally {
    for (const s of servers) { s.closeAllConnections(); s.close(); }
  }
});

// The regexp hal/xs/http.ts had before its hand parser (a preloaded regexp is ~1 KB of flash on
// XS): the reference parseHttpUrl must agree with on every input (a port of 0 or above 65535 was
// refused after the match).
const URL_RE = /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(\/[^#]*)?(?:#.*)?$/;
function referenceParse(url: string) {
  const m = URL_RE.exec(url);
  const port = m && m[3] !== undefined ? Number(m[3]) : -1;
  return !m || port === 0 || port > 65535 ? undefined : { scheme: m[1], host: m[2], port, path: m[4] || '' };
}

test('given many generated URLs, valid and not, then parseHttpUrl agrees with the former regexp', () => {
  fc.assert(fc.property(uriLike(['http', 'https', 'HTTP', 'coap']), (u) => {
    assert.deepEqual(parseHttpUrl(u), referenceParse(u));
  }), { numRuns: 20000 });
});
