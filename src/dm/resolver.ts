// Path resolution against the instantiated model (digest §3): instance numbers, unique keys and
// searches, wildcards, reference following. 7008 for syntax and invalid expressions, 7026 for
// what the supported model does not have; a missing instance is reported, not thrown.
import { ErrorCode, UspError, noSuchObject, notInModel } from '../errors.ts';
import { isPlainPath } from './paths.ts';
import type { ParamDef, ParsedPath, Resolution, ResolveOptions, SearchTerm, Target } from './api.ts';
import { parsePath } from './grammar.ts';
import type { DefNode, Schema } from './schema.ts';
import { named, nodeAt, nodeOf, paramDef, supportedPathOf } from './schema.ts';
import type { ObjRec, Store } from './store.ts';
import { literalKey, operatorAllowed, splitList, valueKey } from './values.ts';

/** What the resolver needs from the engine. */
export interface ResolverCore {
  readonly schema: Schema;
  readonly store: Store;
  /** Current canonical value of a parameter of a record (handlers and counters included). */
  read(rec: ObjRec, name: string): string;
}

/**
 * The record of an object path: 7016 when it is a missing instance of a supported object (no
 * wildcard or search in it), else 7026 for `what`.
 */
export function recOf(core: ResolverCore, objPath: string, what = objPath): ObjRec {
  const rec = core.store.objs.get(objPath);
  if (rec) return rec;
  throw nodeAt(core.schema, supportedPathOf(objPath)) && isPlainPath(objPath) ? noSuchObject(objPath) : notInModel(what);
}

/** The record of a parameter path's object and the parameter's name; 7016/7026 as recOf. */
export function paramOf(core: ResolverCore, paramPath: string): { rec: ObjRec; name: string } {
  const dot = paramPath.lastIndexOf('.');
  return { rec: recOf(core, paramPath.slice(0, dot + 1), paramPath), name: paramPath.slice(dot + 1) };
}

/** The current value of a parameter path (Engine.get, Transaction.get); 7016/7026. */
export function readParam(core: ResolverCore, paramPath: string): string {
  const { rec, name } = paramOf(core, paramPath);
  if (!paramDef(rec.node, name)) throw notInModel(paramPath);
  return core.read(rec, name);
}

/** 7026, with a more specific reason when there is one. */
export function notSupported(path: string, why?: string): UspError {
  return why ? new UspError(ErrorCode.INVALID_PATH, why, path) : notInModel(path);
}

/** Where following a reference parameter leads, statically (for validation). */
function refTarget(schema: Schema, text: string, node: DefNode, name: string): { param: ParamDef; target: DefNode } {
  const param = named(node.params, name);
  if (!param || !param.ref) throw notSupported(text, `${name} is not a reference parameter`);
  const target = nodeAt(schema, param.ref.target);
  if (!target) throw notSupported(text, `reference target ${param.ref.target} is not supported`);
  return { param, target };
}

/** Object paths a reference value points at (existing ones only), following `#n+`/`#*+`/`+`. */
export function followValues(core: ResolverCore, value: string, index: number | '*' | undefined, target: DefNode): string[] {
  const items = splitList(value);
  const chosen = index === undefined || index === '*' ? items : items.slice(index - 1, index);
  const out: string[] = [];
  for (const item of chosen) {
    if (!item) continue;
    const p = item.endsWith('.') ? item : item + '.';
    const rec = core.store.objs.get(p);
    if (rec && rec.node === target) out.push(p);
  }
  return out;
}

/** Follow reference parameter `name` of each object in `paths` (those `canRead` allows) to `target` objects. */
function followAll(core: ResolverCore, paths: string[], name: string, index: number | '*' | undefined, target: DefNode, opts: ResolveOptions): string[] {
  const next: string[] = [];
  for (const p of paths) {
    if (opts.canRead && !opts.canRead(p + name)) continue;
    const rec = core.store.objs.get(p);
    if (rec) for (const q of followValues(core, core.read(rec, name), index, target)) next.push(q);
  }
  return next;
}

/** Does `node` have the parameter, command or event a non-object path ends with? */
function hasLeaf(node: DefNode, parsed: ParsedPath): boolean {
  const leaf = parsed.leaf;
  return !!(parsed.kind === 'parameter' ? paramDef(node, leaf)
    : parsed.kind === 'command' ? named(node.commands, leaf) : named(node.events, leaf));
}

/** `key`: the literal as compared (literalKey; a whole list compares as text). */
type TermPlan = { term: SearchTerm; steps: { node: DefNode; name: string; follow?: DefNode }[]; param: ParamDef; key: string | number | bigint };

/** Check a search term against the model once (7026 unknown names, 7008 bad operator/literal). */
function planTerm(core: ResolverCore, text: string, node: DefNode, term: SearchTerm): TermPlan {
  const steps: TermPlan['steps'] = [];
  let cur = node;
  for (let i = 0; i < term.rel.length - 1; i++) {
    const r = term.rel[i];
    if (r.follow) {
      const { target } = refTarget(core.schema, text, cur, r.name);
      steps.push({ node: cur, name: r.name, follow: target });
      cur = target;
      continue;
    }
    const child = named(cur.children, r.name);
    // Terms may descend into single-instance sub-objects only, not into child tables (digest §3).
    if (!child) throw notSupported(text, `${r.name} is not in the supported data model`);
    if (child.multi) throw new UspError(ErrorCode.INVALID_PATH_SYNTAX, `search term cannot enter table ${r.name}`, text);
    steps.push({ node: cur, name: r.name });
    cur = child;
  }
  const last = term.rel[term.rel.length - 1];
  if (last.follow) throw new UspError(ErrorCode.INVALID_PATH_SYNTAX, 'search term ends with reference following', text);
  const param = paramDef(cur, last.name);
  if (!param) throw notSupported(text, `${last.name} is not a parameter of ${cur.path}`);
  const itemType = param.type;
  if (!operatorAllowed(itemType, !!param.list, term.op)) {
    throw new UspError(ErrorCode.INVALID_PATH_SYNTAX, `operator ${term.op} not valid for ${last.name}`, text);
  }
  const key = param.list && term.op !== '~=' ? term.value : literalKey(itemType, term.value, term.quoted);
  if (key === undefined) throw new UspError(ErrorCode.INVALID_PATH_SYNTAX, `literal ${term.value} not valid for ${last.name}`, text);
  steps.push({ node: cur, name: last.name });
  return { term, steps, param, key };
}

