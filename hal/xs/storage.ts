// HAL Storage over the XS runner's file records (firmware/xs-host/host-storage.c): atomic
// writes are the host's job (temp file, fsync, rename, fsync of the directory).
import type { Storage } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export function xsStorage(host: XsHostFunctions): Storage {
  return Object.freeze({
    get(key: string): Uint8Array | undefined {
      const buffer = host.storageGet(key);
      return buffer === undefined ? undefined : new Uint8Array(buffer);
    },
    set(key: string, value: Uint8Array): void {
      host.storageSet(key, value.buffer as ArrayBuffer, value.byteOffset, value.byteLength);
    },
    delete(key: string): void {
      host.storageDelete(key);
    },
    keys(): string[] {
      return host.storageKeys();
    },
  });
}
