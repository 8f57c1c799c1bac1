import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAgent, call, respOf, plain, testDefaults } from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';
import {
  GetSupportedDMResp_CmdType, GetSupportedDMResp_ObjAccessType, GetSupportedDMResp_ParamAccessType,
  GetSupportedDMResp_ParamValueType, GetSupportedDMResp_ValueChangeType,
} from '../../src/codec/index.ts';

const LA = 'Device.LocalAgent.';
const agent = () => startAgent({ model: [miniModel], defaults: testDefaults({ [LA + 'Controller.1.MTP.1.Protocol']: 'CoAP' }) });
type T = ReturnType<typeof agent>;
const gsdm = (t: T, paths: string[], o: Partial<{ firstLevelOnly: boolean; returnCommands: boolean; returnEvents: boolean; returnParams: boolean; returnUniqueKeySets: boolean }> = {}) =>
  respOf(call(t, { case: 'getSupportedDm', value: { objPaths: paths, firstLevelOnly: false, returnCommands: true, returnEvents: true, returnParams: true, returnUniqueKeySets: true, ...o } }), 'getSupportedDmResp');
const gi = (t: T, paths: string[], firstLevelOnly: boolean) =>
  respOf(call(t, { case: 'getInstances', value: { objPaths: paths, firstLevelOnly } }), 'getInstancesResp');

test('GetSupportedProtocol → "1.0,1.1,1.2,1.3,1.4"', () => {
  const t = agent();
  const r = respOf(call(t, { case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.0,1.3' } }), 'getSupportedProtocolResp');
  assert.equal(r.agentSupportedProtocolVersions, '1.0,1.1,1.2,1.3,1.4');
});

test('GSDM: supported paths with {i}, access, multi-instance, params with value_type/value_change, unique key sets', () => {
  const t = agent();
  const r = gsdm(t, [LA + 'Controller.']).reqObjResults[0];
  assert.equal(r.errCode, 0);
  assert.ok(r.dataModelInstUri.startsWith('urn:broadband-forum-org:tr-181-'));
  const objs = r.supportedObjs.map((o: any) => o.supportedObjPath);
  assert.deepEqual(objs, [LA + 'Controller.{i}.', LA + 'Controller.{i}.MTP.{i}.']);
  const c = r.supportedObjs[0];
  assert.equal(c.access, GetSupportedDMResp_ObjAccessType.OBJ_ADD_DELETE);
  assert.equal(c.isMultiInstance, true);
  const ep = c.supportedParams.find((p: any) => p.paramName === 'EndpointID');
  assert.equal(ep.access, GetSupportedDMResp_ParamAccessType.PARAM_READ_WRITE);
  assert.equal(ep.valueType, GetSupportedDMResp_ParamValueType.PARAM_STRING);
  const inh = c.supportedParams.find((p: any) => p.paramName === 'InheritedRole');
  assert.equal(inh.access, GetSupportedDMResp_ParamAccessType.PARAM_READ_ONLY);
  assert.deepEqual(c.uniqueKeySets.map((k: any) => k.keyNames), [['Alias'], ['EndpointID']]);
});

test('GSDM: commands with "()" and command_type, events with "!", UpTime WILL_IGNORE', () => {
  const t = agent();
  const r = gsdm(t, ['Device.'], { firstLevelOnly: true }).reqObjResults[0];
  const root = r.supportedObjs[0];
  const echo = root.supportedCommands.find((c: any) => c.commandName === 'Echo()');
  assert.deepEqual(echo.inputArgNames, ['Text', 'Times']);
  assert.equal(echo.commandType, GetSupportedDMResp_CmdType.CMD_SYNC);
  assert.equal(root.supportedCommands.find((c: any) => c.commandName === 'SelfTest()').commandType, GetSupportedDMResp_CmdType.CMD_ASYNC);
  assert.deepEqual(root.supportedEvents.map((e: any) => e.eventName), ['Boot!']);
  // first_level_only: children listed without params, commands, events
  const di = r.supportedObjs.find((o: any) => o.supportedObjPath === 'Device.DeviceInfo.');
  assert.ok(di);
  assert.equal(di.supportedParams.length, 0);
  assert.ok(!r.supportedObjs.some((o: any) => o.supportedObjPath === LA + 'Controller.{i}.'));
  const full = gsdm(t, ['Device.DeviceInfo.']).reqObjResults[0].supportedObjs[0];
  const up = full.supportedParams.find((p: any) => p.paramName === 'UpTime');
  assert.equal(up.valueChange, GetSupportedDMResp_ValueChangeType.VALUE_CHANGE_WILL_IGNORE);
  assert.equal(up.valueType, GetSupportedDMResp_ParamValueType.PARAM_UNSIGNED_INT);
});

test('GSDM: instance paths and {i} forms are equivalent inputs; 1.4 element paths give just that element', () => {
  const t = agent();
  const a = gsdm(t, [LA + 'Controller.1.', LA + 'Controller.{i}.']).reqObjResults;
  assert.equal(a[0].supportedObjs[0].supportedObjPath, LA + 'Controller.{i}.');
  assert.equal(a[1].supportedObjs[0].supportedObjPath, LA + 'Controller.{i}.');
  const e = gsdm(t, ['Device.Echo()']).reqObjResults[0];
  assert.equal(e.errCode, 0);
  assert.equal(e.supportedObjs.length, 1);
  assert.deepEqual(e.supportedObjs[0].supportedCommands.map((c: any) => c.commandName), ['Echo()']);
  assert.equal(e.supportedObjs[0].supportedParams.length, 0);
});

test('GSDM: an unsupported path → 7026 in its own result', () => {
  const t = agent();
  const r = gsdm(t, ['Device.Nope.', 'Device.DeviceInfo.']).reqObjResults;
  assert.equal(r[0].errCode, 7026);
  assert.equal(r[1].errCode, 0);
});

test('GetInstances: first_level_only vs all descendants, with all unique keys (R-GIN.1)', () => {
  const t = agent();
  const one = gi(t, [LA + 'Controller.'], true).reqPathResults[0];
  assert.deepEqual(one.currInsts.map((c: any) => c.instantiatedObjPath), [LA + 'Controller.1.', LA + 'Controller.2.']);
  assert.deepEqual([...one.currInsts[0].uniqueKeys.keys()].sort(), ['Alias', 'EndpointID']);
  assert.equal(one.currInsts[0].uniqueKeys.get('EndpointID'), 'proto::controller-1');
  const all = gi(t, [LA + 'Controller.'], false).reqPathResults[0];
  assert.deepEqual(all.currInsts.map((c: any) => c.instantiatedObjPath), [LA + 'Controller.1.', LA + 'Controller.1.MTP.1.', LA + 'Controller.2.']);
});

test('GetInstances: not a table → 7018; unsupported → 7026; search without match → empty', () => {
  const t = agent();
  const r = gi(t, ['Device.DeviceInfo.', 'Device.Nope.', LA + 'Controller.[EndpointID=="x"].'], true).reqPathResults;
  assert.equal(r[0].errCode, 7018);
  assert.equal(r[1].errCode, 7026);
  assert.equal(r[2].errCode, 0);
  assert.equal(r[2].currInsts.length, 0);
  assert.deepEqual(plain({}), {});
});
