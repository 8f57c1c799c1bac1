/*
 * Host functions: output, clocks, randomness and exit, for the HAL's System and Clock
 * (hal/hal.ts, bound in hal/xs/).
 *   print(text)          text and a newline on stdout (the program's output)
 *   log(level, text)     "[level] text" on stderr (diagnostics)
 *   monotonicMs()        ms since the runner started, never going back (CLOCK_MONOTONIC)
 *   wallTimeMs()         ms since the Unix epoch, or undefined while the time is unknown
 *                        (--no-wall-clock, or a clock before 2020 as on a board without NTP)
 *   randomBytes(length)  ArrayBuffer of `length` (0..65536) bytes from getrandom(2)
 *   exit(code)           ends the runner now with `code` (0..255)
 *   memoryUse()          collects garbage, then [live heap slots, live chunk bytes, runtime
 *                        keys]: a diagnostic for the footprint scenario (npm run footprint)
 */
#include "xsAll.h"
#include "xs-host.h"
#include <sys/random.h>

#define XS_HOST_MAX_RANDOM 65536
#define XS_HOST_MAX_LEVEL 16
/* 2020-01-01T00:00:00Z: an earlier wall clock has not been set. */
#define XS_HOST_WALL_CLOCK_KNOWN_MS 1577836800000.0

static void xsHostWriteText(FILE* file, const char* text)
{
	size_t length = xsHostUtf8FromString(text, NULL);
	unsigned char* bytes = malloc(length ? length : 1);
	if (!bytes) {
		fputs("xs-host: out of C memory while printing\n", stderr);
		return;
	}
	xsHostUtf8FromString(text, bytes);
	fwrite(bytes, 1, length, file);
	free(bytes);
}

static void xs_print(xsMachine* the)
{
	xsHostWriteText(stdout, (xsToInteger(xsArgc) > 0) ? xsToString(xsArg(0)) : "");
	fputc('\n', stdout);
	fflush(stdout);
}

static void xs_log(xsMachine* the)
{
	char level[XS_HOST_MAX_LEVEL + 1];
	if (xsToInteger(xsArgc) < 2)
		xsTypeError("log(level, text)");
	xsToStringBuffer(xsArg(0), level, sizeof(level));
	fprintf(stderr, "[%s] ", level);
	xsHostWriteText(stderr, xsToString(xsArg(1)));
	fputc('\n', stderr);
}

static void xs_monotonicMs(xsMachine* the)
{
	xsResult = xsNumber(xsHostMonotonicMs());
}

static void xs_wallTimeMs(xsMachine* the)
{
	struct timespec now;
	double ms;
	if (!gxHostOptions.wallClock)
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	ms = ((double)now.tv_sec * 1000.0) + ((double)now.tv_nsec / 1000000.0);
	if (ms >= XS_HOST_WALL_CLOCK_KNOWN_MS)
		xsResult = xsNumber(ms);
}

static void xs_randomBytes(xsMachine* the)
{
	xsIntegerValue length;
	size_t filled = 0;
	unsigned char* bytes;
	if (xsToInteger(xsArgc) < 1)
		xsTypeError("randomBytes(length)");
	length = xsToInteger(xsArg(0));
	if ((length < 0) || (length > XS_HOST_MAX_RANDOM))
		xsRangeError("randomBytes length must be 0..%d", XS_HOST_MAX_RANDOM);
	xsResult = xsArrayBuffer(NULL, length);
	/* Taken after the allocation: a collection may move chunks. */
	bytes = xsToArrayBuffer(xsResult);
	while (filled < (size_t)length) {
		ssize_t count = getrandom(bytes + filled, (size_t)length - filled, 0);
		if (count < 0) {
			if (errno == EINTR)
				continue;
			xsUnknownError("getrandom failed: %s", strerror(errno));
		}
		filled += (size_t)count;
	}
}

static void xs_exit(xsMachine* the)
{
	xsIntegerValue code = (xsToInteger(xsArgc) > 0) ? xsToInteger(xsArg(0)) : 0;
	if ((code < 0) || (code > 255))
		xsRangeError("exit code must be 0..255");
	xsHostExit(the, code);
}

static void xs_memoryUse(xsMachine* the)
{
	txMachine* machine = (txMachine*)the;
	xsIntegerValue slots, chunks, keys;
	fxCollectGarbage(machine);
	slots = (xsIntegerValue)machine->currentHeapCount;
	chunks = (xsIntegerValue)machine->currentChunksSize;
	keys = (xsIntegerValue)(machine->keyIndex - machine->keyOffset);
	xsResult = xsNewArray(3);
	xsSetIndex(xsResult, 0, xsInteger(slots));
	xsSetIndex(xsResult, 1, xsInteger(chunks));
	xsSetIndex(xsResult, 2, xsInteger(keys));
}

void xsHostInstallCore(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "print", xs_print, 1);
	xsHostDefineFunction(the, host, "log", xs_log, 2);
	xsHostDefineFunction(the, host, "monotonicMs", xs_monotonicMs, 0);
	xsHostDefineFunction(the, host, "wallTimeMs", xs_wallTimeMs, 0);
	xsHostDefineFunction(the, host, "randomBytes", xs_randomBytes, 1);
	xsHostDefineFunction(the, host, "exit", xs_exit, 1);
	xsHostDefineFunction(the, host, "memoryUse", xs_memoryUse, 0);
}
