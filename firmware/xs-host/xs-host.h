/*
 * Shared declarations of the tinyusp XS runner (firmware/xs-host).
 *
 * The runner is split by job: xs-host.c (command line, machine, exit paths), run-script.c or
 * run-board.c (what the machine runs), xs-platform.c (the XS platform glue: fixed-size
 * allocation, aborts), host-loop.c (the event loop), and one host-<module>.c per group of host
 * functions. A module is added by writing its install
 * function (defines functions on the host object) and listing it in gxHostModules (xs-host.c);
 * a module with file descriptors to wait on registers an xsHostWatch with the loop.
 */
#ifndef __TINYUSP_XS_HOST__
#define __TINYUSP_XS_HOST__

#include "xs.h"

/* Exit codes (documented in xs-host.c). */
#define XS_HOST_EXIT_OK 0
#define XS_HOST_EXIT_EXCEPTION 1
#define XS_HOST_EXIT_USAGE 2
#define XS_HOST_EXIT_MEMORY 3

/* Bound on --arg k=v pairs. */
#define XS_HOST_MAX_ARGS 16
/* --cert, --key, --ca. */
#define XS_HOST_CREDENTIALS 3

/* The fixed memory cap and options from the command line. */
typedef struct {
	const char* bundlePath;
	xsIntegerValue chunks;   /* chunk heap bytes (strings, arrays, buffers, byte code) */
	xsIntegerValue slots;    /* heap slots (objects, properties, closures) */
	xsIntegerValue stack;    /* JS stack slots */
	xsIntegerValue keys;     /* property-name keys (index only; key strings live in chunks) */
	int stats;               /* print peak usage on exit */
	int wallClock;           /* 0: wallTimeMs() answers undefined (clock not yet set) */
	const char* stateDir;    /* --state DIR: storage lives in DIR/dm (host-storage.c) */
	const char* defaultsPath;/* --defaults FILE: factory defaults JSON (host-config.c) */
	int argCount;            /* --arg name=value pairs (host-config.c) */
	const char* args[XS_HOST_MAX_ARGS];
	int argc;                /* the command line, kept for the restart (host-config.c) */
	char** argv;
	/* --cert FILE, --key FILE, --ca FILE: the board's DTLS credentials (host-credentials.c) */
	const char* credentialPaths[XS_HOST_CREDENTIALS];
} xsHostOptions;

/* Names of the credential options, in the order of credentialPaths. */
extern const char* const gxHostCredentialNames[XS_HOST_CREDENTIALS];

extern xsHostOptions gxHostOptions;

/*
 * The program mode, linked in by build.mjs: run-script.c (xs-host: a fresh machine runs a
 * script bundle) or run-board.c (xs-<board>: a machine prepared from the board's preloaded
 * modules, whose start() is called).
 */
extern const char* const gxHostProgramUsage; /* what follows the options in the usage line */
extern const int gxHostTakesBundle;           /* 1: a bundle path is required */
extern xsMachine* xsHostCreateMachine(xsCreation* creation);
/* Inside xsBeginHost, with __tinyusp_host installed: runs the bundle or calls start(). */
extern void xsHostStartProgram(xsMachine* the);

/* With --stats: prints "xs-host mark: {...}" (the peaks since the last mark, and what is live
 * after a collection) on stderr, then starts new peaks from the live figures (SIGUSR1). */
extern void xsHostStatsMark(xsMachine* the);
/* Live slots and chunk bytes by slot kind on stderr (host-heap.c; XS_HOST_CENSUS with a mark). */
extern void xsHostCensus(xsMachine* the);
/* Ends the process: flushes stdout, prints --stats, exits with `code`. */
extern void xsHostExit(xsMachine* the, int code) XS_FUNCTION_NORETURN;
/* Reports the pending exception (xsException or `exception`) on stderr and exits 1. */
extern void xsHostUncaught(xsMachine* the, const char* what, xsSlot* exception) XS_FUNCTION_NORETURN;

/*
 * Writes the standard UTF-8 form of an XS string (XS keeps NUL as C0 80 and may hold surrogate
 * halves as separate 3-byte sequences) into `out`; lone surrogates become U+FFFD, as with
 * TextEncoder. Returns the byte count; with `out` NULL it only counts (host-text.c).
 */
extern size_t xsHostUtf8FromString(const char* text, unsigned char* out);

/* Milliseconds of CLOCK_MONOTONIC since the runner started. */
extern double xsHostMonotonicMs(void);

/* Defines `name` as a host function on `object` (read-only, non-enumerable). */
extern void xsHostDefineFunction(xsMachine* the, xsSlot* object, const char* name, xsCallback callback, xsIntegerValue length);

/* Host-function modules. `host` is the global host object (see xs-host.c). */
typedef void (*xsHostInstall)(xsMachine* the, xsSlot* host);
extern void xsHostInstallCore(xsMachine* the, xsSlot* host);   /* host-core.c */
extern void xsHostInstallText(xsMachine* the, xsSlot* host);   /* host-text.c */
extern void xsHostInstallTimers(xsMachine* the, xsSlot* host); /* host-timers.c */
extern void xsHostInstallUdp(xsMachine* the, xsSlot* host);    /* host-udp.c */
extern void xsHostInstallStorage(xsMachine* the, xsSlot* host);/* host-storage.c */
extern void xsHostInstallConfig(xsMachine* the, xsSlot* host); /* host-config.c */
extern void xsHostInstallFirmware(xsMachine* the, xsSlot* host); /* host-firmware.c */
extern void xsHostInstallDtls(xsMachine* the, xsSlot* host);   /* host-dtls.c */
extern void xsHostInstallHttp(xsMachine* the, xsSlot* host);   /* host-http.c */
extern void xsHostInstallCredentials(xsMachine* the, xsSlot* host); /* host-credentials.c */
extern void xsHostInstallHeap(xsMachine* the, xsSlot* host);   /* host-heap.c */
extern void xsHostInstallHash(xsMachine* the, xsSlot* host);   /* host-hash.c */

/* Prepares the storage directory (creates it, drops unfinished writes); exits 2 on failure. */
extern void xsHostStorageOpen(void);

/* Timers (host-timers.c), driven by the loop. */
extern int xsHostTimersPending(void);
/* Monotonic ms at which the earliest timer is due; only valid when xsHostTimersPending(). */
extern double xsHostTimersNextDue(void);
/* Fires the earliest timer if it is due at `now`; returns 1 if one fired. */
extern int xsHostTimersFireDue(xsMachine* the, double now);

/* File descriptors the loop waits on (UDP sockets in later modules). */
typedef struct xsHostWatchRecord xsHostWatch;
struct xsHostWatchRecord {
	xsHostWatch* next;
	int fd;
	short events;  /* poll(2) events */
	/* Called inside xsBeginHost/xsEndHost with the poll(2) revents. */
	void (*ready)(xsMachine* the, xsHostWatch* watch, short revents);
	void* data;
};
extern void xsHostWatchAdd(xsHostWatch* watch);
extern void xsHostWatchRemove(xsHostWatch* watch);

/* Runs promise jobs, then timers and watches until nothing is pending (host-loop.c). */
extern void xsHostRunLoop(xsMachine* the);
extern void xsHostInstallStopSignals(void);
/* Runs queued promise jobs (after the script and after every callback). */
extern void xsHostRunPromiseJobs(xsMachine* the);

#endif /* __TINYUSP_XS_HOST__ */
