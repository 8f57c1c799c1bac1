// fast-check arbitraries for every USP Msg body type and every Record type, as own codec objects.
import fc from 'fast-check';
import type { Msg, UspRecord, StringMap } from '../../src/codec/index.ts';

type A<T> = fc.Arbitrary<T>;

/** No lone surrogates (String.prototype.isWellFormed is ES2024, outside this project's lib). */
export function wellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** Strings: short ASCII/unicode, USP-looking paths, and rare long ones (multi-byte length prefixes). */
export const str: A<string> = fc
  .oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
    { weight: 2, arbitrary: fc.constantFrom('', 'Device.', 'Device.WiFi.SSID.1.SSID', 'true', 'Up', 'h\u00e9llo \u4e16\u754c \u{1f600}') },
    { weight: 1, arbitrary: fc.string({ minLength: 100, maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(127), 'y'.repeat(128), '\u00e9'.repeat(64), '\u4e16'.repeat(6000)) },
  )
  .filter((s) => wellFormed(s)); // lone surrogates cannot round-trip (both encoders write U+FFFD)

const key: A<string> = str.filter((k) => k !== '__proto__');
const u32: A<number> = fc.integer({ min: 0, max: 0xffffffff });
const u64: A<bigint> = fc.oneof(fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }), fc.constantFrom(0n, 1n, 127n, 128n, 0xffffffffn, 0x100000000n, 0xffffffffffffffffn));
const bool: A<boolean> = fc.boolean();
const enumOf = (max: number): A<number> => fc.integer({ min: 0, max });
const bytes: A<Uint8Array> = fc.oneof({ weight: 5, arbitrary: fc.uint8Array({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 120, maxLength: 400 }) });
const list = <T>(a: A<T>, maxLength = 3): A<T[]> => fc.array(a, { maxLength });
// A Map in Object.keys order of the same entries (integer-like keys first), the order
// protobuf-es writes a map in, so both encoders produce the same bytes.
const map: A<StringMap> = fc.dictionary(key, str, { maxKeys: 4, noNullPrototype: true }).map((o) => new Map(Object.entries(o)));
const oneof = <C extends string, T>(c: C, a: A<T>) => a.map((value) => ({ case: c, value }));

const failure = fc.record({ errCode: u32, errMsg: str });
const paramErr = fc.record({ param: str, errCode: u32, errMsg: str });
const status = <F, S>(fail: A<F>, success: A<S>) =>
  fc.option(fc.record({ operStatus: fc.oneof(oneof('operFailure', fail), oneof('operSuccess', success)) }), { nil: undefined });
const results = <S, F = { errCode: number; errMsg: string }>(success: A<S>, fail: A<F> = failure as unknown as A<F>) =>
  list(fc.record({ requestedPath: str, operStatus: status(fail, success) }));
const paramSetting = fc.record({ param: str, value: str, required: bool });
const objects = list(fc.record({ objPath: str, paramSettings: list(paramSetting) }));

export const requestBody = fc.oneof(
  oneof('get', fc.record({ paramPaths: list(str), maxDepth: u32 })),
  oneof('getSupportedDm', fc.record({ objPaths: list(str), firstLevelOnly: bool, returnCommands: bool, returnEvents: bool, returnParams: bool, returnUniqueKeySets: bool })),
  oneof('getInstances', fc.record({ objPaths: list(str), firstLevelOnly: bool })),
  oneof('set', fc.record({ allowPartial: bool, updateObjs: objects })),
  oneof('add', fc.record({ allowPartial: bool, createObjs: objects })),
  oneof('delete', fc.record({ allowPartial: bool, objPaths: list(str) })),
  oneof('operate', fc.record({ command: str, commandKey: str, sendResp: bool, inputArgs: map })),
  oneof('notify', fc.record({
    subscriptionId: str,
    sendResp: bool,
    notification: fc.oneof(
      oneof('event', fc.record({ objPath: str, eventName: str, params: map })),
      oneof('valueChange', fc.record({ paramPath: str, paramValue: str })),
      oneof('objCreation', fc.record({ objPath: str, uniqueKeys: map })),
      oneof('objDeletion', fc.record({ objPath: str })),
      oneof('operComplete', fc.record({
        objPath: str,
        commandName: str,
        commandKey: str,
        operationResp: fc.oneof(oneof('reqOutputArgs', fc.record({ outputArgs: map })), oneof('cmdFailure', failure)),
      })),
      oneof('onBoardReq', fc.record({ oui: str, productClass: str, serialNumber: str, agentSupportedProtocolVersions: str })),
    ),
  })),
  oneof('getSupportedProtocol', fc.record({ controllerSupportedProtocolVersions: str })),
  oneof('register', fc.record({ allowPartial: bool, regPaths: list(fc.record({ path: str })) })),
  oneof('deregister', fc.record({ paths: list(str) })),
);

