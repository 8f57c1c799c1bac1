// The data-model engine's public interface (what src/usp handlers, notify/ and agent.ts call).
// Types only; the implementation is `createEngine()` in ./engine.ts (re-exported by ./index.ts).
// Every failure is a `UspError` (src/errors.ts) carrying the USP code and, when it is about
// one parameter or object, its path: the handler decides whether that code goes into a
// RequestedPathResult, a ParamError, an oper_failure or an Error message.
//
// Paths handed back by the engine are always instantiated paths with instance numbers (R-MSG.3),
// objects with a trailing '.', commands with '()', events with '!'.

import type { SchemaTree } from './schema.ts';
import type { CoreHal } from '../../hal/hal.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import type { UspError } from '../errors.ts';

// ---------------------------------------------------------------------------------------------
// Schema: static, frozen plain data (XS keeps it in flash). A device maker extends the model by
// adding a `ModelModule` (objects + handlers) without touching the engine.
// ---------------------------------------------------------------------------------------------

/** TR-106 data types (GSDM ParamValueType). */
export type ParamType =
  | 'string' | 'boolean' | 'int' | 'unsignedInt' | 'long' | 'unsignedLong'
  | 'dateTime' | 'base64' | 'hexBinary' | 'decimal';

/** R read-only, W read-write, WO writeOnceReadOnly (GSDM reports it READ_WRITE). */
export type ParamAccess = 'R' | 'W' | 'WO';

/** A parameter, or a command/event argument (same value rules). */
export interface ParamDef {
  readonly name: string;
  readonly type: ParamType;
  /** Default 'R'. Arguments ignore it. */
  readonly access?: ParamAccess;
  /** Comma-separated list of `type` items (TR-106 list). */
  readonly list?: boolean;
  /** Max items of a list. */
  readonly maxItems?: number;
  /**
   * string/base64/hexBinary: max length (base64/hex: decoded bytes). For a list it bounds the
   * whole comma-separated value (TR-106 list size). Absent: DEFAULT_MAX_LENGTH (values.ts), so
   * every stored value, and so every persisted record, has a bound.
   */
  readonly maxLength?: number;
  /** Inclusive numeric range (int/unsignedInt/decimal as number, long/unsignedLong as bigint). */
  readonly min?: number | bigint;
  readonly max?: number | bigint;
  /** string: a regular expression (source) the whole value (each list item) must match, else 7012. */
  readonly pattern?: string;
  /**
   * Allowed values (string type): anything else is 7012. A list, or the same values as one
   * comma-separated string: what the define helpers keep (a string is no array in flash).
   */
  readonly enum?: readonly string[] | string;
  /**
   * Path reference. `target` is a supported object path ('Device.LocalAgent.Controller.{i}.').
   * strong: the value must name an existing instance (7012 otherwise) and is cleared (list item
   * removed) when that instance is deleted (R-ARC.12). weak: not checked, not cleaned.
   */
  readonly ref?: { readonly kind: 'strong' | 'weak'; readonly target: string };
  /** Lexical default for a new instance / factory state; absent means the type's zero value. */
  readonly default?: string;
  /** GSDM ValueChangeType: 'ignore' = WILL_IGNORE (e.g. UpTime). Default 'allowed'. */
  readonly valueChange?: 'allowed' | 'ignore';
  /** Command/event argument: mandatory input (missing → 7027, R-OPR.5). */
  readonly mandatory?: boolean;
  /** Not stored by the engine: the object's `read` handler always supplies it. */
  readonly computed?: boolean;
}

export interface CommandDef {
  /** Name with '()', e.g. 'Reboot()'. */
  readonly name: string;
  readonly async: boolean;
  readonly input?: readonly ParamDef[];
  readonly output?: readonly ParamDef[];
}

export interface EventDef {
  /** Name with '!', e.g. 'Boot!'. */
  readonly name: string;
  readonly args?: readonly ParamDef[];
}

/**
 * Object access (GSDM ObjAccessType): 'R' OBJ_READ_ONLY, 'AD' add+delete, 'A' add only,
 * 'D' delete only. Only multi-instance objects may be other than 'R'.
 */
export type ObjectAccess = 'R' | 'AD' | 'A' | 'D';

