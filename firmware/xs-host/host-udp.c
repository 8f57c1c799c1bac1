/*
 * Host functions: UDP sockets for the HAL's Net (hal/hal.ts, bound in hal/xs/net.ts).
 *   udpOpen(address, port, onDatagram[, maxDatagram]) -> id
 *                                               binds a non-blocking socket (IPv4 or IPv6 by the
 *                                               literal; port 0 picks a free one); a bind
 *                                               failure throws an Error with the reason
 *   udpPort(id) -> port                         the port actually bound
 *   udpSend(id, buffer, offset, length, address, port)
 *                                               one datagram; throws an Error on failure
 *   udpClose(id)                                unknown or closed ids are ignored
 * Received datagrams reach onDatagram(buffer, address, port) from the event loop (host-loop.c):
 * `buffer` is a fresh ArrayBuffer holding exactly the datagram. A datagram larger than the
 * socket's maxDatagram (the board's datagram bound; default XS_HOST_UDP_MAX_DATAGRAM) is read
 * into the runner's static buffer and dropped there: it never costs XS heap, so a peer's 64 KB
 * datagram cannot exhaust a board's heap (issue 10: the RAM budget holds under attack).
 * The socket table is bounded (XS_HOST_UDP_MAX_SOCKETS): one more throws a RangeError.
 * Sockets are close-on-exec, so a restart (host-config.c) starts with none.
 */
#include "xs-host.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#define XS_HOST_UDP_MAX_SOCKETS 8
#define XS_HOST_UDP_MAX_DATAGRAM 65535
/* Datagrams read per readiness event before the loop looks at timers again. */
#define XS_HOST_UDP_BURST 16

typedef struct {
	xsHostWatch watch;     /* watch.fd < 0: free */
	xsIntegerValue id;
	int port;
	ssize_t maxDatagram;   /* larger datagrams are dropped before they reach the machine */
	xsSlot callback;       /* a GC root while open (xsRemember) */
} xsHostUdp;

static xsHostUdp gxUdp[XS_HOST_UDP_MAX_SOCKETS];
static int gxUdpInitialized = 0;
static xsIntegerValue gxLastUdpId = 0;
static unsigned char gxUdpBuffer[XS_HOST_UDP_MAX_DATAGRAM + 1];

static xsHostUdp* xsHostUdpFind(xsIntegerValue id)
{
	int i;
	for (i = 0; i < XS_HOST_UDP_MAX_SOCKETS; i++) {
		if ((gxUdp[i].watch.fd >= 0) && (gxUdp[i].id == id))
			return &gxUdp[i];
	}
	return NULL;
}

/* Parses a numeric IPv4/IPv6 literal and port into `address`; returns 0 if not a literal. */
static int xsHostUdpAddress(const char* text, int port, struct sockaddr_storage* address, socklen_t* length)
{
	struct addrinfo hints, *found = NULL;
	char service[8];
	c_memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
	snprintf(service, sizeof(service), "%d", port);
	if (getaddrinfo(text, service, &hints, &found) || !found)
		return 0;
	c_memcpy(address, found->ai_addr, found->ai_addrlen);
	*length = found->ai_addrlen;
	freeaddrinfo(found);
	return 1;
}

static int xsHostUdpPortArgument(xsMachine* the, xsIntegerValue index)
{
	double port = xsToNumber(xsArg(index));
	if (!(port >= 0) || (port > 65535) || (port != (double)(int)port))
		xsRangeError("port must be an integer 0..65535");
	return (int)port;
}

static void xsHostUdpReady(xsMachine* the, xsHostWatch* watch, short revents)
{
	xsHostUdp* udp = (xsHostUdp*)watch->data;
	int burst;
	xsVars(2);
	for (burst = 0; burst < XS_HOST_UDP_BURST; burst++) {
		struct sockaddr_storage from;
		socklen_t fromLength = sizeof(from);
		char text[INET6_ADDRSTRLEN];
		int port;
		xsIntegerValue id = udp->id;
		ssize_t size = recvfrom(watch->fd, gxUdpBuffer, sizeof(gxUdpBuffer), MSG_DONTWAIT | MSG_TRUNC, (struct sockaddr*)&from, &fromLength);
		if (size < 0)
			return; /* EAGAIN (drained) or an error report of an earlier send: nothing to read */
		if (size > udp->maxDatagram)
			continue;
		if (from.ss_family == AF_INET6) {
			struct sockaddr_in6* a = (struct sockaddr_in6*)&from;
			inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof(text));
			port = ntohs(a->sin6_port);
		}
		else {
			struct sockaddr_in* a = (struct sockaddr_in*)&from;
			inet_ntop(AF_INET, &a->sin_addr, text, sizeof(text));
			port = ntohs(a->sin_port);
		}
		xsVar(0) = xsArrayBuffer(gxUdpBuffer, (xsIntegerValue)size);
		xsVar(1) = udp->callback;
		xsCallFunction3(xsVar(1), xsUndefined, xsVar(0), xsString(text), xsInteger(port));
		/* The callback may have closed this socket (and another may now use the slot). */
		if ((watch->fd < 0) || (udp->id != id))
			return;
	}
}

