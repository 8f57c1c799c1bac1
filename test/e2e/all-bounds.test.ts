// Every bound of the board reached at once, against the agent process at its board's memory cap
// (issue 10, item 5; the XS engines run at the esp32 cap, whose arithmetic is
// boards/esp32/worst-case.ts): the model filled to its rows (modelInstances) and stored bytes
// (modelValueBytes), subscriptions notifying a Controller that never answers (its queue at
// notificationsPerController), a Block1 upload at the reassembly limit from as many peers as
// there are exchange slots, left in flight, a flood of new exchanges and 64 KB datagrams. Each
// gets the spec's answer (USP 7005, CoAP 2.31 / 5.03, a dropped datagram), the refused changes
// change nothing, no "memory full", and the agent still answers Gets (a multi-block one too).
// The scenario itself: all-bounds.ts.
import { describe, test, before, after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esp32 } from '../../boards/esp32/profile.ts';
import { host } from '../../boards/host/profile.ts';
import { root } from '../../build.config.ts';
import { ARM_UNAVAILABLE, ENGINES, launchAgent, type LaunchedAgent } from './launch.ts';
import { allBoundsScenario } from './all-bounds.ts';

const DEFAULTS = join(root, 'examples/demo-defaults.json');

if (ARM_UNAVAILABLE) test('all bounds at once on xs-arm', (t) => { t.skip(ARM_UNAVAILABLE as string); });
for (const engine of ENGINES.filter((e) => !process.env.HOSTILE_ENGINE || e === process.env.HOSTILE_ENGINE)) {
  describe(`every bound at once at the board's cap on ${engine}`, () => {
    // The Node simulator runs the host board, whose model bounds are far (4,096 rows, 4 MB).
    const board = engine === 'node' ? host : esp32;
    let state: string;
    let agent: LaunchedAgent;

    before(async () => {
      state = mkdtempSync(join(tmpdir(), `tinyusp-all-bounds-${engine}-`));
      agent = await launchAgent({ engine, defaultsFile: DEFAULTS, stateDir: state });
    });
    after(async () => {
      await agent?.stop();
      rmSync(state, { recursive: true, force: true });
    });

    test('the model at its bounds, queues full, Block1 in flight on every slot, floods, 64 KB datagrams: each answered, the agent serves', { timeout: 240_000 }, async () => {
      await allBoundsScenario(agent, board);
    });
  });
}
