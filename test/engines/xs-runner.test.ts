// The XS runner (firmware/xs-host) and the hal/xs binding: host functions, the fixed memory
// cap, exit codes. Each program runs in the real XS engine under a cap given on the command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import {
  buildXsHost, bundleFixture, capArgs, parseStats, runBundle, runXsHost, scratchDir, scriptFile, type Cap,
} from './xs-harness.ts';
import { invalidUtf8, utf8Texts } from './fixtures/utf8-cases.ts';

// XS 17's builtins take ~4,460 slots in a fresh machine (an empty script, --stats): the smoke
// program runs in 8,704 slots and not in 8,192 (it did with XS 13.3), so 9,216.
const cap: Cap = { chunks: 64 * 1024, slots: 9216, stack: 512 };
const capText = 'cap: chunks=65536, slots=9216, stack=512';
let scratch: ReturnType<typeof scratchDir>;
let smoke: string;

before(async () => {
  buildXsHost();
  scratch = scratchDir('xs-runner');
  smoke = await bundleFixture('test/engines/fixtures/smoke.entry.ts', scratch.dir, 'smoke');
});
after(() => scratch?.remove());

test('smoke: every host function works through hal/xs under a 64 KB + 9216-slot cap', () => {
  // Given the smoke bundle, when it runs under the cap
  const r = runBundle(smoke, cap);
  // then it exits with the code it passed to exit(), before its 60 s timer
  assert.equal(r.status, 5, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `only the report is printed: ${r.stdout}`);
  const report = JSON.parse(lines[0]);

  // timers: by due time, equal delays in creation order, the cleared one never fires
  assert.deepEqual(report.order.filter((n: string) => n !== 't10a-child'), ['t10a', 't10b', 't20', 't30']);
  assert.ok(report.order.indexOf('t10a-child') > report.order.indexOf('t10a'), 'a timer set in a callback fires later');
  assert.ok(!report.order.includes('cancelled'));
  // clock: monotonic, and a 30 ms timer does not fire early
  for (let i = 1; i < report.samples.length; i++) assert.ok(report.samples[i] >= report.samples[i - 1]);
  assert.ok(report.elapsedAtT30 >= 30 - 1e-6, `t30 fired after ${report.elapsedAtT30} ms`);
  // wall clock: known on this host, close to Node's
  assert.ok(Math.abs(report.wall - Date.now()) < 60_000, `wall ${report.wall}`);

  // UTF-8: same bytes as Node's encoder, same text as Node's decoder (lone surrogates -> U+FFFD)
  utf8Texts.forEach((text, i) => {
    const expected = Buffer.from(text, 'utf8');
    assert.equal(report.utf8[i].hex, expected.toString('hex'), `encode #${i}`);
    assert.equal(report.utf8[i].decoded, expected.toString('utf8'), `decode #${i}`);
    assert.equal(report.utf8[i].same, expected.toString('utf8') === text, `round trip #${i}`);
  });
  assert.equal(report.window, 'uro', 'a subarray decodes only its own bytes');
  assert.deepEqual(report.invalid, invalidUtf8.map(() => 'TypeError'), 'ill-formed UTF-8 is rejected');

  // random bytes: right lengths, two draws differ, the bound holds
  assert.deepEqual(report.random.lengths, [16, 0, 1000]);
  assert.equal(report.random.differ, true);
  assert.equal(report.random.tooMany, 'RangeError');
  assert.equal(report.badTimer, 'TypeError');
  // log goes to stderr with its level
  assert.match(r.stderr, /^\[warn\] smoke log \u2713$/m);
});

test('wallTimeMs() is undefined when the board does not know the time', () => {
  const r = runBundle(smoke, cap, ['--no-wall-clock']);
  assert.equal(r.status, 5, r.stderr);
  assert.equal(JSON.parse(r.stdout).wall, null);
});

test('the board entry (hal/xs/main.ts) refuses to start without DTLS unless --allow-nosec: exit 2', async () => {
  // Given the board bundle and a state directory, when run without --allow-nosec
  const main = await bundleFixture('hal/xs/main.ts', scratch.dir, 'main');
  const agentCap: Cap = { chunks: 512 * 1024, slots: 32768, stack: 2048 };
  // The script runner keeps every key of the agent's code in RAM: more than its default 2048.
  const r = runBundle(main, agentCap, ['--keys', '4096', '--state', join(scratch.dir, 'state-main'), '--defaults', join(root, 'examples/demo-defaults.json')]);
  // then it says why and exits with the configuration code (the served case: test/e2e/xs-agent.test.ts)
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^\[error\] tinyusp: no DTLS credentials: .*plaintext CoAP needs an explicit --allow-nosec/m);
  // and a defaults file that is not an object of strings is refused the same way
  const bad = scriptFile(scratch.dir, 'bad-defaults', '{"Device.X": 1}');
  const r2 = runBundle(main, agentCap, ['--keys', '4096', '--state', join(scratch.dir, 'state-main'), '--defaults', bad, '--allow-nosec']);
  assert.equal(r2.status, 2, r2.stderr);
  assert.match(r2.stderr, /--defaults: defaults entry "Device.X" must be a "Device.…" path with a string value/);
});

