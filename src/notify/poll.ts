// The bounded ValueChange poll (board valueChangePollMs) for values the engine never writes:
// computed parameters read from the HAL (DeviceInfo, Time.Status, FirmwareImage.Status...).
// Parameters whose GSDM value_change is WILL_IGNORE (UpTime, CurrentLocalTime) are never polled.
// The first sighting of a value is its baseline; a later different value is a change.
import type { Engine, ParamDef } from '../dm/api.ts';
import { Perm, type Access } from '../usp/access.ts';
import type { Subscription } from './subscriptions.ts';

export interface PolledChange {
  readonly sub: Subscription;
  readonly path: string;
  readonly value: string;
}

export interface PollResult {
  readonly changes: PolledChange[];
  /** The new baseline: `sub.path + '|' + param path` → value. */
  readonly baseline: Map<string, string>;
  /** More computed parameters were referenced than `limit`: the rest were not watched. */
  readonly truncated: boolean;
}

function computedDef(engine: Engine, objPath: string, name: string): ParamDef | undefined {
  const def = engine.supportedObject(objPath);
  const p = def && def.params ? def.params.find((x) => x.name === name) : undefined;
  return p && p.computed && p.valueChange !== 'ignore' ? p : undefined;
}

/** Computed parameters `ref` covers now (object refs: every computed parameter below them). */
function watched(engine: Engine, ref: string, access: Access, room: number): string[] {
  const out: string[] = [];
  let targets;
  try { targets = engine.resolve(ref, access).targets; } catch { return out; } // R-SEC.1: the recipient's reads
  for (const t of targets) {
    if (out.length >= room) break;
    if (t.name) {
      if (computedDef(engine, t.objPath, t.name)) out.push(t.path);
      continue;
    }
    let objs: string[];
    try { objs = engine.subtree(t.objPath); } catch { continue; }
    for (const o of objs) {
      const def = engine.supportedObject(o);
      for (const p of (def && def.params) || []) {
        if (p.computed && p.valueChange !== 'ignore' && out.length < room) out.push(o + p.name);
      }
    }
  }
  return out;
}

export function pollComputed(
  engine: Engine,
  subs: readonly Subscription[],
  accessOf: (sub: Subscription) => Access | undefined,
  previous: Map<string, string>,
  limit: number,
): PollResult {
  const baseline = new Map<string, string>();
  const changes: PolledChange[] = [];
  let truncated = false;
  for (const sub of subs) {
    const access = accessOf(sub);
    if (!access) continue;
    for (const ref of sub.refs) {
      const room = limit - baseline.size;
      if (room <= 0) { truncated = true; break; }
      for (const path of watched(engine, ref, access, room)) {
        if (!access.canRead(path) || !access.can(path, Perm.PARAM_NOTIFY)) continue;
        let value: string;
        try { value = engine.get(path); } catch { continue; }
        const key = sub.path + '|' + path;
        if (baseline.has(key)) continue;
        const was = previous.get(key);
        if (was !== undefined && was !== value) changes.push({ sub, path, value });
        baseline.set(key, value);
      }
    }
  }
  return { changes, baseline, truncated };
}
