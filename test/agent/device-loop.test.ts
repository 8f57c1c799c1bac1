// The device run loop (src/device.ts) on a HAL with a fake UDP socket and virtual timers: the
// one timer is kept while it fires no later than needed (no set/clear per request), and an
// early firing re-arms it, so a retransmission is never late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDevice } from '../../src/device.ts';
import { host } from '../../boards/host/profile.ts';
import { CoapType } from '../../src/coap/constants.ts';
import { decodeMessage } from '../../src/coap/message.ts';
import { ackOf, uspPost } from '../support/coap-frames.ts';
import { testDefaults, testHal, encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import type { UdpOptions } from '../../hal/hal.ts';

const CTL = { address: '127.0.0.1', port: 5684 };

function rig() {
  const hal = testHal();
  const sent: Uint8Array[] = [];
  const armed = new Map<number, { at: number; fn: () => void }>();
  let ids = 0;
  let sets = 0;
  let clears = 0;
  let socket: UdpOptions | undefined;
  const h = {
    ...hal,
    net: {
      udp(o: UdpOptions) {
        socket = o;
        Promise.resolve().then(() => o.onReady?.(5683));
        return { port: 5683, send: (d: Uint8Array) => void sent.push(d.slice()), close() {} };
      },
    },
    timers: {
      set(ms: number, fn: () => void) { sets++; armed.set(++ids, { at: hal.clock.now + ms, fn }); return ids; },
      clear(id: number) { clears++; armed.delete(id); },
    },
  };
  const defaults = testDefaults({
    'Device.LocalAgent.MTP.1.Enable': 'true', 'Device.LocalAgent.MTP.1.Protocol': 'CoAP',
    'Device.LocalAgent.MTP.1.CoAP.Port': '5683', 'Device.LocalAgent.MTP.1.CoAP.Path': 'usp',
  });
  const device = startDevice({ hal: h, board: host, defaults, allowNoSec: true, port: 0 });
  let mid = 100;
  return {
    device, sent, armed, hal,
    counts: () => ({ sets, clears }),
    /** A CON POST carrying a Get, as a Controller at CTL sends it. */
    get(msgId: string) {
      const record = encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } }, msgId))));
      socket!.onDatagram(uspPost(record, ++mid, `coap://${CTL.address}:${CTL.port}/usp`), CTL.address, CTL.port);
    },
    /** ACKs (2.04) every CON the device sent since the last call. */
    ackAll() {
      const cons = sent.splice(0).map((d) => decodeMessage(d)).filter((r) => r.ok && r.message.type === CoapType.CON);
      for (const r of cons) {
        if (r.ok) socket!.onDatagram(ackOf(r.message), CTL.address, CTL.port);
      }
      return cons.length;
    },
    /** Moves the clock to `ms` and fires every timer due by then, in order. */
    runUntil(ms: number) {
      for (;;) {
        const due = [...armed].filter(([, t]) => t.at <= ms).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        armed.delete(due[0]);
        hal.clock.now = Math.max(hal.clock.now, due[1].at);
        due[1].fn();
      }
      hal.clock.now = ms;
    },
  };
}

test('given answered requests one after another, when the device serves them, then its one timer is not set and cleared per request', async () => {
  const r = rig();
  await Promise.resolve();
  r.runUntil(r.hal.clock.now); // Boot! and what else is due at start
  r.ackAll();
  const before = r.counts();
  for (let i = 0; i < 200; i++) {
    r.runUntil(r.hal.clock.now + 5);
    r.get('loop-' + i);
    assert.equal(r.ackAll(), 1, 'one response POST per request');
  }
  const after = r.counts();
  // Re-armed only when a randomised ACK timeout (RFC 7252 §4.2) lands before the armed one;
  // re-arming on every change was 200 sets and 200 clears.
  const churn = after.sets - before.sets + after.clears - before.clears;
  assert.ok(churn <= 20, `timer set/cleared ${churn} times for 200 requests`);
  r.device.stop();
});

test('given a timer kept from an earlier exchange, when a later response POST goes unacknowledged, then it is retransmitted at its own deadline', async () => {
  const r = rig();
  await Promise.resolve();
  r.runUntil(r.hal.clock.now);
  r.ackAll();
  r.get('first');
  assert.equal(r.ackAll(), 1);
  const t1 = r.hal.clock.now;
  // The second request arrives 1.5 s later; its response POST is never acknowledged.
  r.runUntil(t1 + 1500);
  r.get('second');
  const post = r.sent.map((d) => decodeMessage(d)).find((m) => m.ok && m.message.type === CoapType.CON);
  assert.ok(post && post.ok);
  r.sent.length = 0;
  // RFC 7252 §4.2: the first retransmission comes ACK_TIMEOUT..ACK_TIMEOUT*ACK_RANDOM_FACTOR later.
  r.runUntil(t1 + 1500 + 1999);
  assert.equal(r.sent.length, 0, 'nothing before ACK_TIMEOUT');
  r.runUntil(t1 + 1500 + 3000);
  const again = r.sent.map((d) => decodeMessage(d)).filter((m) => m.ok && m.message.type === CoapType.CON);
  assert.equal(again.length, 1, 'one retransmission by ACK_TIMEOUT * ACK_RANDOM_FACTOR');
  assert.ok(again[0].ok && again[0].message.messageId === post.message.messageId);
  // Acknowledged now: no more retransmissions, however long the device runs.
  assert.equal(r.ackAll(), 1);
  r.runUntil(t1 + 300_000);
  assert.equal(r.sent.filter((d) => { const m = decodeMessage(d); return m.ok && m.message.type === CoapType.CON; }).length, 0);
  r.device.stop();
});
