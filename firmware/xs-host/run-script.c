/*
 * Script mode of the XS runner (build/xs-host/xs-host): a fresh machine with every builtin in
 * RAM runs one esbuild iife bundle as a script. The engine tests use it for small programs that
 * are not worth a preload build (firmware/xs-host/build.mjs links it into xs-host).
 */
#include "xsAll.h"
#include "xsScript.h"
#include "xs-host.h"

const char* const gxHostProgramUsage = "BUNDLE.js";
const int gxHostTakesBundle = 1;

/* Parse errors of the bundle go to stderr as "path:line: error: message". */
static void xsHostReportParseError(void* console, txString path, txInteger line, txString format, c_va_list arguments)
{
	fprintf(stderr, "%s:%d: error: ", path ? path : "bundle", (int)line);
	vfprintf(stderr, format, arguments);
	fputc('\n', stderr);
}

/* fxParseScript (xsPlatforms.c) with the bundle's path and an error reporter. */
static txScript* xsHostParseBundle(txMachine* the, FILE* file, const char* path)
{
	txParser _parser;
	txParser* parser = &_parser;
	txParserJump jump;
	txScript* script = C_NULL;
	fxInitializeParser(parser, the, the->parserBufferSize, the->parserTableModulo);
	parser->firstJump = &jump;
	parser->reportError = xsHostReportParseError;
	if (c_setjmp(jump.jmp_buf) == 0) {
		parser->path = fxNewParserSymbol(parser, (txString)path);
		/* A script, sloppy unless the bundle says "use strict": esbuild iife output. */
		fxParserTree(parser, file, (txGetter)fgetc, mxProgramFlag, C_NULL);
		fxParserHoist(parser);
		fxParserBind(parser);
		script = fxParserCode(parser);
	}
	fxTerminateParser(parser);
	return script;
}

extern void fxRemapIDs(txMachine* the, txByte* codeBuffer, txSize codeSize, txID* theIDs);

/* Turns the opcodes that copy function bodies and string literals into chunks into their
 * "archive" forms, which point into the byte code instead (what a preloaded device image uses).
 * The walk steps over instructions as fxRemapIDs (xsRun.c) does. */
static void xsHostArchiveOpcodes(txByte* code, txSize size)
{
	txByte* p = code;
	txByte* q = code + size;
	while (p < q) {
		txU1 opcode = *((txU1*)p);
		txS1 offset;
		if (XS_CODE_EXTENDED == opcode) { /* an op from 256 on, then its byte (patch 0015) */
			p++;
			offset = gxCodeSizes[XS_CODE_EXTENDED_FIRST + *((txU1*)p)];
			opcode = XS_NO_CODE;
		}
		else
			offset = gxCodeSizes[opcode];
		switch (opcode) {
		case XS_CODE_CODE_1: *p = XS_CODE_CODE_ARCHIVE_1; break;
		case XS_CODE_CODE_2: *p = XS_CODE_CODE_ARCHIVE_2; break;
		case XS_CODE_CODE_4: *p = XS_CODE_CODE_ARCHIVE_4; break;
		case XS_CODE_STRING_1: *p = XS_CODE_STRING_ARCHIVE_1; break;
		case XS_CODE_STRING_2: *p = XS_CODE_STRING_ARCHIVE_2; break;
		case XS_CODE_STRING_4: *p = XS_CODE_STRING_ARCHIVE_4; break;
		default: break;
		}
		if (0 < offset)
			p += offset;
		else if (0 == offset)
			p += 1 + sizeof(txID);
		else if (mxCodeSizeIDByte == offset) /* an ID then a byte (patch 0012's fused ops) */
			p += 2 + sizeof(txID);
		else if (-1 == offset) {
			txU1 index = *((txU1*)(p + 1));
			p += 2 + index;
		}
		else if (-2 == offset) {
			txU2 index;
			p++;
			mxDecode2(p, index);
			p += index;
		}
		else {
			txS4 index;
			p++;
			mxDecode4(p, index);
			p += index;
		}
	}
}

/*
 * Keeps the bundle's byte code out of the capped heap, as on a device where the compiled bundle
 * sits in flash: its symbols become keys once, then the code is archived in place and kept
 * (outside the cap) for the life of the machine. fxRunScript then neither remaps nor frees it.
 */
static void xsHostPrepareBundle(txMachine* the, txScript* script)
{
	txByte* p = script->symbolsBuffer;
	txID count, i;
	txID* ids;
	if (!p)
		return;
	mxDecodeID(p, count);
	ids = c_malloc((size_t)count * sizeof(txID));
	if (!ids) {
		fprintf(stderr, "xs-host: out of C memory preparing the bundle\n");
		xsHostExit(the, XS_HOST_EXIT_MEMORY);
	}
	ids[0] = XS_NO_ID;
	for (i = 1; i < count; i++) {
		ids[i] = fxNewNameC(the, (txString)p);
		p += mxStringLength((char*)p) + 1;
	}
	fxRemapIDs(the, script->codeBuffer, script->codeSize, ids);
	c_free(ids);
	c_free(script->symbolsBuffer);
	script->symbolsBuffer = C_NULL;
	script->symbolsSize = 0;
	xsHostArchiveOpcodes(script->codeBuffer, script->codeSize);
}

static void xsHostRunProgram(txMachine* the, const char* path)
{
	txSlot* realm = mxProgram.value.reference->next->value.module.realm;
	txScript* script;
	FILE* file = fopen(path, "r");
	if (!file) {
		fprintf(stderr, "xs-host: cannot open bundle %s\n", path);
		xsHostExit(the, XS_HOST_EXIT_USAGE);
	}
	script = xsHostParseBundle(the, file, path);
	fclose(file);
	if (!script) {
		fprintf(stderr, "xs-host: syntax error in %s\n", path);
		xsHostExit(the, XS_HOST_EXIT_EXCEPTION);
	}
	xsHostPrepareBundle(the, script);
	fxRunScript(the, script, mxRealmGlobal(realm), C_NULL, mxRealmClosures(realm)->value.reference, C_NULL, mxProgram.value.reference);
	mxPullSlot(mxResult);
}

xsMachine* xsHostCreateMachine(xsCreation* creation)
{
	return xsCreateMachine(creation, "tinyusp", C_NULL);
}

void xsHostStartProgram(xsMachine* machine)
{
	xsHostRunProgram((txMachine*)machine, gxHostOptions.bundlePath);
}
