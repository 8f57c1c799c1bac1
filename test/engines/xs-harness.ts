// Shared by the engine tests: build the XS runner, bundle a fixture like a device board, run it
// under a fixed memory cap. Every spawn has a timeout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, root } from '../../build.config.ts';

export type Arch = 'x64' | 'arm';

/** The script-mode runner (runs an iife bundle) of the machine's architecture. */
export const xsHostBinary = join(root, 'build/xs-host/x64/xs-host');

/** The board runner of `arch`: the board's modules preloaded, start() called. */
export function xsBoardBinary(arch: Arch, board = 'esp32'): string {
  return join(root, 'build/xs-host', arch, `xs-${board}`);
}

/** The 32-bit ARM runners run under qemu-arm-static (platform-notes.md, "QEMU"). */
export { QEMU_ARM } from '../../tools/cli/xs-engine.ts';

function runBuild(args: string[]): void {
  const r = spawnSync(process.execPath, [join(root, 'firmware/xs-host/build.mjs'), '--quiet', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) {
    throw new Error(`xs runner build failed (status ${r.status}, signal ${r.signal}):\n${r.stderr}${r.stdout}`);
  }
}

/** Builds (or finds up to date) the script-mode runner, build/xs-host/x64/xs-host. */
export function buildXsHost(): void {
  runBuild(['--script-only']);
}

/** Builds (or finds up to date) xsc, xsl, the board's preload and the runners of `arch`. */
export function buildXsBoard(arch: Arch): void {
  runBuild(['--arch', arch]);
}

export interface Cap {
  chunks: number;
  slots: number;
  stack: number;
}

export interface XsRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the runner with `args` (a cap, options, a bundle path). */
export function runXsHost(args: string[], timeoutMs = 20_000): XsRun {
  const r = spawnSync(xsHostBinary, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function capArgs(cap: Cap): string[] {
  return ['--chunks', String(cap.chunks), '--slots', String(cap.slots), '--stack', String(cap.stack)];
}

/** Runs a bundle file under `cap`. */
export function runBundle(bundlePath: string, cap: Cap, extra: string[] = [], timeoutMs?: number): XsRun {
  return runXsHost([...capArgs(cap), ...extra, bundlePath], timeoutMs);
}

/** A scratch directory, removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `tinyusp-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bundles `entry` (relative to the repo root) as a device board does, into `dir`. */
export async function bundleFixture(entry: string, dir: string, name: string): Promise<string> {
  const { code } = await bundle({ entry, minify: true });
  const file = join(dir, `${name}.js`);
  writeFileSync(file, code);
  return file;
}

/** Writes plain script text into `dir` (for programs that need no bundling). */
export function scriptFile(dir: string, name: string, text: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, text);
  return file;
}

/** The `--stats` line, parsed. */
export function parseStats(stderr: string): { chunksPeak: number; slotsPeak: number; keys: number } | undefined {
  const line = stderr.split('\n').find((l) => l.startsWith('xs-host stats: '));
  return line ? JSON.parse(line.slice('xs-host stats: '.length)) : undefined;
}
