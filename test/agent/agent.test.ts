import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeMsg, decodeRecord, Header_MsgType, type Msg } from '../../src/codec/index.ts';
import { defineModule, defineObject, str } from '../../src/index.ts';
import { tr181Modules } from '../../src/model/index.ts';
import {
  startAgent, call, respOf, get, getValue, requestMsg, encodeMsgBytes, recordOf, encodeRecordBytes,
  AGENT_ID, CONTROLLER_ID,
} from '../support/usp-harness.ts';

test('given the default model and defaults, when booted, then the agent answers as its EndpointID', () => {
  const t = startAgent();
  assert.equal(t.agent.endpointId(), AGENT_ID);
  assert.equal(getValue(t, 'Device.LocalAgent.EndpointID'), AGENT_ID);
});

test('step/nextDeadline: an async command completes inside step() at its deadline, not before; msg_id expiry is a deadline too', () => {
  const t = startAgent();
  assert.equal(t.agent.nextDeadline(), -1);
  const start = t.hal.clock.now;
  const r = respOf(call(t, { case: 'operate', value: { command: 'Device.ScheduleTimer()', commandKey: 'k', sendResp: true, inputArgs: new Map([['DelaySeconds', '2']]) } }), 'operateResp');
  assert.equal(r.operationResults[0].operationResp.case, 'reqObjPath');
  const req = r.operationResults[0].operationResp.value;
  assert.equal(t.agent.nextDeadline(), start + 2000);
  t.hal.clock.now = start + 1999;
  t.agent.step(t.hal.clock.now);
  assert.equal(getValue(t, req + 'Command'), 'Device.ScheduleTimer()');
  t.hal.clock.now = start + 2000;
  t.agent.step(t.hal.clock.now);
  assert.equal(getValue(t, 'Device.LocalAgent.RequestNumberOfEntries'), '0');
  // What is left are the R-MSG.4 windows (2 s) of the two Gets above: deadlines of the core too.
  assert.equal(t.agent.nextDeadline(), start + 1999 + 2000);
  t.hal.clock.now = start + 4000;
  t.agent.step(t.hal.clock.now);
  assert.equal(t.agent.nextDeadline(), -1);
});

test('encodeMessage wraps an Agent-originated Msg (Notify) in a Record to the Controller', () => {
  const t = startAgent();
  const notify: Msg = {
    header: { msgId: 'n1', msgType: Header_MsgType.NOTIFY },
    body: { msgBody: { case: 'request', value: { reqType: { case: 'notify', value: { subscriptionId: 's', sendResp: true, notification: { case: 'objDeletion', value: { objPath: 'Device.X.1.' } } } } } } },
  };
  const rec = decodeRecord(t.agent.encodeMessage(CONTROLLER_ID, notify));
  assert.deepEqual([rec.version, rec.toId, rec.fromId, rec.recordType.case], ['1.4', CONTROLLER_ID, AGENT_ID, 'noSessionContext']);
  const m = decodeMsg(rec.recordType.case === 'noSessionContext' ? rec.recordType.value.payload : new Uint8Array(0));
  assert.equal(m.header?.msgId, 'n1');
});

test('property: arbitrary bytes never crash handleRecord; any reply is a decodable Record to the sender', () => {
  const t = startAgent();
  const valid = encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }))));
  const mutated = fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
    const c = valid.slice();
    c[i] = b;
    return c;
  });
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutated), (bytes) => {
      const out = t.agent.handleRecord(bytes, {});
      assert.ok(out.mtpError === undefined || out.mtpError === 'bad-record');
      if (out.reply) decodeRecord(out.reply);
    }),
    { numRuns: 300 },
  );
  // and the agent still works, its data unchanged
  assert.equal(getValue(t, 'Device.DeviceInfo.FriendlyName'), '');
});

test('property: any path string in a Get gets a per-path result, never an Error or a crash', () => {
  const t = startAgent();
  const seg = fc.oneof(fc.constantFrom('Device', 'LocalAgent', 'Controller', '1', '*', '[Enable==true]', '{i}', 'DeviceInfo', 'X'), fc.string({ maxLength: 6 }));
  const path = fc.array(seg, { minLength: 1, maxLength: 6 }).chain((a) => fc.constantFrom(a.join('.'), a.join('.') + '.', a.join('.') + '()'));
  fc.assert(
    fc.property(path, (p) => {
      const r = get(t, [p]).reqPathResults[0];
      assert.equal(r.requestedPath, p);
      if (r.errCode !== 0) assert.ok([7008, 7026, 7016, 7006].includes(r.errCode), p + ' → ' + r.errCode);
    }),
    { numRuns: 300 },
  );
});

test('requester(): roles for the notify layer; unknown → UntrustedRole, disabled → undefined', async () => {
  const { Perm } = await import('../../src/usp/access.ts');
  const { testDefaults } = await import('../support/usp-harness.ts');
  const t = startAgent({ defaults: testDefaults({ 'Device.LocalAgent.Controller.2.Enable': 'false' }) });
  const c = t.agent.requester(CONTROLLER_ID)!;
  assert.equal(c.controllerPath, 'Device.LocalAgent.Controller.1.');
  assert.ok(c.access.can('Device.LocalAgent.Subscription.1.Enable', Perm.PARAM_NOTIFY));
  const u = t.agent.requester('proto::who')!;
  assert.equal(u.controllerPath, undefined);
  assert.ok(u.access.can('Device.DeviceInfo.SerialNumber', Perm.PARAM_READ));
  assert.ok(!u.access.can('Device.LocalAgent.EndpointID', Perm.PARAM_READ));
  assert.equal(t.agent.requester('proto::reader'), undefined);
});

test('given a handler that fails with a bug, when asked, then 7003 goes back and the failure is logged at a bounded rate', () => {
  const buggy = defineModule({ objects: [defineObject({ path: 'Device.X_TEST_Buggy.', params: [str('Value', 8)] }, {
    read: () => { throw new TypeError('sensor table is undefined'); },
  })] });
  const t = startAgent({ model: [...tr181Modules(), buggy] });
  const errorsBefore = t.hal.logs.filter((l) => l.startsWith('error')).length;
  for (let i = 0; i < 50; i++) {
    const m = call(t, { case: 'get', value: { paramPaths: ['Device.X_TEST_Buggy.Value'], maxDepth: 0 } });
    const body = m!.body!.msgBody;
    assert.equal(body.case, 'error');
    assert.equal(body.case === 'error' && body.value.errCode, 7003);
  }
  const errors = t.hal.logs.filter((l) => l.startsWith('error')).slice(errorsBefore);
  assert.ok(errors.length >= 1 && errors.length <= 5, `${errors.length} error lines for 50 failures`);
  assert.match(errors[0], /get .*TypeError: sensor table is undefined/);
});
