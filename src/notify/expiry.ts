// Subscription.{i}.TimeToLive (digest §4.1): a subscription is removed TimeToLive seconds after its
// CreationDate. Counted on the monotonic clock from its creation in this run; one from an earlier
// run is placed by CreationDate against the wall clock, and without absolute time it ends at
// this restart.
import type { CoreHal } from '../../hal/hal.ts';
import type { Engine } from '../dm/api.ts';
import { UNKNOWN_TIME, parseDateTime } from '../dm/values.ts';
import type { SubscriptionCache } from './subscriptions.ts';

export class SubscriptionExpiry {
  /** Subscriptions created in this run: monotonic creation time (TimeToLive base). */
  private readonly createdAt = new Map<string, number>();
  /** Monotonic ms at which each subscription with a TimeToLive ends; undefined: recompute. */
  private ttl: Map<string, number> | undefined;

  constructor(private readonly engine: Engine, private readonly hal: CoreHal, private readonly subs: SubscriptionCache) {}

  created(path: string, now: number): void { this.createdAt.set(path, now); }
  deleted(path: string): void { this.createdAt.delete(path); }
  /** The subscriptions changed: their end times are computed again at the next step. */
  invalidate(): void { this.ttl = undefined; }

  /** The earlier of `d` and the next end time (-1: none). Plain loop: called on every datagram. */
  nextDeadline(d: number): number {
    if (this.ttl) for (const t of this.ttl.values()) if (t >= 0 && (d < 0 || t < d)) d = t;
    return d;
  }

  /** Removes the subscriptions whose TimeToLive has run out (one transaction). */
  step(now: number): void {
    if (!this.ttl) {
      this.ttl = new Map();
      const wall = this.hal.clock.wallTimeMs();
      for (const s of this.subs.all()) {
        if (s.timeToLive <= 0) continue;
        const created = this.createdAt.get(s.path);
        const c = s.creationDate === UNKNOWN_TIME ? undefined : parseDateTime(s.creationDate);
        let at = now;
        if (created !== undefined) at = created + s.timeToLive * 1000;
        else if (c && wall !== undefined) at = now + (c.ms + s.timeToLive * 1000 - wall);
        this.ttl.set(s.path, at);
      }
    }
    const gone: string[] = [];
    for (const [path, at] of this.ttl) if (now >= at) gone.push(path);
    if (!gone.length) return;
    const txn = this.engine.begin();
    try {
      for (const p of gone) if (this.engine.exists(p)) txn.delete(p);
      txn.commit();
      this.hal.system.log('info', `notify: TimeToLive expired for ${gone.join(', ')}`);
    } catch (e) {
      txn.rollback();
      for (const p of gone) this.ttl.delete(p);
      this.hal.system.log('error', `notify: cannot remove expired subscriptions: ${(e as Error).message}`);
    }
  }
}
