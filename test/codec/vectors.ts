// Deterministic USP test vectors encoded by @bufbuild/protobuf (the independent oracle), for
// the engine tests (XS, QuickJS) and the codec's own tests. At least one vector per Msg body
// type and per Record type, plus the benchmark shapes (GetResp with 100 params, a Record
// wrapping it), unicode strings and uint64 edge values.
// Map keys are never integer-like ("1", "42"): a JS object would reorder them, so a decode /
// re-encode round trip would not be byte-identical (protobuf-es writes map entries in
// Object.keys order).
import { create, toBinary } from '@bufbuild/protobuf';
import { MsgSchema, Header_MsgType as T } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema, Record_PayloadSecurity, SessionContextRecord_PayloadSARState as SAR,
  MQTTConnectRecord_MQTTVersion, STOMPConnectRecord_STOMPVersion } from '../../gen/usp/usp-record_pb.ts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { fileURLToPath } from 'node:url';

export interface Vector {
  name: string;
  bytes: Uint8Array;
  kind: 'msg' | 'record';
}

type MsgInit = MessageInitShape<typeof MsgSchema>;
type RecordInit = MessageInitShape<typeof RecordSchema>;

const U64_MAX = 0xffffffffffffffffn;

/** The benchmark's GetResp: 10 Device.WiFi.SSID.{i}. objects x 10 parameters = 100 params. */
export function getResp100Init(): MsgInit {
  const resolved = [];
  for (let i = 1; i <= 10; i++) {
    resolved.push({
      resolvedPath: `Device.WiFi.SSID.${i}.`,
      resultParams: {
        Enable: i % 2 ? 'true' : 'false',
        Status: i % 3 ? 'Up' : 'Down',
        Alias: `cpe-ssid-${i}`,
        Name: `wl${i - 1}`,
        LastChange: String(86400 + i * 37),
        LowerLayers: `Device.WiFi.Radio.${1 + (i % 2)}.`,
        BSSID: `00:1a:2b:3c:4d:${(0x10 + i).toString(16)}`,
        MACAddress: `00:1a:2b:3c:5e:${(0x10 + i).toString(16)}`,
        SSID: `HomeNetwork-${i}`,
        Upstream: 'false',
      },
    });
  }
  return {
    header: { msgId: 'get-resp-100-0001', msgType: T.GET_RESP },
    body: {
      msgBody: {
        case: 'response',
        value: {
          respType: {
            case: 'getResp',
            value: { reqPathResults: [{ requestedPath: 'Device.WiFi.SSID.*.', resolvedPathResults: resolved }] },
          },
        },
      },
    },
  };
}

/** The benchmark's Get: 3 paths. */
export function get3Init(): MsgInit {
  return req('get-3', T.GET, 'get', {
    paramPaths: ['Device.DeviceInfo.SoftwareVersion', 'Device.LocalAgent.', 'Device.WiFi.SSID.[Enable==true].SSID'],
    maxDepth: 2,
  });
}

function req(msgId: string, msgType: T, c: string, value: unknown): MsgInit {
  return { header: { msgId, msgType }, body: { msgBody: { case: 'request', value: { reqType: { case: c, value } as never } } } };
}
function resp(msgId: string, msgType: T, c: string, value: unknown): MsgInit {
  return { header: { msgId, msgType }, body: { msgBody: { case: 'response', value: { respType: { case: c, value } as never } } } };
}

