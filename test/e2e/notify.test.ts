// Subscriptions and notifications end to end: the real simulator process (`tinyusp agent`) over
// CoAP on loopback, and two Controllers (tools/controller) listening on the ports their
// Controller.{i}.MTP.1.CoAP.Port says (test/e2e/fixtures/notify-defaults.json, ports filled in
// with the ones the Controllers got). Every wait is bounded; every process is killed at the end.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType, type Msg, type Notify } from '../../gen/usp/usp-msg_pb.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { ARM_UNAVAILABLE, ENGINES, launchAgent, type Engine as AgentEngine, type LaunchedAgent } from './launch.ts';
import { security, transportsFor, type Security, type Transport } from './transport.ts';

const root = new URL('../..', import.meta.url).pathname;
const AGENT_ID = 'proto::tinyusp-e2e';

interface Heard { at: number; msgId: string; notify: Notify }

class Listener {
  readonly heard: Heard[] = [];
  /** When the agent acknowledged (CoAP 2.xx) each NotifyResp we sent, by msg_id. */
  readonly acked: { at: number; msgId: string }[] = [];
  controller!: Controller;
  constructor(readonly endpointId: string, private readonly sec: Security) {}
  async open(): Promise<void> {
    this.controller = await Controller.open({ endpointId: this.endpointId, port: 0, timeoutMs: 8000, dtls: this.sec.controller(this.endpointId),
      onNotify: (notify, _from, msgId) => { this.heard.push({ at: performance.now(), msgId, notify }); } });
    // The Controller answers a Notify with send_resp through send(): note when the agent's CoAP
    // ACK for that NotifyResp came back, i.e. when the agent had handled it.
    const send = this.controller.send.bind(this.controller);
    this.controller.send = (uri, id, msg) => {
      const out = send(uri, id, msg);
      const b = msg.body?.msgBody;
      if (b?.case === 'response' && b.value.respType.case === 'notifyResp') {
        const msgId = msg.header?.msgId ?? '';
        void out.then((o) => { if (o.ok) this.acked.push({ at: performance.now(), msgId }); });
      }
      return out;
    };
  }
  /** Bounded wait for the agent's acknowledgement of our NotifyResp to `msgId`. */
  async ackOf(msgId: string, ms = 8000): Promise<number> {
    const end = performance.now() + ms;
    for (;;) {
      const a = this.acked.find((x) => x.msgId === msgId);
      if (a) return a.at;
      if (performance.now() > end) throw new Error(`${this.endpointId}: NotifyResp to ${msgId} not acknowledged within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  get port(): number { return Number(/:(\d+)\//.exec(this.controller.uri)![1]); }
  /** Wait (bounded) for a notification matching `pred` heard after index `from`. */
  async next(pred: (n: Notify) => boolean, ms = 8000, from = 0): Promise<Heard> {
    const end = performance.now() + ms;
    for (;;) {
      const h = this.heard.slice(from).find((x) => pred(x.notify));
      if (h) return h;
      if (performance.now() > end) throw new Error(`${this.endpointId}: no matching notification within ${ms} ms; heard ${this.heard.map((x) => x.notify.notification.case).join(',')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** The fields of a notification, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v = (h: Heard): any => h.notify.notification.value;
const is = (c: string, sub?: string) => (n: Notify) => n.notification.case === c && (sub === undefined || n.subscriptionId === sub);
const bootOf = (n: Notify) => n.notification.case === 'event' && n.notification.value.eventName === 'Boot!';

/** The agent process on one engine (test/e2e/launch.ts): restarted on the same state. */
class Agent {
  private proc!: LaunchedAgent;
  uri = '';
  constructor(private readonly engine: AgentEngine, private readonly defaults: string, private readonly state: string, private readonly sec: Security) {}
  async start(): Promise<void> {
    this.proc = await launchAgent({ engine: this.engine, defaultsFile: this.defaults, stateDir: this.state, readyTimeoutMs: 60_000, securityArgs: this.sec.agentArgs });
    this.uri = this.proc.uri;
  }
  /** The next `ready` line (the in-process restart after Reboot() / FactoryReset()). */
  async ready(ms = 20_000): Promise<void> {
    this.uri = (await this.proc.nextReady(ms)).uri;
  }
  output(): string {
    return this.proc ? this.proc.output().stderr : '';
  }
  async stop(): Promise<void> {
    await this.proc.stop();
  }
}

function body(m: Msg) {
  const b = m.body!.msgBody;
  if (b.case === 'error') throw new Error(`USP error ${b.value.errCode}: ${b.value.errMsg}`);
  if (b.case !== 'response') throw new Error('not a response');
  return b.value.respType;
}


if (ARM_UNAVAILABLE) test('the notification suite on xs-arm', (t) => { t.skip(ARM_UNAVAILABLE as string); });
for (const engine of ENGINES) for (const transport of transportsFor(engine)) {
  test(`given the agent on ${engine} and two Controllers, then subscriptions, every notification type, restart, Reboot() and FactoryReset() work over ${transport === 'coaps' ? 'CoAP over DTLS' : 'CoAP'}`, { timeout: 180_000 }, (t) => notificationSuite(t, engine, transport));
}

async function notificationSuite(t: TestContext, engine: AgentEngine, transport: Transport): Promise<void> {
  let passed = false;
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-notify-'));
  const sec = security(transport, dir, AGENT_ID, ['proto::controller-1', 'proto::controller-2']);
  const c1 = new Listener('proto::controller-1', sec);
  const c2 = new Listener('proto::controller-2', sec);
  await c1.open();
  await c2.open();
  const defaults = join(dir, 'defaults.json');
  writeFileSync(defaults, sec.defaults(readFileSync(join(root, 'test/e2e/fixtures/notify-defaults.json'), 'utf8')
    .replace('${C1_PORT}', String(c1.port)).replace('${C2_PORT}', String(c2.port))));
  const agent = new Agent(engine, defaults, join(dir, 'state'), sec);
  t.after(async () => {
    if (!passed) t.diagnostic('agent stderr:\n' + agent.output().slice(-4000));
    await agent.stop().catch(() => {});
    c1.controller.close();
    c2.controller.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await agent.start();

  const ask = (c: Listener, req: Parameters<Controller['request']>[2], type: Header_MsgType) => c.controller.request(agent.uri, AGENT_ID, req, type);
  const subscribe = async (c: Listener, id: string, type: string, refs: string, extra: { [k: string]: string } = {}) => {
    const settings = { Enable: 'true', ID: id, NotifType: type, ReferenceList: refs, ...extra };
    const r = body(await ask(c, { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.',
      paramSettings: Object.entries(settings).map(([param, value]) => ({ param, value, required: true })) }] } } }, Header_MsgType.ADD));
    assert.equal(r.case, 'addResp');
  };
  const set = async (c: Listener, obj: string, param: string, value: string) => {
    const r = body(await ask(c, { reqType: { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: obj, paramSettings: [{ param, value, required: true }] }] } } }, Header_MsgType.SET));
    assert.equal(r.case, 'setResp');
  };
  const operate = async (c: Listener, command: string, commandKey = '', inputArgs: { [k: string]: string } = {}) => {
    const r = body(await ask(c, { reqType: { case: 'operate', value: { command, commandKey, sendResp: true, inputArgs } } }, Header_MsgType.OPERATE));
    assert.equal(r.case, 'operateResp');
    return r.case === 'operateResp' ? r.value.operationResults[0] : undefined;
  };

