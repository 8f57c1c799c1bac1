// Persistence of the instantiated model through the HAL Storage (atomic per key), crash-safe as
// a whole (issue 12): after a power loss the stored model is the old or the new one, never half.
//
// Layout, chosen so one write is bounded by the schema rather than by the whole model:
// - one record per *unit*: a multi-instance object instance together with its single-instance
//   sub-objects (e.g. Controller.1. + nothing, Controller.1.MTP.1. + its CoAP.), or a
//   single-instance object outside any table (Device.LocalAgent.). Values by parameter name
//   (not position), so a firmware that adds parameters still reads old records.
// - one index per table instance: "next;n:s,n:s" (next instance number, then each live
//   instance with its storage slot; R-ARC.8: numbers survive reboot and are never reused).
// Keys: 'd.' (unit) or 't.' (table index), the 5-character hash of the supported path, then
// 2 base-36 digits per enclosing table: the instance's storage *slot* (store.ts), not its
// number. So a key has at most 2 + 5 + 2 * 4 = 15 characters (the ESP-IDF NVS limit) however
// large instance numbers grow; the schema may nest persisted tables 4 deep, each table holds at
// most 36^2 instances (checked at start).
// Atomicity: a commit's records go through the journal (journal.ts). The first boot and a
// factory reset write the whole model record by record, then the format marker: a model without
// the marker is a torn first write, wiped and written again from the defaults. The marker also
// names the schema: another build's model is migrated (migrate.ts).
import type { Storage } from '../../hal/hal.ts';
import type { DefNode, Schema } from './schema.ts';
import { named, pathHash, storedNames, supportedPathOf } from './schema.ts';
import { isInstancePath } from './paths.ts';
import type { ObjRec, Store, TableRec } from './store.ts';
import { canonical } from './values.ts';
import { utf8Encode, utf8Decode } from '../codec/utf8.ts';
import { isStorageWriteError, JOURNAL_KEY, MODEL_MARKER_KEY, recoverJournal, writeAtomically, type WriteSet } from './journal.ts';
import { markerOf, schemaIdentity, type MigrationLog } from './migrate.ts';

/** The unit (see above) an object record belongs to: its innermost instance, else itself. */
export function unitOf(path: string): string {
  for (let end = path.lastIndexOf('.'); end > 0; end = path.lastIndexOf('.', end - 1)) {
    const p = path.slice(0, end + 1);
    if (isInstancePath(p)) return p;
  }
  return path;
}

/** length-prefixed strings: "4:Port4:5683" — no separator can clash with a value. */
export function encodeFields(fields: string[]): string {
  return fields.map((f) => f.length + ':' + f).join('');
}
export function decodeFields(s: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const colon = s.indexOf(':', i);
    if (colon < 0) return undefined;
    const len = Number(s.slice(i, colon));
    if (!(len >= 0) || colon + 1 + len > s.length) return undefined;
    out.push(s.slice(colon + 1, colon + 1 + len));
    i = colon + 1 + len;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A unit ('d.') or table index ('t.') record key: then base-36 digits only. Not the journal's or
 * the marker's 'p.', nor a model module's own record (device.ts 'd._tmr'), which boot and
 * migration must leave alone.
 */
function isRecordKey(k: string): boolean {
  if (k.length < 3 || k.charAt(1) !== '.' || (k.charAt(0) !== 'd' && k.charAt(0) !== 't')) return false;
  for (let i = 2; i < k.length; i++) {
    const c = k.charAt(i);
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) return false;
  }
  return true;
}

