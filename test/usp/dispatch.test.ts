import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsg, Header_MsgType, type Msg } from '../../src/codec/index.ts';
import {
  startAgent, call, errOf, respOf, requestMsg, encodeMsgBytes, recordOf, sendRecord, testDefaults, getValue,
  CONTROLLER_ID,
} from '../support/usp-harness.ts';
import { miniModel } from '../support/usp-mini-model.ts';
import { host } from '../../boards/host/profile.ts';

const mini = (extra: Partial<Parameters<typeof startAgent>[0]> = {}) => startAgent({ model: [miniModel], ...extra });

function replyMsg(t: ReturnType<typeof mini>, msgBytes: Uint8Array): Msg | undefined {
  const { out, reply } = sendRecord(t, recordOf(msgBytes));
  assert.equal(out.mtpError, undefined);
  if (!reply) return undefined;
  assert.equal(reply.recordType.case, 'noSessionContext');
  return reply.recordType.case === 'noSessionContext' ? decodeMsg(reply.recordType.value.payload) : undefined;
}

test('R-MSG.9: the response reuses the msg_id and carries the matching response type', () => {
  const t = mini();
  const m = call(t, { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } }, CONTROLLER_ID, 'abc');
  assert.equal(m?.header?.msgId, 'abc');
  assert.equal(m?.header?.msgType, Header_MsgType.GET_RESP);
});

test('digest §2.0: the body wins when msg_type disagrees', () => {
  const t = mini();
  const msg = requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } });
  msg.header!.msgType = Header_MsgType.DELETE;
  const m = replyMsg(t, encodeMsgBytes(msg));
  const resp = respOf(m, 'getResp');
  assert.equal(resp.reqPathResults[0].resolvedPathResults[0].resultParams.get('SerialNumber'), 'SN0001');
});

test('R-MSG.1: Register, Deregister and Notify requests at an Agent → Error 7001', () => {
  const t = mini();
  assert.equal(errOf(call(t, { case: 'register', value: { allowPartial: false, regPaths: [{ path: 'Device.X.' }] } })).errCode, 7001);
  assert.equal(errOf(call(t, { case: 'deregister', value: { paths: [''] } })).errCode, 7001);
  const notify = { subscriptionId: 's', sendResp: true, notification: { case: 'objDeletion' as const, value: { objPath: 'Device.X.1.' } } };
  assert.equal(errOf(call(t, { case: 'notify', value: notify })).errCode, 7001);
});

test('R-MSG.1: a response we did not ask for → Error 7001; an Error body gets no answer', () => {
  const t = mini();
  const resp: Msg = {
    header: { msgId: 'r1', msgType: Header_MsgType.GET_RESP },
    body: { msgBody: { case: 'response', value: { respType: { case: 'getResp', value: { reqPathResults: [] } } } } },
  };
  assert.equal(errOf(replyMsg(t, encodeMsgBytes(resp))).errCode, 7001);
  const err: Msg = {
    header: { msgId: 'e1', msgType: Header_MsgType.ERROR },
    body: { msgBody: { case: 'error', value: { errCode: 7000, errMsg: 'x', paramErrs: [] } } },
  };
  assert.equal(replyMsg(t, encodeMsgBytes(err)), undefined);
});

test('NotifyResp is handed to the notifications hook and not answered', () => {
  const seen: string[] = [];
  const t = mini({ hooks: { notifyResp: (id, r, from) => void seen.push(id + '/' + r.subscriptionId + '/' + from.endpointId) } });
  const nr: Msg = {
    header: { msgId: 'n7', msgType: Header_MsgType.NOTIFY_RESP },
    body: { msgBody: { case: 'response', value: { respType: { case: 'notifyResp', value: { subscriptionId: 'sub-1' } } } } },
  };
  assert.equal(replyMsg(t, encodeMsgBytes(nr)), undefined);
  assert.deepEqual(seen, ['n7/sub-1/' + CONTROLLER_ID]);
});

test('R-MSG.4: a duplicate of a pending request is silently ignored; a different request with the id is served', () => {
  const t = mini();
  const bytes = encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }, 'dup-1'));
  assert.ok(replyMsg(t, bytes));
  assert.equal(replyMsg(t, bytes), undefined);
  const other = encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.LocalAgent.'], maxDepth: 0 } }, 'dup-1'));
  assert.ok(replyMsg(t, other));
  // once no longer pending (window passed), the same request is served again
  t.hal.clock.now += 60_000;
  t.agent.step(t.hal.clock.now);
  assert.ok(replyMsg(t, bytes));
});

