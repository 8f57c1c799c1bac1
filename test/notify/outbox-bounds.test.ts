// The outbox's bounds (src/notify/outbox.ts): per Controller (notificationsPerController) and all
// queues together (notificationsQueued): beyond them the oldest item not on the wire of the
// longest queue goes, counted and logged; an item on the wire is never dropped for another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Outbox, type Outgoing } from '../../src/notify/outbox.ts';

function outbox(limit: number, totalLimit: number) {
  const logs: string[] = [];
  const sent: string[] = [];
  const box = new Outbox({
    limit, totalLimit, random01: () => 0.5, retryParams: () => ({ m: 5, k: 2000 }),
    transmit: (_c, item) => { sent.push(item.msgId); }, // never ends: the first item of a queue stays on the wire
    log: (_l, m) => { logs.push(m); },
  });
  return { box, logs, sent };
}

const item = (msgId: string): Outgoing => ({
  msgId, subscription: 'Device.LocalAgent.Subscription.1.', notify: { subscriptionId: 's', sendResp: true, notification: { case: 'valueChange', value: { paramPath: 'Device.X', paramValue: msgId } } },
  retry: true, expirationMs: 0, attempts: 0, firstAt: -1, nextAt: 0, state: 'ready',
});

test('given a total bound, when Controllers queue past it, then the oldest waiting item of the longest queue goes', () => {
  const { box, logs, sent } = outbox(4, 5);
  for (const id of ['a1', 'a2', 'a3']) box.push('A', item(id));
  box.step(0); // a1 goes on the wire
  for (const id of ['b1', 'b2']) box.push('B', item(id));
  box.step(0); // b1 too
  assert.deepEqual(sent, ['a1', 'b1']);
  assert.equal(box.pending(), 5);
  box.push('B', item('b3')); // A is the longest: its oldest waiting item (a2) goes, not a1 on the wire
  assert.deepEqual(box.items('A').map((i) => i.msgId), ['a1', 'a3']);
  assert.deepEqual(box.items('B').map((i) => i.msgId), ['b1', 'b2', 'b3']);
  assert.equal(box.pending(), 5);
  assert.equal(box.stats.dropped, 1);
  assert.match(logs.join('\n'), /5 notifications queued in all; dropped a2 to A/);
});

test('given every queued item on the wire, when one more comes past the total bound, then the new one is dropped', () => {
  const { box, logs } = outbox(4, 2);
  box.push('A', item('a1'));
  box.push('B', item('b1'));
  box.step(0);
  box.push('C', item('c1'));
  assert.equal(box.pending(), 2);
  assert.deepEqual(box.items('C').map((i) => i.msgId), []);
  assert.equal(box.stats.dropped, 1);
  assert.match(logs.join('\n'), /dropped c1 to C/);
});

test('given the per-Controller bound, then it still applies under the total one', () => {
  const { box } = outbox(2, 100);
  for (const id of ['a1', 'a2', 'a3']) box.push('A', item(id));
  assert.deepEqual(box.items('A').map((i) => i.msgId), ['a2', 'a3']);
});