test('an unbounded allocation loop hits the chunk cap: exit 3 and one clear line', () => {
  const hog = scriptFile(scratch.dir, 'hog-buffers', 'var kept = []; for (;;) kept.push(new Uint8Array(512));');
  const r = runBundle(hog, cap);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, new RegExp(`^xs-host: memory full \\(${capText}\\)$`, 'm'));
});

test('an unbounded object loop hits the slot cap: exit 3', () => {
  const hog = scriptFile(scratch.dir, 'hog-objects', 'var kept = []; for (var i = 0; ; i++) kept.push({ i: i });');
  const r = runBundle(hog, cap);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, new RegExp(`^xs-host: memory full \\(${capText}\\)$`, 'm'));
});

test('unbounded recursion hits the stack cap: exit 3', () => {
  const deep = scriptFile(scratch.dir, 'deep', 'function f(n) { return f(n + 1) + 1; } f(0);');
  const r = runBundle(deep, cap);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /^xs-host: stack overflow \(cap: stack=512\)$/m);
});

test('the cap is what decides: 48 KB of live buffers fit in 128 KB of chunks, not in 40 KB', () => {
  const hold = scriptFile(scratch.dir, 'hold',
    'var kept = []; for (var i = 0; i < 48; i++) kept.push(new Uint8Array(1024)); __tinyusp_host.print("held " + kept.length);');
  const roomy = runBundle(hold, { ...cap, chunks: 128 * 1024 }, ['--stats']);
  assert.equal(roomy.status, 0, roomy.stderr);
  assert.equal(roomy.stdout, 'held 48\n');
  const stats = parseStats(roomy.stderr);
  assert.ok(stats && stats.chunksPeak > 48 * 1024 && stats.chunksPeak <= 128 * 1024, roomy.stderr);
  assert.ok(stats.slotsPeak > 0 && stats.slotsPeak <= cap.slots);
  const tight = runBundle(hold, { ...cap, chunks: 40 * 1024 });
  assert.equal(tight.status, 3, tight.stderr);
  assert.match(tight.stderr, /memory full \(cap: chunks=40960,/);
});

test('property-name keys are capped and never freed; Map keys are not keys', () => {
  // Given objects dropped right away but each with a new property name (as a decoded
  // map<string,string> from the wire would be), when 5,000 are made under --keys 2048
  const names = runBundle(scriptFile(scratch.dir, 'keys-names',
    'for (var i = 0; i < 5000; i++) { var o = {}; o["k" + i] = i; } __tinyusp_host.print("done");'),
  { ...cap, chunks: 1024 * 1024, slots: 65536 }, ['--keys', '2048']);
  // then the key table runs out (XS 13.3 keeps every key for the machine's life)
  assert.equal(names.status, 3, names.stderr);
  assert.match(names.stderr, /^xs-host: out of keys \(cap: keys=2048\)$/m);
  // while the same strings as Map keys cost no key
  const mapped = runBundle(scriptFile(scratch.dir, 'keys-map',
    'for (var i = 0; i < 5000; i++) { var m = new Map(); m.set("k" + i, i); } __tinyusp_host.print("done");'),
  { ...cap, chunks: 1024 * 1024, slots: 65536 }, ['--keys', '2048']);
  assert.equal(mapped.status, 0, mapped.stderr);
  assert.equal(mapped.stdout, 'done\n');
});

test('an uncaught exception, an unhandled rejection and a syntax error exit 1 with the error', () => {
  const thrown = runBundle(scriptFile(scratch.dir, 'throws', 'throw new TypeError("boom");'), cap);
  assert.equal(thrown.status, 1);
  assert.match(thrown.stderr, /^xs-host: uncaught exception: TypeError: boom$/m);

  const inTimer = runBundle(scriptFile(scratch.dir, 'timer-throws',
    '__tinyusp_host.setTimer(1, function () { throw new RangeError("late"); });'), cap);
  assert.equal(inTimer.status, 1);
  assert.match(inTimer.stderr, /^xs-host: uncaught exception: RangeError: late$/m);

  // reported once the promise jobs drain, not only when the loop ends (a timer is still armed)
  const rejected = runBundle(scriptFile(scratch.dir, 'rejects',
    '__tinyusp_host.setTimer(60000, function () {}); Promise.reject(new Error("nobody listens"));'), cap, [], 5_000);
  assert.equal(rejected.status, 1);
  assert.match(rejected.stderr, /^xs-host: unhandled promise rejection: Error: nobody listens$/m);
  const handledLater = runBundle(scriptFile(scratch.dir, 'handled', [
    'var p = Promise.reject(new Error("handled"));',
    'p.catch(function (e) { __tinyusp_host.print("caught " + e.message); });',
  ].join('\n')), cap);
  assert.equal(handledLater.status, 0, handledLater.stderr);
  assert.equal(handledLater.stdout, 'caught handled\n');

  const broken = runBundle(scriptFile(scratch.dir, 'broken', 'var a = 1;\nvar b = ;\n'), cap);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /broken\.js:2: error: /);
});

