// The whole agent (USP core + CoAP binding) on a hostile simulated network: every USP request
// completes exactly once. Two CON exchanges per request (the Controller's POST and the agent's
// response POST to reply-to), each protected by CoAP retransmission and deduplication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { UspCoapBinding } from '../../src/mtp/coap.ts';
import { decodeMsg, decodeRecord } from '../../src/codec/index.ts';
import { host } from '../../boards/host.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { SimNet, seededBytes, type SimFaults, type SimPeer } from '../support/sim-net.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg, startAgent } from '../support/usp-harness.ts';

const AGENT = { address: '127.0.0.2', port: 5683 };
const CTL = { address: '127.0.0.1', port: 5684 };
const AGENT_URI = 'coap://127.0.0.2:5683/usp';
const CTL_URI = 'coap://127.0.0.1:5684/usp';

/** A CoAP endpoint as a SimNode. */
function node(ep: CoapEndpoint) {
  return {
    receive: (d: Uint8Array, p: SimPeer, now: number) => ep.receive(d, p, now),
    step: (now: number) => ep.step(now),
    nextDeadline: () => ep.nextDeadline(),
  };
}

function world(seed: number, faults: SimFaults, board: BoardProfile) {
  const net = new SimNet(seed, faults);
  const t = startAgent({ board });
  // How often the agent's USP layer saw each msg_id, and the Controller each response.
  const handled = new Map<string, number>();
  const answered = new Map<string, number>();

  const agentEp = new CoapEndpoint({ send: net.sender(AGENT.address, AGENT.port), randomBytes: seededBytes(seed + 1), limits: board.limits, transmission: board.coap });
  const agentBinding = new UspCoapBinding(agentEp, { path: '/usp' }, (record, replyTo) => {
    const id = decodeMsg((decodeRecord(record).recordType.value as { payload: Uint8Array }).payload).header?.msgId ?? '';
    handled.set(id, (handled.get(id) ?? 0) + 1);
    t.hal.clock.now = net.now;
    const out = t.agent.handleRecord(record, {});
    if (out.mtpError) return 'bad-record';
    if (out.reply) agentBinding.sendRecord(out.reply.slice(), replyTo, AGENT_URI, () => {});
    return 'ok';
  });
  const agentNode = node(agentEp);
  net.attach(AGENT.address, AGENT.port, {
    ...agentNode,
    step(now) {
      t.hal.clock.now = now;
      agentEp.step(now);
      t.agent.step(now);
    },
  });

  const ctlEp = new CoapEndpoint({ send: net.sender(CTL.address, CTL.port), randomBytes: seededBytes(seed + 2), limits: board.limits, transmission: board.coap });
  const ctlBinding = new UspCoapBinding(ctlEp, { path: '/usp', interfaceType: 'bbf.usp.c' }, (record) => {
    const msg = decodeMsg((decodeRecord(record).recordType.value as { payload: Uint8Array }).payload);
    const id = msg.header?.msgId ?? '';
    answered.set(id, (answered.get(id) ?? 0) + 1);
    return 'ok';
  });
  net.attach(CTL.address, CTL.port, node(ctlEp));
  return { net, t, ctlBinding, handled, answered };
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
      w.ctlBinding.sendRecord(encodeRecordBytes(recordOf(encodeMsgBytes(req))), AGENT_URI, CTL_URI, (o) => {
        delivered[i] = o.ok;
      });
    }
  };
  issue();
  const done = w.net.run(() => {
    issue();
    return w.answered.size === total;
  }, 24 * 3_600_000); // virtual time: every lost datagram costs an ACK_TIMEOUT of 2-3 s

  const stuck = [...Array(issued).keys()].filter((i) => !w.answered.has('r' + i)).map((i) => `r${i}:h${w.handled.get('r' + i) ?? 0}:d${delivered[i]}`);
  assert.ok(done, `only ${w.answered.size} of ${total} answered, stuck ${stuck.join(' ')} (net: ${JSON.stringify(w.net.stats)}) logs ${w.t.hal.logs.slice(-5).join(' | ')}`);
  assert.ok(w.net.stats.dropped > 500, 'the network really dropped datagrams');
  for (let i = 0; i < total; i++) {
    assert.equal(w.handled.get('r' + i), 1, `request r${i} handled ${w.handled.get('r' + i)} times`);
    assert.equal(w.answered.get('r' + i), 1, `response to r${i} received ${w.answered.get('r' + i)} times`);
  }
  assert.equal(w.t.agent.engine.get('Device.DeviceInfo.FriendlyName').startsWith('v'), true);
});
