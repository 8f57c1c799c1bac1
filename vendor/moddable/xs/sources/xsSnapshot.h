/*
 * Copyright (c) 2016-2018  Moddable Tech, Inc.
 *
 *   This file is part of the Moddable SDK Runtime.
 * 
 *   The Moddable SDK Runtime is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU Lesser General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 * 
 *   The Moddable SDK Runtime is distributed in the hope that it will be useful,
 *   but WITHOUT ANY WARRANTY; without even the implied warranty of
 *   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 *   GNU Lesser General Public License for more details.
 * 
 *   You should have received a copy of the GNU Lesser General Public License
 *   along with the Moddable SDK Runtime.  If not, see <http://www.gnu.org/licenses/>.
 *
 */

#include "xsAll.h"
#include "xsScript.h"

typedef struct sxProjection txProjection;
typedef struct sxSnapshot txSnapshot;

struct sxProjection {
	txProjection* nextProjection;
	txSlot* heap;
	txSlot* limit;
	size_t indexes[1];
};

struct sxSnapshot {
	char* signature;
	int signatureLength;
	txCallback* callbacks;
	int callbacksLength;
	int (*read)(void* stream, void* address, size_t size);
	int (*write)(void* stream, void* address, size_t size);
	void* stream;
	int error;
	txByte* firstChunk;
	txProjection* firstProjection;
	txSlot* firstSlot;
	txSize slotSize;
	txSlot** slots;
	int (*patch)(txMachine*, int version);
};

extern txMachine* fxReadSnapshot(txSnapshot* snapshot, txString theName, void* theContext);
extern int fxWriteSnapshot(txMachine* the, txSnapshot* snapshot);
