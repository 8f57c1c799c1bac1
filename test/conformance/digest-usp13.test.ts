// Conformance walk of what usp-spec-digest.md §1.4 lists as new in USP 1.3 and 1.4 for an
// Agent, plus the §4.1 / §9 rules of issue 13, against the real agent core with the default
// TR-181 model and test Controllers. Each row names the rule it checks; a fresh agent per row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsg } from '../../src/codec/index.ts';
import {
  startAgent, call, respOf, errOf, get, getValue, requestMsg, encodeMsgBytes, recordOf, sendRecord, testDefaults,
  AGENT_ID, CONTROLLER_ID, type TestAgent,
} from '../support/usp-harness.ts';

const LA = 'Device.LocalAgent.';
const T = LA + 'ControllerTrust.';
/** May add BootParameters (and write them) under Controller.1 only: per-instance permissions. */
const BP_ONLY = 'proto::bp-only';

function agent(): TestAgent {
  return startAgent({
    defaults: testDefaults({
      [T + 'Role.4.Enable']: 'true',
      [T + 'Role.4.Permission.1.Enable']: 'true',
      [T + 'Role.4.Permission.1.Targets']: LA + 'Controller.1.BootParameter.',
      [T + 'Role.4.Permission.1.Param']: 'rw--',
      [T + 'Role.4.Permission.1.Obj']: 'rw--',
      [T + 'Role.4.Permission.1.InstantiatedObj']: 'rw--',
      [LA + 'Controller.3.Enable']: 'true',
      [LA + 'Controller.3.EndpointID']: BP_ONLY,
      [LA + 'Controller.3.AssignedRole']: T + 'Role.4',
    }),
  });
}

type S = { param: string; value: string; required: boolean };
const r = (param: string, value: string): S => ({ param, value, required: true });
const add = (t: TestAgent, allowPartial: boolean, objPath: string, paramSettings: S[], from = CONTROLLER_ID) =>
  call(t, { case: 'add', value: { allowPartial, createObjs: [{ objPath, paramSettings }] } }, from);
const set = (t: TestAgent, objPath: string, ...paramSettings: S[]) => call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath, paramSettings }] } });
const gsdm = (t: TestAgent, path: string) =>
  respOf(call(t, { case: 'getSupportedDm', value: { objPaths: [path], firstLevelOnly: false, returnCommands: false, returnEvents: false, returnParams: false, returnUniqueKeySets: true } }), 'getSupportedDmResp').reqObjResults[0];
const count = (t: TestAgent, table: string) => get(t, [table]).reqPathResults[0].resolvedPathResults.length;
const bootParams = (t: TestAgent) => count(t, LA + 'Controller.*.BootParameter.');

