// USP Msg objects (usp package, USP 1.4): the response bodies. Shaped like protobuf-es v2 output
// minus `$typeName`.
import type { StringMap } from './msg-types.ts';

export interface GetResp {
  reqPathResults: GetResp_RequestedPathResult[];
}

export interface GetResp_RequestedPathResult {
  requestedPath: string;
  errCode: number;
  errMsg: string;
  resolvedPathResults: GetResp_ResolvedPathResult[];
}

export interface GetResp_ResolvedPathResult {
  resolvedPath: string;
  resultParams: StringMap;
}

export enum GetSupportedDMResp_ParamAccessType {
  PARAM_READ_ONLY = 0,
  PARAM_READ_WRITE = 1,
  PARAM_WRITE_ONLY = 2,
}

export enum GetSupportedDMResp_ObjAccessType {
  OBJ_READ_ONLY = 0,
  OBJ_ADD_DELETE = 1,
  OBJ_ADD_ONLY = 2,
  OBJ_DELETE_ONLY = 3,
}

export enum GetSupportedDMResp_ParamValueType {
  PARAM_UNKNOWN = 0,
  PARAM_BASE_64 = 1,
  PARAM_BOOLEAN = 2,
  PARAM_DATE_TIME = 3,
  PARAM_DECIMAL = 4,
  PARAM_HEX_BINARY = 5,
  PARAM_INT = 6,
  PARAM_LONG = 7,
  PARAM_STRING = 8,
  PARAM_UNSIGNED_INT = 9,
  PARAM_UNSIGNED_LONG = 10,
}

export enum GetSupportedDMResp_ValueChangeType {
  VALUE_CHANGE_UNKNOWN = 0,
  VALUE_CHANGE_ALLOWED = 1,
  VALUE_CHANGE_WILL_IGNORE = 2,
}

export enum GetSupportedDMResp_CmdType {
  CMD_UNKNOWN = 0,
  CMD_SYNC = 1,
  CMD_ASYNC = 2,
}

export interface GetSupportedDMResp {
  reqObjResults: GetSupportedDMResp_RequestedObjectResult[];
}

export interface GetSupportedDMResp_RequestedObjectResult {
  reqObjPath: string;
  errCode: number;
  errMsg: string;
  dataModelInstUri: string;
  supportedObjs: GetSupportedDMResp_SupportedObjectResult[];
}

export interface GetSupportedDMResp_SupportedObjectResult {
  supportedObjPath: string;
  access: GetSupportedDMResp_ObjAccessType;
  isMultiInstance: boolean;
  supportedCommands: GetSupportedDMResp_SupportedCommandResult[];
  supportedEvents: GetSupportedDMResp_SupportedEventResult[];
  supportedParams: GetSupportedDMResp_SupportedParamResult[];
  divergentPaths: string[];
  uniqueKeySets: GetSupportedDMResp_SupportedUniqueKeySet[];
}

export interface GetSupportedDMResp_SupportedParamResult {
  paramName: string;
  access: GetSupportedDMResp_ParamAccessType;
  valueType: GetSupportedDMResp_ParamValueType;
  valueChange: GetSupportedDMResp_ValueChangeType;
}

export interface GetSupportedDMResp_SupportedCommandResult {
  commandName: string;
  inputArgNames: string[];
  outputArgNames: string[];
  commandType: GetSupportedDMResp_CmdType;
}

export interface GetSupportedDMResp_SupportedEventResult {
  eventName: string;
  argNames: string[];
}

export interface GetSupportedDMResp_SupportedUniqueKeySet {
  keyNames: string[];
}

export interface GetInstancesResp {
  reqPathResults: GetInstancesResp_RequestedPathResult[];
}

export interface GetInstancesResp_RequestedPathResult {
  requestedPath: string;
  errCode: number;
  errMsg: string;
  currInsts: GetInstancesResp_CurrInstance[];
}

export interface GetInstancesResp_CurrInstance {
  instantiatedObjPath: string;
  uniqueKeys: StringMap;
}

export interface GetSupportedProtocolResp {
  agentSupportedProtocolVersions: string;
}

/** The failure arm shared by the Add/Delete/Register/Deregister OperationStatus oneofs. */
interface OperationFailure {
  errCode: number;
  errMsg: string;
}

export interface AddResp {
  createdObjResults: AddResp_CreatedObjectResult[];
}

export interface AddResp_CreatedObjectResult {
  requestedPath: string;
  operStatus?: AddResp_CreatedObjectResult_OperationStatus;
}

export interface AddResp_CreatedObjectResult_OperationStatus {
  operStatus:
    | { case: 'operFailure'; value: AddResp_CreatedObjectResult_OperationStatus_OperationFailure }
    | { case: 'operSuccess'; value: AddResp_CreatedObjectResult_OperationStatus_OperationSuccess };
}

export type AddResp_CreatedObjectResult_OperationStatus_OperationFailure = OperationFailure;

