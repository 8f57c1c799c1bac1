// Test helpers for the codec: converters between the own plain objects (src/codec) and
// protobuf-es messages (gen/usp), so a differential test compares exact values.
import { create, equals, toBinary, fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { MsgSchema } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema } from '../../gen/usp/usp-record_pb.ts';
import type { Msg, UspRecord } from '../../src/codec/index.ts';

export { MsgSchema, RecordSchema };

/** Own object -> protobuf-es message. `create` takes the same shape (protobuf-es init form). */
export function toPb<D extends DescMessage>(schema: D, own: unknown): MessageShape<D> {
  return create(schema, plain(own) as never);
}
export const msgToPb = (m: Msg) => toPb(MsgSchema, m);
export const recordToPb = (r: UspRecord) => toPb(RecordSchema, r);

/**
 * protobuf-es message -> own object: drops `$typeName`/`$unknown`, turns maps into
 * prototype-less objects like the own decoder makes them, keeps bigint and Uint8Array.
 */
export function fromPb<T>(pb: unknown): T {
  return strip(pb) as T;
}

function strip(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(strip);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k === '$typeName' || k === '$unknown') continue;
    out[k] = strip((v as Record<string, unknown>)[k]);
  }
  return out;
}

/** Deep copy with prototype-less maps turned into plain objects (protobuf-es `create` wants plain ones). */
export function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return v;
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
