/*
 * XS platform glue of the tinyusp XS runner: what XS asks of a platform (allocation, aborts,
 * promise-job queueing), for a machine with a fixed memory cap.
 *
 * The cap is real because the machine is created with zero increments (xs-host.c): XS then
 * allocates its chunk block, heap slots and stack once, through the functions below, and
 * aborts with XS_NOT_ENOUGH_MEMORY_EXIT instead of growing (xsMemory.c fxGrowChunks and
 * fxNewSlot). Key and name tables and parser buffers are allocated outside the cap; on a
 * device the byte code and builtins are preloaded into flash, so they are not counted either.
 */
#define _GNU_SOURCE 1 /* pthread_getattr_np */
#include "xsAll.h"
#include "xs-host.h"

void fxCreateMachinePlatform(txMachine* the)
{
	the->host = C_NULL;
	the->promiseJobs = 0;
}

void fxDeleteMachinePlatform(txMachine* the)
{
}

void* fxAllocateChunks(txMachine* the, txSize size)
{
	/* Called once, for the initial chunk block: growth aborts before reaching here. */
	return c_malloc(size);
}

void fxFreeChunks(txMachine* the, void* theChunks)
{
	c_free(theChunks);
}

txSlot* fxAllocateSlots(txMachine* the, txSize theCount)
{
	/* Called once for the JS stack and once for the heap: growth aborts before reaching here. */
	return (txSlot*)c_malloc((size_t)theCount * sizeof(txSlot));
}

void fxFreeSlots(txMachine* the, void* theSlots)
{
	c_free(theSlots);
}

void fxQueuePromiseJobs(txMachine* the)
{
	the->promiseJobs = 1;
}

void xsHostRunPromiseJobs(xsMachine* machine)
{
	txMachine* the = (txMachine*)machine;
	for (;;) {
		while (the->promiseJobs) {
			the->promiseJobs = 0;
			fxRunPromiseJobs(the);
		}
		fxEndJob(the);
		if (!the->promiseJobs)
			break;
	}
	/* Like Node: a rejection still unhandled once the jobs have drained ends the run (exit 1). */
	fxCheckUnhandledRejections(the, 1);
}

void fxAbort(txMachine* the, int status)
{
	switch (status) {
	case XS_NOT_ENOUGH_MEMORY_EXIT:
		fprintf(stderr, "xs-host: memory full (cap: chunks=%d, slots=%d, stack=%d)\n",
			(int)gxHostOptions.chunks, (int)gxHostOptions.slots, (int)gxHostOptions.stack);
		xsHostExit(the, XS_HOST_EXIT_MEMORY);
	case XS_JAVASCRIPT_STACK_OVERFLOW_EXIT:
		fprintf(stderr, "xs-host: stack overflow (cap: stack=%d)\n", (int)gxHostOptions.stack);
		xsHostExit(the, XS_HOST_EXIT_MEMORY);
	case XS_NATIVE_STACK_OVERFLOW_EXIT:
		fprintf(stderr, "xs-host: native stack overflow\n");
		xsHostExit(the, XS_HOST_EXIT_MEMORY);
	case XS_NO_MORE_KEYS_EXIT:
		fprintf(stderr, "xs-host: out of keys (cap: keys=%d)\n", (int)gxHostOptions.keys);
		xsHostExit(the, XS_HOST_EXIT_MEMORY);
	case XS_UNHANDLED_EXCEPTION_EXIT:
		xsHostUncaught(the, "uncaught exception", &mxException);
	case XS_UNHANDLED_REJECTION_EXIT:
		xsHostUncaught(the, "unhandled promise rejection", &mxException);
	default:
		fprintf(stderr, "xs-host: abort (XS status %d)\n", status);
		xsHostExit(the, XS_HOST_EXIT_EXCEPTION);
	}
}

/*
 * The C stack limit XS checks against (as xsCommon.c's Linux default: 128 KB above the bottom
 * of the main thread's stack), computed once: the runner has one thread and its stack does not
 * move, while the default re-reads /proc/self/maps at every RegExp compile.
 */
char* fxCStackLimit()
{
	static char* limit = C_NULL;
	static int known = 0;
	if (!known) {
		pthread_attr_t attrs;
		pthread_attr_init(&attrs);
		if (pthread_getattr_np(pthread_self(), &attrs) == 0) {
			void* stackAddr;
			size_t stackSize;
			if (pthread_attr_getstack(&attrs, &stackAddr, &stackSize) == 0)
				limit = (char*)stackAddr + (128 * 1024);
		}
		pthread_attr_destroy(&attrs);
		known = 1;
	}
	return limit;
}
