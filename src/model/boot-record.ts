// What this boot looked like (digest §4.4 Device.Boot! arguments), kept in two small storage
// records of the TR-181 model: the cause Reboot()/FactoryReset() persisted before restarting,
// and the software version of the last boot. Cause: the persisted one; else LocalFactoryReset
// when no persisted model existed (first boot), else LocalReboot (a power cycle).
// firmwareUpdated: with the HAL Firmware, this is the first boot of a newly activated image (never
// a rollback); without it, the HAL identity's softwareVersion changed since the last boot.
import type { Storage } from '../../hal/hal.ts';
import { utf8Decode, utf8Encode } from '../codec/utf8.ts';

export interface BootInfo {
  readonly cause: 'LocalReboot' | 'RemoteReboot' | 'LocalFactoryReset' | 'RemoteFactoryReset';
  readonly commandKey: string;
  readonly firmwareUpdated: boolean;
}

/** The cause the next boot's Boot! reports (deleted to forget it: an Activate() cancelled before its reboot). */
export const BOOT_KEY = 'dm.boot';
const SW_KEY = 'dm.sw';
const CAUSES: readonly BootInfo['cause'][] = Object.freeze(['LocalReboot', 'RemoteReboot', 'LocalFactoryReset', 'RemoteFactoryReset'] as BootInfo['cause'][]);

/** Read (and consume) the boot record at start; `firstBoot`: no persisted model existed. */
export function readBootRecord(storage: Storage, softwareVersion: string, firstBoot: boolean, firmwareTrial?: boolean): BootInfo {
  const lastSw = storage.get(SW_KEY);
  const changed = !!lastSw && utf8Decode(lastSw) !== softwareVersion;
  if (!lastSw || changed) storage.set(SW_KEY, utf8Encode(softwareVersion));
  const firmwareUpdated = firmwareTrial === undefined ? changed : firmwareTrial;
  const rec = storage.get(BOOT_KEY);
  let cause: BootInfo['cause'] = firstBoot ? 'LocalFactoryReset' : 'LocalReboot';
  let commandKey = '';
  if (rec) {
    const text = utf8Decode(rec);
    const sep = text.indexOf(';');
    const c = text.slice(0, sep) as BootInfo['cause'];
    if (sep > 0 && CAUSES.indexOf(c) >= 0) { cause = c; commandKey = text.slice(sep + 1); }
    storage.delete(BOOT_KEY); // a later power cycle is a LocalReboot again
  }
  return Object.freeze({ cause, commandKey, firmwareUpdated });
}

/** Persist the cause (and command key) the next boot's Boot! reports. */
export function writeNextBootCause(storage: Storage, cause: BootInfo['cause'], commandKey: string): void {
  storage.set(BOOT_KEY, utf8Encode(cause + ';' + commandKey));
}
