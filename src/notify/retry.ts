// USP Notify retry timing (R-NOT.2, digest §4.3): the wait before retry n (n ≥ 1) is drawn at
// random from [m·(k/1000)^(n−1), m·(k/1000)^n] seconds, m = Controller.{i}.
// USPNotifRetryMinimumWaitInterval, k = USPNotifRetryIntervalMultiplier. From the 10th retry on
// the window stays the 10th one (defaults: 2560–5120 s).

/** The exponent stops growing at the 10th retry (R-NOT.2 table). */
export const MAX_RETRY_STEP = 10;

/** The [min, max] window in ms for retry n (1-based) with m seconds and multiplier k (per mille). */
export function retryWindowMs(n: number, m: number, k: number): [number, number] {
  const step = Math.max(1, Math.min(n, MAX_RETRY_STEP));
  const r = k / 1000;
  const lo = m * Math.pow(r, step - 1) * 1000;
  return [lo, lo * r];
}

/** A uniform number in [0, 1) from 4 random bytes (hal.system.randomBytes). */
export function unitInterval(bytes: Uint8Array): number {
  const u = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  return u / 4294967296;
}

/** The wait before retry n: a point of its window chosen by `u` in [0, 1). */
export function retryDelayMs(n: number, m: number, k: number, u: number): number {
  const [lo, hi] = retryWindowMs(n, m, k);
  return Math.floor(lo + (hi - lo) * u);
}
