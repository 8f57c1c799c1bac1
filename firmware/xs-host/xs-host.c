/*
 * The tinyusp XS runner over the Moddable SDK's XS (vendor/moddable): a Moddable XS machine with
 * a fixed memory cap runs a program, then its event loop until nothing is pending or the
 * program calls exit(). Built by `npm run build:xs` (firmware/xs-host/build.mjs) in two modes:
 *   xs-host   runs one esbuild iife bundle as a script in a fresh machine (run-script.c)
 *   xs-esp32  the esp32 board: its modules preloaded by xsl, start() called (run-board.c)
 *
 *   xs-host  --chunks BYTES --slots COUNT --stack COUNT [options] BUNDLE.js
 *   xs-esp32 --chunks BYTES --slots COUNT --stack COUNT [options]
 *   options: [--keys COUNT] [--stats] [--no-wall-clock] [--state DIR] [--defaults FILE]
 *            [--arg NAME=VALUE]... [--allow-nosec] [--cert FILE] [--key FILE] [--ca FILE]
 *
 *   --chunks   chunk heap in bytes (strings, arrays, ArrayBuffers, key names)
 *   --slots    heap slots (objects, properties, closures; 32 bytes each on x86-64, 16 on ARM
 *              and ESP32). In script mode the cap also holds the XS builtins (~17 KB of chunks
 *              and ~4,460 slots with XS 17); the bundle's byte code and string literals stay
 *              outside, as in a preloaded image (xsHostPrepareBundle). In board mode builtins,
 *              byte code and frozen tables are preloaded data, outside the cap.
 *   --stack    JS stack slots
 *   --keys     property-name keys added at run time (default 2048; the index is outside the
 *              cap, key strings inside)
 *   --stats    on exit, print to stderr one line:
 *              xs-host stats: {"chunksPeak":N,"slotsPeak":N,"keys":N,"runtimeKeys":N,"slotBytes":N,
 *                "aliases":N,"peakBytes":N,"bootSlots":N,"bootChunks":N,"bootBytes":N}
 *              (keys: the key index, preloaded keys included; runtimeKeys: those added at run
 *              time, what --keys bounds)
 *              bytes = slots x slotBytes + chunks + aliases x pointer size (the alias table of
 *              preloaded objects); boot = live after the program started and its promise jobs
 *              ran, then a collection (only once booted). Peaks count garbage not yet
 *              collected, so they only bound the need from above; the smallest working cap of
 *              a script is found by firmware/xs-host/min-cap.mjs.
 *   --gc-stress      collect garbage before every allocation (XS's mxStress), so the peaks of
 *                    --stats are the live high-water mark, not garbage waiting for a collection
 *                    (npm run footprint; slow)
 *   --no-wall-clock  wallTimeMs() answers undefined (a board whose time is not yet known)
 *   --state DIR      the board's flash: storage records are files under DIR/dm (host-storage.c)
 *   --defaults FILE  factory defaults (JSON text handed to the bundle by defaultsJson(); a
 *                    device compiles them in instead)
 *   --arg NAME=VALUE a setting for the bundle, read with arg(NAME) (at most 16)
 *   --allow-nosec    same as --arg allow-nosec=true
 *   --cert FILE, --key FILE, --ca FILE
 *                    the board's DTLS credentials (PEM): its certificate, private key and trust
 *                    anchors, read by credential(name) (a device keeps them in its flash)
 *
 * Exit codes: 0 done (loop drained) or exit(code); 1 uncaught exception, unhandled rejection
 * or syntax error (printed on stderr); 2 bad command line; 3 memory cap reached ("xs-host:
 * memory full (cap: ...)", stack overflow or out of keys, one line on stderr); 3 also when the
 * machine cannot be created (cap far too small, or a preparation from another XS version).
 * SIGTERM or SIGINT ends the event loop between callbacks: exit 0 (with --stats printed).
 * SIGUSR1 with --stats prints "xs-host mark: {...}": the peaks since the previous mark, and
 * what is live after a collection (npm run footprint marks each step of its scenario); with
 * XS_HOST_CENSUS=1 in the environment, also the live slots and chunk bytes by slot kind.
 * reboot() and factoryReset() do not exit: the runner re-executes itself (same pid, same
 * command line, so the same state directory), as a board restarts its firmware (host-config.c).
 *
 * Host functions: one frozen global object `__tinyusp_host` (declared for TypeScript in
 * hal/xs/host.ts), filled by the modules listed in gxHostModules:
 *   host-core.c    print(text), log(level, text), monotonicMs(), wallTimeMs(),
 *                  randomBytes(length) -> ArrayBuffer, exit(code)
 *   host-text.c    utf8Encode(text) -> ArrayBuffer, utf8Decode(buffer, offset, length) -> string
 *   host-timers.c  setTimer(delayMs, callback) -> id, clearTimer(id)
 *   host-udp.c     udpOpen/udpPort/udpSend/udpClose (UDP sockets on the event loop)
 *   host-storage.c storageGet/storageSet/storageDelete/storageKeys (atomic file records)
 *   host-config.c  arg(name), defaultsJson(), reboot(), factoryReset()
 *   host-firmware.c fwRead/fwWrite/fwRemove/fwOpen/fwAppend/fwClose (A/B slot files under DIR/fw)
 *   host-dtls.c    dtls(op, ...) (DTLS 1.2 over the mbedTLS shim of firmware/dtls; with
 *                  host-dtls-session.c)
 *   host-http.c    http(op, ...) (HTTP/1.1 GET, https over mbedTLS's TLS: image downloads)
 *   host-credentials.c credential(name) (the files of --cert, --key, --ca)
 *   host-heap.c    heapUsed() (live XS heap after a collection, for measurements)
 *   host-hash.c    hash(op, ...) (SHA-1 / SHA-256 over mbedTLS: image checksums)
 */
