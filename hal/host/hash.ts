// HAL Hash on the Node simulator: node:crypto's streaming SHA-256 / SHA-1 (OpenSSL).
import { createHash } from 'node:crypto';
import type { DigestAlgorithm, DigestContext, Hash } from '../hal.ts';

export const hostHash: Hash = Object.freeze({
  start(algorithm: DigestAlgorithm): DigestContext {
    const h = createHash(algorithm === 'SHA-1' ? 'sha1' : 'sha256');
    return {
      update: (data: Uint8Array) => { h.update(data); },
      finish: () => new Uint8Array(h.digest()),
    };
  },
});
