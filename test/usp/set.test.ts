import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAgent, call, respOf, errOf, getValue, plain, testDefaults } from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';

const agent = () =>
  startAgent({
    model: [miniModel],
    defaults: testDefaults({
      'Device.LocalAgent.Controller.1.MTP.1.Protocol': 'CoAP',
      'Device.LocalAgent.Controller.1.MTP.2.Protocol': 'CoAP',
    }),
  });

type S = { param: string; value: string; required: boolean };
const upd = (objPath: string, ...paramSettings: S[]) => ({ objPath, paramSettings });
const set = (t: ReturnType<typeof agent>, allowPartial: boolean, ...updateObjs: ReturnType<typeof upd>[]) =>
  call(t, { case: 'set', value: { allowPartial, updateObjs } });
const req = (param: string, value: string): S => ({ param, value, required: true });
const opt = (param: string, value: string): S => ({ param, value, required: false });

test('given a writable parameter, when Set, then updated_params holds it with the value after update', () => {
  const t = agent();
  const r = respOf(set(t, false, upd('Device.DeviceInfo.', req('FriendlyName', 'kitchen'))), 'setResp');
  const ok = r.updatedObjResults[0].operStatus.operStatus;
  assert.equal(ok.case, 'operSuccess');
  assert.equal(ok.value.updatedInstResults[0].affectedPath, 'Device.DeviceInfo.');
  assert.deepEqual(plain(ok.value.updatedInstResults[0].updatedParams), { FriendlyName: 'kitchen' });
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), 'kitchen');
});

test('updated_params includes parameters set to their existing value', () => {
  const t = agent();
  const r = respOf(set(t, false, upd('Device.DeviceInfo.', req('FriendlyName', ''), req('ProvisioningCode', 'abc'))), 'setResp');
  const inst = r.updatedObjResults[0].operStatus.operStatus.value.updatedInstResults[0];
  assert.deepEqual(plain(inst.updatedParams), { FriendlyName: '', ProvisioningCode: 'abc' });
});

test('§2.12 allow_partial=false, required param fails → Error with param_errs, nothing changes', () => {
  const t = agent();
  const m = set(t, false, upd('Device.DeviceInfo.', req('FriendlyName', 'ok'), req('ProvisioningCode', 'far-too-long')));
  const e = errOf(m);
  assert.equal(e.errCode, 7021);
  assert.equal(e.paramErrs.length, 1);
  assert.equal(e.paramErrs[0].paramPath, 'Device.DeviceInfo.ProvisioningCode');
  assert.equal(e.paramErrs[0].errCode, 7012);
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), '');
});

test('§2.12 allow_partial=true, required param fails → oper_failure 7021 with updated_inst_failures; other objects succeed', () => {
  const t = agent();
  const r = respOf(
    set(t, true, upd('Device.DeviceInfo.', req('FriendlyName', 'ok'), req('ProvisioningCode', 'far-too-long')), upd('Device.LocalAgent.Controller.2.', req('Enable', 'false'))),
    'setResp',
  );
  const [a, b] = r.updatedObjResults;
  assert.equal(a.operStatus.operStatus.case, 'operFailure');
  assert.equal(a.operStatus.operStatus.value.errCode, 7021);
  assert.equal(a.operStatus.operStatus.value.updatedInstFailures[0].affectedPath, 'Device.DeviceInfo.');
  assert.equal(a.operStatus.operStatus.value.updatedInstFailures[0].paramErrs[0].param, 'ProvisioningCode');
  assert.equal(b.operStatus.operStatus.case, 'operSuccess');
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), ''); // the failed object left nothing behind
  assert.equal(getValue(t, 'Device.LocalAgent.Controller.2.Enable'), 'false');
});

test('§2.12 a non-required param fails → success with param_errs, the rest applied', () => {
  for (const allowPartial of [false, true]) {
    const t = agent();
    const r = respOf(set(t, allowPartial, upd('Device.DeviceInfo.', req('FriendlyName', 'yes'), opt('UpTime', '5'), opt('Bogus', '1'))), 'setResp');
    const inst = r.updatedObjResults[0].operStatus.operStatus.value.updatedInstResults[0];
    assert.deepEqual(inst.paramErrs.map((p: any) => [p.param, p.errCode]), [['UpTime', 7013], ['Bogus', 7010]]);
    assert.deepEqual(plain(inst.updatedParams), { FriendlyName: 'yes' });
    assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), 'yes');
  }
});

test('R-SET.2a: a search over several objects is holistic: one required failure undoes them all', () => {
  const t = agent();
  // a value outside the Protocol enum fails on every matched instance
  const r = respOf(set(t, true, upd('Device.LocalAgent.Controller.1.MTP.*.', req('Enable', 'true'), req('Protocol', 'Carrier-Pigeon'))), 'setResp');
  const f = r.updatedObjResults[0].operStatus.operStatus;
  assert.equal(f.case, 'operFailure');
  assert.deepEqual(f.value.updatedInstFailures.map((x: any) => x.affectedPath), ['Device.LocalAgent.Controller.1.MTP.1.', 'Device.LocalAgent.Controller.1.MTP.2.']);
  assert.equal(getValue(t, 'Device.LocalAgent.Controller.1.MTP.1.Enable'), 'false');
});

test('R-SET.2a: partial failure of one matched instance still undoes the other instance', () => {
  const t = agent();
  respOf(set(t, false, upd('Device.LocalAgent.Controller.1.MTP.2.', req('Alias', 'taken'))), 'setResp');
  // Setting Alias "taken" on every MTP: MTP.1 clashes (7025) with MTP.2's key → whole obj_path fails
  const r = respOf(set(t, true, upd('Device.LocalAgent.Controller.1.MTP.*.', req('Enable', 'true'), req('Alias', 'taken'))), 'setResp');
  assert.equal(r.updatedObjResults[0].operStatus.operStatus.case, 'operFailure');
  assert.equal(getValue(t, 'Device.LocalAgent.Controller.1.MTP.2.Enable'), 'false');
});

test('R-MSG.4a: a search matching nothing → oper_success without instances', () => {
  const t = agent();
  const r = respOf(set(t, false, upd('Device.LocalAgent.Controller.[EndpointID=="nobody"].', req('Enable', 'true'))), 'setResp');
  const s = r.updatedObjResults[0].operStatus.operStatus;
  assert.equal(s.case, 'operSuccess');
  assert.equal(s.value.updatedInstResults.length, 0);
});

test('Set on a path outside the supported model → Error 7026 (allow_partial=false) or oper_failure (true)', () => {
  const t = agent();
  const e = errOf(set(t, false, upd('Device.Nope.', req('X', '1'))));
  assert.equal(e.errCode, 7026);
  assert.equal(e.paramErrs[0].paramPath, 'Device.Nope.');
  const r = respOf(set(t, true, upd('Device.Nope.', req('X', '1'))), 'setResp');
  assert.equal(r.updatedObjResults[0].operStatus.operStatus.value.errCode, 7026);
});

test('Set on a missing instance → 7016', () => {
  const t = agent();
  assert.equal(errOf(set(t, false, upd('Device.LocalAgent.Controller.42.', req('Enable', 'true')))).errCode, 7016);
});
