// The engine: wires schema, store, persistence, resolver, transactions and operations behind
// the Engine interface of api.ts. Boot: load the persisted model (or apply factory defaults),
// reconcile handler-backed tables, run the modules' boot hooks.
import type { CoreHal } from '../../hal/hal.ts';
import { ErrorCode, UspError, notInModel, noSuchObject, notATable } from '../errors.ts';
import type {
  ChangeEvent, ChangeListener, Defaults, Engine, EngineOptions, HandlerContext, InstanceInfo, ModelModule,
  ObjectDef, Origin, ParamValue, ParsedPath, Resolution, ResolveOptions, Transaction,
} from './api.ts';
import { applyDefaults } from './defaults.ts';
import { parsePath } from './grammar.ts';
import { AGENT, Operations } from './operate.ts';
import { Persist } from './persist.ts';
import { applyNewDefaults, MigrationLog } from './migrate.ts';
import { readParam, recOf, resolvePath, resolveSupported } from './resolver.ts';
import { supportedPathOf } from './paths.ts';
import { buildSchema, counterOf, fillGeneratedKeys, named, nodeOf, storedNames, type DefNode, type Schema } from './schema.ts';
import { Store, type ObjRec } from './store.ts';
import { Txn, uniqueKeysOf } from './txn.ts';
import { canonical, formatValue, zeroValue } from './values.ts';


class EngineImpl extends Operations implements Engine {
  readonly schema: Schema;
  readonly store: Store;
  readonly persist: Persist;
  private readonly hal: CoreHal;
  private readonly listeners: ChangeListener[] = [];
  private current: Txn | undefined;
  private readonly firstBoot: boolean;
  private readonly modules: readonly ModelModule[];
  private readonly defaults: Defaults;
  private readonly answered: () => boolean;
  /** The model's Request table (ModelModule.requestTable), if it has one. */
  private requests: string | undefined;

  constructor(opts: EngineOptions) {
    super(opts.profile.limits.asyncOperations);
    this.hal = opts.hal;
    this.answered = opts.answered || (() => true);
    this.modules = opts.modules;
    this.defaults = opts.defaults || {};
    this.schema = buildSchema(opts.modules, opts.tree);
    this.store = new Store(this.schema, opts.profile.limits);
    this.persist = new Persist(opts.hal.storage, this.schema, this.store);
    for (const m of opts.modules) if (m.requestTable) this.requests = m.requestTable;
    // A write set a power loss interrupted is finished first; then a model without its marker
    // (none yet, or a first write or factory reset cut short) is written again from the defaults.
    this.firstBoot = !this.persist.recover();
    this.build(this.firstBoot);
    for (const m of this.modules) if (m.boot) m.boot(this.ctx(AGENT));
  }

  /** (Re)build the RAM model: persisted state, or factory defaults when there is none. */
  private build(fromDefaults: boolean): void {
    this.store.clear();
    const rootPath = this.schema.root.name + '.';
    this.store.createObject(this.schema.root, rootPath);
    if (fromDefaults) applyDefaults(this, this.defaults, this.hal.system);
    const mig = !fromDefaults && this.persist.otherSchema() ? new MigrationLog() : undefined;
    this.persist.migration = mig;
    if (!fromDefaults) this.persist.load(rootPath);
    this.persist.migration = undefined;
    if (mig) applyNewDefaults(this, this.defaults, mig, Persist.persists);
    this.reconcileHandlerTables();
    if (fromDefaults) { this.persist.saveAll(); return; }
    // Storage becomes the model in RAM: nothing to write on a boot of this build's own model.
    const { rewritten, removed } = this.persist.sync(!!mig);
    if (!mig) return;
    const log = this.hal.system.log;
    for (const d of mig.dropped) log('warn', `migrate: dropped ${d}`);
    // Records of objects and tables this build no longer has (only their key's hash is known).
    for (const k of removed) log('warn', `migrate: dropped record ${k}: not in this model`);
    log('info', `migrate: stored model of an earlier build kept (${rewritten} records rewritten, ${removed.length} removed, ${mig.dropped.length} values dropped)`);
  }

  /** Tables whose rows come from a handler (FirmwareImage ← HAL firmware slots): fixed per boot. */
  private reconcileHandlerTables(): void {
    // The live map: tables of rows added here are visited too, those of removed rows are not.
    for (const t of this.store.tables.values()) {
      const h = this.schema.handlersOf(t.node.path).instances;
      if (h) {
        const want = h(this.ctx(AGENT), t.path.slice(0, t.path.length - t.node.name.length - 1));
        for (const n of t.insts.slice()) if (want.indexOf(n) < 0) this.store.removeInstance(t.path + n + '.');
        for (const n of want) {
          if (t.insts.indexOf(n) >= 0) continue;
          try { fillGeneratedKeys(this.schema, this.store, this.store.insertInstance(t, n, undefined, true)); } catch { /* no room: skipped */ }
        }
      }
    }
  }

  private readonly deferred: (() => void)[] = [];

  ctx(origin: Origin): HandlerContext {
    // Reads run a handler per parameter on behalf of the Agent: one shared context for those.
    if (origin === AGENT && this.agentCtx) return this.agentCtx;
    const c: HandlerContext = { hal: this.hal, engine: this, origin, defer: (a) => { this.deferred.push(a); } };
    if (origin === AGENT) this.agentCtx = c;
    return c;
  }

  private agentCtx: HandlerContext | undefined;

