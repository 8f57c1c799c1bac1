// HAL Firmware on the host: A/B slots are files under <state>/fw, and booting an image means the
// boot loader (boards/host/boot.ts) starts the build a slot holds. Every state change is one
// atomic file replacement (temp, fsync, rename, fsync of the directory), as esp_ota_* keeps its
// otadata, so a power loss leaves the old or the new state and a bootable image.
//   slot<N>.img    the verified image          slot<N>.part  an image being written
//   slot<N>.json   {version, engine, valid, log: BootFailureLog}
//   boot.json      {boot: confirmed slot, trial: slot to try once or -1, tried: its try began}
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Firmware, FirmwareBootState, FirmwareSlotInfo } from '../hal.ts';
import { ImageVerifier, type ImageEngine } from './image.ts';

export const SLOT_COUNT = 2;

export interface BootControl { boot: number; trial: number; tried: boolean }
export interface SlotMeta { version: string; engine: ImageEngine | ''; valid: boolean; log: string }
/** What the boot loader decided for one boot (passed to the image it starts). */
export interface BootChoice { slot: number; trial: boolean; rolledBackFrom: number }

export const slotImage = (dir: string, slot: number) => join(dir, `slot${slot}.img`);
const metaFile = (dir: string, slot: number) => join(dir, `slot${slot}.json`);
const controlFile = (dir: string) => join(dir, 'boot.json');

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = file + '.tmp';
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDir(join(file, '..'));
}

