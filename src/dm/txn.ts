// Transactions: Set/Add/Delete change the store directly and keep an undo log, so a failure
// anywhere restores the exact previous state (R-SET.1, R-ADD.1, R-DEL.1) and savepoints give
// per-object undo for allow_partial=true (R-SET.2a). Only commit persists and notifies.
import { ErrorCode, UspError, notInModel, noSuchObject, notATable } from '../errors.ts';
import type {
  AddResult, ChangeEvent, HandlerContext, InstanceChange, Origin, ParamError, ParamSetting, Transaction,
} from './api.ts';
import type { Persist } from './persist.ts';
import { unitOf } from './persist.ts';
import { isStorageWriteError, type WriteSet } from './journal.ts';
import { resolvePath, type ResolverCore } from './resolver.ts';
import { isInstancePath, isPlainPath, supportedPathOf, tableOf } from './paths.ts';
import { generatedKey } from './schema.ts';
import type { ObjRec, Removed } from './store.ts';
import { canonical, splitList, zeroValue } from './values.ts';

export interface TxnCore extends ResolverCore {
  readonly persist: Persist;
  ctx(origin: Origin): HandlerContext;
  emit(events: ChangeEvent[]): void;
  /** Called when the transaction ends (commit or rollback). */
  closed(txn: Txn): void;
}

type Undo =
  | { k: 'value'; rec: ObjRec; name: string; old: string }
  | { k: 'insert'; path: string }
  /** `keys`: the storage records of the removed subtree (their slots are gone after removal). */
  | { k: 'remove'; removed: Removed; keys: string[] };

function withPath(e: unknown, path: string, fallback: number): UspError {
  if (e instanceof UspError) return e.path ? e : new UspError(e.code, e.message, path);
  return new UspError(fallback, e instanceof Error ? e.message : String(e), path);
}

/** The error Transaction.add throws when a required setting fails (AddFailure in api.ts). */
export class AddError extends UspError {
  constructor(readonly paramErrs: ParamError[], path: string) {
    super(ErrorCode.REQUIRED_PARAM_FAILED, 'Required parameter failed', path);
  }
}

const stripDot = (p: string) => (p.endsWith('.') ? p.slice(0, -1) : p);

export class Txn implements Transaction {
  private log: Undo[] = [];
  private open = true;
  /**
   * Changes that passed validate, each with the log length before the part it covers: a
   * rollback past that point runs its rollback handler. The log is validated up to
   * `validatedTo`, so validate (and commit) only look at what changed since (api.ts: validate
   * runs once per changed object).
   */
  private validated: { change: InstanceChange; from: number }[] = [];
  private validatedTo = 0;

  constructor(private readonly core: TxnCore, private readonly origin: Origin) {}

  private check(): void {
    if (!this.open) throw new UspError(ErrorCode.INTERNAL_ERROR, 'transaction already ended');
  }

  private objFor(paramPath: string): { rec: ObjRec; name: string } {
    const dot = paramPath.lastIndexOf('.');
    const objPath = paramPath.slice(0, dot + 1);
    const name = paramPath.slice(dot + 1);
    const rec = this.core.store.objs.get(objPath);
    if (rec) return { rec, name };
    const node = this.core.schema.byPath.get(supportedPathOf(objPath));
    if (node && isPlainPath(objPath)) throw noSuchObject(objPath);
    throw notInModel(paramPath);
  }

  get(paramPath: string): string {
    const { rec, name } = this.objFor(paramPath);
    if (!rec.node.params.has(name) && !rec.node.counters.has(name)) {
      throw notInModel(paramPath);
    }
    return this.core.read(rec, name);
  }

  private write(rec: ObjRec, name: string, value: string): void {
    const old = rec.values.get(name)!;
    if (old === value) return;
    this.log.push({ k: 'value', rec, name, old });
    rec.values.set(name, value);
  }

