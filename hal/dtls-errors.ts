// Names of the mbedTLS errors and X.509 verification flags the DTLS shim reports (firmware/dtls),
// shared by both bindings of the HAL Dtls: hal/host/dtls.ts (WebAssembly) and hal/xs/dtls.ts
// (the same C as XS host functions), so a failure reads the same on every engine.
// Two strings, not tables of objects: on a device a string is its bytes, a table costs a slot
// per entry and a key per negative number (issue 10).

/** "|<-code in hex> <name>" for the mbedTLS errors a handshake or configuration ends with (mbedtls/ssl.h, x509.h). */
const ERRORS = '|7100 SSL_BAD_INPUT_DATA|7180 SSL_INVALID_MAC|7300 SSL_DECODE_ERROR|7480 SSL_NO_CLIENT_CERTIFICATE'
  + '|7680 SSL_CA_CHAIN_REQUIRED|7700 SSL_UNEXPECTED_MESSAGE|7780 SSL_FATAL_ALERT_MESSAGE (the peer refused)'
  + '|7A00 SSL_BAD_CERTIFICATE|7F00 SSL_ALLOC_FAILED|6E80 SSL_BAD_PROTOCOL_VERSION|6E00 SSL_HANDSHAKE_FAILURE'
  + '|6C80 SSL_UNKNOWN_IDENTITY|6800 SSL_TIMEOUT|6600 SSL_ILLEGAL_PARAMETER|2700 X509_CERT_VERIFY_FAILED'
  + '|2880 X509_ALLOC_FAILED|4D80 ECP_ALLOC_FAILED|3F80 PK_ALLOC_FAILED|10 MPI_ALLOC_FAILED|5180 MD_ALLOC_FAILED'
  + '|6180 CIPHER_ALLOC_FAILED|6A ASN1_ALLOC_FAILED|';

/**
 * X.509 verification flags by bit number (mbedtls/x509.h MBEDTLS_X509_BADCERT_*; '' unused): split
 * when a failure is described, not a preloaded array of 17 strings (issue 10).
 */
const BADCERT = 'expired,revoked,name mismatch,not trusted,,,missing,skipped,other,not yet valid,,key usage,extended key usage,,bad hash,bad key type,bad key';

export function mbedtlsError(code: number): string {
  const hex = (-code).toString(16).toUpperCase();
  const at = ERRORS.indexOf('|' + hex + ' ');
  const name = at < 0 ? '' : ERRORS.slice(at + hex.length + 2, ERRORS.indexOf('|', at + 1));
  return name ? name + ' (-0x' + hex + ')' : 'mbedTLS error -0x' + hex;
}

export function verifyFlags(flags: number): string[] {
  const out: string[] = [];
  const names = BADCERT.split(',');
  for (let bit = 0; bit < names.length; bit++) if (flags & (1 << bit) && names[bit]) out.push(names[bit]);
  return out;
}
