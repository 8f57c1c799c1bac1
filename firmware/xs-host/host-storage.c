/*
 * Host functions: small key/value records for the HAL's Storage (hal/hal.ts, bound in
 * hal/xs/storage.ts), one file per key under DIR/dm (--state DIR), as the Node simulator keeps
 * them (hal/host/storage.ts), so both read the same state directory.
 *   storageGet(key) -> ArrayBuffer | undefined
 *   storageSet(key, buffer, offset, length)   atomic: temp file, fsync, rename, fsync(dir);
 *                                             after a crash the key holds the old or the new
 *                                             value, never a torn one
 *   storageDelete(key)                        absent keys are ignored
 *   storageKeys() -> string[]                 sorted
 * Keys are escaped into file names: bytes of their UTF-8 outside [A-Za-z0-9._-] (and a leading
 * '.') become %XX. An empty key, a key with NUL, an escaped name over NAME_MAX - 4 bytes or a
 * value over XS_HOST_STORAGE_MAX_VALUE throw; a file whose name is not the escape of its key
 * (not written by us) is not a key. Without --state every call throws.
 */
#include "xs-host.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

#define XS_HOST_STORAGE_MAX_VALUE (1024 * 1024)
#define XS_HOST_STORAGE_MAX_NAME (NAME_MAX - 4)
#define XS_HOST_STORAGE_MAX_KEYS 4096
#define XS_HOST_STORAGE_TMP ".tmp"

static char gxStorageDir[PATH_MAX];

static void xsHostStorageMakeDir(const char* path)
{
	if (mkdir(path, 0755) && (errno != EEXIST)) {
		fprintf(stderr, "xs-host: cannot create %s: %s\n", path, strerror(errno));
		exit(XS_HOST_EXIT_USAGE);
	}
}

static void xsHostStorageSyncPath(const char* path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if ((fd < 0) || (fsync(fd) < 0)) {
		fprintf(stderr, "xs-host: cannot sync %s: %s\n", path, strerror(errno));
		exit(XS_HOST_EXIT_USAGE);
	}
	close(fd);
}

void xsHostStorageOpen(void)
{
	DIR* dir;
	struct dirent* entry;
	char path[PATH_MAX];
	size_t length;
	if (!gxHostOptions.stateDir)
		return;
	if (snprintf(gxStorageDir, sizeof(gxStorageDir), "%s/dm", gxHostOptions.stateDir) >= (int)sizeof(gxStorageDir) - NAME_MAX - 2) {
		fprintf(stderr, "xs-host: --state path too long\n");
		exit(XS_HOST_EXIT_USAGE);
	}
	xsHostStorageMakeDir(gxHostOptions.stateDir);
	xsHostStorageMakeDir(gxStorageDir);
	/* Directories made just now survive a power loss only once their parents are synced. */
	snprintf(path, sizeof(path), "%s/..", gxHostOptions.stateDir);
	xsHostStorageSyncPath(path);
	xsHostStorageSyncPath(gxHostOptions.stateDir);
	xsHostStorageSyncPath(gxStorageDir);
	/* A temp file left by a crash is an unfinished write: the previous value stands. */
	dir = opendir(gxStorageDir);
	if (!dir) {
		fprintf(stderr, "xs-host: cannot open %s: %s\n", gxStorageDir, strerror(errno));
		exit(XS_HOST_EXIT_USAGE);
	}
	while ((entry = readdir(dir))) {
		length = strlen(entry->d_name);
		if ((length > 4) && !strcmp(entry->d_name + length - 4, XS_HOST_STORAGE_TMP)) {
			snprintf(path, sizeof(path), "%s/%s", gxStorageDir, entry->d_name);
			unlink(path);
		}
	}
	closedir(dir);
}

/* Escapes UTF-8 `key` into `name`; returns 0 if the name would be too long. */
static int xsHostStorageEscape(const unsigned char* key, size_t length, char* name)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, n = 0;
	for (i = 0; i < length; i++) {
		unsigned char c = key[i];
		int plain = ((c >= 'A') && (c <= 'Z')) || ((c >= 'a') && (c <= 'z')) || ((c >= '0') && (c <= '9'))
			|| (c == '_') || (c == '-') || ((c == '.') && (i > 0));
		if (n + 3 > XS_HOST_STORAGE_MAX_NAME)
			return 0;
		if (plain)
			name[n++] = (char)c;
		else {
			name[n++] = '%';
			name[n++] = hex[c >> 4];
			name[n++] = hex[c & 15];
		}
	}
	name[n] = 0;
	return 1;
}

