// What the notification layer does per Controller on a schedule: Device.LocalAgent.Periodic!
// (digest §4.4; timing in periodic.ts) to each Controller subscribed to it, and OnBoardRequest
// again while a Controller's onboarding is not complete after OnBoardingRestartTime (Device:2.17).
import type { CoreHal } from '../../hal/hal.ts';
import type { Engine } from '../dm/api.ts';
import { UNKNOWN_TIME } from '../dm/values.ts';
import { PERIODIC_EVENT } from '../names.ts';
import { refMatches } from './match.ts';
import { nextPeriodicMs } from './periodic.ts';
import { valueOf } from '../usp/context.ts';
import type { SubscriptionCache } from './subscriptions.ts';

/** What the timers ask of the notifier (the Notifier itself: no closures held on the XS heap). */
export interface ControllerTimerHost {
  /** Periodic! is due for the Controller row `controller`. */
  periodicDue(controller: string): void;
  /** A new OnBoardRequest to `controller` is due. */
  sendOnBoardRequest(controller: string): void;
}

export class ControllerTimers {
  /** Controller row → monotonic ms of its next Periodic!. */
  private readonly periodicAt = new Map<string, number>();
  /** Controllers being onboarded: monotonic ms of their last OnBoardRequest. */
  private readonly onboarding = new Map<string, number>();

  constructor(private readonly engine: Engine, private readonly hal: CoreHal, private readonly subs: SubscriptionCache, private readonly host: ControllerTimerHost) {}

  /** An OnBoardRequest went to `controller` now: OnBoardingRestartTime counts from here. */
  onboardingSent(controller: string): void { this.onboarding.set(controller, this.hal.clock.monotonicMs()); }
  /** Its PeriodicNotifInterval/Time changed: Periodic! is scheduled anew. */
  reschedule(controller: string): void { this.periodicAt.delete(controller); }
  /** The Controller row is gone. */
  forget(controller: string): void { this.periodicAt.delete(controller); this.onboarding.delete(controller); }

  /** The earlier of `d` and the next due time (-1: none). Plain loops: called on every datagram. */
  nextDeadline(d: number): number {
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

  /** Sends OnBoardRequest again where OnBoardingRestartTime passed without completion. */
  restartOnboarding(now: number): void {
    for (const c of Array.from(this.onboarding.keys())) {
      if (valueOf(this.engine, c + 'OnBoardingComplete') !== 'false') { this.onboarding.delete(c); continue; }
      const due = this.onboardingDue(c);
      if (due >= 0 && now >= due) this.host.sendOnBoardRequest(c);
    }
  }

  /** Periodic! to each subscribed Controller whose time has come. */
  runPeriodic(now: number): void {
    const controllers = new Set<string>();
    for (const s of this.subs.active('Event')) {
      if (!controllers.has(s.controller) && s.refs.some((ref) => refMatches(this.engine, {}, 'Event', ref, PERIODIC_EVENT))) controllers.add(s.controller);
    }
    for (const c of Array.from(this.periodicAt.keys())) if (!controllers.has(c)) this.periodicAt.delete(c);
    for (const c of controllers) {
      let at = this.periodicAt.get(c);
      const schedule = () => nextPeriodicMs(now, Number(valueOf(this.engine, c + 'PeriodicNotifInterval')) || 1, valueOf(this.engine, c + 'PeriodicNotifTime') || UNKNOWN_TIME, this.hal.clock.wallTimeMs());
      if (at === undefined) { this.periodicAt.set(c, schedule()); continue; }
      if (now < at) continue;
      this.host.periodicDue(c);
      at = schedule();
      this.periodicAt.set(c, at);
    }
  }

}