function readJson(file: string): unknown {
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

const isSlot = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < SLOT_COUNT;

export function readControl(dir: string): BootControl {
  const c = readJson(controlFile(dir)) as Partial<BootControl> | undefined;
  return { boot: isSlot(c?.boot) ? c!.boot : 0, trial: isSlot(c?.trial) ? c!.trial : -1, tried: c?.tried === true };
}
export function writeControl(dir: string, c: BootControl): void { writeAtomic(controlFile(dir), JSON.stringify(c)); }

export function readMeta(dir: string, slot: number): SlotMeta | undefined {
  const m = readJson(metaFile(dir, slot)) as Partial<SlotMeta> | undefined;
  if (!m || typeof m.version !== 'string') return undefined;
  return { version: m.version, engine: (m.engine ?? '') as SlotMeta['engine'], valid: m.valid === true && existsSync(slotImage(dir, slot)), log: typeof m.log === 'string' ? m.log : '' };
}
export function writeMeta(dir: string, slot: number, m: SlotMeta): void { writeAtomic(metaFile(dir, slot), JSON.stringify(m)); }

/**
 * The boot loader's rule before each boot (ESP-IDF's bootloader with rollback enabled): a newly
 * activated slot is tried once; found still on trial at the next boot (it never confirmed), it is
 * marked invalid with `why` in its BootFailureLog and the confirmed slot boots instead.
 */
export function chooseBoot(dir: string, why: string, now = new Date()): BootChoice {
  const c = readControl(dir);
  if (c.trial >= 0 && c.trial !== c.boot) {
    const m = readMeta(dir, c.trial);
    if (!c.tried && m?.valid) {
      writeControl(dir, { ...c, tried: true });
      return { slot: c.trial, trial: true, rolledBackFrom: -1 };
    }
    if (m) writeMeta(dir, c.trial, { ...m, valid: false, log: `${now.toISOString()} rolled back: ${c.tried ? why : 'image not bootable'}` });
    writeControl(dir, { boot: c.boot, trial: -1, tried: false });
    return { slot: c.boot, trial: false, rolledBackFrom: c.trial };
  }
  if (c.trial >= 0) writeControl(dir, { boot: c.boot, trial: -1, tried: false });
  return { slot: c.boot, trial: false, rolledBackFrom: -1 };
}

export function createHostFirmware(dir: string, boot: BootChoice): Firmware {
  mkdirSync(dir, { recursive: true });
  const running = boot.slot;
  let trial = boot.trial;
  let open: { slot: number; fd: number; part: string; verifier: ImageVerifier; whole: Hash } | undefined;

  function status(slot: number, c: BootControl, m: SlotMeta | undefined): FirmwareSlotInfo['status'] {
    if (slot === running) return 'active';
    if (open && open.slot === slot) return 'empty';
    if (!m) return 'empty';
    if (!m.valid) return m.version ? 'invalid' : 'empty';
    return c.trial === slot && !c.tried ? 'pending' : 'valid';
  }

  const fw: Firmware = {
    slots() {
      const c = readControl(dir);
      const out: FirmwareSlotInfo[] = [];
      for (let s = 0; s < SLOT_COUNT; s++) {
        const m = readMeta(dir, s);
        const st = status(s, c, m);
        out.push({ slot: s, version: st === 'empty' ? '' : m?.version ?? '', status: st, bootFailureLog: m?.log ?? '' });
      }
      return out;
    },
    runningSlot: () => running,
    bootSlot() {
      const c = readControl(dir);
      return c.trial >= 0 && !c.tried ? c.trial : c.boot;
    },
    bootState: (): FirmwareBootState => ({ trial, rolledBackFrom: boot.rolledBackFrom }),
    begin(slot, _totalBytes) {
      if (!isSlot(slot)) throw new Error(`no firmware slot ${slot}`);
      if (slot === running) throw new Error('the running image cannot be overwritten');
      if (open) throw new Error('another image write is in progress');
      const c = readControl(dir);
      if (c.trial === slot) writeControl(dir, { boot: c.boot, trial: -1, tried: false }); // a pending activation of it is void
      rmSync(metaFile(dir, slot), { force: true }); // erased: BootFailureLog cleared on a new install
      rmSync(slotImage(dir, slot), { force: true });
      syncDir(dir);
      const part = join(dir, `slot${slot}.part`);
      open = { slot, fd: openSync(part, 'w'), part, verifier: new ImageVerifier(), whole: createHash('sha256') };
    },
    write(chunk) {
      if (!open) throw new Error('no image write in progress');
      writeSync(open.fd, chunk);
      open.verifier.update(chunk);
      open.whole.update(chunk);
    },
    finish(expectedSha256) {
      if (!open) throw new Error('no image write in progress');
      const o = open;
      open = undefined;
      try { fsyncSync(o.fd); } finally { closeSync(o.fd); }
      const r = o.verifier.result();
      const whole = o.whole.digest();
      const ok = r.ok && (!expectedSha256 || whole.equals(Buffer.from(expectedSha256)));
      if (!ok) {
        rmSync(o.part, { force: true });
        writeMeta(dir, o.slot, { version: r.ok ? r.header.version : '?', engine: r.ok ? r.header.engine : '', valid: false, log: '' });
        return false;
      }
      renameSync(o.part, slotImage(dir, o.slot));
      syncDir(dir);
      writeMeta(dir, o.slot, { version: r.header.version, engine: r.header.engine, valid: true, log: '' });
      return true;
    },
    abort() {
      if (!open) return;
      const o = open;
      open = undefined;
      closeSync(o.fd);
      rmSync(o.part, { force: true });
    },
    activate(slot) {
      const c = readControl(dir);
      if (slot === running) {
        // Booting the running image again: any pending switch is cancelled.
        if (c.trial >= 0 && !c.tried) writeControl(dir, { boot: c.boot, trial: -1, tried: false });
        return;
      }
      if (!readMeta(dir, slot)?.valid) throw new Error(`slot ${slot} holds no valid image`);
      writeControl(dir, { boot: c.boot, trial: slot, tried: false });
    },
    confirm() {
      if (!trial) return;
      writeControl(dir, { boot: running, trial: -1, tried: false });
      trial = false;
    },
    rollback() {
      const c = readControl(dir);
      if (!trial || c.boot === running) throw new Error('the running image is confirmed: nothing to roll back to');
      const m = readMeta(dir, running);
      if (m) writeMeta(dir, running, { ...m, valid: false, log: `${new Date().toISOString()} rolled back by the image` });
      writeControl(dir, { boot: c.boot, trial: -1, tried: false });
      trial = false;
    },
  };
  return fw;
}

/** Exit status of an image that asks the boot loader for a reboot (Reboot(), FactoryReset(), an activation). */
export const EXIT_REBOOT = 75;

/** First start of a device: the build it ships with goes to slot 0, confirmed (the factory image). */
export function installFactoryImage(dir: string, image: Uint8Array, header: { version: string; engine: ImageEngine }): void {
  mkdirSync(dir, { recursive: true });
  writeAtomic(slotImage(dir, 0), image);
  writeMeta(dir, 0, { version: header.version, engine: header.engine, valid: true, log: '' });
  writeControl(dir, { boot: 0, trial: -1, tried: false });
}

export function isProvisioned(dir: string): boolean {
  return existsSync(controlFile(dir));
}