function msgVectors(): [string, MsgInit][] {
  return [
    ['msg-get', get3Init()],
    ['msg-get-empty', req('', T.GET, 'get', {})],
    ['msg-get-maxdepth-max', req('g\u00e9t-\u4e16\u754c-\u{1f600}', T.GET, 'get', { paramPaths: ['Device.'], maxDepth: 0xffffffff })],
    ['msg-get-resp-100', getResp100Init()],
    ['msg-get-resp-error', resp('r2', T.GET_RESP, 'getResp', {
      reqPathResults: [{ requestedPath: 'Device.Nope.', errCode: 7026, errMsg: 'Invalid path' }, { requestedPath: 'Device.X.', resolvedPathResults: [] }],
    })],
    ['msg-set', req('set-1', T.SET, 'set', {
      allowPartial: true,
      updateObjs: [{ objPath: 'Device.LocalAgent.Controller.1.', paramSettings: [{ param: 'Enable', value: 'true', required: true }, { param: 'Alias', value: '\u00fcber-\u{1f680}' }] }],
    })],
    ['msg-set-resp', resp('set-1', T.SET_RESP, 'setResp', {
      updatedObjResults: [
        { requestedPath: 'Device.A.', operStatus: { operStatus: { case: 'operSuccess', value: { updatedInstResults: [{ affectedPath: 'Device.A.1.', paramErrs: [{ param: 'X', errCode: 7012, errMsg: 'ro' }], updatedParams: { Enable: 'true', Name: '' } }] } } } },
        { requestedPath: 'Device.B.', operStatus: { operStatus: { case: 'operFailure', value: { errCode: 7004, errMsg: 'bad', updatedInstFailures: [{ affectedPath: 'Device.B.2.', paramErrs: [{ param: 'Y', errCode: 7011 }] }] } } } },
      ],
    })],
    ['msg-add', req('add-1', T.ADD, 'add', {
      allowPartial: false,
      createObjs: [{ objPath: 'Device.LocalAgent.Subscription.', paramSettings: [{ param: 'ID', value: 'sub-1', required: true }, { param: 'NotifType', value: 'ValueChange' }] }],
    })],
    ['msg-add-resp', resp('add-1', T.ADD_RESP, 'addResp', {
      createdObjResults: [
        { requestedPath: 'Device.LocalAgent.Subscription.', operStatus: { operStatus: { case: 'operSuccess', value: { instantiatedPath: 'Device.LocalAgent.Subscription.3.', paramErrs: [{ param: 'Foo', errCode: 7010, errMsg: 'unsupported' }], uniqueKeys: { ID: 'sub-1', Alias: 'cpe-3' } } } } },
        { requestedPath: 'Device.Nope.', operStatus: { operStatus: { case: 'operFailure', value: { errCode: 7026, errMsg: 'Invalid path' } } } },
      ],
    })],
    ['msg-delete', req('del-1', T.DELETE, 'delete', { allowPartial: true, objPaths: ['Device.LocalAgent.Subscription.3.', 'Device.LocalAgent.Subscription.[ID=="x"].'] })],
    ['msg-delete-resp', resp('del-1', T.DELETE_RESP, 'deleteResp', {
      deletedObjResults: [
        { requestedPath: 'Device.LocalAgent.Subscription.3.', operStatus: { operStatus: { case: 'operSuccess', value: { affectedPaths: ['Device.LocalAgent.Subscription.3.'], unaffectedPathErrs: [{ unaffectedPath: 'Device.LocalAgent.Subscription.4.', errCode: 7015, errMsg: 'no' }] } } } },
        { requestedPath: 'Device.X.', operStatus: { operStatus: { case: 'operFailure', value: { errCode: 7026 } } } },
        { requestedPath: 'Device.Empty.', operStatus: { operStatus: { case: 'operSuccess', value: {} } } },
      ],
    })],
    ['msg-operate', req('op-1', T.OPERATE, 'operate', { command: 'Device.Reboot()', commandKey: 'ck-1', sendResp: true, inputArgs: { Cause: 'RemoteReboot', Reason: 'b\u00e4d \u{1f4a5}' } })],
    ['msg-operate-resp', resp('op-1', T.OPERATE_RESP, 'operateResp', {
      operationResults: [
        { executedCommand: 'Device.Reboot()', operationResp: { case: 'reqOutputArgs', value: { outputArgs: { Status: 'ok' } } } },
        { executedCommand: 'Device.SelfTest()', operationResp: { case: 'reqObjPath', value: 'Device.LocalAgent.Request.1.' } },
        { executedCommand: 'Device.Fail()', operationResp: { case: 'cmdFailure', value: { errCode: 7022, errMsg: 'failed' } } },
        { executedCommand: 'Device.Empty()', operationResp: { case: 'reqObjPath', value: '' } },
      ],
    })],
    ['msg-notify-event', req('n-1', T.NOTIFY, 'notify', { subscriptionId: 'boot', sendResp: true, notification: { case: 'event', value: { objPath: 'Device.', eventName: 'Boot!', params: { CommandKey: '', Cause: 'LocalReboot', FirmwareUpdated: 'false', ParameterMap: '{}' } } } })],
    ['msg-notify-value-change', req('n-2', T.NOTIFY, 'notify', { subscriptionId: 'vc', notification: { case: 'valueChange', value: { paramPath: 'Device.WiFi.SSID.1.SSID', paramValue: '\u30db\u30fc\u30e0' } } })],
    ['msg-notify-obj-creation', req('n-3', T.NOTIFY, 'notify', { subscriptionId: 'oc', notification: { case: 'objCreation', value: { objPath: 'Device.X.5.', uniqueKeys: { Alias: 'cpe-5' } } } })],
    ['msg-notify-obj-deletion', req('n-4', T.NOTIFY, 'notify', { subscriptionId: 'od', notification: { case: 'objDeletion', value: { objPath: 'Device.X.5.' } } })],
    ['msg-notify-oper-complete-ok', req('n-5', T.NOTIFY, 'notify', { subscriptionId: 'opc', sendResp: true, notification: { case: 'operComplete', value: { objPath: 'Device.', commandName: 'Reboot()', commandKey: 'ck', operationResp: { case: 'reqOutputArgs', value: { outputArgs: { A: 'b' } } } } } })],
    ['msg-notify-oper-complete-fail', req('n-6', T.NOTIFY, 'notify', { subscriptionId: 'opc', notification: { case: 'operComplete', value: { objPath: 'Device.', commandName: 'Download()', operationResp: { case: 'cmdFailure', value: { errCode: 7023, errMsg: 'checksum' } } } } })],
    ['msg-notify-on-board', req('n-7', T.NOTIFY, 'notify', { subscriptionId: '', sendResp: true, notification: { case: 'onBoardReq', value: { oui: '00D09E', productClass: 'tinyusp', serialNumber: 'SN-0001', agentSupportedProtocolVersions: '1.0,1.1,1.2' } } })],
    ['msg-notify-resp', resp('n-1', T.NOTIFY_RESP, 'notifyResp', { subscriptionId: 'boot' })],
    ['msg-get-supported-dm', req('gsdm', T.GET_SUPPORTED_DM, 'getSupportedDm', { objPaths: ['Device.', 'Device.WiFi.'], firstLevelOnly: true, returnCommands: true, returnEvents: true, returnParams: true, returnUniqueKeySets: true })],
    ['msg-get-supported-dm-resp', resp('gsdm', T.GET_SUPPORTED_DM_RESP, 'getSupportedDmResp', {
      reqObjResults: [
        {
          reqObjPath: 'Device.', dataModelInstUri: 'urn:broadband-forum-org:tr-181-2-16-0',
          supportedObjs: [{
            supportedObjPath: 'Device.WiFi.SSID.{i}.', access: 1, isMultiInstance: true,
            supportedCommands: [{ commandName: 'Reset()', inputArgNames: ['A'], outputArgNames: ['B', 'C'], commandType: 2 }],
            supportedEvents: [{ eventName: 'Changed!', argNames: ['X'] }],
            supportedParams: [{ paramName: 'SSID', access: 1, valueType: 8, valueChange: 1 }, { paramName: 'Enable', access: 2, valueType: 10, valueChange: 2 }],
            divergentPaths: ['Device.WiFi.SSID.1.'],
            uniqueKeySets: [{ keyNames: ['Alias'] }, { keyNames: ['Name', 'BSSID'] }],
          }],
        },
        { reqObjPath: 'Device.Bad.', errCode: 7026, errMsg: 'Invalid path' },
      ],
    })],
    ['msg-get-instances', req('gi', T.GET_INSTANCES, 'getInstances', { objPaths: ['Device.WiFi.SSID.'], firstLevelOnly: true })],
    ['msg-get-instances-resp', resp('gi', T.GET_INSTANCES_RESP, 'getInstancesResp', {
      reqPathResults: [{ requestedPath: 'Device.WiFi.SSID.', currInsts: [{ instantiatedObjPath: 'Device.WiFi.SSID.1.', uniqueKeys: { Alias: 'cpe-1', Name: 'wl0' } }, { instantiatedObjPath: 'Device.WiFi.SSID.2.' }] }, { requestedPath: 'Device.Q.', errCode: 7026, errMsg: 'x' }],
    })],
    ['msg-get-supported-protocol', req('gsp', T.GET_SUPPORTED_PROTO, 'getSupportedProtocol', { controllerSupportedProtocolVersions: '1.0,1.1,1.2,1.3,1.4' })],
    ['msg-get-supported-protocol-resp', resp('gsp', T.GET_SUPPORTED_PROTO_RESP, 'getSupportedProtocolResp', { agentSupportedProtocolVersions: '1.0,1.1,1.2' })],
    ['msg-register', req('reg', T.REGISTER, 'register', { allowPartial: true, regPaths: [{ path: 'Device.Foo.' }, { path: 'Device.Bar.' }] })],
    ['msg-register-resp', resp('reg', T.REGISTER_RESP, 'registerResp', {
      registeredPathResults: [
        { requestedPath: 'Device.Foo.', operStatus: { operStatus: { case: 'operSuccess', value: { registeredPath: 'Device.Foo.' } } } },
        { requestedPath: 'Device.Bar.', operStatus: { operStatus: { case: 'operFailure', value: { errCode: 7029, errMsg: 'taken' } } } },
      ],
    })],
    ['msg-deregister', req('dereg', T.DEREGISTER, 'deregister', { paths: ['Device.Foo.', ''] })],
    ['msg-deregister-resp', resp('dereg', T.DEREGISTER_RESP, 'deregisterResp', {
      deregisteredPathResults: [
        { requestedPath: 'Device.Foo.', operStatus: { operStatus: { case: 'operSuccess', value: { deregisteredPath: ['Device.Foo.', 'Device.Foo.Bar.'] } } } },
        { requestedPath: 'Device.Bar.', operStatus: { operStatus: { case: 'operFailure', value: { errCode: 7030 } } } },
      ],
    })],
    ['msg-error', {
      header: { msgId: 'set-9', msgType: T.ERROR },
      body: { msgBody: { case: 'error', value: { errCode: 7004, errMsg: 'Invalid arguments \u2013 \u00e9', paramErrs: [{ paramPath: 'Device.A.B', errCode: 7012, errMsg: 'read only' }, { paramPath: 'Device.C' }] } } },
    }],
    ['msg-error-max-code', { header: { msgId: 'e', msgType: T.ERROR }, body: { msgBody: { case: 'error', value: { errCode: 0xffffffff } } } }],
  ];
}

