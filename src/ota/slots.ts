// A/B firmware slots over a few file operations (the HAL Firmware, hal/hal.ts), portable so the
// Node simulator (hal/host/firmware.ts) and the XS runner (hal/xs/firmware.ts) keep the same
// slots in the same files, and the boot loader (tools/cli/boot.ts) reads them. Every state
// change is one atomic file replacement, as esp_ota_* keeps its otadata:
//   slot<N>.img    a verified image           slot<N>.part  an image being written
//   slot<N>.json   {version, engine, valid, log: BootFailureLog}
//   boot.json      {boot: confirmed slot, trial: slot to try once or -1, tried: its try began}
// An image is "TUSPIMG1" | u32 BE header length | header JSON {version, engine} | payload |
// SHA-256 of all before (hal/host/image.ts writes them): checked as it streams in.
import type { Firmware, FirmwareBootState, FirmwareSlotInfo, Hash } from '../../hal/hal.ts';
import { utf8Decode, utf8Encode } from '../codec/utf8.ts';

export const SLOT_COUNT = 2;
const MAGIC = 'TUSPIMG1';
const MAX_HEADER = 1024;

/** The file operations slots need (the board's flash). */
export interface SlotFiles {
  read(name: string): Uint8Array | undefined;
  /** Atomic replacement (temp, sync, rename, sync). */
  write(name: string, data: Uint8Array): void;
  remove(name: string): void;
  /** Stream an image into `name` (one at a time). */
  open(name: string): void;
  append(chunk: Uint8Array): void;
  /** Sync and close the open image; rename it to `finalName`, or remove it when undefined. */
  close(finalName?: string): void;
}

export interface BootControl { boot: number; trial: number; tried: boolean }
export interface SlotMeta { version: string; engine: string; valid: boolean; log: string }
/** What the boot loader decided for one boot (handed to the image it starts). */
export interface BootChoice { slot: number; trial: boolean; rolledBackFrom: number }

const isSlot = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n < SLOT_COUNT && Math.floor(n) === n;
export const imageName = (slot: number) => `slot${slot}.img`;
const metaName = (slot: number) => `slot${slot}.json`;
const CONTROL = 'boot.json';

function readJson(files: SlotFiles, name: string): { [k: string]: unknown } | undefined {
  const b = files.read(name);
  try { const v = b && JSON.parse(utf8Decode(b)); return v && typeof v === 'object' ? v : undefined; } catch { return undefined; }
}
// typed, not unknown: tools/bundle/xs-props.ts keeps the names JSON.stringify writes
const writeJson = (files: SlotFiles, name: string, v: BootControl | SlotMeta) => files.write(name, utf8Encode(JSON.stringify(v)));

export function readControl(files: SlotFiles): BootControl {
  const c = readJson(files, CONTROL) || {};
  return { boot: isSlot(c.boot) ? c.boot : 0, trial: isSlot(c.trial) ? c.trial : -1, tried: c.tried === true };
}
export const writeControl = (files: SlotFiles, c: BootControl) => writeJson(files, CONTROL, c);
/** `boot` confirmed, no trial pending. */
const noTrial = (boot: number): BootControl => ({ boot, trial: -1, tried: false });
export const isProvisioned = (files: SlotFiles) => files.read(CONTROL) !== undefined;

export function readMeta(files: SlotFiles, slot: number): SlotMeta | undefined {
  const m = readJson(files, metaName(slot));
  if (!m || typeof m.version !== 'string') return undefined;
  return { version: m.version, engine: typeof m.engine === 'string' ? m.engine : '', valid: m.valid === true, log: typeof m.log === 'string' ? m.log : '' };
}
export const writeMeta = (files: SlotFiles, slot: number, m: SlotMeta) => writeJson(files, metaName(slot), m);

/**
 * The boot loader's rule before each boot (ESP-IDF's bootloader with rollback enabled): a newly
 * activated slot is tried once; found still on trial at the next boot (it never confirmed), it is
 * marked invalid with `why` (and `stamp`, the time) in its BootFailureLog and the confirmed slot
 * boots instead.
 */
export function chooseBoot(files: SlotFiles, why: string, stamp: string): BootChoice {
  const c = readControl(files);
  if (c.trial >= 0 && c.trial !== c.boot) {
    const m = readMeta(files, c.trial);
    if (!c.tried && m && m.valid) {
      writeControl(files, { boot: c.boot, trial: c.trial, tried: true });
      return { slot: c.trial, trial: true, rolledBackFrom: -1 };
    }
    if (m) writeMeta(files, c.trial, { version: m.version, engine: m.engine, valid: false, log: `${stamp} rolled back: ${c.tried ? why : 'image not bootable'}` });
    writeControl(files, noTrial(c.boot));
    return { slot: c.boot, trial: false, rolledBackFrom: c.trial };
  }
  if (c.trial >= 0) writeControl(files, noTrial(c.boot));
  return { slot: c.boot, trial: false, rolledBackFrom: -1 };
}

/** What checks an image as it streams in (imageCheck). */
export interface ImageCheck {
  update(chunk: Uint8Array): void;
  /** The header when the image is well formed and its digest matches; why not otherwise. */
  result(): { version: string; engine: string } | string;
}

/**
 * Checks an image as it streams in: its header from the first bytes, its trailing SHA-256 at the
 * end. `hash`: the board's digests (HAL `hash`; src/ota/hash.ts's jsHash for a board without).
 * Closures over one download's state, not a class (one at a time; a class's constructor and
 * methods would be preloaded functions on a board, issue 10).
 */