const rows: [string, (t: TestAgent) => void][] = [
  ['§1.4 1.3 R-ADD.2a: Add with a search path creates an instance in every matching table', (t) => {
    const path = LA + 'Controller.[EndpointID!="proto::bp-only"].BootParameter.';
    const res = respOf(add(t, false, path, [r('ParameterName', 'Device.DeviceInfo.UpTime')]), 'addResp').createdObjResults;
    assert.deepEqual(res.map((x: any) => [x.requestedPath, x.operStatus.operStatus.value.instantiatedPath]), [
      [path, LA + 'Controller.1.BootParameter.1.'],
      [path, LA + 'Controller.2.BootParameter.1.'],
    ]);
    assert.equal(bootParams(t), 2);
  }],
  ['§1.4 1.3 R-ADD.2a: permissions apply per table instance; allow_partial=false → Error, nothing created', (t) => {
    assert.equal(errOf(add(t, false, LA + 'Controller.*.BootParameter.', [r('ParameterName', 'Device.DeviceInfo.UpTime')], BP_ONLY)).errCode, 7006);
    assert.equal(bootParams(t), 0);
    const ok = respOf(add(t, false, LA + 'Controller.1.BootParameter.', [r('ParameterName', 'Device.DeviceInfo.UpTime')], BP_ONLY), 'addResp');
    assert.equal(ok.createdObjResults[0].operStatus.operStatus.case, 'operSuccess');
  }],
  ['§1.4 1.3 R-ADD.2a: allow_partial=true → oper_failure for that obj_path, holistic (no table of it gets a row)', (t) => {
    const f = respOf(add(t, true, LA + 'Controller.*.BootParameter.', [r('ParameterName', 'Device.DeviceInfo.UpTime')], BP_ONLY), 'addResp').createdObjResults;
    assert.deepEqual(f.map((x: any) => [x.operStatus.operStatus.case, x.operStatus.operStatus.value.errCode]), [['operFailure', 7006]]);
    assert.equal(bootParams(t), 0);
  }],
  ['§1.4 1.3 R-MSG.4a: an Add search matching no table → success without an instance', (t) => {
    const ok = respOf(add(t, false, LA + 'Controller.[Enable==false].BootParameter.', [r('ParameterName', 'Device.DeviceInfo.UpTime')]), 'addResp').createdObjResults;
    assert.deepEqual(ok.map((x: any) => [x.operStatus.operStatus.case, x.operStatus.operStatus.value.instantiatedPath]), [['operSuccess', '']]);
  }],
  ['§1.4 1.3 R-KEY.1 / §2.7: a non-functional key (Alias) is immutable once assigned: Set → 7013, value unchanged', (t) => {
    // While it holds the Agent's cpe- value, the Controller may assign it once...
    assert.equal(getValue(t, T + 'Role.1.Alias'), 'cpe-1');
    respOf(set(t, T + 'Role.1.', r('Alias', 'full')), 'setResp');
    // ...then it is fixed.
    const e = errOf(set(t, T + 'Role.1.', r('Alias', 'renamed')));
    assert.deepEqual(e.paramErrs.map((p: any) => [p.paramPath, p.errCode]), [[T + 'Role.1.Alias', 7013]]);
    assert.equal(getValue(t, T + 'Role.1.Alias'), 'full');
    respOf(set(t, T + 'Role.1.', r('Alias', 'full')), 'setResp'); // the same value is not a change
    // Functional keys stay writable (EndpointID).
    respOf(set(t, LA + 'Controller.2.', r('EndpointID', 'proto::reader-2')), 'setResp');
  }],
  ['TR-181 Alias: must start with a letter, in every table (7012)', (t) => {
    for (const table of [LA + 'Subscription.', LA + 'Controller.1.BootParameter.', T + 'Role.']) {
      const e = errOf(add(t, false, table, [r('Alias', '88InvalidAlias')]));
      assert.deepEqual(e.paramErrs.map((p: any) => p.errCode), [7012], table);
    }
  }],
  ['§1.4 1.4: GetSupportedDM return_unique_key_sets, and on a parameter / command / event path only that element', (t) => {
    assert.deepEqual(gsdm(t, LA + 'Subscription.').supportedObjs[0].uniqueKeySets.map((k: any) => k.keyNames), [['Alias'], ['Recipient', 'ID']]);
    const p = gsdm(t, LA + 'Subscription.{i}.TriggerAction').supportedObjs[0];
    assert.deepEqual([p.supportedParams.map((x: any) => x.paramName), p.supportedCommands.length, p.supportedEvents.length], [['TriggerAction'], 0, 0]);
    const c = gsdm(t, T + 'RequestChallenge()').supportedObjs[0];
    assert.deepEqual([c.supportedParams.length, c.supportedCommands.map((x: any) => [x.commandName, x.inputArgNames, x.outputArgNames])],
      [0, [['RequestChallenge()', ['ChallengeRef', 'RequestExpiration'], ['Instruction', 'InstructionType', 'ValueType', 'ChallengeID']]]]);
    assert.deepEqual(gsdm(t, 'Device.Boot!').supportedObjs[0].supportedEvents.map((x: any) => x.eventName), ['Boot!']);
    assert.equal(gsdm(t, 'Device.NoSuch()').errCode, 7026);
  }],
  ['§1.4 1.3 / §4.1: Subscription TriggerAction (Notify default, Config, NotifyAndConfig) and TriggerConfigSettings', (t) => {
    const ok = respOf(add(t, false, LA + 'Subscription.', [r('ID', 'tc'), r('TriggerAction', 'NotifyAndConfig'), r('TriggerConfigSettings', '{"Device.DeviceInfo.FriendlyName":"x"}')]), 'addResp');
    const path = ok.createdObjResults[0].operStatus.operStatus.value.instantiatedPath;
    assert.equal(getValue(t, path + 'TriggerAction'), 'NotifyAndConfig');
    assert.equal(errOf(add(t, false, LA + 'Subscription.', [r('TriggerAction', 'Sometimes')])).paramErrs[0].errCode, 7012);
  }],
  ['§4.2 Device:2.17: Controller.{i}.OnBoardingComplete is writable, OnBoardingRestartTime exists', (t) => {
    respOf(set(t, LA + 'Controller.1.', r('OnBoardingComplete', 'true'), r('OnBoardingRestartTime', '600')), 'setResp');
    assert.deepEqual([getValue(t, LA + 'Controller.1.OnBoardingComplete'), getValue(t, LA + 'Controller.1.OnBoardingRestartTime')], ['true', '600']);
  }],
  ['§1.4 1.4 R-OPR.5: a missing mandatory argument → cmd_failure 7027 inside OperateResp', (t) => {
    const res = respOf(call(t, { case: 'operate', value: { command: 'Device.ScheduleTimer()', commandKey: '', sendResp: true, inputArgs: new Map() } }), 'operateResp').operationResults[0];
    assert.deepEqual([res.operationResp.case, res.operationResp.value.errCode], ['cmdFailure', 7027]);
  }],
  ['§1.4 1.4 R-DEL.1 / §2.13: Delete of a missing instance, allow_partial=false → empty oper_success (TP-469 1.25)', (t) => {
    const res = respOf(call(t, { case: 'delete', value: { allowPartial: false, objPaths: [LA + 'Subscription.9.'] } }), 'deleteResp').deletedObjResults[0];
    assert.deepEqual([res.operStatus.operStatus.case, res.operStatus.operStatus.value.affectedPaths], ['operSuccess', []]);
  }],
  ['§2.5 / §6.1: versions 1.0–1.4 advertised; every Record we send says version 1.4', (t) => {
    const m = requestMsg({ case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.4' } });
    const { reply } = sendRecord(t, recordOf(encodeMsgBytes(m)));
    assert.equal(reply?.version, '1.4');
    const resp = respOf(decodeMsg((reply!.recordType.value as { payload: Uint8Array }).payload), 'getSupportedProtocolResp');
    assert.equal(resp.agentSupportedProtocolVersions, '1.0,1.1,1.2,1.3,1.4');
  }],
  ['§9.1 R-ARC.2: a Record from our own Endpoint ID is not processed and not answered', (t) => {
    const m = requestMsg({ case: 'add', value: { allowPartial: false, createObjs: [{ objPath: LA + 'Subscription.', paramSettings: [r('ID', 'me')] }] } });
    const { out, reply } = sendRecord(t, recordOf(encodeMsgBytes(m), AGENT_ID));
    assert.deepEqual([out.mtpError, reply], [undefined, undefined]);
    assert.equal(count(t, LA + 'Subscription.'), 0);
    assert.ok(t.hal.logs.some((l) => /own Endpoint ID/.test(l)));
  }],
  ['§9.3 Determine-role: an unknown Controller gets a stored Controller row with AssignedRole = UntrustedRole', (t) => {
    get(t, ['Device.DeviceInfo.SerialNumber'], 0, 'proto::new-one');
    const row = get(t, [LA + 'Controller.[EndpointID=="proto::new-one"].AssignedRole']).reqPathResults[0].resolvedPathResults;
    assert.equal(row[0].resultParams.get('AssignedRole'), T + 'Role.2');
  }],
];

for (const [name, run] of rows) test(name, () => run(agent()));