  /** Validate `value` for rec.name (type, range, references, keys) and return its canonical form. */
  private prepare(rec: ObjRec, name: string, value: string): string {
    const def = rec.node.params.get(name)!;
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
          const r = resolvePath(this.core, item.endsWith('.') ? item : item + '.');
          if (r.targets.length === 1 && r.def.path === def.ref.target) target = r.targets[0].objPath;
        } catch { /* not a path: reported below */ }
        if (target === undefined || target.endsWith('.') && this.core.store.tables.has(target)) {
          throw new UspError(ErrorCode.INVALID_VALUE, `${item} is not an existing ${def.ref.target}`, path);
        }
        out.push(stripDot(target));
      }
      v = out.join(',');
    }
    return v;
  }

  private checkKeys(rec: ObjRec, only?: string): void {
    const keys = rec.node.def.uniqueKeys;
    if (!keys || !rec.node.multi) return;
    const table = this.core.store.tables.get(tableOf(rec.path));
    if (!table) return;
    for (const set of keys) {
      if (only !== undefined && set.indexOf(only) < 0) continue;
      const mine = set.map((k) => rec.values.get(k)).join('\u0000');
      for (const other of this.core.store.instancePaths(table)) {
        if (other === rec.path) continue;
        const o = this.core.store.objs.get(other)!;
        if (set.map((k) => o.values.get(k)).join('\u0000') === mine) {
          throw new UspError(ErrorCode.DUPLICATE_UNIQUE_KEY, `unique key ${set.join('+')} already used by ${other}`, rec.path + (only || set[0]));
        }
      }
    }
  }

  set(paramPath: string, value: string): void {
    this.check();
    const { rec, name } = this.objFor(paramPath);
    const def = rec.node.params.get(name);
    if (!def) {
      if (rec.node.counters.has(name)) throw new UspError(ErrorCode.PARAM_READ_ONLY, 'read-only parameter', paramPath);
      throw new UspError(ErrorCode.UNSUPPORTED_PARAMETER, 'Unsupported parameter', paramPath);
    }
    const access = def.access || 'R';
    if (access === 'R' || def.computed) throw new UspError(ErrorCode.PARAM_READ_ONLY, 'read-only parameter', paramPath);
    const v = this.prepare(rec, name, value);
    const w = this.core.schema.handlersOf(rec.node).write;
    if (w) {
      try { w(this.core.ctx(this.origin), rec.path, name, v); } catch (e) { throw withPath(e, paramPath, ErrorCode.INVALID_VALUE); }
    }
    // 1.3+: a writeOnceReadOnly parameter can be set only while it still has its initial value;
    // an Alias (TR-181, write-once) also while it holds the 'cpe-' value the Agent chose (R-ADD.5).
    const cur = rec.values.get(name) as string;
    const unset = cur === zeroValue(def) || (name === 'Alias' && cur.lastIndexOf('cpe-', 0) === 0);
    if (access === 'WO' && !unset && cur !== v) {
      throw new UspError(ErrorCode.PARAM_READ_ONLY, 'write-once parameter already set', paramPath);
    }
    const old = rec.values.get(name)!;
    this.write(rec, name, v);
    try { this.checkKeys(rec, name); } catch (e) { rec.values.set(name, old); this.log.pop(); throw e; }
  }

  /** Agent-side write (add handlers, clean-up): no access check, still validated. */
  private setInternal(rec: ObjRec, name: string, value: string): void {
    if (!rec.values.has(name)) throw new UspError(ErrorCode.INTERNAL_ERROR, `${name} is not a stored parameter`, rec.path + name);
    this.write(rec, name, this.prepare(rec, name, value));
  }

  /** Agent-side set by path (Request rows, boot clean-up): no access check. */
  agentSet(paramPath: string, value: string): void {
    this.check();
    const { rec, name } = this.objFor(paramPath);
    this.setInternal(rec, name, value);
  }

  /** Agent-side add (read-only tables such as Request.{i}): values set without access checks. */
  agentAdd(tablePath: string, values: { [name: string]: string }): string {
    this.check();
    const table = this.core.store.tables.get(tablePath);
    if (!table) throw noSuchObject(tablePath);
    const sp = this.savepoint();
    const rec = this.core.store.insertInstance(table, undefined);
    this.log.push({ k: 'insert', path: rec.path });
    try {
      for (const k of Object.keys(values)) this.setInternal(rec, k, values[k]);
      this.generateKeys(rec, Number(rec.path.slice(table.path.length, -1)), new Set(Object.keys(values)));
    } catch (e) { this.rollbackTo(sp); throw e; }
    return rec.path;
  }

  /** Agent-side delete: ignores the table's access and the remove handlers. */
  agentDelete(instancePath: string): void {
    this.check();
    const below = this.core.store.instancesBelow(instancePath);
    const keys = this.core.persist.subtreeKeys(instancePath);
    this.log.push({ k: 'remove', removed: this.core.store.removeInstance(instancePath), keys });
    this.clearReferences([instancePath].concat(below));
  }

  add(tablePath: string, settings: readonly ParamSetting[] = []): AddResult {
    this.check();
    const { store, schema } = this.core;
    const table = tablePath.endsWith('.') ? store.tables.get(tablePath) : undefined;
    if (!table) {
      const sp = supportedPathOf(tablePath);
      if (schema.byPath.has(sp + '{i}.')) throw noSuchObject(tablePath);
      if (schema.byPath.has(sp)) throw notATable(tablePath);
      throw notInModel(tablePath);
    }
    const access = table.node.def.access || 'R';
    if (access === 'R' || access === 'D') {
      throw new UspError(ErrorCode.OBJECT_NOT_CREATABLE, 'Attempt to create non-creatable object', tablePath);
    }
    const sp = this.savepoint();
    const rec = store.insertInstance(table, undefined);
    this.log.push({ k: 'insert', path: rec.path });
    const n = Number(rec.path.slice(table.path.length, -1));
    const given = new Set<string>();
    const errs: ParamError[] = [];
    let failed = false;
    try {
      const h = this.core.schema.handlersOf(table.node).add;
      if (h) h(this.core.ctx(this.origin), rec.path, (name, value) => this.setInternal(rec, name, value));
      const keyParams = new Set<string>();
      for (const set of table.node.def.uniqueKeys || []) for (const k of set) keyParams.add(k);
      for (const s of settings) {
        try {
          this.set(rec.path + s.param, s.value);
          given.add(s.param);
        } catch (e) {
          const err = withPath(e, rec.path + s.param, ErrorCode.INVALID_VALUE);
          errs.push({ param: s.param, code: err.code, message: err.message });
          // 1.2+: a unique key in param_settings is required whatever its flag says.
          if (s.required || keyParams.has(s.param)) failed = true;
        }
      }
      if (failed) throw new AddError(errs, tablePath);
      this.generateKeys(rec, n, given);
    } catch (e) {
      this.rollbackTo(sp);
      throw withPath(e, tablePath, ErrorCode.OBJECT_NOT_CREATED);
    }
    return { path: rec.path, paramErrs: errs, uniqueKeys: uniqueKeysOf(rec) };
  }

  /** R-ADD.5: give values to unique keys the Controller left out (prefix + N strings, N numbers). */
  private generateKeys(rec: ObjRec, n: number, given: Set<string>): void {
    const node = rec.node;
    // Empty string keys nobody gave (Alias, ID...) get prefix + N; references are the Agent's or
    // the add handler's to set.
    for (const set of node.def.uniqueKeys || []) {
      for (const k of set) {
        const def = node.params.get(k)!;
        if (given.has(k) || def.ref || def.type !== 'string' || rec.values.get(k) !== '') continue;
        try { this.write(rec, k, canonical(def, generatedKey(this.core.schema, n))); } catch { /* pattern/enum: left to the clash check */ }
      }
    }
    for (const set of node.def.uniqueKeys || []) {
      for (let attempt = 0; ; attempt++) {
        try { this.checkKeys(rec, set[0]); break; } catch (e) {
          const free = set.filter((k) => !given.has(k) && !node.params.get(k)!.ref);
          if (!free.length || attempt >= 8) throw e;
          for (const k of free) {
            const def = node.params.get(k)!;
            const suffix = attempt ? `-${attempt}` : '';
            const v = def.type === 'string' ? generatedKey(this.core.schema, n, suffix) : String(n + attempt);
            this.write(rec, k, canonical(def, v));
          }
        }
      }
    }
  }

  delete(instancePath: string): string[] {
    this.check();
    const { store, schema } = this.core;
    const rec = store.objs.get(instancePath);
    if (!rec) {
      if (schema.byPath.has(supportedPathOf(instancePath))) throw noSuchObject(instancePath);
      throw notInModel(instancePath);
    }
    if (!rec.node.multi || !isInstancePath(instancePath)) {
      throw notATable(instancePath);
    }
    const access = rec.node.def.access || 'R';
    if (access === 'R' || access === 'A') throw new UspError(ErrorCode.OPERATION_ERROR, 'Object instances cannot be deleted', instancePath);
    const min = rec.node.def.minEntries;
    const table = store.tables.get(tableOf(instancePath));
    if (min !== undefined && table && table.insts.length <= min) {
      throw new UspError(ErrorCode.DELETE_FAILURE, `${table.path} keeps at least ${min} instances`, instancePath);
    }
    const sp = this.savepoint();
    const deleted = [instancePath].concat(store.instancesBelow(instancePath));
    try {
      for (const p of deleted) {
        const r = store.objs.get(p);
        const h = r && this.core.schema.handlersOf(r.node).remove;
        if (h) h(this.core.ctx(this.origin), p, this);
      }
      if (!store.objs.has(instancePath)) return deleted; // a handler already removed it
      const keys = this.core.persist.subtreeKeys(instancePath);
      this.log.push({ k: 'remove', removed: store.removeInstance(instancePath), keys });
      this.clearReferences(deleted);
    } catch (e) {
      this.rollbackTo(sp);
      throw withPath(e, instancePath, ErrorCode.DELETE_FAILURE);
    }
    return deleted;
  }

  /** R-ARC.12: strong references to deleted instances become empty / lose the list item. */
  private clearReferences(deleted: string[]): void {
    const gone = new Set(deleted.map(stripDot));
    for (const { node, param } of this.core.schema.strongRefs) {
      for (const rec of this.core.store.objs.values()) {
        if (rec.node !== node) continue;
        const v = rec.values.get(param.name);
        if (!v) continue;
        const items = param.list ? splitList(v) : [v];
        const kept = items.filter((i) => !gone.has(i));
        if (kept.length !== items.length) this.write(rec, param.name, kept.join(','));
      }
    }
  }

  savepoint(): number {
    return this.log.length;
  }

  rollbackTo(savepoint: number): void {
    // Release what validate reserved for the changes being undone (ObjectHandlers.rollback).
    let keep = this.validated.length;
    while (keep > 0 && this.validated[keep - 1].from >= savepoint) keep--;
    if (keep < this.validated.length) {
      const undone = this.validated.splice(keep);
      const ctx = this.core.ctx(this.origin);
      for (let i = undone.length - 1; i >= 0; i--) this.rollbackHandler(ctx, undone[i].change);
    }
    if (this.validatedTo > savepoint) this.validatedTo = savepoint;
    while (this.log.length > savepoint) {
      const u = this.log.pop()!;
      if (u.k === 'value') u.rec.values.set(u.name, u.old);
      else if (u.k === 'insert') this.core.store.removeInstance(u.path);
      else this.core.store.restore(u.removed);
    }
  }

  private rollbackHandler(ctx: HandlerContext, c: InstanceChange): void {
    const h = this.core.schema.handlersOf(this.core.schema.byPath.get(supportedPathOf(c.path))!).rollback;
    if (!h) return;
    try { h(ctx, c); } catch { /* a rollback handler must not throw; nothing more to undo */ }
  }

  /** Instances touched by log[from..], grouped, with what the handlers and listeners need. */
  private changes(from = 0): { list: InstanceChange[]; recs: Map<string, ObjRec>; old: Map<string, Map<string, string>>; added: Set<string>; removed: ObjRec[] } {
    const added = new Set<string>();
    const removed: ObjRec[] = [];
    const old = new Map<string, Map<string, string>>();
    const recs = new Map<string, ObjRec>();
    for (let i = from; i < this.log.length; i++) {
      const u = this.log[i];
      if (u.k === 'insert') added.add(u.path);
      else if (u.k === 'remove') {
        for (const o of u.removed.objs) {
          if (added.has(o.path)) added.delete(o.path);
          else if (isInstancePath(o.path) && !added.has(unitOf(o.path))) removed.push(o);
        }
      } else {
        let m = old.get(u.rec.path);
        if (!m) { m = new Map(); old.set(u.rec.path, m); recs.set(u.rec.path, u.rec); }
        if (!m.has(u.name)) m.set(u.name, u.old);
      }
    }
    const list: InstanceChange[] = [];
    const live = (rec: ObjRec) => (name: string) => this.core.read(rec, name);
    for (const p of added) {
      const rec = this.core.store.objs.get(p);
      if (rec) list.push({ kind: 'added', path: p, changed: rec.values.keys().slice(), value: live(rec) });
    }
    for (const [p, m] of old) {
      const rec = recs.get(p)!;
      if (added.has(p) || this.core.store.objs.get(p) !== rec) continue;
      const changed = Array.from(m.keys()).filter((k) => m.get(k) !== rec.values.get(k));
      if (changed.length) list.push({ kind: 'changed', path: p, changed, value: live(rec) });
    }
    for (const rec of removed) list.push({ kind: 'deleted', path: rec.path, changed: [], value: (n) => rec.values.get(n) || '' });
    return { list, recs, old, added, removed };
  }

  /** Validate what changed since the last successful validate (api.ts Transaction.validate). */
  validate(): void {
    this.check();
    const from = this.validatedTo;
    const { list } = this.changes(from);
    const ctx = this.core.ctx(this.origin);
    for (const c of list) {
      const rec = this.core.store.objs.get(c.path);
      if (rec && c.kind !== 'deleted') this.checkKeys(rec);
    }
    const passed: InstanceChange[] = [];
    for (const c of list) {
      const node = this.core.schema.byPath.get(supportedPathOf(c.path))!;
      try {
        const validate = this.core.schema.handlersOf(node).validate;
        if (validate) validate(ctx, c);
        passed.push(c);
      } catch (e) {
        for (let i = passed.length - 1; i >= 0; i--) this.rollbackHandler(ctx, passed[i]);
        throw withPath(e, c.path, ErrorCode.INVALID_CONFIGURATION);
      }
    }
    for (const c of passed) this.validated.push({ change: c, from });
    this.validatedTo = this.log.length;
  }

  commit(): void {
    this.check();
    try { this.validate(); } catch (e) { this.rollback(); throw e; }
    const { list, old, added, removed } = this.changes();
    const { persist, store } = this.core;
    // Persist, all or nothing (journal.ts), before anything is answered: every touched unit and
    // table index; the records of removed subtrees go (a key reused by a new instance's slot in
    // the same commit is set, since sets come after deletes).
    const units = new Set<string>();
    const tables = new Set<string>();
    const ops: WriteSet = new Map();
    for (const u of this.log) {
      if (u.k === 'value') units.add(unitOf(u.rec.path));
      else if (u.k === 'insert') { units.add(u.path); tables.add(tableOf(u.path)); }
      else {
        tables.add(u.removed.table.path);
        for (const k of u.keys) ops.set(k, null);
      }
    }
    for (const u of units) if (store.objs.has(u)) persist.writeUnit(u, ops);
    for (const t of tables) if (store.tables.has(t)) persist.writeTable(t, ops);
    try {
      persist.commit(ops);
    } catch (e) {
      // Not on storage: the change did not happen (7003). Past the commit point it stands: a
      // restart replays the journal, so the model in RAM is the truth.
      if (!isStorageWriteError(e) || !e.committed) {
        this.rollback();
        throw new UspError(ErrorCode.INTERNAL_ERROR, (e as Error).message);
      }
      this.core.ctx(this.origin).hal.system.log('error', `commit stands in the journal only: ${e.message}`);
    }
    this.open = false;
    this.log = [];
    this.validated = [];
    this.validatedTo = 0;
    this.core.closed(this);
    const ctx = this.core.ctx(this.origin);
    for (const c of list) {
      const h = this.core.schema.handlersOf(this.core.schema.byPath.get(supportedPathOf(c.path))!).commit;
      if (h) h(ctx, c);
    }
    const events: ChangeEvent[] = [];
    for (const rec of removed) events.push({ type: 'objectDeletion', path: rec.path });
    for (const p of added) {
      const rec = store.objs.get(p);
      if (rec) events.push({ type: 'objectCreation', path: p, uniqueKeys: uniqueKeysOf(rec) });
    }
    for (const [p, m] of old) {
      const rec = store.objs.get(p);
      if (!rec || added.has(unitOf(p))) continue;
      for (const [name, was] of m) {
        const now = rec.values.get(name)!;
        if (now !== was) events.push({ type: 'valueChange', path: p + name, value: now });
      }
    }
    this.core.emit(events);
  }

  rollback(): void {
    if (!this.open) return;
    this.rollbackTo(0);
    this.open = false;
    this.core.closed(this);
  }
}

export function uniqueKeysOf(rec: ObjRec): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const set of rec.node.def.uniqueKeys || []) for (const k of set) out[k] = rec.values.get(k) || '';
  return out;
}
