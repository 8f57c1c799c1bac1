// Factory defaults (design.md "Configuration is the data model"): a flat object of TR-181
// parameter paths with instance numbers → lexical values, applied on first boot and on factory
// reset. A bad entry is logged and skipped: a typo in a defaults file must not brick a device.
import type { System } from '../../hal/hal.ts';
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

/** Create every instance named by the paths (exact numbers), then set the values. */
export function applyDefaults(core: ResolverCore, defaults: { readonly [path: string]: string }, system: System): void {
  const { schema, store } = core;
  const warn = (m: string) => system.log('warn', `factory defaults: ${m}`);
  const paths = Object.keys(defaults).filter((p) => {
    if (isInstantiated(p)) return true;
    warn(`${p}: not an instantiated path`);
    return false;
  });
  const created: ObjRec[] = [];
  // Pass 1: instances, shortest paths first so parents exist before children.
  for (const p of paths.slice().sort((a, b) => a.length - b.length)) {
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
  const isRef = (p: string) => {
    const dot = p.lastIndexOf('.');
    const node = nodeAt(schema, supportedPathOf(p.slice(0, dot + 1)));
    const def = node && named(node.params, p.slice(dot + 1));
    return !!(def && def.ref);
  };
  const ordered = paths.filter((p) => !isRef(p)).concat(paths.filter(isRef));
  for (const p of ordered) {
    if (p.endsWith('.')) continue;
    const dot = p.lastIndexOf('.');
    const rec = store.objs.get(p.slice(0, dot + 1));
    const name = p.slice(dot + 1);
    const def = rec && named(rec.node.params, name);
    if (!rec || !def || rec.get(name) === undefined) { warn(`${p}: not a stored parameter of the model`); continue; }
    // Checked as a Set would (type, range, strong references to existing instances).
    try { store.setValue(rec, name, prepareValue(core, rec, name, defaults[p])); } catch (e) { warn(`${p}: ${(e as Error).message}`); }
  }
  // Unique keys of a row the file did not name get the Agent's values, as an Add would (R-ADD.5).
  for (const rec of created) fillGeneratedKeys(schema, store, rec);
}
