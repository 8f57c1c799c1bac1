// Key growth on the device engine: XS keeps every distinct property name as a key for the
// machine's life, in a fixed table (runner --keys). The agent core runs inside the XS runner
// (test/engines/fixtures/xs-keys.entry.ts) and is fed hostile and long-running traffic whose
// names are all new (Operate argument names, msg_ids, Endpoint IDs, search literals, map keys
// in response bodies, instance paths of Add/Delete cycles). It must finish under a key cap a
// little above what booting needs, with as many keys after thousands of requests as after the
// first round. Before map<string,string> fields were Maps, each Operate argument name was a
// key: one round cost ~690 keys (1553 at boot, 2245 after one round, 3605 after three).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildXsHost, bundleFixture, parseStats, runBundle, scratchDir, type Cap, type XsRun } from './xs-harness.ts';
import { CYCLES, GETS, OPERATES, RESPONSES, SETS, STRANGER_OPERATES, ARGS_PER_OPERATE } from './fixtures/xs-keys-plan.ts';

// A roomy script-mode cap (the agent evaluated with every builtin in RAM, not preloaded).
const cap: Cap = { chunks: 384 * 1024, slots: 24 * 1024, stack: 2048 };
/** Keys allowed above the boot figure: lazily made names, not one per request. */
const MARGIN = 32;
/** 30 rounds: 2,100 Operates (16,800 new argument names), 1,260 Add/Delete, 900 Get/Set... */
const ROUNDS = 30;
let scratch: ReturnType<typeof scratchDir>;
let bundlePath: string;
let runs = 0;

before(async () => {
  buildXsHost();
  scratch = scratchDir('xs-keys');
  bundlePath = await bundleFixture('test/engines/fixtures/xs-keys.entry.ts', scratch.dir, 'xs-keys');
});
after(() => scratch?.remove());

function run(rounds: number, keys: number, extra: string[] = []): XsRun & { keys: number; counts: Map<string, number> } {
  const state = join(scratch.dir, 'state-' + ++runs); // a fresh flash each run
  const r = runBundle(bundlePath, cap, ['--stats', '--keys', String(keys), '--state', state, '--arg', 'rounds=' + rounds, ...extra], 120_000);
  const stats = parseStats(r.stderr);
  const counts = new Map<string, number>();
  for (const line of r.stdout.trim().split('\n')) {
    const at = line.lastIndexOf(' ');
    if (at > 0) counts.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { ...r, keys: stats ? stats.keys : -1, counts };
}

/** The replies `rounds` rounds must get (xs-keys-plan.ts); notifications are checked apart. */
function expected(rounds: number): [string, number][] {
  const per: [string, number][] = [
    ['add:Device.LocalAgent.Controller.', CYCLES],
    ['add:Device.LocalAgent.Subscription.', 2 * CYCLES],
    ['delete', 3 * CYCLES],
    ['error:7001', 2 * RESPONSES], // a GetResp or OperateResp nobody asked for
    ['getInstancesResp', CYCLES],
    ['getResp', GETS],
    ['new-controller-getResp', CYCLES],
    ['no-reply', RESPONSES], // NotifyResp
    ['notify-error:7001', RESPONSES], // an Agent takes no Notify
    ['operateResp:reqOutputArgs', OPERATES],
    ['setResp', SETS + CYCLES],
    ['stranger-operateResp:7006', STRANGER_OPERATES],
  ];
  return per.map(([k, n]) => [k, n * rounds]);
}

function assertReplies(r: ReturnType<typeof run>, rounds: number): void {
  const counts = new Map(r.counts);
  const sent = counts.get('notifications-sent') ?? -1;
  counts.delete('notifications-sent');
  assert.equal(counts.get('rounds'), rounds, r.stdout);
  counts.delete('rounds');
  assert.deepEqual([...counts].sort(), expected(rounds).sort(), 'every request got its expected reply');
  // Each SendOnBoardRequest() queued an OnBoardRequest, delivered at once.
  assert.ok(sent >= OPERATES * rounds, `notifications sent: ${sent}`);
}

test('given thousands of requests with new names, when run in XS under a key cap just above boot, then keys do not grow', (t) => {
  // Given the keys booting takes (no traffic)
  const boot = run(0, 4096); // room to learn what boot takes (the script runner keeps every key in RAM)
  assert.equal(boot.status, 0, boot.stderr);
  assert.ok(boot.keys > 1000, `boot keys ${boot.keys}`);
  const keyCap = boot.keys + MARGIN;

  // When one round runs, then it needs at most the margin
  const one = run(1, keyCap);
  assert.equal(one.status, 0, one.stderr);
  assertReplies(one, 1);
  assert.ok(one.keys <= keyCap, `one round: ${one.keys} keys`);

  // When 30 rounds run under the same cap, then they finish with the keys of one round
  const many = run(ROUNDS, keyCap);
  assert.equal(many.status, 0, `${many.stderr}\n(one round: ${one.keys} keys, boot ${boot.keys})`);
  assertReplies(many, ROUNDS);
  assert.ok(many.keys <= one.keys + 2, `after ${ROUNDS} rounds ${many.keys} keys, after one ${one.keys}`);
  t.diagnostic(`keys: boot ${boot.keys}, after 1 round ${one.keys}, after ${ROUNDS} rounds ${many.keys} (cap ${keyCap})`);
});

test('given the same traffic with argument names kept as property names (the old decoder), then the cap stops it: out of keys', () => {
  // The control: one round mints OPERATES + STRANGER_OPERATES times 8 names as properties.
  const boot = run(0, 4096); // room to learn what boot takes (the script runner keeps every key in RAM)
  assert.equal(boot.status, 0, boot.stderr);
  const r = run(1, boot.keys + MARGIN, ['--arg', 'control=true']);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, new RegExp(`^xs-host: out of keys \\(cap: keys=${boot.keys + MARGIN}\\)$`, 'm'));
  assert.ok((OPERATES + STRANGER_OPERATES) * ARGS_PER_OPERATE > MARGIN);
});
