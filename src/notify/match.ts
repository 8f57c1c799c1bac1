// Does a Subscription's ReferenceList item cover an event? Digest §4.1 "ReferenceList semantics
// by NotifType". Wildcards and search expressions are resolved when the event happens (against
// the data model as it is then), never when subscribing. ObjectDeletion is the exception that
// cannot work that way (the instance is gone): plain paths and wildcards match by structure,
// searches against the instances they matched just before the deletion (`deletions`).
import type { Engine, ParsedPath, ResolveOptions } from '../dm/api.ts';
import { isInstancePath, tableOf } from '../dm/paths.ts';

export type NotifType = 'ValueChange' | 'ObjectCreation' | 'ObjectDeletion' | 'OperationComplete' | 'Event';

export const NOTIF_TYPES: readonly NotifType[] = Object.freeze(['ValueChange', 'ObjectCreation', 'ObjectDeletion', 'OperationComplete', 'Event']);

/** The literal text before the first wildcard, search or reference: a cheap prefilter. */
export function staticPrefix(ref: string): string {
  let end = ref.length;
  for (const c of ['*', '[', '+', '#']) {
    const i = ref.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  const cut = ref.slice(0, end);
  return end === ref.length ? cut : cut.slice(0, cut.lastIndexOf('.') + 1);
}

/** 'Device.X.3.' → 'Device.X.' (the table of an instance path). */
export { tableOf };

/** Is `eventPath` covered by an element with path `target` (objects end in '.') for `type`? */
function covers(type: NotifType, target: string, eventPath: string): boolean {
  if (type === 'ObjectCreation' || type === 'ObjectDeletion') {
    // A table covers its own instances; an instance path covers itself (digest §4.1).
    return target === eventPath || target === tableOf(eventPath);
  }
  // A parameter / command / event path addresses exactly that element; an object path is a
  // filter over everything below it (ValueChange, OperationComplete, Event).
  return target.charAt(target.length - 1) === '.' ? eventPath.lastIndexOf(target, 0) === 0 : target === eventPath;
}

/**
 * Structural match of a deletion reference without the data model: names and instance numbers
 * equal, '*' any instance. undefined when the ref needs a search or reference following.
 */
export function structuralMatch(parsed: ParsedPath, eventPath: string): boolean | undefined {
  const ev = eventPath.split('.');
  ev.pop(); // object paths end in '.'
  const segs = parsed.segments;
  // The ref is the instance itself (same depth) or its table (one segment shorter).
  if (segs.length !== ev.length && segs.length !== ev.length - 1) return false;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const e = ev[i];
    if (s.kind === 'name') {
      if (s.follow) return undefined;
      if (s.name !== e) return false;
    } else if (s.kind === 'instance') {
      if (String(s.n) !== e) return false;
    } else if (s.kind === 'wildcard') {
      if (!/^[1-9][0-9]*$/.test(e)) return false;
    } else return undefined;
  }
  return true;
}

/**
 * Does `ref` cover `eventPath` (param, instance, `obj.Cmd()` or `obj.Evt!` path) for `type`?
 * `resolve`: search terms only see what the recipient may read (R-SEC.1). ObjectDeletion with a
 * search ref: `deletions` holds the instances it matched before the deletion, at `key + '|' + ref`.
 */
export function refMatches(engine: Engine, resolve: ResolveOptions, type: NotifType, ref: string, eventPath: string,
  deletions?: ReadonlyMap<string, ReadonlySet<string>>, key = ''): boolean {
  // Prefilter: without reference following, everything a ref can reach starts with its literal
  // prefix (reference following may lead anywhere).
  const prefix = staticPrefix(ref);
  if (ref.indexOf('+') < 0 && eventPath.lastIndexOf(prefix, 0) !== 0) return false;
  if (prefix === ref) return covers(type, ref, eventPath); // a literal path
  if (type === 'ObjectDeletion') {
    let parsed: ParsedPath;
    try { parsed = engine.parse(ref); } catch { return false; }
    const s = structuralMatch(parsed, eventPath);
    if (s !== undefined) return s;
    const set = deletions ? deletions.get(key + '|' + ref) : undefined;
    return !!set && set.has(eventPath);
  }
  let targets;
  try { targets = engine.resolve(ref, resolve).targets; } catch { return false; }
  for (const t of targets) if (covers(type, t.path, eventPath)) return true;
  return false;
}

/** The instance paths a deletion search ref covers now (refMatches' `deletions`). */
export function deletionCandidates(engine: Engine, ref: string, resolve: ResolveOptions, limit: number): Set<string> {
  const out = new Set<string>();
  let targets;
  try { targets = engine.resolve(ref, resolve).targets; } catch { return out; }
  for (const t of targets) {
    if (t.name) continue;
    if (isInstancePath(t.objPath)) out.add(t.objPath);
    else {
      // A table target: its instances.
      try { for (const i of engine.instances(t.objPath, true)) if (out.size < limit) out.add(i.path); } catch { /* not a table */ }
    }
    if (out.size >= limit) break;
  }
  return out;
}
