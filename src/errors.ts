// USP error codes (usp-spec-digest.md §2.1) and the one error type every layer throws. It sits
// below every layer (dm/, record/, model/, usp/ all import it; it imports nothing). Errors carry
// the USP code they will become on the wire (style.md: one place per layer).

export const ErrorCode = Object.freeze({
  MESSAGE_FAILED: 7000,
  MESSAGE_NOT_SUPPORTED: 7001,
  REQUEST_DENIED: 7002,
  INTERNAL_ERROR: 7003,
  INVALID_ARGUMENTS: 7004,
  RESOURCES_EXCEEDED: 7005,
  PERMISSION_DENIED: 7006,
  INVALID_CONFIGURATION: 7007,
  INVALID_PATH_SYNTAX: 7008,
  PARAMETER_ACTION_FAILED: 7009,
  UNSUPPORTED_PARAMETER: 7010,
  INVALID_TYPE: 7011,
  INVALID_VALUE: 7012,
  PARAM_READ_ONLY: 7013,
  VALUE_CONFLICT: 7014,
  OPERATION_ERROR: 7015,
  OBJECT_DOES_NOT_EXIST: 7016,
  OBJECT_NOT_CREATED: 7017,
  OBJECT_NOT_A_TABLE: 7018,
  OBJECT_NOT_CREATABLE: 7019,
  OBJECT_NOT_UPDATED: 7020,
  REQUIRED_PARAM_FAILED: 7021,
  COMMAND_FAILURE: 7022,
  COMMAND_CANCELED: 7023,
  DELETE_FAILURE: 7024,
  DUPLICATE_UNIQUE_KEY: 7025,
  INVALID_PATH: 7026,
  INVALID_COMMAND_ARGUMENTS: 7027,
  // Record errors (digest §2.1, 1.1+/1.2+)
  RECORD_NOT_PARSED: 7100,
  SECURE_SESSION_REQUIRED: 7101,
  SECURE_SESSION_NOT_SUPPORTED: 7102,
  SAR_NOT_SUPPORTED: 7103,
  INVALID_RECORD_VALUE: 7104,
  SESSION_CONTEXT_TERMINATED: 7105,
  SESSION_CONTEXT_NOT_ALLOWED: 7106,
});

/**
 * The spec's names of 7000..7027 then 7100..7106, in order, '|' between them: one string costs
 * its bytes in flash, where a table cost a slot and a number per code (issue 10).
 */
const NAMES = 'Message failed|Message not supported|Request denied|Internal error|Invalid arguments|'
  + 'Resources exceeded|Permission denied|Invalid configuration|Invalid path syntax|'
  + 'Parameter action failed|Unsupported parameter|Invalid type|Invalid value|'
  + 'Attempt to update non-writeable parameter|Value conflict|Operation error|'
  + 'Object does not exist|Object could not be created|Object is not a table|'
  + 'Attempt to create non-creatable object|Object could not be updated|Required parameter failed|'
  + 'Command failure|Command canceled|Delete failure|Object exists with duplicate key|Invalid path|'
  + 'Invalid command arguments|Record could not be parsed|Secure session required|'
  + 'Secure session not supported|SAR not supported|Invalid Record value|'
  + 'Session Context terminated|Session Context not allowed';

/** The spec's name of an error code, for err_msg defaults and logs. */
export function errorName(code: number): string {
  const i = code >= 7100 ? code - 7072 : code - 7000;
  if (i < 0 || i > 34 || (code > 7027 && code < 7100) || code !== Math.floor(code)) return 'Error';
  return listItem(NAMES, i);
}

/**
 * Item `i` of a '|'-separated list (i within it). Constant lists are such strings on the board:
 * a string costs its bytes in flash, an array a 16 B slot per item (issue 10).
 */
export function listItem(list: string, i: number): string {
  let at = 0;
  while (i-- > 0) at = list.indexOf('|', at) + 1;
  const end = list.indexOf('|', at);
  return list.slice(at, end < 0 ? list.length : end);
}

/** An error that becomes USP `err_code`/`err_msg` (in a result, a ParamError or an Error Msg). */
export class UspError extends Error {
  readonly code: number;
  /** The path (parameter or object) the error is about, for ParamError.param_path etc. */
  readonly path: string | undefined;
  constructor(code: number, message?: string, path?: string) {
    super(message ?? errorName(code));
    this.code = code;
    this.path = path;
  }
}

// The errors raised in many places, each worded once.
/** 7026: the path is not in the supported data model. */
export function notInModel(path: string): UspError {
  return new UspError(ErrorCode.INVALID_PATH, 'Path is not in the supported data model', path);
}
/** 7016: the path is in the supported model but that instance does not exist. */
export function noSuchObject(path: string): UspError {
  return new UspError(ErrorCode.OBJECT_DOES_NOT_EXIST, 'Object does not exist: ' + path, path);
}
/** 7018: a table operation on an object that is not a table. */
export function notATable(path: string): UspError {
  return new UspError(ErrorCode.OBJECT_NOT_A_TABLE, 'Object is not a table', path);
}
