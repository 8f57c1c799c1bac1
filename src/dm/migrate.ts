// State migration across builds (issue 12: a firmware upgrade must not reset a device's
// configuration). The model marker (persist.ts) records the schema identity: a hash of every
// persisted object path with its stored parameters and their types. A build that finds another
// identity migrates the stored model instead of starting from the defaults:
// - records are read by parameter name, so a parameter that still exists keeps its value when
//   the stored lexical value is valid for its (possibly changed) type: "compatible";
// - a value that is not valid any more, a parameter or object that is gone, instances beyond a
//   lowered bound: dropped, each with a log line;
// - a parameter the stored record did not have (new in this build, or a new single-instance
//   object) gets the factory default (the defaults file's entry for that path, else the schema's);
// - records that change, stale records and the new marker are one write set through the journal
//   (Persist.sync, journal.ts): a power loss leaves the old stored model (old marker: the next boot migrates
//   again from it) or the migrated one, never a mix. An OTA rollback before the commit point
//   finds its own state untouched.
// New tables start empty (their rows in the defaults file are not created: a table absent from
// storage cannot be told from one an operator emptied).
import type { DefNode, Schema } from './schema.ts';
import type { Defaults } from './api.ts';
import { defaultPairs } from './defaults.ts';
import { fillGeneratedKeys, fnv, storedNames, storesOf } from './schema.ts';
import { prepareValue } from './txn-checks.ts';
import type { ResolverCore } from './resolver.ts';

/** What a stored value's validity depends on, for every persisted node: 8 hex digits. */
export function schemaIdentity(schema: Schema, persists: (n: DefNode) => boolean): string {
  let h = 0x811c9dc5;
  for (const node of schema.nodes) {
    if (!persists(node)) continue;
    h = fnv(h, node.path + (node.maxEntries === undefined ? '' : '<' + node.maxEntries));
    for (const d of storesOf(node)) {
      if (d.computed) continue;
      const name = d.name;
      h = fnv(h, `|${name}:${d.type}${d.list ? '[' + (d.maxItems ?? '') + ']' : ''}:${d.maxLength ?? ''}:${String(d.min ?? '')}` +
        `:${String(d.max ?? '')}:${d.pattern ?? ''}:${d.enum || ''}:${d.ref ? d.ref.kind + d.ref.target : ''}`);
    }
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

/**
 * The marker value of this build's schema: the record format (bump it when the record layout
 * itself changes: no migration across that), then the schema identity. A literal, not a
 * module-level constant: xsl counts those as "no const" (xsl-warnings.json budget).
 */
export function markerOf(identity: string): string {
  return 'tinyusp-dm 2;' + identity;
}

/** What loading a stored model for migration noticed (persist.ts fills it). */
export class MigrationLog {
  /** 'objPath\u0000name' of every stored value read back (valid or not). */
  readonly seen = new Set<string>();
  readonly dropped: string[] = [];
}

/**
 * After `persist.load` with a MigrationLog: give parameters no stored record had their factory
 * default (checked as a Set would: type, range, strong references).
 */
export function applyNewDefaults(core: ResolverCore, defaults: Defaults, mig: MigrationLog,
  persists: (n: DefNode) => boolean): void {
  const { schema, store } = core;
  const byPath = new Map(defaultPairs(defaults));
  // Loops, not forEach closures: a closure over a counter is an xsl "no const" warning.
  for (const rec of store.objs.values()) {
    if (!persists(rec.node)) continue;
    let fresh = false;
    for (const name of storedNames(rec.node)) {
      if (mig.seen.has(rec.path + '\u0000' + name)) continue;
      fresh = true;
      const lexical = byPath.get(rec.path + name);
      if (lexical === undefined) continue; // the schema's default, already there
      try { store.setValue(rec, name, prepareValue(core, rec, name, lexical)); } catch (e) { mig.dropped.push(`${rec.path}${name}: default '${lexical}': ${(e as Error).message}`); }
    }
    // A unique key new in this build gets the Agent's value, as an Add would (R-ADD.5).
    if (fresh) fillGeneratedKeys(schema, store, rec);
  }
}
