/*
 * Host function: SHA-1 and SHA-256 over mbedTLS (issue 12), for Download()'s CheckSum and the
 * image check (hal/xs/hash.ts). On an ESP32 the same mbedtls_sha* calls run on the SHA
 * accelerator; the portable JS of src/ota/hash.ts is far slower on a small CPU.
 *   hash(0, algorithm)                      -> ArrayBuffer state (algorithm 1: SHA-1, 2: SHA-256)
 *   hash(1, state, buffer, offset, length)  hashes buffer[offset, offset + length)
 *   hash(2, state)                          -> ArrayBuffer digest (20 or 32 bytes); the state
 *                                              is spent (a later use is a TypeError)
 * The state lives in the XS heap (a few hundred bytes), so a Download() that stops half way
 * leaves nothing behind but garbage. It is copied into an aligned C context for each call (XS
 * may move chunks between calls); a state of the wrong size or tag is refused, and any bytes in
 * a right-sized one only make a wrong digest (mbedTLS masks its block index).
 * Compiled with -DMBEDTLS_SHA1_C beside mbedTLS's sha1.c (build.mjs): the DTLS configuration
 * (firmware/dtls/tinyusp_mbedtls_config.h) has no SHA-1, and needs none.
 */
#include "xs-host.h"
#include "mbedtls/sha1.h"
#include "mbedtls/sha256.h"

enum { XS_HASH_START = 0, XS_HASH_UPDATE = 1, XS_HASH_FINISH = 2 };
enum { XS_HASH_SHA1 = 1, XS_HASH_SHA256 = 2 };
/* Tags of a live state; 0 once finished. */
#define XS_HASH_TAG_SHA1 0x54534831u
#define XS_HASH_TAG_SHA256 0x54534832u

typedef struct {
	uint32_t tag;
	union {
		mbedtls_sha1_context sha1;
		mbedtls_sha256_context sha256;
	} u;
} xsHashState;

/* The state argument copied into `state`; a TypeError unless it is a live one. */
static void xsHashLoad(xsMachine* the, xsHashState* state)
{
	if (!xsIsInstanceOf(xsArg(1), xsArrayBufferPrototype) || (xsGetArrayBufferLength(xsArg(1)) != (xsIntegerValue)sizeof(xsHashState)))
		xsTypeError("hash: not a hash state");
	memcpy(state, xsToArrayBuffer(xsArg(1)), sizeof(xsHashState));
	if ((state->tag != XS_HASH_TAG_SHA1) && (state->tag != XS_HASH_TAG_SHA256))
		xsTypeError("hash: state finished or not a hash state");
}

static void xsHashStart(xsMachine* the)
{
	xsHashState state;
	xsIntegerValue algorithm = xsToInteger(xsArg(1));
	int error;
	memset(&state, 0, sizeof(state));
	if (algorithm == XS_HASH_SHA1) {
		state.tag = XS_HASH_TAG_SHA1;
		mbedtls_sha1_init(&state.u.sha1);
		error = mbedtls_sha1_starts(&state.u.sha1);
	} else if (algorithm == XS_HASH_SHA256) {
		state.tag = XS_HASH_TAG_SHA256;
		mbedtls_sha256_init(&state.u.sha256);
		error = mbedtls_sha256_starts(&state.u.sha256, 0);
	} else
		xsRangeError("hash: algorithm 1 (SHA-1) or 2 (SHA-256), not %d", (int)algorithm);
	if (error)
		xsUnknownError("hash: starts: -0x%04x", (unsigned)-error);
	xsResult = xsArrayBuffer(&state, (xsIntegerValue)sizeof(state));
}

static void xsHashUpdate(xsMachine* the)
{
	xsHashState state;
	xsIntegerValue offset, count, size;
	int error;
	if ((xsToInteger(xsArgc) < 5) || !xsIsInstanceOf(xsArg(2), xsArrayBufferPrototype))
		xsTypeError("hash(1, state, buffer, offset, length)");
	xsHashLoad(the, &state);
	offset = xsToInteger(xsArg(3));
	count = xsToInteger(xsArg(4));
	size = xsGetArrayBufferLength(xsArg(2));
	if ((offset < 0) || (count < 0) || (offset > size) || (count > size - offset))
		xsRangeError("hash: offset/length outside the buffer");
	/* No XS allocation from here to the store: the buffers stay where they are. */
	if (state.tag == XS_HASH_TAG_SHA1)
		error = mbedtls_sha1_update(&state.u.sha1, (const unsigned char*)xsToArrayBuffer(xsArg(2)) + offset, (size_t)count);
	else
		error = mbedtls_sha256_update(&state.u.sha256, (const unsigned char*)xsToArrayBuffer(xsArg(2)) + offset, (size_t)count);
	if (error)
		xsUnknownError("hash: update: -0x%04x", (unsigned)-error);
	memcpy(xsToArrayBuffer(xsArg(1)), &state, sizeof(state));
}

static void xsHashFinish(xsMachine* the)
{
	xsHashState state;
	unsigned char digest[32];
	size_t length;
	int error;
	xsHashLoad(the, &state);
	if (state.tag == XS_HASH_TAG_SHA1) {
		error = mbedtls_sha1_finish(&state.u.sha1, digest);
		mbedtls_sha1_free(&state.u.sha1);
		length = 20;
	} else {
		error = mbedtls_sha256_finish(&state.u.sha256, digest);
		mbedtls_sha256_free(&state.u.sha256);
		length = 32;
	}
	/* Spent: zeroed, tag 0. */
	memset(&state, 0, sizeof(state));
	memcpy(xsToArrayBuffer(xsArg(1)), &state, sizeof(state));
	if (error)
		xsUnknownError("hash: finish: -0x%04x", (unsigned)-error);
	xsResult = xsArrayBuffer(digest, (xsIntegerValue)length);
}

static void xs_hash(xsMachine* the)
{
	xsIntegerValue argc = xsToInteger(xsArgc);
	if (argc < 2)
		xsTypeError("hash(op, ...)");
	switch (xsToInteger(xsArg(0))) {
	case XS_HASH_START: xsHashStart(the); break;
	case XS_HASH_UPDATE: xsHashUpdate(the); break;
	case XS_HASH_FINISH: xsHashFinish(the); break;
	default: xsRangeError("hash: unknown op");
	}
}

void xsHostInstallHash(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "hash", xs_hash, 2);
}
