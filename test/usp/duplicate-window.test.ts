// R-MSG.4 pinned on a virtual clock: a byte-identical repeat of a request (same Controller, same
// msg_id) while the original counts as pending is ignored; the same bytes are served again once the
// window has passed; the same msg_id from another Controller is never a duplicate. Driven through
// the public API as a host uses it: createAgent() (via test/support/usp-harness.ts, which calls it
// with the default window: no duplicateWindowMs option) and the Dispatcher on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsg, type Msg } from '../../src/codec/index.ts';
import { Dispatcher, type Requester } from '../../src/usp/dispatch.ts';
import { FULL_ACCESS } from '../../src/usp/access.ts';
import { host } from '../../boards/host/profile.ts';
import {
  startAgent, requestMsg, encodeMsgBytes, recordOf, sendRecord, getValue, CONTROLLER_ID, READER_ID, type TestAgent,
} from '../support/usp-harness.ts';

/** The agent's default duplicate window (src/agent.ts DUPLICATE_WINDOW_MS; R-MSG.4 "pending"). */
const WINDOW_MS = 2_000;

/** Feed the exact bytes of a Msg from `from`; the decoded reply Msg, or undefined for silence. */
function feed(t: TestAgent, msgBytes: Uint8Array, from = CONTROLLER_ID): Msg | undefined {
  const { out, reply } = sendRecord(t, recordOf(msgBytes, from));
  assert.equal(out.mtpError, undefined);
  if (!reply) return undefined;
  assert.equal(reply.toId, from, 'the reply goes to the sender');
  assert.equal(reply.recordType.case, 'noSessionContext');
  return reply.recordType.case === 'noSessionContext' ? decodeMsg(reply.recordType.value.payload) : undefined;
}

const getBytes = (msgId: string) =>
  encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } }, msgId));

test('R-MSG.4 (createAgent, default window): a byte-identical repeat is ignored until 2 s after the original was handled, then served', () => {
  const t = startAgent();
  const bytes = getBytes('win-1');
  const t0 = t.hal.clock.now;
  assert.equal(feed(t, bytes)?.header?.msgId, 'win-1');
  // Repeats inside the window: silence. The repeats do not move the window (it runs from the
  // handled original), so the last one at t0 + 1999 is still inside it.
  for (const dt of [0, 1, 500, WINDOW_MS - 1]) {
    t.hal.clock.now = t0 + dt;
    assert.equal(feed(t, bytes), undefined, `repeat at +${dt} ms must be ignored`);
  }
  // At t0 + 2000 the original is no longer pending: served (no step() needed in between, a host
  // only calls step() when nextDeadline() asks it to).
  t.hal.clock.now = t0 + WINDOW_MS;
  assert.equal(feed(t, bytes)?.header?.msgId, 'win-1', `repeat at +${WINDOW_MS} ms must be served`);
  // ...and that served repeat is pending in turn.
  t.hal.clock.now = t0 + WINDOW_MS + 1;
  assert.equal(feed(t, bytes), undefined);
});

test('R-MSG.4 (createAgent): the window also ends through step() (expiry), not later than 2 s', () => {
  const t = startAgent();
  const bytes = getBytes('win-2');
  const t0 = t.hal.clock.now;
  assert.ok(feed(t, bytes));
  t.hal.clock.now = t0 + WINDOW_MS - 1;
  t.agent.step(t.hal.clock.now);
  assert.equal(feed(t, bytes), undefined, 'step() before the window ended must not forget the original');
  t.hal.clock.now = t0 + WINDOW_MS;
  t.agent.step(t.hal.clock.now);
  assert.equal(feed(t, bytes)?.header?.msgId, 'win-2');
});

