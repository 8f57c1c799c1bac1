// Transactions: Set/Add/Delete change the store directly and keep an undo log, so a failure
// anywhere restores the exact previous state (R-SET.1, R-ADD.1, R-DEL.1) and savepoints give
// per-object undo for allow_partial=true (R-SET.2a). Only commit persists and notifies.
// The checks on what is written are in txn-checks.ts; what the log amounts to (changes, the
// write set, the events) in txn-changes.ts.
import { ErrorCode, UspError, notInModel, noSuchObject, notATable } from '../errors.ts';
import type {
  AddResult, ChangeEvent, HandlerContext, InstanceChange, Origin, ParamError, ParamSetting, Transaction,
} from './api.ts';
import type { Persist } from './persist.ts';
import { isStorageWriteError } from './journal.ts';
import { paramOf, readParam, recOf, type ResolverCore } from './resolver.ts';
import { supportedPathOf, tableOf } from './paths.ts';
import type { ObjRec, TableRec } from './store.ts';
import { zeroValue } from './values.ts';
import { named, nodeOf, paramDef } from './schema.ts';
import { checkKeys, clearReferences, generateKeys, prepareValue, withPath } from './txn-checks.ts';
import { changesOf, eventsOf, uniqueKeysOf, writeSetOf, type Undo } from './txn-changes.ts';

export { uniqueKeysOf };

