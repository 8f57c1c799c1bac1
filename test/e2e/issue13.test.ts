// Issue 13's five wrong answers, end to end: the real agent process (Node simulator and XS
// runner) over CoAP on loopback, a known Controller (full access, listening for notifications on
// the port its Controller.1.MTP.1 names) and Controllers the agent does not know. The fixture
// (test/e2e/fixtures/issue13-defaults.json) gives the Untrusted role only the challenge
// permissions of examples/demo-defaults.json and one Challenge row. Every wait is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType, type Msg, type Notify } from '../../gen/usp/usp-msg_pb.ts';
import { Controller, UspTimeoutError } from '../../tools/controller/controller.ts';
import { launchAgent, type Engine as AgentEngine, type LaunchedAgent } from './launch.ts';
import { security, transportsFor } from './transport.ts';

const root = new URL('../..', import.meta.url).pathname;
const AGENT_ID = 'proto::tinyusp-e2e';
type Req = Parameters<Controller['request']>[2];

function respOf(m: Msg) {
  const b = m.body!.msgBody;
  if (b.case !== 'response') throw new Error(b.case === 'error' ? `USP error ${b.value.errCode}: ${b.value.errMsg}` : 'not a response');
  return b.value.respType;
}
const get = (paths: string[]): Req => ({ reqType: { case: 'get', value: { paramPaths: paths, maxDepth: 0 } } });
const operate = (command: string, inputArgs: { [k: string]: string } = {}): Req => ({ reqType: { case: 'operate', value: { command, commandKey: '', sendResp: true, inputArgs } } });
const add = (obj: string, settings: { [k: string]: string }): Req => ({ reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: obj,
  paramSettings: Object.entries(settings).map(([param, value]) => ({ param, value, required: true })) }] } } });
const set = (obj: string, param: string, value: string): Req => ({ reqType: { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: obj, paramSettings: [{ param, value, required: true }] }] } } });

/** All result_params of a GetResp, merged (path → value). */
function params(m: Msg): { [path: string]: string } {
  const r = respOf(m);
  const out: { [path: string]: string } = {};
  if (r.case !== 'getResp') throw new Error('not a GetResp');
  for (const rp of r.value.reqPathResults) for (const x of rp.resolvedPathResults) for (const [k, v] of Object.entries(x.resultParams)) out[x.resolvedPath + k] = v;
  return out;
}

