/*
 * Host function: DTLS 1.2 for the HAL's Dtls (hal/hal.ts, bound in hal/xs/dtls.ts), over the
 * mbedTLS 3.6 shim of firmware/dtls (tinyusp_dtls.h), compiled into the runner as the board
 * links it (issue 11; build.mjs, dtls.mjs). mbedTLS works in the C heap, outside the XS cap:
 * the shim counts every allocation against its session and refuses those beyond the context's
 * session limit. Datagrams and records cross as ArrayBuffers (bytes as buffer, offset, length);
 * contexts and sessions are small integer ids in bounded tables. One host function, dtls(op,
 * ...arguments), serves every operation: each host function costs the board's heap ~100 bytes
 * at boot (6 slots on 32-bit), so 17 of them would cost 1.7 KB. The operations, numbered from 0:
 *   0 wallTime(seconds)        wall time for certificate dates, or -1 while unknown (R-MTP.2)
 *   1 context(server, handshakeInitialMs, handshakeMaxMs, mtu, sessionLimit) -> id
 *                                sessionLimit: bytes in 32-bit terms (0: none), see below
 *   2 addTrust(ctx, buffer, offset, length) -> 0 | mbedTLS error (< 0)
 *   3 setOwn(ctx, cert, offset, length, key, offset, length) -> 0 | error
 *   4 addPsk(ctx, identity, key, offset, length) -> 0 | error
 *   5 finish(ctx) -> 0 | error
 *   6 contextMemory(ctx) -> bytes held by the context (credentials, configuration)
 *   7 contextFree(ctx)         frees the sessions still made from it, then the context
 *   8 hello(ctx, buffer, offset, length, peer, nowMs) -> ArrayBuffer (a HelloVerifyRequest to
 *                                send back; nothing kept) | session id (cookie valid: the session
 *                                exists and was fed the datagram) | undefined (drop; also when
 *                                the session table is full)
 *   9 connect(ctx, serverName | undefined, nowMs) -> session id (its ClientHello queued)
 *   10 feed(session, buffer, offset, length, nowMs) -> ArrayBuffer[] | undefined
 *                                the application records the datagram carried, decrypted
 *   11 step(session, nowMs)     the retransmission timer
 *   12 takeOutgoing(session) -> ArrayBuffer | undefined   the oldest queued datagram
 *   13 write(session, buffer, offset, length, nowMs) -> length | error
 *   14 info(session, what) -> number   what: DTLS_INFO_* (host-dtls.h)
 *   15 peer(session) -> [suite, pskIdentity, endpointId, der, notBeforeS, notAfterS,
 *                         datesChecked] | undefined (not open); byte fields are ArrayBuffers
 *                                or undefined
 *   16 close(session) -> ArrayBuffer[] | undefined   queues close_notify if open, returns what
 *                                was still queued to send, and frees the session
 *   17 acceptUntrusted(ctx, on)  TOFU: a peer chain that reaches no trust anchor passes, marked
 *   18 x509Info(buffer, offset, length, index) -> ArrayBuffer | undefined   the index-th
 *                                certificate of a PEM bundle: SHA-256 (32 bytes), then
 *                                "serial\nissuer" (tud_x509_info)
 *   peer() then also gives [7] the SHA-256 of each verified chain certificate, 32 bytes each,
 *   leaf first, and [8] whether the chain reached no trust anchor (the trust facts).
 * Operations 10..16 are in host-dtls-session.c. Unknown ids throw a TypeError. Entropy:
 * getrandom(2) here; a board links its hardware RNG instead (ESP32: esp_fill_random(), with the
 * RF subsystem or the bootloader RNG enabled).
 */
#include "host-dtls.h"
#include <sys/random.h>

static xsHostDtlsContext gxDtlsContexts[XS_HOST_DTLS_MAX_CONTEXTS];
static xsHostDtlsSession gxDtlsSessions[XS_HOST_DTLS_MAX_SESSIONS];
static xsIntegerValue gxDtlsLastId = 0;

