/*
 * The dtls host function's operations on a live session (numbers 10..16; host-dtls.c has the
 * contract): feed, step, takeOutgoing, write, info, peer, close.
 */
#include "host-dtls.h"

/* Reads every decrypted record into an array of ArrayBuffers in xsResult (left undefined when
 * none). A record is never longer than the datagram it came in, so `capacity` bytes suffice. */
static void xsHostDtlsReadRecords(xsMachine* the, tud_session* session, size_t capacity, double now, const uint8_t* datagram)
{
	uint8_t* record = malloc(capacity ? capacity : 1);
	xsIntegerValue count = 0;
	int n;
	if (!record)
		xsUnknownError("dtls: out of C memory");
	xsVars(1);
	/* An open session takes the datagram in place and reads its first record in the same call
	 * (no heap copy of the datagram); otherwise it is fed first (the handshake). */
	if (tud_state(session) == TUD_OPEN) {
		n = tud_feed_read(session, datagram, capacity, record, capacity, now);
		n = n < 0 ? -1 : (n & ~TUD_OUT_PENDING);
		if (n > 0) {
			xsResult = xsNewArray(0);
			xsVar(0) = xsArrayBuffer(record, n);
			xsSetIndex(xsResult, count++, xsVar(0));
		}
		if (n < 0) {
			free(record);
			return;
		}
	} else
		tud_feed(session, datagram, capacity, now);
	while ((n = tud_read(session, record, capacity, now)) > 0) {
		if (!count)
			xsResult = xsNewArray(0);
		xsVar(0) = xsArrayBuffer(record, n);
		xsSetIndex(xsResult, count++, xsVar(0));
	}
	free(record);
}

void xsHostDtlsFeed(xsMachine* the)
{
	xsHostDtlsSession* entry = xsHostDtlsSessionArg(the, 0);
	const uint8_t* datagram;
	size_t length;
	double now;
	if (DTLS_ARGC < 5)
		xsTypeError("dtls feed(session, buffer, offset, length, nowMs)");
	now = xsToNumber(DTLS_ARG(4));
	datagram = xsHostDtlsBytes(the, 1, &length);
	xsHostDtlsReadRecords(the, entry->session, length, now, datagram);
}

void xsHostDtlsStep(xsMachine* the)
{
	xsHostDtlsSession* entry = xsHostDtlsSessionArg(the, 0);
	tud_step(entry->session, (DTLS_ARGC > 1) ? xsToNumber(DTLS_ARG(1)) : 0);
}

void xsHostDtlsTakeOutgoing(xsMachine* the)
{
	tud_session* session = xsHostDtlsSessionArg(the, 0)->session;
	size_t length = tud_out_len(session);
	if (!length)
		return;
	xsResult = xsArrayBuffer(NULL, (xsIntegerValue)length);
	tud_out_take(session, (uint8_t*)xsToArrayBuffer(xsResult), length);
}

void xsHostDtlsWrite(xsMachine* the)
{
	xsHostDtlsSession* entry = xsHostDtlsSessionArg(the, 0);
	const uint8_t* data;
	size_t length;
	double now;
	if (DTLS_ARGC < 5)
		xsTypeError("dtls write(session, buffer, offset, length, nowMs)");
	now = xsToNumber(DTLS_ARG(4));
	data = xsHostDtlsBytes(the, 1, &length);
	xsResult = xsInteger(tud_write(entry->session, data, length, now));
}

void xsHostDtlsInfo(xsMachine* the)
{
	tud_session* session = xsHostDtlsSessionArg(the, 0)->session;
	switch ((DTLS_ARGC > 1) ? xsToInteger(DTLS_ARG(1)) : -1) {
	case DTLS_INFO_STATE: xsResult = xsInteger(tud_state(session)); break;
	case DTLS_INFO_ERROR: xsResult = xsInteger(tud_error(session)); break;
	case DTLS_INFO_OVER_LIMIT: xsResult = xsInteger(tud_over_limit(session)); break;
	case DTLS_INFO_MAX_PAYLOAD: xsResult = xsInteger(tud_max_payload(session)); break;
	case DTLS_INFO_MEMORY: xsResult = xsNumber((double)tud_memory(session)); break;
	case DTLS_INFO_MEMORY_PEAK: xsResult = xsNumber((double)tud_memory_peak(session)); break;
	case DTLS_INFO_VERIFY_FLAGS: xsResult = xsNumber((double)tud_peer_verify_flags(session)); break;
	case DTLS_INFO_NEXT_TIMEOUT: xsResult = xsNumber(tud_next_timeout(session)); break;
	default: xsRangeError("dtls info: unknown item");
	}
}

