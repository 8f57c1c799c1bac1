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

const names: { [code: number]: string } = Object.freeze({
  7000: 'Message failed',
  7001: 'Message not supported',
  7002: 'Request denied',
  7003: 'Internal error',
  7004: 'Invalid arguments',
  7005: 'Resources exceeded',
  7006: 'Permission denied',
  7007: 'Invalid configuration',
  7008: 'Invalid path syntax',
  7009: 'Parameter action failed',
  7010: 'Unsupported parameter',
  7011: 'Invalid type',
  7012: 'Invalid value',
  7013: 'Attempt to update non-writeable parameter',
  7014: 'Value conflict',
  7015: 'Operation error',
  7016: 'Object does not exist',
  7017: 'Object could not be created',
  7018: 'Object is not a table',
  7019: 'Attempt to create non-creatable object',
  7020: 'Object could not be updated',
  7021: 'Required parameter failed',
  7022: 'Command failure',
  7023: 'Command canceled',
  7024: 'Delete failure',
  7025: 'Object exists with duplicate key',
  7026: 'Invalid path',
  7027: 'Invalid command arguments',
  7100: 'Record could not be parsed',
  7101: 'Secure session required',
  7102: 'Secure session not supported',
  7103: 'SAR not supported',
  7104: 'Invalid Record value',
  7105: 'Session Context terminated',
  7106: 'Session Context not allowed',
});

/** The spec's name of an error code, for err_msg defaults and logs. */
export function errorName(code: number): string {
  return names[code] ?? 'Error';
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