export interface ObjectDef {
  /**
   * Supported path with '{i}' and trailing '.', e.g. 'Device.LocalAgent.Controller.{i}.'.
   * Multi-instance (GSDM is_multi_instance) exactly when it ends with '{i}.'.
   */
  readonly path: string;
  /** Default 'R'. */
  readonly access?: ObjectAccess;
  /** Unique key sets (each a list of parameter names), e.g. [['Alias'], ['EndpointID']]. */
  readonly uniqueKeys?: readonly (readonly string[])[];
  /** Lower bound on instances: a Delete that would go below it fails (7024). */
  readonly minEntries?: number;
  /** Upper bound on instances (also bounded by profile `limits.instancesPerTable`; 7005 beyond). */
  readonly maxEntries?: number;
  /** false: never persisted (e.g. Request.{i}); default true. */
  readonly persist?: boolean;
  readonly params?: readonly ParamDef[];
  readonly commands?: readonly CommandDef[];
  readonly events?: readonly EventDef[];
}

// ---------------------------------------------------------------------------------------------
// Handlers (Anjay-style table per object). Every member is optional: absent means "stored value"
// behaviour (read/write the engine's store, no veto, no side effect).
// ---------------------------------------------------------------------------------------------

/** Who asked: passed through to handlers (Subscription.Recipient, Request.Originator...). */
export interface Origin {
  /** Endpoint ID of the Controller, '' for the Agent itself. */
  readonly endpointId: string;
  /** Its 'Device.LocalAgent.Controller.N.' path, when it has one. */
  readonly controllerPath?: string;
}

/** A value as handlers see it. dateTime: ISO string or ms since the epoch (UTC). */
export type Value = string | number | boolean | bigint;

/** What handlers get: the HAL, the engine, the origin of the request. */
export interface HandlerContext {
  readonly hal: CoreHal;
  readonly engine: Engine;
  readonly origin: Origin;
  /**
   * Run `action` once the answer to the current request has left the device: on an
   * Engine.step() at which EngineOptions.answered() holds (the core: no CoAP exchange of ours
   * still in flight). Reboot() must answer before it reboots (digest §5.3, TP-469 1.61).
   */
  defer(action: () => void): void;
}

/** One instance touched by a transaction, as seen by validate/commit/rollback. */
export interface InstanceChange {
  readonly kind: 'added' | 'deleted' | 'changed';
  /** Instantiated object path, e.g. 'Device.LocalAgent.Controller.2.'. */
  readonly path: string;
  /** Names of parameters whose value changed ('changed' and 'added'). */
  readonly changed: readonly string[];
  /** Value after the transaction (lexical form), for any parameter of this instance. */
  value(name: string): string;
}

/** A running asynchronous command. Driven by `Engine.step(now)`; no timers inside src/. */
export interface AsyncOperation {
  /** Called from Engine.step: return outputs when done, throw UspError to fail, undefined if not yet. */
  poll(nowMs: number): { [name: string]: Value } | undefined;
  /** Monotonic ms when poll should next be called; -1 = only when something else happens. */
  deadline(): number;
  /** Request.{i}.Cancel(): stop; the engine completes it with 7023. */
  cancel(): void;
}

/** Operate input arguments: a Map (decoded from the wire) or a plain object (local callers). */
export type CommandInput = ReadonlyMap<string, string> | { readonly [name: string]: string };

export interface CommandCall {
  /** Instantiated object path of the command's object. */
  readonly objPath: string;
  /** Name with '()'. */
  readonly command: string;
  /** Input arguments after validation: defaults applied, unknown ones dropped (R-OPR.6/7). */
  readonly input: { readonly [name: string]: string };
  readonly commandKey: string;
}

/** Sync commands return their output arguments; async ones return an AsyncOperation. */
/**
 * A command. It runs inside `txn`, a transaction on behalf of the caller that the engine
 * commits when the handler returns and rolls back when it throws: a command that changes the
 * model (Boost() setting BoostUntil) does it through `txn`, never through a transaction of its own.
 */
export type CommandHandler = (
  ctx: HandlerContext,
  call: CommandCall,
  txn: Transaction,
) => { [name: string]: Value } | AsyncOperation;

