/*
 * Host functions: one-shot timers for the HAL's Timers (hal/hal.ts).
 *   setTimer(delayMs, callback) -> id (integer >= 1)
 *   clearTimer(id)              unknown or already fired ids are ignored
 * Timers fire in order of due time, then of creation, on the monotonic clock. The table is
 * bounded (XS_HOST_MAX_TIMERS): one more throws a RangeError instead of growing.
 */
#include "xs-host.h"
#include <math.h>

#define XS_HOST_MAX_TIMERS 64
#define XS_HOST_MAX_DELAY 2147483647.0

typedef struct {
	xsIntegerValue id;      /* 0: free */
	double due;             /* monotonic ms */
	unsigned long sequence; /* creation order, breaks ties */
	xsSlot callback;        /* a GC root while the timer is armed (xsRemember) */
} xsHostTimer;

static xsHostTimer gxTimers[XS_HOST_MAX_TIMERS];
static int gxTimerCount = 0;
static xsIntegerValue gxLastTimerId = 0;
static unsigned long gxTimerSequence = 0;

static xsHostTimer* xsHostTimerFind(xsIntegerValue id)
{
	int i;
	for (i = 0; i < XS_HOST_MAX_TIMERS; i++) {
		if (gxTimers[i].id && (gxTimers[i].id == id))
			return &gxTimers[i];
	}
	return NULL;
}

/* The armed timer that fires first, or NULL. */
static xsHostTimer* xsHostTimerFirst(void)
{
	xsHostTimer* first = NULL;
	int i;
	for (i = 0; i < XS_HOST_MAX_TIMERS; i++) {
		xsHostTimer* timer = &gxTimers[i];
		if (!timer->id)
			continue;
		if (!first || (timer->due < first->due) || ((timer->due == first->due) && (timer->sequence < first->sequence)))
			first = timer;
	}
	return first;
}

static void xs_setTimer(xsMachine* the)
{
	double delay;
	xsHostTimer* timer = NULL;
	int i;
	if (xsToInteger(xsArgc) < 2)
		xsTypeError("setTimer(delayMs, callback)");
	delay = xsToNumber(xsArg(0));
	if (isnan(delay) || (delay < 0))
		delay = 0;
	if (delay > XS_HOST_MAX_DELAY)
		xsRangeError("timer delay above %.0f ms", XS_HOST_MAX_DELAY);
	if (!xsIsCallable(xsArg(1)))
		xsTypeError("timer callback is not a function");
	for (i = 0; i < XS_HOST_MAX_TIMERS; i++) {
		if (!gxTimers[i].id) {
			timer = &gxTimers[i];
			break;
		}
	}
	if (!timer)
		xsRangeError("too many timers (%d)", XS_HOST_MAX_TIMERS);
	do {
		gxLastTimerId = (gxLastTimerId >= 0x7FFFFFFF) ? 1 : gxLastTimerId + 1;
	} while (xsHostTimerFind(gxLastTimerId));
	timer->id = gxLastTimerId;
	timer->due = xsHostMonotonicMs() + delay;
	timer->sequence = gxTimerSequence++;
	timer->callback = xsArg(1);
	xsRemember(timer->callback);
	gxTimerCount++;
	xsResult = xsInteger(timer->id);
}

static void xsHostTimerDisarm(xsMachine* the, xsHostTimer* timer)
{
	xsForget(timer->callback);
	timer->callback = xsUndefined;
	timer->id = 0;
	gxTimerCount--;
}

static void xs_clearTimer(xsMachine* the)
{
	xsHostTimer* timer;
	if (xsToInteger(xsArgc) < 1)
		return;
	timer = xsHostTimerFind(xsToInteger(xsArg(0)));
	if (timer)
		xsHostTimerDisarm(the, timer);
}

int xsHostTimersPending(void)
{
	return gxTimerCount > 0;
}

double xsHostTimersNextDue(void)
{
	xsHostTimer* timer = xsHostTimerFirst();
	return timer ? timer->due : -1;
}

int xsHostTimersFireDue(xsMachine* machine, double now)
{
	xsHostTimer* timer = xsHostTimerFirst();
	if (!timer || (timer->due > now))
		return 0;
	xsBeginHost(machine);
	{
		xsVars(1);
		/* One-shot: disarm before the call, so the callback may set a new timer in its place. */
		xsVar(0) = timer->callback;
		xsHostTimerDisarm(the, timer);
		xsCallFunction0(xsVar(0), xsUndefined);
	}
	xsEndHost(machine);
	return 1;
}

void xsHostInstallTimers(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "setTimer", xs_setTimer, 2);
	xsHostDefineFunction(the, host, "clearTimer", xs_clearTimer, 1);
}
