// Test helpers for the codec: converters between the own plain objects (src/codec) and
// protobuf-es messages (gen/usp), so a differential test compares exact values.
import { create, createRegistry, equals, toBinary, fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { MsgSchema, file_usp_msg } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema, file_usp_record } from '../../gen/usp/usp-record_pb.ts';
import { isStringMap, type Msg, type UspRecord } from '../../src/codec/index.ts';

export { MsgSchema, RecordSchema };

/** Own object -> protobuf-es message. `create` takes the same shape (protobuf-es init form). */
export function toPb<D extends DescMessage>(schema: D, own: unknown): MessageShape<D> {
  return create(schema, plain(own) as never);
}
export const msgToPb = (m: Msg) => toPb(MsgSchema, m);
export const recordToPb = (r: UspRecord) => toPb(RecordSchema, r);

/**
 * protobuf-es message -> own object: drops `$typeName`/`$unknown`, turns map fields (plain
 * objects in protobuf-es) into Maps like the own decoder makes them, in Object.keys order (the
 * order protobuf-es writes them in), keeps bigint and Uint8Array.
 */
export function fromPb<T>(pb: unknown): T {
  return strip(pb) as T;
}

const registry = createRegistry(file_usp_msg, file_usp_record);
/** The map fields of each message type, by localName (from the schema, not guessed from values). */
const mapFields = new Map<string, Set<string>>();
function mapFieldsOf(typeName: string): Set<string> {
  let names = mapFields.get(typeName);
  if (!names) {
    const desc = registry.getMessage(typeName);
    if (!desc) throw new Error('unknown message ' + typeName);
    names = new Set(desc.fields.filter((f) => f.fieldKind === 'map').map((f) => f.localName));
    mapFields.set(typeName, names);
  }
  return names;
}

function strip(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(strip);
  const typeName = (v as { $typeName?: string }).$typeName;
  const maps = typeName ? mapFieldsOf(typeName) : undefined;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k === '$typeName' || k === '$unknown') continue;
    const x = (v as Record<string, unknown>)[k];
    out[k] = maps && maps.has(k) ? new Map(Object.entries(x as Record<string, string>)) : strip(x);
  }
  return out;
}

/**
 * Deep copy with Maps turned into plain objects (protobuf-es `create` wants plain ones). Keys
 * keep Map order except integer-like ones ("7"), which a JS object lists first: tests that
 * compare bytes with protobuf-es build their Maps in Object.keys order (arbitraries.ts).
 */
export function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return v;
  if (isStringMap(v)) return Object.fromEntries(v); // own data properties, even "__proto__"
  if (Array.isArray(v)) return v.map(plain);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = plain(x);
  }
  return out;
}

export const pbEncodeMsg = (m: Msg) => toBinary(MsgSchema, msgToPb(m));
export const pbEncodeRecord = (r: UspRecord) => toBinary(RecordSchema, recordToPb(r));
export const pbDecodeMsg = (b: Uint8Array) => fromBinary(MsgSchema, b);
export const pbDecodeRecord = (b: Uint8Array) => fromBinary(RecordSchema, b);

/** Same values, compared by protobuf-es's own equality (maps by key, bytes by content). */
export function sameMsg(a: Msg, b: Msg): boolean {
  return equals(MsgSchema, msgToPb(a), msgToPb(b));
}
export function sameRecord(a: UspRecord, b: UspRecord): boolean {
  return equals(RecordSchema, recordToPb(a), recordToPb(b));
}

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