function recordVectors(getResp100: Uint8Array, get3: Uint8Array): [string, RecordInit][] {
  const base = { version: '1.2', toId: 'proto::controller-1', fromId: 'proto::tinyusp-1' };
  return [
    ['record-no-session-get-resp-100', { ...base, recordType: { case: 'noSessionContext', value: { payload: getResp100 } } }],
    ['record-no-session-get', { ...base, toId: 'proto::tinyusp-1', fromId: 'proto::controller-1', recordType: { case: 'noSessionContext', value: { payload: get3 } } }],
    ['record-no-session-empty', { recordType: { case: 'noSessionContext', value: {} } }],
    ['record-session-context', { ...base, payloadSecurity: Record_PayloadSecurity.TLS12, macSignature: new Uint8Array([1, 2, 3, 255]), senderCert: new Uint8Array([0x30, 0x82, 0, 0]),
      recordType: { case: 'sessionContext', value: { sessionId: 1n, sequenceId: 2n, expectedId: 3n, retransmitId: 0n, payloadSarState: SAR.BEGIN, payloadrecSarState: SAR.INPROCESS, payload: [get3, new Uint8Array(0), new Uint8Array([0])] } } }],
    ['record-session-context-u64-max', { ...base, recordType: { case: 'sessionContext', value: { sessionId: U64_MAX, sequenceId: 0x7fffffffffffffffn, expectedId: 0x8000000000000000n, retransmitId: 0xffffffffn, payloadSarState: SAR.COMPLETE, payloadrecSarState: SAR.COMPLETE } } }],
    ['record-session-context-u64-edges', { ...base, recordType: { case: 'sessionContext', value: { sessionId: 127n, sequenceId: 128n, expectedId: 16383n, retransmitId: 16384n } } }],
    ['record-websocket-connect', { ...base, recordType: { case: 'websocketConnect', value: {} } }],
    ['record-mqtt-connect', { ...base, recordType: { case: 'mqttConnect', value: { version: MQTTConnectRecord_MQTTVersion.V5, subscribedTopic: 'usp/agent/\u00e9' } } }],
    ['record-stomp-connect', { ...base, recordType: { case: 'stompConnect', value: { version: STOMPConnectRecord_STOMPVersion.V1_2, subscribedDestination: '/queue/agent' } } }],
    ['record-disconnect', { ...base, recordType: { case: 'disconnect', value: { reason: 'shutting down \u{1f44b}', reasonCode: 7105 } } }],
    ['record-disconnect-max', { ...base, recordType: { case: 'disconnect', value: { reasonCode: 0xffffffff } } }],
    ['record-uds-connect', { ...base, recordType: { case: 'udsConnect', value: {} } }],
  ];
}

export function encodeMsgPb(init: MsgInit): Uint8Array {
  return toBinary(MsgSchema, create(MsgSchema, init));
}

/** Every vector, in a fixed order, bytes from @bufbuild/protobuf's toBinary. */
export function makeVectors(): Vector[] {
  const out: Vector[] = [];
  for (const [name, init] of msgVectors()) out.push({ name, kind: 'msg', bytes: encodeMsgPb(init) });
  const getResp100 = encodeMsgPb(getResp100Init());
  const get3 = encodeMsgPb(get3Init());
  for (const [name, init] of recordVectors(getResp100, get3)) {
    out.push({ name, kind: 'record', bytes: toBinary(RecordSchema, create(RecordSchema, init)) });
  }
  return out;
}

/** The vectors as JSON text (hex and base64), for engines that cannot run this TypeScript. */
export function vectorsAsJson(): string {
  return JSON.stringify(
    makeVectors().map((v) => ({ name: v.name, kind: v.kind, hex: Buffer.from(v.bytes).toString('hex'), base64: Buffer.from(v.bytes).toString('base64') })),
    null,
    1,
  );
}

// `npx tsx test/codec/vectors.ts > vectors.json` prints the JSON form.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(vectorsAsJson() + '\n');
}
