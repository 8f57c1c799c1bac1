// Names of the mbedTLS errors and X.509 verification flags the DTLS shim reports (firmware/dtls),
// shared by both bindings of the HAL Dtls: hal/host/dtls.ts (WebAssembly) and hal/xs/dtls.ts
// (the same C as XS host functions), so a failure reads the same on every engine.

// One frozen binding (xsl counts every module-level binding; on a device the tables are
// preloaded into flash).
const TABLES = Object.freeze({
  /** Names of the mbedTLS errors a handshake or a configuration ends with (mbedtls/ssl.h, x509.h). */
  errors: Object.freeze({
    [-0x7100]: 'SSL_BAD_INPUT_DATA',
    [-0x7180]: 'SSL_INVALID_MAC',
    [-0x7300]: 'SSL_DECODE_ERROR',
    [-0x7480]: 'SSL_NO_CLIENT_CERTIFICATE',
    [-0x7680]: 'SSL_CA_CHAIN_REQUIRED',
    [-0x7700]: 'SSL_UNEXPECTED_MESSAGE',
    [-0x7780]: 'SSL_FATAL_ALERT_MESSAGE (the peer refused)',
    [-0x7a00]: 'SSL_BAD_CERTIFICATE',
    [-0x7f00]: 'SSL_ALLOC_FAILED',
    [-0x6e80]: 'SSL_BAD_PROTOCOL_VERSION',
    [-0x6e00]: 'SSL_HANDSHAKE_FAILURE',
    [-0x6c80]: 'SSL_UNKNOWN_IDENTITY',
    [-0x6800]: 'SSL_TIMEOUT',
    [-0x6600]: 'SSL_ILLEGAL_PARAMETER',
    [-0x2700]: 'X509_CERT_VERIFY_FAILED',
    [-0x2880]: 'X509_ALLOC_FAILED',
    [-0x4d80]: 'ECP_ALLOC_FAILED',
    [-0x3f80]: 'PK_ALLOC_FAILED',
    [-0x0010]: 'MPI_ALLOC_FAILED',
    [-0x5180]: 'MD_ALLOC_FAILED',
    [-0x6180]: 'CIPHER_ALLOC_FAILED',
    [-0x006a]: 'ASN1_ALLOC_FAILED',
  } as Record<number, string>),
  /** X.509 verification flags (mbedtls/x509.h MBEDTLS_X509_BADCERT_*). */
  badcert: Object.freeze(([
    [0x01, 'expired'], [0x02, 'revoked'], [0x04, 'name mismatch'], [0x08, 'not trusted'],
    [0x40, 'missing'], [0x80, 'skipped'], [0x100, 'other'], [0x200, 'not yet valid'],
    [0x800, 'key usage'], [0x1000, 'extended key usage'], [0x4000, 'bad hash'], [0x8000, 'bad key type'],
    [0x10000, 'bad key'],
  ] as [number, string][]).map((pair) => Object.freeze(pair))),
});

export function mbedtlsError(code: number): string {
  const hex = '-0x' + (-code).toString(16).toUpperCase();
  return TABLES.errors[code] ? TABLES.errors[code] + ' (' + hex + ')' : 'mbedTLS error ' + hex;
}

export function verifyFlags(flags: number): string[] {
  const out: string[] = [];
  for (const [bit, name] of TABLES.badcert) if (flags & bit) out.push(name);
  return out;
}
