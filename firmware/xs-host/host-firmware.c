/*
 * Host functions: the flash of the A/B firmware slots (hal/xs/firmware.ts), as files under
 * DIR/fw (--state DIR), the same files the Node simulator's slots use (hal/host/firmware.ts), so
 * the boot loader (tools/cli/boot.ts) starts either. The slot logic itself is portable JS; these
 * are the file operations it needs, as esp_partition_* would be on the board.
 *   fwRead(name) -> ArrayBuffer | undefined    a small file (at most 64 KB)
 *   fwWrite(name, buffer, offset, length)      atomic: temp file, fsync, rename, fsync(dir)
 *   fwRemove(name)                             absent files are ignored
 *   fwOpen(name)                               start streaming an image into `name` (truncated);
 *                                              one at a time
 *   fwAppend(buffer, offset, length)           append to the open image
 *   fwClose(finalName | undefined)             fsync and close; renamed to finalName (then
 *                                              fsync(dir)), or removed when undefined
 * Names are 1..64 characters of [A-Za-z0-9_-.], not starting with '.'. Without --state every
 * call throws.
 */
#include "xs-host.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

#define XS_HOST_FW_MAX_SMALL (64 * 1024)

static int gxFwImage = -1;

static void xsHostFwPath(xsMachine* the, xsIntegerValue index, char* path)
{
	char name[80];
	size_t i, length;
	if (!gxHostOptions.stateDir)
		xsUnknownError("firmware: the runner has no --state directory");
	if ((xsToInteger(xsArgc) <= index) || (xsTypeOf(xsArg(index)) != xsStringType))
		xsTypeError("firmware: name must be a string");
	xsToStringBuffer(xsArg(index), name, sizeof(name));
	length = strlen(name);
	if (!length || (length > 64) || (name[0] == '.'))
		xsRangeError("firmware: bad file name");
	for (i = 0; i < length; i++) {
		char c = name[i];
		if (!(((c >= 'A') && (c <= 'Z')) || ((c >= 'a') && (c <= 'z')) || ((c >= '0') && (c <= '9')) || (c == '_') || (c == '-') || (c == '.')))
			xsRangeError("firmware: bad file name");
	}
	snprintf(path, PATH_MAX, "%s/fw", gxHostOptions.stateDir);
	if (mkdir(path, 0755) && (errno != EEXIST))
		xsUnknownError("firmware: mkdir %s: %s", path, strerror(errno));
	snprintf(path, PATH_MAX, "%s/fw/%s", gxHostOptions.stateDir, name);
}

static void xsHostFwSyncDir(xsMachine* the)
{
	char path[PATH_MAX];
	int fd;
	snprintf(path, PATH_MAX, "%s/fw", gxHostOptions.stateDir);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		xsUnknownError("firmware: open %s: %s", path, strerror(errno));
	fsync(fd);
	close(fd);
}

/* (buffer, offset, length) arguments starting at `index`. */
static uint8_t* xsHostFwBytes(xsMachine* the, xsIntegerValue index, size_t* length)
{
	xsIntegerValue offset, count, size;
	if ((xsToInteger(xsArgc) < index + 3) || !xsIsInstanceOf(xsArg(index), xsArrayBufferPrototype))
		xsTypeError("firmware: buffer must be an ArrayBuffer");
	offset = xsToInteger(xsArg(index + 1));
	count = xsToInteger(xsArg(index + 2));
	size = xsGetArrayBufferLength(xsArg(index));
	if ((offset < 0) || (count < 0) || (offset > size) || (count > size - offset))
		xsRangeError("firmware: offset/length outside the buffer");
	*length = (size_t)count;
	return (uint8_t*)xsToArrayBuffer(xsArg(index)) + offset;
}

static void xsHostFwWriteAll(xsMachine* the, int fd, const uint8_t* data, size_t length)
{
	while (length) {
		ssize_t n = write(fd, data, length);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			xsUnknownError("firmware: write: %s", strerror(errno));
		data += n;
		length -= (size_t)n;
	}
}

