// HAL Firmware on the XS runner: the portable A/B slots (src/ota/slots.ts) over the runner's slot
// files (firmware/xs-host/host-firmware.c), the same files as the Node simulator's, so the boot
// loader (tools/cli/boot.ts) starts either engine's image. Present when the boot loader started
// the runner from a slot (`--arg fw-boot=<slot>,<trial 0|1>,<rolled back from or -1>`).
import type { Firmware, Hash } from '../hal.ts';
import { createSlotFirmware, type BootChoice, type SlotFiles } from '../../src/ota/slots.ts';
import { formatDateTime } from '../../src/dm/values.ts';
import type { XsHostFunctions } from './host.ts';

/** The boot loader's choice for this boot, or undefined when the runner was not started from a slot. */
export function xsBootChoice(text: string | undefined): BootChoice | undefined {
  if (text === undefined) return undefined;
  const p = text.split(',');
  const slot = Number(p[0]);
  const from = Number(p[2]);
  return { slot: slot >= 0 ? slot : 0, trial: p[1] === '1', rolledBackFrom: from >= 0 ? from : -1 };
}

export function xsFirmware(host: XsHostFunctions, boot: BootChoice, hash: Hash): Firmware {
  // The slot files over the runner's file operations.
  const files: SlotFiles = Object.freeze({
    read(name: string): Uint8Array | undefined {
      const b = host.fwRead(name);
      return b === undefined ? undefined : new Uint8Array(b);
    },
    write: (name: string, data: Uint8Array) => host.fwWrite(name, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength),
    // the host functions themselves where they fit (none of them reads `this`)
    remove: host.fwRemove,
    open: host.fwOpen,
    append: (chunk: Uint8Array) => host.fwAppend(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength),
    close: host.fwClose,
  });
  return createSlotFirmware(files, boot, () => {
    const w = host.wallTimeMs();
    return w === undefined ? 'time unknown' : formatDateTime(w);
  }, hash);
}