static void xs_udpOpen(xsMachine* the)
{
	struct sockaddr_storage address;
	socklen_t length;
	xsHostUdp* udp = NULL;
	char text[INET6_ADDRSTRLEN + 1];
	int port, fd, i;
	if (!gxUdpInitialized) {
		for (i = 0; i < XS_HOST_UDP_MAX_SOCKETS; i++)
			gxUdp[i].watch.fd = -1;
		gxUdpInitialized = 1;
	}
	if (xsToInteger(xsArgc) < 3)
		xsTypeError("udpOpen(address, port, onDatagram)");
	if (!xsIsCallable(xsArg(2)))
		xsTypeError("onDatagram is not a function");
	xsToStringBuffer(xsArg(0), text, sizeof(text));
	port = xsHostUdpPortArgument(the, 1);
	if (!xsHostUdpAddress(text, port, &address, &length))
		xsTypeError("udpOpen: not an IP address literal: %s", text);
	for (i = 0; i < XS_HOST_UDP_MAX_SOCKETS; i++) {
		if (gxUdp[i].watch.fd < 0) {
			udp = &gxUdp[i];
			break;
		}
	}
	if (!udp)
		xsRangeError("too many UDP sockets (%d)", XS_HOST_UDP_MAX_SOCKETS);
#if defined(SOCK_NONBLOCK) && defined(SOCK_CLOEXEC)
	fd = socket(address.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
#else
	/* lwIP (the ESP32 build, firmware/esp32): no type flags; non-blocking by fcntl, no exec. */
	fd = socket(address.ss_family, SOCK_DGRAM, 0);
	if ((fd >= 0) && (fcntl(fd, F_SETFL, O_NONBLOCK) < 0)) {
		close(fd);
		fd = -1;
	}
#endif
	if (fd < 0)
		xsUnknownError("socket: %s", strerror(errno));
	if (bind(fd, (struct sockaddr*)&address, length) < 0) {
		int error = errno;
		close(fd);
		xsUnknownError("bind %s:%d: %s", text, port, strerror(error));
	}
	length = sizeof(address);
	getsockname(fd, (struct sockaddr*)&address, &length);
	udp->port = ntohs((address.ss_family == AF_INET6) ? ((struct sockaddr_in6*)&address)->sin6_port : ((struct sockaddr_in*)&address)->sin_port);
	gxLastUdpId = (gxLastUdpId >= 0x7FFFFFFF) ? 1 : gxLastUdpId + 1;
	udp->id = gxLastUdpId;
	udp->maxDatagram = XS_HOST_UDP_MAX_DATAGRAM;
	if ((xsToInteger(xsArgc) > 3) && xsTest(xsArg(3))) {
		xsIntegerValue max = xsToInteger(xsArg(3));
		if ((max > 0) && (max < XS_HOST_UDP_MAX_DATAGRAM))
			udp->maxDatagram = max;
	}
	udp->callback = xsArg(2);
	xsRemember(udp->callback);
	udp->watch.fd = fd;
	udp->watch.events = POLLIN;
	udp->watch.ready = xsHostUdpReady;
	udp->watch.data = udp;
	xsHostWatchAdd(&udp->watch);
	xsResult = xsInteger(udp->id);
}

static void xs_udpPort(xsMachine* the)
{
	xsHostUdp* udp = (xsToInteger(xsArgc) > 0) ? xsHostUdpFind(xsToInteger(xsArg(0))) : NULL;
	if (!udp)
		xsTypeError("udpPort: not an open socket");
	xsResult = xsInteger(udp->port);
}

static void xs_udpSend(xsMachine* the)
{
	struct sockaddr_storage address;
	socklen_t length;
	char text[INET6_ADDRSTRLEN + 1];
	xsIntegerValue offset, size, byteLength;
	xsHostUdp* udp;
	int port;
	if (xsToInteger(xsArgc) < 6)
		xsTypeError("udpSend(id, buffer, offset, length, address, port)");
	udp = xsHostUdpFind(xsToInteger(xsArg(0)));
	if (!udp)
		xsTypeError("udpSend: not an open socket");
	if (!xsIsInstanceOf(xsArg(1), xsArrayBufferPrototype))
		xsTypeError("udpSend: buffer must be an ArrayBuffer");
	byteLength = xsGetArrayBufferLength(xsArg(1));
	offset = xsToInteger(xsArg(2));
	size = xsToInteger(xsArg(3));
	if ((offset < 0) || (size < 0) || (offset > byteLength) || (size > byteLength - offset))
		xsRangeError("udpSend: offset/length outside the buffer");
	xsToStringBuffer(xsArg(4), text, sizeof(text));
	port = xsHostUdpPortArgument(the, 5);
	if (!xsHostUdpAddress(text, port, &address, &length))
		xsTypeError("udpSend: not an IP address literal: %s", text);
	/* Taken after every conversion: a collection may move chunks. */
	if (sendto(udp->watch.fd, (const char*)xsToArrayBuffer(xsArg(1)) + offset, (size_t)size, 0, (struct sockaddr*)&address, length) < 0)
		xsUnknownError("send to %s:%d: %s", text, port, strerror(errno));
}

static void xs_udpClose(xsMachine* the)
{
	xsHostUdp* udp = (xsToInteger(xsArgc) > 0) ? xsHostUdpFind(xsToInteger(xsArg(0))) : NULL;
	if (!udp)
		return;
	xsHostWatchRemove(&udp->watch);
	close(udp->watch.fd);
	udp->watch.fd = -1;
	udp->id = 0;
	xsForget(udp->callback);
	udp->callback = xsUndefined;
}

void xsHostInstallUdp(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "udpOpen", xs_udpOpen, 3);
	xsHostDefineFunction(the, host, "udpPort", xs_udpPort, 1);
	xsHostDefineFunction(the, host, "udpSend", xs_udpSend, 6);
	xsHostDefineFunction(the, host, "udpClose", xs_udpClose, 1);
}