#include "xsAll.h"
#include "xsScript.h"
#include "xs-host.h"

xsHostOptions gxHostOptions = { C_NULL, 0, 0, 0, 2048, 0, 1, C_NULL, C_NULL, 0, { C_NULL }, 0, C_NULL };

static const xsHostInstall gxHostModules[] = {
	xsHostInstallCore,
	xsHostInstallText,
	xsHostInstallTimers,
	xsHostInstallUdp,
	xsHostInstallStorage,
	xsHostInstallConfig,
	xsHostInstallFirmware,
	xsHostInstallDtls,
	xsHostInstallHttp,
	xsHostInstallCredentials,
	xsHostInstallHeap,
	xsHostInstallHash,
};

static struct timespec gxStartTime;
static const char* gxHostProgramName = "xs-host";
static struct { int measured; long slots; long chunks; } gxHostBoot = { 0, 0, 0 };
static int gxHostGcStress = 0;
/* The peaks before the last mark (xsHostStatsMark restarts the machine's own). */
static struct { long slots; long chunks; } gxHostEarlierPeak = { 0, 0 };
#if mxStress
extern int gxStress;
#endif
static void xsHostPrintStats(txMachine* the);

static void xsHostUsage(const char* problem) XS_FUNCTION_NORETURN;
static int xsHostParseCount(const char* text, long min, long max, xsIntegerValue* result);
static void xsHostParseArguments(int argc, char* argv[]);

static void xsHostUsage(const char* problem)
{
	fprintf(stderr, "xs-host: %s (usage: %s --chunks BYTES --slots COUNT --stack COUNT [--keys COUNT] [--stats] [--no-wall-clock] [--state DIR] [--defaults FILE] [--arg NAME=VALUE]... [--allow-nosec] [--cert FILE] [--key FILE] [--ca FILE] %s)\n",
		problem, gxHostProgramName, gxHostProgramUsage);
	exit(XS_HOST_EXIT_USAGE);
}

static int xsHostParseCount(const char* text, long min, long max, xsIntegerValue* result)
{
	char* end = C_NULL;
	long value;
	if (!text || !*text)
		return 0;
	errno = 0;
	value = strtol(text, &end, 10);
	if (errno || *end || (value < min) || (value > max))
		return 0;
	*result = (xsIntegerValue)value;
	return 1;
}

