// Persistence of the instantiated model through the HAL Storage (atomic per key).
//
// Layout, chosen so one write is bounded by the schema rather than by the whole model:
// - one record per *unit*: a multi-instance object instance together with its single-instance
//   sub-objects (e.g. Controller.1. + nothing, Controller.1.MTP.1. + its CoAP.), or a top-level
//   single-instance object (Device.LocalAgent.). Key 'd.<hash>[.<n>...]' where <hash> is the
//   FNV-1a of the supported path (short: NVS keys are ≤15 chars) and <n> the instance numbers.
// - one index per table instance: 't.<hash>[.<n>...]' = "next;1,2,5" (next instance number and
//   the live instances; R-ARC.8: numbers survive reboot and are never reused).
// A commit rewrites only the units and indexes it touched. Values are stored by parameter name
// (not position), so a firmware that adds parameters still reads old records.
import type { Storage } from '../../hal/hal.ts';
import type { DefNode, Schema } from './schema.ts';
import { supportedPathOf } from './schema.ts';
import type { ObjRec, Store } from './store.ts';
import { canonical } from './values.ts';
import { utf8Encode, utf8Decode } from '../codec/utf8.ts';

const UNIT_RE = /^(.*\.[0-9]+\.)/;

/** The unit (see above) an object record belongs to. */
export function unitOf(path: string): string {
  const m = UNIT_RE.exec(path);
  return m ? m[1] : path;
}

function numbersOf(path: string): string {
  const nums = path.match(/\.[0-9]+(?=\.)/g);
  return nums ? nums.join('') : '';
}

/** length-prefixed strings: "4:Port4:5683" — no separator can clash with a value. */
export function encodeFields(fields: string[]): string {
  return fields.map((f) => f.length + ':' + f).join('');
}
export function decodeFields(s: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const colon = s.indexOf(':', i);
    if (colon < 0) return undefined;
    const len = Number(s.slice(i, colon));
    if (!(len >= 0) || colon + 1 + len > s.length) return undefined;
    out.push(s.slice(colon + 1, colon + 1 + len));
    i = colon + 1 + len;
  }
  return out;
}

export class Persist {
  constructor(
    private readonly storage: Storage,
    private readonly schema: Schema,
    private readonly store: Store,
  ) {}

  private nodeOf(path: string): DefNode | undefined {
    return this.schema.byPath.get(supportedPathOf(path));
  }

  /** Volatile objects (Request.{i}) and everything below them are never stored. */
  static persists(node: DefNode): boolean {
    for (let n: DefNode | undefined = node; n; n = n.parent) if (n.def.persist === false) return false;
    return true;
  }

  unitKey(unit: string): string {
    return 'd.' + this.nodeOf(unit)!.hash + numbersOf(unit);
  }
  tableKey(tablePath: string): string {
    return 't.' + this.schema.byPath.get(supportedPathOf(tablePath) + '{i}.')!.hash + numbersOf(tablePath);
  }

  /** True when any engine key exists (not a first boot). */
  hasState(): boolean {
    return this.storage.keys().some((k) => k.startsWith('d.') || k.startsWith('t.'));
  }

  /** Delete every engine key (factory reset). */
  wipe(): void {
    for (const k of this.storage.keys()) if (k.startsWith('d.') || k.startsWith('t.')) this.storage.delete(k);
  }

  writeUnit(unit: string): void {
    const rec = this.store.objs.get(unit);
    if (!rec) { this.deleteUnit(unit); return; }
    if (!Persist.persists(rec.node)) return;
    const fields: string[] = [];
    const add = (r: ObjRec, prefix: string) => {
      r.values.forEach((v, name) => { fields.push(prefix + name, v); });
      for (const c of r.node.children.values()) {
        if (c.multi) continue;
        const child = this.store.objs.get(r.path + c.name + '.');
        if (child) add(child, prefix + c.name + '.');
      }
    };
    add(rec, '');
    this.storage.set(this.unitKey(unit), utf8Encode(encodeFields(fields)));
  }

  deleteUnit(unit: string): void {
    const node = this.nodeOf(unit);
    if (node && Persist.persists(node)) this.storage.delete(this.unitKey(unit));
  }

  writeTable(tablePath: string): void {
    const t = this.store.tables.get(tablePath);
    if (!t) { this.storage.delete(this.tableKey(tablePath)); return; }
    if (!Persist.persists(t.node)) return;
    this.storage.set(this.tableKey(tablePath), utf8Encode(t.next + ';' + t.insts.join(',')));
  }

  deleteTable(tablePath: string): void {
    const node = this.schema.byPath.get(supportedPathOf(tablePath) + '{i}.');
    if (node && Persist.persists(node)) this.storage.delete(this.tableKey(tablePath));
  }

  /** Write the whole model (after factory defaults). */
  saveAll(): void {
    for (const [p, rec] of this.store.objs) if (unitOf(p) === p && Persist.persists(rec.node)) this.writeUnit(p);
    for (const p of this.store.tables.keys()) this.writeTable(p);
  }

  private read(key: string): string | undefined {
    const b = this.storage.get(key);
    if (!b) return undefined;
    try { return utf8Decode(b); } catch { return undefined; }
  }

  /** Overlay a stored unit record onto freshly created records; invalid values keep defaults. */
  private loadUnit(unit: string): void {
    const text = this.read(this.unitKey(unit));
    const fields = text === undefined ? undefined : decodeFields(text);
    if (!fields) return;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const rel = fields[i];
      const dot = rel.lastIndexOf('.');
      const rec = this.store.objs.get(unit + rel.slice(0, dot + 1));
      const name = rel.slice(dot + 1);
      const def = rec && rec.node.params.get(name);
      if (!rec || !def || !rec.values.has(name)) continue;
      try { rec.values.set(name, canonical(def, fields[i + 1])); } catch { /* schema changed: keep default */ }
    }
  }

  /** Load the unit at `path` and, recursively, the tables below it. */
  load(path: string): void {
    const rec = this.store.objs.get(path);
    if (!rec || !Persist.persists(rec.node)) return;
    if (unitOf(path) === path) this.loadUnit(path);
    for (const c of rec.node.children.values()) {
      const cp = path + c.name + '.';
      if (!c.multi) { this.load(cp); continue; }
      const t = this.store.tables.get(cp);
      const text = t && Persist.persists(c) ? this.read(this.tableKey(cp)) : undefined;
      const m = text === undefined ? null : /^([0-9]+);([0-9,]*)$/.exec(text);
      if (!t || !m) continue;
      for (const s of m[2] ? m[2].split(',') : []) {
        const n = Number(s);
        if (!(n >= 1) || t.insts.indexOf(n) >= 0) continue;
        try { this.store.insertInstance(t, n); } catch { continue; } // bound lowered: drop extras
        this.load(cp + n + '.');
      }
      const next = Number(m[1]);
      if (next > t.next) t.next = next;
    }
  }
}
