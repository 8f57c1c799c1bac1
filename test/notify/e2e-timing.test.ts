// The timing claims of test/e2e/notify.test.ts, on the virtual clock of ./harness.ts, where they
// can be exact: the same steps as the e2e test (USP Records from the Controllers through
// agent.handleRecord, the notifier stepped at its deadlines), but no wall clock and no scheduler
// of a shared machine in between. The e2e test keeps what real processes prove (the
// notifications arrive over CoAP, the NotifyResp reaches the agent); these pin the intervals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsg, decodeRecord, Header_MsgType, type Msg, type Request } from '../../src/codec/index.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import { C1, C2, rig, type Rig, type Sent } from './harness.ts';

const AGENT_ID = 'proto::tinyusp-demo';

/** A request Msg from `from` through the agent, as the MTP hands it over; the reply Msg. */
function usp(r: Rig, from: string, req: Request['reqType']): Msg {
  const out = r.agent.handleRecord(encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg(req)), from, AGENT_ID)), {});
  assert.ok(out.reply, 'no reply');
  const rec = decodeRecord(out.reply);
  const m = decodeMsg(rec.recordType.case === 'noSessionContext' ? rec.recordType.value.payload : new Uint8Array(0));
  assert.equal(m.body?.msgBody.case, 'response', JSON.stringify(m.body?.msgBody.case));
  return m;
}

const setParam = (r: Rig, from: string, obj: string, param: string, value: string) =>
  usp(r, from, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: obj, paramSettings: [{ param, value, required: true }] }] } });

const subscribe = (r: Rig, from: string, id: string, type: string, refs: string) =>
  usp(r, from, { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.', paramSettings: [
    { param: 'Enable', value: 'true', required: true }, { param: 'ID', value: id, required: true },
    { param: 'NotifType', value: type, required: true }, { param: 'ReferenceList', value: refs, required: true }] }] } });

/** The NotifyResp a Controller sends for `s`, in a Record through the agent (not answered). */
function notifyResp(r: Rig, from: string, s: Sent): void {
  const msg: Msg = {
    header: { msgId: s.msgId, msgType: Header_MsgType.NOTIFY_RESP },
    body: { msgBody: { case: 'response', value: { respType: { case: 'notifyResp', value: { subscriptionId: s.notify.subscriptionId } } } } },
  };
  assert.deepEqual(r.agent.handleRecord(encodeRecordBytes(recordOf(encodeMsgBytes(msg), from, AGENT_ID)), {}), {});
}

const isPeriodic = (s: Sent) => s.notify.notification.case === 'event' && s.notify.notification.value.eventName === 'Periodic!';
const isOnBoard = (s: Sent) => s.notify.notification.case === 'onBoardReq';

test('e2e timing: Controller 2 subscribes to Periodic! and sets PeriodicNotifInterval 1 over USP: Periodic! every 1000 ms exactly, to Controller 2 only', () => {
  const r = rig();
  subscribe(r, C2.endpointId, 'tick', 'Event', 'Device.LocalAgent.Periodic!');
  r.step();
  setParam(r, C2.endpointId, 'Device.LocalAgent.Controller.2.', 'PeriodicNotifInterval', '1');
  const t0 = r.hal.time.mono;
  r.runUntil(t0 + 5_500);
  const ticks = r.of(C2).filter(isPeriodic);
  assert.ok(ticks.every((s) => s.notify.subscriptionId === 'tick'));
  const at = ticks.map((s) => s.at - t0);
  // One per second from the change on (the first may come at +1000 once the interval is
  // re-read; never earlier, never two in one interval).
  assert.equal(at.length, 5, `ticks at ${at}`);
  for (let i = 1; i < at.length; i++) assert.equal(at[i] - at[i - 1], 1000, `ticks at ${at}`);
  assert.ok(at[0] > 0 && at[0] <= 1000, `first tick at ${at[0]}`);
  assert.equal(new Set(ticks.map((s) => s.msgId)).size, ticks.length, 'each tick is a new Notify');
  assert.equal(r.of(C1).filter(isPeriodic).length, 0);
});

test('e2e timing: an OnBoardRequest answered by a NotifyResp Record through the agent is never resent; unanswered, it is resent within the 1-2 s window', () => {
  for (const answered of [true, false]) {
    const r = rig({ seed: 5 });
    setParam(r, C1.endpointId, 'Device.LocalAgent.Controller.2.', 'USPNotifRetryMinimumWaitInterval', '1');
    usp(r, C1.endpointId, { case: 'operate', value: { command: 'Device.LocalAgent.Controller.2.SendOnBoardRequest()', commandKey: '', sendResp: true, inputArgs: new Map() } });
    r.step();
    const first = r.of(C2).filter(isOnBoard);
    assert.equal(first.length, 1);
    assert.equal(first[0].notify.sendResp, true);
    const t0 = first[0].at;
    if (answered) notifyResp(r, C2.endpointId, first[0]);
    r.runUntil(t0 + 2_001);
    const heard = r.of(C2).filter(isOnBoard);
    if (answered) {
      r.runUntil(t0 + 3_600_000);
      assert.equal(r.of(C2).filter(isOnBoard).length, 1, 'acknowledged: not resent');
      assert.equal(r.notifier.outbox.pending(), 0);
    } else {
      // The control: without the NotifyResp the same Notify (same msg_id) goes again between
      // +1 s and +2 s, so the window above is long enough to see a resend.
      assert.equal(heard.length, 2, 'unanswered: resent once by +2 s');
      assert.equal(heard[1].msgId, first[0].msgId);
      assert.ok(heard[1].at - t0 >= 1000 && heard[1].at - t0 <= 2000, `resent at +${heard[1].at - t0}`);
    }
  }
});
