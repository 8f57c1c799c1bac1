/*
 * Host function for measurements (benchmarks and tests of what a feature costs in the cap):
 *   heapUsed() -> [bytes, slots, chunks]   the XS heap live after a full collection: heap slots
 *                                          x slot size + chunk bytes (the terms of --stats)
 * and xsHostCensus(), the live slots and chunk bytes by slot kind (the SIGUSR1 mark of xs-host.c
 * prints it when XS_HOST_CENSUS is set)
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

/* With XS_HOST_CENSUS set in the environment, each mark also prints "xs-host census:" the live
 * slots and their chunk bytes by slot kind (k<kind>=slots/bytes, kinds of xsAll.h), to attribute
 * RAM (it showed the byte code that closures copied into the chunk heap: patch 0004). */
static long xsHostChunkSize(txMachine* the, void* data)
{
	txBlock* block = the->firstBlock;
	if (!data) return 0;
	while (block) {
		txByte* start = ((txByte*)block) + sizeof(txBlock);
		if (((txByte*)data > start) && ((txByte*)data < block->current))
			return (long)(((txChunk*)(((txByte*)data) - sizeof(txChunk)))->size);
		block = block->nextBlock;
	}
	return 0;
}

void xsHostCensus(xsMachine* machine)
{
	txMachine* the = (txMachine*)machine;
	long slots[64], chunks[64];
	txSlot* heap = the->firstHeap;
	txSlot* slot;
	int i;
	c_memset(slots, 0, sizeof(slots));
	c_memset(chunks, 0, sizeof(chunks));
	while (heap) {
		txSlot* limit = heap->value.reference;
		for (slot = heap + 1; slot < limit; slot++) {
			int k = slot->kind + 1;
			void* data = C_NULL;
			if (k < 0 || k >= 64) k = 63;
			slots[k]++;
			switch (slot->kind) {
			case XS_STRING_KIND: data = slot->value.string; break;
			case XS_ARRAY_KIND: data = slot->value.array.address; break;
			case XS_ARRAY_BUFFER_KIND: data = slot->value.arrayBuffer.address; break;
			case XS_CODE_KIND: data = slot->value.code.address; break;
			case XS_MAP_KIND: case XS_SET_KIND: case XS_WEAK_MAP_KIND: case XS_WEAK_SET_KIND: data = slot->value.table.address; break;
			case XS_KEY_KIND: data = slot->value.key.string; break;
			case XS_STACK_KIND: data = slot->value.stack.address; break;
			default: break;
			}
			chunks[k] += xsHostChunkSize(the, data);
		}
		heap = heap->next;
	}
	for (slot = the->freeHeap; slot; slot = slot->next)
		slots[XS_UNDEFINED_KIND + 1]--;
	fprintf(stderr, "xs-host census:");
	for (i = 0; i < 64; i++)
		if (slots[i] || chunks[i])
			fprintf(stderr, " k%d=%ld/%ld", i - 1, slots[i], chunks[i]);
	fprintf(stderr, "\n");
}
