/*
 * XS platform header for the tinyusp XS runner (selected with -DXSPLATFORM="xs-platform.h").
 * Modelled on xsnap's xsnapPlatform.h (Agoric's XS runner), minus snapshots, metering and the
 * debugger: Linux, little endian, 64 or 32 bits (x86-64, ARM).
 *
 * Strings are UTF-8 inside XS, as on Moddable's ESP32 platform (xs/platforms/esp has no
 * mxCESU8; only Moddable's test262 runner xst defines it). So, as on the device, a character
 * outside the BMP is ONE string unit: "\u{1F600}".length === 1 and charCodeAt(0) === 0x1F600,
 * while "\uD83D" + "\uDE00" stays two lone surrogates. Portable code must not assume UTF-16.
 */
#ifndef __TINYUSP_XS_PLATFORM__
#define __TINYUSP_XS_PLATFORM__

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__) || defined(__arm__) || defined(__aarch64__)) && defined(__linux__)
	#undef mxLittleEndian
	#define mxLittleEndian 1
	#undef mxLinux
	#define mxLinux 1
	#define mxExport extern
	#define mxImport extern
	#define XS_FUNCTION_NORETURN __attribute__((noreturn))
#else
	#error the tinyusp XS runner supports GCC-compatible compilers on Linux only
#endif

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>

#define mxUseGCCAtomics 1
#define mxUsePOSIXThreads 1

/* xsPlatforms.c supplies these; the rest of the glue is in xs-platform.c. The default module
 * lookup finds the modules of a preparation (board mode); in script mode there are none. */
#define mxUseDefaultBuildKeys 1
#define mxUseDefaultFindModule 1
#define mxUseDefaultLoadModule 1
#define mxUseDefaultParseScript 1
#define mxUseDefaultSharedChunks 1
/* xs-platform.c supplies fxCStackLimit: XS asks for it at every RegExp compile, and the default
 * (pthread_getattr_np) reads /proc/self/maps each time (~60 us, most of a request's time). */
#define mxUseDefaultCStackLimit 0

/* Byte code in the runner's image (string literals of mc.xs.c, what xsl preloaded: read-only
 * data, before edata) outlives the machine: closures made at run time point at it instead of
 * copying it into the chunk heap (firmware/patches/moddable/0004). The chunk heap and the
 * scripts of script mode are malloc'd, after the image, so they never match. */
extern const char __executable_start[];
extern const char edata[];
#define mxCodeInROM(ADDRESS) (((const char*)(ADDRESS) >= __executable_start) && ((const char*)(ADDRESS) < edata))

/* XS reports (parse errors, allocation failures) go to stderr: stdout is the program's output. */
#define c_vprintf(FORMAT, ARGUMENTS) vfprintf(stderr, FORMAT, ARGUMENTS)
#define c_printf(...) fprintf(stderr, __VA_ARGS__)

/* Per-machine fields: the runner's state, the promise-job flag, Atomics.wait bookkeeping. */
#define mxMachinePlatform \
	void* host; \
	int promiseJobs; \
	void* waiterCondition; \
	void* waiterData; \
	void* waiterLink;

#endif /* __TINYUSP_XS_PLATFORM__ */
