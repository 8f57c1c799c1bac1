// The outbox's bounds (src/notify/outbox.ts, kept by the Notifier): per Controller (notificationsPerController) and all
// queues together (notificationsQueued): beyond them the oldest item not on the wire of the
// longest queue goes, counted and logged; an item on the wire is never dropped for another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Notifier } from '../../src/notify/notifier.ts';
import type { Notify } from '../../src/codec/index.ts';
import type { Engine } from '../../src/dm/api.ts';
import { host } from '../../boards/host/profile.ts';
import { memoryHal } from '../support/memory-hal.ts';

/**
 * The Notifier's outbox alone: a model with no rows (nothing to notify at boot), Records that
 * never finish sending (the first item of a queue stays on the wire), Controllers A, B, C.
 */
function outbox(limit: number, totalLimit: number) {
  const hal = memoryHal();
  const sent: string[] = [];
  const engine = { onChange: () => {}, get: () => { throw new Error('no model'); }, instances: () => [] } as unknown as Engine;
  const box = new Notifier({
    engine, hal, board: { ...host, limits: { ...host.limits, notificationsPerController: limit, notificationsQueued: totalLimit } },
    access: () => undefined, bootArgs: () => ({}),
    encode: (_to, msg) => { sent.push(msg.header!.msgId); return new Uint8Array(1); },
    send: () => {}, // never ends
  });
  // The queue entry point of every notification (the Notifier's own).
  const push = (controller: string, id: string) => box['enqueue'](controller, 'Device.LocalAgent.Subscription.1.', notify(id), true, 0);
  const ids = (controller: string) => box.items(controller).map((i) => (i.notify.notification.value as { paramValue: string }).paramValue);
  return { box, logs: hal.logs, sent, push, ids };
}

const notify = (id: string): Notify => ({ subscriptionId: 's', sendResp: true, notification: { case: 'valueChange', value: { paramPath: 'Device.X', paramValue: id } } });

test('given a total bound, when Controllers queue past it, then the oldest waiting item of the longest queue goes', () => {
  const { box, logs, sent, push, ids } = outbox(4, 5);
  for (const id of ['a1', 'a2', 'a3']) push('A', id);
  box.step(0); // a1 goes on the wire
  for (const id of ['b1', 'b2']) push('B', id);
  box.step(0); // b1 too
  assert.equal(sent.length, 2);
  assert.equal(box.pending(), 5);
  const a2 = box.items('A')[1].msgId;
  push('B', 'b3'); // A is the longest: its oldest waiting item (a2) goes, not a1 on the wire
  assert.deepEqual(ids('A'), ['a1', 'a3']);
  assert.deepEqual(ids('B'), ['b1', 'b2', 'b3']);
  assert.equal(box.pending(), 5);
  assert.equal(box.stats.dropped, 1);
  assert.ok(logs.some((l) => l.includes('5 notifications queued in all; dropped ' + a2 + ' to A')), logs.join('\n'));
});

test('given every queued item on the wire, when one more comes past the total bound, then the new one is dropped', () => {
  const { box, logs, push, ids } = outbox(4, 2);
  push('A', 'a1');
  push('B', 'b1');
  box.step(0);
  push('C', 'c1');
  assert.equal(box.pending(), 2);
  assert.deepEqual(ids('C'), []);
  assert.equal(box.stats.dropped, 1);
  assert.match(logs.join('\n'), /2 notifications queued in all; dropped notify-\S+ to C/);
});

test('given the per-Controller bound, then it still applies under the total one', () => {
  const { push, ids } = outbox(2, 100);
  for (const id of ['a1', 'a2', 'a3']) push('A', id);
  assert.deepEqual(ids('A'), ['a2', 'a3']);
});
