// The all-bounds scenario (issue 10, item 5) of test/e2e/all-bounds.test.ts, kept apart so a
// benchmark can drive it too: every bound of the board reached at once, each answered as the
// spec says, and the agent still serving afterwards. Every step asserts its answer.
import assert from 'node:assert/strict';
import type { Socket } from 'node:dgram';
import { Header_MsgType, type Msg, type RequestSchema } from '../../gen/usp/usp-msg_pb.ts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { BoardProfile } from '../../boards/profile.ts';
import { esp32 } from '../../boards/esp32/profile.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { Code } from '../../src/coap/constants.ts';
import { decodeMessage } from '../../src/coap/message.ts';
import type { LaunchedAgent } from './launch.ts';
import { block1, createdPath, enc, openSockets, outcome, resourcesExceeded, send } from './hostile-peers.ts';

const AGENT_ID = 'proto::tinyusp-demo';
const LA = 'Device.LocalAgent.';
type Req = MessageInitShape<typeof RequestSchema>;

/** The CoAP codes each socket receives, in order. */
function listen(sockets: Socket[]): number[][] {
  const codes: number[][] = sockets.map(() => []);
  sockets.forEach((s, i) => s.on('message', (b: Buffer) => {
    const d = decodeMessage(new Uint8Array(b));
    if (d.ok) codes[i].push(d.message.code);
  }));
  return codes;
}

/**
 * Runs the scenario against `agent` (started on examples/demo-defaults.json). `device`: the board
 * is a device board whose model bounds are reached (esp32); on the host board the model grows as
 * far as on esp32 and is not refused.
 */