/** `N`: the object's parameter names (defineObject in define.ts types them for you). */
export interface ObjectHandlers<N extends string = string> {
  /** Computed value (UpTime...). Return undefined to fall back to the stored value. */
  read?(ctx: HandlerContext, objPath: string, name: N): Value | undefined;
  /**
   * Instance numbers of a table whose rows come from elsewhere (FirmwareImage from the HAL).
   * Called once per engine start; rows are then fixed until the next boot.
   */
  instances?(ctx: HandlerContext, parentPath: string): number[];
  /**
   * Per-parameter check in Transaction.set (after the type checks, before staging): throw
   * UspError to refuse this value, which then becomes that parameter's ParamError. Side effects
   * belong in commit.
   */
  write?(ctx: HandlerContext, objPath: string, name: N, value: string): void;
  /** Called in Transaction.add after defaults: may set Agent-owned params (Recipient, CreationDate) or throw to refuse. */
  add?(ctx: HandlerContext, objPath: string, set: (name: N, value: string) => void): void;
  /**
   * Called in Transaction.delete for the instance and each sub-instance before they go: throw
   * UspError (7024) to refuse, or make dependent changes through `txn` (e.g. delete the
   * Subscriptions whose Recipient is this Controller).
   */
  remove?(ctx: HandlerContext, objPath: string, txn: Transaction): void;
  /** Transaction.validate: veto with UspError (7014 conflict, 7007 invalid configuration...). */
  validate?(ctx: HandlerContext, change: InstanceChange): void;
  /** After a successful commit (stored values already updated): apply side effects. Must not throw. */
  commit?(ctx: HandlerContext, change: InstanceChange): void;
  /** This change passed validate but the transaction was abandoned: release what validate reserved. */
  rollback?(ctx: HandlerContext, change: InstanceChange): void;
  /** Command implementations by name with '()'. */
  operate?: { readonly [command: string]: CommandHandler };
}

/** A piece of data model: objects + handlers keyed by supported object path. */
export interface ModelModule {
  readonly objects: readonly ObjectDef[];
  readonly handlers?: { readonly [supportedPath: string]: ObjectHandlers };
  /** Once per engine start, after the persisted model is loaded (drop non-persistent rows...). */
  boot?(ctx: HandlerContext): void;
  /**
   * This module's table (path without '{i}.') that lists running asynchronous commands, one row
   * each with Originator, Command, CommandKey and Status (TR-181 Device.LocalAgent.Request.{i}).
   */
  readonly requestTable?: string;
  /**
   * Prefix of the string unique-key values the Agent generates (R-ADD.5): TR-181 uses 'cpe-'
   * for Alias ('cpe-3'). The last module that sets it wins; the engine's own default is 'key-'.
   */
  readonly keyPrefix?: string;
}

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

export type PathKind = 'object' | 'parameter' | 'command' | 'event';
export type SearchOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | '~=';

/** `+` (index undefined), `#n+` (index n ≥ 1), `#*+` (index '*'). */
export interface RefFollow { readonly index?: number | '*' }

export interface SearchTerm {
  /** Relative path inside the tested instance, e.g. ['Stats', 'ErrorsSent']. */
  readonly rel: readonly { readonly name: string; readonly follow?: RefFollow }[];
  readonly op: SearchOp;
  /** Literal text: quoted strings unescaped (%22, %25), numbers as written. */
  readonly value: string;
  readonly quoted: boolean;
}

export type Segment =
  | { readonly kind: 'name'; readonly name: string; readonly follow?: RefFollow }
  | { readonly kind: 'instance'; readonly n: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'search'; readonly terms: readonly SearchTerm[] }
  /** '{i}', only when parsed with { supported: true }. */
  | { readonly kind: 'placeholder' };

export interface ParsedPath {
  readonly kind: PathKind;
  /** Object part, leaf excluded. */
  readonly segments: readonly Segment[];
  /** Parameter name, or command name with '()', or event name with '!'; '' for objects. */
  readonly leaf: string;
  /** Contains '*', '[expr]' or reference following (an empty match is then not an error). */
  readonly isSearch: boolean;
}

