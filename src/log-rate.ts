// A log line at a bounded rate: a peer that can make the agent log (a handler bug it keeps
// hitting, Records from our own Endpoint ID) must not be able to flood the log or the board's
// console. At most `burst` lines per `windowMs`; the lines held back are counted and reported
// with the next line that passes.
import type { LogLevel } from '../hal/hal.ts';

export class RateLimitedLog {
  private windowStart = -Infinity;
  private inWindow = 0;
  private held = 0;

  constructor(
    private readonly log: (level: LogLevel, message: string) => void,
    private readonly burst = 5,
    private readonly windowMs = 10_000,
  ) {}

  write(level: LogLevel, message: string, nowMs: number): void {
    if (nowMs - this.windowStart >= this.windowMs) {
      this.windowStart = nowMs;
      this.inWindow = 0;
    }
    if (this.inWindow >= this.burst) {
      this.held++;
      return;
    }
    this.inWindow++;
    const note = this.held ? ` (${this.held} similar lines held back)` : '';
    this.held = 0;
    this.log(level, message + note);
  }
}