export class Persist {
  /** A journal whose apply failed is still pending: finish it before writing another. */
  private pending = false;
  /** Set while a stored model of another schema is loaded: what was read and what was dropped. */
  migration: MigrationLog | undefined;
  private id: string | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly schema: Schema,
    private readonly store: Store,
  ) {
    // Keys within 15 characters: 2 base-36 digits of slot per table, at most 4 tables deep.
    if (store.instancesPerTable > 36 * 36) throw new Error('instancesPerTable over 1296: storage keys would exceed 15 characters');
    for (const node of schema.nodes) {
      let depth = 0;
      for (let n: DefNode | undefined = node; n; n = n.parent) if (n.multi) depth++;
      if (depth > 4 && Persist.persists(node)) throw new Error(`${node.path}: persisted tables nest at most 4 deep (storage keys ≤ 15 characters)`);
    }
  }

  /** Volatile objects (Request.{i}) and everything below them are never stored. */
  static persists(node: DefNode): boolean {
    for (let n: DefNode | undefined = node; n; n = n.parent) if (n.persist === false) return false;
    return true;
  }

  /** 2 base-36 digits per instance in `path`: each instance's storage slot in its table. */
  private slots(path: string): string {
    let out = '';
    const re = /\.([0-9]+)(?=\.)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(path))) {
      const t = this.store.tables.get(path.slice(0, m.index + 1));
      const at = t ? t.insts.indexOf(Number(m[1])) : -1;
      if (!t || at < 0) throw new Error(`no storage slot for ${path}`);
      out += ('0' + t.slots![at].toString(36)).slice(-2);
    }
    return out;
  }

  unitKey(unit: string): string {
    return 'd.' + pathHash(supportedPathOf(unit)) + this.slots(unit);
  }
  tableKey(tablePath: string): string {
    return 't.' + pathHash(supportedPathOf(tablePath) + '{i}.') + this.slots(tablePath);
  }

  /**
   * Finish a write set a restart interrupted (call before anything reads the model); then true
   * when a whole model is stored (not a first boot, nor a torn first write or reset).
   */
  recover(): boolean {
    recoverJournal(this.storage);
    return this.storage.get(MODEL_MARKER_KEY) !== undefined;
  }

  /** This build's schema identity (migrate.ts), computed once. */
  identity(): string {
    return this.id || (this.id = schemaIdentity(this.schema, Persist.persists));
  }

  /** A whole model of another build's schema is stored (migrate it rather than load it as is). */
  otherSchema(): boolean {
    const b = this.storage.get(MODEL_MARKER_KEY);
    return !!b && this.read(MODEL_MARKER_KEY) !== markerOf(this.identity());
  }

  /** The records of the whole model in RAM (what saveAll writes), into `ops`; `each` after each record. */
  allRecords(ops: WriteSet, each?: () => void): void {
    for (const p of this.store.objs.keys()) if (unitOf(p) === p) { this.writeUnit(p, ops); if (each) each(); }
    for (const p of this.store.tables.keys()) { this.writeTable(p, ops); if (each) each(); }
  }

  /**
   * A factory reset is decided: from now on a restart comes up on the defaults, even if the
   * reset itself has not run yet (the answer to FactoryReset() may leave first).
   */
  invalidate(): void {
    this.storage.delete(MODEL_MARKER_KEY);
  }

  /** Write the whole model (first boot, factory reset): stale records go, the marker comes last. */
  saveAll(): void {
    this.invalidate();
    this.storage.delete(JOURNAL_KEY);
    this.pending = false;
    for (const k of this.storage.keys()) if (isRecordKey(k)) this.storage.delete(k);
    // One record at a time: no RAM peak of the whole encoded model.
    const one: WriteSet = new Map();
    this.allRecords(one, () => { for (const [k, v] of one) if (v) this.storage.set(k, v); one.clear(); });
    this.storage.set(MODEL_MARKER_KEY, utf8Encode(markerOf(this.identity())));
  }

  /**
   * Make storage hold the model in RAM, in one atomic write set: the records that differ, the
   * deletion of records it no longer has, and with `marker` this build's model marker (after a
   * migration). Boot calls it: a row a handler table (FirmwareImage) gained or lost, a value
   * or row that no longer loads, are stored. Returns what it rewrote and which keys it removed.
   */
  sync(marker: boolean): { rewritten: number; removed: string[] } {
    const ops: WriteSet = new Map();
    const wanted = new Set<string>();
    // One record at a time: no RAM peak of the whole encoded model.
    const one: WriteSet = new Map();
    this.allRecords(one, () => {
      for (const [k, v] of one) {
        wanted.add(k);
        const old = this.storage.get(k);
        if (!old || !sameBytes(old, v!)) ops.set(k, v);
      }
      one.clear();
    });
    const rewritten = ops.size;
    const removed = this.storage.keys().filter((k) => isRecordKey(k) && !wanted.has(k));
    for (const k of removed) ops.set(k, null);
    if (marker) ops.set(MODEL_MARKER_KEY, utf8Encode(markerOf(this.identity())));
    this.commit(ops);
    return { rewritten, removed };
  }

  /** Write `ops` atomically (journal.ts); throws StorageWriteError. */
  commit(ops: WriteSet): void {
    if (this.pending) { recoverJournal(this.storage); this.pending = false; }
    try {
      writeAtomically(this.storage, ops);
    } catch (e) {
      if (isStorageWriteError(e) && e.committed) this.pending = true;
      throw e;
    }
  }

  /** The record of a unit into `ops` (nothing for volatile or missing ones). */
  writeUnit(unit: string, ops: WriteSet): void {
    const rec = this.store.objs.get(unit);
    if (!rec || !Persist.persists(rec.node)) return;
    const fields: string[] = [];
    const add = (r: ObjRec, prefix: string) => {
      for (const name of storedNames(r.node)) fields.push(prefix + name, r.get(name)!);
      for (const c of r.node.children) {
        if (c.multi) continue;
        const child = this.store.objs.get(r.path + c.name + '.');
        // A single-instance object outside any table is a unit of its own (not repeated here).
        if (child && unitOf(child.path) === unit) add(child, prefix + c.name + '.');
      }
    };
    add(rec, '');
    ops.set(this.unitKey(unit), utf8Encode(encodeFields(fields)));
  }

  /** The index of a live table into `ops`. */
  writeTable(tablePath: string, ops: WriteSet): void {
    const t = this.store.tables.get(tablePath);
    if (!t || !Persist.persists(t.node)) return;
    ops.set(this.tableKey(tablePath), utf8Encode(t.next + ';' + t.insts.map((n, i) => n + ':' + t.slots![i]).join(',')));
  }

  /** Keys of every record of the instance at `path` and below it (before it is removed). */
  subtreeKeys(path: string): string[] {
    const out: string[] = [];
    for (const [p, rec] of this.store.objs) {
      if (p.lastIndexOf(path, 0) === 0 && unitOf(p) === p && Persist.persists(rec.node)) out.push(this.unitKey(p));
    }
    for (const [p, t] of this.store.tables) if (p.lastIndexOf(path, 0) === 0 && Persist.persists(t.node)) out.push(this.tableKey(p));
    return out;
  }

  private read(key: string): string | undefined {
    const b = this.storage.get(key);
    if (!b) return undefined;
    try { return utf8Decode(b); } catch { return undefined; }
  }

  /** Overlay a stored unit record onto freshly created records; invalid values keep defaults. */
  private loadUnit(unit: string): void {
    const text = this.read(this.unitKey(unit));
    const fields = text === undefined ? undefined : decodeFields(text);
    if (!fields) return;
    const mig = this.migration;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const rel = fields[i];
      const dot = rel.lastIndexOf('.');
      const rec = this.store.objs.get(unit + rel.slice(0, dot + 1));
      const name = rel.slice(dot + 1);
      const def = rec && named(rec.node.params, name);
      if (!rec || !def || rec.get(name) === undefined) {
        if (mig) mig.dropped.push(`${unit}${rel}: no longer in the model`);
        continue;
      }
      if (mig) mig.seen.add(rec.path + '\u0000' + name);
      try {
        this.store.setValue(rec, name, canonical(def, fields[i + 1]));
      } catch {
        // Not valid for its (changed) type or range, or past modelValueBytes: the default stays.
        if (mig) mig.dropped.push(`${rec.path}${name}: '${fields[i + 1]}' not valid as ${def.type}${def.list ? ' list' : ''}`);
      }
    }
  }

  private loadTable(t: TableRec): void {
    const text = this.read(this.tableKey(t.path));
    const m = text === undefined ? null : /^([0-9]+);([0-9:,]*)$/.exec(text);
    if (!m) return;
    for (const item of m[2] ? m[2].split(',') : []) {
      const colon = item.indexOf(':');
      const n = Number(item.slice(0, colon));
      const slot = Number(item.slice(colon + 1));
      if (colon < 0 || !(n >= 1) || t.insts.indexOf(n) >= 0) continue;
      try { this.store.insertInstance(t, n, slot); } catch { // bound lowered: drop extras
        if (this.migration) this.migration.dropped.push(`${t.path}${n}.: over the table's bound`);
        continue;
      }
      this.load(t.path + n + '.');
    }
    const next = Number(m[1]);
    if (next > t.next) t.next = next;
  }

  /** Load the unit at `path` and, recursively, the tables below it. */
  load(path: string): void {
    const rec = this.store.objs.get(path);
    if (!rec || !Persist.persists(rec.node)) return;
    if (unitOf(path) === path) this.loadUnit(path);
    for (const c of rec.node.children) {
      const cp = path + c.name + '.';
      if (!c.multi) { this.load(cp); continue; }
      const t = this.store.tables.get(cp);
      if (t && Persist.persists(c)) this.loadTable(t);
    }
  }
}