export interface ResolveOptions {
  /**
   * Access-control hook for search expressions: a term reading a parameter the Controller may
   * not read evaluates false (R-SEC.1: unreadable is "not present"). Default: all readable.
   */
  canRead?(paramPath: string): boolean;
}

/** One element a path resolved to. */
export interface Target {
  /** Instantiated object path with instance numbers ('Device.LocalAgent.Controller.1.'). */
  readonly objPath: string;
  /** Parameter / command '()' / event '!' name; '' for an object target. */
  readonly name: string;
  /** objPath + name. */
  readonly path: string;
}

export interface Resolution {
  readonly parsed: ParsedPath;
  /** The supported object definition the targets belong to. */
  readonly def: ObjectDef;
  /** Matches in instance-number order. Empty: see `isSearch` and `missing`. */
  readonly targets: readonly Target[];
  readonly isSearch: boolean;
  /**
   * For a non-search path that is valid in the supported model but addresses an instance that
   * does not exist: the first missing instance path (targets is then empty). The handler picks
   * 7016, 7026 or an empty result per message (digest §2.2/§2.8/§2.13).
   */
  readonly missing?: string;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface ParamValue {
  /** Full path, e.g. 'Device.LocalAgent.Controller.1.Enable'. */
  readonly path: string;
  readonly name: string;
  /** TR-106 canonical lexical form (R-ENC.6): 'true'/'false', ISO 8601 UTC 'Z'. */
  readonly value: string;
}

export interface InstanceInfo {
  /** 'Device.LocalAgent.Controller.1.' */
  readonly path: string;
  /** Every unique-key parameter of the instance by relative name → value (R-GIN.1, R-ADD.5). */
  readonly uniqueKeys: { readonly [name: string]: string };
}

// ---------------------------------------------------------------------------------------------
// Changing: one transaction per Set/Add/Delete message (all-or-nothing: R-SET.1, R-ADD.1...)
// ---------------------------------------------------------------------------------------------

export interface ParamSetting {
  /** Relative to the object; may descend into single-instance sub-objects ('CoAP.Port'). */
  readonly param: string;
  readonly value: string;
  readonly required: boolean;
}

export interface ParamError {
  /** Relative name as given in the setting (Add) or full path (Set), per the handler's call. */
  readonly param: string;
  readonly code: number;
  readonly message: string;
}

export interface AddResult {
  /** The new instance, e.g. 'Device.LocalAgent.Controller.3.'. */
  readonly path: string;
  /** Non-required settings that failed (R-ADD.4). */
  readonly paramErrs: readonly ParamError[];
  /** All unique keys of the new instance, including generated ones (R-ADD.5). */
  readonly uniqueKeys: { readonly [name: string]: string };
}

export interface Transaction {
  /**
   * Stage one parameter value. `paramPath` is an instantiated parameter path (resolve first).
   * Throws UspError with the path: 7026 object not supported, 7016 instance missing, 7010 no
   * such parameter in that object, 7013 read-only
   * (writeOnce already set), 7011 type, 7012 range/enum/dangling strong reference, 7025 unique
   * key clash. Setting the current value is accepted (it still appears in updated params).
   */
  set(paramPath: string, value: string): void;
  /**
   * Create an instance in table `tablePath` ('Device.LocalAgent.Controller.' or with a parent
   * instance path prefix). Settings are applied in order; a failing required setting (or any
   * unique-key setting, 1.2+) makes the whole add fail: throws UspError 7021 whose
   * `paramErrs` lists the failures (see `AddFailure`), and nothing of this add remains.
   * Missing unique keys are generated (R-ADD.5). Throws 7018 not a table, 7019 not creatable,
   * 7005 bound reached, 7026 unknown, 7016 parent missing, 7025 duplicate key.
   */
  add(tablePath: string, settings?: readonly ParamSetting[]): AddResult;
  /**
   * Delete an instance and its sub-instances; strong references to any of them are cleared
   * (R-ARC.12). Returns every deleted instance path, parent first. Throws 7016 missing, 7018 not
   * a table, 7015 not deletable (access 'R'/'A'), 7024 refused by a handler.
   */
  delete(instancePath: string): string[];
  /**
   * Agent-side write that bypasses access rights, for read-only values the Agent maintains
   * (MTP Status, Request Status...). Value still validated. Never for a Controller's Set.
   */
  agentSet(paramPath: string, value: string): void;
  /** Agent-side add to a table the Agent maintains (access 'R'): values set without access checks; returns the new instance path. */
  agentAdd(tablePath: string, values: { [name: string]: string }): string;
  /** Agent-side delete from a table the Agent maintains (access 'R'); strong references to it are cleared. */
  agentDelete(instancePath: string): void;
  /** Savepoint for per-object undo (allow_partial=true, R-SET.2a): pass it to rollbackTo. */
  savepoint(): number;
  rollbackTo(savepoint: number): void;
  /** Value as staged in this transaction (lexical form). Same errors as Engine.get. */
  get(paramPath: string): string;
  /** Run validate handlers and cross-checks; throws the first UspError (with path). */
  validate(): void;
  /** validate() then apply, persist (only what changed) and notify listeners. All or nothing. */
  commit(): void;
  /** Drop every staged change. */
  rollback(): void;
}

/** The error `Transaction.add` throws when the add fails because of its settings. */
export interface AddFailure extends UspError {
  readonly paramErrs: readonly ParamError[];
}

// ---------------------------------------------------------------------------------------------
// Operate
// ---------------------------------------------------------------------------------------------

export type OperateResult =
  /** Sync command done: output arguments (lexical form). */
  | { readonly kind: 'sync'; readonly output: { readonly [name: string]: string } }
  /** Async command started: its Device.LocalAgent.Request.{i}. row (R-OPR.0: req_obj_path). */
  | { readonly kind: 'async'; readonly requestPath: string };

// ---------------------------------------------------------------------------------------------
// Change events (for notify/): called after a commit, after an async op ends, on emitEvent.
// ---------------------------------------------------------------------------------------------

export type ChangeEvent =
  | { readonly type: 'valueChange'; readonly path: string; readonly value: string }
  | { readonly type: 'objectCreation'; readonly path: string; readonly uniqueKeys: { readonly [name: string]: string } }
  | { readonly type: 'objectDeletion'; readonly path: string }
  | { readonly type: 'event'; readonly objPath: string; readonly name: string; readonly args: { readonly [name: string]: string } }
  | {
      readonly type: 'operationComplete';
      readonly objPath: string;
      /** Relative with '()'. */
      readonly command: string;
      readonly commandKey: string;
      readonly requestPath: string;
      /** Endpoint ID of the Controller that called Operate. */
      readonly originator: string;
      readonly output?: { readonly [name: string]: string };
      readonly error?: { readonly code: number; readonly message: string };
    };

/**
 * valueChange covers values changed by a committed transaction (any origin, including the
 * strong-reference clean-up of a Delete). Computed values (UpTime, CurrentLocalTime, HAL-backed
 * values) change without events: notify/ polls them (profile valueChangePollMs).
 */
export type ChangeListener = (event: ChangeEvent) => void;


// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

/**
 * Factory defaults: instantiated parameter path → lexical value. A key may instead hold an object
 * of the paths below it ('Device' → { 'DeviceInfo' → { 'FriendlyName' → value } }): the board's
 * preloaded defaults are nested so, as each distinct key name is flash (issue 10). Or a list
 * [path, value, path, value...]: what the XS runner reads a defaults file into, as JSON.parse
 * would make a key of each path (XS keys are never freed).
 */
export type Defaults = { readonly [path: string]: string | Defaults } | readonly string[];

export interface EngineOptions {
  readonly hal: CoreHal;
  readonly profile: BoardProfile;
  /** The model: src/model's modules plus any device-maker extension modules. */
  readonly modules: readonly ModelModule[];
  /**
   * The schema tree of exactly these modules' objects: on a board built at module level, so
   * that xsl preloads it into flash (src/model's TR181_TREE, modelTree()); at run time
   * treeOf(modules) (schema.ts). Another tree is refused (Error).
   */
  readonly tree: SchemaTree;
  /** Factory defaults: TR-181 parameter path → lexical value (design.md), flat or nested (Defaults). */
  readonly defaults?: Defaults;
  /**
   * Whether what the Agent has answered so far has left the device, so deferred actions may
   * run (HandlerContext.defer). Default: always (a bare engine has no transport).
   */
  readonly answered?: () => boolean;
}

export interface Engine {
  /** Parse only (no model lookup); supported: accept '{i}' (GSDM paths). Throws UspError 7008. */
  parse(path: string, options?: { supported?: boolean }): ParsedPath;
  /**
   * Resolve a path (instance numbers, keys, '*', searches, reference following) against the
   * instantiated model. Throws 7008 bad syntax, 7026 not in the supported model (or a search
   * term naming an unknown parameter). Never 7016: see Resolution.missing.
   */
  resolve(path: string, options?: ResolveOptions): Resolution;

