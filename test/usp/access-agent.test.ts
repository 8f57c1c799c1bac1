// Access control end to end: ControllerTrust roles as the Controller sees them (R-SEC.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAgent, call, respOf, errOf, get, getValue, plain, testDefaults, CONTROLLER_ID, READER_ID } from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';

const LA = 'Device.LocalAgent.';
const STRANGER = 'proto::stranger';
const agent = (extra: { [p: string]: string } = {}) => startAgent({ model: [miniModel], defaults: testDefaults(extra) });

test('an unknown Controller gets the UntrustedRole: DeviceInfo readable, the rest not present', () => {
  const t = agent();
  assert.equal(getValue(t, 'Device.DeviceInfo.SerialNumber', STRANGER), 'SN0001');
  const r = get(t, ['Device.'], 0, STRANGER).reqPathResults[0];
  assert.equal(r.errCode, 0);
  assert.deepEqual(r.resolvedPathResults.map((x: any) => x.resolvedPath), ['Device.DeviceInfo.']);
  // an explicitly named unreadable parameter → 7006
  assert.equal(get(t, [LA + 'EndpointID'], 0, STRANGER).reqPathResults[0].errCode, 7006);
});

test('unreadable parameters are absent from an object Get (R-GET.1) and from search terms', () => {
  const T = 'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.';
  const t = agent({ [T + 'Enable']: 'true', [T + 'Order']: '9', [T + 'Targets']: 'Device.DeviceInfo.Secret,Device.LocalAgent.Controller.*.EndpointID', [T + 'Param']: '----' });
  const params = get(t, ['Device.DeviceInfo.'], 0, READER_ID).reqPathResults[0].resolvedPathResults[0].resultParams;
  assert.ok(!params.has('Secret'));
  assert.equal(params.get('SerialNumber'), 'SN0001');
  // the full-access Controller still sees it
  assert.equal(getValue(t, 'Device.DeviceInfo.Secret'), 's3cret');
  // a search on an unreadable parameter matches nothing for the reader
  const s = get(t, [LA + 'Controller.[EndpointID=="proto::reader"].Enable'], 0, READER_ID).reqPathResults[0];
  assert.equal(s.errCode, 0);
  assert.equal(s.resolvedPathResults.length, 0);
  // GetInstances leaves the unreadable key out (R-GIN.1)
  const gi = respOf(call(t, { case: 'getInstances', value: { objPaths: [LA + 'Controller.'], firstLevelOnly: true } }, READER_ID), 'getInstancesResp');
  assert.deepEqual([...gi.reqPathResults[0].currInsts[0].uniqueKeys.keys()], ['Alias']);
});

test('a write without permission → 7006 (Set param error, Add, Delete, Operate cmd_failure)', () => {
  const t = agent();
  const set = call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'x', required: true }] }] } }, READER_ID);
  const e = errOf(set);
  assert.equal(e.paramErrs[0].errCode, 7006);
  const setP = respOf(call(t, { case: 'set', value: { allowPartial: true, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'x', required: false }] }] } }, READER_ID), 'setResp');
  assert.equal(setP.updatedObjResults[0].operStatus.operStatus.value.updatedInstResults[0].paramErrs[0].errCode, 7006);
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), '');
  assert.equal(errOf(call(t, { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: LA + 'Subscription.', paramSettings: [] }] } }, READER_ID)).errCode, 7006);
  assert.equal(errOf(call(t, { case: 'delete', value: { allowPartial: false, objPaths: [LA + 'Controller.1.'] } }, READER_ID)).errCode, 7006);
  const op = respOf(call(t, { case: 'operate', value: { command: 'Device.Echo()', commandKey: '', sendResp: true, inputArgs: new Map([['Text', 'a']]) } }, READER_ID), 'operateResp');
  assert.deepEqual([op.operationResults[0].operationResp.case, op.operationResults[0].operationResp.value.errCode], ['cmdFailure', 7006]);
});

test('GSDM reflects the Controller\'s permissions; unreadable objects are not present (R-GSP.0)', () => {
  const t = agent();
  const reader = respOf(call(t, { case: 'getSupportedDm', value: { objPaths: [LA + 'Controller.'], firstLevelOnly: true, returnCommands: false, returnEvents: false, returnParams: true, returnUniqueKeySets: false } }, READER_ID), 'getSupportedDmResp');
  assert.equal(reader.reqObjResults[0].supportedObjs[0].access, 0); // OBJ_READ_ONLY for a read-only role
  assert.ok(reader.reqObjResults[0].supportedObjs[0].supportedParams.every((p: any) => p.access === 0));
  const stranger = respOf(call(t, { case: 'getSupportedDm', value: { objPaths: [LA], firstLevelOnly: false, returnCommands: false, returnEvents: false, returnParams: true, returnUniqueKeySets: false } }, STRANGER), 'getSupportedDmResp');
  assert.equal(stranger.reqObjResults[0].errCode, 7026);
  // an unreadable root still lists the readable objects below it
  const root = respOf(call(t, { case: 'getSupportedDm', value: { objPaths: ['Device.'], firstLevelOnly: false, returnCommands: true, returnEvents: false, returnParams: true, returnUniqueKeySets: false } }, STRANGER), 'getSupportedDmResp');
  assert.equal(root.reqObjResults[0].errCode, 0);
  assert.deepEqual(root.reqObjResults[0].supportedObjs.map((o: any) => o.supportedObjPath), ['Device.DeviceInfo.']);
});

test('ControllerTrust changes apply at once: a new AssignedRole grants write access', () => {
  const t = agent();
  const before = errOf(call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'x', required: true }] }] } }, READER_ID));
  assert.equal(before.paramErrs[0].errCode, 7006);
  respOf(call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: LA + 'Controller.2.', paramSettings: [{ param: 'AssignedRole', value: 'Device.LocalAgent.ControllerTrust.Role.1', required: true }] }] } }), 'setResp');
  respOf(call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'x', required: true }] }] } }, READER_ID), 'setResp');
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), 'x');
  // and disabling the role's permission takes it away again
  respOf(call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.LocalAgent.ControllerTrust.Role.1.', paramSettings: [{ param: 'Enable', value: 'false', required: true }] }] } }), 'setResp');
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName', READER_ID), undefined);
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName', CONTROLLER_ID), undefined);
});

test('Records from a disabled Controller are dropped without an answer', () => {
  const t = agent({ [LA + 'Controller.2.Enable']: 'false' });
  assert.equal(call(t, { case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }, READER_ID), undefined);
  assert.ok(getValue(t, 'Device.DeviceInfo.SerialNumber'));
  assert.deepEqual(plain({}), {});
});
