// HAL Hash on the XS runner: the hash(op, ...) host function of firmware/xs-host/host-hash.c,
// mbedTLS's SHA-256 / SHA-1 (the library DTLS and https use; on an ESP32 the same calls reach
// the SHA accelerator). The digest state is a small ArrayBuffer the host function owns the
// layout of: nothing to free when a Download() ends half way, the collector takes it.
import type { DigestAlgorithm, DigestContext, Hash } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

// The operations and algorithms of the hash host function (host-hash.c).
const OP_START = 0;
const OP_UPDATE = 1;
const OP_FINISH = 2;
const ALG_SHA1 = 1;
const ALG_SHA256 = 2;

export function xsHash(host: XsHostFunctions): Hash {
  return Object.freeze({
    start(algorithm: DigestAlgorithm): DigestContext {
      const state = host.hash(OP_START, algorithm === 'SHA-1' ? ALG_SHA1 : ALG_SHA256);
      return {
        update: (data: Uint8Array) => host.hash(OP_UPDATE, state, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength),
        finish: () => new Uint8Array(host.hash(OP_FINISH, state)),
      };
    },
  });
}
