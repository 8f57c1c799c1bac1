// The supported model as a tree, built from the frozen ObjectDef tables of the modules. The tree
// holds no handler and no state: built at module level (src/model/index.ts, TR181_TREE) it is
// frozen data that xsl preloads into flash, so a board boots without building it in RAM
// (issue 10: ~1,100 XS slots). The handlers are bound per engine (buildSchema).
import type { ObjRec, Store } from './store.ts';
import type { ModelModule, ObjectDef, ObjectHandlers, ParamDef } from './api.ts';
import { isPlainPath, supportedPathOf } from './paths.ts';
import { canonical } from './values.ts';

/**
 * A node of the tree: its ObjectDef is its prototype (path, params, commands... are the
 * definition's, inherited: no copy and no `def` property per node in flash, issue 10), with the
 * node's own place in the tree.
 */
export interface DefNode extends ObjectDef {
  /** Last name ('Controller'). */
  readonly name: string;
  /** A table's '{i}' node (set on those only: a property less per other node in flash). */
  readonly multi?: true;
  readonly parent: DefNode | undefined;
  /**
   * Sub-objects, parameters and (commands, events) found by name with named(): arrays, not
   * Maps, because a preloaded Map costs XS slots per entry on top of the lists (issue 10).
   */
  readonly children: readonly DefNode[];
}

/** The one empty list of parameters or children (each preloaded empty array is 2 slots of flash). */
const NONE: readonly never[] = Object.freeze([]);
/**
 * The parameters an object defines (the engine stores those not computed), in definition order:
 * its NumberOfEntries counters are not among them (paramDef, counterOf). Read from the
 * definition, not kept as a list of names per node: that list was ~2.5 KB of flash (issue 10).
 */
export const storesOf = (node: DefNode): readonly ParamDef[] => node.params || NONE;

/** The names of the stored parameters of `node` (see storesOf); `all`: the computed ones too. */
export function storedNames(node: DefNode, all?: boolean): string[] {
  const out: string[] = [];
  for (const p of storesOf(node)) if (all || !p.computed) out.push(p.name);
  return out;
}

export interface SchemaTree {
  readonly root: DefNode;
  /** Every node in schema (pre-)order (found by path with nodeAt: a preloaded Map costs more). */
  readonly nodes: DefNode[];
}

export interface Schema extends SchemaTree {
  /** The handlers of an object, by its supported path ('...Controller.{i}.'): its module's, or none. */
  handlersOf(path: string): ObjectHandlers;
  /** Prefix of the unique-key values the Agent generates (ModelModule.keyPrefix). */
  readonly keyPrefix: string;
}

/** The value the Agent gives string unique keys nobody set, for instance `n` (R-ADD.5). */
export function generatedKey(schema: Schema, n: number | string, suffix = ''): string {
  return schema.keyPrefix + n + suffix;
}

/**
 * R-ADD.5: give every empty string unique key of `rec` that is not in `given` (references
 * excepted: the Agent or a handler sets those) its generated value: an Add's row, and rows made
 * without an Add (factory defaults, handler tables, keys new after a migration).
 */
export function fillGeneratedKeys(schema: Schema, store: Pick<Store, 'setValue'>, rec: ObjRec, given?: Set<string>): void {
  const n = rec.path.slice(rec.path.lastIndexOf('.', rec.path.length - 2) + 1, -1);
  for (const set of rec.node.uniqueKeys || []) {
    for (const k of set) {
      const def = named(rec.node.params, k)!; // buildTree: every key is a parameter
      if (def.type !== 'string' || def.ref || rec.get(k) !== '' || (given && given.has(k))) continue;
      // Not valid for the key's pattern/enum, or past modelValueBytes: the key stays empty (an
      // Add's clash check decides).
      try { store.setValue(rec, k, canonical(def, generatedKey(schema, n))); } catch { /* see above */ }
    }
  }
}

const NO_HANDLERS: ObjectHandlers = Object.freeze({});

/** The item of `list` called `name` (a parameter, child, command or event of a node). */
export function named<T extends { readonly name: string }>(list: readonly T[] | undefined, name: string): T | undefined {
  if (list) for (const x of list) if (x.name === name) return x;
  return undefined;
}

/** The node of a supported object path ('...Controller.{i}.'). */
export function nodeAt(schema: SchemaTree, path: string): DefNode | undefined {
  for (const n of schema.nodes) if (n.path === path) return n;
  return undefined;
}

/** The node of an object path (instance numbers or '{i}'); a table path ('...Controller.') gives its '{i}.' node. */
export function nodeOf(schema: SchemaTree, path: string): DefNode | undefined {
  const sp = supportedPathOf(path);
  return nodeAt(schema, sp) || nodeAt(schema, sp + '{i}.');
}

/** TR-181: the child table `XNumberOfEntries` counts, when `name` is such a counter of `node`. */
export function counterOf(node: DefNode, name: string): DefNode | undefined {
  for (const c of node.children) if (c.multi && name === c.name + 'NumberOfEntries') return c;
  return undefined;
}

/**
 * The parameter `name` of `node`: one it defines, or the NumberOfEntries counter of a child table
 * (engine-computed: a definition made when asked for, not a second preloaded list of the
 * node's parameters with its counters, issue 10).
 */
export function paramDef(node: DefNode, name: string): ParamDef | undefined {
  return named(node.params, name) || (counterOf(node, name) ? { name, type: 'unsignedInt' } : undefined);
}

/** FNV-1a 32-bit over the characters of `s`, from hash `h` (0x811c9dc5 to start). */
export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * FNV-1a folded to 5 base-36 digits: a short, stable storage key part for a supported path
 * (persist.ts keys are at most 15 characters, the ESP-IDF NVS limit). Clashes are refused when
 * the schema is built.
 */
