// Notifications waiting to leave, one bounded FIFO per recipient Controller (board
// limits.notificationsPerController; the oldest is dropped first, counted and logged), and all
// of them together bounded too (limits.notificationsQueued: the oldest of the longest queue goes),
// so Controllers that never answer cannot grow memory without bound. One CoAP exchange at a time per
// Controller keeps the order a Controller sees (Boot! before the ObjectDeletions that follow it).
// send_resp=true items stay until a NotifyResp with their msg_id arrives (R-NOT.1), resent with
// the R-NOT.2 back-off, until NotifExpiration (R-NOT.3); send_resp=false items go once.
import type { LogLevel } from '../../hal/hal.ts';
import type { Notify } from '../codec/index.ts';
import { retryDelayMs } from './retry.ts';

export interface Outgoing {
  readonly msgId: string;
  /** The Subscription row it comes from; '' for OnBoardRequest. */
  readonly subscription: string;
  readonly notify: Notify;
  /** Resend until a NotifyResp arrives (NotifRetry=true, OnBoardRequest R-NOT.6a). */
  readonly retry: boolean;
  /** NotifExpiration in ms from the first attempt; 0 = until delivered or restart. */
  readonly expirationMs: number;
  attempts: number;
  firstAt: number;
  nextAt: number;
  state: 'ready' | 'sending' | 'awaiting';
}

export interface OutboxDeps {
  readonly limit: number;
  /** Items of every queue together (absent: only the per-Controller limit). */
  readonly totalLimit?: number;
  /** Uniform in [0, 1) from hal.system.randomBytes. */
  random01(): number;
  /** m (s) and k (per mille) of the Controller: USPNotifRetryMinimumWaitInterval / IntervalMultiplier. */
  retryParams(controller: string): { m: number; k: number };
  /** Encode and hand to the MTP; `onDone(ok)` once the CoAP exchange ends (R-COAP.9/10). */
  transmit(controller: string, item: Outgoing, onDone: (ok: boolean, detail: string) => void): void;
  log(level: LogLevel, message: string): void;
}

interface Queue {
  items: Outgoing[];
  busy: boolean;
}

/** What became of notifications (tests and benchmarks read them; each drop is logged too). */
export interface OutboxStats {
  delivered: number;
  failed: number;
  dropped: number;
}

export class Outbox {
  private readonly queues = new Map<string, Queue>();
  readonly stats: OutboxStats = { delivered: 0, failed: 0, dropped: 0 };

  constructor(private readonly deps: OutboxDeps) {}

  push(controller: string, item: Outgoing): void {
    let q = this.queues.get(controller);
    if (!q) { q = { items: [], busy: false }; this.queues.set(controller, q); }
    const { limit, totalLimit } = this.deps;
    // A bound reached: the oldest item not on the wire goes, of this queue (per Controller) or
    // of the longest queue (all of them together); when every queued item is on the wire, the
    // new one is the one that goes.
    if (q.items.length >= limit) {
      const i = q.items.findIndex((it) => it.state !== 'sending');
      this.lost(`queue for ${controller} full (${limit})`, q.items.splice(i < 0 ? 0 : i, 1)[0], controller);
    }
    if (totalLimit !== undefined && this.pending() >= totalLimit) {
      let from = q;
      let name = controller;
      let at = -1;
      for (const [c, o] of this.queues) {
        const i = o.items.findIndex((it) => it.state !== 'sending');
        if (i >= 0 && (at < 0 || o.items.length > from.items.length)) { from = o; name = c; at = i; }
      }
      const why = `${totalLimit} notifications queued in all`;
      if (at < 0) { this.lost(why, item, controller); return; }
      this.lost(why, from.items.splice(at, 1)[0], name);
    }
    q.items.push(item);
  }

  /** A notification dropped for a bound: counted and logged. */
  private lost(why: string, gone: Outgoing, to: string): void {
    this.stats.dropped++;
    this.deps.log('warn', `notify: ${why}; dropped ${gone.msgId} to ${to} (${this.stats.dropped} dropped so far)`);
  }