static void xsHostParseArguments(int argc, char* argv[])
{
	/* Bounds: below them XS cannot even build its builtins; above them is not a device. */
	static const struct { const char* name; long min; long max; xsIntegerValue* target; } counts[] = {
		{ "--chunks", 4096, 1L << 30, &gxHostOptions.chunks },
		{ "--slots", 256, 1L << 24, &gxHostOptions.slots },
		{ "--stack", 64, 1L << 20, &gxHostOptions.stack },
		{ "--keys", 64, 1L << 15, &gxHostOptions.keys },
	};
	char problem[256];
	int i, j;
	for (i = 1; i < argc; i++) {
		const char* arg = argv[i];
		int matched = 0;
		for (j = 0; j < (int)(sizeof(counts) / sizeof(counts[0])); j++) {
			if (!strcmp(arg, counts[j].name)) {
				if (!xsHostParseCount(i + 1 < argc ? argv[i + 1] : C_NULL, counts[j].min, counts[j].max, counts[j].target)) {
					snprintf(problem, sizeof(problem), "%s needs an integer from %ld to %ld", arg, counts[j].min, counts[j].max);
					xsHostUsage(problem);
				}
				i++;
				matched = 1;
				break;
			}
		}
		if (matched)
			continue;
		for (j = 0; j < XS_HOST_CREDENTIALS; j++) {
			if (!strncmp(arg, "--", 2) && !strcmp(arg + 2, gxHostCredentialNames[j])) {
				if ((i + 1 >= argc) || !argv[i + 1][0] || access(argv[i + 1], R_OK)) {
					snprintf(problem, sizeof(problem), "%s needs a readable file", arg);
					xsHostUsage(problem);
				}
				gxHostOptions.credentialPaths[j] = argv[++i];
				matched = 1;
				break;
			}
		}
		if (matched)
			continue;
		if (!strcmp(arg, "--stats"))
			gxHostOptions.stats = 1;
		else if (!strcmp(arg, "--gc-stress"))
			gxHostGcStress = 1;
		else if (!strcmp(arg, "--no-wall-clock"))
			gxHostOptions.wallClock = 0;
		else if (!strcmp(arg, "--state") || !strcmp(arg, "--defaults")) {
			if ((i + 1 >= argc) || !argv[i + 1][0]) {
				snprintf(problem, sizeof(problem), "%s needs a path", arg);
				xsHostUsage(problem);
			}
			if (!strcmp(arg, "--state"))
				gxHostOptions.stateDir = argv[++i];
			else
				gxHostOptions.defaultsPath = argv[++i];
		}
		else if (!strcmp(arg, "--arg") || !strcmp(arg, "--allow-nosec")) {
			const char* pair = "allow-nosec=true";
			if (!strcmp(arg, "--arg")) {
				pair = (i + 1 < argc) ? argv[++i] : "";
				if ((pair[0] == '=') || !strchr(pair, '='))
					xsHostUsage("--arg needs NAME=VALUE");
			}
			if (gxHostOptions.argCount >= XS_HOST_MAX_ARGS) {
				snprintf(problem, sizeof(problem), "at most %d --arg", XS_HOST_MAX_ARGS);
				xsHostUsage(problem);
			}
			gxHostOptions.args[gxHostOptions.argCount++] = pair;
		}
		else if (arg[0] == '-') {
			snprintf(problem, sizeof(problem), "unknown option %.64s", arg);
			xsHostUsage(problem);
		}
		else if (!gxHostTakesBundle)
			xsHostUsage("the program is preloaded: no bundle argument");
		else if (gxHostOptions.bundlePath)
			xsHostUsage("only one bundle can be run");
		else
			gxHostOptions.bundlePath = arg;
	}
	if (!gxHostOptions.chunks || !gxHostOptions.slots || !gxHostOptions.stack)
		xsHostUsage("--chunks, --slots and --stack are required (the memory cap)");
	if (gxHostTakesBundle && !gxHostOptions.bundlePath)
		xsHostUsage("no bundle given");
	if (gxHostTakesBundle && access(gxHostOptions.bundlePath, R_OK)) {
		snprintf(problem, sizeof(problem), "cannot read bundle %.180s", gxHostOptions.bundlePath);
		xsHostUsage(problem);
	}
	if (gxHostOptions.defaultsPath && access(gxHostOptions.defaultsPath, R_OK)) {
		snprintf(problem, sizeof(problem), "cannot read --defaults %.180s", gxHostOptions.defaultsPath);
		xsHostUsage(problem);
	}
	gxHostOptions.argc = argc;
	gxHostOptions.argv = argv;
}

