// The timing claims of test/e2e/notify.test.ts, on the virtual clock of ./harness.ts, where they
// can be exact: the same steps as the e2e test (the changes made as Controller 1 or 2, the
// notifier stepped at its deadlines), but no wall clock and no scheduler of a shared machine in
// between. The e2e test keeps what real processes prove (the notifications arrive over CoAP, the
// NotifyResp reaches the agent and stops the retries); these pin the intervals.
// Uses only the rig's engine / notifier / clock surface (not how it feeds the agent Records).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { C1, C2, rig, set, type Rig, type Sent } from './harness.ts';

const isPeriodic = (s: Sent) => s.notify.notification.case === 'event' && s.notify.notification.value.eventName === 'Periodic!';
const isOnBoard = (s: Sent) => s.notify.notification.case === 'onBoardReq';

test('e2e timing: Controller 2 subscribes to Periodic! and sets its PeriodicNotifInterval to 1: Periodic! every 1000 ms exactly, to Controller 2 only', () => {
  const r = rig();
  r.subscribe(C2, { Enable: 'true', ID: 'tick', NotifType: 'Event', ReferenceList: 'Device.LocalAgent.Periodic!' });
  r.step();
  set(r.engine, 'Device.LocalAgent.Controller.2.PeriodicNotifInterval', '1', C2);
  const t0 = r.hal.time.mono;
  r.runUntil(t0 + 5_500);
  const ticks = r.of(C2).filter(isPeriodic);
  assert.ok(ticks.every((s) => s.notify.subscriptionId === 'tick'));
  const at = ticks.map((s) => s.at - t0);
  // One per second from the change on: never earlier, never two in one interval, none missed.
  assert.equal(at.length, 5, `ticks at ${at}`);
  for (let i = 1; i < at.length; i++) assert.equal(at[i] - at[i - 1], 1000, `ticks at ${at}`);
  assert.ok(at[0] > 0 && at[0] <= 1000, `first tick at ${at[0]}`);
  assert.equal(new Set(ticks.map((s) => s.msgId)).size, ticks.length, 'each tick is a new Notify');
  assert.equal(r.of(C1).filter(isPeriodic).length, 0);
});

function onBoard(r: Rig): Sent {
  set(r.engine, 'Device.LocalAgent.Controller.2.USPNotifRetryMinimumWaitInterval', '1', C1);
  assert.deepEqual(r.engine.operate('Device.LocalAgent.Controller.2.', 'SendOnBoardRequest()', {}, '', C1), { kind: 'sync', output: {} });
  r.step();
  const first = r.of(C2).filter(isOnBoard);
  assert.equal(first.length, 1);
  assert.equal(first[0].notify.sendResp, true);
  return first[0];
}

test('e2e timing: an OnBoardRequest answered by Controller 2\'s NotifyResp is never resent', () => {
  const r = rig({ seed: 5 });
  const first = onBoard(r);
  r.notifier.notifyResp(first.msgId, C2.controllerPath);
  r.runUntil(first.at + 3_600_000);
  assert.equal(r.of(C2).filter(isOnBoard).length, 1, 'acknowledged: not resent');
  assert.equal(r.notifier.pending(), 0);
});

test('e2e timing (control): unanswered, the same OnBoardRequest is resent between +1 s and +2 s, so the e2e test\'s 2.5 s watch can see a resend', () => {
  for (const seed of [5, 6, 7, 8]) {
    const r = rig({ seed });
    const first = onBoard(r);
    r.runUntil(first.at + 2_000);
    const heard = r.of(C2).filter(isOnBoard);
    assert.equal(heard.length, 2, `seed ${seed}: resent once by +2 s`);
    assert.equal(heard[1].msgId, first.msgId);
    assert.ok(heard[1].at - first.at >= 1000 && heard[1].at - first.at <= 2000, `seed ${seed}: resent at +${heard[1].at - first.at}`);
  }
});
