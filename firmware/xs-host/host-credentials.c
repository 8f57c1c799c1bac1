/*
 * Host function: the board's DTLS credentials (issue 11), for the agent's DTLS contexts.
 *   credential(name) -> ArrayBuffer | undefined
 *                       name "cert", "key" or "ca": the bytes of the file given with --cert,
 *                       --key or --ca (PEM; at most XS_HOST_MAX_CREDENTIAL bytes), undefined
 *                       when the option was not given. A device reads them from its flash.
 * The bytes pass through the XS heap only until the DTLS context has parsed them into its own
 * C heap (firmware/dtls).
 */
#include "xs-host.h"
#include <fcntl.h>
#include <sys/stat.h>

#define XS_HOST_MAX_CREDENTIAL (64 * 1024)

const char* const gxHostCredentialNames[XS_HOST_CREDENTIALS] = { "cert", "key", "ca" };

static void xs_credential(xsMachine* the)
{
	char name[8];
	const char* path = C_NULL;
	struct stat status;
	size_t done = 0;
	int fd, i;
	if (xsToInteger(xsArgc) < 1)
		xsTypeError("credential(name)");
	xsToStringBuffer(xsArg(0), name, sizeof(name));
	for (i = 0; i < XS_HOST_CREDENTIALS; i++) {
		if (!strcmp(name, gxHostCredentialNames[i]))
			path = gxHostOptions.credentialPaths[i];
	}
	if (!path)
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		xsUnknownError("credential %s: open %s: %s", name, path, strerror(errno));
	if ((fstat(fd, &status) < 0) || (status.st_size > XS_HOST_MAX_CREDENTIAL)) {
		close(fd);
		xsRangeError("credential %s: unreadable or over %d bytes", name, XS_HOST_MAX_CREDENTIAL);
	}
	xsResult = xsArrayBuffer(NULL, (xsIntegerValue)status.st_size);
	while (done < (size_t)status.st_size) {
		ssize_t count = read(fd, (char*)xsToArrayBuffer(xsResult) + done, (size_t)status.st_size - done);
		if ((count < 0) && (errno == EINTR))
			continue;
		if (count <= 0) {
			int error = count ? errno : EIO;
			close(fd);
			xsUnknownError("credential %s: read: %s", name, strerror(error));
		}
		done += (size_t)count;
	}
	close(fd);
}

void xsHostInstallCredentials(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "credential", xs_credential, 1);
}
