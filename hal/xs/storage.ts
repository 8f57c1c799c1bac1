// HAL Storage over the XS runner's file records (firmware/xs-host/host-storage.c): atomic
// writes are the host's job (temp file, fsync, rename, fsync of the directory).
import type { Storage } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

/** A class, not closures made at start (XS heap slots, issue 10). */
class XsStorage implements Storage {
  constructor(private readonly host: XsHostFunctions) {}

  get(key: string): Uint8Array | undefined {
    const buffer = this.host.storageGet(key);
    return buffer === undefined ? undefined : new Uint8Array(buffer);
  }

  set(key: string, value: Uint8Array): void {
    this.host.storageSet(key, value.buffer as ArrayBuffer, value.byteOffset, value.byteLength);
  }

  delete(key: string): void {
    this.host.storageDelete(key);
  }

  keys(): string[] {
    return this.host.storageKeys();
  }
}

export function xsStorage(host: XsHostFunctions): Storage {
  return Object.freeze(new XsStorage(host));
}
