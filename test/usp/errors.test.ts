import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, UspError, errorName } from '../../src/errors.ts';

// The names of usp-spec-digest.md §2.1, as err_msg defaults carry them.
const SPEC: { [code: number]: string } = {
  7000: 'Message failed', 7001: 'Message not supported', 7002: 'Request denied', 7003: 'Internal error',
  7004: 'Invalid arguments', 7005: 'Resources exceeded', 7006: 'Permission denied', 7007: 'Invalid configuration',
  7008: 'Invalid path syntax', 7009: 'Parameter action failed', 7010: 'Unsupported parameter', 7011: 'Invalid type',
  7012: 'Invalid value', 7013: 'Attempt to update non-writeable parameter', 7014: 'Value conflict', 7015: 'Operation error',
  7016: 'Object does not exist', 7017: 'Object could not be created', 7018: 'Object is not a table',
  7019: 'Attempt to create non-creatable object', 7020: 'Object could not be updated', 7021: 'Required parameter failed',
  7022: 'Command failure', 7023: 'Command canceled', 7024: 'Delete failure', 7025: 'Object exists with duplicate key',
  7026: 'Invalid path', 7027: 'Invalid command arguments', 7100: 'Record could not be parsed', 7101: 'Secure session required',
  7102: 'Secure session not supported', 7103: 'SAR not supported', 7104: 'Invalid Record value',
  7105: 'Session Context terminated', 7106: 'Session Context not allowed',
};

test('errorName gives the spec name of every code the Agent uses, and "Error" for any other', () => {
  for (const code of Object.values(ErrorCode)) assert.equal(errorName(code), SPEC[code], String(code));
  assert.equal(Object.values(ErrorCode).length, Object.keys(SPEC).length);
  for (const code of [0, 6999, 7028, 7099, 7107, 7200, 7026.5, NaN, -7000]) assert.equal(errorName(code), 'Error', String(code));
  assert.equal(new UspError(ErrorCode.OBJECT_NOT_A_TABLE).message, 'Object is not a table');
});