int tinyusp_dtls_entropy(unsigned char* buffer, size_t length)
{
	while (length > 0) {
		ssize_t count = getrandom(buffer, length, 0);
		if (count < 0 && errno == EINTR)
			continue;
		if (count <= 0)
			return -1;
		buffer += count;
		length -= (size_t)count;
	}
	return 0;
}

static xsIntegerValue xsHostDtlsNextId(void)
{
	gxDtlsLastId = (gxDtlsLastId >= 0x7FFFFFFF) ? 1 : gxDtlsLastId + 1;
	return gxDtlsLastId;
}

xsHostDtlsContext* xsHostDtlsContextArg(xsMachine* the, xsIntegerValue index)
{
	xsIntegerValue id = (DTLS_ARGC > index) ? xsToInteger(DTLS_ARG(index)) : 0;
	int i;
	for (i = 0; id && (i < XS_HOST_DTLS_MAX_CONTEXTS); i++) {
		if (gxDtlsContexts[i].id == id)
			return &gxDtlsContexts[i];
	}
	xsTypeError("dtls: not a live context");
	return NULL;
}

xsHostDtlsSession* xsHostDtlsSessionArg(xsMachine* the, xsIntegerValue index)
{
	xsIntegerValue id = (DTLS_ARGC > index) ? xsToInteger(DTLS_ARG(index)) : 0;
	int i;
	for (i = 0; id && (i < XS_HOST_DTLS_MAX_SESSIONS); i++) {
		if (gxDtlsSessions[i].id == id)
			return &gxDtlsSessions[i];
	}
	xsTypeError("dtls: not a live session");
	return NULL;
}

/* Registers `session` of `context`; frees it and returns 0 when the table is full. */
static xsIntegerValue xsHostDtlsAdd(xsIntegerValue context, tud_session* session)
{
	int i;
	for (i = 0; i < XS_HOST_DTLS_MAX_SESSIONS; i++) {
		if (!gxDtlsSessions[i].id) {
			gxDtlsSessions[i].id = xsHostDtlsNextId();
			gxDtlsSessions[i].context = context;
			gxDtlsSessions[i].session = session;
			return gxDtlsSessions[i].id;
		}
	}
	tud_free(session);
	return 0;
}

void xsHostDtlsRemove(xsHostDtlsSession* entry)
{
	tud_free(entry->session);
	entry->session = NULL;
	entry->id = 0;
	entry->context = 0;
}

const uint8_t* xsHostDtlsBytes(xsMachine* the, xsIntegerValue index, size_t* length)
{
	xsIntegerValue byteLength, offset, size;
	if ((DTLS_ARGC < index + 3) || !xsIsInstanceOf(DTLS_ARG(index), xsArrayBufferPrototype))
		xsTypeError("dtls: bytes must be an ArrayBuffer, offset, length");
	byteLength = xsGetArrayBufferLength(DTLS_ARG(index));
	offset = xsToInteger(DTLS_ARG(index + 1));
	size = xsToInteger(DTLS_ARG(index + 2));
	if ((offset < 0) || (size < 0) || (offset > byteLength) || (size > byteLength - offset))
		xsRangeError("dtls: offset/length outside the buffer");
	*length = (size_t)size;
	return (const uint8_t*)xsToArrayBuffer(DTLS_ARG(index)) + offset;
}

/* Standard UTF-8 of a string argument into `out` (NUL-terminated); -1 when longer than `capacity` - 1. */
static int xsHostDtlsText(xsMachine* the, xsIntegerValue index, unsigned char* out, size_t capacity)
{
	const char* text = xsToString(DTLS_ARG(index));
	size_t length = xsHostUtf8FromString(text, NULL);
	if (length >= capacity)
		return -1;
	xsHostUtf8FromString(xsToString(DTLS_ARG(index)), out);
	out[length] = 0;
	return (int)length;
}

static void xs_dtlsWallTime(xsMachine* the)
{
	tud_set_wall_time((DTLS_ARGC > 0) ? xsToNumber(DTLS_ARG(0)) : -1);
}

