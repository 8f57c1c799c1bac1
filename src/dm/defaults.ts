// Factory defaults (design.md "Configuration is the data model"): an object of TR-181
// parameter paths with instance numbers → lexical values (flat, or nested: api.ts Defaults),
// applied on first boot and on factory reset. A bad entry is logged and skipped: a typo in a
// defaults file must not brick a device.
import type { System } from '../../hal/hal.ts';
import type { Defaults } from './api.ts';
import { fillGeneratedKeys, named, nodeAt, supportedPathOf } from './schema.ts';
import type { ObjRec } from './store.ts';
import type { ResolverCore } from './resolver.ts';
import { prepareValue } from './txn-checks.ts';
import { parsePath } from './grammar.ts';

/** An instantiated object or parameter path: names and instance numbers only (no search, '*' or '+'). */
function isInstantiated(p: string): boolean {
  try {
    const parsed = parsePath(p);
    return !parsed.isSearch && (parsed.kind === 'object' || parsed.kind === 'parameter');
  } catch { return false; }
}

/** The [path, value] pairs of `d`, in its order: a key holding an object is the prefix of its own keys. */
export function defaultPairs(d: Defaults, prefix = '', out: [string, string][] = []): [string, string][] {
  if (Array.isArray(d)) {
    for (let i = 0; i < d.length; i += 2) out.push([d[i], d[i + 1]]);
    return out;
  }
  const o = d as { readonly [path: string]: string | Defaults };
  for (const k of Object.keys(o)) {
    const v = o[k];
    // Anything else than an object is a value (checked, and warned about, as one).
    if (v && typeof v === 'object') defaultPairs(v, prefix + k + '.', out);
    else out.push([prefix + k, v as string]);
  }
  return out;
}

/** Create every instance named by the paths (exact numbers), then set the values. */
export function applyDefaults(core: ResolverCore, defaults: Defaults, system: System): void {
  const { schema, store } = core;
  const warn = (m: string) => system.log('warn', `factory defaults: ${m}`);
  const pairs = defaultPairs(defaults).filter(([p]) => {
    if (isInstantiated(p)) return true;
    warn(`${p}: not an instantiated path`);
    return false;
  });
  const created: ObjRec[] = [];
  // Pass 1: instances, shortest paths first so parents exist before children.
  for (const [p] of pairs.slice().sort((a, b) => a[0].length - b[0].length)) {
    const parts = p.split('.');
    let prefix = '';
    for (let i = 0; i < parts.length - 1; i++) {
      if (parts[i].charAt(0) <= '9') { // an instance number (names start with a letter or '_')
        const table = store.tables.get(prefix);
        const ip = prefix + parts[i] + '.';
        if (!table) break;
        if (!store.objs.has(ip)) {
          try { created.push(store.insertInstance(table, Number(parts[i]))); } catch (e) {
            warn(`${p}: ${(e as Error).message}`);
            break;
          }
        }
      }
      prefix += parts[i] + '.';
    }
  }
  // Pass 2: values (references last, so their targets exist whatever the file order).
  const isRef = ([p]: [string, string]) => {
    const dot = p.lastIndexOf('.');
    const node = nodeAt(schema, supportedPathOf(p.slice(0, dot + 1)));
    const def = node && named(node.params, p.slice(dot + 1));
    return !!(def && def.ref);
  };
  const ordered = pairs.filter((e) => !isRef(e)).concat(pairs.filter(isRef));
  for (const [p, value] of ordered) {
    if (p.endsWith('.')) continue;
    const dot = p.lastIndexOf('.');
    const rec = store.objs.get(p.slice(0, dot + 1));
    const name = p.slice(dot + 1);
    const def = rec && named(rec.node.params, name);
    if (!rec || !def || rec.get(name) === undefined) { warn(`${p}: not a stored parameter of the model`); continue; }
    // Checked as a Set would (type, range, strong references to existing instances).
    try { store.setValue(rec, name, prepareValue(core, rec, name, value)); } catch (e) { warn(`${p}: ${(e as Error).message}`); }
  }
  // Unique keys of a row the file did not name get the Agent's values, as an Add would (R-ADD.5).
  for (const rec of created) fillGeneratedKeys(schema, store, rec);
}
