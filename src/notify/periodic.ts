// Device.LocalAgent.Periodic! timing per recipient Controller (digest §4.4): it fires at
// PeriodicNotifTime ± n·PeriodicNotifInterval. With the Unknown Time anchor, or while the Agent
// has no absolute time, the Agent picks the phase: one interval after the schedule starts.
import { UNKNOWN_TIME, parseDateTime } from '../dm/values.ts';

/**
 * Monotonic ms of the next Periodic! strictly after `nowMono`.
 * intervalS ≥ 1; anchor is the PeriodicNotifTime value; wallNow the wall clock (undefined = unknown).
 */
export function nextPeriodicMs(nowMono: number, intervalS: number, anchor: string, wallNow: number | undefined): number {
  const interval = Math.max(1, intervalS) * 1000;
  const a = anchor === UNKNOWN_TIME ? undefined : parseDateTime(anchor);
  if (!a || wallNow === undefined) return nowMono + interval;
  // Wall time of the next anchor + n·interval after wallNow (n may be negative: anchor in the future).
  const since = wallNow - a.ms;
  const n = Math.floor(since / interval) + 1;
  return nowMono + (a.ms + n * interval - wallNow);
}
