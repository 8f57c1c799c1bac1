// USP Msg objects (usp package, USP 1.4): the envelope, Error and the request bodies. Shaped
// like protobuf-es v2 output minus `$typeName`; responses in resp-types.ts.
import type {
  GetResp, GetSupportedDMResp, GetInstancesResp, SetResp, AddResp, DeleteResp, OperateResp,
  NotifyResp, GetSupportedProtocolResp, RegisterResp, DeregisterResp,
} from './resp-types.ts';

/**
 * map<string,string>, in wire (insertion) order. A Map, not an object: on the device engine
 * (XS) every distinct property name becomes a key that is never freed, so names a peer sends
 * must not become property names (and a "__proto__" key is plain data).
 */
export type StringMap = ReadonlyMap<string, string>;

export interface Msg {
  header?: Header;
  body?: Body;
}

export enum Header_MsgType {
  ERROR = 0,
  GET = 1,
  GET_RESP = 2,
  NOTIFY = 3,
  SET = 4,
  SET_RESP = 5,
  OPERATE = 6,
  OPERATE_RESP = 7,
  ADD = 8,
  ADD_RESP = 9,
  DELETE = 10,
  DELETE_RESP = 11,
  GET_SUPPORTED_DM = 12,
  GET_SUPPORTED_DM_RESP = 13,
  GET_INSTANCES = 14,
  GET_INSTANCES_RESP = 15,
  NOTIFY_RESP = 16,
  GET_SUPPORTED_PROTO = 17,
  GET_SUPPORTED_PROTO_RESP = 18,
  REGISTER = 19,
  REGISTER_RESP = 20,
  DEREGISTER = 21,
  DEREGISTER_RESP = 22,
}

export interface Header {
  msgId: string;
  msgType: Header_MsgType;
}

export interface Body {
  msgBody:
    | { case: 'request'; value: Request }
    | { case: 'response'; value: Response }
    | { case: 'error'; value: Error };
}

export interface Request {
  reqType:
    | { case: 'get'; value: Get }
    | { case: 'getSupportedDm'; value: GetSupportedDM }
    | { case: 'getInstances'; value: GetInstances }
    | { case: 'set'; value: Set }
    | { case: 'add'; value: Add }
    | { case: 'delete'; value: Delete }
    | { case: 'operate'; value: Operate }
    | { case: 'notify'; value: Notify }
    | { case: 'getSupportedProtocol'; value: GetSupportedProtocol }
    | { case: 'register'; value: Register }
    | { case: 'deregister'; value: Deregister };
}

export interface Response {
  respType:
    | { case: 'getResp'; value: GetResp }
    | { case: 'getSupportedDmResp'; value: GetSupportedDMResp }
    | { case: 'getInstancesResp'; value: GetInstancesResp }
    | { case: 'setResp'; value: SetResp }
    | { case: 'addResp'; value: AddResp }
    | { case: 'deleteResp'; value: DeleteResp }
    | { case: 'operateResp'; value: OperateResp }
    | { case: 'notifyResp'; value: NotifyResp }
    | { case: 'getSupportedProtocolResp'; value: GetSupportedProtocolResp }
    | { case: 'registerResp'; value: RegisterResp }
    | { case: 'deregisterResp'; value: DeregisterResp };
}

export interface Error {
  errCode: number;
  errMsg: string;
  paramErrs: Error_ParamError[];
}

export interface Error_ParamError {
  paramPath: string;
  errCode: number;
  errMsg: string;
}

export interface Get {
  paramPaths: string[];
  maxDepth: number;
}

export interface GetSupportedDM {
  objPaths: string[];
  firstLevelOnly: boolean;
  returnCommands: boolean;
  returnEvents: boolean;
  returnParams: boolean;
  returnUniqueKeySets: boolean;
}

export interface GetInstances {
  objPaths: string[];
  firstLevelOnly: boolean;
}

export interface GetSupportedProtocol {
  controllerSupportedProtocolVersions: string;
}

export interface Add {
  allowPartial: boolean;
  createObjs: Add_CreateObject[];
}

export interface Add_CreateObject {
  objPath: string;
  paramSettings: Add_CreateParamSetting[];
}

export interface Add_CreateParamSetting {
  param: string;
  value: string;
  required: boolean;
}

export interface Delete {
  allowPartial: boolean;
  objPaths: string[];
}

export interface Set {
  allowPartial: boolean;
  updateObjs: Set_UpdateObject[];
}

export interface Set_UpdateObject {
  objPath: string;
  paramSettings: Set_UpdateParamSetting[];
}

export interface Set_UpdateParamSetting {
  param: string;
  value: string;
  required: boolean;
}

export interface Operate {
  command: string;
  commandKey: string;
  sendResp: boolean;
  inputArgs: StringMap;
}

export interface Notify {
  subscriptionId: string;
  sendResp: boolean;
  notification:
    | { case: 'event'; value: Notify_Event }
    | { case: 'valueChange'; value: Notify_ValueChange }
    | { case: 'objCreation'; value: Notify_ObjectCreation }
    | { case: 'objDeletion'; value: Notify_ObjectDeletion }
    | { case: 'operComplete'; value: Notify_OperationComplete }
    | { case: 'onBoardReq'; value: Notify_OnBoardRequest };
}

export interface Notify_Event {
  objPath: string;
  eventName: string;
  params: StringMap;
}

export interface Notify_ValueChange {
  paramPath: string;
  paramValue: string;
}

export interface Notify_ObjectCreation {
  objPath: string;
  uniqueKeys: StringMap;
}

export interface Notify_ObjectDeletion {
  objPath: string;
}

export interface Notify_OperationComplete {
  objPath: string;
  commandName: string;
  commandKey: string;
  operationResp:
    | { case: 'reqOutputArgs'; value: Notify_OperationComplete_OutputArgs }
    | { case: 'cmdFailure'; value: Notify_OperationComplete_CommandFailure };
}

export interface Notify_OperationComplete_OutputArgs {
  outputArgs: StringMap;
}

export interface Notify_OperationComplete_CommandFailure {
  errCode: number;
  errMsg: string;
}

export interface Notify_OnBoardRequest {
  oui: string;
  productClass: string;
  serialNumber: string;
  agentSupportedProtocolVersions: string;
}

export interface Register {
  allowPartial: boolean;
  regPaths: Register_RegistrationPath[];
}

export interface Register_RegistrationPath {
  path: string;
}

export interface Deregister {
  paths: string[];
}
