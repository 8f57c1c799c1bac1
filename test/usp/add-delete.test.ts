import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAgent, call, respOf, errOf, getValue, get, plain, testDefaults, READER_ID } from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';

const LA = 'Device.LocalAgent.';
const agent = () =>
  startAgent({
    model: [miniModel],
    defaults: testDefaults({ [LA + 'Controller.1.MTP.1.Protocol']: 'CoAP', [LA + 'Controller.1.MTP.2.Protocol']: 'WebSocket' }),
  });
type T = ReturnType<typeof agent>;
type S = { param: string; value: string; required: boolean };
const add = (t: T, allowPartial: boolean, ...createObjs: { objPath: string; paramSettings: S[] }[]) => call(t, { case: 'add', value: { allowPartial, createObjs } });
const del = (t: T, allowPartial: boolean, ...objPaths: string[]) => call(t, { case: 'delete', value: { allowPartial, objPaths } });
const s = (param: string, value: string, required = true): S => ({ param, value, required });

test('Add: the new instance path and all unique keys, generated ones included (R-ADD.5)', () => {
  const t = agent();
  const r = respOf(add(t, false, { objPath: LA + 'Controller.', paramSettings: [s('EndpointID', 'proto::new'), s('Enable', 'true')] }), 'addResp');
  const ok = r.createdObjResults[0].operStatus.operStatus;
  assert.equal(r.createdObjResults[0].requestedPath, LA + 'Controller.');
  assert.equal(ok.case, 'operSuccess');
  assert.equal(ok.value.instantiatedPath, LA + 'Controller.3.');
  assert.equal(ok.value.uniqueKeys.get('EndpointID'), 'proto::new');
  assert.ok(ok.value.uniqueKeys.get('Alias').length > 0, 'Alias generated');
  assert.equal(getValue(t, LA + 'Controller.3.Enable'), 'true');
});

test('Add: a failing non-required param → created anyway, failure in param_errs (R-ADD.4)', () => {
  const t = agent();
  const r = respOf(add(t, false, { objPath: LA + 'Controller.', paramSettings: [s('EndpointID', 'proto::n2'), s('PeriodicNotifInterval', '0', false)] }), 'addResp');
  const ok = r.createdObjResults[0].operStatus.operStatus;
  assert.equal(ok.case, 'operSuccess');
  assert.deepEqual(ok.value.paramErrs.map((p: any) => p.param), ['PeriodicNotifInterval']);
  assert.equal(getValue(t, ok.value.instantiatedPath + 'PeriodicNotifInterval'), '86400');
});

test('Add allow_partial=false: one object fails → Error and no object created (TP-469 1.6/1.7)', () => {
  const t = agent();
  const e = errOf(add(t, false,
    { objPath: LA + 'Controller.', paramSettings: [s('EndpointID', 'proto::a')] },
    { objPath: LA + 'Controller.', paramSettings: [s('PeriodicNotifInterval', '0')] }));
  assert.equal(e.errCode, 7021);
  assert.ok(e.paramErrs.length >= 1);
  assert.equal(getValue(t, LA + 'ControllerNumberOfEntries'), '2');
});

test('Add allow_partial=true: the failing object gets oper_failure, the other is created', () => {
  const t = agent();
  const r = respOf(add(t, true,
    { objPath: LA + 'Controller.', paramSettings: [s('EndpointID', 'proto::a')] },
    { objPath: LA + 'Controller.', paramSettings: [s('EndpointID', 'proto::controller-1')] }), 'addResp');
  assert.equal(r.createdObjResults[0].operStatus.operStatus.case, 'operSuccess');
  assert.equal(r.createdObjResults[1].operStatus.operStatus.case, 'operFailure');
  assert.equal(r.createdObjResults[1].operStatus.operStatus.value.errCode, 7021); // 7025 on the key, as a required setting
  assert.equal(getValue(t, LA + 'ControllerNumberOfEntries'), '3');
});

test('Add on a read-only table (7019) and on a non-table (7018)', () => {
  const t = agent();
  assert.equal(errOf(add(t, false, { objPath: LA + 'Request.', paramSettings: [] })).errCode, 7019);
  assert.equal(errOf(add(t, false, { objPath: 'Device.DeviceInfo.', paramSettings: [] })).errCode, 7018);
});

