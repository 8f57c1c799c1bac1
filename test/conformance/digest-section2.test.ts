// Conformance walk of usp-spec-digest.md §2 ("Messages: Agent-side processing checklist"),
// item by item, against the real agent core with the default TR-181 model (src/model) and a
// test Controller. Each row names the checklist item it checks; a fresh agent per row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Header_MsgType, UspRecord_PayloadSecurity, type Msg } from '../../src/codec/index.ts';
import {
  startAgent, call, respOf, errOf, get, getValue, plain, requestMsg, encodeMsgBytes, recordOf, sendRecord,
  encodeRecordBytes, testDefaults, CONTROLLER_ID, AGENT_ID, type TestAgent,
} from '../support/usp-harness.ts';
import { decodeMsg } from '../../src/codec/index.ts';

const LA = 'Device.LocalAgent.';
const C1 = LA + 'Controller.1.';

function agent(): TestAgent {
  return startAgent({
    defaults: testDefaults({
      [C1 + 'MTP.1.Protocol']: 'CoAP',
      [C1 + 'MTP.1.CoAP.Host']: '127.0.0.1',
      [C1 + 'BootParameter.1.ParameterName']: 'Device.DeviceInfo.SoftwareVersion',
      [C1 + 'BootParameter.2.ParameterName']: 'Device.DeviceInfo.ModelName',
    }),
  });
}

type S = { param: string; value: string; required: boolean };
const r = (param: string, value: string): S => ({ param, value, required: true });
const o = (param: string, value: string): S => ({ param, value, required: false });
const setMsg = (t: TestAgent, allowPartial: boolean, objPath: string, ...paramSettings: S[]) =>
  call(t, { case: 'set', value: { allowPartial, updateObjs: [{ objPath, paramSettings }] } });
const addMsg = (t: TestAgent, allowPartial: boolean, ...createObjs: { objPath: string; paramSettings: S[] }[]) =>
  call(t, { case: 'add', value: { allowPartial, createObjs } });
const delMsg = (t: TestAgent, allowPartial: boolean, ...objPaths: string[]) => call(t, { case: 'delete', value: { allowPartial, objPaths } });
const operate = (t: TestAgent, command: string, inputArgs: { [k: string]: string } = {}, sendResp = true) =>
  call(t, { case: 'operate', value: { command, commandKey: 'key-1', sendResp, inputArgs: new Map(Object.entries(inputArgs)) } });
const gsdm = (t: TestAgent, path: string, firstLevelOnly = false) =>
  respOf(call(t, { case: 'getSupportedDm', value: { objPaths: [path], firstLevelOnly, returnCommands: true, returnEvents: true, returnParams: true, returnUniqueKeySets: true } }), 'getSupportedDmResp').reqObjResults[0];
const gi = (t: TestAgent, path: string, firstLevelOnly: boolean) =>
  respOf(call(t, { case: 'getInstances', value: { objPaths: [path], firstLevelOnly } }), 'getInstancesResp').reqPathResults[0];
const paths = (rp: any) => rp.resolvedPathResults.map((x: any) => x.resolvedPath);
function rawReply(t: TestAgent, bytes: Uint8Array): Msg | undefined {
  const { reply } = sendRecord(t, recordOf(bytes));
  return reply && reply.recordType.case === 'noSessionContext' ? decodeMsg(reply.recordType.value.payload) : undefined;
}