export async function allBoundsScenario(agent: LaunchedAgent, board: BoardProfile, timeoutMs = 20_000): Promise<void> {
  const device = board.name !== 'host';
  const port = Number(new URL(agent.uri).port);
  const peers: Socket[] = [];
  const ctl = await Controller.open({ endpointId: 'proto::controller-1', timeoutMs });
  const ask = (req: Req, type: Header_MsgType): Promise<Msg> => ctl.request(agent.uri, AGENT_ID, req, type, timeoutMs).catch((e: Error) => {
    throw new Error(`${e.message}; agent stderr ends with:\n${agent.output().stderr.split('\n').slice(-12).join('\n')}`);
  });
  const add = (objPath: string, params: [string, string][]) => ask({ reqType: { case: 'add', value: {
    allowPartial: false, createObjs: [{ objPath, paramSettings: params.map(([param, value]) => ({ param, value, required: true })) }] } } }, Header_MsgType.ADD);
  const set = (objPath: string, param: string, value: string) => ask({ reqType: { case: 'set', value: {
    allowPartial: false, updateObjs: [{ objPath, paramSettings: [{ param, value, required: true }] }] } } }, Header_MsgType.SET);
  const get = async (path: string): Promise<string | undefined> => {
    const m = await ask({ reqType: { case: 'get', value: { paramPaths: [path] } } }, Header_MsgType.GET);
    const b = m.body?.msgBody;
    if (b?.case !== 'response' || b.value.respType.case !== 'getResp') return undefined;
    const r = b.value.respType.value.reqPathResults[0]?.resolvedPathResults[0];
    return r?.resultParams[path.slice(path.lastIndexOf('.') + 1)];
  };
  const noMemoryFull = () => assert.equal(agent.output().stderr.includes('memory full'), false, agent.output().stderr);
  try {
    // A Controller that never answers: controller-1's MTP points at a socket that only reads.
    const [blackhole] = await openSockets(1);
    peers.push(blackhole);
    assert.equal(outcome(await set(`${LA}Controller.1.MTP.1.CoAP.`, 'Port', String(blackhole.address().port))), 'setResp');
    assert.equal(outcome(await set(`${LA}Controller.1.`, 'ProvisioningCode', 'code-00')), 'setResp');

    // Rows: two ValueChange subscriptions (retried: they wait for the silent Controller), then
    // BootParameters until the model's rows are refused.
    const subs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const m = await add(`${LA}Subscription.`, [['Enable', 'true'], ['ID', `all-${i}`], ['NotifType', 'ValueChange'], ['NotifRetry', 'true'],
        ['ReferenceList', `${LA}Controller.1.ProvisioningCode`]]);
      assert.equal(outcome(m), 'addResp', `Subscription ${i}`);
      subs.push(createdPath(m));
    }
    const rows: string[] = [];
    for (let i = 0; i <= esp32.limits.modelInstances; i++) {
      const m = await add(`${LA}Controller.1.BootParameter.`, [['ParameterName', `Device.DeviceInfo.P${i}`]]);
      if (resourcesExceeded(m)) break;
      assert.equal(outcome(m), 'addResp', `BootParameter Add #${i + 1}`);
      rows.push(createdPath(m));
      if (!device && rows.length >= esp32.limits.modelInstances) break;
    }
    assert.ok(rows.length >= 1, 'room for a BootParameter row');
    const count = await get(`${LA}Controller.1.BootParameterNumberOfEntries`);
    assert.equal(Number(count), rows.length + 1, 'BootParameter rows: the default one and those added (a refused Add made none)');
    if (device) {
      // Then Controllers (disabled: nothing is sent to them) until the model's rows are full: the
      // model's bound stops them before the Controller table's.
      const ctls: string[] = [];
      for (let i = 0; i < board.limits.instancesPerTable; i++) {
        const m = await add(`${LA}Controller.`, [['EndpointID', `proto::all-${i}`], ['Enable', 'false']]);
        if (resourcesExceeded(m)) break;
        assert.equal(outcome(m), 'addResp', `Controller Add #${i + 1}`);
        ctls.push(createdPath(m));
      }
      assert.ok(ctls.length < board.limits.instancesPerTable - 1, `${ctls.length} Controllers added: the model's row bound stopped them`);
      assert.ok(resourcesExceeded(await add(`${LA}Subscription.`, [['ID', 'one-too-many']])), 'a Subscription beyond the model\'s rows is refused 7005');
    }

    // Stored bytes: BootParameter names (to 250 characters) and Subscription IDs (to their 64)
    // grown until a Set is refused.
    const targets = [`${LA}Controller.1.BootParameter.1.`, ...rows].map((r) => [r, 'ParameterName', 'Device.DeviceInfo.', '250'])
      .concat(subs.map((r) => [r, 'ID', 'all-', '64']));
    let refused: { path: string; kept: string } | undefined;
    for (const [i, [obj, param, prefix, max]] of targets.entries()) {
      const was = await get(obj + param);
      const m = await set(obj, param, `${prefix}${i}-${'V'.repeat(250)}`.slice(0, Number(max)));
      if (resourcesExceeded(m)) { refused = { path: obj + param, kept: was! }; break; }
      assert.equal(outcome(m), 'setResp', `Set ${obj}${param}`);
    }
    if (device) {
      assert.ok(refused, `no Set refused within ${targets.length} values of 250 bytes (modelValueBytes ${board.limits.modelValueBytes})`);
      assert.equal(await get(refused.path), refused.kept, 'the refused Set changed nothing');
    }
    noMemoryFull();

    // Notifications to the silent Controller: values of the same length (the model stays at
    // its bound), each a ValueChange for both subscriptions; the queue drops the oldest.
    for (let i = 1; i <= 3 * board.limits.notificationsPerController; i++) {
      assert.equal(outcome(await set(`${LA}Controller.1.`, 'ProvisioningCode', `code-${String(i).padStart(2, '0')}`)), 'setResp');
    }

    // A Block1 upload at the reassembly limit from one peer per exchange slot, left in flight:
    // the reassembly slots take theirs (2.31 Continue), the others are told to come back (5.03).
    const uploaders = await openSockets(board.limits.coapExchanges);
    peers.push(...uploaders);
    const codes = listen(uploaders);
    let mid = 20_000;
    for (const s of uploaders) {
      await send(s, block1(s, mid++, 0, true, 6, board.limits.reassemblyBytes, new Uint8Array(1024).fill(0x42)), port);
    }
    // A flood of new exchanges (not USP Records) from 20 more peers, and 64 KB datagrams.
    const flood = await openSockets(20);
    peers.push(...flood);
    for (let round = 0; round < 10; round++) {
      for (const s of flood) await send(s, block1(s, mid++, 0, false, 6, 40, enc.encode('not a USP Record, just bytes')), port);
    }
    for (let i = 0; i < 4; i++) await send(flood[i], new Uint8Array(65_000).fill(0x60 + i), port);
    const end = Date.now() + 20_000;
    while (codes.some((c) => c.length === 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const first = codes.map((c) => c[0]);
    assert.ok(first.every((c) => c === Code.CONTINUE || c === Code.SERVICE_UNAVAILABLE), `Block1 answers: ${JSON.stringify(first)}`);
    const continued = first.filter((c) => c === Code.CONTINUE).length;
    assert.ok(continued >= 1, 'at least one upload holds a reassembly slot');
    if (device) assert.ok(first.includes(Code.SERVICE_UNAVAILABLE), 'uploads beyond the reassembly slots are told 5.03');

    // With all of that held: a multi-block Get, then the usual one.
    const la = await ask({ reqType: { case: 'get', value: { paramPaths: [`${LA}Controller.1.`] } } }, Header_MsgType.GET);
    assert.equal(outcome(la), 'getResp');
    assert.equal(await get('Device.DeviceInfo.SerialNumber'), 'SIM0001');
    assert.equal(await get(`${LA}Controller.1.ProvisioningCode`), `code-${String(3 * board.limits.notificationsPerController).padStart(2, '0')}`);
    noMemoryFull();
    assert.equal(agent.output().stderr.includes('queue for'), true, 'the notification queue reached its bound and dropped the oldest');
  } finally {
    for (const s of peers) s.close();
    ctl.close();
  }
}
