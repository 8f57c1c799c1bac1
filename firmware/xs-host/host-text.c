/*
 * Host functions: UTF-8 for the HAL's System.utf8Encode/utf8Decode (hal/hal.ts).
 *   utf8Encode(text) -> ArrayBuffer       standard UTF-8; lone surrogates become U+FFFD
 *   utf8Decode(buffer, offset, length)    strict: any ill-formed sequence (overlong, surrogate,
 *     -> string                            above U+10FFFF, truncated, stray continuation)
 *                                          throws a TypeError, as TextDecoder with fatal: true.
 *                                          A BOM is kept (protobuf strings are not documents).
 * XS keeps strings as NUL-terminated UTF-8 with NUL written C0 80 and astral characters as
 * 4-byte sequences, except that concatenated surrogate halves stay two 3-byte sequences.
 */
#include "xs-host.h"

/* Reads one code point of an XS string; returns the byte count (0 at the end). */
static size_t xsHostStringNext(const unsigned char* p, int32_t* character)
{
	unsigned char c = p[0];
	if (c == 0)
		return 0;
	if (c < 0x80) {
		*character = c;
		return 1;
	}
	if (c < 0xE0) {
		*character = ((c & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0) {
		*character = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
	*character = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	return 4;
}

static size_t xsHostUtf8Put(unsigned char* out, int32_t character)
{
	if (character < 0x80) {
		if (out)
			out[0] = (unsigned char)character;
		return 1;
	}
	if (character < 0x800) {
		if (out) {
			out[0] = (unsigned char)(0xC0 | (character >> 6));
			out[1] = (unsigned char)(0x80 | (character & 0x3F));
		}
		return 2;
	}
	if (character < 0x10000) {
		if (out) {
			out[0] = (unsigned char)(0xE0 | (character >> 12));
			out[1] = (unsigned char)(0x80 | ((character >> 6) & 0x3F));
			out[2] = (unsigned char)(0x80 | (character & 0x3F));
		}
		return 3;
	}
	if (out) {
		out[0] = (unsigned char)(0xF0 | (character >> 18));
		out[1] = (unsigned char)(0x80 | ((character >> 12) & 0x3F));
		out[2] = (unsigned char)(0x80 | ((character >> 6) & 0x3F));
		out[3] = (unsigned char)(0x80 | (character & 0x3F));
	}
	return 4;
}

size_t xsHostUtf8FromString(const char* text, unsigned char* out)
{
	const unsigned char* p = (const unsigned char*)text;
	size_t total = 0, size;
	int32_t character, low;
	while ((size = xsHostStringNext(p, &character))) {
		p += size;
		if ((character >= 0xD800) && (character <= 0xDBFF)) {
			size = xsHostStringNext(p, &low);
			if (size && (low >= 0xDC00) && (low <= 0xDFFF)) {
				p += size;
				character = 0x10000 + ((character - 0xD800) << 10) + (low - 0xDC00);
			}
			else
				character = 0xFFFD;
		}
		else if ((character >= 0xDC00) && (character <= 0xDFFF))
			character = 0xFFFD;
		total += xsHostUtf8Put(out ? out + total : NULL, character);
	}
	return total;
}

/*
 * Length of the well-formed UTF-8 sequence at p (Unicode table 3-7), or 0 if ill-formed.
 */
static size_t xsHostUtf8Valid(const unsigned char* p, size_t available)
{
	unsigned char c = p[0], low = 0x80, high = 0xBF;
	size_t size, i;
	if (c < 0x80)
		return 1;
	if ((c >= 0xC2) && (c <= 0xDF))
		size = 2;
	else if ((c >= 0xE0) && (c <= 0xEF)) {
		size = 3;
		if (c == 0xE0)
			low = 0xA0;  /* overlong */
		else if (c == 0xED)
			high = 0x9F; /* surrogates */
	}
	else if ((c >= 0xF0) && (c <= 0xF4)) {
		size = 4;
		if (c == 0xF0)
			low = 0x90;  /* overlong */
		else if (c == 0xF4)
			high = 0x8F; /* above U+10FFFF */
	}
	else
		return 0;
	if (available < size)
		return 0;
	if ((p[1] < low) || (p[1] > high))
		return 0;
	for (i = 2; i < size; i++) {
		if ((p[i] < 0x80) || (p[i] > 0xBF))
			return 0;
	}
	return size;
}

static void xs_utf8Encode(xsMachine* the)
{
	size_t length;
	if ((xsToInteger(xsArgc) < 1) || (xsTypeOf(xsArg(0)) != xsStringType))
		xsTypeError("utf8Encode(text): text must be a string");
	length = xsHostUtf8FromString(xsToString(xsArg(0)), NULL);
	if (length > 0x7FFFFFFF)
		xsRangeError("text too long");
	xsResult = xsArrayBuffer(NULL, (xsIntegerValue)length);
	/* Both pointers are taken after the allocation: a collection may move chunks. */
	xsHostUtf8FromString(xsToString(xsArg(0)), xsToArrayBuffer(xsResult));
}

static void xs_utf8Decode(xsMachine* the)
{
	xsIntegerValue offset, length, byteLength, i, nuls = 0;
	const unsigned char* bytes;
	unsigned char* out;
	size_t size;
	if ((xsToInteger(xsArgc) < 3) || !xsIsInstanceOf(xsArg(0), xsArrayBufferPrototype))
		xsTypeError("utf8Decode(buffer, offset, length): buffer must be an ArrayBuffer");
	byteLength = xsGetArrayBufferLength(xsArg(0));
	offset = xsToInteger(xsArg(1));
	length = xsToInteger(xsArg(2));
	if ((offset < 0) || (length < 0) || (offset > byteLength) || (length > byteLength - offset))
		xsRangeError("utf8Decode: offset/length outside the buffer");
	bytes = (const unsigned char*)xsToArrayBuffer(xsArg(0)) + offset;
	for (i = 0; i < length; i += (xsIntegerValue)size) {
		size = xsHostUtf8Valid(bytes + i, (size_t)(length - i));
		if (!size)
			xsTypeError("utf8Decode: invalid UTF-8 at byte %d", (int)i);
		if (bytes[i] == 0)
			nuls++;
	}
	if (length > 0x7FFFFFFF - nuls)
		xsRangeError("utf8Decode: text too long");
	xsResult = xsStringBuffer(NULL, length + nuls);
	/* Both pointers are taken after the allocation: a collection may move chunks. */
	bytes = (const unsigned char*)xsToArrayBuffer(xsArg(0)) + offset;
	out = (unsigned char*)xsToString(xsResult);
	for (i = 0; i < length; i++) {
		if (bytes[i] == 0) {
			*out++ = 0xC0;  /* XS writes NUL as C0 80 inside its NUL-terminated strings */
			*out++ = 0x80;
		}
		else
			*out++ = bytes[i];
	}
	*out = 0;
}

void xsHostInstallText(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "utf8Encode", xs_utf8Encode, 1);
	xsHostDefineFunction(the, host, "utf8Decode", xs_utf8Decode, 3);
}
