// External tools some tests need (Debian packages that `.ci/run` installs). Elsewhere a test
// whose tool is missing skips and says why; under CI=true a missing tool is a failure.
import { spawnSync } from 'node:child_process';

export const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** The first of `commands` not on PATH, or undefined when all are there. */
export function missingCommand(...commands: string[]): string | undefined {
  for (const c of commands) {
    if (spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).status !== 0) return c;
  }
  return undefined;
}

/** Why the 32-bit ARM runner cannot be built or run here, or undefined when it can. */
export function armUnavailable(): string | undefined {
  const m = missingCommand('arm-linux-gnueabihf-gcc', 'qemu-arm-static');
  return m && `${m} not found (apt-get install gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user-static)`;
}

/** Skip `t` with the reason (outside CI) or fail (CI) when `reason` is set; true when it may run. */
export function needs(t: { skip(message: string): void }, reason: string | undefined): boolean {
  if (!reason) return true;
  if (inCi) throw new Error(reason + ' (required when CI=true)');
  t.skip(reason);
  return false;
}
