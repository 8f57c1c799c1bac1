// The XS runner's I/O host functions (firmware/xs-host): UDP sockets on the event loop, file
// records under --state, --arg/--defaults, and the restart behind reboot()/factoryReset().
// Plain scripts run in the real XS engine under a fixed cap; Node is the peer and the judge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileStorage } from '../../hal/host/storage.ts';
import { udpCostScript, parseUdpCost } from './fixtures/udp-cost.ts';
import { buildXsHost, capArgs, runBundle, scratchDir, scriptFile, xsHostBinary, type Cap } from './xs-harness.ts';

const cap: Cap = { chunks: 64 * 1024, slots: 8192, stack: 512 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsHost();
  scratch = scratchDir('xs-io');
});
after(() => scratch?.remove());

/** Starts the runner, resolves with its first stdout line; `done` resolves with the exit. */
function startRunner(args: string[]) {
  const child = spawn(xsHostBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no output within 10 s: ${stderr}`)); }, 10_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const nl = stdout.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(stdout.slice(0, nl)); }
    });
    child.on('close', () => { clearTimeout(timer); reject(new Error(`exited early: ${stderr}`)); });
  });
  firstLine.catch(() => {});
  return { child, firstLine, done };
}

function udpExchange(family: 'udp4' | 'udp6', address: string, port: number, payloads: Buffer[]): Promise<string[]> {
  const s = dgram.createSocket(family);
  const got: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { s.close(); reject(new Error(`echo timeout, got ${got}`)); }, 5_000);
    s.on('message', (m, rinfo) => {
      assert.equal(rinfo.port, port);
      got.push(m.toString('latin1'));
      if (got.length === payloads.length) { clearTimeout(timer); s.close(); resolve(got); }
    });
    s.bind(0, address, () => { for (const p of payloads) s.send(p, port, address); });
  });
}

const echoScript = (address: string) => `
var h = __tinyusp_host, n = 0;
var id = h.udpOpen(${JSON.stringify(address)}, 0, function (buffer, from, port) {
  var bytes = new Uint8Array(buffer), reply = new Uint8Array(bytes.length + 1);
  reply[0] = 62; reply.set(bytes, 1);
  // the reply comes from a window of a larger buffer: offset/length are honoured
  var big = new Uint8Array(reply.length + 8); big.set(reply, 4);
  h.udpSend(id, big.buffer, 4, reply.length, from, port);
  if (++n === 3) h.udpClose(id);
});
h.print("port " + h.udpPort(id));`;

test('UDP on IPv4 loopback: bind to port 0, echo datagrams (binary, empty, 1400 bytes), close ends the loop', async () => {
  // Given an echo script under the cap
  const run = startRunner([...capArgs(cap), scriptFile(scratch.dir, 'echo4', echoScript('127.0.0.1'))]);
  const port = Number((await run.firstLine).split(' ')[1]);
  assert.ok(port > 0 && port < 65536);
  // when Node sends three datagrams
  const big = Buffer.alloc(1400, 0xab);
  const echoes = await udpExchange('udp4', '127.0.0.1', port, [Buffer.from([0, 1, 2, 255]), Buffer.alloc(0), big]);
  // then each comes back byte for byte behind a '>' and, the socket closed, the runner exits 0
  assert.deepEqual(new Set(echoes), new Set(['>\x00\x01\x02\xff', '>', '>' + big.toString('latin1')]));
  const end = await run.done;
  assert.equal(end.status, 0, end.stderr);
});

test('UDP on IPv6 loopback (::1)', async (t) => {
  const probe = dgram.createSocket('udp6');
  const ok = await new Promise<boolean>((r) => { probe.once('error', () => r(false)); probe.bind(0, '::1', () => r(true)); });
  probe.close();
  if (!ok) return t.skip('no IPv6 loopback on this machine');
  const run = startRunner([...capArgs(cap), scriptFile(scratch.dir, 'echo6', echoScript('::1'))]);
  const port = Number((await run.firstLine).split(' ')[1]);
  const echoes = await udpExchange('udp6', '::1', port, [Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
  assert.deepEqual(echoes.sort(), ['>a', '>b', '>c']);
  assert.equal((await run.done).status, 0);
});

test('a datagram above the socket bound never reaches the XS heap; one within it costs its bytes and a few slots', async () => {
  const script = scriptFile(scratch.dir, 'udp-cost', udpCostScript(1280, 2));
  const runner = startRunner([...capArgs(cap), script]);
  const port = Number(/^port (\d+)$/.exec(await runner.firstLine)![1]);
  const s = dgram.createSocket('udp4');
  await new Promise<void>((ok) => s.bind(0, '127.0.0.1', ok));
  // The script answers each datagram it got with one byte: send the next one after that answer.
  const answered = () => new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('no answer in 5 s')), 5_000);
    s.once('message', () => { clearTimeout(timer); ok(); });
  });
  s.send(Buffer.alloc(65_000, 1), port, '127.0.0.1'); // dropped by the host: no answer
  s.send(Buffer.alloc(1280, 2), port, '127.0.0.1');
  await answered();
  s.send(Buffer.alloc(64_000, 3), port, '127.0.0.1');
  s.send(Buffer.alloc(1, 4), port, '127.0.0.1');
  const { status, stdout, stderr } = await runner.done;
  s.close();
  assert.equal(status, 0, stderr);
  const costs = parseUdpCost(stdout);
  assert.deepEqual(costs.map((c) => c.bytes), [1280, 1]);
  // The ArrayBuffer's bytes plus a fixed part (chunk headers, the sender's address string; 160 B
  // on x86-64 when measured) and a handful of slots: never the 64 KB of the dropped ones.
  assert.ok(costs[0].chunks >= 1280 && costs[0].chunks <= 1280 + 256, JSON.stringify(costs));
  assert.ok(costs[0].slots <= 16, JSON.stringify(costs));
  // The difference is the 1,279 bytes more (chunks are rounded to 8 bytes).
  assert.ok(costs[1].chunks <= 256 && Math.abs(costs[0].chunks - costs[1].chunks - 1279) <= 8, JSON.stringify(costs));
});

test('UDP errors are exceptions: a port in use, a host name, a bad port, a closed socket', async () => {
  // Given a port Node holds
  const holder = dgram.createSocket('udp4');
  await new Promise<void>((r) => holder.bind(0, '127.0.0.1', () => r()));
  const taken = holder.address().port;
  const script = scriptFile(scratch.dir, 'udp-errors', `
var h = __tinyusp_host, out = [];
function attempt(f) { try { f(); out.push("none"); } catch (e) { out.push(e.name + ": " + e.message); } }
attempt(function () { h.udpOpen("127.0.0.1", ${taken}, function () {}); });
attempt(function () { h.udpOpen("localhost", 0, function () {}); });
attempt(function () { h.udpOpen("127.0.0.1", 70000, function () {}); });
var id = h.udpOpen("127.0.0.1", 0, function () {});
h.udpClose(id); h.udpClose(id);
attempt(function () { h.udpSend(id, new ArrayBuffer(1), 0, 1, "127.0.0.1", 9); });
attempt(function () { h.udpPort(id); });
var ids = []; attempt(function () { for (var i = 0; i < 9; i++) ids.push(h.udpOpen("127.0.0.1", 0, function () {})); });
h.print(JSON.stringify(out));
h.exit(0);`);
  // when the script tries them, then each throws with the reason, and 9 sockets exceed the table
  const r = runBundle(script, cap);
  holder.close();
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as string[];
  assert.match(out[0], /^Error: bind 127\.0\.0\.1:\d+: Address already in use$/);
  assert.match(out[1], /^TypeError: udpOpen: not an IP address literal: localhost$/);
  assert.match(out[2], /^RangeError: port must be/);
  assert.match(out[3], /^TypeError: udpSend: not an open socket$/);
  assert.match(out[4], /^TypeError: udpPort: not an open socket$/);
  assert.match(out[5], /^RangeError: too many UDP sockets \(8\)$/);
});

test('storage: records under --state/dm, escaped names, sorted keys, readable by the Node HAL', () => {
  // Given a state directory with a leftover temp file (a write cut short by a crash)
  const state = join(scratch.dir, 'state-storage');
  const script = scriptFile(scratch.dir, 'storage', `
var h = __tinyusp_host;
function bytes(s) { return new Uint8Array(h.utf8Encode(s)); }
function text(b) { return b === undefined ? "undefined" : h.utf8Decode(b, 0, b.byteLength); }
var keys = ["d.abc", "t.x.1", ".hidden", "a/b c%é", "z"];
keys.forEach(function (k, i) { var b = bytes("v" + i + "-" + k); h.storageSet(k, b.buffer, 0, b.length); });
var win = new Uint8Array(10); win.set(bytes("mid"), 3); h.storageSet("z", win.buffer, 3, 3);
h.storageDelete("t.x.1"); h.storageDelete("never-there");
var errs = [];
[[""], ["a\\u0000b"], [new Array(300).join("x")]].forEach(function (a) {
  try { h.storageSet(a[0], new ArrayBuffer(1), 0, 1); errs.push("none"); } catch (e) { errs.push(e.name); }
});
h.print(JSON.stringify({ keys: h.storageKeys(), a: text(h.storageGet("a/b c%é")), z: text(h.storageGet("z")),
  gone: text(h.storageGet("t.x.1")), errs: errs }));`);
  const first = runBundle(script, cap, ['--state', state]);
  assert.equal(first.status, 0, first.stderr);
  // then the script sees its own writes, and bad keys are refused
  const report = JSON.parse(first.stdout);
  assert.deepEqual(report.keys, ['.hidden', 'a/b c%é', 'd.abc', 'z']);
  assert.equal(report.a, 'v3-a/b c%é');
  assert.equal(report.z, 'mid');
  assert.equal(report.gone, 'undefined');
  assert.deepEqual(report.errs, ['TypeError', 'TypeError', 'RangeError']);
  // and the files are one per key, escaped, no temp file left
  const files = readdirSync(join(state, 'dm')).sort();
  assert.deepEqual(files, ['%2Ehidden', 'a%2Fb%20c%25%C3%A9', 'd.abc', 'z']);
  // and the Node simulator's storage reads the same records
  const node = createFileStorage(join(state, 'dm'));
  assert.equal(Buffer.from(node.get('d.abc')!).toString(), 'v0-d.abc');
  assert.deepEqual(node.keys().filter((k) => k !== 'a/b c%é'), ['.hidden', 'd.abc', 'z']);

  // Given a temp file left behind, when the runner starts, then it is dropped, the value stands
  writeFileSync(join(state, 'dm', 'z.tmp'), 'torn');
  const again = runBundle(scriptFile(scratch.dir, 'storage-read', `
var h = __tinyusp_host, b = h.storageGet("z");
h.print(h.utf8Decode(b, 0, b.byteLength) + " " + h.storageKeys().length);`), cap, ['--state', state]);
  assert.equal(again.stdout, 'mid 4\n', again.stderr);
  assert.equal(existsSync(join(state, 'dm', 'z.tmp')), false);
});

test('storage without --state throws; --arg and --defaults reach the script', () => {
  const defaults = join(scratch.dir, 'defaults.json');
  writeFileSync(defaults, '{"Device.DeviceInfo.FriendlyName":"ünï"}');
  const script = scriptFile(scratch.dir, 'config', `
var h = __tinyusp_host, err = "none";
try { h.storageKeys(); } catch (e) { err = e.message; }
h.print(JSON.stringify({ err: err, port: h.arg("port"), dup: h.arg("dup"), nosec: h.arg("allow-nosec"),
  missing: h.arg("missing") === undefined, prefix: h.arg("por") === undefined,
  defaults: JSON.parse(h.defaultsJson()) }));`);
  const r = runBundle(script, cap, ['--arg', 'port=0', '--arg', 'dup=1', '--arg', 'dup=2=x', '--allow-nosec', '--defaults', defaults]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {
    err: 'storage: the runner has no --state directory', port: '0', dup: '2=x', nosec: 'true', missing: true, prefix: true,
    defaults: { 'Device.DeviceInfo.FriendlyName': 'ünï' },
  });
  const none = runBundle(scriptFile(scratch.dir, 'no-defaults', '__tinyusp_host.print(String(__tinyusp_host.defaultsJson()));'), cap);
  assert.equal(none.stdout, 'undefined\n');
});

test('reboot() and factoryReset() restart the script on the same state, in the same process', async () => {
  // Given a script that counts its boots in storage and restarts until the third boot
  const state = join(scratch.dir, 'state-restart');
  const script = scriptFile(scratch.dir, 'restart', `
var h = __tinyusp_host, b = h.storageGet("boots"), n = b ? new Uint8Array(b)[0] + 1 : 1;
h.storageSet("boots", new Uint8Array([n]).buffer, 0, 1);
var id = h.udpOpen("127.0.0.1", 0, function () {});
h.print("boot " + n + " port " + h.udpPort(id));
h.setTimer(1, function () { if (n === 1) h.reboot(); else if (n === 2) h.factoryReset(); else h.exit(7); });`);
  const run = startRunner([...capArgs(cap), '--state', state, script]);
  const pid = run.child.pid;
  const end = await run.done;
  // then three boots printed, each with a socket (the old ones were closed on exec), one exit
  assert.equal(end.status, 7, end.stderr);
  assert.match(end.stdout, /^boot 1 port \d+\nboot 2 port \d+\nboot 3 port \d+\n$/);
  assert.match(end.stderr, /^\[info\] xs-host: restarting after reboot\n\[info\] xs-host: restarting after factory-reset\n$/);
  assert.ok(pid && pid > 0);
});

test('SIGTERM ends the event loop: exit 0 and the --stats line', async () => {
  // Given a script that would wait on its socket forever
  const run = startRunner([...capArgs(cap), '--stats', scriptFile(scratch.dir, 'forever',
    'var h = __tinyusp_host, id = h.udpOpen("127.0.0.1", 0, function () {}); h.print("up " + h.udpPort(id));')]);
  assert.match(await run.firstLine, /^up \d+$/);
  // when it is sent SIGTERM, then it leaves the loop and exits 0 with its peak usage
  run.child.kill('SIGTERM');
  const end = await run.done;
  assert.equal(end.status, 0, end.stderr);
  assert.match(end.stderr, /^xs-host stats: \{"chunksPeak":\d+,"slotsPeak":\d+,"keys":\d+,"runtimeKeys":\d+,"slotBytes":(16|32),"aliases":0,"peakBytes":\d+,"bootSlots":\d+,"bootChunks":\d+,"bootBytes":\d+\}$/m);
});
