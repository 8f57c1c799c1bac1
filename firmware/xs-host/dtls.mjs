// The DTLS part of the XS runner (issue 11): the mbedTLS 3.6 shim of firmware/dtls compiled
// natively into each runner, so the XS board runs the C the firmware links. The mbedTLS source
// comes from firmware/dtls/fetch-mbedtls.sh (Debian trixie, sha256-pinned, cached under
// build/); its objects are built once per architecture and board configuration into
// build/xs-host/<arch>/obj-dtls (cc.mjs rebuilds them only when a source, header or flag
// changes). The record buffers and ECP options come from the board profile (boards/<board>/
// profile.ts, `dtls.native`), so a session fits the board.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from './cc.mjs';

export const MBEDTLS = 'build/mbedtls-3.6.6';

/** Runs fetch-mbedtls.sh (idempotent: a complete extraction is kept). */
function fetchMbedtls(root, say) {
  const r = spawnSync('bash', [join(root, 'firmware/dtls/fetch-mbedtls.sh')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    fail(`firmware/dtls/fetch-mbedtls.sh failed (exit ${r.status}; it needs apt-get and dpkg-source, apt-get install dpkg-dev):\n${r.stderr}${r.stdout}`);
  }
  if (!/already extracted/.test(r.stdout)) say(r.stdout.trim());
}

/** The board's `dtls.native` build settings (boards/<board>/profile.ts), or undefined for the shim's defaults. */
export async function boardDtls(root, board) {
  // build.mjs --empty (npm run footprint's baseline) has no profile: the shim's defaults.
  if (board === 'empty') return undefined;
  const { tsImport } = await import('tsx/esm/api');
  const module = await tsImport(join(root, 'boards', board, 'profile.ts'), import.meta.url);
  // The export named after the board is its whole profile (boards/esp32: `esp32Board` is only the
  // run-time part the firmware preloads, without `dtls.native`).
  const profile = module[board];
  if (!profile || profile.name !== board) fail(`boards/${board}/profile.ts has no export ${board} with name "${board}"`);
  return profile.dtls?.native;
}

/** -D flags of the board's mbedTLS configuration (firmware/dtls/tinyusp_mbedtls_config.h). */
export function configFlags(dtls) {
  if (!dtls) return [];
  const flags = [`-DTINYUSP_DTLS_IN_LEN=${dtls.inContentBytes}`, `-DTINYUSP_DTLS_OUT_LEN=${dtls.outContentBytes}`];
  if (dtls.lowMemoryEcp) flags.push('-DMBEDTLS_ECP_WINDOW_SIZE=2', '-DMBEDTLS_ECP_FIXED_POINT_OPTIM=0');
  return flags;
}

/**
 * The target that compiles the shim and mbedTLS for one architecture: { sources, cflags,
 * headers }. Only the library files this configuration uses are compiled (the others would
 * compile to nothing, at the cost of parsing their headers on two cores).
 */
export function dtlsTarget(root, dtls, { say }) {
  fetchMbedtls(root, say);
  const m = join(root, MBEDTLS);
  const dir = join(root, 'firmware/dtls');
  const library = readdirSync(join(m, 'library')).filter((f) => f.endsWith('.c') && USED.has(f.slice(0, -2)));
  const missing = [...USED].filter((n) => !library.includes(`${n}.c`));
  if (missing.length) fail(`${MBEDTLS}/library lacks ${missing.join(', ')}`);
  const headerDirs = [join(m, 'include/mbedtls'), join(m, 'include/psa'), join(m, 'library'), dir];
  // TINYUSP_TLS_STREAM: the runner's https client (host-http.c) also uses this build (the
  // WebAssembly build of firmware/dtls does not).
  const config = ['-DMBEDTLS_CONFIG_FILE="tinyusp_mbedtls_config.h"', '-DTINYUSP_TLS_STREAM', ...configFlags(dtls)];
  return {
    // what host-http.c needs to include mbedTLS with the same configuration
    includeFlags: [`-I${dir}`, `-I${join(m, 'include')}`, ...config],
    // mbedTLS's library/ (its .c files and private headers; host-hash.c builds sha1.c from it)
    library: join(m, 'library'),
    sources: [join(dir, 'tinyusp_dtls.c'), ...library.sort().map((f) => join(m, 'library', f))],
    // -w: mbedTLS's own warnings are Debian's and upstream's business; the shim is built with
    // -Wall -Werror by firmware/dtls/build-native.sh.
    cflags: ['-O2', '-std=c99', '-D_DEFAULT_SOURCE', '-w', `-I${dir}`, `-I${join(m, 'include')}`, `-I${join(m, 'library')}`, ...config],
    headers: headerDirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.h')).map((f) => join(d, f))),
  };
}

// The mbedTLS 3.6 library files that hold code under tinyusp_mbedtls_config.h (checked with
// `nm`: every other file of library/ compiles to an empty object with this configuration).
const USED = new Set([
  'aes', 'asn1parse', 'asn1write', 'base64', 'bignum', 'bignum_core', 'ccm', 'cipher', 'cipher_wrap',
  'constant_time', 'ecdh', 'ecdsa', 'ecp', 'ecp_curves', 'gcm', 'md', 'oid', 'pem', 'pk',
  'pk_ecc', 'pk_wrap', 'pkparse', 'platform', 'platform_util', 'sha256', 'ssl_ciphersuites', 'ssl_client',
  'ssl_cookie', 'ssl_msg', 'ssl_tls', 'ssl_tls12_client', 'ssl_tls12_server',
  'x509', 'x509_crt',
]);
