import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAgent, call, respOf, errOf, getValue, plain, CONTROLLER_ID } from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';
import type { ChangeEvent } from '../../src/dm/api.ts';

const agent = () => startAgent({ model: [miniModel] });
type T = ReturnType<typeof agent>;
const operate = (t: T, command: string, inputArgs: { [k: string]: string } = {}, sendResp = true) =>
  call(t, { case: 'operate', value: { command, commandKey: 'ck-1', sendResp, inputArgs: new Map(Object.entries(inputArgs)) } });

test('sync command → req_output_args with the outputs; unknown input args ignored (R-OPR.6)', () => {
  const t = agent();
  const r = respOf(operate(t, 'Device.Echo()', { Text: 'ab', Times: '3', Junk: 'x' }), 'operateResp');
  assert.equal(r.operationResults.length, 1);
  assert.equal(r.operationResults[0].executedCommand, 'Device.Echo()');
  assert.equal(r.operationResults[0].operationResp.case, 'reqOutputArgs');
  assert.deepEqual(plain(r.operationResults[0].operationResp.value.outputArgs), { Result: 'ababab' });
});

test('R-OPR.5@1.4: a missing mandatory argument → cmd_failure 7027, not an Error', () => {
  const t = agent();
  const r = respOf(operate(t, 'Device.Echo()', {}), 'operateResp');
  assert.equal(r.operationResults[0].operationResp.case, 'cmdFailure');
  assert.equal(r.operationResults[0].operationResp.value.errCode, 7027);
});

test('R-OPR.1: a failing command → cmd_failure with its code', () => {
  const t = agent();
  const r = respOf(operate(t, 'Device.Fail()'), 'operateResp');
  assert.deepEqual([r.operationResults[0].operationResp.case, r.operationResults[0].operationResp.value.errCode], ['cmdFailure', 7022]);
});

test('an unknown command path → Error 7026', () => {
  const t = agent();
  assert.equal(errOf(operate(t, 'Device.Nope()')).errCode, 7026);
  assert.equal(errOf(operate(t, 'Device.DeviceInfo.')).errCode, 7026);
});

test('async command → req_obj_path = its Request row; completion in step() emits OperationComplete and removes the row', () => {
  const t = agent();
  const events: ChangeEvent[] = [];
  t.agent.engine.onChange((e) => void events.push(e));
  const r = respOf(operate(t, 'Device.SelfTest()', { Duration: '50' }), 'operateResp');
  assert.equal(r.operationResults[0].operationResp.case, 'reqObjPath');
  const req = r.operationResults[0].operationResp.value;
  assert.equal(req, 'Device.LocalAgent.Request.1.');
  assert.equal(getValue(t, req + 'Originator'), CONTROLLER_ID);
  assert.equal(getValue(t, req + 'CommandKey'), 'ck-1');
  const due = t.agent.nextDeadline();
  assert.ok(due > 0 && due <= t.hal.clock.now + 50);
  t.hal.clock.now = due;
  t.agent.step(due);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.ok(done && done.type === 'operationComplete');
  assert.deepEqual(done.output, { Results: 'all good' });
  assert.equal(done.originator, CONTROLLER_ID);
  assert.equal(getValue(t, 'Device.LocalAgent.RequestNumberOfEntries'), '0');
});