double xsHostMonotonicMs(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return ((double)(now.tv_sec - gxStartTime.tv_sec) * 1000.0) + ((double)(now.tv_nsec - gxStartTime.tv_nsec) / 1000000.0);
}

void xsHostDefineFunction(xsMachine* the, xsSlot* object, const char* name, xsCallback callback, xsIntegerValue length)
{
	xsDefine(*object, xsID((char*)name), xsNewHostFunction(callback, length), xsDontDelete | xsDontSet | xsDontEnum);
}

void xsHostExit(xsMachine* machine, int code)
{
	txMachine* the = (txMachine*)machine;
	fflush(stdout);
	if (gxHostOptions.stats && the)
		xsHostPrintStats(the);
	fflush(stderr);
	exit(code);
}

void xsHostUncaught(xsMachine* machine, const char* what, xsSlot* exception)
{
	static int reporting = 0;
	txMachine* the = (txMachine*)machine;
	if (reporting) {
		/* Printing the exception threw in turn: give up on its text, keep the exit code. */
		fprintf(stderr, "xs-host: %s (cannot be printed)\n", what);
		xsHostExit(machine, XS_HOST_EXIT_EXCEPTION);
	}
	reporting = 1;
	mxPushSlot(exception);
	mxPull(the->scratch);
	fprintf(stderr, "xs-host: %s: %s\n", what, fxToString(the, &the->scratch));
	xsHostExit(machine, XS_HOST_EXIT_EXCEPTION);
}

/*
 * RAM the machine holds, as a device counts it: heap slots x slot size, chunk bytes and the
 * alias table (one pointer per preloaded object that may be copied to RAM). Stack and key
 * tables are fixed by the cap and reported apart.
 */
static long xsHostRamBytes(txMachine* the, long slots, long chunks)
{
	return (slots * (long)sizeof(txSlot)) + chunks + ((long)the->aliasCount * (long)sizeof(txSlot*));
}

/* After the program started and its promise jobs ran: collect, and keep the live figures. */
static void xsHostMeasureBoot(txMachine* the)
{
	fxCollectGarbage(the);
	gxHostBoot.slots = (long)the->currentHeapCount;
	gxHostBoot.chunks = (long)the->currentChunksSize;
	gxHostBoot.measured = 1;
}

void xsHostStatsMark(xsMachine* machine)
{
	txMachine* the = (txMachine*)machine;
	long slotsPeak = (long)the->peakHeapCount, chunksPeak = (long)the->peakChunksSize;
	if (!gxHostOptions.stats)
		return;
	fxCollectGarbage(the);
	fprintf(stderr, "xs-host mark: {\"slotsPeak\":%ld,\"chunksPeak\":%ld,\"peakBytes\":%ld,\"slots\":%ld,\"chunks\":%ld,\"liveBytes\":%ld}\n",
		slotsPeak, chunksPeak, xsHostRamBytes(the, slotsPeak, chunksPeak), (long)the->currentHeapCount, (long)the->currentChunksSize,
		xsHostRamBytes(the, (long)the->currentHeapCount, (long)the->currentChunksSize));
	if (getenv("XS_HOST_CENSUS"))
		xsHostCensus(machine);
	fflush(stderr);
	if (slotsPeak > gxHostEarlierPeak.slots)
		gxHostEarlierPeak.slots = slotsPeak;
	if (chunksPeak > gxHostEarlierPeak.chunks)
		gxHostEarlierPeak.chunks = chunksPeak;
	the->peakHeapCount = the->currentHeapCount;
	the->peakChunksSize = the->currentChunksSize;
}