  /** Current value of rec.name: counters, read handlers, else the stored value. */
  read(rec: ObjRec, name: string): string {
    const node = rec.node;
    const counted = counterOf(node, name);
    if (counted) {
      const t = this.store.tables.get(rec.path + counted.name + '.');
      return String(t ? t.insts.length : 0);
    }
    const def = named(node.params, name)!;
    const read = this.schema.handlersOf(node.path).read;
    if (read) {
      const v = read(this.ctx(AGENT), rec.path, name);
      if (v !== undefined) {
        const s = formatValue(def, v);
        try { return canonical(def, s); } catch { return s; }
      }
    }
    const stored = rec.get(name);
    return stored === undefined ? zeroValue(def) : stored;
  }

  emit(events: ChangeEvent[]): void {
    for (const e of events) {
      for (const l of this.listeners.slice()) {
        try { l(e); } catch (err) { this.hal.system.log('error', `change listener failed: ${(err as Error).message}`); }
      }
    }
  }

  // --- Operations, TxnCore ---

  requestTable(): string | undefined {
    const t = this.requests;
    return t && this.store.tables.has(t) ? t : undefined;
  }

  closed(txn: Txn): void {
    if (this.current === txn) this.current = undefined;
  }

  inTxn<T>(origin: Origin, fn: (txn: Txn) => T): T {
    // Agent work (Request rows) may happen while a Controller's transaction is open: use it.
    if (this.current) return fn(this.current);
    const txn = this.begin(origin) as Txn;
    try {
      const r = fn(txn);
      txn.commit();
      return r;
    } catch (e) {
      txn.rollback();
      throw e;
    }
  }

  // --- Engine ---

  parse(path: string, options?: { supported?: boolean }): ParsedPath {
    return parsePath(path, !!(options && options.supported));
  }

  resolve(path: string, options?: ResolveOptions): Resolution {
    return resolvePath(this, path, options);
  }

  get(paramPath: string): string {
    return readParam(this, paramPath);
  }

  params(objPath: string): ParamValue[] {
    const rec = recOf(this, objPath);
    const names = storedNames(rec.node, true);
    // Then the NumberOfEntries counter of each child table (paramDef).
    for (const c of rec.node.children) if (c.multi) names.push(c.name + 'NumberOfEntries');
    return names.map((name) => ({ path: objPath + name, name, value: this.read(rec, name) }));
  }

  subtree(objPath: string, maxDepth = 0): string[] {
    const { store } = this;
    const table = store.tables.get(objPath);
    if (!table) return store.subtree(recOf(this, objPath).path, maxDepth);
    let out: string[] = [];
    for (const ip of store.instancePaths(table)) out = out.concat(store.subtree(ip, maxDepth));
    return out;
  }

  instances(objPath: string, firstLevelOnly: boolean): InstanceInfo[] {
    const { store } = this;
    const table = store.tables.get(objPath);
    let roots: string[];
    if (table) roots = store.instancePaths(table);
    else {
      const rec = store.objs.get(objPath);
      if (!rec) throw nodeOf(this.schema, objPath) ? noSuchObject(objPath) : notInModel(objPath);
      // An existing record of a table's node is one of its instances.
      if (!rec.node.multi) throw notATable(objPath);
      roots = [objPath];
    }
    const out: InstanceInfo[] = [];
    for (const r of roots) {
      for (const p of firstLevelOnly ? [r] : store.instancesAt(r)) out.push({ path: p, uniqueKeys: uniqueKeysOf(store.objs.get(p)!) });
    }
    return out;
  }

  exists(objPath: string): boolean {
    return this.store.objs.has(objPath) || this.store.tables.has(objPath);
  }

  supportedObject(path: string): ObjectDef | undefined {
    return nodeOf(this.schema, path);
  }

  supportedTree(path: string, firstLevelOnly: boolean): ObjectDef[] {
    const { node } = resolveSupported(this.schema, path);
    const out: ObjectDef[] = [node];
    const walk = (n: DefNode) => {
      for (const c of n.children) { out.push(c); if (!firstLevelOnly) walk(c); }
    };
    walk(node);
    return out;
  }

  begin(origin: Origin = AGENT): Transaction {
    if (this.current) throw new UspError(ErrorCode.INTERNAL_ERROR, 'a transaction is already open');
    const txn = new Txn(this, origin);
    this.current = txn;
    return txn;
  }

  emitEvent(objPath: string, name: string, args: { readonly [name: string]: string }): void {
    const rec = recOf(this, objPath, objPath + name);
    const ev = named(rec.node.events, name);
    if (!ev) throw notInModel(objPath + name);
    const out: { [name: string]: string } = {};
    for (const a of ev.args || []) {
      const v = Object.prototype.hasOwnProperty.call(args, a.name) ? args[a.name] : zeroValue(a);
      try { out[a.name] = canonical(a, v); } catch (e) { throw new UspError(ErrorCode.INTERNAL_ERROR, `${name} ${a.name}: ${(e as Error).message}`); }
    }
    this.emit([{ type: 'event', objPath, name, args: out }]);
  }

  step(nowMs: number): void {
    if (this.deferred.length && this.answered()) {
      for (const a of this.deferred.splice(0, this.deferred.length)) {
        try { a(); } catch (e) { this.hal.system.log('error', `deferred action failed: ${(e as Error).message}`); }
      }
    }
    super.step(nowMs);
  }

  nextDeadline(): number {
    // Deferred actions waiting for an answer to leave are due when the transport says so: the
    // core steps the engine again when its exchanges end.
    return this.deferred.length && this.answered() ? 0 : super.nextDeadline();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  startedFromDefaults(): boolean {
    return this.firstBoot;
  }

  prepareFactoryReset(): void {
    this.persist.invalidate();
  }

  factoryReset(): void {
    if (this.current) this.current.rollback();
    this.build(true);
  }
}

/** Create the engine: loads persisted state or applies the factory defaults. */
export function createEngine(options: EngineOptions): Engine {
  return new EngineImpl(options);
}