const rows: [string, (t: TestAgent) => void][] = [
  // §2.0 General
  ['§2.0 R-MSG.6/7: a Msg without a body → Error 7004', (t) => {
    assert.equal(errOf(rawReply(t, encodeMsgBytes({ header: { msgId: 'x', msgType: Header_MsgType.GET } }))).errCode, 7004);
  }],
  ['§2.0 R-MSG.9: the response reuses the request msg_id', (t) => {
    assert.equal(call(t, { case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.2' } }, CONTROLLER_ID, 'id-77')?.header?.msgId, 'id-77');
  }],
  ['§2.0 1.1+: msg_type is informational, the body oneof wins', (t) => {
    const m = requestMsg({ case: 'get', value: { paramPaths: [LA + 'EndpointID'], maxDepth: 0 } });
    m.header!.msgType = Header_MsgType.OPERATE;
    assert.equal(respOf(rawReply(t, encodeMsgBytes(m)), 'getResp').reqPathResults[0].resolvedPathResults[0].resultParams.get('EndpointID'), AGENT_ID);
  }],
  ['§2.0 R-MSG.0: Operate with send_resp=false gets no response (the command still runs)', (t) => {
    assert.equal(operate(t, 'Device.SelfTestDiagnostics()', {}, false), undefined);
    assert.equal(getValue(t, LA + 'RequestNumberOfEntries'), '1');
  }],
  ['§2.0 R-MSG.0a@1.3: the answer comes in a no_session_context Record like the request', (t) => {
    const { reply } = sendRecord(t, recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }))));
    assert.equal(reply?.recordType.case, 'noSessionContext');
    assert.equal(reply?.toId, CONTROLLER_ID);
  }],
  ['§2.0 R-MSG.1: a message type the Agent does not handle (Register) → Error 7001', (t) => {
    assert.equal(errOf(call(t, { case: 'register', value: { allowPartial: true, regPaths: [] } })).errCode, 7001);
  }],
  ['§2.0 R-MSG.4: a duplicate msg_id while the original is pending is silently ignored', (t) => {
    const bytes = encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }, 'same'));
    assert.ok(rawReply(t, bytes));
    assert.equal(rawReply(t, bytes), undefined);
  }],
  ['§2.0 R-MSG.3: key-addressed input → instance numbers in the output', (t) => {
    const rp = get(t, [LA + 'Controller.[EndpointID=="proto::reader"].Enable']).reqPathResults[0];
    assert.deepEqual(paths(rp), [LA + 'Controller.2.']);
  }],
  ['§2.0 R-ENC.6: booleans read back as "true"/"false" ("1"/"0" accepted on input)', (t) => {
    respOf(setMsg(t, false, C1 + 'MTP.1.', r('Enable', '1')), 'setResp');
    assert.equal(getValue(t, C1 + 'MTP.1.Enable'), 'true');
  }],
  ['§2.0 R-ENC.2: an unknown enum value in the Record → MTP bad request (CoAP 4.00)', (t) => {
    const bytes = encodeRecordBytes(recordOf(new Uint8Array([1]), CONTROLLER_ID, AGENT_ID, { payloadSecurity: 9 as UspRecord_PayloadSecurity }));
    assert.deepEqual(t.agent.handleRecord(bytes, {}), { mtpError: 'bad-record' });
  }],
  ['§2.0 R-ENC.3-5: a Msg oneof set twice → Error 7004', (t) => {
    const id = [...Buffer.from('two')];
    const header = [0x0a, id.length, ...id];
    const body = [0x0a, 0x00, 0x1a, 0x00]; // request and error
    assert.equal(errOf(rawReply(t, new Uint8Array([0x0a, header.length, ...header, 0x12, body.length, ...body]))).errCode, 7004);
  }],
  ['§2.0 R-SEC.1: what a Controller cannot read is not present (UntrustedRole sees DeviceInfo only)', (t) => {
    const rp = get(t, ['Device.'], 0, 'proto::unknown').reqPathResults[0];
    assert.ok(paths(rp).every((p: string) => p.startsWith('Device.DeviceInfo.')));
    assert.ok(paths(rp).length >= 1);
  }],
  ['§2.0 Error carries err_code, err_msg and param_errs (Set, allow_partial=false)', (t) => {
    const e = errOf(setMsg(t, false, 'Device.DeviceInfo.', r('FriendlyName', 'x'.repeat(33))));
    assert.ok(e.errMsg.length > 0);
    assert.deepEqual(e.paramErrs.map((p: any) => p.paramPath), ['Device.DeviceInfo.FriendlyName']);
  }],
  // §2.1 Error codes: what we answer stays inside each message's allowed list (1.4.1)
  ['§2.1 Get errors ⊂ {7000–7006, 7008, 7010, 7016, 7026}', (t) => {
    const allowed = [7000, 7001, 7002, 7003, 7004, 7005, 7006, 7008, 7010, 7016, 7026];
    const bad = ['Device..X', 'Device.Nope', 'Device.LocalAgent.Controller.9.Enable', 'Device.LocalAgent.Controller.[Nope==1].', 'Device.Reboot()', 'Device.LocalAgent.Controller.{i}.'];
    for (const rp of get(t, bad).reqPathResults) assert.ok(rp.errCode !== 0 && allowed.includes(rp.errCode), rp.requestedPath + ' → ' + rp.errCode);
    for (const rp of get(t, bad, 0, 'proto::unknown').reqPathResults) assert.ok(allowed.includes(rp.errCode), rp.requestedPath);
  }],
  ['§2.1 Delete errors ⊂ {7000–7008, 7015, 7016, 7018, 7024, 7026}', (t) => {
    const allowed = [7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7015, 7016, 7018, 7024, 7026];
    const bad = ['Device..', 'Device.Nope.1.', 'Device.DeviceInfo.', LA + 'Controller.', 'Device.DeviceInfo.FirmwareImage.1.'];
    const r = respOf(delMsg(t, true, ...bad), 'deleteResp');
    // One result per requested path, each of them an error: a row that deleted something or
    // reported nothing would make the allowed-list check below vacuous.
    assert.deepEqual(r.deletedObjResults.map((d: any) => d.requestedPath), bad);
    for (const d of r.deletedObjResults) {
      const st = d.operStatus.operStatus;
      const codes = st.case === 'operFailure' ? [st.value.errCode] : st.value.unaffectedPathErrs.map((u: any) => u.errCode);
      if (st.case === 'operSuccess') assert.deepEqual(st.value.affectedPaths, [], d.requestedPath + ' deleted something');
      assert.ok(codes.length > 0, d.requestedPath + ' → no error');
      for (const c of codes) assert.ok(c !== 0 && allowed.includes(c), d.requestedPath + ' → ' + c);
    }
    assert.equal(getValue(t, C1 + 'EndpointID'), CONTROLLER_ID, 'Controller.1 still there');
  }],
  ['§2.1 Operate errors ⊂ {7000–7008, 7016, 7022, 7026, 7027}', (t) => {
    const allowed = [7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7016, 7022, 7026, 7027];
    for (const cmd of ['Device.Nope()', 'Device..Reboot()', 'Device.LocalAgent.Request.5.Cancel()', 'Device.DeviceInfo.']) {
      assert.ok(allowed.includes(errOf(operate(t, cmd)).errCode), cmd);
    }
  }],
  // §2.2 Get
  ['§2.2 R-GET.2/3: parameter path → parent object as resolved_path, relative key', (t) => {
    const rp = get(t, ['Device.DeviceInfo.SerialNumber']).reqPathResults[0];
    assert.deepEqual(paths(rp), ['Device.DeviceInfo.']);
    assert.deepEqual(plain(rp.resolvedPathResults[0].resultParams), { SerialNumber: 'SN0001' });
  }],
  ['§2.2 1.2+: object path → one resolved_path per object and sub-object', (t) => {
    const rp = get(t, [C1]).reqPathResults[0];
    assert.deepEqual(paths(rp), [C1, C1 + 'TransferCompletePolicy.', C1 + 'MTP.1.', C1 + 'MTP.1.CoAP.', C1 + 'BootParameter.1.', C1 + 'BootParameter.2.']);
    assert.equal(rp.resolvedPathResults[3].resultParams.get('Host'), '127.0.0.1');
  }],
  ['§2.2 R-GET.5@1.2: max_depth=1 → the object only; 2 → plus first-level sub-objects', (t) => {
    assert.deepEqual(paths(get(t, [C1], 1).reqPathResults[0]), [C1]);
    assert.deepEqual(paths(get(t, [C1], 2).reqPathResults[0]), [C1, C1 + 'TransferCompletePolicy.', C1 + 'MTP.1.', C1 + 'BootParameter.1.', C1 + 'BootParameter.2.']);
  }],
  ['§2.2 R-GET.0: a path not in the Supported DM → 7026', (t) => {
    assert.equal(get(t, ['Device.DeviceInfo.NoSuchThing']).reqPathResults[0].errCode, 7026);
  }],
  ['§2.2 R-GET.0@1.3: a non-search path to a missing instance → 7026 (digest §2.13)', (t) => {
    assert.equal(get(t, [LA + 'Controller.99.']).reqPathResults[0].errCode, 7026);
  }],
  ['§2.2 R-GET.1a: a valid search matching nothing → empty resolved_path_results', (t) => {
    const rp = get(t, [LA + 'Controller.[EndpointID=="nobody"].Enable']).reqPathResults[0];
    assert.equal(rp.errCode, 0);
    assert.equal(rp.resolvedPathResults.length, 0);
  }],
  ['§2.2 R-GET.1b: a table with zero instances → no error, empty result', (t) => {
    const rp = get(t, [LA + 'Subscription.']).reqPathResults[0];
    assert.equal(rp.errCode, 0);
    assert.equal(rp.resolvedPathResults.length, 0);
  }],
  ['§2.2 TP-469 1.41/1.42: a failing path errs in its own result, the others succeed', (t) => {
    const rs = get(t, ['Device.Nope.', 'Device.DeviceInfo.Manufacturer']).reqPathResults;
    assert.equal(rs[0].errCode, 7026);
    assert.equal(rs[1].errCode, 0);
    assert.equal(rs[1].resolvedPathResults[0].resultParams.get('Manufacturer'), 'tinyusp');
  }],
  ['§2.2 overlapping requested paths are each evaluated independently', (t) => {
    const rs = get(t, ['Device.DeviceInfo.', 'Device.DeviceInfo.SerialNumber']).reqPathResults;
    assert.equal(rs.length, 2);
    assert.equal(rs[0].resolvedPathResults[0].resultParams.get('SerialNumber'), rs[1].resolvedPathResults[0].resultParams.get('SerialNumber'));
  }],
  // §2.3 GetInstances
  ['§2.3 first_level_only=true → only the addressed table; false → every descendant instance', (t) => {
    assert.deepEqual(gi(t, LA + 'Controller.', true).currInsts.map((c: any) => c.instantiatedObjPath), [C1, LA + 'Controller.2.']);
    const all = gi(t, LA + 'Controller.', false).currInsts.map((c: any) => c.instantiatedObjPath);
    assert.deepEqual(all, [C1, C1 + 'MTP.1.', C1 + 'BootParameter.1.', C1 + 'BootParameter.2.', LA + 'Controller.2.']);
  }],
  ['§2.3 R-GIN.1: unique_keys holds all unique-key parameters (relative names)', (t) => {
    assert.deepEqual([...gi(t, LA + 'Controller.', true).currInsts[0].uniqueKeys.keys()].sort(), ['Alias', 'EndpointID']);
  }],
  ['§2.3 not a table → 7018; not supported → 7026; search without match → empty', (t) => {
    assert.equal(gi(t, 'Device.DeviceInfo.', true).errCode, 7018);
    assert.equal(gi(t, 'Device.Nope.', true).errCode, 7026);
    const s = gi(t, LA + 'Controller.[Alias=="none"].', true);
    assert.equal(s.errCode, 0);
    assert.equal(s.currInsts.length, 0);
  }],
  // §2.4 GetSupportedDM
  ['§2.4 Device.X.{i}.Y. / Device.X.{i}.Y.{i}. / instance paths are equivalent inputs', (t) => {
    for (const p of [LA + 'Controller.{i}.MTP.', LA + 'Controller.{i}.MTP.{i}.', LA + 'Controller.1.MTP.']) {
      assert.equal(gsdm(t, p).supportedObjs[0].supportedObjPath, LA + 'Controller.{i}.MTP.{i}.', p);
    }
  }],
  ['§2.4 first_level_only=true → the object plus immediate children without params/commands/events (TP-469 1.73/1.74)', (t) => {
    const res = gsdm(t, LA, true);
    assert.equal(res.supportedObjs[0].supportedObjPath, LA);
    assert.ok(res.supportedObjs[0].supportedParams.length > 0);
    for (const c of res.supportedObjs.slice(1)) {
      assert.equal(c.supportedParams.length + c.supportedCommands.length + c.supportedEvents.length, 0);
      assert.equal(c.supportedObjPath.split('.').filter((x: string) => x && x !== '{i}').length, 3, c.supportedObjPath);
    }
  }],
  ['§2.4 names are relative: commands with "()", events with "!"; command_type and value_type set', (t) => {
    const root = gsdm(t, 'Device.', true).supportedObjs[0];
    const cmds = root.supportedCommands.map((c: any) => c.commandName);
    assert.ok(cmds.includes('Reboot()') && cmds.includes('SelfTestDiagnostics()'));
    assert.equal(root.supportedCommands.find((c: any) => c.commandName === 'SelfTestDiagnostics()').commandType, 2);
    assert.equal(root.supportedCommands.find((c: any) => c.commandName === 'Reboot()').commandType, 1);
    assert.ok(root.supportedEvents.some((e: any) => e.eventName === 'Boot!'));
    const di = gsdm(t, 'Device.DeviceInfo.').supportedObjs[0];
    assert.equal(di.supportedParams.find((p: any) => p.paramName === 'UpTime').valueType, 9);
    assert.equal(di.supportedParams.find((p: any) => p.paramName === 'FriendlyName').access, 1);
  }],
  ['§2.4 1.4: unique_key_sets populated', (t) => {
    assert.deepEqual(gsdm(t, LA + 'Controller.').supportedObjs[0].uniqueKeySets.map((k: any) => k.keyNames), [['Alias'], ['EndpointID']]);
  }],
  ['§2.4 TP-469 1.77: an unsupported path → err_code 7026 in that result', (t) => {
    assert.equal(gsdm(t, 'Device.Nope.').errCode, 7026);
  }],
  // §2.5 GetSupportedProtocol
  ['§2.5 agent_supported_protocol_versions = "1.0,1.1,1.2,1.3,1.4"', (t) => {
    const v = respOf(call(t, { case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.3' } }), 'getSupportedProtocolResp');
    assert.equal(v.agentSupportedProtocolVersions, '1.0,1.1,1.2,1.3,1.4');
  }],
  // §2.6 Add
  ['§2.6 R-ADD.5: unique keys the Controller left out are generated and returned', (t) => {
    const ok = respOf(addMsg(t, false, { objPath: C1 + 'BootParameter.', paramSettings: [r('ParameterName', 'Device.DeviceInfo.UpTime')] }), 'addResp').createdObjResults[0].operStatus.operStatus;
    assert.equal(ok.case, 'operSuccess');
    assert.equal(ok.value.instantiatedPath, C1 + 'BootParameter.3.');
    assert.ok(ok.value.uniqueKeys.get('Alias').length > 0);
    assert.equal(ok.value.uniqueKeys.get('ParameterName'), 'Device.DeviceInfo.UpTime');
  }],
  ['§2.6 R-ADD.4: a failed non-required param → instance created, failure in param_errs', (t) => {
    const ok = respOf(addMsg(t, false, { objPath: LA + 'Controller.', paramSettings: [r('EndpointID', 'proto::c3'), o('PeriodicNotifInterval', '0')] }), 'addResp').createdObjResults[0].operStatus.operStatus;
    assert.equal(ok.case, 'operSuccess');
    assert.deepEqual(ok.value.paramErrs.map((p: any) => p.param), ['PeriodicNotifInterval']);
  }],
  ['§2.6 R-ADD.3: a failed required param (allow_partial=true) → oper_failure 7021', (t) => {
    const f = respOf(addMsg(t, true, { objPath: LA + 'Controller.', paramSettings: [r('PeriodicNotifInterval', '0')] }), 'addResp').createdObjResults[0].operStatus.operStatus;
    assert.equal(f.case, 'operFailure');
    assert.equal(f.value.errCode, 7021);
    assert.equal(getValue(t, LA + 'ControllerNumberOfEntries'), '2');
  }],
  ['§2.6 TP-469 1.6/1.7: multi-object Add, allow_partial=false, one failure → Error and no object created', (t) => {
    const e = errOf(addMsg(t, false,
      { objPath: LA + 'Subscription.', paramSettings: [r('ID', 'a')] },
      { objPath: LA + 'Subscription.', paramSettings: [r('NotifType', 'Sometimes')] }));
    assert.equal(e.errCode, 7021);
    assert.equal(getValue(t, LA + 'SubscriptionNumberOfEntries'), '0');
  }],
  ['§2.6 obj_path must be a writable table: read-only table → 7019, not a table → 7018', (t) => {
    assert.equal(errOf(addMsg(t, false, { objPath: LA + 'Request.', paramSettings: [] })).errCode, 7019);
    assert.equal(errOf(addMsg(t, false, { objPath: 'Device.DeviceInfo.', paramSettings: [] })).errCode, 7018);
  }],
  ['§2.6 a duplicate unique key → failure 7025 in param_errs', (t) => {
    const e = errOf(addMsg(t, false, { objPath: LA + 'Controller.', paramSettings: [r('EndpointID', CONTROLLER_ID)] }));
    assert.equal(e.paramErrs[0].errCode, 7025);
  }],
  // §2.7 Set
  ['§2.7 updated_params lists every parameter set, including ones set to their existing value', (t) => {
    const ok = respOf(setMsg(t, false, C1, r('Enable', 'true'), r('PeriodicNotifInterval', '60')), 'setResp').updatedObjResults[0].operStatus.operStatus;
    assert.deepEqual(plain(ok.value.updatedInstResults[0].updatedParams), { Enable: 'true', PeriodicNotifInterval: '60' });
  }],
  ['§2.7 R-MSG.4a: a search matching nothing → oper_success{}', (t) => {
    const ok = respOf(setMsg(t, false, LA + 'Subscription.*.', r('Enable', 'true')), 'setResp').updatedObjResults[0].operStatus.operStatus;
    assert.equal(ok.case, 'operSuccess');
    assert.equal(ok.value.updatedInstResults.length, 0);
  }],
  ['§2.7 R-SET.2a@1.3: a multi-object search is holistic: one failure undoes all of that obj_path', (t) => {
    // Controller.2 gets a clashing Alias, Controller.1 would have changed PeriodicNotifInterval
    respOf(setMsg(t, false, LA + 'Controller.2.', r('Alias', 'two')), 'setResp');
    const f = respOf(setMsg(t, true, LA + 'Controller.*.', r('PeriodicNotifInterval', '77'), r('Alias', 'two')), 'setResp').updatedObjResults[0].operStatus.operStatus;
    assert.equal(f.case, 'operFailure');
    assert.ok(f.value.updatedInstFailures.some((x: any) => x.affectedPath === C1));
    assert.equal(getValue(t, LA + 'Controller.2.PeriodicNotifInterval'), '86400');
  }],
  ['§2.7 TP-469 1.14/1.15: allow_partial=false, required param fails → Error with param_errs, nothing changes', (t) => {
    const e = errOf(setMsg(t, false, 'Device.DeviceInfo.', r('ProvisioningCode', 'p1'), r('FriendlyName', 'x'.repeat(40))));
    assert.ok(e.paramErrs.length >= 1);
    assert.equal(getValue(t, 'Device.DeviceInfo.ProvisioningCode'), '');
  }],
  ['§2.7 TP-469 1.17: a non-required param fails → success with param_errs', (t) => {
    const ok = respOf(setMsg(t, false, 'Device.DeviceInfo.', r('ProvisioningCode', 'p1'), o('FriendlyName', 'x'.repeat(40))), 'setResp').updatedObjResults[0].operStatus.operStatus;
    assert.equal(ok.case, 'operSuccess');
    assert.deepEqual(ok.value.updatedInstResults[0].paramErrs.map((p: any) => p.param), ['FriendlyName']);
    assert.equal(getValue(t, 'Device.DeviceInfo.ProvisioningCode'), 'p1');
  }],
  ['§2.7 1.3+: a writeOnceReadOnly parameter already set is rejected', (t) => {
    const sub = respOf(addMsg(t, false, { objPath: LA + 'Subscription.', paramSettings: [r('ID', 's'), r('NotifType', 'ValueChange'), r('ReferenceList', 'Device.DeviceInfo.FriendlyName')] }), 'addResp').createdObjResults[0].operStatus.operStatus.value.instantiatedPath;
    const e = errOf(setMsg(t, false, sub, r('ReferenceList', 'Device.DeviceInfo.ProvisioningCode')));
    assert.equal(e.paramErrs[0].errCode, 7013);
  }],
  // §2.8 Delete
  ['§2.8 affected_paths lists every deleted instance including sub-object instances', (t) => {
    const ok = respOf(delMsg(t, false, C1), 'deleteResp').deletedObjResults[0].operStatus.operStatus;
    assert.deepEqual(ok.value.affectedPaths, [C1, C1 + 'MTP.1.', C1 + 'BootParameter.1.', C1 + 'BootParameter.2.']);
  }],
  ['§2.8 R-DEL.2a / TP-469 1.25: a valid path resolving to nothing → oper_success, empty affected_paths', (t) => {
    for (const p of [LA + 'Subscription.*.', LA + 'Controller.99.']) {
      const ok = respOf(delMsg(t, false, p), 'deleteResp').deletedObjResults[0].operStatus.operStatus;
      assert.equal(ok.case, 'operSuccess', p);
      assert.deepEqual(ok.value.affectedPaths, []);
    }
  }],
  ['§2.8 TP-469 1.26/1.30: not in the supported DM → Error naming the path / oper_failure with allow_partial', (t) => {
    assert.equal(errOf(delMsg(t, false, 'Device.Nope.1.')).paramErrs[0].paramPath, 'Device.Nope.1.');
    const f = respOf(delMsg(t, true, 'Device.Nope.1.'), 'deleteResp').deletedObjResults[0].operStatus.operStatus;
    assert.deepEqual([f.case, f.value.errCode], ['operFailure', 7026]);
  }],
  ['§2.8 R-DEL.3: a matched instance that fails to delete → unaffected_path_errs (allow_partial=true)', (t) => {
    operate(t, 'Device.SelfTestDiagnostics()');
    const ok = respOf(delMsg(t, true, LA + 'Request.*.'), 'deleteResp').deletedObjResults[0].operStatus.operStatus;
    assert.equal(ok.case, 'operSuccess');
    assert.deepEqual(ok.value.unaffectedPathErrs.map((u: any) => u.unaffectedPath), [LA + 'Request.1.']);
  }],
  ['§2.8 R-ARC.12: deleting a referenced instance clears strong references', (t) => {
    respOf(delMsg(t, false, LA + 'ControllerTrust.Role.3.'), 'deleteResp');
    assert.equal(getValue(t, LA + 'Controller.2.AssignedRole'), '');
  }],
  // §2.9 Operate
  ['§2.9 R-OPR.1: a per-command failure is cmd_failure, never an Error (7027 missing mandatory arg, R-OPR.5@1.4)', (t) => {
    const res = respOf(operate(t, 'Device.ScheduleTimer()', {}), 'operateResp').operationResults[0];
    assert.equal(res.operationResp.case, 'cmdFailure');
    assert.equal(res.operationResp.value.errCode, 7027);
  }],
  ['§2.9 an unknown command path → Error 7026', (t) => {
    assert.equal(errOf(operate(t, 'Device.Explode()')).errCode, 7026);
  }],
  ['§2.9 / §5.1 async → req_obj_path = the Device.LocalAgent.Request.{i}. row', (t) => {
    const res = respOf(operate(t, 'Device.SelfTestDiagnostics()'), 'operateResp').operationResults[0];
    assert.equal(res.executedCommand, 'Device.SelfTestDiagnostics()');
    assert.deepEqual([res.operationResp.case, res.operationResp.value], ['reqObjPath', LA + 'Request.1.']);
    assert.equal(getValue(t, LA + 'Request.1.Command'), 'Device.SelfTestDiagnostics()');
  }],
  ['§2.9 / §5.3 sync Reboot() → OperateResp with empty output_args', (t) => {
    const res = respOf(operate(t, 'Device.Reboot()'), 'operateResp').operationResults[0];
    assert.equal(res.operationResp.case, 'reqOutputArgs');
    assert.deepEqual(plain(res.operationResp.value.outputArgs), {});
  }],
  // §2.10 Notify / NotifyResp
  ['§2.10 a NotifyResp from the Controller is accepted without an answer', (t) => {
    const m: Msg = {
      header: { msgId: 'nr', msgType: Header_MsgType.NOTIFY_RESP },
      body: { msgBody: { case: 'response', value: { respType: { case: 'notifyResp', value: { subscriptionId: 'x' } } } } },
    };
    assert.equal(rawReply(t, encodeMsgBytes(m)), undefined);
  }],
  // §2.11 Register / Deregister
  ['§2.11 Deregister received by an Agent → 7001', (t) => {
    assert.equal(errOf(call(t, { case: 'deregister', value: { paths: [] } })).errCode, 7001);
  }],
];

// §2.12 allow_partial × required matrix (Set on Device.DeviceInfo.; bad value = FriendlyName too long)
const GOOD = 'ProvisioningCode';
const matrix: [boolean, 'none' | 'ok' | 'fail', boolean, 'success' | 'success+errs' | 'failure' | 'error'][] = [
  // allow_partial, required params?, other failed?, outcome
  [false, 'none', false, 'success'],
  [true, 'none', true, 'success+errs'],
  [false, 'ok', false, 'success'],
  [true, 'ok', true, 'success+errs'],
  [true, 'fail', false, 'failure'],
  [false, 'fail', false, 'error'],
];
for (const [allowPartial, required, otherFailed, outcome] of matrix) {
  rows.push([`§2.12 allow_partial=${allowPartial}, required=${required}, other failed=${otherFailed} → ${outcome}`, (t) => {
    const settings: S[] = [o(GOOD, 'v')];
    if (required === 'ok') settings.push(r('FriendlyName', 'fine'));
    if (required === 'fail') settings.push(r('FriendlyName', 'x'.repeat(40)));
    if (otherFailed) settings.push(o('UpTime', '3'));
    const m = setMsg(t, allowPartial, 'Device.DeviceInfo.', ...settings);
    if (outcome === 'error') {
      assert.ok(errOf(m).paramErrs.length > 0);
      assert.equal(getValue(t, 'Device.DeviceInfo.' + GOOD), '');
      return;
    }
    const st = respOf(m, 'setResp').updatedObjResults[0].operStatus.operStatus;
    if (outcome === 'failure') {
      assert.deepEqual([st.case, st.value.errCode], ['operFailure', 7021]);
      assert.ok(st.value.updatedInstFailures[0].paramErrs.length > 0);
      assert.equal(getValue(t, 'Device.DeviceInfo.' + GOOD), '');
      return;
    }
    assert.equal(st.case, 'operSuccess');
    assert.equal(st.value.updatedInstResults[0].paramErrs.length, outcome === 'success+errs' ? 1 : 0);
    assert.equal(getValue(t, 'Device.DeviceInfo.' + GOOD), 'v');
  }]);
}

for (const [name, run] of rows) test(name, () => run(agent()));

test('the table covers every §2 subsection', () => {
  for (const s of ['§2.0', '§2.2', '§2.3', '§2.4', '§2.5', '§2.6', '§2.7', '§2.8', '§2.9', '§2.10', '§2.11', '§2.12']) {
    assert.ok(rows.some(([n]) => n.startsWith(s + ' ')), s);
  }
});
