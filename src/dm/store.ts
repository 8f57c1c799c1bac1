// The instantiated model in RAM: one record per object (instance or single-instance object)
// keyed by its instantiated path, one record per table. Transactions (txn.ts) change it through
// these primitives and keep an undo log; persist.ts mirrors it to Storage.
// The Store keeps what the model costs: its rows (all tables together) and the UTF-8 bytes of
// its stored values, each counted as it changes (no walk per Set) and bounded by the board
// profile (modelInstances, modelValueBytes: 7005 beyond), so tables nested to their bound cannot
// outgrow the board's RAM (issue 10; boards/esp32/worst-case.ts).
import { ErrorCode, UspError, noSuchObject } from '../errors.ts';
import { utf8Length } from '../codec/utf8.ts';
import { storesOf, type DefNode, type Schema } from './schema.ts';
import { zeroValue } from './values.ts';
import { isInstancePath, tableOf } from './paths.ts';

/**
 * One object's record (an instance or a single-instance object) and its stored values: the
 * names are the node's (one frozen list per object definition, shared by every row), the values
 * one array per row. Half the RAM of a Map per row on XS (one array item against a key and a
 * value slot per entry), and one object for the record and its values (issue 10).
 */
export class ObjRec {
  /** The value of each stored parameter (storesOf), in that order: initially its zeroValue. */
  readonly vals: string[] = [];

  constructor(readonly node: DefNode, readonly path: string) {
    for (const p of storesOf(node)) if (!p.computed) this.vals.push(zeroValue(p));
  }

  /** Where a stored parameter's value is in vals; -1 for any other name. */
  private at(name: string): number {
    let i = 0;
    for (const p of storesOf(this.node)) {
      if (p.computed) continue;
      if (p.name === name) return i;
      i++;
    }
    return -1;
  }

  /** A stored (non-computed) parameter's value, canonical lexical form; undefined for any other name. */
  get(name: string): string | undefined {
    const i = this.at(name);
    return i < 0 ? undefined : this.vals[i];
  }

  /** Only Store.setValue calls it (it counts the bytes and checks the name). */
  set(name: string, value: string): void {
    this.vals[this.at(name)] = value;
  }
}

export interface TableRec {
  readonly node: DefNode;
  /** 'Device.LocalAgent.Controller.' */
  readonly path: string;
  /** Next instance number to hand out: never reused within a boot, persisted (R-ARC.8). */
  next: number;
  /** Instance numbers, ascending. */
  readonly insts: number[];
  /**
   * Storage slot of each instance (parallel to insts): the smallest free one when added, kept
   * for the instance's life. Storage keys use slots, not instance numbers, so they stay short
   * however large the numbers grow (persist.ts). Made (the property too) with the first instance:
   * most tables stay empty, and an array or a property per table costs XS heap slots.
   */
  slots?: number[];
}

/** What deleting an instance removed, enough to put it back (rollback). */
export interface Removed {
  readonly table: TableRec;
  readonly n: number;
  readonly slot: number;
  readonly objs: ObjRec[];
  readonly tables: TableRec[];
}

/** The model's bounds from the board profile (boards/profile.ts limits). */
export interface ModelBounds {
  readonly instancesPerTable: number;
  readonly modelInstances: number;
  readonly modelValueBytes: number;
}

/** UTF-8 bytes of a record's stored values. */
function rowBytes(rec: ObjRec): number {
  let n = 0;
  for (const v of rec.vals) n += utf8Length(v);
  return n;
}

/** Instance `n` into the ascending list of `table`, with its storage slot. */
function place(table: TableRec, n: number, slot: number): void {
  let i = table.insts.length;
  while (i > 0 && table.insts[i - 1] > n) i--;
  table.insts.splice(i, 0, n);
  (table.slots || (table.slots = [])).splice(i, 0, slot);
}

export class Store {
  readonly objs = new Map<string, ObjRec>();
  readonly tables = new Map<string, TableRec>();
  readonly instancesPerTable: number;
  /** Rows of every table (modelInstances bounds it). */
  instanceCount = 0;
  /** UTF-8 bytes of every stored value (modelValueBytes bounds it). */
  valueBytes = 0;

  constructor(readonly schema: Schema, readonly bounds: ModelBounds) {
    this.instancesPerTable = bounds.instancesPerTable;
  }

  /** Empty the model (a rebuild: boot, factory reset). */
  clear(): void {
    this.objs.clear();
    this.tables.clear();
    this.instanceCount = 0;
    this.valueBytes = 0;
  }

  /**
   * Set a stored value, counted. 7005 when it would take the model past modelValueBytes, and
   * nothing changes; `force` (undo: putting back what was) skips the bound.
   */
  setValue(rec: ObjRec, name: string, value: string, force?: boolean): void {
    const old = rec.get(name);
    if (old === undefined) throw new UspError(ErrorCode.INTERNAL_ERROR, `${name} is not a stored parameter`, rec.path + name);
    if (old === value) return;
    const delta = utf8Length(value) - utf8Length(old);
    if (!force && delta > 0 && this.valueBytes + delta > this.bounds.modelValueBytes) throw this.valuesFull(rec.path + name);
    rec.set(name, value);
    this.valueBytes += delta;
  }

  private valuesFull(path: string): UspError {
    return new UspError(ErrorCode.RESOURCES_EXCEEDED, `the data model's values are at their bound (${this.bounds.modelValueBytes} bytes)`, path);
  }