export function pathHash(s: string): string {
  return ('0000' + (fnv(0x811c9dc5, s) % 60466176).toString(36)).slice(-5); // 36^5
}

export { supportedPathOf } from './paths.ts';


/** Builds the tree of `objectLists` (each module's objects, in module order); throws Error (a
 * programming error in a model table) on inconsistencies. Pure: the result is deeply frozen. */
export function buildTree(objectLists: readonly (readonly ObjectDef[])[]): SchemaTree {
  const byPath = new Map<string, DefNode>();
  const nodes: DefNode[] = [];
  const listed: ObjectDef[] = [];
  for (const list of objectLists) for (const d of list) listed.push(d);
  // Parents before children whatever order the modules list them in.
  const defs = listed.sort((a, b) => a.path.split('.').length - b.path.split('.').length);
  const hashes = new Map<string, string>();
  let root: DefNode | undefined;
  for (const def of defs) {
    if (!def.path.endsWith('.')) throw new Error(`object path must end with '.': ${def.path}`);
    if (byPath.has(def.path)) throw new Error(`object defined twice: ${def.path}`);
    // 'Device.A.{i}.' -> parent 'Device.', name 'A', multi-instance.
    const multi = def.path.endsWith('.{i}.');
    const p = def.path.slice(0, multi ? -5 : -1);
    const dot = p.lastIndexOf('.');
    const parentPath = p.slice(0, dot + 1);
    const name = p.slice(dot + 1);
    // A TR-106 name (letters, digits, '_'; no digit first): `name` holds no '.' by construction.
    if (!isPlainPath(name) || name.charAt(0) <= '9') throw new Error(`bad object name in ${def.path}`);
    const parent = parentPath ? byPath.get(parentPath) : undefined;
    if (parentPath && !parent) throw new Error(`parent of ${def.path} is not defined`);
    if (!parent) {
      if (root) throw new Error(`second root object ${def.path}`);
    }
    if (!multi && def.access && def.access !== 'R') throw new Error(`${def.path}: only tables can be writable`);
    const hash = pathHash(def.path);
    if (hashes.has(hash)) throw new Error(`storage hash clash: ${def.path} / ${hashes.get(hash)}`);
    hashes.set(hash, def.path);
    const own: { name: string; parent?: DefNode; children: DefNode[]; multi?: true } = { name, parent, children: [] };
    if (multi) own.multi = true;
    const node: DefNode = Object.setPrototypeOf(own, def);
    for (const k of def.uniqueKeys || []) {
      for (const p of k) if (!named(node.params, p)) throw new Error(`${def.path}: unique key ${p} is not a parameter`);
    }
    if (parent) {
      if (named(parent.children, name)) throw new Error(`duplicate child ${def.path}`);
      (parent.children as DefNode[]).push(node);
    } else root = node;
    byPath.set(def.path, node);
    nodes.push(node);
  }
  if (!root) throw new Error('empty model');
  // TR-181: every table `X.{i}.` is counted by `XNumberOfEntries`, a parameter of its parent
  // object, engine-computed (paramDef), so a module never declares it.
  for (const node of nodes) {
    const owner = node.parent;
    const name = node.name + 'NumberOfEntries';
    if (node.multi && owner && named(owner.params, name)) throw new Error(`${owner.path}${name} is derived from ${node.path}: do not declare it`);
  }
  // Sort nodes in the order a reader expects: pre-order by declaration within each parent.
  const ordered: DefNode[] = [];
  (function walk(n: DefNode) {
    ordered.push(n);
    for (const c of n.children) walk(c);
  })(root);
  for (const n of ordered) {
    if (!n.children.length) (n as { children: readonly DefNode[] }).children = NONE;
    Object.freeze(n.children);
    Object.freeze(n);
  }
  return Object.freeze({ root, nodes: Object.freeze(ordered) as DefNode[] });
}

/**
 * The tree of `modules`' objects, for an engine made at run time (a host, a test). A board
 * builds its tree at module level instead (src/model's TR181_TREE, modelTree()): xsl preloads it
 * and the code that builds trees is then not in the device's image (issue 10: 2.2 KB of flash).
 */
export const treeOf = (modules: readonly ModelModule[]): SchemaTree => buildTree(modules.map((m) => m.objects));

/**
 * The schema of an engine: `tree`, which must have been built from exactly these modules'
 * objects (treeOf), with the modules' handlers bound to it.
 */
export function buildSchema(modules: readonly ModelModule[], tree: SchemaTree): Schema {
  const handlerOf = new Map<string, ObjectHandlers>();
  for (const m of modules) {
    const hs = m.handlers || {};
    for (const k of Object.keys(hs)) {
      if (handlerOf.has(k)) throw new Error(`two handler tables for ${k}`);
      handlerOf.set(k, hs[k]);
    }
  }
  // The tree fits when it has a node for each of the modules' objects, and no other.
  let n = 0;
  for (const m of modules) {
    for (const d of m.objects) {
      const node = nodeAt(tree, d.path);
      if (!node || Object.getPrototypeOf(node) !== d) throw new Error(`the schema tree was not built from these modules (${d.path}): use modelTree() or treeOf()`);
      n++;
    }
  }
  if (n !== tree.nodes.length) throw new Error('the schema tree has objects these modules lack: use modelTree() or treeOf()');
  for (const k of handlerOf.keys()) if (!nodeAt(tree, k)) throw new Error(`handlers for unknown object ${k}`);
  let keyPrefix = 'key-';
  for (const m of modules) if (m.keyPrefix !== undefined) keyPrefix = m.keyPrefix;
  return {
    root: tree.root, nodes: tree.nodes, keyPrefix,
    handlersOf: (path) => handlerOf.get(path) || NO_HANDLERS,
  };
}
