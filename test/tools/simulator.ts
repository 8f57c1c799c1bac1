// The simulator and the controller as a user runs them (`tinyusp agent`, `tinyusp ctl`), for
// the CLI tests: real processes over UDP on loopback, every wait bounded.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'tools/tinyusp.mjs');

/** `tinyusp <args>` to completion (bounded), as a user runs it. */
export function tinyusp(args: string[], timeout = 20_000): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh directory, removed after the test. */
export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A plaintext simulator process (--allow-nosec) on an ephemeral port, fresh state, the demo
 * defaults with Controller.1 reached over plain coap:// (the demo's is coaps://); killed after
 * the test. The secure quick start is test/tools/quickstart.test.ts.
 */
export async function simulator(t: { after(fn: () => void): void }, extraArgs: string[] = []): Promise<string> {
  const state = tempDir(t);
  const defaults = JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8'));
  defaults['Device.LocalAgent.MTP.1.CoAP.EnableEncryption'] = 'false';
  defaults['Device.LocalAgent.Controller.1.MTP.1.CoAP.EnableEncryption'] = 'false';
  const defaultsFile = join(state, 'plaintext-defaults.json');
  writeFileSync(defaultsFile, JSON.stringify(defaults));
  const agent = spawn(process.execPath, [bin, 'agent', '--defaults', defaultsFile, '--state', state, '--allow-nosec', '--port', '0', '--log-level', 'warn', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => agent.kill('SIGKILL'));
  return await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('agent not ready within 15 s')), 15_000);
    let buf = '';
    agent.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^ready (\S+) (\S+)$/m.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[2]);
      }
    });
  });
}

export interface Ran { code: number | null; stdout: string; stderr: string }

/**
 * `tinyusp ctl <args> --agent <uri>`, killed after `killMs` (20 s) at the latest. A coap:// agent
 * is plaintext, which ctl speaks only with --allow-nosec: added here for such a URI.
 */
export function ctl(uri: string, args: string[], onStderr?: (all: string) => void, killMs = 20_000): Promise<Ran> {
  return new Promise((resolve) => {
    const nosec = uri.startsWith('coap://') ? ['--allow-nosec'] : [];
    const c = spawn(process.execPath, [bin, 'ctl', ...args, '--agent', uri, ...nosec], { cwd: root });
    let stdout = '';
    let stderr = '';
    const kill = setTimeout(() => c.kill('SIGKILL'), killMs);
    c.stdout.on('data', (d: Buffer) => (stdout += d));
    c.stderr.on('data', (d: Buffer) => { stderr += d; onStderr?.(stderr); });
    c.on('close', (code) => { clearTimeout(kill); resolve({ code, stdout, stderr }); });
  });
}

