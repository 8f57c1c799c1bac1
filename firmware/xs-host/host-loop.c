/*
 * The runner's event loop: after the script, run promise jobs, then fire timers and dispatch
 * readable file descriptors (xsHostWatch, used by socket modules) until nothing is pending.
 * Every callback runs in its own host frame followed by the promise jobs it queued, so a
 * timer callback's awaits settle before the next timer fires (like a JS event loop tick).
 */
#include "xsAll.h"
#include "xs-host.h"
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <poll.h>
#include <signal.h>

/* SIGTERM/SIGINT end the loop between callbacks (so --stats is printed and the exit is 0). */
static volatile sig_atomic_t gxStopRequested = 0;
/* SIGUSR1 (with --stats): print the peaks since the last mark and start new ones (npm run
 * footprint marks each scenario step so, to tell which one sets the high-water mark). */
static volatile sig_atomic_t gxMarkRequested = 0;

static void xsHostOnStopSignal(int signal)
{
	gxStopRequested = 1;
}

static void xsHostOnMarkSignal(int signal)
{
	gxMarkRequested = 1;
}

/* poll(2) set size: the board has a handful of sockets at most. */
#define XS_HOST_MAX_WATCHES 32

static xsHostWatch* gxFirstWatch = C_NULL;

void xsHostWatchAdd(xsHostWatch* watch)
{
	watch->next = gxFirstWatch;
	gxFirstWatch = watch;
}

void xsHostWatchRemove(xsHostWatch* watch)
{
	xsHostWatch** address = &gxFirstWatch;
	while (*address) {
		if (*address == watch) {
			*address = watch->next;
			watch->next = C_NULL;
			return;
		}
		address = &((*address)->next);
	}
}

/* Waits for the watches or the next timer; dispatches at most one ready watch per pass. */
static void xsHostWait(xsMachine* the, int timeoutMs)
{
	struct pollfd fds[XS_HOST_MAX_WATCHES];
	xsHostWatch* watches[XS_HOST_MAX_WATCHES];
	xsHostWatch* watch;
	int count = 0, ready, i;
	for (watch = gxFirstWatch; watch && (count < XS_HOST_MAX_WATCHES); watch = watch->next) {
		fds[count].fd = watch->fd;
		fds[count].events = watch->events;
		fds[count].revents = 0;
		watches[count] = watch;
		count++;
	}
	ready = poll(fds, (nfds_t)count, timeoutMs);
	if (ready <= 0)
		return;
	for (i = 0; i < count; i++) {
		if (fds[i].revents) {
			watch = watches[i];
			xsBeginHost(the);
			(*watch->ready)(the, watch, fds[i].revents);
			xsEndHost(the);
			xsHostRunPromiseJobs(the);
			/* The callback may have removed watches: poll again rather than use stale ones. */
			return;
		}
	}
}

/* Installed before the script runs: a signal that arrives while it is still being evaluated
 * must end the run the same way, not kill the process. */
void xsHostInstallStopSignals(void)
{
	struct sigaction action;
	c_memset(&action, 0, sizeof(action));
	action.sa_handler = xsHostOnStopSignal; /* no SA_RESTART: poll(2) returns EINTR */
	sigemptyset(&action.sa_mask);
	sigaction(SIGTERM, &action, NULL);
	sigaction(SIGINT, &action, NULL);
	action.sa_handler = xsHostOnMarkSignal;
	sigaction(SIGUSR1, &action, NULL);
#ifdef __linux__
	/* The process that started the runner (tinyusp agent, the OTA boot loader) is its board:
	 * when it dies, even by SIGKILL, the runner stops too, so no orphan keeps serving an old
	 * model from RAM beside the agent restarted on the same --state (issue 12). */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
}

void xsHostRunLoop(xsMachine* machine)
{
	txMachine* the = (txMachine*)machine;
	for (;;) {
		double now, due;
		int timeoutMs = -1;
		xsHostRunPromiseJobs(the);
		if (gxMarkRequested) {
			gxMarkRequested = 0;
			xsHostStatsMark(the);
		}
		if (gxStopRequested || (!xsHostTimersPending() && !gxFirstWatch))
			break;
		now = xsHostMonotonicMs();
		if (xsHostTimersPending()) {
			if (xsHostTimersFireDue(the, now)) {
				xsHostRunPromiseJobs(the);
				/* Look at the sockets (without waiting) before the next timer: a callback that
				 * re-arms a 0 ms timer must not starve them, as in a JS event loop. */
				timeoutMs = 0;
			}
			else {
				due = xsHostTimersNextDue() - now;
				timeoutMs = (due <= 0) ? 0 : (due >= 2147483647.0) ? 2147483647 : (int)ceil(due);
			}
		}
		xsHostWait(the, timeoutMs);
	}
}