for (const engine of ['node', 'xs'] as AgentEngine[]) for (const transport of transportsFor(engine)) test(`given the agent on ${engine}, then the five answers of issue 13 are right over ${transport === 'coaps' ? 'CoAP over DTLS' : 'CoAP'}`, { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-i13-'));
  const sec = security(transport, dir, AGENT_ID, ['proto::controller-1', 'proto::stranger']);
  const heard: Notify[] = [];
  const c1 = await Controller.open({ endpointId: 'proto::controller-1', port: 0, timeoutMs: 8000, dtls: sec.controller('proto::controller-1'), onNotify: (n) => { heard.push(n); } });
  // A Controller the agent does not know: over DTLS, certified by the same CA.
  const stranger = await Controller.open({ endpointId: 'proto::stranger', port: 0, timeoutMs: 8000, dtls: sec.controller('proto::stranger') });
  // Over DTLS the impostor presents the agent's own certificate, so its from_id passes the
  // certificate check and meets R-ARC.2.
  const impostor = await Controller.open({ endpointId: AGENT_ID, port: 0, timeoutMs: 8000, dtls: sec.agentCertificate() });
  const defaults = join(dir, 'defaults.json');
  writeFileSync(defaults, sec.defaults(readFileSync(join(root, 'test/e2e/fixtures/issue13-defaults.json'), 'utf8')
    .replace(/"\$\{C1_PORT\}"/, `"${/:(\d+)\//.exec(c1.uri)![1]}"`)));
  let proc: LaunchedAgent | undefined;
  t.after(async () => {
    await proc?.stop().catch(() => {});
    for (const c of [c1, stranger, impostor]) c.close();
    rmSync(dir, { recursive: true, force: true });
  });
  proc = await launchAgent({ engine, defaultsFile: defaults, stateDir: join(dir, 'state'), readyTimeoutMs: 60_000, securityArgs: sec.agentArgs });
  let uri = proc.uri;
  const ask = (c: Controller, req: Req, type: Header_MsgType, ms?: number) => c.request(uri, AGENT_ID, req, type, ms);

  await t.test('1. a Record whose from_id is our own Endpoint ID is not processed and not answered', async () => {
    const mine = ask(impostor, add('Device.LocalAgent.Subscription.', { ID: 'from-myself', NotifType: 'Event', ReferenceList: 'Device.Boot!' }), Header_MsgType.ADD, 2500);
    await assert.rejects(mine, UspTimeoutError);
    const subs = params(await ask(c1, get(['Device.LocalAgent.Subscription.*.ID', 'Device.LocalAgent.Controller.*.EndpointID']), Header_MsgType.GET));
    assert.ok(!Object.values(subs).includes('from-myself'), 'nothing was processed');
    assert.ok(!Object.values(subs).includes(AGENT_ID), 'no Controller row for ourselves');
  });

  await t.test('2. an unknown Controller gets a row with AssignedRole = UntrustedRole and climbs with a challenge', async () => {
    // Untrusted may read the challenges' Alias/Description and nothing else.
    const visible = params(await ask(stranger, get(['Device.LocalAgent.ControllerTrust.Challenge.*.Alias']), Header_MsgType.GET));
    assert.deepEqual(visible, { 'Device.LocalAgent.ControllerTrust.Challenge.1.Alias': 'operator' });
    const hidden = respOf(await ask(stranger, get(['Device.DeviceInfo.FriendlyName']), Header_MsgType.GET));
    assert.ok(hidden.case === 'getResp' && hidden.value.reqPathResults[0].resolvedPathResults.length === 0);
    const row = params(await ask(c1, get(['Device.LocalAgent.Controller.[EndpointID=="proto::stranger"].AssignedRole']), Header_MsgType.GET));
    assert.deepEqual(Object.values(row), ['Device.LocalAgent.ControllerTrust.Role.2']);
    const path = Object.keys(row)[0].replace(/AssignedRole$/, '');

    const challenge = respOf(await ask(stranger, operate('Device.LocalAgent.ControllerTrust.RequestChallenge()', { ChallengeRef: 'Device.LocalAgent.ControllerTrust.Challenge.1' }), Header_MsgType.OPERATE));
    assert.equal(challenge.case, 'operateResp');
    const out = challenge.case === 'operateResp' ? challenge.value.operationResults[0].operationResp : undefined;
    assert.equal(out?.case, 'reqOutputArgs');
    const args = out?.case === 'reqOutputArgs' ? out.value.outputArgs : {};
    assert.equal(Buffer.from(args.Instruction, 'base64').toString(), 'Enter the operator passphrase');
    const answer = (value: string) => ask(stranger, operate('Device.LocalAgent.ControllerTrust.ChallengeResponse()', { ChallengeID: args.ChallengeID, Value: Buffer.from(value).toString('base64') }), Header_MsgType.OPERATE);
    const wrong = respOf(await answer('guess'));
    assert.ok(wrong.case === 'operateResp' && wrong.value.operationResults[0].operationResp.case === 'cmdFailure');
    const right = respOf(await answer('open-sesame'));
    assert.ok(right.case === 'operateResp' && right.value.operationResults[0].operationResp.case === 'reqOutputArgs', 'the right passphrase is accepted');
    assert.deepEqual(Object.values(params(await ask(c1, get([path + 'AssignedRole']), Header_MsgType.GET))), ['Device.LocalAgent.ControllerTrust.Role.1']);
    assert.deepEqual(Object.values(params(await ask(stranger, get(['Device.DeviceInfo.FriendlyName']), Header_MsgType.GET))), ['tinyusp demo']);
    // The passphrase never reads back.
    assert.deepEqual(Object.values(params(await ask(stranger, get(['Device.LocalAgent.ControllerTrust.Challenge.1.Value']), Header_MsgType.GET))), ['']);
  });

  await t.test('3. Add of a Subscription with Alias=88InvalidAlias fails (7012 on Alias) and creates nothing', async () => {
    const m = await ask(c1, add('Device.LocalAgent.Subscription.', { Alias: '88InvalidAlias', ID: 'bad-alias', NotifType: 'Event', ReferenceList: 'Device.Boot!' }), Header_MsgType.ADD);
    const b = m.body!.msgBody;
    assert.equal(b.case, 'error');
    assert.deepEqual(b.case === 'error' && b.value.paramErrs.map((e) => [e.paramPath.replace(/^.*\./, ''), e.errCode]), [['Alias', 7012]]);
    const ids = params(await ask(c1, get(['Device.LocalAgent.Subscription.*.ID']), Header_MsgType.GET));
    assert.ok(!Object.values(ids).includes('bad-alias'));
  });

  await t.test('4. Alias is write-once after its cpe- value; GetSupportedDM reports it READ_WRITE', async () => {
    respOf(await ask(c1, add('Device.LocalAgent.Subscription.', { ID: 'alias-test', NotifType: 'Event', ReferenceList: 'Device.Boot!' }), Header_MsgType.ADD));
    const row = 'Device.LocalAgent.Subscription.[ID=="alias-test"].';
    assert.match(Object.values(params(await ask(c1, get([row + 'Alias']), Header_MsgType.GET)))[0], /^cpe-/);
    respOf(await ask(c1, set(row, 'Alias', 'named'), Header_MsgType.SET));
    const again = (await ask(c1, set(row, 'Alias', 'renamed'), Header_MsgType.SET)).body!.msgBody;
    assert.equal(again.case, 'error');
    assert.deepEqual(again.case === 'error' && again.value.paramErrs.map((e) => e.errCode), [7013]);
    assert.deepEqual(Object.values(params(await ask(c1, get([row + 'Alias']), Header_MsgType.GET))), ['named']);
    const gsdm = respOf(await ask(c1, { reqType: { case: 'getSupportedDm', value: { objPaths: ['Device.LocalAgent.Subscription.{i}.Alias'] } } }, Header_MsgType.GET_SUPPORTED_DM));
    const p = gsdm.case === 'getSupportedDmResp' ? gsdm.value.reqObjResults[0].supportedObjs[0].supportedParams : [];
    assert.deepEqual(p.map((x) => [x.paramName, x.access]), [['Alias', 1 /* PARAM_READ_WRITE */]]);
  });

  await t.test('5. Boot! reaches a non-persistent subscription with BootFirmwareImage as a BootParameter, then it is removed', async () => {
    respOf(await ask(c1, add('Device.LocalAgent.Controller.1.BootParameter.', { Enable: 'true', ParameterName: 'Device.DeviceInfo.BootFirmwareImage' }), Header_MsgType.ADD));
    respOf(await ask(c1, add('Device.LocalAgent.Subscription.', { Enable: 'true', ID: 'np-boot', NotifType: 'Event', ReferenceList: 'Device.Boot!' }), Header_MsgType.ADD));
    const image = Object.values(params(await ask(c1, get(['Device.DeviceInfo.BootFirmwareImage']), Header_MsgType.GET)))[0];
    assert.match(image, /^Device\.DeviceInfo\.FirmwareImage\.\d+$/);
    const mark = heard.length;
    respOf(await ask(c1, operate('Device.Reboot()'), Header_MsgType.OPERATE));
    uri = (await proc!.nextReady(20_000)).uri;
    const end = performance.now() + 8000;
    let boot: Notify | undefined;
    while (!boot && performance.now() < end) {
      boot = heard.slice(mark).find((n) => n.subscriptionId === 'np-boot' && n.notification.case === 'event' && n.notification.value.eventName === 'Boot!');
      if (!boot) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(boot, 'Boot! arrived for the non-persistent subscription');
    const map = JSON.parse(boot.notification.case === 'event' ? boot.notification.value.params.ParameterMap : '{}');
    assert.equal(map['Device.DeviceInfo.BootFirmwareImage'], image);
    const ids = params(await ask(c1, get(['Device.LocalAgent.Subscription.*.ID']), Header_MsgType.GET));
    assert.ok(!Object.values(ids).includes('np-boot'), 'removed after Boot! was queued');
  });
});
