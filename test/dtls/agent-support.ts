// The whole agent (src/device.ts: the core behind src/dtls/link.ts) in this process on real UDP
// sockets and the real clock, with the mbedTLS WebAssembly module, for tests against libcoap and
// OpenSSL peers; plus the libcoap helpers those tests share. Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hal, Storage } from '../../hal/hal.ts';
import type { Engine } from '../../src/dm/api.ts';
import { createHostNet } from '../../hal/host/net.ts';
import { createHostSystem, createHostTimers, hostClock } from '../../hal/host/system.ts';
import { host } from '../../boards/host/profile.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { startDevice, type Device } from '../../src/device.ts';
import type { DtlsCredentials } from '../../src/dtls/credentials.ts';
import { decodeMsg, decodeRecord, type Msg } from '../../src/codec/index.ts';
import { AGENT_ID, CONTROLLER_ID, encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg, testDefaults } from '../support/usp-harness.ts';
import { freePort, run, type RunResult } from '../interop/harness.ts';
import { hostDtls, type Pki } from './support.ts';

export { AGENT_ID, CONTROLLER_ID };
/** Sets several parameters in one transaction, as a Set of several paths would. */
export function setAll(engine: Engine, values: { [path: string]: string }): void {
  const txn = engine.begin();
  for (const [p, v] of Object.entries(values)) txn.set(p, v);
  txn.commit();
}

export const PSK_ID = 'controller-1-psk';
export const PSK_KEY = 'usp-psk-key-0123';

export interface SecureAgent {
  device: Device;
  port: number;
  logs: string[];
  /** Resolves when a log line matches `re` (bounded). */
  waitLog(re: RegExp, timeoutMs?: number): Promise<string>;
  stop(): void;
}

/** Defaults: testDefaults() plus our MTP (coaps by default) and Controller.1's MTP at `controllerPort`. */
export function agentDefaults(controllerPort: number, extra: { [p: string]: string } = {}): { [p: string]: string } {
  return testDefaults({
    'Device.LocalAgent.MTP.1.Enable': 'true',
    'Device.LocalAgent.MTP.1.Protocol': 'CoAP',
    'Device.LocalAgent.MTP.1.CoAP.Port': '5684',
    'Device.LocalAgent.MTP.1.CoAP.Path': 'usp',
    'Device.LocalAgent.Controller.1.MTP.1.Enable': 'true',
    'Device.LocalAgent.Controller.1.MTP.1.Protocol': 'CoAP',
    'Device.LocalAgent.Controller.1.MTP.1.CoAP.Host': '127.0.0.1',
    'Device.LocalAgent.Controller.1.MTP.1.CoAP.Port': String(controllerPort),
    'Device.LocalAgent.Controller.1.MTP.1.CoAP.Path': 'usp',
    ...extra,
  });
}

