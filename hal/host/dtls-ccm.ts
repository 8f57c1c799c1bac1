// AES-CCM (RFC 3610, NIST SP 800-38C) for the DTLS module's records on Node's crypto, which has
// AES instructions that WebAssembly lacks (firmware/dtls/tinyusp_host_ccm.c wraps mbedTLS's CCM
// calls and asks here first; a declined call runs mbedTLS's own CCM).
//
// Node's 'aes-128-ccm' cipher costs a new cipher object per record (~4 us each way), more than
// the AES it saves, so CCM is composed here from two cipher objects kept per key: ECB makes the
// CTR key stream of all counter blocks in one call, and CBC makes the CBC-MAC in one call. A CBC
// object chains from the last block it produced, and a MAC needs a zero IV: XORing that last
// block into the first block of the next MAC cancels it (E(B0 ^ C ^ C) = E(B0)).
import { createCipheriv, timingSafeEqual, type Cipher } from 'node:crypto';

/** mbedTLS's MBEDTLS_ERR_CCM_AUTH_FAILED. */
export const CCM_AUTH_FAILED = -0x000f;
/** The host declined: mbedTLS's own CCM runs (tinyusp_host_ccm.c). */
export const CCM_DECLINED = 1;

interface Key {
  ecb: Cipher;
  cbc: Cipher;
  /** The CBC object's chaining block (its last output). */
  chain: Uint8Array;
}

export interface HostCcmOptions {
  /** Records shorter than this stay in WebAssembly (the crossing costs more than their AES). */
  minBytes: number;
}

/**
 * The two imports of tinyusp_host_ccm.c over the module memory `mem()`. Keys are held per CCM
 * context (mbedTLS makes two per session, and frees them through the wrapped free).
 */
