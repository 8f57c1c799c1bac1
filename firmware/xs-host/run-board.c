/*
 * Board mode of the XS runner (build/xs-host/<arch>/xs-<board>): the machine is prepared from
 * the board's modules, compiled by xsc and preloaded by xsl into mc.xs.c (build.mjs), as on a
 * Moddable device: byte code, builtins and frozen tables are read-only data ("flash"), and the
 * capped heap starts nearly empty. The board entry (boards/<board>/main.ts) is the module
 * "main"; its body ran at link time, so the runner only calls its exported start().
 */
#include "xsAll.h"
#include "xs-host.h"
#include "mc.xs.h"

const char* const gxHostProgramUsage = "(the board's modules are preloaded)";
const int gxHostTakesBundle = 0;

xsMachine* xsHostCreateMachine(xsCreation* creation)
{
	/* NULL when the preparation comes from another XS version than the engine's. */
	return fxPrepareMachine(creation, xsPreparation(), "tinyusp", C_NULL, C_NULL);
}

void xsHostStartProgram(xsMachine* the)
{
	/* The host frame of main() has its variables already: the namespace goes in xsResult. */
	xsResult = xsAwaitImport("main", XS_IMPORT_NAMESPACE);
	xsCall0(xsResult, xsID("start"));
	xsResult = xsUndefined;
}
