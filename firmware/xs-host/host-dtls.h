/*
 * Shared by host-dtls.c (the dtls host function: tables, contexts, new sessions) and
 * host-dtls-session.c (the operations on a session): see host-dtls.c.
 */
#ifndef __TINYUSP_HOST_DTLS__
#define __TINYUSP_HOST_DTLS__

#include "xs-host.h"
#include "tinyusp_dtls.h"

/* The operation's own arguments follow the operation number. */
#define DTLS_ARG(index) xsArg((index) + 1)
#define DTLS_ARGC (xsToInteger(xsArgc) - 1)

#define XS_HOST_DTLS_MAX_CONTEXTS 8
#define XS_HOST_DTLS_MAX_SESSIONS 32
#define XS_HOST_DTLS_MAX_PEER 96       /* "address:port" of IPv6 with a scope */
#define XS_HOST_DTLS_MAX_TEXT 256      /* PSK identity (shim: 128 bytes), server name */
#define XS_HOST_DTLS_MAX_ENDPOINT 1024 /* Endpoint ID from a certificate */
#define XS_HOST_DTLS_MAX_CERT 16384    /* DER of a peer certificate */
#define XS_HOST_DTLS_BAD_INPUT (-0x7100) /* MBEDTLS_ERR_SSL_BAD_INPUT_DATA */
/* The session limit comes in the terms of the 32-bit board (boards/<board>/profile.ts). On a
 * 64-bit runner mbedTLS's structures hold 8-byte pointers and bignum limbs, so the same session
 * takes more bytes: the limit grows by 5/4 there (measured, ECDSA server with the esp32 buffers:
 * peak 11,420 B on 32-bit ARM, 13,311 B on x86-64), as the XS cap does (boards/esp32/xs-cap.ts). */
#define XS_HOST_DTLS_LIMIT_SCALE(limit) ((sizeof(void*) > 4) ? ((limit) / 4 * 5) : (limit))

enum {
	DTLS_INFO_STATE = 0, DTLS_INFO_ERROR, DTLS_INFO_OVER_LIMIT, DTLS_INFO_MAX_PAYLOAD, DTLS_INFO_MEMORY,
	DTLS_INFO_MEMORY_PEAK, DTLS_INFO_VERIFY_FLAGS, DTLS_INFO_NEXT_TIMEOUT,
};

typedef struct {
	xsIntegerValue id;  /* 0: free */
	tud_ctx* ctx;
} xsHostDtlsContext;

typedef struct {
	xsIntegerValue id;  /* 0: free */
	xsIntegerValue context;
	tud_session* session;
} xsHostDtlsSession;

/* The entry of the context or session whose id is argument `index`; a TypeError if none lives. */
extern xsHostDtlsContext* xsHostDtlsContextArg(xsMachine* the, xsIntegerValue index);
extern xsHostDtlsSession* xsHostDtlsSessionArg(xsMachine* the, xsIntegerValue index);
/* Frees the entry's session and its table slot. */
extern void xsHostDtlsRemove(xsHostDtlsSession* entry);
/* The bytes of buffer[offset, offset + length) at arguments index..index+2. Take it after
 * every other conversion and before any XS allocation: a collection may move chunks. */
extern const uint8_t* xsHostDtlsBytes(xsMachine* the, xsIntegerValue index, size_t* length);

/* The operations on a session (host-dtls-session.c). */
extern void xsHostDtlsFeed(xsMachine* the);
extern void xsHostDtlsStep(xsMachine* the);
extern void xsHostDtlsTakeOutgoing(xsMachine* the);
extern void xsHostDtlsWrite(xsMachine* the);
extern void xsHostDtlsInfo(xsMachine* the);
extern void xsHostDtlsPeer(xsMachine* the);
extern void xsHostDtlsClose(xsMachine* the);

#endif /* __TINYUSP_HOST_DTLS__ */