/* The file path of the key in argument 0. */
static void xsHostStoragePath(xsMachine* the, char* path, const char* suffix)
{
	char name[XS_HOST_STORAGE_MAX_NAME + 1];
	unsigned char* key;
	size_t length, i;
	if (!gxHostOptions.stateDir)
		xsUnknownError("storage: the runner has no --state directory");
	if ((xsToInteger(xsArgc) < 1) || (xsTypeOf(xsArg(0)) != xsStringType))
		xsTypeError("storage: key must be a string");
	length = xsHostUtf8FromString(xsToString(xsArg(0)), NULL);
	if (!length)
		xsTypeError("storage: empty key");
	if (length > XS_HOST_STORAGE_MAX_NAME)
		xsRangeError("storage: key too long");
	key = malloc(length);
	if (!key)
		xsUnknownError("storage: out of C memory");
	xsHostUtf8FromString(xsToString(xsArg(0)), key);
	for (i = 0; i < length; i++) {
		if (!key[i]) {
			free(key);
			xsTypeError("storage: key contains NUL");
		}
	}
	i = xsHostStorageEscape(key, length, name);
	free(key);
	if (!i)
		xsRangeError("storage: key too long");
	snprintf(path, PATH_MAX, "%s/%s%s", gxStorageDir, name, suffix);
}

static void xsHostStorageSyncDir(xsMachine* the)
{
	int fd = open(gxStorageDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		xsUnknownError("storage: open %s: %s", gxStorageDir, strerror(errno));
	if (fsync(fd) < 0) {
		int error = errno;
		close(fd);
		xsUnknownError("storage: fsync %s: %s", gxStorageDir, strerror(error));
	}
	close(fd);
}

static void xs_storageGet(xsMachine* the)
{
	char path[PATH_MAX];
	struct stat status;
	size_t done = 0;
	int fd;
	xsHostStoragePath(the, path, "");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return;
		xsUnknownError("storage: open: %s", strerror(errno));
	}
	if ((fstat(fd, &status) < 0) || (status.st_size > XS_HOST_STORAGE_MAX_VALUE)) {
		close(fd);
		xsRangeError("storage: record unreadable or over %d bytes", XS_HOST_STORAGE_MAX_VALUE);
	}
	/* If the allocation fails (cap), XS aborts with memory full: the fd leak does not matter. */
	xsResult = xsArrayBuffer(NULL, (xsIntegerValue)status.st_size);
	while (done < (size_t)status.st_size) {
		/* Taken on each pass: nothing between allocation and read runs the collector. */
		ssize_t count = read(fd, (char*)xsToArrayBuffer(xsResult) + done, (size_t)status.st_size - done);
		if (count < 0 && errno == EINTR)
			continue;
		if (count <= 0) {
			int error = count ? errno : EIO;
			close(fd);
			xsUnknownError("storage: read: %s", strerror(error));
		}
		done += (size_t)count;
	}
	close(fd);
}

static void xs_storageSet(xsMachine* the)
{
	char path[PATH_MAX], temporary[PATH_MAX];
	xsIntegerValue offset, length, byteLength;
	size_t done = 0;
	int fd, error = 0;
	xsHostStoragePath(the, path, "");
	xsHostStoragePath(the, temporary, XS_HOST_STORAGE_TMP);
	if ((xsToInteger(xsArgc) < 4) || !xsIsInstanceOf(xsArg(1), xsArrayBufferPrototype))
		xsTypeError("storageSet(key, buffer, offset, length): buffer must be an ArrayBuffer");
	byteLength = xsGetArrayBufferLength(xsArg(1));
	offset = xsToInteger(xsArg(2));
	length = xsToInteger(xsArg(3));
	if ((offset < 0) || (length < 0) || (offset > byteLength) || (length > byteLength - offset))
		xsRangeError("storageSet: offset/length outside the buffer");
	if (length > XS_HOST_STORAGE_MAX_VALUE)
		xsRangeError("storageSet: value over %d bytes", XS_HOST_STORAGE_MAX_VALUE);
	fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		xsUnknownError("storage: create: %s", strerror(errno));
	while (done < (size_t)length) {
		ssize_t count = write(fd, (const char*)xsToArrayBuffer(xsArg(1)) + offset + done, (size_t)length - done);
		if (count < 0 && errno == EINTR)
			continue;
		if (count <= 0) {
			error = count ? errno : EIO;
			break;
		}
		done += (size_t)count;
	}
	if (!error && (fsync(fd) < 0))
		error = errno;
	if ((close(fd) < 0) && !error)
		error = errno;
	if (!error && (rename(temporary, path) < 0))
		error = errno;
	if (error) {
		unlink(temporary);
		xsUnknownError("storage: write: %s", strerror(error));
	}
	xsHostStorageSyncDir(the);
}

