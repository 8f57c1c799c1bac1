// The checks a transaction makes on what it writes (txn.ts): a value's type, range and strong
// references (R-ARC.11), unique keys (R-ADD.5: generated when the Controller left them out), and
// the clean-up of references to deleted instances (R-ARC.12). Each takes the transaction's
// write (undo-logged), so what it changes is undone with the rest.
import { ErrorCode, UspError } from '../errors.ts';
import type { ParamDef } from './api.ts';
import { resolvePath, type ResolverCore } from './resolver.ts';
import { stripDot, tableOf } from './paths.ts';
import { fillGeneratedKeys, generatedKey, named, storesOf } from './schema.ts';
import type { ObjRec, Store } from './store.ts';
import { canonical, splitList } from './values.ts';

/** The transaction's undo-logged write (Txn.setValue), or the Store's own (rows made without an Add). */
export type Write = Pick<Store, 'setValue'>;

/** `e` as a UspError about `path` (kept when it names a path already); anything else becomes `fallback`. */
export function withPath(e: unknown, path: string, fallback: number): UspError {
  if (e instanceof UspError) return e.path ? e : new UspError(e.code, e.message, path);
  return new UspError(fallback, e instanceof Error ? e.message : String(e), path);
}

/** Validate `value` for rec.name (type, range, references) and return its canonical form. */
export function prepareValue(core: ResolverCore, rec: ObjRec, name: string, value: string): string {
  const def: ParamDef = named(rec.node.params, name)!;
  const path = rec.path + name;
  let v: string;
  try { v = canonical(def, value); } catch (e) { throw withPath(e, path, ErrorCode.INVALID_VALUE); }
  if (def.ref && def.ref.kind === 'strong') {
    // Strong references must name an existing instance of the target; stored with instance
    // numbers even when given with unique keys (R-ARC.11).
    const items = def.list ? splitList(v) : [v];
    const out: string[] = [];
    for (const item of items) {
      if (item === '') { if (!def.list) out.push(''); continue; }
      let target: string | undefined;
      try {
        const r = resolvePath(core, item.endsWith('.') ? item : item + '.');
        if (r.targets.length === 1 && r.def.path === def.ref.target) target = r.targets[0].objPath;
      } catch { /* not a path: reported below */ }
      if (target === undefined || target.endsWith('.') && core.store.tables.has(target)) {
        throw new UspError(ErrorCode.INVALID_VALUE, `${item} is not an existing ${def.ref.target}`, path);
      }
      out.push(stripDot(target));
    }
    v = out.join(',');
  }
  return v;
}

/** 7013 when rec's unique keys (those with `only`, when given) equal another row's. */
export function checkKeys(core: ResolverCore, rec: ObjRec, only?: string): void {
  const keys = rec.node.uniqueKeys;
  if (!keys || !rec.node.multi) return;
  const table = core.store.tables.get(tableOf(rec.path));
  if (!table) return;
  for (const set of keys) {
    if (only !== undefined && set.indexOf(only) < 0) continue;
    const mine = set.map((k) => rec.get(k)).join('\u0000');
    for (const other of core.store.instancePaths(table)) {
      if (other === rec.path) continue;
      const o = core.store.objs.get(other)!;
      if (set.map((k) => o.get(k)).join('\u0000') === mine) {
        throw new UspError(ErrorCode.DUPLICATE_UNIQUE_KEY, `unique key ${set.join('+')} already used by ${other}`, rec.path + (only || set[0]));
      }
    }
  }
}

/** R-ADD.5: give values to unique keys the Controller left out (prefix + N strings, N numbers). */
export function generateKeys(core: ResolverCore, write: Write, rec: ObjRec, given: Set<string>): void {
  const node = rec.node;
  const n = Number(rec.path.slice(tableOf(rec.path).length, -1));
  fillGeneratedKeys(core.schema, write, rec, given);
  for (const set of node.uniqueKeys || []) {
    for (let attempt = 0; ; attempt++) {
      try { checkKeys(core, rec, set[0]); break; } catch (e) {
        const free = set.filter((k) => !given.has(k) && !named(node.params, k)!.ref);
        if (!free.length || attempt >= 8) throw e;
        for (const k of free) {
          const def = named(node.params, k)!;
          const suffix = attempt ? `-${attempt}` : '';
          const v = def.type === 'string' ? generatedKey(core.schema, n, suffix) : String(n + attempt);
          write.setValue(rec, k, canonical(def, v));
        }
      }
    }
  }
}

/** R-ARC.12: strong references to deleted instances become empty / lose the list item. */
export function clearReferences(core: ResolverCore, write: Write, deleted: string[]): void {
  const gone = new Set(deleted.map(stripDot));
  for (const rec of core.store.objs.values()) {
    for (const param of storesOf(rec.node)) {
      const v = param.ref && param.ref.kind === 'strong' && rec.get(param.name);
      if (!v) continue;
      const items = param.list ? splitList(v) : [v];
      const kept = items.filter((i) => !gone.has(i));
      if (kept.length !== items.length) write.setValue(rec, param.name, kept.join(','));
    }
  }
}
