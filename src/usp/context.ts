// What every request handler needs to know about who is asking.
import type { Origin, ResolveOptions } from '../dm/api.ts';
import { Perm } from './access.ts';
import type { RequestContext } from './dispatch.ts';
import { UspError, ErrorCode } from '../errors.ts';

export function originOf(ctx: RequestContext): Origin {
  const r = ctx.requester;
  return r.controllerPath === undefined ? { endpointId: r.endpointId } : { endpointId: r.endpointId, controllerPath: r.controllerPath };
}

/** Resolve options whose search terms only see what the Controller may read (R-SEC.1). */
export function readFilter(ctx: RequestContext): ResolveOptions {
  const access = ctx.requester.access;
  return { canRead: (p: string) => access.can(p, Perm.PARAM_READ) };
}

/** The code and message of anything a handler caught (non-USP exceptions become 7003). */
export function failureOf(e: unknown): { code: number; message: string } {
  if (e instanceof UspError) return { code: e.code, message: e.message };
  return { code: ErrorCode.INTERNAL_ERROR, message: 'Internal error' };
}