static void xs_storageDelete(xsMachine* the)
{
	char path[PATH_MAX];
	xsHostStoragePath(the, path, "");
	if (unlink(path) < 0) {
		if (errno == ENOENT)
			return;
		xsUnknownError("storage: delete: %s", strerror(errno));
	}
	xsHostStorageSyncDir(the);
}

static int xsHostHexDigit(char c)
{
	if ((c >= '0') && (c <= '9')) return c - '0';
	if ((c >= 'A') && (c <= 'F')) return c - 'A' + 10;
	return -1;
}

/* Unescapes `name` into `key` (NUL-terminated); returns 0 unless escaping `key` gives `name`. */
static int xsHostStorageUnescape(const char* name, char* key)
{
	char again[XS_HOST_STORAGE_MAX_NAME + 1];
	size_t n = 0;
	const char* p = name;
	while (*p) {
		if (*p == '%') {
			int high = xsHostHexDigit(p[1]), low = (high < 0) ? -1 : xsHostHexDigit(p[2]);
			if ((low < 0) || !((high << 4) | low))
				return 0;
			key[n++] = (char)((high << 4) | low);
			p += 3;
		}
		else
			key[n++] = *p++;
	}
	key[n] = 0;
	return n && xsHostStorageEscape((const unsigned char*)key, n, again) && !strcmp(again, name);
}

static int xsHostStorageCompare(const void* a, const void* b)
{
	return strcmp(*(char* const*)a, *(char* const*)b);
}

static void xs_storageKeys(xsMachine* the)
{
	char** keys;
	int count = 0, i;
	DIR* dir;
	struct dirent* entry;
	char key[XS_HOST_STORAGE_MAX_NAME + 1];
	if (!gxHostOptions.stateDir)
		xsUnknownError("storage: the runner has no --state directory");
	dir = opendir(gxStorageDir);
	if (!dir)
		xsUnknownError("storage: open %s: %s", gxStorageDir, strerror(errno));
	keys = malloc(sizeof(char*) * XS_HOST_STORAGE_MAX_KEYS);
	if (!keys) {
		closedir(dir);
		xsUnknownError("storage: out of C memory");
	}
	while ((entry = readdir(dir)) && (count < XS_HOST_STORAGE_MAX_KEYS)) {
		size_t length = strlen(entry->d_name);
		if ((length > XS_HOST_STORAGE_MAX_NAME) || ((length > 4) && !strcmp(entry->d_name + length - 4, XS_HOST_STORAGE_TMP)))
			continue; /* a write in progress, or not ours */
		if (!xsHostStorageUnescape(entry->d_name, key))
			continue;
		keys[count] = strdup(key);
		if (keys[count])
			count++;
	}
	closedir(dir);
	qsort(keys, (size_t)count, sizeof(char*), xsHostStorageCompare);
	xsResult = xsNewArray(0);
	/* Strings are copied into the machine before the C copies are freed, even if XS aborts. */
	for (i = 0; i < count; i++)
		xsSetAt(xsResult, xsInteger(i), xsString(keys[i]));
	for (i = 0; i < count; i++)
		free(keys[i]);
	free(keys);
}

void xsHostInstallStorage(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "storageGet", xs_storageGet, 1);
	xsHostDefineFunction(the, host, "storageSet", xs_storageSet, 4);
	xsHostDefineFunction(the, host, "storageDelete", xs_storageDelete, 1);
	xsHostDefineFunction(the, host, "storageKeys", xs_storageKeys, 0);
}