  const info = body(await ask(c1, { reqType: { case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } } }, Header_MsgType.GET));
  const identity = info.case === 'getResp' ? info.value.reqPathResults[0].resolvedPathResults[0].resultParams : {};

  // Subscriptions of Controller 1 (Recipient = Controller.1) and Controller 2.
  await subscribe(c1, 'vc', 'ValueChange', 'Device.DeviceInfo.FriendlyName');
  await subscribe(c1, 'life', 'ObjectCreation', 'Device.LocalAgent.Controller.', { Persistent: 'true' });
  await subscribe(c1, 'gone', 'ObjectDeletion', 'Device.LocalAgent.Controller.*.,Device.LocalAgent.Subscription.*.', { Persistent: 'true' });
  await subscribe(c1, 'ops', 'OperationComplete', 'Device.ScheduleTimer()', { Persistent: 'true' });
  await subscribe(c1, 'boot', 'Event', 'Device.Boot!', { Persistent: 'true' });
  const recipient = body(await ask(c1, { reqType: { case: 'get', value: { paramPaths: ['Device.LocalAgent.Subscription.[ID=="vc"].Recipient'], maxDepth: 0 } } }, Header_MsgType.GET));
  assert.equal(recipient.case === 'getResp' && recipient.value.reqPathResults[0].resolvedPathResults[0].resultParams.Recipient, 'Device.LocalAgent.Controller.1');

  // ValueChange: Controller 2 changes a value; Controller 1 hears it.
  await set(c2, 'Device.DeviceInfo.', 'FriendlyName', 'from-c2');
  const vc = await c1.next(is('valueChange', 'vc'));
  assert.deepEqual([v(vc).paramPath, v(vc).paramValue], ['Device.DeviceInfo.FriendlyName', 'from-c2']);
  assert.equal(vc.notify.sendResp, false);

  // ObjectCreation / ObjectDeletion.
  const added = body(await ask(c2, { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Controller.',
    paramSettings: [{ param: 'EndpointID', value: 'proto::third', required: true }] }] } } }, Header_MsgType.ADD));
  const newPath = added.case === 'addResp' ? added.value.createdObjResults[0].operStatus!.operStatus.case === 'operSuccess' && added.value.createdObjResults[0].operStatus!.operStatus.value.instantiatedPath : '';
  const oc = await c1.next(is('objCreation', 'life'));
  assert.equal(v(oc).objPath, newPath);
  assert.equal(oc.notify.notification.case === 'objCreation' && v(oc).uniqueKeys.EndpointID, 'proto::third');
  body(await ask(c2, { reqType: { case: 'delete', value: { allowPartial: false, objPaths: [newPath as string] } } }, Header_MsgType.DELETE));
  const od = await c1.next(is('objDeletion', 'gone'));
  assert.equal(v(od).objPath, newPath);

  // Async Operate: OperateResp points at a Request row; OperationComplete follows.
  const op = await operate(c1, 'Device.ScheduleTimer()', 'timer-1', { DelaySeconds: '1' });
  assert.equal(op!.operationResp.case, 'reqObjPath');
  assert.match(String(op!.operationResp.value), /^Device\.LocalAgent\.Request\.\d+\.$/);
  const done = await c1.next(is('operComplete', 'ops'));
  assert.deepEqual([v(done).commandName, v(done).commandKey, v(done).operationResp.case],
    ['ScheduleTimer()', 'timer-1', 'reqOutputArgs']);
  // ...and with Cancel(): 7023.
  const long = await operate(c1, 'Device.ScheduleTimer()', 'timer-2', { DelaySeconds: '600' });
  await operate(c1, String(long!.operationResp.value) + 'Cancel()');
  const cancelled = await c1.next((n) => is('operComplete', 'ops')(n) && n.notification.case === 'operComplete' && n.notification.value.commandKey === 'timer-2');
  assert.equal(cancelled.notify.notification.case === 'operComplete' && cancelled.notify.notification.value.operationResp.case, 'cmdFailure');
  assert.equal(v(cancelled).operationResp.value.errCode, 7023);

  // OnBoardRequest with NotifyResp: one send, no resend (retry would come after 1-2 s).
  await set(c1, 'Device.LocalAgent.Controller.2.', 'USPNotifRetryMinimumWaitInterval', '1');
  await operate(c1, 'Device.LocalAgent.Controller.2.SendOnBoardRequest()');
  const ob = await c2.next(is('onBoardReq'));
  assert.equal(ob.notify.sendResp, true);
  assert.equal(ob.notify.subscriptionId, '');
  assert.deepEqual(ob.notify.notification.case === 'onBoardReq' && [ob.notify.notification.value.oui, ob.notify.notification.value.serialNumber, ob.notify.notification.value.agentSupportedProtocolVersions],
    [identity.ManufacturerOUI, identity.SerialNumber, '1.0,1.1,1.2,1.3,1.4']);
  // Not resent once the agent has handled our NotifyResp. A resend the agent sent before it read
  // the NotifyResp (a stalled machine: legitimate) reaches us before the ACK of our NotifyResp on
  // the same socket pair, so only one heard after that ACK is a fault: no machine speed can fail
  // this. The 2.5 s we then watch cover the 1-2 s retry window (a slower machine may watch less
  // of it, never fail); the exact timing is pinned on a virtual clock in
  // test/notify/e2e-timing.test.ts.
  const ackedAt = await c2.ackOf(ob.msgId);
  await new Promise((r) => setTimeout(r, 2500));
  const onboards = c2.heard.filter((h) => h.notify.notification.case === 'onBoardReq');
  assert.deepEqual(onboards.filter((h) => h.at > ackedAt).map((h) => h.msgId), [], 'acknowledged: not resent');
  assert.ok(onboards.every((h) => h.msgId === ob.msgId), 'any resend is the same Notify (same msg_id)');

  // Periodic! for Controller 2 only, again and again (each a new Notify). The 1 s interval is
  // pinned on the virtual clock (test/notify/e2e-timing.test.ts): arrival times on a machine
  // shared with other test processes measure its scheduler, not the agent.
  await subscribe(c2, 'tick', 'Event', 'Device.LocalAgent.Periodic!');
  await set(c2, 'Device.LocalAgent.Controller.2.', 'PeriodicNotifInterval', '1');
  const from = c2.heard.length;
  const p1 = await c2.next(is('event', 'tick'), 15_000, from);
  const p2 = await c2.next(is('event', 'tick'), 15_000, c2.heard.indexOf(p1) + 1);
  assert.ok(p2.at >= p1.at && p2.msgId !== p1.msgId, `two ticks: ${p1.msgId}, ${p2.msgId}`);
  assert.deepEqual([v(p1).objPath, v(p1).eventName, v(p2).eventName], ['Device.LocalAgent.', 'Periodic!', 'Periodic!']);
  assert.ok(!c1.heard.some((h) => h.notify.notification.case === 'event' && h.notify.notification.value.eventName === 'Periodic!'));

  // Restart of the process: Boot! (LocalReboot) to the persistent subscription, then the
  // non-persistent 'vc' (and c2's 'tick') are removed — their ObjectDeletion comes after Boot!.
  await agent.stop();
  const mark = c1.heard.length;
  await agent.start();
  const boot = await c1.next((n) => n.subscriptionId === 'boot' && bootOf(n), 8000, mark);
  assert.equal(boot.notify.notification.case === 'event' && boot.notify.notification.value.params.Cause, 'LocalReboot');
  assert.equal(boot.notify.notification.case === 'event' && boot.notify.notification.value.params.ParameterMap, JSON.stringify({ 'Device.DeviceInfo.SoftwareVersion': identity.SoftwareVersion }));
  const subGone = await c1.next((n) => is('objDeletion', 'gone')(n) && n.notification.case === 'objDeletion' && /Subscription/.test(n.notification.value.objPath), 8000, mark);
  assert.ok(c1.heard.indexOf(subGone) > c1.heard.indexOf(boot), 'Boot! first');
  const ids = body(await ask(c1, { reqType: { case: 'get', value: { paramPaths: ['Device.LocalAgent.Subscription.*.ID'], maxDepth: 0 } } }, Header_MsgType.GET));
  const kept = ids.case === 'getResp' ? ids.value.reqPathResults[0].resolvedPathResults.map((x) => x.resultParams.ID).sort() : [];
  assert.deepEqual(kept, ['boot', 'factory-boot', 'gone', 'life', 'ops']);

  // Reboot() over USP: OperateResp, then the simulator restarts in-process; Boot! says RemoteReboot.
  const mark2 = c1.heard.length;
  const mark2c2 = c2.heard.length;
  const rb = await operate(c1, 'Device.Reboot()', 'rk-1');
  assert.equal(rb!.operationResp.case, 'reqOutputArgs');
  await agent.ready();
  const boot2 = await c1.next((n) => n.subscriptionId === 'boot' && bootOf(n), 8000, mark2);
  assert.deepEqual(boot2.notify.notification.case === 'event' && [boot2.notify.notification.value.params.Cause, boot2.notify.notification.value.params.CommandKey],
    ['RemoteReboot', 'rk-1']);
  // Controller 2's factory-provisioned subscription hears this Boot! too. Each Controller's Notify
  // needs its own session after the restart (over DTLS, a handshake each), so c2's may arrive
  // after c1's: wait for it, or it would pass for the FactoryReset's Boot! below.
  const boot2c2 = await c2.next((n) => n.subscriptionId === 'factory-boot' && bootOf(n), 8000, mark2c2);
  assert.equal(v(boot2c2).params.Cause, 'RemoteReboot');

  // FactoryReset(): back to the factory defaults; the factory-provisioned subscription of
  // Controller 2 hears Boot! with RemoteFactoryReset and the key (the cause survives the wipe).
  const mark3 = c2.heard.length;
  await set(c1, 'Device.DeviceInfo.', 'FriendlyName', 'before-reset');
  await operate(c1, 'Device.FactoryReset()', 'fr-1');
  await agent.ready();
  const boot3 = await c2.next((n) => n.subscriptionId === 'factory-boot' && bootOf(n), 8000, mark3);
  assert.deepEqual([v(boot3).params.Cause, v(boot3).params.CommandKey, v(boot3).params.ParameterMap],
    ['RemoteFactoryReset', 'fr-1', '{"Device.DeviceInfo.FriendlyName":"tinyusp demo"}']);
  const after = body(await ask(c1, { reqType: { case: 'get', value: { paramPaths: ['Device.LocalAgent.Subscription.*.ID'], maxDepth: 0 } } }, Header_MsgType.GET));
  assert.deepEqual(after.case === 'getResp' ? after.value.reqPathResults[0].resolvedPathResults.map((x) => x.resultParams.ID) : [], ['factory-boot']);
  passed = true;
}
