// Hostile traffic against the agent process at its board's memory cap (the XS engines run at the
// esp32 cap, boards/esp32/xs-cap.ts): 64 KB datagrams (xs-agent.test.ts), Block1 uploads of any
// size and order from many peers, a flood of new exchanges, tables grown to their bound (Add
// until 7005), and subscriptions at their bound notifying a Controller that never answers
// (queue full: the oldest dropped). Each is answered with the spec's error or bound, and the
// agent never ends in "memory full": afterwards it still answers a Get (issue 10, item 5).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType, type Msg, type RequestSchema } from '../../gen/usp/usp-msg_pb.ts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { esp32 } from '../../boards/esp32/profile.ts';
import { host } from '../../boards/host/profile.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { root } from '../../build.config.ts';
import { seededRandom } from '../support/sim-net.ts';
import { ARM_UNAVAILABLE, ENGINES, launchAgent, type LaunchedAgent } from './launch.ts';
import { block1, createdPath, enc, openSockets, outcome, resourcesExceeded, send } from './hostile-peers.ts';

const DEFAULTS = join(root, 'examples/demo-defaults.json');
const AGENT_ID = 'proto::tinyusp-demo';
if (ARM_UNAVAILABLE) test('hostile traffic on xs-arm', (t) => { t.skip(ARM_UNAVAILABLE as string); });
for (const engine of ENGINES.filter((e) => !process.env.HOSTILE_ENGINE || e === process.env.HOSTILE_ENGINE)) {
  describe(`hostile traffic at the board's cap on ${engine}`, () => {
    // The Node simulator runs the host board; the XS engines the esp32 board at its cap.
    const board = engine === 'node' ? host : esp32;
    let state: string;
    let agent: LaunchedAgent;
    let ctl: Controller;
    let port: number;
    const serialNumber = async (): Promise<string | undefined> => {
      const m = await ctl.request(agent.uri, AGENT_ID, { reqType: { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'] } } }, Header_MsgType.GET, 8_000);
      const b = m.body?.msgBody;
      if (b?.case !== 'response' || b.value.respType.case !== 'getResp') return undefined;
      return b.value.respType.value.reqPathResults[0]?.resolvedPathResults[0]?.resultParams.SerialNumber;
    };
    const stillServing = async () => {
      assert.equal(await serialNumber(), 'SIM0001');
      assert.equal(agent.output().stderr.includes('memory full'), false, agent.output().stderr);
    };

    before(async () => {
      state = mkdtempSync(join(tmpdir(), `tinyusp-hostile-${engine}-`));
      agent = await launchAgent({ engine, defaultsFile: DEFAULTS, stateDir: state });
      ctl = await Controller.open({ endpointId: 'proto::controller-1' });
      port = Number(new URL(agent.uri).port);
    });
    after(async () => {
      ctl?.close();
      await agent?.stop();
      rmSync(state, { recursive: true, force: true });
    });

    test('Block1 uploads of any size and order from 24 peers at once', { timeout: 120_000 }, async () => {
      const rand = seededRandom(42);
      const peers = await openSockets(24);
      let mid = 1;
      try {
        for (let round = 0; round < 6; round++) {
          for (const s of peers) {
            const szx = Math.floor(rand() * 7); // 16..1024-byte blocks
            const size = 16 << szx;
            const size1 = 1 + Math.floor(rand() * 70_000); // up to past the reassembly bound
            const num = Math.floor(rand() * 8); // any order, gaps included
            await send(s, block1(s, mid++, num, rand() < 0.8, szx, size1, new Uint8Array(size).fill(0x5a)), port);
          }
        }
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        for (const s of peers) s.close();
      }
      await stillServing();
    });

    type Req = MessageInitShape<typeof RequestSchema>;
    const ask = (req: Req, type: Header_MsgType): Promise<Msg> => ctl.request(agent.uri, AGENT_ID, req, type, 15_000).catch((e: Error) => {
      // Say what the agent said last (a memory-full exit, a full exchange table...).
      throw new Error(`${e.message}; agent stderr ends with:\n${agent.output().stderr.split('\n').slice(-12).join('\n')}`);
    });
    const add = (objPath: string, params: [string, string][]): Promise<Msg> => ask({ reqType: { case: 'add', value: {
      allowPartial: false, createObjs: [{ objPath, paramSettings: params.map(([param, value]) => ({ param, value, required: true })) }] } } }, Header_MsgType.ADD);
    const set = (objPath: string, param: string, value: string): Promise<Msg> => ask({ reqType: { case: 'set', value: {
      allowPartial: false, updateObjs: [{ objPath, paramSettings: [{ param, value, required: true }] }] } } }, Header_MsgType.SET);
    /**
     * Adds rows until the agent answers 7005 (Resources exceeded: the table's bound, or the
     * model's rows or value bytes); returns the rows added.
     */
    const fill = async (table: string, row: (i: number) => [string, string][], made: string[] = []): Promise<number> => {
      const bound = board.limits.instancesPerTable;
      for (let i = 0; i <= bound + 1; i++) {
        const m = await add(table, row(i));
        if (resourcesExceeded(m)) return i;
        assert.equal(outcome(m), 'addResp', `Add #${i + 1} to ${table}`);
        made.push(createdPath(m));
      }
      assert.fail(`${table}: no 7005 within ${bound + 2} Adds`);
    };

    test('tables grown to their bound: Add answers 7005 beyond it', { timeout: 240_000 }, async () => {
      // Long values: the rows cost what a hostile Controller can make them cost.
      const long = (n: number, c: string) => c.repeat(n);
      const made: string[] = [];
      const boot = await fill('Device.LocalAgent.Controller.1.BootParameter.', (i) => [['ParameterName', `Device.DeviceInfo.${long(200, 'P')}${i}`]], made);
      assert.ok(boot >= 1 && boot <= board.limits.instancesPerTable, `${boot} BootParameter rows`);
      // The model's own bounds (modelInstances, modelValueBytes) may be reached already.
      const ctls = await fill('Device.LocalAgent.Controller.', (i) => [['EndpointID', `proto::hostile-${long(200, 'c')}-${i}`]], made);
      assert.ok(ctls <= board.limits.instancesPerTable, `${ctls} Controller rows`);
      await stillServing();
      // Room again for the next test's subscriptions.
      for (const p of made.reverse()) {
        assert.equal(outcome(await ask({ reqType: { case: 'delete', value: { allowPartial: false, objPaths: [p] } } }, Header_MsgType.DELETE)), 'deleteResp');
      }
    });

    test('subscriptions at their bound notifying a Controller that never answers', { timeout: 300_000 }, async () => {
      // The Controller's MTP points at a socket that reads and never answers: every Notify waits
      // for its retransmissions, the queue fills and drops the oldest (notificationsPerController).
      const [blackhole] = await openSockets(1);
      try {
        assert.equal(outcome(await set('Device.LocalAgent.Controller.1.MTP.1.CoAP.', 'Port', String(blackhole.address().port))), 'setResp');
        // The Recipient is the Controller that adds the row (controller-1).
        const subs = await fill('Device.LocalAgent.Subscription.', (i) => [['Enable', 'true'], ['ID', `hostile-${i}`],
          ['NotifType', 'ValueChange'], ['NotifRetry', 'true'],
          ['ReferenceList', 'Device.LocalAgent.Controller.1.ProvisioningCode']]);
        assert.ok(subs >= 1, `${subs} subscriptions`);
        for (let i = 0; i < 3 * esp32.limits.notificationsPerController; i++) {
          assert.equal(outcome(await set('Device.LocalAgent.Controller.1.', 'ProvisioningCode', `code-${i}-${'x'.repeat(48)}`)), 'setResp');
        }
        await new Promise((r) => setTimeout(r, 500));
        await stillServing();
      } finally {
        blackhole.close();
      }
    });

    test('a flood of 600 new exchanges from 30 peers', { timeout: 120_000 }, async () => {
      const peers = await openSockets(30);
      let mid = 10_000;
      try {
        for (let i = 0; i < 20; i++) {
          for (const s of peers) await send(s, block1(s, mid++, 0, false, 6, 40, enc.encode('not a USP Record at all, just bytes!')), port);
        }
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        for (const s of peers) s.close();
      }
      await stillServing();
    });
  });
}
