// The instantiated model in RAM: one record per object (instance or single-instance object)
// keyed by its instantiated path, one record per table. Transactions (txn.ts) change it through
// these primitives and keep an undo log; persist.ts mirrors it to Storage.
import { ErrorCode, UspError, noSuchObject } from '../errors.ts';
import type { DefNode, Schema } from './schema.ts';
import { zeroValue } from './values.ts';

export interface ObjRec {
  readonly node: DefNode;
  /** 'Device.LocalAgent.Controller.1.' */
  readonly path: string;
  /** Stored (non-computed) parameter values, canonical lexical form. */
  readonly values: RowValues;
}

/**
 * The stored values of one object: the names are the node's (one frozen list per object
 * definition, shared by every row), the values one array per row. Half the RAM of a Map per
 * row on XS (one array item against a key and a value slot per entry; issue 10).
 */
export class RowValues {
  private readonly vals: string[];

  /** `names`: the node's stored parameters (DefNode.stored), `zero` their initial values. */
  constructor(private readonly names: readonly string[], zero: (name: string) => string) {
    this.vals = names.map(zero);
  }

  get(name: string): string | undefined {
    const i = this.names.indexOf(name);
    return i < 0 ? undefined : this.vals[i];
  }

  has(name: string): boolean {
    return this.names.indexOf(name) >= 0;
  }

  /** Sets a stored parameter; any other name is a programming error. */
  set(name: string, value: string): void {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`${name} is not a stored parameter`);
    this.vals[i] = value;
  }

  keys(): readonly string[] {
    return this.names;
  }

  forEach(fn: (value: string, name: string) => void): void {
    for (let i = 0; i < this.names.length; i++) fn(this.vals[i], this.names[i]);
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

export class Store {
  readonly objs = new Map<string, ObjRec>();
  readonly tables = new Map<string, TableRec>();

  constructor(readonly schema: Schema, readonly instancesPerTable: number) {}

  /** Create a record and, recursively, its single-instance children and empty child tables. */
  createObject(node: DefNode, path: string): ObjRec {
    const values = new RowValues(node.stored, (name) => zeroValue(node.params.get(name)!));
    const rec: ObjRec = { node, path, values };
    this.objs.set(path, rec);
    for (const child of node.children.values()) {
      const cp = path + child.name + '.';
      if (child.multi) this.tables.set(cp, { node: child, path: cp, next: 1, insts: [] });
      else this.createObject(child, cp);
    }
    return rec;
  }

  /** Bound of a table: the schema's maxEntries capped by the board profile. */
  capacity(table: TableRec): number {
    const m = table.node.def.maxEntries;
    return m !== undefined && m < this.instancesPerTable ? m : this.instancesPerTable;
  }

  /** Add instance `n` (or the next free number) to a table, in `slot` (or the smallest free). 7005 at the bound. */
  insertInstance(table: TableRec, n?: number, slot?: number): ObjRec {
    if (table.insts.length >= this.capacity(table)) {
      throw new UspError(ErrorCode.RESOURCES_EXCEEDED, `${table.path} is full (${this.capacity(table)} instances)`, table.path);
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
    let i = table.insts.length;
    while (i > 0 && table.insts[i - 1] > num) i--;
    table.insts.splice(i, 0, num);
    slots.splice(i, 0, s);
    return this.createObject(table.node, table.path + num + '.');
  }

  /** Remove an instance and everything below it. */
  removeInstance(path: string): Removed {
    const m = /^(.*\.)([0-9]+)\.$/.exec(path);
    const table = m ? this.tables.get(m[1]) : undefined;
    if (!m || !table) throw noSuchObject(path);
    const n = Number(m[2]);
    const at = table.insts.indexOf(n);
    if (at < 0) throw noSuchObject(path);
    table.insts.splice(at, 1);
    const slot = table.slots!.splice(at, 1)[0];
    const objs: ObjRec[] = [];
    const tables: TableRec[] = [];
    for (const [p, r] of this.objs) if (p.startsWith(path)) objs.push(r);
    for (const [p, t] of this.tables) if (p.startsWith(path)) tables.push(t);
    for (const r of objs) this.objs.delete(r.path);
    for (const t of tables) this.tables.delete(t.path);
    return { table, n, slot, objs, tables };
  }

  /** Undo a removeInstance. */
  restore(r: Removed): void {
    let i = r.table.insts.length;
    while (i > 0 && r.table.insts[i - 1] > r.n) i--;
    r.table.insts.splice(i, 0, r.n);
    (r.table.slots || (r.table.slots = [])).splice(i, 0, r.slot);
    for (const o of r.objs) this.objs.set(o.path, o);
    for (const t of r.tables) this.tables.set(t.path, t);
  }

  /** Instance paths of a table, ascending. */
  instancePaths(table: TableRec): string[] {
    return table.insts.map((n) => table.path + n + '.');
  }

  /** Instance paths (tables only) in the subtree below `path` (excluded), parents first. */
  instancesBelow(path: string): string[] {
    const out: string[] = [];
    const walk = (objPath: string) => {
      const rec = this.objs.get(objPath);
      if (!rec) return;
      for (const child of rec.node.children.values()) {
        const cp = objPath + child.name + '.';
        if (!child.multi) { walk(cp); continue; }
        const t = this.tables.get(cp);
        if (!t) continue;
        for (const ip of this.instancePaths(t)) { out.push(ip); walk(ip); }
      }
    };
    walk(path);
    return out;
  }
}