test('Delete: affected_paths include deleted sub-instances, in instance-number form', () => {
  const t = agent();
  const r = respOf(del(t, false, LA + 'Controller.[EndpointID=="proto::controller-1"].'), 'deleteResp');
  const ok = r.deletedObjResults[0].operStatus.operStatus;
  assert.equal(ok.case, 'operSuccess');
  assert.deepEqual(ok.value.affectedPaths, [LA + 'Controller.1.', LA + 'Controller.1.MTP.1.', LA + 'Controller.1.MTP.2.']);
  // Controller.1 was the requester; the reader (Controller.2) sees one row left
  assert.equal(getValue(t, LA + 'ControllerNumberOfEntries', READER_ID), '1');
});

test('R-DEL.2a / TP-469 1.25: a valid path resolving to nothing → oper_success with empty affected_paths', () => {
  const t = agent();
  for (const p of [LA + 'Controller.77.', LA + 'Subscription.*.']) {
    const ok = respOf(del(t, false, p), 'deleteResp').deletedObjResults[0].operStatus.operStatus;
    assert.equal(ok.case, 'operSuccess');
    assert.deepEqual(ok.value.affectedPaths, []);
  }
});

test('Delete of a path not in the supported model: allow_partial=false → Error naming it; true → oper_failure', () => {
  const t = agent();
  const e = errOf(del(t, false, 'Device.Nope.1.'));
  assert.equal(e.errCode, 7026);
  assert.equal(e.paramErrs[0].paramPath, 'Device.Nope.1.');
  const r = respOf(del(t, true, 'Device.Nope.1.', LA + 'Controller.2.'), 'deleteResp');
  assert.equal(r.deletedObjResults[0].operStatus.operStatus.case, 'operFailure');
  assert.equal(r.deletedObjResults[0].operStatus.operStatus.value.errCode, 7026);
  assert.deepEqual(r.deletedObjResults[1].operStatus.operStatus.value.affectedPaths, [LA + 'Controller.2.']);
});

test('Delete allow_partial=false: an undeletable instance → Error and nothing deleted', () => {
  const t = agent();
  t.agent.step(0);
  // a read-only table (Request) cannot be deleted from
  call(t, { case: 'operate', value: { command: 'Device.SelfTest()', commandKey: '', sendResp: true, inputArgs: new Map() } });
  const e = errOf(del(t, false, LA + 'Controller.2.', LA + 'Request.1.'));
  assert.equal(e.errCode, 7015);
  assert.equal(getValue(t, LA + 'ControllerNumberOfEntries'), '2');
  // allow_partial=true: the failure goes to unaffected_path_errs, the rest is deleted
  const r = respOf(del(t, true, LA + 'Controller.2.', LA + 'Request.*.'), 'deleteResp');
  assert.deepEqual(r.deletedObjResults[0].operStatus.operStatus.value.affectedPaths, [LA + 'Controller.2.']);
  const un = r.deletedObjResults[1].operStatus.operStatus.value.unaffectedPathErrs;
  assert.deepEqual(un.map((u: any) => [u.unaffectedPath, u.errCode]), [[LA + 'Request.1.', 7015]]);
});

test('Delete of a non-table object → 7018', () => {
  const t = agent();
  assert.equal(errOf(del(t, false, 'Device.DeviceInfo.')).errCode, 7018);
});

test('Add then Get sees the new row; Delete then Get no longer does', () => {
  const t = agent();
  const r = respOf(add(t, false, { objPath: LA + 'Subscription.', paramSettings: [s('ID', 'sub-1')] }), 'addResp');
  const path = r.createdObjResults[0].operStatus.operStatus.value.instantiatedPath;
  assert.equal(getValue(t, path + 'ID'), 'sub-1');
  respOf(del(t, false, path), 'deleteResp');
  assert.equal(get(t, [LA + 'Subscription.']).reqPathResults[0].resolvedPathResults.length, 0);
  assert.deepEqual(plain({}), {});
});
