// The whole agent core (src/core.ts: CoAP, USP binding, Records, dispatch) on a hostile simulated
// network: every USP request completes exactly once. Two CON exchanges per request (the
// Controller's POST and the agent's response POST to reply-to), each protected by CoAP
// retransmission and deduplication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsg, decodeRecord } from '../../src/codec/index.ts';
import { host } from '../../boards/host/profile.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { SimNet, type SimFaults } from '../support/sim-net.ts';
import { attachAgent, attachController } from '../support/sim-core.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg, testDefaults, testHal } from '../support/usp-harness.ts';

const AGENT = { address: '127.0.0.2', port: 5683 };
const CTL = { address: '127.0.0.1', port: 5684 };

function world(seed: number, faults: SimFaults, board: BoardProfile) {
  const net = new SimNet(seed, faults);
  const hal = testHal();
  // How often the agent's USP layer handled each msg_id (its trace line per Record), and how
  // often the Controller received each response.
  const handled = new Map<string, number>();
  const answered = new Map<string, number>();
  const agent = attachAgent(net, AGENT.address, AGENT.port, {
    hal, board,
    defaults: testDefaults({
      'Device.LocalAgent.MTP.1.Enable': 'true', 'Device.LocalAgent.MTP.1.Protocol': 'CoAP',
      'Device.LocalAgent.MTP.1.CoAP.Port': String(AGENT.port), 'Device.LocalAgent.MTP.1.CoAP.Path': 'usp',
    }),
    trace: (line) => {
      const m = /: (\S+) → /.exec(line);
      if (m) handled.set(m[1], (handled.get(m[1]) ?? 0) + 1);
    },
  });
  const ctl = attachController(net, CTL.address, CTL.port, board, seed + 2);
  const countAnswers = () => {
    for (const record of ctl.received.splice(0)) {
      const msg = decodeMsg((decodeRecord(record).recordType.value as { payload: Uint8Array }).payload);
      const id = msg.header?.msgId ?? '';
      answered.set(id, (answered.get(id) ?? 0) + 1);
    }
  };
  return { net, hal, agent, ctl, handled, answered, countAnswers };
}

test('given 20% loss both ways plus duplicates and reordering, when 1,000 Get and Set requests run, then each is handled once and answered once', () => {
  // A lossy-link board: RFC 7252 §4.8.1 lets MAX_RETRANSMIT grow; with the default 4, about
  // 0.6% of exchanges at 20% loss run out of retransmissions (test/coap/lossy.test.ts).
  const board: BoardProfile = { ...host, coap: { ...host.coap, maxRetransmit: 8 } };
  const w = world(7, { drop: 0.2, duplicate: 0.05, reorder: 0.05, latencyMs: [1, 20] }, board);
  const total = 1000;
  const window = 4; // NSTART is per peer; a few requests in flight keep the run short
  let issued = 0;
  const delivered: boolean[] = [];
  const issue = () => {
    while (issued < total && issued - [...w.answered.keys()].length < window) {
      const i = issued++;
      const req = i % 2 === 0
        ? requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } }, 'r' + i)
        : requestMsg({ case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'v' + i, required: true }] }] } }, 'r' + i);
      w.ctl.send(encodeRecordBytes(recordOf(encodeMsgBytes(req))), w.agent.uri, (o) => {
        delivered[i] = o.ok;
      });
    }
  };
  issue();
  const done = w.net.run(() => {
    w.countAnswers();
    issue();
    return w.answered.size === total;
  }, 24 * 3_600_000); // virtual time: every lost datagram costs an ACK_TIMEOUT of 2-3 s

  const stuck = [...Array(issued).keys()].filter((i) => !w.answered.has('r' + i)).map((i) => `r${i}:h${w.handled.get('r' + i) ?? 0}:d${delivered[i]}`);
  assert.ok(done, `only ${w.answered.size} of ${total} answered, stuck ${stuck.join(' ')} (net: ${JSON.stringify(w.net.stats)}) logs ${w.hal.logs.slice(-5).join(' | ')}`);
  assert.ok(w.net.stats.dropped > 500, 'the network really dropped datagrams');
  for (let i = 0; i < total; i++) {
    assert.equal(w.handled.get('r' + i), 1, `request r${i} handled ${w.handled.get('r' + i)} times`);
    assert.equal(w.answered.get('r' + i), 1, `response to r${i} received ${w.answered.get('r' + i)} times`);
  }
  assert.equal(w.agent.core.engine.get('Device.DeviceInfo.FriendlyName').startsWith('v'), true);
});
