// The agent core (src/core.ts) as the host sees it: datagrams in through receive(), datagrams
// out through the one send function, work driven by step()/nextDeadline() on a virtual clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import { CoapType, Code, Method } from '../../src/coap/constants.ts';
import { decodeMessage, type CoapMessage } from '../../src/coap/message.ts';
import { decodeMsg, decodeRecord } from '../../src/codec/index.ts';
import { createCore, type Peer, type PeerIdentity } from '../../src/core.ts';
import { ackOf, uspPost } from '../support/coap-frames.ts';
import { CONTROLLER_ID, encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg, testDefaults, testHal } from '../support/usp-harness.ts';

const CTL: Peer = { address: '127.0.0.1', port: 5684 };

function rig() {
  const hal = testHal();
  const out: CoapMessage[] = [];
  const core = createCore({
    hal, board: host, host: '127.0.0.1',
    defaults: testDefaults({
      'Device.LocalAgent.MTP.1.Enable': 'true', 'Device.LocalAgent.MTP.1.Protocol': 'CoAP',
      'Device.LocalAgent.MTP.1.CoAP.Port': '5683', 'Device.LocalAgent.MTP.1.CoAP.Path': 'usp',
    }),
    send: (bytes) => {
      const d = decodeMessage(bytes);
      if (!d.ok) throw new Error('the core sent an undecodable datagram');
      out.push(d.message);
    },
  });
  core.listening(5683);
  let mid = 1;
  return {
    hal, core, out,
    /** A Controller's CON POST carrying `msg` in a Record from `from`. */
    post(req: Parameters<typeof requestMsg>[0], msgId: string, opts: { from?: string; identity?: PeerIdentity } = {}) {
      const record = encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg(req, msgId)), opts.from ?? CONTROLLER_ID));
      core.receive(uspPost(record, ++mid, `coap://${CTL.address}:${CTL.port}/usp`), { ...CTL, identity: opts.identity }, hal.clock.now);
    },
    /** ACK every CON the core sent (as the Controller's CoAP stack would). */
    ackAll() {
      for (const m of out.splice(0)) {
        if (m.type === CoapType.CON) core.receive(ackOf(m), CTL, hal.clock.now);
      }
    },
    msgOf(m: CoapMessage) {
      const rec = decodeRecord(m.payload);
      return decodeMsg((rec.recordType.value as { payload: Uint8Array }).payload);
    },
  };
}

const GET = { case: 'get' as const, value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } };

test('given a request, when the core answers it, then the CoAP ACK leaves before the USP response POST (R-COAP.7)', () => {
  const r = rig();
  r.post(GET, 'order-1');
  assert.deepEqual(r.out.map((m) => [m.type, m.code]), [[CoapType.ACK, Code.CHANGED], [CoapType.CON, Method.POST]]);
  assert.equal(r.msgOf(r.out[1]).header?.msgId, 'order-1');
});

test('given the identity the link authenticated, when it is not the Record from_id, then the Record is not processed (R-SEC.0a)', () => {
  const r = rig();
  r.post(GET, 'impostor', { identity: { endpointId: 'proto::someone-else' } });
  assert.deepEqual(r.out.map((m) => m.type), [CoapType.ACK], 'acknowledged at CoAP level, no USP answer');
  r.out.length = 0;
  r.post(GET, 'genuine', { identity: { endpointId: CONTROLLER_ID } });
  assert.equal(r.out.length, 2);
  assert.equal(r.msgOf(r.out[1]).header?.msgId, 'genuine');
});

test('given Reboot(), when the core answers, then it reboots only after the OperateResp POST was acknowledged', () => {
  const r = rig();
  r.post({ case: 'operate', value: { command: 'Device.Reboot()', commandKey: 'ck', sendResp: true, inputArgs: new Map() } }, 'reboot-1');
  const resp = r.out.find((m) => m.type === CoapType.CON);
  assert.ok(resp, 'the OperateResp POST left');
  r.core.step(r.hal.clock.now);
  r.hal.clock.now += 1000;
  r.core.step(r.hal.clock.now);
  assert.ok(!r.hal.logs.includes('reboot'), 'no reboot while the answer is in flight');
  // The ACK that ends the exchange makes the deferred reboot due: it runs with that datagram.
  r.ackAll();
  assert.ok(r.hal.logs.includes('reboot'));
});

test('given nothing in flight, then nextDeadline() covers the msg_id window and is Infinity once it has passed', () => {
  const r = rig();
  r.ackAll();
  r.core.step(r.hal.clock.now);
  const t0 = r.hal.clock.now;
  r.post(GET, 'window-1');
  r.ackAll();
  assert.equal(r.core.nextDeadline(), t0 + 2000, 'R-MSG.4 window of window-1');
  r.hal.clock.now = t0 + 2000;
  r.core.step(r.hal.clock.now);
  assert.equal(r.core.nextDeadline(), Infinity);
});