static void xs_fwRead(xsMachine* the)
{
	char path[PATH_MAX];
	struct stat status;
	size_t done = 0;
	int fd;
	xsHostFwPath(the, 0, path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return;
		xsUnknownError("firmware: open %s: %s", path, strerror(errno));
	}
	if ((fstat(fd, &status) < 0) || (status.st_size > XS_HOST_FW_MAX_SMALL)) {
		close(fd);
		xsRangeError("firmware: %s unreadable or over %d bytes", path, XS_HOST_FW_MAX_SMALL);
	}
	xsResult = xsArrayBuffer(NULL, (xsIntegerValue)status.st_size);
	while (done < (size_t)status.st_size) {
		ssize_t n = read(fd, (uint8_t*)xsToArrayBuffer(xsResult) + done, (size_t)status.st_size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			xsUnknownError("firmware: read %s", path);
		}
		done += (size_t)n;
	}
	close(fd);
}

static void xs_fwWrite(xsMachine* the)
{
	char path[PATH_MAX], temp[PATH_MAX + 8];
	size_t length;
	const uint8_t* data;
	int fd;
	xsHostFwPath(the, 0, path);
	data = xsHostFwBytes(the, 1, &length);
	if (length > XS_HOST_FW_MAX_SMALL)
		xsRangeError("firmware: over %d bytes", XS_HOST_FW_MAX_SMALL);
	snprintf(temp, sizeof(temp), "%s.tmp", path);
	fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		xsUnknownError("firmware: open %s: %s", temp, strerror(errno));
	xsHostFwWriteAll(the, fd, data, length);
	if (fsync(fd) < 0) {
		close(fd);
		xsUnknownError("firmware: fsync %s: %s", temp, strerror(errno));
	}
	close(fd);
	if (rename(temp, path) < 0)
		xsUnknownError("firmware: rename %s: %s", temp, strerror(errno));
	xsHostFwSyncDir(the);
}

static void xs_fwRemove(xsMachine* the)
{
	char path[PATH_MAX];
	xsHostFwPath(the, 0, path);
	if (unlink(path) < 0 && errno != ENOENT)
		xsUnknownError("firmware: unlink %s: %s", path, strerror(errno));
	xsHostFwSyncDir(the);
}

static char gxFwImagePath[PATH_MAX];

static void xs_fwOpen(xsMachine* the)
{
	if (gxFwImage >= 0)
		xsUnknownError("firmware: an image is already open");
	xsHostFwPath(the, 0, gxFwImagePath);
	gxFwImage = open(gxFwImagePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (gxFwImage < 0)
		xsUnknownError("firmware: open %s: %s", gxFwImagePath, strerror(errno));
}

static void xs_fwAppend(xsMachine* the)
{
	size_t length;
	const uint8_t* data;
	if (gxFwImage < 0)
		xsUnknownError("firmware: no image open");
	data = xsHostFwBytes(the, 0, &length);
	xsHostFwWriteAll(the, gxFwImage, data, length);
}

static void xs_fwClose(xsMachine* the)
{
	char path[PATH_MAX];
	int fd = gxFwImage;
	if (fd < 0)
		return;
	gxFwImage = -1;
	fsync(fd);
	close(fd);
	if ((xsToInteger(xsArgc) > 0) && (xsTypeOf(xsArg(0)) == xsStringType)) {
		xsHostFwPath(the, 0, path);
		if (rename(gxFwImagePath, path) < 0)
			xsUnknownError("firmware: rename %s: %s", gxFwImagePath, strerror(errno));
	}
	else
		unlink(gxFwImagePath);
	xsHostFwSyncDir(the);
}

void xsHostInstallFirmware(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "fwRead", xs_fwRead, 1);
	xsHostDefineFunction(the, host, "fwWrite", xs_fwWrite, 4);
	xsHostDefineFunction(the, host, "fwRemove", xs_fwRemove, 1);
	xsHostDefineFunction(the, host, "fwOpen", xs_fwOpen, 1);
	xsHostDefineFunction(the, host, "fwAppend", xs_fwAppend, 3);
	xsHostDefineFunction(the, host, "fwClose", xs_fwClose, 1);
}