test('R-MSG.4: the memory of pending ids is bounded', () => {
  const t = mini();
  for (let i = 0; i < 500; i++) replyMsg(t, encodeMsgBytes(requestMsg({ case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.0' } }, 'id' + i)));
  // the oldest ids were forgotten, so their exact repeat is served again
  assert.ok(replyMsg(t, encodeMsgBytes(requestMsg({ case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.0' } }, 'id0'))));
});

test('R-ENC.5: a Msg whose Request oneof is set twice → Error 7004 with the salvaged msg_id', () => {
  const t = mini();
  const id = [...Buffer.from('bad-1')];
  const header = [0x0a, id.length, ...id, 0x10, 0x01];
  // Request { get {} , set {} } → two members of req_type
  const request = [0x0a, 0x00, 0x22, 0x00];
  const body = [0x0a, request.length, ...request];
  const bytes = new Uint8Array([0x0a, header.length, ...header, 0x12, body.length, ...body]);
  const m = replyMsg(t, bytes);
  assert.equal(m?.header?.msgId, 'bad-1');
  assert.equal(errOf(m).errCode, 7004);
});

test('an undecodable Msg inside a good Record → the MTP answers bad request', () => {
  const t = mini();
  const { out, reply } = sendRecord(t, recordOf(new Uint8Array([0x0a, 0x50, 0x01])));
  assert.equal(out.mtpError, 'bad-record');
  assert.equal(reply, undefined);
});

test('R-ENC.2@1.0: an unknown enum value in the Msg (msg_type 99) → the MTP answers bad request', () => {
  const t = mini();
  const id = [...Buffer.from('e')];
  const header = [0x0a, id.length, ...id, 0x10, 99];
  const bytes = new Uint8Array([0x0a, header.length, ...header]);
  assert.equal(sendRecord(t, recordOf(bytes)).out.mtpError, 'bad-record');
});

test('R-MSG.7: a Msg without a body → Error 7004', () => {
  const t = mini();
  const m = replyMsg(t, encodeMsgBytes({ header: { msgId: 'nb', msgType: Header_MsgType.GET } }));
  assert.equal(errOf(m).errCode, 7004);
});

test('R-MSG.0: Operate with send_resp=false runs the command and sends no response', () => {
  const t = mini();
  const m = call(t, { case: 'operate', value: { command: 'Device.SelfTest()', commandKey: 'k', sendResp: false, inputArgs: new Map() } });
  assert.equal(m, undefined);
  assert.equal(getValue(t, 'Device.LocalAgent.RequestNumberOfEntries'), '1');
});

test('an encode overflow becomes Error 7005 with the same msg_id, never a crash', () => {
  const board = { ...host, limits: { ...host.limits, messageBytes: 400 } };
  const t = mini({ board, defaults: testDefaults({ 'Device.DeviceInfo.FriendlyName': 'x'.repeat(30) }) });
  const m = call(t, { case: 'get', value: { paramPaths: ['Device.'], maxDepth: 0 } }, CONTROLLER_ID, 'big');
  const e = errOf(m);
  assert.equal(e.errCode, 7005);
  assert.equal(m?.header?.msgId, 'big');
});

test('a request naming more paths than the board\'s requestPaths is answered 7005 before any work', () => {
  const board = { ...host, limits: { ...host.limits, requestPaths: 4 } };
  const t = mini({ board });
  const path = 'Device.DeviceInfo.SerialNumber';
  const ok = call(t, { case: 'get', value: { paramPaths: [path, path, path, path], maxDepth: 0 } }, CONTROLLER_ID, 'four');
  assert.equal(ok?.body?.msgBody.case, 'response');
  const m = call(t, { case: 'get', value: { paramPaths: [path, path, path, path, path], maxDepth: 0 } }, CONTROLLER_ID, 'five');
  assert.equal(errOf(m).errCode, 7005);
  assert.equal(m?.header?.msgId, 'five');
  // A Set counts its objects and their settings: 2 objects x 2 settings = 6 > 4.
  const settings = [{ param: 'FriendlyName', value: 'a', required: true }, { param: 'FriendlyName', value: 'b', required: true }];
  const set = call(t, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: settings },
    { objPath: 'Device.DeviceInfo.', paramSettings: settings }] } }, CONTROLLER_ID, 'set6');
  assert.equal(errOf(set).errCode, 7005);
});

test('a Record to another endpoint gets nothing back; undecodable Record → bad-record', () => {
  const t = mini();
  const bytes = encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.'], maxDepth: 0 } }));
  assert.deepEqual(sendRecord(t, recordOf(bytes, CONTROLLER_ID, 'proto::other')).out, {});
  assert.deepEqual(t.agent.handleRecord(new Uint8Array([1, 2, 3]), {}), { mtpError: 'bad-record' });
});
