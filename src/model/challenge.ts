// The way up for an unknown Controller (digest §9.4, TR-181 Challenge:1): ControllerTrust.
// RequestChallenge(ChallengeRef, RequestExpiration) hands out a ChallengeID for one enabled
// Challenge.{i}; ChallengeResponse(ChallengeID, Value) with the right passphrase elevates the
// calling Controller to the challenge's Role (it replaces UntrustedRole in AssignedRole, or is
// appended). Failed answers are counted per Controller; after Retries of them the Controller is
// locked out for LockoutPeriod seconds on the monotonic clock (R-SEC.16/17).
import type { HandlerContext, ObjectDef, ObjectHandlers } from '../dm/api.ts';
import { alias as aliasParam, enable, str, uint, int, strongRef, param, type ParamOptions } from '../dm/define.ts';
import { splitList } from '../dm/values.ts';
import { stripDot } from '../dm/paths.ts';
import { ErrorCode, UspError } from '../errors.ts';
import { CONTROLLER_TRUST } from '../names.ts';
import { ALIAS_KEYS, ROLE_REF } from './shared.ts';

const f = Object.freeze;
const b64 = (name: string, o: ParamOptions = {}) => param(name, 'base64', { maxLength: 256, ...o });
const CHALLENGE = CONTROLLER_TRUST + 'Challenge.';

// Parameters that are also RequestChallenge() output or ChallengeResponse() input arguments: one
// definition each (an output argument's value is the parameter's; arguments ignore `access`, and
// parameters `mandatory`, which only input arguments have).
const VALUE = b64('Value', { access: 'W', mandatory: true });
const VALUE_TYPE = str('ValueType', 16, { access: 'W', enum: f(['text/plain', 'image/jpeg']), default: 'text/plain' });
const INSTRUCTION = b64('Instruction', { access: 'W' });
const INSTRUCTION_TYPE = str('InstructionType', 16, { access: 'W', enum: f(['text/plain', 'image/jpeg', 'text/html']), default: 'text/plain' });
const CHALLENGE_ID = str('ChallengeID', 64, { mandatory: true });

export const CHALLENGE_COMMANDS = f([
  f({
    name: 'RequestChallenge()', async: false,
    input: f([
      str('ChallengeRef', 256, { mandatory: true, ref: strongRef(CHALLENGE + '{i}.') }),
      uint('RequestExpiration', { min: 1, default: '900' }),
    ]),
    output: f([INSTRUCTION, INSTRUCTION_TYPE, VALUE_TYPE, CHALLENGE_ID]),
  }),
  f({ name: 'ChallengeResponse()', async: false, input: f([CHALLENGE_ID, VALUE]) }),
]);

export const CHALLENGE_OBJECT: ObjectDef = f({
  path: CHALLENGE + '{i}.',
  access: 'AD',
  uniqueKeys: ALIAS_KEYS,
  params: f([
    aliasParam(),
    str('Description', 256, { access: 'W' }),
    str('Role', 256, { access: 'W', ref: ROLE_REF }),
    enable(),
    str('Type', 16, { access: 'W', enum: f(['Passphrase']), default: 'Passphrase' }),
    // Write-only semantics: a Get reads it back empty (the read handler below).
    VALUE,
    VALUE_TYPE,
    INSTRUCTION,
    INSTRUCTION_TYPE,
    uint('Retries', { access: 'W', default: '3' }),
    int('LockoutPeriod', { access: 'W', min: 0, default: '30' }),
  ]),
});

interface Pending { id: string; challenge: string; expiresAt: number }
interface Failures { count: number; lockedUntil: number }