test('R-MSG.4 (createAgent): an ignored repeat runs nothing (an Add repeated inside the window adds one instance)', () => {
  const t = startAgent();
  const add = encodeMsgBytes(requestMsg({ case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.',
    paramSettings: [{ param: 'NotifType', value: 'ValueChange', required: true }, { param: 'ReferenceList', value: 'Device.DeviceInfo.FriendlyName', required: true }] }] } }, 'add-1'));
  const before = Number(getValue(t, 'Device.LocalAgent.SubscriptionNumberOfEntries'));
  assert.ok(feed(t, add));
  t.hal.clock.now += WINDOW_MS - 1;
  assert.equal(feed(t, add), undefined);
  assert.equal(Number(getValue(t, 'Device.LocalAgent.SubscriptionNumberOfEntries')), before + 1);
  t.hal.clock.now += 1;
  assert.ok(feed(t, add), 'after the window the same Add is a new request');
  assert.equal(Number(getValue(t, 'Device.LocalAgent.SubscriptionNumberOfEntries')), before + 2);
});

test('R-MSG.4 (createAgent): the same msg_id (same bytes) from another Controller is served at once, and does not end the first one\'s window', () => {
  const t = startAgent();
  const bytes = getBytes('shared-1');
  assert.equal(feed(t, bytes, CONTROLLER_ID)?.header?.msgId, 'shared-1');
  // Same instant, same Msg bytes, other Controller (Controller.2, READER_ID): not a duplicate.
  const other = feed(t, bytes, READER_ID);
  assert.equal(other?.header?.msgId, 'shared-1');
  assert.equal(other?.body?.msgBody.case, 'response');
  // The first Controller's repeat is still a duplicate, and so is the second one's.
  t.hal.clock.now += 1;
  assert.equal(feed(t, bytes, CONTROLLER_ID), undefined);
  assert.equal(feed(t, bytes, READER_ID), undefined);
  // An unknown Controller (UntrustedRole) with the same msg_id is served too.
  assert.equal(feed(t, bytes, 'proto::stranger')?.header?.msgId, 'shared-1');
});

test('R-MSG.4 (Dispatcher): the handler runs once per (Controller, msg_id, bytes) inside the window, again after it', () => {
  let runs = 0;
  const d = new Dispatcher(
    { getSupportedProtocol: () => (runs++, { case: 'getSupportedProtocolResp', value: { agentSupportedProtocolVersions: '1.2' } }) },
    { engine: startAgent().agent.engine, limits: { maxDepth: host.limits.decodeDepth, maxBytes: host.limits.messageBytes }, pendingIds: 8, duplicateWindowMs: 300 },
  );
  const who = (endpointId: string): Requester => ({ endpointId, controllerPath: undefined, access: FULL_ACCESS });
  const bytes = encodeMsgBytes(requestMsg({ case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.2' } }, 'd-1'));
  assert.equal(d.handle(bytes, who('proto::a'), 1000).kind, 'reply');
  assert.equal(d.handle(bytes, who('proto::a'), 1299).kind, 'none');
  assert.equal(runs, 1);
  assert.equal(d.handle(bytes, who('proto::b'), 1299).kind, 'reply', 'other Controller');
  assert.equal(runs, 2);
  assert.equal(d.handle(bytes, who('proto::a'), 1300).kind, 'reply', 'window over');
  assert.equal(runs, 3);
});

test('R-MSG.4 (createAgent): the remembered msg_ids are bounded by the board (limits.recentMsgIds), the oldest forgotten first', () => {
  const t = startAgent({ board: { ...host, limits: { ...host.limits, recentMsgIds: 2 } } });
  const [a, b, c] = ['bound-a', 'bound-b', 'bound-c'].map(getBytes);
  for (const [bytes, id] of [[a, 'bound-a'], [b, 'bound-b'], [c, 'bound-c']] as const) assert.equal(feed(t, bytes)?.header?.msgId, id);
  // All three within the window: c and b are remembered (silence), a was dropped for c (served again).
  assert.equal(feed(t, c), undefined);
  assert.equal(feed(t, b), undefined);
  assert.equal(feed(t, a)?.header?.msgId, 'bound-a', 'the oldest pair was forgotten at the bound');
});