const supportedObj = fc.record({
  supportedObjPath: str,
  access: enumOf(3),
  isMultiInstance: bool,
  supportedCommands: list(fc.record({ commandName: str, inputArgNames: list(str), outputArgNames: list(str), commandType: enumOf(2) }), 2),
  supportedEvents: list(fc.record({ eventName: str, argNames: list(str) }), 2),
  supportedParams: list(fc.record({ paramName: str, access: enumOf(2), valueType: enumOf(10), valueChange: enumOf(2) }), 2),
  divergentPaths: list(str, 2),
  uniqueKeySets: list(fc.record({ keyNames: list(str) }), 2),
});

export const responseBody = fc.oneof(
  oneof('getResp', fc.record({
    reqPathResults: list(fc.record({ requestedPath: str, errCode: u32, errMsg: str, resolvedPathResults: list(fc.record({ resolvedPath: str, resultParams: map })) })),
  })),
  oneof('getSupportedDmResp', fc.record({
    reqObjResults: list(fc.record({ reqObjPath: str, errCode: u32, errMsg: str, dataModelInstUri: str, supportedObjs: list(supportedObj, 2) }), 2),
  })),
  oneof('getInstancesResp', fc.record({
    reqPathResults: list(fc.record({ requestedPath: str, errCode: u32, errMsg: str, currInsts: list(fc.record({ instantiatedObjPath: str, uniqueKeys: map })) })),
  })),
  oneof('setResp', fc.record({
    updatedObjResults: results(
      fc.record({ updatedInstResults: list(fc.record({ affectedPath: str, paramErrs: list(paramErr), updatedParams: map })) }),
      fc.record({ errCode: u32, errMsg: str, updatedInstFailures: list(fc.record({ affectedPath: str, paramErrs: list(paramErr) })) }),
    ),
  })),
  oneof('addResp', fc.record({ createdObjResults: results(fc.record({ instantiatedPath: str, paramErrs: list(paramErr), uniqueKeys: map })) })),
  oneof('deleteResp', fc.record({
    deletedObjResults: results(fc.record({ affectedPaths: list(str), unaffectedPathErrs: list(fc.record({ unaffectedPath: str, errCode: u32, errMsg: str })) })),
  })),
  oneof('operateResp', fc.record({
    operationResults: list(fc.record({
      executedCommand: str,
      operationResp: fc.oneof(oneof('reqObjPath', str), oneof('reqOutputArgs', fc.record({ outputArgs: map })), oneof('cmdFailure', failure)),
    })),
  })),
  oneof('notifyResp', fc.record({ subscriptionId: str })),
  oneof('getSupportedProtocolResp', fc.record({ agentSupportedProtocolVersions: str })),
  oneof('registerResp', fc.record({ registeredPathResults: results(fc.record({ registeredPath: str })) })),
  oneof('deregisterResp', fc.record({ deregisteredPathResults: results(fc.record({ deregisteredPath: list(str) })) })),
);

export const errorBody = fc.record({ errCode: u32, errMsg: str, paramErrs: list(fc.record({ paramPath: str, errCode: u32, errMsg: str })) });

export const header = fc.option(fc.record({ msgId: str, msgType: enumOf(22) }), { nil: undefined });

export const msg: A<Msg> = fc.record({
  header,
  body: fc.option(
    fc.record({
      msgBody: fc.oneof(
        oneof('request', fc.record({ reqType: requestBody })),
        oneof('response', fc.record({ respType: responseBody })),
        oneof('error', errorBody),
      ),
    }),
    { nil: undefined, freq: 10 },
  ),
}) as A<Msg>;

export const record: A<UspRecord> = fc.record({
  version: str,
  toId: str,
  fromId: str,
  payloadSecurity: enumOf(1),
  macSignature: bytes,
  senderCert: bytes,
  recordType: fc.oneof(
    oneof('noSessionContext', fc.record({ payload: bytes })),
    oneof('sessionContext', fc.record({
      sessionId: u64,
      sequenceId: u64,
      expectedId: u64,
      retransmitId: u64,
      payloadSarState: enumOf(3),
      payloadrecSarState: enumOf(3),
      payload: list(bytes),
    })),
    oneof('websocketConnect', fc.constant({})),
    oneof('mqttConnect', fc.record({ version: enumOf(1), subscribedTopic: str })),
    oneof('stompConnect', fc.record({ version: enumOf(0), subscribedDestination: str })),
    oneof('disconnect', fc.record({ reason: str, reasonCode: u32 })),
    oneof('udsConnect', fc.constant({})),
  ),
}) as A<UspRecord>;