/** Handlers for ControllerTrust. (the two commands) and Challenge.{i}. (Value reads back empty). */
export function challengeHandlers(): { [path: string]: ObjectHandlers } {
  // Keyed by Controller row; entries of rows that no longer exist are dropped on each use, so
  // both maps stay within the Controller table's bound (board instancesPerTable).
  const pending = new Map<string, Pending>();
  const failures = new Map<string, Failures>();
  let reveal = false;
  const prune = (ctx: HandlerContext) => {
    for (const m of [pending, failures] as Map<string, unknown>[]) {
      for (const k of Array.from(m.keys())) if (!ctx.engine.exists(k)) m.delete(k);
    }
  };
  const caller = (ctx: HandlerContext): string => {
    const c = ctx.origin.controllerPath;
    if (!c) throw new UspError(ErrorCode.COMMAND_FAILURE, 'no Controller row to elevate (the Controller table is full)');
    prune(ctx);
    const fl = failures.get(c);
    if (fl && fl.lockedUntil > ctx.hal.clock.monotonicMs()) throw new UspError(ErrorCode.COMMAND_FAILURE, 'locked out after too many failed challenge responses');
    return c;
  };
  const get = (ctx: HandlerContext, path: string): string => {
    reveal = true;
    try { return ctx.engine.get(path); } finally { reveal = false; }
  };

  return {
    [CONTROLLER_TRUST]: {
      operate: {
        'RequestChallenge()': (ctx, call) => {
          const c = caller(ctx);
          const ref = call.input.ChallengeRef;
          const row = ref.charAt(ref.length - 1) === '.' ? ref : ref + '.';
          if (ctx.engine.get(row + 'Enable') !== 'true') throw new UspError(ErrorCode.COMMAND_FAILURE, `${ref} is not enabled`);
          const bytes = ctx.hal.system.randomBytes(8);
          let id = '';
          for (let i = 0; i < bytes.length; i++) id += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
          pending.set(c, { id, challenge: row, expiresAt: ctx.hal.clock.monotonicMs() + Number(call.input.RequestExpiration) * 1000 });
          return {
            Instruction: ctx.engine.get(row + 'Instruction'), InstructionType: ctx.engine.get(row + 'InstructionType'),
            ValueType: ctx.engine.get(row + 'ValueType'), ChallengeID: id,
          };
        },
        'ChallengeResponse()': (ctx, call, txn) => {
          const c = caller(ctx);
          const p = pending.get(c);
          const now = ctx.hal.clock.monotonicMs();
          if (!p || p.id !== call.input.ChallengeID || now > p.expiresAt || !ctx.engine.exists(p.challenge)) {
            throw new UspError(ErrorCode.COMMAND_FAILURE, 'unknown or expired ChallengeID');
          }
          if (get(ctx, p.challenge + 'Value') !== call.input.Value || ctx.engine.get(p.challenge + 'Enable') !== 'true') {
            const fl = failures.get(c) || { count: 0, lockedUntil: 0 };
            fl.count++;
            if (fl.count >= Number(ctx.engine.get(p.challenge + 'Retries'))) {
              fl.count = 0;
              fl.lockedUntil = now + Number(ctx.engine.get(p.challenge + 'LockoutPeriod')) * 1000;
              pending.delete(c);
            }
            failures.set(c, fl);
            throw new UspError(ErrorCode.COMMAND_FAILURE, 'challenge response is not correct');
          }
          pending.delete(c);
          failures.delete(c);
          // §9.4: the challenge's Role replaces UntrustedRole in the Controller's AssignedRole, or is appended.
          const role = stripDot(ctx.engine.get(p.challenge + 'Role'));
          if (role === '') throw new UspError(ErrorCode.COMMAND_FAILURE, 'the challenge grants no Role');
          const untrusted = splitList(ctx.engine.get(CONTROLLER_TRUST + 'UntrustedRole')).map(stripDot);
          const roles = splitList(txn.get(c + 'AssignedRole')).filter((r) => untrusted.indexOf(stripDot(r)) < 0);
          if (roles.map(stripDot).indexOf(role) < 0) roles.push(role);
          txn.agentSet(c + 'AssignedRole', roles.join(','));
          return {};
        },
      },
    },
    [CHALLENGE + '{i}.']: {
      read: (_ctx, _objPath, name) => (name === 'Value' && !reveal ? '' : undefined),
    },
  };
}
