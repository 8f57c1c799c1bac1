// The lean CCM of records (firmware/dtls/tinyusp_lean_ccm.c) on its own, outside the DTLS
// module: `build-wasm.sh --harness` links it with mbedTLS's aes.c (firmware/dtls/lean_ccm_harness.c)
// into build/dtls-wasm/lean-ccm-harness.wasm, for test/dtls/lean-ccm-vectors.test.ts and
// test/bench/dtls-ccm.bench.ts.
import { readFileSync } from 'node:fs';
import { run } from '../interop/harness.ts';
import { missingCommand } from '../support/tools.ts';

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  h_scratch(): number;
  h_setkey(key: number): number;
  h_ccm(encrypt: number, len: number, iv: number, ivLen: number, ad: number, adLen: number, input: number, output: number, tag: number, tagLen: number): number;
  h_aes_loop(variant: number, n: number): void;
  h_ccm_loop(len: number, n: number): number;
}

export const AUTH_FAILED = -0x000f; // MBEDTLS_ERR_CCM_AUTH_FAILED
/** Where seal and open leave their output in the harness's scratch; the longest payload they take. */
export const OUT = 10240;
export const MAX_DATA = 8192;

export interface LeanCcm {
  setKey(key: Uint8Array): void;
  /** Encrypts: ciphertext and tag; `undefined` if the lean CCM declines the parameters. */
  seal(nonce: Uint8Array, aad: Uint8Array, plain: Uint8Array, tagLen: number): { cipher: Uint8Array; tag: Uint8Array } | undefined;
  /** Decrypts: the plaintext, or the error code (AUTH_FAILED: the tag did not match). */
  open(nonce: Uint8Array, aad: Uint8Array, cipher: Uint8Array, tag: Uint8Array): Uint8Array | number;
  exports: Exports;
}

/** Why the harness cannot be built here (the tools build-wasm.sh needs), or undefined. */
export function harnessUnavailable(): string | undefined {
  const m = missingCommand('clang', 'wasm-ld', 'apt-get', 'dpkg-source');
  return m && `${m} not found (build-wasm.sh needs clang, lld, wasi-libc, libclang-rt-14-dev-wasm32, dpkg-dev)`;
}

export async function buildLeanCcm(): Promise<LeanCcm> {
  const root = new URL('../..', import.meta.url).pathname;
  const r = await run('bash', [root + 'firmware/dtls/build-wasm.sh', '--harness'], 300000);
  if (r.code !== 0) throw new Error('build-wasm.sh --harness failed: ' + r.stdout + r.stderr);
  const bytes = readFileSync(root + 'build/dtls-wasm/lean-ccm-harness.wasm');
  const x = new WA.Instance(new WA.Module(bytes), {}).exports as Exports;
  x._initialize();
  const base = x.h_scratch();
  const mem = () => new Uint8Array(x.memory.buffer);
  // Scratch layout (18 KB): key 0, nonce 16, tag 32, aad 64 (up to 1 KB), data 2048, out OUT (8 KB each).
  const put = (at: number, b: Uint8Array) => (mem().set(b, base + at), base + at);
  return {
    exports: x,
    setKey(key) {
      if (x.h_setkey(put(0, key)) !== 0) throw new Error('setkey');
    },
    seal(nonce, aad, plain, tagLen) {
      if (aad.length > 1024 || plain.length > MAX_DATA) throw new Error('too long for the harness scratch');
      const r = x.h_ccm(1, plain.length, put(16, nonce), nonce.length, put(64, aad), aad.length, put(2048, plain), base + OUT, base + 32, tagLen);
      if (r === 1) return undefined;
      if (r !== 0) throw new Error('ccm encrypt: ' + r);
      return { cipher: mem().slice(base + OUT, base + OUT + plain.length), tag: mem().slice(base + 32, base + 32 + tagLen) };
    },
    open(nonce, aad, cipher, tag) {
      if (aad.length > 1024 || cipher.length > MAX_DATA) throw new Error('too long for the harness scratch');
      const r = x.h_ccm(0, cipher.length, put(16, nonce), nonce.length, put(64, aad), aad.length, put(2048, cipher), base + OUT, put(32, tag), tag.length);
      return r === 0 ? mem().slice(base + OUT, base + OUT + cipher.length) : r;
    },
  };
}