/* Trust facts (tinyusp_dtls.h): [7] the chain's SHA-256s, 32 bytes each, leaf first; [8] no
 * trust anchor reached. `buffer` holds at least XS_HOST_DTLS_MAX_ENDPOINT bytes. */
static void xsHostDtlsTrustFacts(xsMachine* the, tud_session* session, uint8_t* buffer)
{
	int depth = 0;
	while ((depth + 1) * 32 <= XS_HOST_DTLS_MAX_ENDPOINT && tud_peer_chain_sha256(session, depth, buffer + depth * 32) == 32)
		depth++;
	xsVar(0) = xsArrayBuffer(buffer, depth * 32);
	xsSetIndex(xsResult, 7, xsVar(0));
	xsVar(0) = xsBoolean(tud_peer_untrusted(session) == 1);
	xsSetIndex(xsResult, 8, xsVar(0));
}

void xsHostDtlsPeer(xsMachine* the)
{
	tud_session* session = xsHostDtlsSessionArg(the, 0)->session;
	const char* suite;
	uint8_t* buffer;
	size_t capacity;
	int n;
	if (tud_state(session) != TUD_OPEN)
		return;
	suite = tud_ciphersuite(session);
	if (!suite)
		return;
	buffer = malloc(XS_HOST_DTLS_MAX_ENDPOINT);
	if (!buffer)
		xsUnknownError("dtls: out of C memory");
	xsVars(1);
	xsResult = xsNewArray(9);
	xsVar(0) = xsString(suite);
	xsSetIndex(xsResult, 0, xsVar(0));
	n = tud_psk_identity(session, buffer, XS_HOST_DTLS_MAX_ENDPOINT);
	xsVar(0) = (n >= 0) ? xsArrayBuffer(buffer, n) : xsUndefined;
	xsSetIndex(xsResult, 1, xsVar(0));
	n = tud_peer_endpoint_id(session, buffer, XS_HOST_DTLS_MAX_ENDPOINT);
	xsVar(0) = (n >= 0) ? xsArrayBuffer(buffer, n) : xsUndefined;
	xsSetIndex(xsResult, 2, xsVar(0));
	/* The DER length is not known before: try 1 KB (a P-256 certificate), then up to 16 KB. */
	for (capacity = XS_HOST_DTLS_MAX_ENDPOINT, n = -1; ; capacity *= 4) {
		n = tud_peer_cert_der(session, buffer, capacity);
		if ((n >= 0) || (capacity >= XS_HOST_DTLS_MAX_CERT))
			break;
		free(buffer);
		buffer = malloc(capacity * 4);
		if (!buffer)
			xsUnknownError("dtls: out of C memory");
	}
	if (n > 0) {
		xsVar(0) = xsArrayBuffer(buffer, n);
		xsSetIndex(xsResult, 3, xsVar(0));
		xsVar(0) = xsNumber(tud_peer_not_before(session));
		xsSetIndex(xsResult, 4, xsVar(0));
		xsVar(0) = xsNumber(tud_peer_not_after(session));
		xsSetIndex(xsResult, 5, xsVar(0));
		xsVar(0) = xsBoolean(tud_peer_dates_checked(session) == 1);
		xsSetIndex(xsResult, 6, xsVar(0));
		xsHostDtlsTrustFacts(the, session, buffer);
	}
	free(buffer);
}

void xsHostDtlsClose(xsMachine* the)
{
	xsHostDtlsSession* entry = xsHostDtlsSessionArg(the, 0);
	xsIntegerValue count = 0;
	size_t length;
	tud_close(entry->session);
	xsVars(1);
	while ((length = tud_out_len(entry->session)) > 0) {
		if (!count)
			xsResult = xsNewArray(0);
		xsVar(0) = xsArrayBuffer(NULL, (xsIntegerValue)length);
		tud_out_take(entry->session, (uint8_t*)xsToArrayBuffer(xsVar(0)), length);
		xsSetIndex(xsResult, count++, xsVar(0));
	}
	xsHostDtlsRemove(entry);
}