export async function startSecureAgent(opts: {
  credentials?: DtlsCredentials; allowNoSec?: boolean; defaults: { [p: string]: string }; board?: BoardProfile;
  /** Log every Record at debug level (default true; benchmarks turn it off). */
  trace?: boolean;
  /** The storage map (pass the same one to restart over the persisted model). */
  store?: Map<string, Uint8Array>;
}): Promise<SecureAgent> {
  const trace = opts.trace ?? true;
  const logs: string[] = [];
  const waiters: (() => void)[] = [];
  const store = opts.store ?? new Map<string, Uint8Array>();
  const storage: Storage = {
    get: (k) => store.get(k),
    set: (k, v) => void store.set(k, v.slice()),
    delete: (k) => void store.delete(k),
    keys: () => [...store.keys()],
  };
  const system = createHostSystem({
    identity: { manufacturer: 'tinyusp', oui: '00256D', productClass: 'Test', serialNumber: '0000000001', modelName: 'test', hardwareVersion: 'host', softwareVersion: '0' },
    logLevel: trace ? 'debug' : 'warn',
    write: (line) => {
      logs.push(line);
      for (const w of waiters.splice(0)) w();
    },
  });
  const hal: Hal = { net: createHostNet(), clock: hostClock, timers: createHostTimers(), storage, system, dtls: hostDtls() };
  let ready: (p: string) => void = () => {};
  const uri = new Promise<string>((r) => (ready = r));
  const device = startDevice({
    hal, board: opts.board ?? host, defaults: opts.defaults, credentials: opts.credentials, allowNoSec: opts.allowNoSec ?? false,
    port: 0, traceMessages: trace, onReady: (u) => ready(u),
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('agent not ready in 5 s')), 5000).unref());
  await Promise.race([uri, timeout]);
  return {
    device,
    port: device.port(),
    logs,
    waitLog(re, timeoutMs = 8000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log line ${re} within ${timeoutMs} ms:\n${logs.join('\n')}`)), timeoutMs);
        const check = () => {
          const line = logs.find((l) => re.test(l));
          if (line) (clearTimeout(timer), resolve(line));
          else waiters.push(check);
        };
        check();
      });
    },
    stop: () => device.stop(),
  };
}

/** A Get Record from `from` to the agent, written to a file for coap-client -f. */
export function getRecordFile(dir: string, name: string, paths: string[], from = CONTROLLER_ID, msgId = name): string {
  const rec = recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: paths, maxDepth: 0 } }, msgId)), from, AGENT_ID);
  const file = join(dir, name + '.usp');
  writeFileSync(file, encodeRecordBytes(rec));
  return file;
}

export interface LibcoapServer {
  /** The DTLS port (coap-server listens for DTLS on -p + 1). */
  port: number;
  output(): string;
  stop(): void;
}

/**
 * coap-server-<backend> standing in for the Controller's own CoAP server: `-d` lets a POST to an
 * unknown path create it, so what the agent POSTs can be read back with a GET (fetchRecord).
 */
export async function libcoapServer(backend: string, auth: string[], verbosity = 4): Promise<LibcoapServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('coap-server-' + backend, ['-A', '127.0.0.1', '-p', String(port - 1), '-d', '16', '-v', String(verbosity), ...auth], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 60000);
  // It prints nothing at -v 4: wait (bounded) until its DTLS port is bound, so the agent's first
  // ClientHello is not lost to a slow start (the retransmission would cost 1 s, then 2, 4...).
  await udpBound(port, 10_000);
  return {
    port,
    output: () => output,
    stop() {
      clearTimeout(guard);
      child.kill('SIGTERM');
    },
  };
}

/** Resolves once a UDP socket is bound to `port` (Linux /proc/net/udp), or after `timeoutMs`. */
async function udpBound(port: number, timeoutMs: number): Promise<void> {
  const hex = ':' + port.toString(16).toUpperCase().padStart(4, '0');
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    // Rows: "sl local_address rem_address ...", the local address as 0100007F:PORT in hex.
    if (readFileSync('/proc/net/udp', 'utf8').split('\n').some((row) => row.trim().split(/\s+/)[1]?.endsWith(hex))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * GETs `path` from the libcoap server until it holds what the agent POSTed there (bounded) and
 * decodes it as a USP Record and Msg.
 */
export async function fetchRecord(backend: string, auth: string[], port: number, path: string, dir: string, timeoutMs = 10000): Promise<{ fromId: string; toId: string; msg: Msg }> {
  const out = join(dir, 'fetched-' + Math.random().toString(36).slice(2) + '.bin');
  const end = Date.now() + timeoutMs;
  let last: RunResult | undefined;
  while (Date.now() < end) {
    last = await run('coap-client-' + backend, ['-m', 'get', '-B', '3', ...auth, '-o', out, `coaps://127.0.0.1:${port}/${path}`], 6000);
    const bytes = readIf(out);
    if (bytes && bytes.length > 0) {
      const rec = decodeRecord(bytes);
      if (rec.recordType.case !== 'noSessionContext') throw new Error('not a no_session_context Record');
      return { fromId: rec.fromId, toId: rec.toId, msg: decodeMsg(rec.recordType.value.payload) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing at coaps://127.0.0.1:${port}/${path} within ${timeoutMs} ms: ${last?.stderr.slice(-300)}`);
}

function readIf(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** coap-client auth arguments: certificate mode as `who` (a PKI name), or PSK. */
export function clientAuth(pki: Pki, mode: 'PSK' | 'certificate', who = 'controller', ca = 'ca.pem'): string[] {
  if (mode === 'PSK') return ['-k', PSK_KEY, '-u', PSK_ID];
  return ['-c', pki.path(who + '.pem'), '-j', pki.path(who + '.key'), '-C', pki.path(ca), '-R', pki.path(ca)];
}

/** The agent's credentials in `mode`. */
export function agentCredentials(pki: Pki, mode: 'PSK' | 'certificate'): DtlsCredentials {
  if (mode === 'PSK') return { psk: [{ identity: PSK_ID, key: new TextEncoder().encode(PSK_KEY), endpointId: CONTROLLER_ID }] };
  return { certificate: pki.read('agent.pem'), privateKey: pki.read('agent.key'), trustAnchors: [pki.read('ca.pem')] };
}

/** POSTs the Record in `file` to the agent with coap-client; `replyTo` is the reply-to URI. */
export function postRecord(backend: string, auth: string[], agentPort: number, file: string, replyTo: string, extra: string[] = [], timeoutMs = 12000): Promise<RunResult> {
  return run('coap-client-' + backend, ['-m', 'post', '-t', '42', '-f', file, '-B', '8', ...extra, ...auth,
    `coaps://127.0.0.1:${agentPort}/usp?reply-to=${replyTo}`], timeoutMs);
}