  /** One parameter's value (instantiated path). Throws 7026 unknown parameter, 7016 missing instance. */
  get(paramPath: string): string;
  /** The parameters of one instance / single-instance object (no sub-objects), in schema order. */
  params(objPath: string): ParamValue[];
  /**
   * Instantiated objects of the subtree rooted at objPath, objPath first, parents before
   * children (Get of an object path; R-GET.5 max_depth: 1 = objPath only, 0 = unlimited).
   * A table path ('Device.LocalAgent.Controller.') lists its instances (each at depth 1) and
   * their subtrees; an empty table gives [] (R-GET.1b). 7016/7026 for a missing/unknown object.
   */
  subtree(objPath: string, maxDepth?: number): string[];
  /**
   * Instances of a table (objPath = 'Device.LocalAgent.Controller.' or any object path when
   * !firstLevelOnly: every instance of every multi-instance descendant, GetInstances).
   */
  instances(objPath: string, firstLevelOnly: boolean): InstanceInfo[];
  /** Does this instantiated object path exist? */
  exists(objPath: string): boolean;

  /** The definition of a supported object path ('{i}' or instance numbers accepted); undefined if unknown. */
  supportedObject(path: string): ObjectDef | undefined;
  /**
   * GSDM: the object def for `path` and its descendants (children only when firstLevelOnly),
   * in schema order. Throws 7008/7026.
   */
  supportedTree(path: string, firstLevelOnly: boolean): ObjectDef[];