function compare(op: string, a: string | number | bigint, b: string | number | bigint): boolean {
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    default: return a >= b;
  }
}

function termHolds(core: ResolverCore, plan: TermPlan, instPath: string, opts: ResolveOptions): boolean {
  let paths = [instPath];
  const { term, steps, param, key } = plan;
  for (let i = 0; i < steps.length - 1; i++) {
    const s = steps[i];
    paths = s.follow ? followAll(core, paths, s.name, term.rel[i].follow!.index, s.follow, opts) : paths.map((p) => p + s.name + '.');
  }
  const name = steps[steps.length - 1].name;
  for (const p of paths) {
    const rec = core.store.objs.get(p);
    if (!rec) continue;
    // R-SEC.1: a parameter the Controller cannot read does not take part in a search.
    if (opts.canRead && !opts.canRead(p + name)) continue;
    const stored = core.read(rec, name);
    if (term.op === '~=') {
      if (splitList(stored).some((item) => valueKey(param.type, item) === key)) return true;
    } else if (compare(term.op, param.list ? stored : valueKey(param.type, stored), key)) return true;
  }
  return false;
}

/** Resolve an instantiated path (see Engine.resolve). */
export function resolvePath(core: ResolverCore, text: string, opts: ResolveOptions = {}): Resolution {
  const parsed: ParsedPath = parsePath(text, false);
  const { schema, store } = core;
  const segs = parsed.segments;
  const first = segs[0];
  if (first.kind !== 'name' || first.name !== schema.root.name || first.follow) throw notSupported(text);
  let node = schema.root;
  // Current matches; `table` = the path names a table itself ('Device.LocalAgent.Controller.').
  let cur: string[] = [node.name + '.'];
  let atTable = false;
  let missing: string | undefined;
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    if (seg.kind === 'name') {
      if (atTable) throw notSupported(text, `${node.path} is a table: an instance is expected`);
      if (seg.follow) {
        const { target } = refTarget(schema, text, node, seg.name);
        cur = followAll(core, cur, seg.name, seg.follow.index, target, opts);
        node = target;
        atTable = false;
        continue;
      }
      const child = named(node.children, seg.name);
      if (!child) throw notSupported(text);
      node = child;
      cur = cur.map((p) => p + seg.name + '.');
      atTable = !!child.multi;
      continue;
    }
    if (!atTable) throw notSupported(text, `${node.path} is not a table`);
    atTable = false;
    if (seg.kind === 'placeholder') throw new UspError(ErrorCode.INVALID_PATH_SYNTAX, "'{i}' in an instantiated path", text);
    if (seg.kind === 'instance') {
      const next: string[] = [];
      for (const p of cur) {
        const ip = p + seg.n + '.';
        if (store.objs.has(ip)) next.push(ip);
        else if (!parsed.isSearch && missing === undefined) missing = ip;
      }
      cur = next;
      continue;
    }
    const plans = seg.kind === 'search' ? seg.terms.map((t) => planTerm(core, text, node, t)) : [];
    const next: string[] = [];
    for (const p of cur) {
      const table = store.tables.get(p);
      if (!table) continue;
      for (const ip of store.instancePaths(table)) {
        if (plans.every((pl) => termHolds(core, pl, ip, opts))) next.push(ip);
      }
    }
    cur = next;
  }
  const leaf = parsed.leaf;
  if (parsed.kind !== 'object' && (atTable || !hasLeaf(node, parsed))) throw notSupported(text);
  // Single-instance objects exist with their parent; a table path names the table itself.
  const targets: Target[] = cur
    .filter((p) => store.objs.has(p) || (atTable && store.tables.has(p)))
    .map((p) => ({ objPath: p, name: leaf, path: p + leaf }));
  const res: { -readonly [K in keyof Resolution]: Resolution[K] } = { parsed, def: node, targets, isSearch: parsed.isSearch };
  if (missing !== undefined) res.missing = missing;
  return res;
}

/** The DefNode of a supported path ('{i}', instance numbers or '*' accepted); 7008/7026. */
export function resolveSupported(schema: Schema, text: string): { node: DefNode; parsed: ParsedPath } {
  const parsed = parsePath(text, true); // 7008 for reference following too
  let sp = '';
  for (const s of parsed.segments) sp += s.kind === 'name' ? s.name + '.' : '{i}.';
  // 'Device.X.{i}.Y.' and 'Device.X.{i}.Y.{i}.' are equivalent inputs (GSDM).
  const node = nodeOf(schema, sp);
  if (!node) throw notSupported(text);
  if (parsed.kind !== 'object' && !hasLeaf(node, parsed)) throw notSupported(text);
  return { node, parsed };
}

export { supportedPathOf };
