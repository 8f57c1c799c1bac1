import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAgent, get, plain, testDefaults } from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';

const withMtps = () =>
  startAgent({
    model: [miniModel],
    defaults: testDefaults({
      'Device.LocalAgent.Controller.1.MTP.1.Protocol': 'CoAP',
      'Device.LocalAgent.Controller.1.MTP.2.Protocol': 'WebSocket',
    }),
  });

test('R-GET.2/3: a parameter path → resolved_path is the parent object, key the relative name', () => {
  const t = withMtps();
  const r = get(t, ['Device.DeviceInfo.SerialNumber']).reqPathResults[0];
  assert.equal(r.errCode, 0);
  assert.equal(r.resolvedPathResults.length, 1);
  assert.equal(r.resolvedPathResults[0].resolvedPath, 'Device.DeviceInfo.');
  assert.deepEqual(plain(r.resolvedPathResults[0].resultParams), { SerialNumber: 'SN0001' });
});

test('1.2+: an object path gives one resolved_path per object and sub-object, relative keys', () => {
  const t = withMtps();
  const r = get(t, ['Device.LocalAgent.Controller.1.']).reqPathResults[0];
  const paths = r.resolvedPathResults.map((x: any) => x.resolvedPath);
  assert.deepEqual(paths, ['Device.LocalAgent.Controller.1.', 'Device.LocalAgent.Controller.1.MTP.1.', 'Device.LocalAgent.Controller.1.MTP.2.']);
  assert.equal(r.resolvedPathResults[0].resultParams.get('EndpointID'), 'proto::controller-1');
  assert.equal(r.resolvedPathResults[0].resultParams.get('MTPNumberOfEntries'), '2');
  assert.deepEqual([...r.resolvedPathResults[2].resultParams.keys()].sort(), ['Alias', 'Enable', 'Protocol']);
  assert.equal(r.resolvedPathResults[2].resultParams.get('Protocol'), 'WebSocket');
});

test('R-GET.5: max_depth 1 = the object only, 2 = plus first-level sub-objects', () => {
  const t = withMtps();
  const one = get(t, ['Device.LocalAgent.'], 1).reqPathResults[0].resolvedPathResults.map((x: any) => x.resolvedPath);
  assert.deepEqual(one, ['Device.LocalAgent.']);
  const two = get(t, ['Device.LocalAgent.'], 2).reqPathResults[0].resolvedPathResults.map((x: any) => x.resolvedPath);
  assert.ok(two.includes('Device.LocalAgent.Controller.1.'));
  assert.ok(!two.includes('Device.LocalAgent.Controller.1.MTP.1.'));
  const all = get(t, ['Device.LocalAgent.'], 0).reqPathResults[0].resolvedPathResults.map((x: any) => x.resolvedPath);
  assert.ok(all.includes('Device.LocalAgent.Controller.1.MTP.1.'));
});

test('search paths: wildcards and expressions resolve to instance numbers (R-MSG.3)', () => {
  const t = withMtps();
  const r = get(t, ['Device.LocalAgent.Controller.*.MTP.[Protocol=="WebSocket"].Alias']).reqPathResults[0];
  assert.equal(r.errCode, 0);
  assert.deepEqual(r.resolvedPathResults.map((x: any) => x.resolvedPath), ['Device.LocalAgent.Controller.1.MTP.2.']);
  const k = get(t, ['Device.LocalAgent.Controller.[EndpointID=="proto::reader"].Enable']).reqPathResults[0];
  assert.equal(k.resolvedPathResults[0].resolvedPath, 'Device.LocalAgent.Controller.2.');
});

test('R-GET.1a: a valid search matching nothing → err 0 and empty results', () => {
  const t = withMtps();
  const r = get(t, ['Device.LocalAgent.Controller.[EndpointID=="nobody"].']).reqPathResults[0];
  assert.equal(r.errCode, 0);
  assert.equal(r.resolvedPathResults.length, 0);
});

test('R-GET.1b: an empty table → no error, empty result', () => {
  const t = withMtps();
  const r = get(t, ['Device.LocalAgent.Subscription.']).reqPathResults[0];
  assert.equal(r.errCode, 0);
  assert.equal(r.resolvedPathResults.length, 0);
});

test('partial failure: each requested path gets its own result; bad ones carry err_code', () => {
  const t = withMtps();
  const rs = get(t, ['Device.DeviceInfo.Nope', 'Device.DeviceInfo.Manufacturer', 'Device..Bad', 'Device.LocalAgent.Controller.9.']).reqPathResults;
  assert.deepEqual(rs.map((r: any) => r.requestedPath), ['Device.DeviceInfo.Nope', 'Device.DeviceInfo.Manufacturer', 'Device..Bad', 'Device.LocalAgent.Controller.9.']);
  assert.equal(rs[0].errCode, 7026); // R-GET.0 not in the supported model
  assert.equal(rs[1].errCode, 0);
  assert.equal(rs[1].resolvedPathResults[0].resultParams.get('Manufacturer'), 'tinyusp');
  assert.equal(rs[2].errCode, 7008); // syntax
  assert.equal(rs[3].errCode, 7026); // R-GET.0@1.3: missing instance (digest §2.13)
  assert.ok(rs[0].errMsg.length > 0);
});

test('a command or event path is not something Get reads → 7026', () => {
  const t = withMtps();
  assert.equal(get(t, ['Device.Echo()']).reqPathResults[0].errCode, 7026);
});
