// What every request handler needs to know about who is asking.
import type { Engine, InstanceInfo, Origin, Resolution } from '../dm/api.ts';
import type { RequestContext } from './dispatch.ts';
import { UspError, ErrorCode } from '../errors.ts';

export function originOf(ctx: RequestContext): Origin {
  const r = ctx.requester;
  return r.controllerPath === undefined ? { endpointId: r.endpointId } : { endpointId: r.endpointId, controllerPath: r.controllerPath };
}

/**
 * The code and message of a UspError a handler caught for one path. Anything else is a bug, not
 * a per-path outcome: it is thrown on, so the dispatcher logs it and answers 7003.
 */
export function failureOf(e: unknown): { code: number; message: string } {
  if (e instanceof UspError) return { code: e.code, message: e.message };
  throw e;
}

/** A failure of a requested path: the code and message that go into its result (`'code' in r` tells it from a Resolution). */
export interface PathFailure {
  readonly code: number;
  readonly message: string;
}

/**
 * Resolve one requested path as the Controller sees it (its Access is the resolve options: search
 * terms see what it may read, R-SEC.1). `objectsOnly`: the message's reason when the path must
 * name objects (7026 if not). `missingCode`: the code of a non-search path naming an instance
 * that does not exist (7016 or 7026, per message: digest §2.13).
 */
export function resolveRequested(path: string, ctx: RequestContext, objectsOnly?: string, missingCode?: number): Resolution | PathFailure {
  let res: Resolution;
  try {
    res = ctx.engine.resolve(path, ctx.requester.access);
  } catch (e) {
    return failureOf(e);
  }
  if (objectsOnly !== undefined && res.parsed.kind !== 'object') return { code: ErrorCode.INVALID_PATH, message: objectsOnly };
  if (missingCode && res.missing !== undefined) return { code: missingCode, message: 'no such instance: ' + res.missing };
  return res;
}

/** Is the supported object path a table (multi-instance: it ends in '{i}.')? */
export function isTableDef(supportedPath: string): boolean {
  return supportedPath.length > 4 && supportedPath.lastIndexOf('{i}.') === supportedPath.length - 4;
}

/** A parameter's value, or '' when it (or its row) does not exist: rows read as they stand. */
export function valueOf(engine: Engine, path: string): string {
  try {
    return engine.get(path);
  } catch {
    return '';
  }
}

/** The instances of a table, or none when it does not exist. */
export function rowsOf(engine: Engine, table: string): InstanceInfo[] {
  try {
    return engine.instances(table, true);
  } catch {
    return [];
  }
}
