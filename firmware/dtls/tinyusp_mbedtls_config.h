/*
 * mbedTLS 3.6 configuration for tinyusp (issue 11; USP digest §7.2): DTLS 1.2 only, both roles,
 * the RFC 7925 suites TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 and TLS_PSK_WITH_AES_128_CCM_8, plus
 * ECDHE-ECDSA-AES128-GCM-SHA256 for interoperability; secp256r1 only; no RSA, no TLS 1.3, no
 * renegotiation, no sockets, files, threads or clocks inside (the host supplies entropy and time).
 * Used unchanged for the WebAssembly build, the XS runner and the board.
 */
#ifndef TINYUSP_MBEDTLS_CONFIG_H
#define TINYUSP_MBEDTLS_CONFIG_H

/* Record buffers: a session holds one IN and one OUT buffer (plus overhead), so these two
 * numbers set most of its memory. IN must hold the largest handshake message the peer sends
 * (its Certificate, reassembled: RFC 6347 §4.2.3) and the largest record (a CoAP Block1 block
 * of 1024 bytes plus headers). Boards override them with -D (board profile). */
#ifndef TINYUSP_DTLS_IN_LEN
#define TINYUSP_DTLS_IN_LEN 4096
#endif
#ifndef TINYUSP_DTLS_OUT_LEN
#define TINYUSP_DTLS_OUT_LEN 2048
#endif
#define MBEDTLS_SSL_IN_CONTENT_LEN TINYUSP_DTLS_IN_LEN
#define MBEDTLS_SSL_OUT_CONTENT_LEN TINYUSP_DTLS_OUT_LEN
#define MBEDTLS_SSL_DTLS_MAX_BUFFERING (TINYUSP_DTLS_IN_LEN + 1024)

/* Platform: allocator hooks (per-session accounting and cap), host time, no libc entropy. */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_HAVE_TIME
#define MBEDTLS_HAVE_TIME_DATE
/* mbedtls_time() is the shim's clock (tinyusp_dtls.c), never libc's time(): no clock import. */
#include <time.h>
time_t tinyusp_dtls_time(time_t *t);
#define MBEDTLS_PLATFORM_TIME_MACRO tinyusp_dtls_time
#define MBEDTLS_PLATFORM_GMTIME_R_ALT
#define MBEDTLS_PLATFORM_MS_TIME_ALT
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_DEPRECATED_REMOVED

/* Symmetric crypto and hashes for the three suites (AES-128 CCM_8 and GCM, SHA-256 PRF). */
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES
/* One AES table instead of four saves ~6 KB of the board's flash at some speed. The WebAssembly
 * module keeps one as well: its records' AES-CCM is tinyusp_lean_ccm.c's, with its own tables, so
 * mbedTLS's AES there serves only the handshake and the GCM suite. -DTINYUSP_AES_FULL_TABLES
 * gives mbedTLS four (for measuring). Same cipher either way. */
#ifndef TINYUSP_AES_FULL_TABLES
#define MBEDTLS_AES_FEWER_TABLES
#endif
#define MBEDTLS_CCM_C
#define MBEDTLS_GCM_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA224_C

/* ECDHE and ECDSA on secp256r1 only (RFC 7925 §4.3). */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_OID_C

/* X.509: parse and verify chains, read the subjectAltName URI (USP digest §9.2, R-SEC.0a). */
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_BASE64_C

/* (D)TLS 1.2, both roles. */
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_SRV_C
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_PROTO_DTLS
#define MBEDTLS_SSL_DTLS_ANTI_REPLAY        /* RFC 6347 §4.1.2.6 */
#define MBEDTLS_SSL_DTLS_HELLO_VERIFY       /* RFC 6347 §4.2.1 cookies */
#define MBEDTLS_SSL_COOKIE_C
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET  /* RFC 7627; RFC 7925 §16 */
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE   /* Endpoint ID read after the handshake */
#define MBEDTLS_SSL_ALL_ALERT_MESSAGES
#define MBEDTLS_SSL_SERVER_NAME_INDICATION  /* client: names the server when asked to check it */
#ifdef TINYUSP_TLS_STREAM
/* The XS runner's https client (firmware/xs-host/host-http.c) asks a server for records that fit
 * MBEDTLS_SSL_IN_CONTENT_LEN (RFC 6066 max_fragment_length): TLS records are up to 16 KB. */
#define MBEDTLS_SSL_MAX_FRAGMENT_LENGTH
#endif
#define MBEDTLS_KEY_EXCHANGE_PSK_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
/* No MBEDTLS_SSL_RENEGOTIATION: renegotiation is refused (issue 11). */

/* Only these suites are compiled into the suite table (preference order: RFC 7925 first). */
#define MBEDTLS_SSL_CIPHERSUITES \
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, \
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, \
    MBEDTLS_TLS_PSK_WITH_AES_128_CCM_8

#endif /* TINYUSP_MBEDTLS_CONFIG_H */