export interface TxnCore extends ResolverCore {
  readonly persist: Persist;
  ctx(origin: Origin): HandlerContext;
  emit(events: ChangeEvent[]): void;
  /** Called when the transaction ends (commit or rollback). */
  closed(txn: Txn): void;
}

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

  get(paramPath: string): string {
    return readParam(this.core, paramPath);
  }

  /**
   * The transaction's undo-logged write (the Write of txn-checks.ts: the transaction stands in
   * for the Store). Not part of the Transaction interface.
   */
  setValue(rec: ObjRec, name: string, value: string): void {
    const old = rec.get(name)!;
    if (old === value) return;
    this.core.store.setValue(rec, name, value); // 7005 past modelValueBytes: nothing changed
    this.log.push({ k: 'value', rec, name, old });
  }

  set(paramPath: string, value: string): void {
    this.check();
    const { rec, name } = paramOf(this.core, paramPath);
    const def = paramDef(rec.node, name);
    if (!def) throw new UspError(ErrorCode.UNSUPPORTED_PARAMETER, 'Unsupported parameter', paramPath);
    const access = def.access || 'R';
    if (access === 'R' || def.computed) throw new UspError(ErrorCode.PARAM_READ_ONLY, 'read-only parameter', paramPath);
    const v = prepareValue(this.core, rec, name, value);
    const w = this.core.schema.handlersOf(rec.node.path).write;
    if (w) {
      try { w(this.core.ctx(this.origin), rec.path, name, v); } catch (e) { throw withPath(e, paramPath, ErrorCode.INVALID_VALUE); }
    }
    // 1.3+: a writeOnceReadOnly parameter can be set only while it still has its initial value;
    // an Alias (TR-181, write-once) also while it holds the 'cpe-' value the Agent chose (R-ADD.5).
    const cur = rec.get(name) as string;
    const unset = cur === zeroValue(def) || (name === 'Alias' && cur.lastIndexOf('cpe-', 0) === 0);
    if (access === 'WO' && !unset && cur !== v) {
      throw new UspError(ErrorCode.PARAM_READ_ONLY, 'write-once parameter already set', paramPath);
    }
    const sp = this.savepoint();
    this.setValue(rec, name, v);
    try { checkKeys(this.core, rec, name); } catch (e) { this.rollbackTo(sp); throw e; }
  }

  /** Agent-side write (add handlers, clean-up): no access check, still validated. */
  private setInternal(rec: ObjRec, name: string, value: string): void {
    if (rec.get(name) === undefined) throw new UspError(ErrorCode.INTERNAL_ERROR, `${name} is not a stored parameter`, rec.path + name);
    this.setValue(rec, name, prepareValue(this.core, rec, name, value));
  }

  /** Agent-side set by path (Request rows, boot clean-up): no access check. */
  agentSet(paramPath: string, value: string): void {
    this.check();
    const { rec, name } = paramOf(this.core, paramPath);
    this.setInternal(rec, name, value);
  }

  /** Agent-side add (read-only tables such as Request.{i}): values set without access checks. */
  agentAdd(tablePath: string, values: { [name: string]: string }): string {
    this.check();
    const table = this.core.store.tables.get(tablePath);
    if (!table) throw noSuchObject(tablePath);
    return this.insert(table, (rec, given) => {
      for (const k of Object.keys(values)) { this.setInternal(rec, k, values[k]); given.add(k); }
    }).path;
  }

  /**
   * A new row of `table`, filled by `fill` (which notes the parameters it was given), then the
   * unique keys nobody gave are generated (R-ADD.5). When anything throws, the row is undone.
   */
  private insert(table: TableRec, fill: (rec: ObjRec, given: Set<string>) => void): ObjRec {
    const sp = this.savepoint();
    const rec = this.core.store.insertInstance(table, undefined);
    this.log.push({ k: 'insert', path: rec.path });
    const given = new Set<string>();
    try {
      fill(rec, given);
      generateKeys(this.core, this, rec, given);
    } catch (e) { this.rollbackTo(sp); throw e; }
    return rec;
  }

  /** Agent-side delete: ignores the table's access and the remove handlers. */
  agentDelete(instancePath: string): void {
    this.check();
    this.remove(instancePath);
  }

  /** Remove the instance at `instancePath` and below (undo-logged), then references to them (R-ARC.12). */
  private remove(instancePath: string): void {
    const { store } = this.core;
    const deleted = store.instancesAt(instancePath);
    const keys = this.core.persist.subtreeKeys(instancePath);
    this.log.push({ k: 'remove', removed: store.removeInstance(instancePath), keys });
    clearReferences(this.core, this, deleted);
  }

  add(tablePath: string, settings: readonly ParamSetting[] = []): AddResult {
    this.check();
    const { store, schema } = this.core;
    const table = tablePath.endsWith('.') ? store.tables.get(tablePath) : undefined;
    if (!table) {
      // An object that is not a table (an instance included), a table of a missing object, or neither.
      const node = nodeOf(schema, tablePath);
      if (!node) throw notInModel(tablePath);
      throw node.path === supportedPathOf(tablePath) ? notATable(tablePath) : noSuchObject(tablePath);
    }
    const access = table.node.access || 'R';
    if (access === 'R' || access === 'D') {
      throw new UspError(ErrorCode.OBJECT_NOT_CREATABLE, 'Attempt to create non-creatable object', tablePath);
    }
    const errs: ParamError[] = [];
    let rec: ObjRec;
    try {
      rec = this.insert(table, (row, given) => {
        const h = schema.handlersOf(table.node.path).add;
        if (h) h(this.core.ctx(this.origin), row.path, (name, value) => this.setInternal(row, name, value));
        let failed = false;
        for (const s of settings) {
          try {
            this.set(row.path + s.param, s.value);
            given.add(s.param);
          } catch (e) {
            const err = withPath(e, row.path + s.param, ErrorCode.INVALID_VALUE);
            errs.push({ param: s.param, code: err.code, message: err.message });
            // 1.2+: a unique key in param_settings is required whatever its flag says.
            if (s.required || (table.node.uniqueKeys || []).some((set) => set.indexOf(s.param) >= 0)) failed = true;
          }
        }
        // The AddFailure of api.ts: 7021 with the failed settings.
        if (failed) throw Object.assign(new UspError(ErrorCode.REQUIRED_PARAM_FAILED, 'Required parameter failed', tablePath), { paramErrs: errs });
      });
    } catch (e) {
      throw withPath(e, tablePath, ErrorCode.OBJECT_NOT_CREATED);
    }
    return { path: rec.path, paramErrs: errs, uniqueKeys: uniqueKeysOf(rec) };
  }

  delete(instancePath: string): string[] {
    this.check();
    const { store } = this.core;
    const rec = recOf(this.core, instancePath); // 7016 / 7026
    // An existing record of a table's node is one of its instances.
    if (!rec.node.multi) throw notATable(instancePath);
    const access = rec.node.access || 'R';
    if (access === 'R' || access === 'A') throw new UspError(ErrorCode.OPERATION_ERROR, 'Object instances cannot be deleted', instancePath);
    const min = rec.node.minEntries;
    const table = store.tables.get(tableOf(instancePath));
    if (min !== undefined && table && table.insts.length <= min) {
      throw new UspError(ErrorCode.DELETE_FAILURE, `${table.path} keeps at least ${min} instances`, instancePath);
    }
    const sp = this.savepoint();
    const deleted = store.instancesAt(instancePath);
    try {
      for (const p of deleted) {
        const r = store.objs.get(p);
        const h = r && this.core.schema.handlersOf(r.node.path).remove;
        if (h) h(this.core.ctx(this.origin), p, this);
      }
      // A handler may have removed it already.
      if (store.objs.has(instancePath)) this.remove(instancePath);
    } catch (e) {
      this.rollbackTo(sp);
      throw withPath(e, instancePath, ErrorCode.DELETE_FAILURE);
    }
    return deleted;
  }

  savepoint(): number {
    return this.log.length;
  }

  rollbackTo(savepoint: number): void {
    let keep = this.validated.length;
    while (keep > 0 && this.validated[keep - 1].from >= savepoint) keep--;
    this.release(keep);
    if (this.validatedTo > savepoint) this.validatedTo = savepoint;
    while (this.log.length > savepoint) {
      const u = this.log.pop()!;
      if (u.k === 'value') this.core.store.setValue(u.rec, u.name, u.old, true);
      else if (u.k === 'insert') this.core.store.removeInstance(u.path);
      else this.core.store.restore(u.removed);
    }
  }

  /**
   * Release what validate reserved for the validated changes from index `keep` on, newest first
   * (ObjectHandlers.rollback), and forget them: their part of the log is being undone.
   */
  private release(keep: number): void {
    const undone = this.validated.splice(keep);
    for (let i = undone.length - 1; i >= 0; i--) {
      const c = undone[i].change;
      const h = this.core.schema.handlersOf(supportedPathOf(c.path)).rollback;
      try { if (h) h(this.core.ctx(this.origin), c); } catch { /* a rollback handler must not throw; nothing more to undo */ }
    }
  }

  /** Validate what changed since the last successful validate (api.ts Transaction.validate). */
  validate(): void {
    this.check();
    const from = this.validatedTo;
    const { list } = changesOf(this.core, this.log, from);
    const ctx = this.core.ctx(this.origin);
    for (const c of list) {
      const rec = this.core.store.objs.get(c.path);
      if (rec && c.kind !== 'deleted') checkKeys(this.core, rec);
    }
    const before = this.validated.length;
    for (const c of list) {
      try {
        const validate = this.core.schema.handlersOf(supportedPathOf(c.path)).validate;
        if (validate) validate(ctx, c);
        this.validated.push({ change: c, from });
      } catch (e) {
        this.release(before); // what this validate accepted so far
        throw withPath(e, c.path, ErrorCode.INVALID_CONFIGURATION);
      }
    }
    this.validatedTo = this.log.length;
  }

  commit(): void {
    this.check();
    try { this.validate(); } catch (e) { this.rollback(); throw e; }
    const changes = changesOf(this.core, this.log, 0);
    const { persist } = this.core;
    // Persist, all or nothing (journal.ts), before anything is answered.
    const ops = writeSetOf(this.core, persist, this.log);
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
    for (const c of changes.list) {
      const h = this.core.schema.handlersOf(supportedPathOf(c.path)).commit;
      if (h) h(ctx, c);
    }
    this.core.emit(eventsOf(this.core, changes));
  }

  rollback(): void {
    if (!this.open) return;
    this.rollbackTo(0);
    this.open = false;
    this.core.closed(this);
  }
}
