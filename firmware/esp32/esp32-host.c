/*
 * ESP-IDF specific: the tinyusp host object on a Moddable ESP32 build (firmware/esp32/README.md).
 * xs_tinyusp_install_host() (called by main.js) builds the frozen global __tinyusp_host with the
 * same names as the Linux runner (firmware/xs-host/xs-host.c, hal/xs/host.ts):
 *   shared files   host-text.c (UTF-8), host-timers.c (timers), host-udp.c (UDP over lwIP's BSD
 *                  sockets), driven by esp32-loop.c
 *   this file      print, log, monotonicMs (esp_timer), wallTimeMs (settimeofday by SNTP),
 *                  randomBytes (esp_fill_random: the hardware RNG), exit/reboot/factoryReset
 *                  (esp_restart), arg (none on a board), defaultsJson (none: compiled in)
 *   esp32-storage-nvs.c   storageGet/Set/Delete/Keys over NVS
 *   esp32-ota.c           the A/B firmware slots over esp_ota_* with rollback confirmation
 * Not compiled here (no ESP-IDF, no Xtensa compiler): written against ESP-IDF 5.x and the
 * Moddable SDK 8.2.3 APIs, checked by nothing but reading.
 */
#include "xsmc.h"
#include "xsHost.h"
#include "xs-host.h"
#include <stdio.h>
#include <sys/time.h>
#include "esp_random.h"
#include "esp_system.h"
#include "esp_timer.h"

/* The two install functions of this folder besides the shared ones of xs-host.h. */
extern void xsHostInstallFirmware(xsMachine* the, xsSlot* host); /* esp32-ota.c */
extern void xsHostLoopStart(xsMachine* the);                      /* esp32-loop.c */

#define TINYUSP_MAX_RANDOM 65536
/* 2020-01-01T00:00:00Z: an earlier wall clock has not been set by SNTP yet. */
#define TINYUSP_WALL_CLOCK_KNOWN_MS 1577836800000.0

double xsHostMonotonicMs(void)
{
	return (double)esp_timer_get_time() / 1000.0;
}

void xsHostDefineFunction(xsMachine* the, xsSlot* object, const char* name, xsCallback callback, xsIntegerValue length)
{
	xsDefine(*object, xsID((char*)name), xsNewHostFunction(callback, length), xsDontDelete | xsDontSet | xsDontEnum);
}

static void xs_print(xsMachine* the)
{
	printf("%s\n", (xsToInteger(xsArgc) > 0) ? xsToString(xsArg(0)) : "");
}

static void xs_log(xsMachine* the)
{
	if (xsToInteger(xsArgc) < 2)
		xsTypeError("log(level, text)");
	printf("[%s] %s\n", xsToString(xsArg(0)), xsToString(xsArg(1)));
}

static void xs_monotonicMs(xsMachine* the)
{
	xsResult = xsNumber(xsHostMonotonicMs());
}

static void xs_wallTimeMs(xsMachine* the)
{
	struct timeval now;
	double ms;
	gettimeofday(&now, NULL);
	ms = ((double)now.tv_sec * 1000.0) + ((double)now.tv_usec / 1000.0);
	if (ms >= TINYUSP_WALL_CLOCK_KNOWN_MS)
		xsResult = xsNumber(ms);
}

static void xs_randomBytes(xsMachine* the)
{
	xsIntegerValue length = (xsToInteger(xsArgc) > 0) ? xsToInteger(xsArg(0)) : -1;
	if ((length < 0) || (length > TINYUSP_MAX_RANDOM))
		xsRangeError("randomBytes length must be 0..%d", TINYUSP_MAX_RANDOM);
	xsResult = xsArrayBuffer(NULL, length);
	/* esp_fill_random: the hardware RNG (true random with RF or the bootloader's entropy on). */
	esp_fill_random(xsToArrayBuffer(xsResult), (size_t)length);
}

/* A board does not exit: exit(), reboot() and factoryReset() restart the firmware (the data
 * model wiped its own records before factoryReset(), as on Linux). */
static void xs_restart(xsMachine* the)
{
	fflush(stdout);
	esp_restart();
}

static void xs_arg(xsMachine* the)
{
	/* No command line on a board: every setting comes from the compiled-in defaults. */
}

void xs_tinyusp_install_host(xsMachine* the)
{
	xsVars(2);
	xsVar(0) = xsNewObject();
	xsHostDefineFunction(the, &xsVar(0), "print", xs_print, 1);
	xsHostDefineFunction(the, &xsVar(0), "log", xs_log, 2);
	xsHostDefineFunction(the, &xsVar(0), "monotonicMs", xs_monotonicMs, 0);
	xsHostDefineFunction(the, &xsVar(0), "wallTimeMs", xs_wallTimeMs, 0);
	xsHostDefineFunction(the, &xsVar(0), "randomBytes", xs_randomBytes, 1);
	xsHostDefineFunction(the, &xsVar(0), "exit", xs_restart, 1);
	xsHostDefineFunction(the, &xsVar(0), "reboot", xs_restart, 0);
	xsHostDefineFunction(the, &xsVar(0), "factoryReset", xs_restart, 0);
	xsHostDefineFunction(the, &xsVar(0), "arg", xs_arg, 1);
	xsHostDefineFunction(the, &xsVar(0), "defaultsJson", xs_arg, 0);
	xsHostInstallText(the, &xsVar(0));
	xsHostInstallTimers(the, &xsVar(0));
	xsHostInstallUdp(the, &xsVar(0));
	xsHostInstallStorage(the, &xsVar(0));   /* esp32-storage-nvs.c */
	xsHostInstallFirmware(the, &xsVar(0));  /* esp32-ota.c */
	xsVar(1) = xsGet(xsGlobal, xsID("Object"));
	xsCall1(xsVar(1), xsID("freeze"), xsVar(0));
	xsDefine(xsGlobal, xsID("__tinyusp_host"), xsVar(0), xsDontDelete | xsDontSet | xsDontEnum);
	xsHostLoopStart(the); /* esp32-loop.c: timers and sockets from a Moddable timer */
}
