// HAL Storage over the XS runner's file records (firmware/xs-host/host-storage.c): atomic
// writes are the host's job (temp file, fsync, rename, fsync of the directory).
import type { Storage } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

/**
 * A class, not closures made at start (XS heap slots, issue 10); delete and keys are the host's
 * functions themselves (neither reads `this`): no method of our own for them (flash).
 */
class XsStorage implements Storage {
  readonly delete: (key: string) => void;
  readonly keys: () => string[];
  constructor(private readonly host: XsHostFunctions) {
    this.delete = host.storageDelete;
    this.keys = host.storageKeys;
  }

  get(key: string): Uint8Array | undefined {
    const buffer = this.host.storageGet(key);
    return buffer === undefined ? undefined : new Uint8Array(buffer);
  }

  set(key: string, value: Uint8Array): void {
    this.host.storageSet(key, value.buffer as ArrayBuffer, value.byteOffset, value.byteLength);
  }
}

export function xsStorage(host: XsHostFunctions): Storage {
  return Object.freeze(new XsStorage(host));
}
