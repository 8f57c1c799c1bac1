// USP Record objects (usp_record package, USP 1.4), shaped like protobuf-es v2 output minus
// `$typeName`. The Record message is `UspRecord` so it does not shadow
// TypeScript's `Record` utility type.

export enum UspRecord_PayloadSecurity {
  PLAINTEXT = 0,
  TLS12 = 1,
}

export enum SessionContextRecord_PayloadSARState {
  NONE = 0,
  BEGIN = 1,
  INPROCESS = 2,
  COMPLETE = 3,
}

export enum MQTTConnectRecord_MQTTVersion {
  V3_1_1 = 0,
  V5 = 1,
}

export enum STOMPConnectRecord_STOMPVersion {
  V1_2 = 0,
}

export interface UspRecord {
  version: string;
  toId: string;
  fromId: string;
  payloadSecurity: UspRecord_PayloadSecurity;
  macSignature: Uint8Array;
  senderCert: Uint8Array;
  recordType:
    | { case: 'noSessionContext'; value: NoSessionContextRecord }
    | { case: 'sessionContext'; value: SessionContextRecord }
    | { case: 'websocketConnect'; value: WebSocketConnectRecord }
    | { case: 'mqttConnect'; value: MQTTConnectRecord }
    | { case: 'stompConnect'; value: STOMPConnectRecord }
    | { case: 'disconnect'; value: DisconnectRecord }
    | { case: 'udsConnect'; value: UDSConnectRecord };
}

export interface NoSessionContextRecord {
  payload: Uint8Array;
}

export interface SessionContextRecord {
  sessionId: bigint;
  sequenceId: bigint;
  expectedId: bigint;
  retransmitId: bigint;
  payloadSarState: SessionContextRecord_PayloadSARState;
  payloadrecSarState: SessionContextRecord_PayloadSARState;
  payload: Uint8Array[];
}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WebSocketConnectRecord {}

export interface MQTTConnectRecord {
  version: MQTTConnectRecord_MQTTVersion;
  subscribedTopic: string;
}

export interface STOMPConnectRecord {
  version: STOMPConnectRecord_STOMPVersion;
  subscribedDestination: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface UDSConnectRecord {}

export interface DisconnectRecord {
  reason: string;
  reasonCode: number;
}