  /**
   * NotifyResp intake: the item with this msg_id, sent to this Controller, is delivered (R-NOT.1).
   * The subscription_id is ignored (1.2+); another Controller cannot acknowledge it.
   */
  acknowledge(msgId: string, controller: string): boolean {
    const q = this.queues.get(controller);
    if (!q) return false;
    for (let i = 0; i < q.items.length; i++) {
      if (q.items[i].msgId !== msgId) continue;
      q.items.splice(i, 1);
      this.stats.delivered++;
      return true;
    }
    return false;
  }

  /**
   * Remove the item with msg_id `key` without counting it as delivered (it cannot be encoded,
   * say), every item of the deleted Subscription `key` (no more retries), or the whole queue of
   * the deleted Controller `key`.
   */
  drop(key: string): void {
    this.queues.delete(key);
    for (const q of this.queues.values()) q.items = q.items.filter((it) => it.msgId !== key && it.subscription !== key);
  }

  pending(controller?: string): number {
    let n = 0;
    for (const [c, q] of this.queues) if (controller === undefined || c === controller) n += q.items.length;
    return n;
  }

  items(controller: string): readonly Outgoing[] {
    const q = this.queues.get(controller);
    return q ? q.items : [];
  }

  step(now: number): void {
    for (const [controller, q] of this.queues) {
      // R-NOT.3: retries stop at NotifExpiration, counted from the first attempt.
      q.items = q.items.filter((it) => {
        if (!it.retry || it.expirationMs <= 0 || it.firstAt < 0 || now < it.firstAt + it.expirationMs) return true;
        this.deps.log('info', `notify: ${it.msgId} to ${controller} expired after ${it.attempts} attempt(s)`);
        return false;
      });
      // One exchange at a time; when the MTP ends it at once (a local failure), go on to the next.
      for (let n = q.items.length; n > 0 && !q.busy; n--) {
        const item = q.items.find((it) => it.state === 'ready' || (it.state === 'awaiting' && it.nextAt <= now));
        if (!item) break;
        this.send(controller, q, item, now);
      }
    }
  }

  nextDeadline(): number {
    let d = -1;
    for (const q of this.queues.values()) {
      for (const it of q.items) {
        let t = -1;
        if (it.retry && it.expirationMs > 0 && it.firstAt >= 0) t = it.firstAt + it.expirationMs;
        if (!q.busy) {
          const due = it.state === 'ready' ? 0 : it.state === 'awaiting' ? it.nextAt : -1;
          if (due >= 0 && (t < 0 || due < t)) t = due;
        }
        if (t >= 0 && (d < 0 || t < d)) d = t;
      }
    }
    return d;
  }

  private send(controller: string, q: Queue, item: Outgoing, now: number): void {
    q.busy = true;
    item.state = 'sending';
    item.attempts++;
    if (item.firstAt < 0) item.firstAt = now;
    let finished = false;
    this.deps.transmit(controller, item, (ok, detail) => {
      if (finished) return;
      finished = true;
      if (this.queues.get(controller) === q) q.busy = false;
      const i = q.items.indexOf(item);
      if (i < 0) return; // acknowledged, expired or dropped meanwhile
      if (!item.retry) {
        // send_resp=false: sent once, never retried (digest §4.1 NotifRetry=false).
        q.items.splice(i, 1);
        if (ok) this.stats.delivered++;
        else { this.stats.failed++; this.deps.log('warn', `notify: ${item.msgId} to ${controller} not delivered: ${detail}`); }
        return;
      }
      if (!ok) this.deps.log('info', `notify: ${item.msgId} to ${controller} attempt ${item.attempts} failed: ${detail}`);
      // R-NOT.2: wait for the NotifyResp; resend after the randomised exponential back-off.
      const { m, k } = this.deps.retryParams(controller);
      item.state = 'awaiting';
      item.nextAt = now + retryDelayMs(item.attempts, m, k, this.deps.random01());
    });
  }
}
