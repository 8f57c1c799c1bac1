/*
 * What the runner's HTTP client (host-http.c: sockets, the request, the response head, bodies)
 * and its TLS part (host-http-tls.c: mbedTLS for https) share: one transfer and the TLS calls.
 * Both are compiled with mbedTLS's headers and configuration (firmware/xs-host/build.mjs).
 */
#ifndef HOST_HTTP_H
#define HOST_HTTP_H

#include "xs-host.h"
#include "mbedtls/ssl.h"
#include "mbedtls/x509_crt.h"

#if !defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
#error "host-http needs MBEDTLS_SSL_MAX_FRAGMENT_LENGTH (TLS records above the board's buffer otherwise)"
#endif

#define XS_HOST_HTTP_MAX 2          /* transfers at once (Download() runs one) */
#define XS_HOST_HTTP_MAX_HEAD 2048  /* status line and headers */
#define XS_HOST_HTTP_MAX_BLOCK 4096
#define XS_HOST_HTTP_MAX_REQUEST 1536
#define XS_HOST_HTTP_BURST 16       /* blocks per readiness event before the loop looks at timers */

enum { CONNECTING, HANDSHAKE, SENDING, HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END };

typedef struct {
	xsHostWatch watch;          /* watch.fd < 0: free */
	xsIntegerValue id;
	int state, tls, chunked, wallKnown;
	size_t block;
	xsSlot callback;            /* a GC root while open */
	char request[XS_HOST_HTTP_MAX_REQUEST];
	size_t requestLength, sent;
	char head[XS_HOST_HTTP_MAX_HEAD];
	size_t headLength;
	long long remaining;        /* body or chunk bytes still due; -1: until the close */
	char line[24];              /* a chunk-size line being read */
	size_t lineLength;
	mbedtls_ssl_context ssl;
	mbedtls_ssl_config conf;
	mbedtls_x509_crt ca;
} xsHostHttp;

/* The socket (host-http.c), also mbedTLS's transport for https: bytes sent or received, or
 * MBEDTLS_ERR_SSL_WANT_WRITE / _READ when the socket would block, or a failure code. */
int xsHostHttpSocketSend(void* h, const unsigned char* bytes, size_t length);
int xsHostHttpSocketRecv(void* h, unsigned char* bytes, size_t length);

/* TLS (host-http-tls.c). Setup: the client for `serverName` (the URL's host, which the server's
 * certificate must name), trusting the PEM trust anchors in `ca` (an ArrayBuffer); throws. */
void xsHostHttpTlsSetup(xsMachine* the, xsHostHttp* h, const char* serverName, xsSlot* ca);
void xsHostHttpTlsFree(xsHostHttp* h);
/* 0 done; MBEDTLS_ERR_SSL_WANT_READ / _WRITE: call again when ready; else failed (`text` says why). */
int xsHostHttpTlsHandshake(xsHostHttp* h, char* text, size_t size);
/* As mbedtls_ssl_read / _write; a close_notify reads as 0 (end of stream). */
int xsHostHttpTlsRead(xsHostHttp* h, unsigned char* bytes, size_t length);
int xsHostHttpTlsWrite(xsHostHttp* h, const unsigned char* bytes, size_t length);
/* Decrypted bytes waiting in the TLS buffer (readable without the socket). */
size_t xsHostHttpTlsPending(xsHostHttp* h);

#endif
