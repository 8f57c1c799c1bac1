// Starts a real agent process for end-to-end tests and benchmarks, on one engine:
//   node    the Node simulator (`tinyusp agent`)
//   xs      the esp32 board runner for x86-64: boards/esp32/main.ts preloaded by xsl (firmware/
//           xs-host/build.mjs), start() called, under a fixed memory cap
//   xs-arm  the same runner cross-built for 32-bit ARM, under qemu-arm-static
// All print `ready <endpointId> <uri>` once listening (again after a reboot). Every wait is
// bounded; stop() kills the process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { XS_CAP_64 } from '../../boards/esp32/xs-cap.ts';
import { buildXsEngine, xsEngineCap, xsEngineCommand, type XsEngine } from '../../tools/cli/xs-engine.ts';
import { capArgs, type Cap } from '../engines/xs-harness.ts';
import { armUnavailable, inCi } from '../support/tools.ts';

export type Engine = 'node' | 'xs' | 'xs-arm';
/**
 * The engines the end-to-end suites run on here: xs-arm needs the ARM cross compiler and qemu
 * (ARM_UNAVAILABLE says why not; the suites skip it with that reason, and under CI it is never
 * left out).
 */
export const ARM_UNAVAILABLE = inCi ? undefined : armUnavailable();
export const ENGINES: readonly Engine[] = ARM_UNAVAILABLE ? ['node', 'xs'] : ['node', 'xs', 'xs-arm'];

/** The esp32 board's cap for the x86-64 runner (boards/esp32/xs-cap.ts); xs-arm runs at XS_CAP. */
export const XS_DEFAULT_CAP: Cap & { keys: number } = { ...XS_CAP_64 };

export interface LaunchOptions {
  engine: Engine;
  defaultsFile: string;
  stateDir: string;
  /** XS only: the fixed memory cap (default: the esp32 board's, boards/esp32/xs-cap.ts). */
  cap?: Cap & { keys?: number };
  /** Bound on the wait for the first `ready` line (default 20 s). */
  readyTimeoutMs?: number;
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** Node only: extra flags for node (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Node only: the agent's security flags (test/e2e/transport.ts); default --allow-nosec. */
  securityArgs?: string[];
}

export interface Ready {
  endpointId: string;
  uri: string;
}

export interface LaunchedAgent extends Ready {
  readonly pid: number;
  /** Waits for the next `ready` line (after a Reboot() or FactoryReset()). */
  nextReady(timeoutMs?: number): Promise<Ready>;
  /** Resolves with the exit of the process. */
  readonly exited: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process (SIGTERM, SIGKILL after 3 s) and waits for it. */
  stop(): Promise<void>;
  output(): { stdout: string; stderr: string };
}

export class LaunchError extends Error {}

const built = new Set<XsEngine>();

/** Builds the runner of `engine` once per test process. */
function buildOnce(engine: XsEngine): void {
  if (!built.has(engine)) {
    buildXsEngine(engine);
    built.add(engine);
  }
}

const packageVersion = (): string => (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The command line that starts the agent (exported for the benchmark's min-cap search). */
export async function agentCommand(opts: LaunchOptions): Promise<{ file: string; args: string[]; env?: Record<string, string> }> {
  const level = opts.logLevel ?? 'warn';
  if (opts.engine === 'node') {
    return {
      file: process.execPath,
      args: [...(opts.nodeFlags ?? []), join(root, 'tools/tinyusp.mjs'), 'agent', '--defaults', opts.defaultsFile, '--state', opts.stateDir,
        ...(opts.securityArgs ?? ['--allow-nosec']), '--port', '0', '--log-level', level],
    };
  }
  const board = xsEngineCap(opts.engine);
  const cap = { ...board, ...opts.cap };
  const runnerArgs = [...capArgs(cap), '--keys', String(cap.keys ?? board.keys), '--state', opts.stateDir,
    '--defaults', opts.defaultsFile, '--allow-nosec', '--arg', 'port=0', '--arg', `log-level=${level}`,
    '--arg', 'serial=SIM0001', '--arg', `software-version=${packageVersion()}`];
  buildOnce(opts.engine);
  return xsEngineCommand(opts.engine, runnerArgs);
}

const READY = /^ready (\S+) (\S+)$/;

export async function launchAgent(opts: LaunchOptions): Promise<LaunchedAgent> {
  const { file, args, env } = await agentCommand(opts);
  const child: ChildProcess = spawn(file, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let readyCount = 0;
  const readies: Ready[] = [];
  let waiter: (() => void) | undefined;
  let exitedFlag = false;
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (status, signal) => {
      exitedFlag = true;
      waiter?.();
      resolve({ status, signal });
    });
  });
  child.stderr!.on('data', (d) => { stderr += d; });
  let partial = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
    partial += d;
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl);
      partial = partial.slice(nl + 1);
      const m = READY.exec(line);
      if (m) {
        readies.push({ endpointId: m[1], uri: m[2] });
        waiter?.();
      }
    }
  });

  function nextReady(timeoutMs = 20_000): Promise<Ready> {
    const want = readyCount++;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (readies.length > want) {
          clearTimeout(timer);
          waiter = undefined;
          resolve(readies[want]);
        } else if (exitedFlag) {
          clearTimeout(timer);
          waiter = undefined;
          reject(new LaunchError(`${opts.engine} agent exited before ready (code ${child.exitCode}, signal ${child.signalCode}):\n${stderr}`));
        }
      };
      const timer = setTimeout(() => {
        waiter = undefined;
        reject(new LaunchError(`${opts.engine} agent: no ready line within ${timeoutMs} ms:\n${stderr}`));
      }, timeoutMs);
      waiter = check;
      check();
    });
  }

  async function stop(): Promise<void> {
    if (exitedFlag) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(force);
  }

  let first: Ready;
  try {
    first = await nextReady(opts.readyTimeoutMs ?? 20_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    ...first,
    pid: child.pid!,
    nextReady,
    exited,
    stop,
    output: () => ({ stdout, stderr }),
  };
}

/** Resident memory of a process in KB (VmRSS from /proc/<pid>/status). */
export function residentKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}
