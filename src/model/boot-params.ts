// Boot! ParameterMap for one recipient Controller (digest §4.4): the values named by its enabled
// Controller.{i}.BootParameter.{i}.ParameterName patterns, as a JSON object string. A pattern
// that matches nothing (or is not a valid path) is simply omitted.
import type { Engine } from '../dm/api.ts';

/** Bound on the map, so a Boot! stays within one message on small boards. */
const MAX_ENTRIES = 64;

export function bootParameterMap(engine: Engine, controllerPath: string): string {
  // A Map, not an object: the paths come from Controller-set patterns and instance numbers,
  // and on XS every property name would be a key kept for the machine's life.
  const map = new Map<string, string>();
  const table = controllerPath + 'BootParameter.';
  if (!engine.exists(table)) return '{}';
  for (const bp of engine.instances(table, true)) {
    if (engine.get(bp.path + 'Enable') !== 'true') continue;
    let targets;
    try { targets = engine.resolve(engine.get(bp.path + 'ParameterName')).targets; } catch { continue; }
    for (const t of targets) {
      // A parameter, or an object path standing for its own parameters.
      const values: { path: string; value: string }[] = t.name ? [{ path: t.path, value: engine.get(t.path) }] : [];
      if (!t.name && engine.exists(t.objPath)) {
        try { for (const p of engine.params(t.objPath)) values.push({ path: p.path, value: p.value }); } catch { /* a table path */ }
      }
      for (const v of values) {
        if (map.size >= MAX_ENTRIES) break;
        map.set(v.path, v.value);
      }
    }
  }
  // The JSON object text, members in insertion order (as JSON.stringify of an object would).
  let json = '';
  map.forEach((value, path) => { json += (json ? ',' : '') + JSON.stringify(path) + ':' + JSON.stringify(value); });
  return '{' + json + '}';
}