export function imageCheck(hash: Hash): ImageCheck {
  const digest = hash.start('SHA-256');
  const head = new Uint8Array(12 + MAX_HEADER);
  let headLen = 0;
  const tail = new Uint8Array(32);
  let tailLen = 0;
  let total = 0;
  return {
    update(chunk) {
      total += chunk.length;
      if (headLen < head.length) {
        const n = Math.min(head.length - headLen, chunk.length);
        head.set(chunk.subarray(0, n), headLen);
        headLen += n;
      }
      // All but the last 32 bytes seen so far are hashed; those are held back in `tail`.
      if (chunk.length >= 32) {
        digest.update(tail.subarray(0, tailLen));
        digest.update(chunk.subarray(0, chunk.length - 32));
        tail.set(chunk.subarray(chunk.length - 32));
        tailLen = 32;
        return;
      }
      const over = tailLen + chunk.length - 32;
      if (over > 0) {
        digest.update(tail.subarray(0, over));
        tail.copyWithin(0, over, tailLen);
        tailLen -= over;
      }
      tail.set(chunk, tailLen);
      tailLen += chunk.length;
    },
    result() {
      const h = head;
      if (headLen < 12 || utf8Decode(h.subarray(0, 8)) !== MAGIC) return 'not a tinyusp image (bad magic)';
      const n = ((h[8] << 24) | (h[9] << 16) | (h[10] << 8) | h[11]) >>> 0;
      if (n > MAX_HEADER || headLen < 12 + n) return 'bad image header length';
      let v: { version?: unknown; engine?: unknown };
      try { v = JSON.parse(utf8Decode(h.subarray(12, 12 + n))); } catch { return 'image header is not JSON'; }
      if (typeof v.version !== 'string' || !v.version || v.version.length > 64) return 'image header: bad version';
      // the engines of hal/host/image.ts's IMAGE_ENGINES (compared: no preloaded array)
      const e = v.engine;
      if (e !== 'node' && e !== 'xs' && e !== 'xs-arm') return 'image header: unknown engine';
      if (total < 12 + n + 32) return 'image truncated';
      const d = digest.finish();
      for (let i = 0; i < 32; i++) if (d[i] !== tail[i]) return 'image digest mismatch (corrupted image)';
      return { version: v.version, engine: e };
    },
  };
}

/**
 * The HAL Firmware over `files`, for the boot the boot loader chose; `now()` stamps
 * BootFailureLog; `hash` (the HAL's) checks images.
 */
export function createSlotFirmware(files: SlotFiles, boot: BootChoice, now: () => string, hash: Hash): Firmware {
  const running = boot.slot;
  let trial = boot.trial;
  let open: { slot: number; check: ImageCheck } | undefined;

  function status(slot: number, c: BootControl, m: SlotMeta | undefined): FirmwareSlotInfo['status'] {
    if (slot === running) return 'active';
    if ((open && open.slot === slot) || !m) return 'empty';
    if (!m.valid) return m.version ? 'invalid' : 'empty';
    return c.trial === slot && !c.tried ? 'pending' : 'valid';
  }

  return {
    slots() {
      const c = readControl(files);
      const out: FirmwareSlotInfo[] = [];
      for (let s = 0; s < SLOT_COUNT; s++) {
        const m = readMeta(files, s);
        const st = status(s, c, m);
        out.push({ slot: s, version: st === 'empty' || !m ? '' : m.version, status: st, bootFailureLog: m ? m.log : '' });
      }
      return out;
    },
    runningSlot: () => running,
    bootSlot() {
      const c = readControl(files);
      return c.trial >= 0 && !c.tried ? c.trial : c.boot;
    },
    bootState: (): FirmwareBootState => ({ trial, rolledBackFrom: boot.rolledBackFrom }),
    begin(slot) {
      if (!isSlot(slot)) throw new Error(`no firmware slot ${slot}`);
      if (slot === running) throw new Error('the running image cannot be overwritten');
      if (open) throw new Error('another image write is in progress');
      const c = readControl(files);
      if (c.trial === slot) writeControl(files, noTrial(c.boot)); // its pending activation is void
      files.remove(metaName(slot)); // erased: BootFailureLog is cleared on a new install
      files.remove(imageName(slot));
      files.open(`slot${slot}.part`);
      open = { slot, check: imageCheck(hash) };
    },
    write(chunk) {
      if (!open) throw new Error('no image write in progress');
      files.append(chunk);
      open.check.update(chunk);
    },
    finish() {
      if (!open) throw new Error('no image write in progress');
      const o = open;
      open = undefined;
      const r = o.check.result();
      if (typeof r === 'string') {
        files.close(undefined);
        writeMeta(files, o.slot, { version: '?', engine: '', valid: false, log: '' });
        return false;
      }
      files.close(imageName(o.slot));
      writeMeta(files, o.slot, { version: r.version, engine: r.engine, valid: true, log: '' });
      return true;
    },
    abort() {
      if (!open) return;
      open = undefined;
      files.close(undefined);
    },
    activate(slot) {
      const c = readControl(files);
      if (slot === running) {
        // Booting the running image again: a pending switch is cancelled.
        if (c.trial >= 0 && !c.tried) writeControl(files, noTrial(c.boot));
        return;
      }
      if (!isSlot(slot) || !readMeta(files, slot)?.valid) throw new Error(`slot ${slot} holds no valid image`);
      writeControl(files, { boot: c.boot, trial: slot, tried: false });
    },
    confirm() {
      if (!trial) return;
      writeControl(files, noTrial(running));
      trial = false;
    },
    rollback() {
      const c = readControl(files);
      if (!trial || c.boot === running) throw new Error('the running image is confirmed: nothing to roll back to');
      const m = readMeta(files, running);
      if (m) writeMeta(files, running, { version: m.version, engine: m.engine, valid: false, log: `${now()} rolled back by the image` });
      writeControl(files, noTrial(c.boot));
      trial = false;
    },
  };
}
