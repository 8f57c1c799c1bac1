// Atomic multi-record writes over a Storage that is atomic per key only (hal.ts), the way an
// ESP-IDF NVS blob is (design.md "Nothing lost", issue 12). One write set is first stored whole
// under one journal key (the commit point: a single atomic set), then applied record by record,
// then the journal is deleted. A restart replays a journal it finds (the writes are idempotent)
// and discards one whose CRC-32 does not match (damaged media: nothing was applied from it).
// A power loss before the journal landed leaves the old records, after it the new ones.
// No sequence number is needed: a journal exists only between its commit point and its
// deletion, and at most one is open at a time.
//
// Journal record: 'J' 1, op count (u16), ops, CRC-32 (u32, big-endian) of everything before it.
// One op: kind ('S' set / 'D' delete), key length (u8) + key (ASCII), and for a set the value
// length (u32) + value.
import type { Storage } from '../../hal/hal.ts';

export const JOURNAL_KEY = 'p.j';
/** Present once the whole model has been written (first boot, factory reset: persist.ts). */
export const MODEL_MARKER_KEY = 'p.m'; // short: esbuild inlines it (no XS alias slot)

/** A write set: key -> new value, or null to delete. Later calls for a key win. */
export type WriteSet = Map<string, Uint8Array | null>;

/** A write failed. `committed`: the journal had landed, so the change stands (a restart replays it). */
export interface StorageWriteError extends Error {
  readonly committed: boolean;
}

/** (A function rather than a class: one module binding less in the XS preload.) */
function writeError(e: unknown, committed: boolean): StorageWriteError {
  const err = new Error('storage: ' + (e instanceof Error ? e.message : String(e))) as Error & { committed: boolean };
  err.committed = committed;
  return err;
}

export function isStorageWriteError(e: unknown): e is StorageWriteError {
  return e instanceof Error && typeof (e as { committed?: unknown }).committed === 'boolean';
}

/** CRC-32 (IEEE 802.3, as zlib), bit by bit: no 1 KB table in RAM; a journal is a few hundred bytes. */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) {
    c ^= bytes[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function encodeJournal(ops: WriteSet): Uint8Array {
  let size = 4 + 4; // header, CRC
  for (const [k, v] of ops) {
    if (k.length > 255) throw new Error(`storage key too long: ${k}`);
    size += 2 + k.length + (v ? 4 + v.length : 0);
  }
  if (ops.size > 0xffff) throw new Error('write set too large');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer); // big-endian
  out[0] = 0x4a; // 'J'
  out[1] = 1;
  view.setUint16(2, ops.size);
  let at = 4;
  for (const [k, v] of ops) {
    out[at++] = v ? 0x53 : 0x44;
    out[at++] = k.length;
    for (let i = 0; i < k.length; i++) out[at++] = k.charCodeAt(i) & 0x7f;
    if (!v) continue;
    view.setUint32(at, v.length);
    out.set(v, at + 4);
    at += 4 + v.length;
  }
  view.setUint32(at, crc32(out, 0, at));
  return out;
}

/** The write set of a journal record, or undefined when it is damaged (wrong CRC, bad layout). */
export function decodeJournal(b: Uint8Array): WriteSet | undefined {
  const end = b.length - 4;
  if (end < 4 || b[0] !== 0x4a || b[1] !== 1) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  if (crc32(b, 0, end) !== view.getUint32(end)) return undefined;
  const ops: WriteSet = new Map();
  let at = 4;
  for (let n = view.getUint16(2); n > 0; n--) {
    if (at + 2 > end) return undefined;
    const kind = b[at];
    const klen = b[at + 1];
    at += 2 + klen;
    if (at > end || (kind !== 0x53 && kind !== 0x44)) return undefined;
    let key = '';
    for (let i = at - klen; i < at; i++) key += String.fromCharCode(b[i]);
    if (kind === 0x44) { ops.set(key, null); continue; }
    if (at + 4 > end) return undefined;
    const vlen = view.getUint32(at);
    at += 4 + vlen;
    if (at > end) return undefined;
    ops.set(key, b.slice(at - vlen, at));
  }
  return at === end ? ops : undefined;
}

function apply(storage: Storage, ops: WriteSet): void {
  for (const [k, v] of ops) {
    if (v) storage.set(k, v);
    else storage.delete(k);
  }
}

/**
 * Writes `ops` so that a power loss leaves all of them or none. One op is one atomic set (no
 * journal); more go through the journal. Throws StorageWriteError when storage fails.
 */
export function writeAtomically(storage: Storage, ops: WriteSet): void {
  if (ops.size === 0) return;
  if (ops.size === 1) {
    try { apply(storage, ops); } catch (e) { throw writeError(e, false); }
    return;
  }
  try {
    storage.set(JOURNAL_KEY, encodeJournal(ops));
  } catch (e) {
    // The set may have landed or not: take it back so that a restart cannot replay it.
    try { storage.delete(JOURNAL_KEY); } catch { /* a restart decides */ }
    throw writeError(e, false);
  }
  try {
    apply(storage, ops);
    storage.delete(JOURNAL_KEY);
  } catch (e) {
    throw writeError(e, true);
  }
}

/**
 * At start (and before a new journal after a failed apply): finish an interrupted write set.
 * 'replayed' (a complete journal was applied), 'discarded' (a damaged one), or 'none'.
 */
export function recoverJournal(storage: Storage): 'none' | 'replayed' | 'discarded' {
  const b = storage.get(JOURNAL_KEY);
  if (!b) return 'none';
  const ops = decodeJournal(b);
  if (ops) apply(storage, ops);
  storage.delete(JOURNAL_KEY);
  return ops ? 'replayed' : 'discarded';
}
