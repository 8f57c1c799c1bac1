// HAL Firmware on the host: the portable A/B slots (src/ota/slots.ts) over files under
// <state>/fw, each state change an atomic replacement (temp, fsync, rename, fsync of the
// directory). Booting an image means the boot loader (tools/cli/boot.ts) starts the build a slot
// holds; the XS runner keeps the same files (hal/xs/firmware.ts).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Firmware } from '../hal.ts';
import * as slots from '../../src/ota/slots.ts';
import type { BootChoice, BootControl, SlotFiles } from '../../src/ota/slots.ts';
import type { ImageEngine } from './image.ts';
import { hostHash } from './hash.ts';

export type { BootChoice, BootControl } from '../../src/ota/slots.ts';
export const SLOT_COUNT = slots.SLOT_COUNT;

/** Exit status of an image that asks the boot loader for a reboot (Reboot(), FactoryReset(), an activation). */
export const EXIT_REBOOT = 75;

export const slotImage = (dir: string, slot: number) => join(dir, slots.imageName(slot));

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

/** The slot files of a directory (created if missing). */
export function hostSlotFiles(dir: string): SlotFiles {
  mkdirSync(dir, { recursive: true });
  let image: { fd: number; path: string } | undefined;
  return {
    read(name) {
      try { return new Uint8Array(readFileSync(join(dir, name))); } catch { return undefined; }
    },
    write: (name, data) => writeAtomic(join(dir, name), data),
    remove(name) {
      rmSync(join(dir, name), { force: true });
      syncDir(dir);
    },
    open(name) {
      if (image) throw new Error('an image is already open');
      const path = join(dir, name);
      image = { fd: openSync(path, 'w'), path };
    },
    append(chunk) {
      if (!image) throw new Error('no image open');
      writeSync(image.fd, chunk);
    },
    close(finalName) {
      if (!image) return;
      const { fd, path } = image;
      image = undefined;
      try { fsyncSync(fd); } finally { closeSync(fd); }
      if (finalName) renameSync(path, join(dir, finalName)); else rmSync(path, { force: true });
      syncDir(dir);
    },
  };
}

const stamp = () => new Date().toISOString();

export const createHostFirmware = (dir: string, boot: BootChoice): Firmware => slots.createSlotFirmware(hostSlotFiles(dir), boot, stamp, hostHash);
export const chooseBoot = (dir: string, why: string): BootChoice => slots.chooseBoot(hostSlotFiles(dir), why, stamp());
export const readControl = (dir: string): BootControl => slots.readControl(hostSlotFiles(dir));
export const isProvisioned = (dir: string): boolean => existsSync(join(dir, 'boot.json'));

/** First start of a device: the build it ships with goes to slot 0, confirmed (the factory image). */
export function installFactoryImage(dir: string, image: Uint8Array, header: { version: string; engine: ImageEngine }): void {
  const files = hostSlotFiles(dir);
  files.write(slots.imageName(0), image);
  slots.writeMeta(files, 0, { version: header.version, engine: header.engine, valid: true, log: '' });
  slots.writeControl(files, { boot: 0, trial: -1, tried: false });
}
