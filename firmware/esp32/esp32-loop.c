/*
 * ESP-IDF specific: the event loop of the shared host modules (firmware/xs-host/xs-host.h:
 * xsHostWatch for sockets, host-timers.c for timers) on a Moddable ESP32 build. The Linux runner
 * blocks in poll(2) (host-loop.c); on the board Moddable owns the main task, so a Moddable timer
 * ticks every TINYUSP_TICK_MS, polls the UDP sockets with select() and a zero timeout (lwIP's
 * BSD sockets) and fires the due timers. Moddable runs promise jobs itself after each callback.
 * Not compiled here (no ESP-IDF): see README.md.
 */
#include "xsmc.h"
#include "xsHost.h"
#include "modTimer.h"
#include "xs-host.h"
#include <sys/select.h>

#define TINYUSP_TICK_MS 10

static xsHostWatch* gxWatches = NULL;
static xsMachine* gxLoopMachine = NULL;

void xsHostWatchAdd(xsHostWatch* watch)
{
	watch->next = gxWatches;
	gxWatches = watch;
}

void xsHostWatchRemove(xsHostWatch* watch)
{
	xsHostWatch** link = &gxWatches;
	while (*link) {
		if (*link == watch) {
			*link = watch->next;
			return;
		}
		link = &(*link)->next;
	}
}

static void tinyuspTick(modTimer timer, void* refcon, int refconSize)
{
	xsMachine* the = gxLoopMachine;
	fd_set readable;
	struct timeval zero = { 0, 0 };
	xsHostWatch* watch;
	int top = -1;
	FD_ZERO(&readable);
	for (watch = gxWatches; watch; watch = watch->next) {
		FD_SET(watch->fd, &readable);
		if (watch->fd > top)
			top = watch->fd;
	}
	xsBeginHost(the);
	{
		if ((top >= 0) && (select(top + 1, &readable, NULL, NULL, &zero) > 0)) {
			xsHostWatch* next;
			for (watch = gxWatches; watch; watch = next) {
				next = watch->next; /* a callback may close its socket */
				if (FD_ISSET(watch->fd, &readable))
					(*watch->ready)(the, watch, POLLIN);
			}
		}
		while (xsHostTimersPending() && xsHostTimersFireDue(the, xsHostMonotonicMs()))
			;
	}
	xsEndHost(the);
}

void xsHostLoopStart(xsMachine* the)
{
	gxLoopMachine = the;
	modTimerAdd(TINYUSP_TICK_MS, TINYUSP_TICK_MS, tinyuspTick, NULL, 0);
}