  /** Start a transaction on behalf of `origin` (default: the Agent itself). */
  begin(origin?: Origin): Transaction;

  /**
   * Invoke a command on one resolved target. Input validated against the CommandDef:
   * missing mandatory → 7027; bad value → 7027 (message names the argument). Async: a
   * Request.{i} row is created (7005 beyond profile `limits.asyncOperations`); completion
   * comes later from step() as an 'operationComplete' ChangeEvent and the row is removed.
   * A throwing sync handler surfaces as UspError (7022 unless it carries its own code).
   * `input` is the wire's map as decoded (a Map) or a plain object from local callers; only the
   * command's own argument names are looked up, so a peer's names never become property names.
   */
  operate(objPath: string, command: string, input: CommandInput,
    commandKey: string, origin: Origin): OperateResult;
  /**
   * Re-attach an asynchronous operation a module restored after a reboot (a command whose
   * definition says it persists, e.g. Device.ScheduleTimer()): a new Request.{i} row is created
   * and completion is reported like any other. Returns the Request path; 7005 beyond the bound.
   */
  resume(objPath: string, command: string, commandKey: string, origin: Origin, op: AsyncOperation): string;
  /** Cancel the async operation of a Request.{i} row (what Request.{i}.Cancel() calls). */
  cancel(requestPath: string): void;
  /** Emit an event (Device.Boot!, Periodic!...) to listeners; args checked against the EventDef. */
  emitEvent(objPath: string, name: string, args: { readonly [name: string]: string }): void;

  /** Drive async operations (sans-I/O): call with the monotonic clock. */
  step(nowMs: number): void;
  /** Monotonic ms when step() should run next, or -1 if nothing is pending. */
  nextDeadline(): number;

  /** Subscribe to committed changes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void;

  /** This start found no persisted model and applied the factory defaults (a first boot). */
  startedFromDefaults(): boolean;
  /**
   * A factory reset is decided (FactoryReset() before its answer leaves): a restart from now on
   * comes up on the factory defaults even if factoryReset() never ran.
   */
  prepareFactoryReset(): void;
  /** Wipe the persisted data model and re-apply the factory defaults (other storage records stay). */
  factoryReset(): void;
}
