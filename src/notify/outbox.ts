// Notifications waiting to leave, one bounded FIFO per recipient Controller (board
// limits.notificationsPerController; the oldest is dropped first, counted and logged), and all
// of them together bounded too (limits.notificationsQueued: the oldest of the longest queue goes),
// so Controllers that never answer cannot grow memory without bound. One CoAP exchange at a time per
// Controller keeps the order a Controller sees (Boot! before the ObjectDeletions that follow it).
// send_resp=true items stay until a NotifyResp with their msg_id arrives (R-NOT.1), resent with
// the R-NOT.2 back-off, until NotifExpiration (R-NOT.3); send_resp=false items go once. The
// Notifier keeps the queues (src/notify/notifier.ts: enqueue, step, notifyResp): these are their
// shapes (a class of its own was a constructor, a prototype and four callbacks on a board, issue 10).
import type { Notify } from '../codec/index.ts';

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

/** One Controller's queue: the item on the wire (`busy`) keeps the order a Controller sees. */
export interface Queue {
  items: Outgoing[];
  busy: boolean;
}

/** What became of notifications (tests and benchmarks read them; each drop is logged too). */
export interface OutboxStats {
  delivered: number;
  failed: number;
  dropped: number;
}
