// What a transaction's undo log (txn.ts) amounts to at validate and commit: the instances it
// added, changed and deleted (for the handlers), the records to write (persist.ts, one write
// set, all or nothing), and the change events for the listeners (notifications).
import type { ChangeEvent, InstanceChange } from './api.ts';
import type { WriteSet } from './journal.ts';
import type { Persist } from './persist.ts';
import { unitOf } from './persist.ts';
import type { ResolverCore } from './resolver.ts';
import { isInstancePath, tableOf } from './paths.ts';
import type { ObjRec, Removed } from './store.ts';
import { storedNames } from './schema.ts';

export type Undo =
  | { k: 'value'; rec: ObjRec; name: string; old: string }
  | { k: 'insert'; path: string }
  /** `keys`: the storage records of the removed subtree (their slots are gone after removal). */
  | { k: 'remove'; removed: Removed; keys: string[] };

export interface Changes {
  /** Added, then changed, then deleted instances. */
  list: InstanceChange[];
  /** Paths of the added instances. */
  added: Set<string>;
}

/** Instances touched by log[from..], grouped, with what the handlers and listeners need. */
export function changesOf(core: ResolverCore, log: readonly Undo[], from: number): Changes {
  const added = new Set<string>();
  const removed: ObjRec[] = [];
  /** The first value each parameter had in the log's range, by record. */
  const old = new Map<ObjRec, Map<string, string>>();
  for (let i = from; i < log.length; i++) {
    const u = log[i];
    if (u.k === 'insert') added.add(u.path);
    else if (u.k === 'remove') {
      for (const o of u.removed.objs) {
        if (added.has(o.path)) added.delete(o.path);
        else if (isInstancePath(o.path) && !added.has(unitOf(o.path))) removed.push(o);
      }
    } else {
      let m = old.get(u.rec);
      if (!m) { m = new Map(); old.set(u.rec, m); }
      if (!m.has(u.name)) m.set(u.name, u.old);
    }
  }
  const list: InstanceChange[] = [];
  const live = (rec: ObjRec) => (name: string) => core.read(rec, name);
  for (const p of added) {
    const rec = core.store.objs.get(p);
    if (rec) list.push({ kind: 'added', path: p, changed: storedNames(rec.node), value: live(rec) });
  }
  for (const [rec, m] of old) {
    const p = rec.path;
    if (added.has(p) || core.store.objs.get(p) !== rec) continue;
    const changed = Array.from(m.keys()).filter((k) => m.get(k) !== rec.get(k));
    if (changed.length) list.push({ kind: 'changed', path: p, changed, value: live(rec) });
  }
  for (const rec of removed) list.push({ kind: 'deleted', path: rec.path, changed: [], value: (n) => rec.get(n) || '' });
  return { list, added };
}

/**
 * The records a commit writes: every touched unit and table index; the records of removed
 * subtrees go (a key reused by a new instance's slot in the same commit is set, since sets come
 * after deletes).
 */
export function writeSetOf(core: ResolverCore, persist: Persist, log: readonly Undo[]): WriteSet {
  const units = new Set<string>();
  const tables = new Set<string>();
  const ops: WriteSet = new Map();
  for (const u of log) {
    if (u.k === 'value') units.add(unitOf(u.rec.path));
    else if (u.k === 'insert') { units.add(u.path); tables.add(tableOf(u.path)); }
    else {
      tables.add(u.removed.table.path);
      for (const k of u.keys) ops.set(k, null);
    }
  }
  for (const u of units) if (core.store.objs.has(u)) persist.writeUnit(u, ops);
  for (const t of tables) if (core.store.tables.has(t)) persist.writeTable(t, ops);
  return ops;
}

/** The change events of a committed transaction: deletions, creations, then value changes. */
export function eventsOf(core: ResolverCore, c: Changes): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const kind of ['deleted', 'added', 'changed']) {
    for (const ch of c.list) {
      if (ch.kind !== kind) continue;
      const rec = core.store.objs.get(ch.path);
      if (kind === 'deleted') events.push({ type: 'objectDeletion', path: ch.path });
      else if (!rec) continue;
      else if (kind === 'added') events.push({ type: 'objectCreation', path: ch.path, uniqueKeys: uniqueKeysOf(rec) });
      // The values of an added instance's sub-objects are part of its creation.
      else if (!c.added.has(unitOf(ch.path))) {
        for (const name of ch.changed) events.push({ type: 'valueChange', path: ch.path + name, value: rec.get(name)! });
      }
    }
  }
  return events;
}

export function uniqueKeysOf(rec: ObjRec): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const set of rec.node.uniqueKeys || []) for (const k of set) out[k] = rec.get(k) || '';
  return out;
}