static void xsHostPrintStats(txMachine* the)
{
	if ((long)the->peakHeapCount < gxHostEarlierPeak.slots)
		the->peakHeapCount = (txSize)gxHostEarlierPeak.slots;
	if ((long)the->peakChunksSize < gxHostEarlierPeak.chunks)
		the->peakChunksSize = (txSize)gxHostEarlierPeak.chunks;
	fprintf(stderr, "xs-host stats: {\"chunksPeak\":%ld,\"slotsPeak\":%ld,\"keys\":%ld,\"runtimeKeys\":%ld,\"slotBytes\":%ld,\"aliases\":%ld,\"peakBytes\":%ld",
		(long)the->peakChunksSize, (long)the->peakHeapCount, (long)the->keyIndex, (long)(the->keyIndex - the->keyOffset), (long)sizeof(txSlot), (long)the->aliasCount,
		xsHostRamBytes(the, (long)the->peakHeapCount, (long)the->peakChunksSize));
	if (gxHostBoot.measured)
		fprintf(stderr, ",\"bootSlots\":%ld,\"bootChunks\":%ld,\"bootBytes\":%ld",
			gxHostBoot.slots, gxHostBoot.chunks, xsHostRamBytes(the, gxHostBoot.slots, gxHostBoot.chunks));
	fprintf(stderr, "}\n");
}

int main(int argc, char* argv[])
{
	xsMachine* machine;
	xsCreation creation;
	size_t i;
	clock_gettime(CLOCK_MONOTONIC, &gxStartTime);
	if (argc > 0) {
		const char* slash = strrchr(argv[0], '/');
		gxHostProgramName = slash ? slash + 1 : argv[0];
	}
	xsHostParseArguments(argc, argv);
	xsHostStorageOpen();
	xsHostInstallStopSignals();

	/* The cap: initial sizes from the command line, every increment zero. */
	c_memset(&creation, 0, sizeof(creation));
	creation.initialChunkSize = gxHostOptions.chunks;
	creation.incrementalChunkSize = 0;
	creation.initialHeapCount = gxHostOptions.slots;
	creation.incrementalHeapCount = 0;
	creation.stackCount = gxHostOptions.stack;
	creation.initialKeyCount = gxHostOptions.keys;
	creation.incrementalKeyCount = 0;
	creation.nameModulo = 127;
	creation.symbolModulo = 127;
	creation.parserBufferSize = 32 * 1024;
	creation.parserTableModulo = 1993;
	creation.staticSize = 0;

	machine = xsHostCreateMachine(&creation);
#if mxStress
	if (machine && gxHostGcStress)
		gxStress = 1;
#else
	if (gxHostGcStress)
		xsHostUsage("--gc-stress needs a runner built with mxStress");
#endif
	if (!machine) {
		fprintf(stderr, "xs-host: cannot create the XS machine (cap too small, or a preparation of another XS version)\n");
		return XS_HOST_EXIT_MEMORY;
	}
	xsBeginHost(machine);
	{
		xsVars(2);
		xsVar(0) = xsNewObject();
		for (i = 0; i < sizeof(gxHostModules) / sizeof(gxHostModules[0]); i++)
			(*gxHostModules[i])(the, &xsVar(0));
		xsVar(1) = xsGet(xsGlobal, xsID("Object"));
		xsCall1(xsVar(1), xsID("freeze"), xsVar(0));
		xsDefine(xsGlobal, xsID("__tinyusp_host"), xsVar(0), xsDontDelete | xsDontSet | xsDontEnum);
		xsVar(1) = xsUndefined;
		xsHostStartProgram(the);
		xsHostRunPromiseJobs(the);
		if (gxHostOptions.stats)
			xsHostMeasureBoot(the);
		xsHostRunLoop(the);
	}
	xsEndHost(machine);
	xsHostExit(machine, XS_HOST_EXIT_OK);
	return XS_HOST_EXIT_OK;
}
