/*
 * Host functions: configuration handed to the bundle and the board's restart.
 *   arg(name) -> string | undefined   the value of --arg NAME=VALUE (the last one given wins)
 *   defaultsJson() -> string | undefined
 *                                     the text of --defaults FILE (at most 256 KB); a device
 *                                     compiles its factory defaults in instead
 *   reboot(), factoryReset()          restart the firmware: the runner re-executes itself with
 *                                     the same command line (same pid, same --state), which
 *                                     starts the bundle afresh on the persisted state, as a
 *                                     board does. The data model has already done its part of
 *                                     a factory reset (src/dm), so both restart the same way;
 *                                     the reason goes to stderr. Does not return.
 *                                     Under user-mode emulation (qemu-arm-static) the kernel
 *                                     cannot run the ARM image itself (ENOEXEC without
 *                                     binfmt_misc): with XS_HOST_EMULATOR=<program> in the
 *                                     environment the restart goes through that program.
 *                                     Started from a firmware slot (--arg fw-boot=...), the
 *                                     runner exits 75 instead and the boot loader restarts it.
 */
#include "xs-host.h"
#include <fcntl.h>
#include <sys/stat.h>

#define XS_HOST_MAX_DEFAULTS (256 * 1024)

static void xs_arg(xsMachine* the)
{
	char name[64];
	size_t length;
	int i;
	if (xsToInteger(xsArgc) < 1)
		xsTypeError("arg(name)");
	xsToStringBuffer(xsArg(0), name, sizeof(name));
	length = strlen(name);
	for (i = gxHostOptions.argCount - 1; i >= 0; i--) {
		const char* pair = gxHostOptions.args[i];
		if (!strncmp(pair, name, length) && (pair[length] == '=')) {
			xsResult = xsString(pair + length + 1);
			return;
		}
	}
}

static void xs_defaultsJson(xsMachine* the)
{
	struct stat status;
	size_t done = 0;
	char* text;
	int fd;
	if (!gxHostOptions.defaultsPath)
		return;
	fd = open(gxHostOptions.defaultsPath, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		xsUnknownError("defaults: open %s: %s", gxHostOptions.defaultsPath, strerror(errno));
	if ((fstat(fd, &status) < 0) || (status.st_size > XS_HOST_MAX_DEFAULTS)) {
		close(fd);
		xsRangeError("defaults: unreadable or over %d bytes", XS_HOST_MAX_DEFAULTS);
	}
	xsResult = xsStringBuffer(NULL, (xsIntegerValue)status.st_size);
	while (done < (size_t)status.st_size) {
		ssize_t count = read(fd, xsToString(xsResult) + done, (size_t)status.st_size - done);
		if (count < 0 && errno == EINTR)
			continue;
		if (count <= 0) {
			int error = count ? errno : EIO;
			close(fd);
			xsUnknownError("defaults: read: %s", strerror(error));
		}
		done += (size_t)count;
	}
	close(fd);
	text = xsToString(xsResult);
	text[done] = 0;
	/* XS strings are NUL-terminated: a NUL byte would cut the text short. */
	if (strlen(text) != done)
		xsTypeError("defaults: the file contains a NUL byte");
}

/* Runs `$XS_HOST_EMULATOR <this image> <arguments>`; returns only on failure (errno set). The
 * emulator answers /proc/self/exe with the emulated image's path, as the kernel would. */
static void xsHostRestartEmulated(void)
{
	static char self[4096];
	const char* emulator = getenv("XS_HOST_EMULATOR");
	char** argv;
	ssize_t length = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int i;
	if ((length <= 0) || (length >= (ssize_t)sizeof(self) - 1))
		return;
	self[length] = 0;
	argv = calloc((size_t)gxHostOptions.argc + 2, sizeof(char*));
	if (!argv)
		return;
	argv[0] = (char*)emulator;
	argv[1] = self;
	for (i = 1; i < gxHostOptions.argc; i++)
		argv[i + 1] = gxHostOptions.argv[i];
	execvp(emulator, argv);
	free(argv);
}

static void xsHostRestart(xsMachine* the, const char* reason) XS_FUNCTION_NORETURN;
static void xsHostRestart(xsMachine* the, const char* reason)
{
	int i;
	fprintf(stderr, "[info] xs-host: restarting after %s\n", reason);
	fflush(stdout);
	fflush(stderr);
	/* Started by the boot loader from a firmware slot (--arg fw-boot=...): it starts the boot
	 * slot's build, which may be another image (tools/cli/boot.ts, EXIT_REBOOT). */
	for (i = 0; i < gxHostOptions.argCount; i++)
		if (!strncmp(gxHostOptions.args[i], "fw-boot=", 8))
			exit(75);
	/* Sockets and files are close-on-exec: the new image starts with none. */
	execv("/proc/self/exe", gxHostOptions.argv);
	if ((errno == ENOEXEC) && getenv("XS_HOST_EMULATOR"))
		xsHostRestartEmulated();
	fprintf(stderr, "xs-host: cannot restart: %s\n", strerror(errno));
	xsHostExit(the, XS_HOST_EXIT_EXCEPTION);
}

static void xs_reboot(xsMachine* the)
{
	xsHostRestart(the, "reboot");
}

static void xs_factoryReset(xsMachine* the)
{
	xsHostRestart(the, "factory-reset");
}

void xsHostInstallConfig(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "arg", xs_arg, 1);
	xsHostDefineFunction(the, host, "defaultsJson", xs_defaultsJson, 0);
	xsHostDefineFunction(the, host, "reboot", xs_reboot, 0);
	xsHostDefineFunction(the, host, "factoryReset", xs_factoryReset, 0);
}
