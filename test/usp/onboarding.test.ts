// Unknown Controllers (digest §9.3 Determine-role) and the challenge that elevates them (§9.4,
// R-SEC.16/17) at Record level, on the virtual clock of the test HAL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import { CONTROLLER_ID, call, get, getValue, respOf, startAgent, testDefaults, type TestAgent } from '../support/usp-harness.ts';

const T = 'Device.LocalAgent.ControllerTrust.';
const STRANGER = 'proto::stranger';
const b64 = (s: string) => Buffer.from(s).toString('base64');

function agent(extra: { [p: string]: string } = {}, instancesPerTable?: number): TestAgent {
  return startAgent({
    board: instancesPerTable ? { ...host, limits: { ...host.limits, instancesPerTable } } : host,
    defaults: testDefaults({
      [T + 'Role.2.Permission.2.Enable']: 'true',
      [T + 'Role.2.Permission.2.Order']: '2',
      [T + 'Role.2.Permission.2.Targets']: `${T}RequestChallenge(),${T}ChallengeResponse()`,
      [T + 'Role.2.Permission.2.CommandEvent']: 'r-x-',
      [T + 'Challenge.1.Enable']: 'true',
      [T + 'Challenge.1.Role']: T + 'Role.1',
      [T + 'Challenge.1.Value']: b64('secret'),
      [T + 'Challenge.1.Retries']: '2',
      [T + 'Challenge.1.LockoutPeriod']: '30',
      ...extra,
    }),
  });
}

/** Operate from `from`; the OperationResult's oneof. */
function operate(t: TestAgent, command: string, args: { [k: string]: string }, from = STRANGER) {
  const r = respOf(call(t, { case: 'operate', value: { command, commandKey: '', sendResp: true, inputArgs: new Map(Object.entries(args)) } }, from), 'operateResp');
  return r.operationResults[0].operationResp as { case: string; value: { outputArgs?: Map<string, string>; errCode?: number } };
}
const request = (t: TestAgent, expiration?: string) =>
  operate(t, T + 'RequestChallenge()', { ChallengeRef: T + 'Challenge.1', ...(expiration ? { RequestExpiration: expiration } : {}) });
const respond = (t: TestAgent, id: string, value: string) => operate(t, T + 'ChallengeResponse()', { ChallengeID: id, Value: b64(value) });
const idOf = (r: ReturnType<typeof request>) => { assert.equal(r.case, 'reqOutputArgs'); return r.value.outputArgs!.get('ChallengeID')!; };
/** A parameter of the stranger's Controller row (read by Controller 1), undefined if no row. */
function strangerParam(t: TestAgent, name: string): string | undefined {
  const r = get(t, [`Device.LocalAgent.Controller.[EndpointID=="${STRANGER}"].${name}`]).reqPathResults[0].resolvedPathResults;
  return r.length ? r[0].resultParams.get(name) : undefined;
}
const strangerRow = (t: TestAgent) => strangerParam(t, 'AssignedRole');

test('given an unknown Controller, when its first Record arrives, then a Controller row with AssignedRole = UntrustedRole is stored and used', () => {
  const t = agent();
  assert.equal(getValue(t, 'Device.DeviceInfo.SerialNumber', STRANGER), 'SN0001'); // Untrusted may read DeviceInfo here
  assert.equal(strangerRow(t), T + 'Role.2');
  assert.equal(strangerParam(t, 'Enable'), 'true');
  // Its role is the row's: taking Untrusted away from the row takes it away from the Controller.
  respOf(call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: `Device.LocalAgent.Controller.[EndpointID=="${STRANGER}"].`, paramSettings: [{ param: 'AssignedRole', value: '', required: true }] }] } }), 'setResp');
  assert.equal(getValue(t, 'Device.DeviceInfo.SerialNumber', STRANGER), undefined);
});

test('given a full Controller table (board instancesPerTable), when an unknown Controller sends, then no row is made and it is answered with UntrustedRole', () => {
  const t = agent({}, 2); // Controller.1 and .2 of the defaults fill it
  assert.equal(getValue(t, 'Device.DeviceInfo.SerialNumber', STRANGER), 'SN0001');
  assert.equal(strangerRow(t), undefined);
  assert.equal(request(t).case, 'cmdFailure', 'no row to elevate');
});

test('given unknown senders, then Untrusted-only rows take at most half of the table, so an operator can still add Controllers', () => {
  const t = agent({}, 6); // 2 rows in the defaults; at most 3 Untrusted-only rows
  for (const n of [1, 2, 3, 4]) assert.equal(getValue(t, 'Device.DeviceInfo.SerialNumber', 'proto::s' + n), 'SN0001');
  const ids = get(t, ['Device.LocalAgent.Controller.*.EndpointID']).reqPathResults[0].resolvedPathResults.map((x: any) => x.resultParams.get('EndpointID'));
  assert.deepEqual(ids.slice(2), ['proto::s1', 'proto::s2', 'proto::s3']);
  const add = respOf(call(t, { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Controller.', paramSettings: [{ param: 'EndpointID', value: 'proto::ops', required: true }] }] } }), 'addResp');
  assert.equal(add.createdObjResults[0].operStatus.operStatus.case, 'operSuccess');
});

test('given a challenge, when the right passphrase comes back, then UntrustedRole is replaced by the challenge Role and Value reads back empty', () => {
  const t = agent();
  const r = request(t);
  assert.deepEqual([r.value.outputArgs!.get('InstructionType'), r.value.outputArgs!.get('ValueType')], ['text/plain', 'text/plain']);
  assert.equal(respond(t, idOf(r), 'secret').case, 'reqOutputArgs');
  assert.equal(strangerRow(t), T + 'Role.1');
  assert.equal(getValue(t, T + 'Challenge.1.Value'), '');
  assert.equal(getValue(t, 'Device.LocalAgent.Controller.1.EndpointID', STRANGER), CONTROLLER_ID, 'full access now');
});

test('given Retries=2 and LockoutPeriod=30, when two answers are wrong, then the Controller is locked out for 30 s of the monotonic clock', () => {
  const t = agent();
  const id = idOf(request(t));
  assert.equal(respond(t, id, 'no').value.errCode, 7022);
  assert.equal(respond(t, id, 'nope').value.errCode, 7022);
  assert.equal(request(t).case, 'cmdFailure', 'locked out');
  t.hal.clock.now += 29_000;
  assert.equal(request(t).case, 'cmdFailure', 'still locked out');
  t.hal.clock.now += 1_000;
  assert.equal(respond(t, idOf(request(t)), 'secret').case, 'reqOutputArgs');
  assert.equal(strangerRow(t), T + 'Role.1');
});

test('given RequestExpiration=10, when the answer comes after 10 s, then the ChallengeID is no longer valid', () => {
  const t = agent();
  const id = idOf(request(t, '10'));
  t.hal.clock.now += 10_001;
  assert.equal(respond(t, id, 'secret').case, 'cmdFailure');
  assert.equal(strangerRow(t), T + 'Role.2');
});
