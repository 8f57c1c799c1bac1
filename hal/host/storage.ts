// HAL Storage on the host: one file per key under a state directory.
// Atomic by write-to-temp + fsync + rename + fsync(dir): after a crash or power loss a key
// holds the old or the new value, never a torn one (design.md "Nothing lost").
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Storage } from '../hal.ts';

const TMP_SUFFIX = '.tmp';

/** Keys are TR-181-ish strings; anything outside [A-Za-z0-9._-] is %XX-escaped in file names. */
function fileName(key: string): string {
  if (key.length === 0) throw new Error('storage: empty key');
  return key.replace(/[^A-Za-z0-9._-]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
    .replace(/^\./, '%2E');
}

function keyOf(file: string): string {
  return decodeURIComponent(file);
}

/** fsync a directory, so that the entries made in it (files, renames, subdirectories) are durable. */
function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

export function createFileStorage(dir: string): Storage {
  mkdirSync(dir, { recursive: true });
  // A directory made just now exists after a power loss only once its parent is synced: else a
  // change answered after the first boot could vanish with it.
  syncDirectory(dir);
  syncDirectory(dirname(dir));
  syncDirectory(dirname(dirname(dir)));
  // A temp file left by a crash is an unfinished write: the previous value stands.
  for (const f of readdirSync(dir)) if (f.endsWith(TMP_SUFFIX)) rmSync(join(dir, f), { force: true });

  const syncDir = () => syncDirectory(dir);

  return {
    get(key) {
      try {
        return new Uint8Array(readFileSync(join(dir, fileName(key))));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    set(key, value) {
      const final = join(dir, fileName(key));
      const tmp = final + TMP_SUFFIX;
      const fd = openSync(tmp, 'w');
      try {
        let off = 0;
        while (off < value.length) off += writeSync(fd, value, off, value.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, final);
      syncDir();
    },
    delete(key) {
      rmSync(join(dir, fileName(key)), { force: true });
      syncDir();
    },
    keys() {
      return readdirSync(dir).filter((f) => !f.endsWith(TMP_SUFFIX)).map(keyOf).sort();
    },
  };
}
