// HAL clock, timers and system on the host (Node). Reboot and factory reset are delegated to
// the simulator (tools/), which restarts the agent on the same state directory.
import { randomBytes } from 'node:crypto';
import type { Clock, DeviceIdentity, LogLevel, System, Timers } from '../hal.ts';

export const hostClock: Clock = {
  monotonicMs: () => performance.now(),
  wallTimeMs: () => Date.now(),
};

export function createHostTimers(): Timers {
  const live = new Map<number, NodeJS.Timeout>();
  let next = 1;
  return {
    set(delayMs, callback) {
      const id = next++;
      live.set(id, setTimeout(() => { live.delete(id); callback(); }, Math.max(0, delayMs)));
      return id;
    },
    clear(id) {
      const t = live.get(id);
      if (t) clearTimeout(t);
      live.delete(id);
    },
  };
}

const levels: LogLevel[] = ['error', 'warn', 'info', 'debug'];

export interface HostSystemOptions {
  identity: DeviceIdentity;
  logLevel?: LogLevel;
  /** Write one log line (default: stderr). */
  write?: (line: string) => void;
  onReboot?: () => void;
  onFactoryReset?: () => void;
}

export function createHostSystem(opts: HostSystemOptions): System {
  const max = levels.indexOf(opts.logLevel ?? 'info');
  const write = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  // CoAP draws 2-4 random bytes per message: serve them from a pool refilled 4 KiB at a time
  // (one crypto call per ~1000 messages instead of one each).
  let pool = randomBytes(4096);
  let used = 0;
  const random = (n: number): Uint8Array => {
    if (n > pool.length) return new Uint8Array(randomBytes(n));
    if (used + n > pool.length) {
      pool = randomBytes(4096);
      used = 0;
    }
    const out = new Uint8Array(pool.subarray(used, used + n));
    used += n;
    return out;
  };
  return {
    reboot: () => (opts.onReboot ?? (() => { throw new Error('reboot not supported by this host'); }))(),
    factoryReset: () => (opts.onFactoryReset ?? (() => { throw new Error('factory reset not supported by this host'); }))(),
    identity: () => opts.identity,
    randomBytes: random,
    log(level, message) {
      if (levels.indexOf(level) <= max) write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}`);
    },
  };
}
