// The device build as an engine of `tinyusp agent --engine xs|xs-arm` (and of test/e2e/launch.ts):
// the esp32 board runner, its modules preloaded by xsl (firmware/xs-host/build.mjs), on x86-64
// or cross-built for 32-bit ARM and run under qemu-arm-static, at the board's memory cap.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { XS_CAP, XS_CAP_64 } from '../../boards/esp32/xs-cap.ts';
import { root } from './paths.ts';

export type XsEngine = 'xs' | 'xs-arm';
export const QEMU_ARM = 'qemu-arm-static';

const archOf = (engine: XsEngine) => (engine === 'xs-arm' ? 'arm' : 'x64');

/** The esp32 board's cap for `engine` (boards/esp32/xs-cap.ts). */
export function xsEngineCap(engine: XsEngine): { chunks: number; slots: number; stack: number; keys: number } {
  return engine === 'xs-arm' ? XS_CAP : XS_CAP_64;
}

/** Builds (or finds up to date) xsc/xsl, the esp32 preload and the runner of `engine`; throws on failure. */
export function buildXsEngine(engine: XsEngine): void {
  const r = spawnSync(process.execPath, [join(root, 'firmware/xs-host/build.mjs'), '--quiet', '--arch', archOf(engine)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`building the ${engine} runner failed (status ${r.status}, signal ${r.signal}):\n${r.stderr}${r.stdout}`);
}

/** The program, arguments and environment that run the esp32 runner of `engine` with `runnerArgs`. */
export function xsEngineCommand(engine: XsEngine, runnerArgs: string[]): { file: string; args: string[]; env: Record<string, string> } {
  const binary = join(root, 'build/xs-host', archOf(engine), 'xs-esp32');
  if (engine === 'xs') return { file: binary, args: runnerArgs, env: {} };
  // XS_HOST_EMULATOR: Reboot() re-executes the runner through qemu (firmware/xs-host/host-config.c).
  return { file: QEMU_ARM, args: [binary, ...runnerArgs], env: { XS_HOST_EMULATOR: QEMU_ARM } };
}