export interface AddResp_CreatedObjectResult_OperationStatus_OperationSuccess {
  instantiatedPath: string;
  paramErrs: AddResp_ParameterError[];
  uniqueKeys: StringMap;
}

export interface AddResp_ParameterError {
  param: string;
  errCode: number;
  errMsg: string;
}

export interface DeleteResp {
  deletedObjResults: DeleteResp_DeletedObjectResult[];
}

export interface DeleteResp_DeletedObjectResult {
  requestedPath: string;
  operStatus?: DeleteResp_DeletedObjectResult_OperationStatus;
}

export interface DeleteResp_DeletedObjectResult_OperationStatus {
  operStatus:
    | { case: 'operFailure'; value: DeleteResp_DeletedObjectResult_OperationStatus_OperationFailure }
    | { case: 'operSuccess'; value: DeleteResp_DeletedObjectResult_OperationStatus_OperationSuccess };
}

export type DeleteResp_DeletedObjectResult_OperationStatus_OperationFailure = OperationFailure;

export interface DeleteResp_DeletedObjectResult_OperationStatus_OperationSuccess {
  affectedPaths: string[];
  unaffectedPathErrs: DeleteResp_UnaffectedPathError[];
}

export interface DeleteResp_UnaffectedPathError {
  unaffectedPath: string;
  errCode: number;
  errMsg: string;
}

export interface SetResp {
  updatedObjResults: SetResp_UpdatedObjectResult[];
}

export interface SetResp_UpdatedObjectResult {
  requestedPath: string;
  operStatus?: SetResp_UpdatedObjectResult_OperationStatus;
}

export interface SetResp_UpdatedObjectResult_OperationStatus {
  operStatus:
    | { case: 'operFailure'; value: SetResp_UpdatedObjectResult_OperationStatus_OperationFailure }
    | { case: 'operSuccess'; value: SetResp_UpdatedObjectResult_OperationStatus_OperationSuccess };
}

export interface SetResp_UpdatedObjectResult_OperationStatus_OperationFailure {
  errCode: number;
  errMsg: string;
  updatedInstFailures: SetResp_UpdatedInstanceFailure[];
}

export interface SetResp_UpdatedObjectResult_OperationStatus_OperationSuccess {
  updatedInstResults: SetResp_UpdatedInstanceResult[];
}

export interface SetResp_UpdatedInstanceFailure {
  affectedPath: string;
  paramErrs: SetResp_ParameterError[];
}

export interface SetResp_UpdatedInstanceResult {
  affectedPath: string;
  paramErrs: SetResp_ParameterError[];
  updatedParams: StringMap;
}

export interface SetResp_ParameterError {
  param: string;
  errCode: number;
  errMsg: string;
}

export interface OperateResp {
  operationResults: OperateResp_OperationResult[];
}

export interface OperateResp_OperationResult {
  executedCommand: string;
  operationResp:
    | { case: 'reqObjPath'; value: string }
    | { case: 'reqOutputArgs'; value: OperateResp_OperationResult_OutputArgs }
    | { case: 'cmdFailure'; value: OperateResp_OperationResult_CommandFailure };
}

export interface OperateResp_OperationResult_OutputArgs {
  outputArgs: StringMap;
}

export interface OperateResp_OperationResult_CommandFailure {
  errCode: number;
  errMsg: string;
}

export interface NotifyResp {
  subscriptionId: string;
}

export interface RegisterResp {
  registeredPathResults: RegisterResp_RegisteredPathResult[];
}

export interface RegisterResp_RegisteredPathResult {
  requestedPath: string;
  operStatus?: RegisterResp_RegisteredPathResult_OperationStatus;
}

export interface RegisterResp_RegisteredPathResult_OperationStatus {
  operStatus:
    | { case: 'operFailure'; value: RegisterResp_RegisteredPathResult_OperationStatus_OperationFailure }
    | { case: 'operSuccess'; value: RegisterResp_RegisteredPathResult_OperationStatus_OperationSuccess };
}

export type RegisterResp_RegisteredPathResult_OperationStatus_OperationFailure = OperationFailure;

export interface RegisterResp_RegisteredPathResult_OperationStatus_OperationSuccess {
  registeredPath: string;
}

export interface DeregisterResp {
  deregisteredPathResults: DeregisterResp_DeregisteredPathResult[];
}

export interface DeregisterResp_DeregisteredPathResult {
  requestedPath: string;
  operStatus?: DeregisterResp_DeregisteredPathResult_OperationStatus;
}

export interface DeregisterResp_DeregisteredPathResult_OperationStatus {
  operStatus:
    | { case: 'operFailure'; value: DeregisterResp_DeregisteredPathResult_OperationStatus_OperationFailure }
    | { case: 'operSuccess'; value: DeregisterResp_DeregisteredPathResult_OperationStatus_OperationSuccess };
}

export type DeregisterResp_DeregisteredPathResult_OperationStatus_OperationFailure = OperationFailure;

export interface DeregisterResp_DeregisteredPathResult_OperationStatus_OperationSuccess {
  deregisteredPath: string[];
}
