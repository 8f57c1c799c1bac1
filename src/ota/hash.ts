// Streaming SHA-256 and SHA-1 (FIPS 180-4): Download() checks an image's CheckSum block by
// block as it is written to the slot, so RAM holds one 64-byte block and the state, never the
// image. The board's crypto does it (HAL `hash`: node:crypto on the host, mbedTLS in the XS runner,
// the SHA accelerator on an ESP32); the portable JS here is a HAL Hash for a board whose crypto
// has none, which lists it as its `hash` (boards that have one do not carry it: ~5 KB of flash on
// XS). Fixed typed arrays only.
import type { DigestAlgorithm, DigestContext, Hash } from '../../hal/hal.ts';

export type HashAlgorithm = DigestAlgorithm;

/** A digest being computed: update() as the bytes come, finish() once. */
export type Hasher = DigestContext;

const K256 = Object.freeze([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The Merkle-Damgård frame both share: 64-byte blocks, big-endian bit length at the end. */
class BlockHasher implements Hasher {
  private readonly block = new Uint8Array(64);
  private used = 0;
  private bytes = 0;
  constructor(private readonly state: Int32Array, private readonly compress: (state: Int32Array, block: Uint8Array) => void) {}

  update(data: Uint8Array): void {
    this.bytes += data.length;
    let i = 0;
    while (i < data.length) {
      const n = Math.min(64 - this.used, data.length - i);
      this.block.set(data.subarray(i, i + n), this.used);
      this.used += n;
      i += n;
      if (this.used === 64) {
        this.compress(this.state, this.block);
        this.used = 0;
      }
    }
  }

  finish(): Uint8Array {
    const bits = this.bytes * 8;
    const pad = new Uint8Array((this.used < 56 ? 56 : 120) - this.used + 8);
    pad[0] = 0x80;
    const hi = Math.floor(bits / 0x100000000);
    const lo = bits >>> 0;
    const e = pad.length;
    pad[e - 8] = hi >>> 24; pad[e - 7] = hi >>> 16; pad[e - 6] = hi >>> 8; pad[e - 5] = hi;
    pad[e - 4] = lo >>> 24; pad[e - 3] = lo >>> 16; pad[e - 2] = lo >>> 8; pad[e - 1] = lo;
    const count = this.bytes;
    this.update(pad);
    this.bytes = count;
    const out = new Uint8Array(this.state.length * 4);
    for (let j = 0; j < this.state.length; j++) {
      const w = this.state[j];
      out[4 * j] = w >>> 24; out[4 * j + 1] = w >>> 16; out[4 * j + 2] = w >>> 8; out[4 * j + 3] = w;
    }
    return out;
  }
}

function sha256Compress(w: Int32Array): (s: Int32Array, b: Uint8Array) => void {
  return (s, b) => {
    for (let t = 0; t < 16; t++) w[t] = (b[4 * t] << 24) | (b[4 * t + 1] << 16) | (b[4 * t + 2] << 8) | b[4 * t + 3];
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15], y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let a = s[0], bb = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K256[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
    }
    s[0] = (s[0] + a) | 0; s[1] = (s[1] + bb) | 0; s[2] = (s[2] + c) | 0; s[3] = (s[3] + d) | 0;
    s[4] = (s[4] + e) | 0; s[5] = (s[5] + f) | 0; s[6] = (s[6] + g) | 0; s[7] = (s[7] + h) | 0;
  };
}

function sha1Compress(w: Int32Array): (s: Int32Array, b: Uint8Array) => void {
  return (s, b) => {
    for (let t = 0; t < 16; t++) w[t] = (b[4 * t] << 24) | (b[4 * t + 1] << 16) | (b[4 * t + 2] << 8) | b[4 * t + 3];
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = s[0], bb = s[1], c = s[2], d = s[3], e = s[4];
    for (let t = 0; t < 80; t++) {
      let f: number, k: number;
      if (t < 20) { f = (bb & c) | (~bb & d); k = 0x5a827999; }
      else if (t < 40) { f = bb ^ c ^ d; k = 0x6ed9eba1; }
      else if (t < 60) { f = (bb & c) | (bb & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = bb ^ c ^ d; k = 0xca62c1d6; }
      const tmp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) | 0;
      e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = tmp;
    }
    s[0] = (s[0] + a) | 0; s[1] = (s[1] + bb) | 0; s[2] = (s[2] + c) | 0; s[3] = (s[3] + d) | 0; s[4] = (s[4] + e) | 0;
  };
}

/** The portable JS digest. */
export function createJsHasher(algorithm: HashAlgorithm): Hasher {
  if (algorithm === 'SHA-256') {
    return new BlockHasher(Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19),
      sha256Compress(new Int32Array(64)));
  }
  return new BlockHasher(Int32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0), sha1Compress(new Int32Array(80)));
}

/** The portable JS digests as a HAL Hash, for a board without a digest in its crypto. */
export const jsHash: Hash = Object.freeze({ start: createJsHasher });
