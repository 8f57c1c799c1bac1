// What the notification layer does on a schedule, with one deadline for all of it:
//  - Device.LocalAgent.Periodic! (digest §4.4) to each Controller subscribed to it, at
//    PeriodicNotifTime ± n·PeriodicNotifInterval (with the Unknown Time anchor, or while the Agent
//    has no absolute time, the Agent picks the phase: one interval after the schedule starts);
//  - OnBoardRequest again while a Controller's onboarding is not complete after
//    OnBoardingRestartTime (Device:2.17);
//  - Subscription.{i}.TimeToLive (digest §4.1): a subscription is removed TimeToLive seconds after
//    its CreationDate. Counted on the monotonic clock from its creation in this run; one from an
//    earlier run is placed by CreationDate against the wall clock, and without absolute time it
//    ends at this restart.
import type { CoreHal } from '../../hal/hal.ts';
import type { Engine } from '../dm/api.ts';
import { UNKNOWN_TIME, parseDateTime } from '../dm/values.ts';
import { PERIODIC_EVENT } from '../names.ts';
import { refMatches } from './match.ts';
import { valueOf } from '../usp/context.ts';
import type { Subscription } from './subscriptions.ts';
import type { NotifType } from './match.ts';

/** What the timers ask of the notifier (the Notifier itself: no closures held on the XS heap). */
export interface TimerHost {
  /** Periodic! is due for the Controller row `controller`. */
  periodicDue(controller: string): void;
  /** A new OnBoardRequest to `controller` is due. */
  sendOnBoardRequest(controller: string): void;
  /** The Subscription rows; with `type`, the processed ones of that NotifType. */
  subscriptions(type?: NotifType): readonly Subscription[];
}

export class NotifyTimers {
  /** Controller row → monotonic ms of its next Periodic!. */
  private readonly periodicAt = new Map<string, number>();
  /** Controllers being onboarded: monotonic ms of their last OnBoardRequest (OnBoardingRestartTime counts from it). */
  readonly onboarding = new Map<string, number>();
  /** Subscriptions created in this run: monotonic creation time (TimeToLive base). */
  private readonly createdAt = new Map<string, number>();
  /** Monotonic ms at which each subscription with a TimeToLive ends; undefined: recompute. */
  private ttl: Map<string, number> | undefined;

  constructor(private readonly engine: Engine, private readonly hal: CoreHal, private readonly host: TimerHost) {}

  /** A Controller's PeriodicNotifInterval/Time changed (Periodic! is scheduled anew), or a Controller row is gone. */
  reschedule(controller: string, gone?: boolean): void {
    this.periodicAt.delete(controller);
    if (gone) this.onboarding.delete(controller);
  }
  /**
   * The subscriptions changed: their end times are computed again at the next step. The row
   * `path` was created at `now` (its TimeToLive counts from there), or is gone (`now` < 0).
   */
  subscriptionsChanged(path: string, now: number): void {
    if (now >= 0) this.createdAt.set(path, now);
    else this.createdAt.delete(path);
    this.ttl = undefined;
  }

  /** The earlier of `d` and the next due time (-1: none). Plain loops: called on every datagram. */
  nextDeadline(d: number): number {
    if (this.ttl) for (const t of this.ttl.values()) if (t >= 0 && (d < 0 || t < d)) d = t;
    for (const t of this.periodicAt.values()) if (t >= 0 && (d < 0 || t < d)) d = t;
    for (const c of this.onboarding.keys()) { const t = this.onboardingDue(c); if (t >= 0 && (d < 0 || t < d)) d = t; }
    return d;
  }

  /** When the next OnBoardRequest to `c` is due (monotonic ms), or -1 (complete, or restart time 0). */
  private onboardingDue(c: string): number {
    const since = this.onboarding.get(c);
    const every = Number(valueOf(this.engine, c + 'OnBoardingRestartTime')) || 0;
    if (since === undefined || every <= 0 || valueOf(this.engine, c + 'OnBoardingComplete') !== 'false') return -1;
    return since + every * 1000;
  }

  /** Removes the subscriptions whose TimeToLive has run out (one transaction), then sends Periodic! to each subscribed Controller whose time has come. */
  step(now: number): void {
    const { engine, hal } = this;
    if (!this.ttl) {
      this.ttl = new Map();
      const wall = hal.clock.wallTimeMs();
      for (const s of this.host.subscriptions()) {
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
    if (gone.length) {
      const txn = engine.begin();
      try {
        for (const p of gone) if (engine.exists(p)) txn.delete(p);
        txn.commit();
        hal.system.log('info', `notify: TimeToLive expired for ${gone.join(', ')}`);
      } catch (e) {
        txn.rollback();
        for (const p of gone) this.ttl.delete(p);
        hal.system.log('error', `notify: cannot remove expired subscriptions: ${(e as Error).message}`);
      }
    }
    const controllers = new Set<string>();
    for (const s of this.host.subscriptions('Event')) {
      if (!controllers.has(s.controller) && s.refs.some((ref) => refMatches(engine, {}, 'Event', ref, PERIODIC_EVENT))) controllers.add(s.controller);
    }
    for (const c of Array.from(this.periodicAt.keys())) if (!controllers.has(c)) this.periodicAt.delete(c);
    for (const c of controllers) {
      const at = this.periodicAt.get(c);
      if (at !== undefined && now < at) continue;
      if (at !== undefined) this.host.periodicDue(c);
      const interval = (Number(valueOf(engine, c + 'PeriodicNotifInterval')) || 1) * 1000;
      const anchor = valueOf(engine, c + 'PeriodicNotifTime') || UNKNOWN_TIME;
      const a = anchor === UNKNOWN_TIME ? undefined : parseDateTime(anchor);
      const wall = hal.clock.wallTimeMs();
      // The wall time of the next anchor + n·interval after now (n < 0: an anchor in the future).
      this.periodicAt.set(c, a && wall !== undefined ? now + a.ms + (Math.floor((wall - a.ms) / interval) + 1) * interval - wall : now + interval);
    }
  }

  /** Sends OnBoardRequest again where OnBoardingRestartTime passed without completion. */
  restartOnboarding(now: number): void {
    for (const c of Array.from(this.onboarding.keys())) {
      if (valueOf(this.engine, c + 'OnBoardingComplete') !== 'false') { this.onboarding.delete(c); continue; }
      const due = this.onboardingDue(c);
      if (due >= 0 && now >= due) this.host.sendOnBoardRequest(c);
    }
  }
}