  /** Create a record and, recursively, its single-instance children and empty child tables. */
  createObject(node: DefNode, path: string): ObjRec {
    const rec = new ObjRec(node, path);
    this.objs.set(path, rec);
    this.valueBytes += rowBytes(rec);
    for (const child of node.children) {
      const cp = path + child.name + '.';
      if (child.multi) this.tables.set(cp, { node: child, path: cp, next: 1, insts: [] });
      else this.createObject(child, cp);
    }
    return rec;
  }

  /** Bound of a table: the schema's maxEntries capped by the board profile. */
  capacity(table: TableRec): number {
    const m = table.node.maxEntries;
    return m !== undefined && m < this.instancesPerTable ? m : this.instancesPerTable;
  }

  /**
   * Add instance `n` (or the next free number) to a table, in `slot` (or the smallest free).
   * 7005 at the table's bound, the model's row bound, or when its initial values would take the
   * model past modelValueBytes; nothing changes then. `fixed`: a row the hardware decides
   * (FirmwareImage per firmware slot, made at boot): counted, but never refused for the model's
   * bounds, so a full model cannot keep the agent from booting.
   */
  insertInstance(table: TableRec, n?: number, slot?: number, fixed?: boolean): ObjRec {
    if (table.insts.length >= this.capacity(table)) {
      throw new UspError(ErrorCode.RESOURCES_EXCEEDED, `${table.path} is full (${this.capacity(table)} instances)`, table.path);
    }
    if (!fixed && this.instanceCount >= this.bounds.modelInstances) {
      throw new UspError(ErrorCode.RESOURCES_EXCEEDED, `the data model is full (${this.bounds.modelInstances} instances)`, table.path);
    }
    const num = n === undefined ? table.next : n;
    if (!(num >= 1 && num <= 0xffffffff) || table.insts.indexOf(num) >= 0) {
      throw new UspError(ErrorCode.INTERNAL_ERROR, `instance number ${num} unavailable`, table.path);
    }
    const slots = table.slots || (table.slots = []);
    let s = slot === undefined ? 0 : slot;
    if (slot === undefined) while (slots.indexOf(s) >= 0) s++;
    else if (!(slot >= 0 && slot < this.capacity(table)) || slots.indexOf(slot) >= 0) {
      throw new UspError(ErrorCode.INTERNAL_ERROR, `storage slot ${slot} unavailable`, table.path);
    }
    if (num >= table.next) table.next = num + 1;
    place(table, num, s);
    this.instanceCount++;
    const path = table.path + num + '.';
    const rec = this.createObject(table.node, path);
    if (!fixed && this.valueBytes > this.bounds.modelValueBytes) {
      this.removeInstance(path);
      throw this.valuesFull(table.path);
    }
    return rec;
  }

  /** Remove an instance and everything below it. */
  removeInstance(path: string): Removed {
    const table = isInstancePath(path) ? this.tables.get(tableOf(path)) : undefined;
    const n = Number(path.slice(tableOf(path).length, -1));
    const at = table ? table.insts.indexOf(n) : -1;
    if (!table || at < 0) throw noSuchObject(path);
    table.insts.splice(at, 1);
    const slot = table.slots!.splice(at, 1)[0];
    const objs: ObjRec[] = [];
    const tables: TableRec[] = [];
    for (const [p, r] of this.objs) if (p.startsWith(path)) objs.push(r);
    for (const [p, t] of this.tables) if (p.startsWith(path)) tables.push(t);
    for (const r of objs) this.objs.delete(r.path);
    for (const t of tables) this.tables.delete(t.path);
    const removed: Removed = { table, n, slot, objs, tables };
    this.count(removed, -1);
    return removed;
  }

  /** Add (+1) or take away (-1) what a removed subtree counts. */
  private count(r: Removed, sign: number): void {
    let rows = 1;
    for (const t of r.tables) rows += t.insts.length;
    let bytes = 0;
    for (const o of r.objs) bytes += rowBytes(o);
    this.instanceCount += sign * rows;
    this.valueBytes += sign * bytes;
  }

  /** Undo a removeInstance. */
  restore(r: Removed): void {
    place(r.table, r.n, r.slot);
    for (const o of r.objs) this.objs.set(o.path, o);
    for (const t of r.tables) this.tables.set(t.path, t);
    this.count(r, 1);
  }

  /** Instance paths of a table, ascending. */
  instancePaths(table: TableRec): string[] {
    return table.insts.map((n) => table.path + n + '.');
  }

  /**
   * The object paths of the subtree at `path`, itself first, parents before children, down to
   * `maxDepth` levels (0: all; 1: `path` only); nothing when `path` is not an object.
   */
  subtree(path: string, maxDepth = 0): string[] {
    const out: string[] = [];
    const walk = (p: string, depth: number) => {
      const rec = this.objs.get(p);
      if (!rec) return;
      out.push(p);
      if (maxDepth > 0 && depth >= maxDepth) return;
      for (const c of rec.node.children) {
        const cp = p + c.name + '.';
        const t = c.multi && this.tables.get(cp);
        if (t) for (const n of t.insts) walk(cp + n + '.', depth + 1);
        else if (!c.multi) walk(cp, depth + 1);
      }
    };
    walk(path, 1);
    return out;
  }

  /** The instance at `path` and every table instance below it, parents first. */
  instancesAt(path: string): string[] {
    return this.subtree(path).filter(isInstancePath);
  }
}

/** What the Store's counters should say, by a walk of the whole model (tests; not in a device build). */
export function measureStore(store: Store): { instances: number; valueBytes: number } {
  let instances = 0;
  let valueBytes = 0;
  for (const t of store.tables.values()) instances += t.insts.length;
  for (const o of store.objs.values()) valueBytes += rowBytes(o);
  return { instances, valueBytes };
}