static void xs_dtlsContext(xsMachine* the)
{
	int i;
	if (DTLS_ARGC < 5)
		xsTypeError("dtls context(server, handshakeInitialMs, handshakeMaxMs, mtu, sessionLimit)");
	for (i = 0; i < XS_HOST_DTLS_MAX_CONTEXTS; i++) {
		if (!gxDtlsContexts[i].id) {
			tud_ctx* ctx = tud_ctx_new(xsTest(DTLS_ARG(0)), (uint32_t)xsToInteger(DTLS_ARG(1)), (uint32_t)xsToInteger(DTLS_ARG(2)),
				(uint32_t)xsToInteger(DTLS_ARG(3)), (uint32_t)XS_HOST_DTLS_LIMIT_SCALE(xsToInteger(DTLS_ARG(4))));
			if (!ctx)
				xsUnknownError("dtls: context allocation failed");
			gxDtlsContexts[i].id = xsHostDtlsNextId();
			gxDtlsContexts[i].ctx = ctx;
			xsResult = xsInteger(gxDtlsContexts[i].id);
			return;
		}
	}
	xsRangeError("dtls: too many contexts (%d)", XS_HOST_DTLS_MAX_CONTEXTS);
}

static void xs_dtlsAddTrust(xsMachine* the)
{
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	size_t length;
	const uint8_t* bytes = xsHostDtlsBytes(the, 1, &length);
	xsResult = xsInteger(tud_ctx_add_ca(entry->ctx, bytes, length));
}

static void xs_dtlsSetOwn(xsMachine* the)
{
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	size_t certLength, keyLength;
	const uint8_t* cert = xsHostDtlsBytes(the, 1, &certLength);
	const uint8_t* key = xsHostDtlsBytes(the, 4, &keyLength);
	xsResult = xsInteger(tud_ctx_set_own(entry->ctx, cert, certLength, key, keyLength));
}

static void xs_dtlsAddPsk(xsMachine* the)
{
	unsigned char identity[XS_HOST_DTLS_MAX_TEXT];
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	size_t keyLength;
	const uint8_t* key;
	int identityLength;
	if (DTLS_ARGC < 5)
		xsTypeError("dtls addPsk(ctx, identity, key, offset, length)");
	identityLength = xsHostDtlsText(the, 1, identity, sizeof(identity));
	key = xsHostDtlsBytes(the, 2, &keyLength);
	xsResult = xsInteger((identityLength < 0) ? XS_HOST_DTLS_BAD_INPUT : tud_ctx_add_psk(entry->ctx, identity, (size_t)identityLength, key, keyLength));
}

static void xs_dtlsFinish(xsMachine* the)
{
	xsResult = xsInteger(tud_ctx_finish(xsHostDtlsContextArg(the, 0)->ctx));
}

static void xs_dtlsContextMemory(xsMachine* the)
{
	xsResult = xsNumber((double)tud_ctx_memory(xsHostDtlsContextArg(the, 0)->ctx));
}

static void xs_dtlsContextFree(xsMachine* the)
{
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	int i;
	/* Sessions point into their context's configuration: they go first. */
	for (i = 0; i < XS_HOST_DTLS_MAX_SESSIONS; i++) {
		if (gxDtlsSessions[i].id && (gxDtlsSessions[i].context == entry->id))
			xsHostDtlsRemove(&gxDtlsSessions[i]);
	}
	tud_ctx_free(entry->ctx);
	entry->ctx = NULL;
	entry->id = 0;
}