export function hostCcm(mem: () => Uint8Array, o: HostCcmOptions) {
  const keys = new Map<number, Key>();
  // Work buffers, grown on demand: B0 | AAD blocks | data blocks, and the counter blocks.
  let macIn = new Uint8Array(1024);
  let ctrIn = new Uint8Array(1024);
  let work = new Int32Array(256);

  /** output = input ^ key stream after S0, 32 bits at a time through an aligned copy. */
  function xorStream(m: Uint8Array, input: number, output: number, length: number, s: Uint8Array): void {
    const words = (length + 3) >> 2;
    if (work.length < words + 4) work = new Int32Array(words * 2 + 4);
    const w = work;
    const bytes = new Uint8Array(w.buffer, 0, length);
    bytes.set(m.subarray(input, input + length));
    if ((s.byteOffset & 3) === 0) {
      const k = new Int32Array(s.buffer, s.byteOffset + 16, words);
      for (let i = 0; i < words; i++) w[i] ^= k[i];
    } else {
      for (let i = 0; i < length; i++) bytes[i] ^= s[16 + i];
    }
    m.set(bytes, output);
  }

  function key(ctx: number, keyPtr: number, keyBits: number): void {
    keys.delete(ctx);
    if (keyPtr === 0 || (keyBits !== 128 && keyBits !== 192 && keyBits !== 256)) return;
    const k = mem().slice(keyPtr, keyPtr + keyBits / 8);
    const ecb = createCipheriv(`aes-${keyBits}-ecb`, k, null).setAutoPadding(false);
    const cbc = createCipheriv(`aes-${keyBits}-cbc`, k, new Uint8Array(16)).setAutoPadding(false);
    k.fill(0);
    keys.set(ctx, { ecb, cbc, chain: new Uint8Array(16) });
  }

  /** CBC-MAC of B0 | AAD | the plaintext at `data` into `mac` (16 bytes). */
  function cbcMac(k: Key, m: Uint8Array, nonce: number, nonceLen: number, aad: number, aadLen: number, data: number, length: number, tagLen: number, mac: Uint8Array): void {
    const L = 15 - nonceLen;
    const aadBlocks = aadLen === 0 ? 0 : (aadLen + 2 + 15) >> 4;
    const total = 16 + aadBlocks * 16 + ((length + 15) >> 4) * 16;
    if (macIn.length < total) macIn = new Uint8Array(total * 2);
    const b = macIn;
    b.fill(0, 0, total);
    b[0] = (aadLen > 0 ? 64 : 0) | (((tagLen - 2) >> 1) << 3) | (L - 1);
    for (let i = 0; i < nonceLen; i++) b[1 + i] = m[nonce + i];
    for (let i = 15, n = length; i > nonceLen; i--, n = Math.floor(n / 256)) b[i] = n & 255;
    let at = 16;
    if (aadLen > 0) {
      b[16] = aadLen >> 8;
      b[17] = aadLen & 255;
      for (let i = 0; i < aadLen; i++) b[18 + i] = m[aad + i];
      at += aadBlocks * 16;
    }
    b.set(m.subarray(data, data + length), at);
    for (let i = 0; i < 16; i++) b[i] ^= k.chain[i];
    const out = k.cbc.update(b.subarray(0, total));
    for (let i = 0; i < 16; i++) mac[i] = k.chain[i] = out[total - 16 + i];
  }

  /** The key stream S0 | S1 ... for `length` bytes (S0 encrypts the tag). */
  function keyStream(k: Key, m: Uint8Array, nonce: number, nonceLen: number, length: number): Uint8Array {
    const L = 15 - nonceLen;
    const blocks = 1 + ((length + 15) >> 4);
    if (ctrIn.length < blocks * 16) ctrIn = new Uint8Array(blocks * 32);
    const a = ctrIn;
    a[0] = L - 1;
    for (let i = 0; i < nonceLen; i++) a[1 + i] = m[nonce + i];
    a.fill(0, 1 + nonceLen, 16);
    for (let j = 1; j < blocks; j++) {
      const o = j * 16;
      a.copyWithin(o, 0, 16);
      // Counter j in the last L bytes (L >= 2; a record has far fewer than 2^16 blocks).
      a[o + 15] = j & 255;
      a[o + 14] = j >> 8;
    }
    return k.ecb.update(a.subarray(0, blocks * 16));
  }

  const mac = new Uint8Array(16);
  function ccm(ctx: number, encrypt: number, length: number, nonce: number, nonceLen: number, aad: number, aadLen: number,
    input: number, output: number, tag: number, tagLen: number): number {
    const k = keys.get(ctx);
    // Parameters mbedTLS would refuse go to mbedTLS, which refuses them with its own error.
    if (!k || length < o.minBytes || nonceLen < 7 || nonceLen > 13 || tagLen < 4 || tagLen > 16 || (tagLen & 1) || aadLen >= 0xff00) return CCM_DECLINED;
    if (15 - nonceLen < 4 && length >= 2 ** (8 * (15 - nonceLen))) return CCM_DECLINED;
    try {
      const m = mem();
      const s = keyStream(k, m, nonce, nonceLen, length);
      if (encrypt) {
        cbcMac(k, m, nonce, nonceLen, aad, aadLen, input, length, tagLen, mac);
        xorStream(m, input, output, length, s);
        for (let i = 0; i < tagLen; i++) m[tag + i] = mac[i] ^ s[i];
        return 0;
      }
      xorStream(m, input, output, length, s);
      cbcMac(k, m, nonce, nonceLen, aad, aadLen, output, length, tagLen, mac);
      for (let i = 0; i < tagLen; i++) mac[i] ^= s[i];
      if (timingSafeEqual(mac.subarray(0, tagLen), m.subarray(tag, tag + tagLen))) return 0;
      m.fill(0, output, output + length);
      return CCM_AUTH_FAILED;
    } catch {
      // Not expected from Node's crypto; mbedTLS's CCM is always there.
      keys.delete(ctx);
      return CCM_DECLINED;
    }
  }

  return {
    imports: { tinyusp_dtls_ccm_key: key, tinyusp_dtls_ccm: ccm },
    /** Keys held (one per live CCM context): for the tests' bound check. */
    keys: () => keys.size,
  };
}
