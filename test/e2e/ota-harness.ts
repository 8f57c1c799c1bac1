// What the firmware end-to-end suites share: a Controller that records every Notify, the agent
// under its boot loader (`tinyusp agent --ota`), an HTTP file server (node:http) and USP helpers.
// Every wait is bounded.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType, type Msg, type Notify } from '../../gen/usp/usp-msg_pb.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { launchAgent, type Engine, type LaunchedAgent } from './launch.ts';

const root = new URL('../..', import.meta.url).pathname;
export const AGENT_ID = 'proto::tinyusp-e2e';

export class Listener {
  readonly heard: Notify[] = [];
  controller!: Controller;
  async open(id: string): Promise<void> {
    this.controller = await Controller.open({ endpointId: id, port: 0, timeoutMs: 10_000, onNotify: (n) => { this.heard.push(n); } });
  }
  get port(): number { return Number(/:(\d+)\//.exec(this.controller.uri)![1]); }
  /** The first notification after index `from` matching `pred` (bounded wait). */
  async next(pred: (n: Notify) => boolean, from: number, ms = 20_000): Promise<Notify> {
    const end = performance.now() + ms;
    for (;;) {
      const n = this.heard.slice(from).find(pred);
      if (n) return n;
      if (performance.now() > end) throw new Error(`no matching notification within ${ms} ms; heard ${this.heard.slice(from).map(describe).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

function describe(n: Notify): string {
  const v = n.notification;
  if (v.case === 'event') return `event ${v.value.eventName}`;
  if (v.case === 'operComplete') return `operComplete ${v.value.commandName} ${v.value.operationResp.case}`;
  return String(v.case);
}

export const isEvent = (name: string) => (n: Notify) => n.notification.case === 'event' && n.notification.value.eventName === name;
export const eventArgs = (n: Notify): { [k: string]: string } => (n.notification.case === 'event' ? n.notification.value.params : {});
export const isComplete = (command: string, key: string) => (n: Notify) =>
  n.notification.case === 'operComplete' && n.notification.value.commandName === command && n.notification.value.commandKey === key;
/** OperationComplete: its output args, or its error. */
export function completion(n: Notify): { ok: true; output: { [k: string]: string } } | { ok: false; code: number; message: string } {
  if (n.notification.case !== 'operComplete') throw new Error('not an OperationComplete');
  const r = n.notification.value.operationResp;
  if (r.case === 'reqOutputArgs') return { ok: true, output: r.value.outputArgs };
  if (r.case === 'cmdFailure') return { ok: false, code: r.value.errCode, message: r.value.errMsg };
  throw new Error('OperationComplete without a result');
}

function body(m: Msg) {
  const b = m.body!.msgBody;
  if (b.case === 'error') throw new Error(`USP error ${b.value.errCode}: ${b.value.errMsg}`);
  if (b.case !== 'response') throw new Error('not a response');
  return b.value.respType;
}

/** The agent under its boot loader, and a Controller (c1) the defaults know. */
export class OtaDevice {
  agent!: LaunchedAgent;
  uri = '';
  readonly dir = mkdtempSync(join(tmpdir(), 'tinyusp-ota-'));
  readonly state = join(this.dir, 'state');
  readonly c1 = new Listener();
  /** The fixture's second Controller: it answers, so nothing waits on an unreachable peer. */
  readonly c2 = new Listener();

  /** Default: the Node simulator under its boot loader; `engine` xs runs the XS runner itself (`runnerArgs`). */
  async start(o: { engine?: Engine; otaEngine?: Engine; runnerArgs?: string[]; securityArgs?: string[] } = {}): Promise<void> {
    await this.c1.open('proto::controller-1');
    await this.c2.open('proto::controller-2');
    const defaults = join(this.dir, 'defaults.json');
    writeFileSync(defaults, readFileSync(join(root, 'test/e2e/fixtures/notify-defaults.json'), 'utf8')
      .replace('${C1_PORT}', String(this.c1.port)).replace('${C2_PORT}', String(this.c2.port)));
    const engine = o.engine ?? 'node';
    this.agent = await launchAgent({ engine, ota: engine === 'node', otaEngine: o.otaEngine, runnerArgs: o.runnerArgs, securityArgs: o.securityArgs,
      defaultsFile: defaults, stateDir: this.state, readyTimeoutMs: 120_000, logLevel: 'info' });
    this.uri = this.agent.uri;
  }

  /** The next `ready` line: the image the boot loader started after a reboot. */
  async rebooted(ms = 30_000): Promise<void> {
    try {
      this.uri = (await this.agent.nextReady(ms)).uri;
    } catch (e) {
      throw new Error(`${(e as Error).message}\nstdout:\n${this.agent.output().stdout}`);
    }
  }

  private ask(req: Parameters<Controller['request']>[2], type: Header_MsgType) {
    return this.c1.controller.request(this.uri, AGENT_ID, req, type);
  }

  async get(...paths: string[]): Promise<{ [path: string]: string }> {
    const r = body(await this.ask({ reqType: { case: 'get', value: { paramPaths: paths, maxDepth: 0 } } }, Header_MsgType.GET));
    const out: { [path: string]: string } = {};
    if (r.case === 'getResp') {
      for (const p of r.value.reqPathResults) for (const rp of p.resolvedPathResults) for (const [k, v] of Object.entries(rp.resultParams)) out[rp.resolvedPath + k] = v;
    }
    return out;
  }

  async subscribe(id: string, type: string, refs: string): Promise<void> {
    const settings = { Enable: 'true', ID: id, NotifType: type, ReferenceList: refs, Persistent: 'true' };
    const r = body(await this.ask({ reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.',
      paramSettings: Object.entries(settings).map(([param, value]) => ({ param, value, required: true })) }] } } }, Header_MsgType.ADD));
    assert.equal(r.case, 'addResp');
  }

  /** Operate: the Request path of an async command, or the error of a refused one. */
  async operate(command: string, commandKey: string, inputArgs: { [k: string]: string } = {}): Promise<{ request?: string; code?: number; message?: string }> {
    const r = body(await this.ask({ reqType: { case: 'operate', value: { command, commandKey, sendResp: true, inputArgs } } }, Header_MsgType.OPERATE));
    assert.equal(r.case, 'operateResp');
    const res = r.case === 'operateResp' ? r.value.operationResults[0].operationResp : undefined;
    if (res?.case === 'reqObjPath') return { request: res.value };
    if (res?.case === 'cmdFailure') return { code: res.value.errCode, message: res.value.errMsg };
    if (res?.case === 'reqOutputArgs') return {};
    throw new Error('no operation result');
  }

  async stop(): Promise<void> {
    await this.agent?.stop();
    this.c1.controller?.close();
    this.c2.controller?.close();
  }
}

/** A node:http server of in-memory files on loopback; counts requests per path. */
export async function fileServer(files: Map<string, Uint8Array>): Promise<{ url(path: string): string; server: Server }> {
  const server = createServer((req, res) => {
    const f = files.get(req.url ?? '');
    if (!f) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.length }).end(f);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: (p) => `http://127.0.0.1:${port}${p}`, server };
}

/**
 * The agent under the boot loader from an XS factory image (`engine`), subscribed to Boot! and
 * TransferComplete!; stopped, cleaned up and its state removed when the test ends.
 */
export async function startXsOtaDevice(t: { after(fn: () => Promise<void>): void }, engine: 'xs' | 'xs-arm', securityArgs: string[],
  cleanup: () => void): Promise<OtaDevice> {
  const dev = new OtaDevice();
  t.after(async () => {
    if (process.env.DEBUG_OTA) console.error(dev.agent?.output().stdout, dev.agent?.output().stderr);
    await dev.stop();
    cleanup();
    rmSync(dev.dir, { recursive: true, force: true });
  });
  await dev.start({ otaEngine: engine, securityArgs });
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  return dev;
}