static void xs_dtlsHello(xsMachine* the)
{
	char peer[XS_HOST_DTLS_MAX_PEER];
	uint8_t reply[256];
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	const uint8_t* datagram;
	size_t length, peerLength;
	double now;
	tud_session* session;
	int r;
	if (DTLS_ARGC < 6)
		xsTypeError("dtls hello(ctx, buffer, offset, length, peer, nowMs)");
	xsToStringBuffer(DTLS_ARG(4), peer, sizeof(peer));
	peerLength = strlen(peer);
	now = xsToNumber(DTLS_ARG(5));
	datagram = xsHostDtlsBytes(the, 1, &length);
	r = tud_server_hello(entry->ctx, datagram, length, (const uint8_t*)peer, peerLength, reply, sizeof(reply), now);
	if (r > 0) {
		xsResult = xsArrayBuffer(reply, r);
		return;
	}
	if (r != TUD_HELLO_ACCEPT)
		return;
	session = tud_server_new(entry->ctx, (const uint8_t*)peer, peerLength);
	if (!session)
		return;
	tud_feed(session, datagram, length, now);
	r = xsHostDtlsAdd(entry->id, session);
	if (r)
		xsResult = xsInteger(r);
}

static void xs_dtlsConnect(xsMachine* the)
{
	unsigned char name[XS_HOST_DTLS_MAX_TEXT];
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	tud_session* session;
	xsIntegerValue id;
	double now;
	int named;
	if (DTLS_ARGC < 3)
		xsTypeError("dtls connect(ctx, serverName, nowMs)");
	named = xsTypeOf(DTLS_ARG(1)) != xsUndefinedType;
	if (named && (xsHostDtlsText(the, 1, name, sizeof(name)) < 0))
		xsRangeError("dtls: server name too long");
	now = xsToNumber(DTLS_ARG(2));
	session = tud_client_new(entry->ctx, named ? (const char*)name : NULL);
	if (!session)
		xsUnknownError("dtls: session allocation failed");
	id = xsHostDtlsAdd(entry->id, session);
	if (!id)
		xsRangeError("dtls: too many sessions (%d)", XS_HOST_DTLS_MAX_SESSIONS);
	tud_step(session, now);
	xsResult = xsInteger(id);
}

/* Trust facts (issue 11 roles and TOFU; tinyusp_dtls.h). */
static void xs_dtlsAcceptUntrusted(xsMachine* the)
{
	xsHostDtlsContext* entry = xsHostDtlsContextArg(the, 0);
	tud_ctx_accept_untrusted(entry->ctx, (DTLS_ARGC > 1) && xsToBoolean(DTLS_ARG(1)));
}

static void xs_dtlsX509Info(xsMachine* the)
{
	uint8_t out[32 + XS_HOST_DTLS_MAX_TEXT + 64];
	size_t length;
	xsIntegerValue index;
	const uint8_t* bytes;
	int n;
	if (DTLS_ARGC < 4)
		xsTypeError("dtls x509Info(buffer, offset, length, index)");
	index = xsToInteger(DTLS_ARG(3));
	bytes = xsHostDtlsBytes(the, 0, &length);
	n = tud_x509_info(bytes, length, (int)index, out, sizeof(out));
	if (n > 0)
		xsResult = xsArrayBuffer(out, n);
}

/* The operations, in the order of their numbers (DTLS_OP in hal/xs/dtls.ts). */
static const xsCallback gxDtlsOperations[] = {
	xs_dtlsWallTime, xs_dtlsContext, xs_dtlsAddTrust, xs_dtlsSetOwn, xs_dtlsAddPsk, xs_dtlsFinish, xs_dtlsContextMemory,
	xs_dtlsContextFree, xs_dtlsHello, xs_dtlsConnect, xsHostDtlsFeed, xsHostDtlsStep, xsHostDtlsTakeOutgoing, xsHostDtlsWrite,
	xsHostDtlsInfo, xsHostDtlsPeer, xsHostDtlsClose, xs_dtlsAcceptUntrusted, xs_dtlsX509Info,
};

static void xs_dtls(xsMachine* the)
{
	xsIntegerValue op = (xsToInteger(xsArgc) > 0) ? xsToInteger(xsArg(0)) : -1;
	if ((op < 0) || (op >= (xsIntegerValue)(sizeof(gxDtlsOperations) / sizeof(gxDtlsOperations[0]))))
		xsRangeError("dtls: unknown operation %d", (int)op);
	(*gxDtlsOperations[op])(the);
}

void xsHostInstallDtls(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "dtls", xs_dtls, 1);
}
