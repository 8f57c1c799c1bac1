// send_resp and retry (R-NOT.1–4, digest §4.3) under a virtual clock: the resend times fall in
// the m·(k/1000)^(n−1) … m·(k/1000)^n windows, NotifyResp stops them, NotifExpiration ends them,
// send_resp=false goes once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { retryDelayMs, retryWindowMs, unitInterval } from '../../src/notify/retry.ts';
import { C1, rig, set } from './harness.ts';

test('given the default m=5 and k=2000, then the windows are the R-NOT.2 table, capped from the 10th retry on', () => {
  const table = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 30].map((n) => retryWindowMs(n, 5, 2000).map((ms) => ms / 1000));
  assert.deepEqual(table, [[5, 10], [10, 20], [20, 40], [40, 80], [80, 160], [160, 320], [320, 640], [640, 1280], [1280, 2560],
    [2560, 5120], [2560, 5120], [2560, 5120]]);
});

test('given any m, k, n and random bytes, then the delay lies in its window', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1000, max: 65535 }), fc.integer({ min: 1, max: 40 }),
    fc.uint8Array({ minLength: 4, maxLength: 4 }), (m, k, n, bytes) => {
      const u = unitInterval(bytes);
      assert.ok(u >= 0 && u < 1);
      const [lo, hi] = retryWindowMs(n, m, k);
      const d = retryDelayMs(n, m, k, u);
      assert.ok(d >= Math.floor(lo) && d <= hi, `${d} outside [${lo}, ${hi}]`);
    }));
});

/** Resend times of one never-acknowledged notification over `horizonMs`, with a given seed. */
function resends(seed: number, horizonMs: number, settings: { [p: string]: string } = {}): number[] {
  const r = rig({ seed });
  r.subscribe(C1, { Enable: 'true', ID: 'r', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', NotifRetry: 'true', ...settings });
  const t0 = r.hal.time.mono;
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'x');
  r.runUntil(t0 + horizonMs);
  const mine = r.sent.filter((s) => s.notify.subscriptionId === 'r');
  assert.ok(mine.every((s) => s.msgId === mine[0].msgId && s.notify.sendResp), 'same msg_id, send_resp=true');
  return mine.map((s) => s.at - t0);
}

test('given NotifRetry and no NotifyResp, when the virtual clock runs, then every resend falls in its window, over many seeds', () => {
  const lows = new Array(6).fill(Infinity);
  const highs = new Array(6).fill(0);
  for (let seed = 1; seed <= 60; seed++) {
    const times = resends(seed, 700_000);
    assert.equal(times[0], 0, 'first attempt at once');
    assert.ok(times.length >= 7, `seed ${seed}: ${times.length} attempts`);
    for (let n = 1; n < 7; n++) {
      const gap = times[n] - times[n - 1];
      const [lo, hi] = retryWindowMs(n, 5, 2000);
      assert.ok(gap >= lo && gap <= hi, `seed ${seed}, retry ${n}: ${gap} ms not in [${lo}, ${hi}]`);
      lows[n - 1] = Math.min(lows[n - 1], gap / lo);
      highs[n - 1] = Math.max(highs[n - 1], gap / lo);
    }
  }
  // Randomised: the draws spread over each window rather than sitting at one point.
  for (let i = 0; i < 6; i++) assert.ok(lows[i] < 1.25 && highs[i] > 1.75, `retry ${i + 1}: spread ${lows[i]}..${highs[i]}`);
});

test('given the Controller\'s own m and k, then they set the windows (USPNotifRetryMinimumWaitInterval / IntervalMultiplier)', () => {
  const r = rig({ seed: 3 });
  set(r.engine, 'Device.LocalAgent.Controller.1.USPNotifRetryMinimumWaitInterval', '2');
  set(r.engine, 'Device.LocalAgent.Controller.1.USPNotifRetryIntervalMultiplier', '3000');
  r.subscribe(C1, { Enable: 'true', ID: 'r', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', NotifRetry: 'true' });
  const t0 = r.hal.time.mono;
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'x');
  r.runUntil(t0 + 100_000);
  const t = r.sent.map((s) => s.at - t0);
  for (let n = 1; n < 4; n++) {
    const [lo, hi] = retryWindowMs(n, 2, 3000);
    assert.ok(t[n] - t[n - 1] >= lo && t[n] - t[n - 1] <= hi, `retry ${n}: ${t[n] - t[n - 1]}`);
  }
});

test('given NotifExpiration, when it passes without a NotifyResp, then retries stop (R-NOT.3)', () => {
  const times = resends(5, 600_000, { NotifExpiration: '30' });
  assert.ok(times.length >= 2 && times.length <= 4, `attempts ${times}`);
  assert.ok(times[times.length - 1] < 30_000, `last attempt ${times[times.length - 1]} within 30 s`);
});

test('given a NotifyResp with the msg_id, then the notification is delivered and not resent; a wrong msg_id changes nothing', () => {
  const r = rig({ seed: 9 });
  r.subscribe(C1, { Enable: 'true', ID: 'r', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', NotifRetry: 'true' });
  const t0 = r.hal.time.mono;
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'x');
  r.step();
  assert.equal(r.sent.length, 1);
  r.notifier.notifyResp('not-ours', C1.controllerPath);
  r.notifier.notifyResp(r.sent[0].msgId, 'Device.LocalAgent.Controller.2.'); // not the recipient
  r.notifier.notifyResp(r.sent[0].msgId, undefined); // an unknown Controller
  r.runUntil(t0 + 11_000);
  assert.equal(r.sent.length, 2, 'resent within the first window');
  r.notifier.notifyResp(r.sent[0].msgId, C1.controllerPath);
  r.runUntil(t0 + 3_600_000);
  assert.equal(r.sent.length, 2);
  assert.equal(r.notifier.pending(), 0);
  assert.equal(r.notifier.stats.delivered, 1);
  assert.equal(r.notifier.nextDeadline(), -1);
});

test('given NotifRetry=false, when the CoAP exchange fails, then it is sent once and never retried', () => {
  const r = rig({ autoAck: false });
  r.subscribe(C1, { Enable: 'true', ID: 'once', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName' });
  const t0 = r.hal.time.mono;
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'x');
  r.step();
  assert.equal(r.sent.length, 1);
  assert.equal(r.sent[0].notify.sendResp, false);
  r.sent[0].done(false);
  r.runUntil(t0 + 3_600_000);
  assert.equal(r.sent.length, 1);
  assert.equal(r.notifier.stats.failed, 1);
  assert.equal(r.notifier.pending(), 0);
});

test('given an unreachable Controller with NotifRetry, when CoAP times out, then the USP retry still follows the back-off', () => {
  const r = rig({ autoAck: false, seed: 4 });
  r.subscribe(C1, { Enable: 'true', ID: 'r', NotifType: 'ValueChange', ReferenceList: 'Device.DeviceInfo.FriendlyName', NotifRetry: 'true' });
  set(r.engine, 'Device.DeviceInfo.FriendlyName', 'x');
  r.step();
  const t0 = r.sent[0].at;
  r.hal.time.mono += 1000;
  r.sent[0].done(false); // R-COAP.9: a timeout reaches the USP layer
  r.runUntil(t0 + 4000);
  assert.equal(r.sent.length, 1, 'no resend before the first window opens');
  r.runUntil(t0 + 10_000);
  assert.equal(r.sent.length, 2);
  assert.ok(r.sent[1].at - t0 >= 5000 && r.sent[1].at - t0 <= 10_000);
});