test('promise jobs run after the script and after each timer; the loop ends when idle', () => {
  const p = scriptFile(scratch.dir, 'promises', [
    'var h = __tinyusp_host, log = [];',
    'Promise.resolve().then(function () { log.push("job"); });',
    'h.setTimer(1, function () { log.push("timer"); Promise.resolve().then(function () { log.push("timer-job"); }); });',
    'h.setTimer(2, function () { h.print(log.join(",")); });',
    'log.push("script");',
  ].join('\n'));
  const r = runBundle(p, cap);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'script,job,timer,timer-job\n');
});

test('min-cap.mjs finds the smallest cap: the program runs under it, not under one step less', () => {
  // Given a small program, when min-cap searches its cap
  const program = scriptFile(scratch.dir, 'small', 'var o = []; for (var i = 0; i < 200; i++) o.push({ i: i, s: "v" + i }); __tinyusp_host.print(o.length);');
  const r = spawnSync(process.execPath, [join(root, 'firmware/xs-host/min-cap.mjs'), '--json', program], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const found = JSON.parse(r.stdout) as Cap & { bytes64: number };
  assert.equal(found.bytes64, found.chunks + (found.slots + found.stack) * 32);
  // then the program runs under the cap found, and fails with one step less of chunks or slots
  const fits = runBundle(program, found);
  assert.equal(fits.status, 0, fits.stderr);
  assert.equal(fits.stdout, '200\n');
  assert.equal(runBundle(program, { ...found, chunks: found.chunks - 256 }).status, 3);
  assert.equal(runBundle(program, { ...found, slots: found.slots - 16 }).status, 3);
});

test('build.mjs is incremental and names a missing C compiler', () => {
  const build = join(root, 'firmware/xs-host/build.mjs');
  // Given the runner built in before(), when built again, then nothing is recompiled
  const again = spawnSync(process.execPath, [build, '--script-only'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^xs-host \(x64\): build\/xs-host\/x64\/xs-host is up to date$/m);
  assert.doesNotMatch(again.stdout, /compiling/);
  // Given no C compiler, when building, then one clear error and exit 1
  const noCc = spawnSync(process.execPath, [build, '--script-only'], {
    cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CC: '/nonexistent/cc' },
  });
  assert.equal(noCc.status, 1);
  assert.match(noCc.stderr, /^build\.mjs: C compiler `\/nonexistent\/cc` not found/);
});

test('bad command lines exit 2 with a one-line usage error', () => {
  const bundle = scriptFile(scratch.dir, 'empty', '');
  const cases: string[][] = [
    [],
    [bundle],
    ['--chunks', '65536', '--slots', '4096', bundle],
    ['--chunks', 'lots', '--slots', '4096', '--stack', '512', bundle],
    ['--chunks', '100', '--slots', '4096', '--stack', '512', bundle],
    [...capArgs(cap), '--frobnicate', bundle],
    [...capArgs(cap), '/nonexistent/bundle.js'],
    [...capArgs(cap), bundle, bundle],
    [...capArgs(cap), '--defaults', '/nonexistent/defaults.json', bundle],
    [...capArgs(cap), '--arg', 'no-equals', bundle],
    [...capArgs(cap), '--arg', '=value', bundle],
    [...capArgs(cap), ...Array.from({ length: 17 }, (_, i) => ['--arg', `k${i}=v`]).flat(), bundle],
    [...capArgs(cap), '--state', bundle],
  ];
  for (const args of cases) {
    const r = runXsHost(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^xs-host: .*\(usage: xs-host --chunks BYTES/);
  }
});
