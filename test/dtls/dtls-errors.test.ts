// hal/dtls-errors.ts: the names both HAL Dtls bindings give mbedTLS errors and X.509 flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mbedtlsError, verifyFlags } from '../../hal/dtls-errors.ts';

test('given mbedTLS error codes, when named, then known ones read NAME (-0xHEX) and others mbedTLS error -0xHEX', () => {
  assert.equal(mbedtlsError(-0x7100), 'SSL_BAD_INPUT_DATA (-0x7100)');
  assert.equal(mbedtlsError(-0x7780), 'SSL_FATAL_ALERT_MESSAGE (the peer refused) (-0x7780)');
  assert.equal(mbedtlsError(-0x2700), 'X509_CERT_VERIFY_FAILED (-0x2700)');
  assert.equal(mbedtlsError(-0x0010), 'MPI_ALLOC_FAILED (-0x10)');
  assert.equal(mbedtlsError(-0x006a), 'ASN1_ALLOC_FAILED (-0x6A)');
  // A prefix or suffix of a known code is no match.
  assert.equal(mbedtlsError(-0x71), 'mbedTLS error -0x71');
  assert.equal(mbedtlsError(-0x1000), 'mbedTLS error -0x1000');
  assert.equal(mbedtlsError(-0x7101), 'mbedTLS error -0x7101');
});

test('given X.509 verification flags, when named, then each set known bit in bit order, unknown bits left out', () => {
  assert.deepEqual(verifyFlags(0x08), ['not trusted']);
  assert.deepEqual(verifyFlags(0x01 | 0x04 | 0x200), ['expired', 'name mismatch', 'not yet valid']);
  assert.deepEqual(verifyFlags(0x10 | 0x20 | 0x400 | 0x2000 | 0x20000), []);
  assert.deepEqual(verifyFlags(0x10000 | 0x8000 | 0x4000), ['bad hash', 'bad key type', 'bad key']);
});
