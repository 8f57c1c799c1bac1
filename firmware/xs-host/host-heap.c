/*
 * Host function for measurements (benchmarks and tests of what a feature costs in the cap):
 *   heapUsed() -> [bytes, slots, chunks]   the XS heap live after a full collection: heap slots
 *                                          x slot size + chunk bytes (the terms of --stats)
 */
#include "xsAll.h"
#include "xs-host.h"

static void xs_heapUsed(xsMachine* machine)
{
	txMachine* the = (txMachine*)machine;
	double slots, chunks;
	fxCollectGarbage(the);
	slots = (double)the->currentHeapCount;
	chunks = (double)the->currentChunksSize;
	xsVars(1);
	xsResult = xsNewArray(3);
	xsVar(0) = xsNumber((slots * (double)sizeof(txSlot)) + chunks);
	xsSetIndex(xsResult, 0, xsVar(0));
	xsVar(0) = xsNumber(slots);
	xsSetIndex(xsResult, 1, xsVar(0));
	xsVar(0) = xsNumber(chunks);
	xsSetIndex(xsResult, 2, xsVar(0));
}

void xsHostInstallHeap(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "heapUsed", xs_heapUsed, 0);
}
