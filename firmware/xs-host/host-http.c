/*
 * Host function: HTTP/1.1 GET for the HAL's Http (hal/hal.ts, bound in hal/xs/http.ts): the
 * http:// and https:// image downloads of Download() (digest §5.4) on the XS engines. A transfer
 * is a non-blocking TCP socket (BSD sockets; lwIP has them too) on the runner's event loop
 * (host-loop.c); https adds TLS 1.2 (host-http-tls.c: the server's chain must lead to the agent's
 * --ca and its certificate name the host). The body reaches JS one block at a time (one
 * ArrayBuffer of at most `block` bytes per call), so an image is never held whole. One host
 * function, http(op, ...), serves both operations (each host function costs ~100 B of board heap):
 *   0 get(address, port, tls, hostHeader, path, user, password, ca, wallSeconds, block, onEvent) -> id
 *        address: an IP literal or a name (resolved with getaddrinfo, which blocks while it runs);
 *        user undefined: no Authorization (else Basic, RFC 7617); ca: PEM ArrayBuffer (https);
 *        wallSeconds < 0: certificate dates cannot be judged and are not (as the DTLS shim)
 *   1 close(id)       stops a transfer; no more events (unknown ids are ignored)
 * Events from the loop: onEvent(0, status, contentLength | -1), onEvent(1, ArrayBuffer) per body
 * block, then exactly once onEvent(2, error | undefined), after which the transfer is gone.
 * The response head is bounded (XS_HOST_HTTP_MAX_HEAD: a longer one fails the transfer); bodies
 * are Content-Length, chunked (RFC 9112 §7.1) or up to the close. No redirect is followed (a
 * Download URL names the file). Timeouts are the binding's (an idle timer in hal/xs/http.ts).
 */
#include "host-http.h"
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include "mbedtls/base64.h"
#include "tinyusp_dtls.h"
#include <strings.h>

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* lwIP raises no SIGPIPE */
#endif
/* mbedtls/net_sockets.h's codes (MBEDTLS_NET_C is not built) */
#define XS_HOST_HTTP_SEND_FAILED -0x004E
#define XS_HOST_HTTP_RECV_FAILED -0x004C

static xsHostHttp* gxHttp[XS_HOST_HTTP_MAX];
static xsIntegerValue gxHttpLastId = 0;
static unsigned char gxHttpBuffer[XS_HOST_HTTP_MAX_BLOCK];

int xsHostHttpSocketSend(void* data, const unsigned char* bytes, size_t length)
{
	ssize_t n = send(((xsHostHttp*)data)->watch.fd, bytes, length, MSG_NOSIGNAL);
	if (n >= 0)
		return (int)n;
	return (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) ? MBEDTLS_ERR_SSL_WANT_WRITE : XS_HOST_HTTP_SEND_FAILED;
}

int xsHostHttpSocketRecv(void* data, unsigned char* bytes, size_t length)
{
	ssize_t n = recv(((xsHostHttp*)data)->watch.fd, bytes, length, 0);
	if (n >= 0)
		return (int)n;
	return (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) ? MBEDTLS_ERR_SSL_WANT_READ : XS_HOST_HTTP_RECV_FAILED;
}

/* Frees everything of the transfer; its slot is free again. */
static void xsHostHttpFree(xsMachine* the, xsHostHttp* h)
{
	int i;
	if (h->watch.fd >= 0) {
		xsHostWatchRemove(&h->watch);
		close(h->watch.fd);
	}
	if (h->tls)
		xsHostHttpTlsFree(h);
	xsForget(h->callback);
	for (i = 0; i < XS_HOST_HTTP_MAX; i++)
		if (gxHttp[i] == h)
			gxHttp[i] = NULL;
	c_free(h);
}

/* Ends the transfer with onEvent(2, error); `error` NULL: the body is complete. Uses xsVar(0..2)
 * (declared once, in xsHostHttpReady). Arguments go through xsVar one statement at a time: xsInteger,
 * xsString etc. share the machine's scratch slot, so two of them in one call would clash. */
static void xsHostHttpEnd(xsMachine* the, xsHostHttp* h, const char* error)
{
	xsVar(0) = h->callback;
	xsHostHttpFree(the, h);
	xsVar(1) = xsInteger(2);
	xsVar(2) = error ? xsString(error) : xsUndefined;
	xsCallFunction2(xsVar(0), xsUndefined, xsVar(1), xsVar(2));
}

/* One event with xsVar(1) and xsVar(2) as its arguments; returns 0 when the callback closed the transfer. */
static int xsHostHttpEvent(xsMachine* the, xsHostHttp* h, xsIntegerValue kind)
{
	xsIntegerValue id = h->id;
	int i;
	xsVar(0) = h->callback;
	xsVar(3) = xsInteger(kind);
	xsCallFunction3(xsVar(0), xsUndefined, xsVar(3), xsVar(1), xsVar(2));
	for (i = 0; i < XS_HOST_HTTP_MAX; i++)
		if (gxHttp[i] == h && h->id == id)
			return 1;
	return 0;
}

/* Reads up to `length` bytes: > 0 count, 0 end of stream, -1 nothing now, < -1 an error (set). */
static long xsHostHttpRead(xsHostHttp* h, unsigned char* bytes, size_t length, const char** error)
{
	if (h->tls) {
		int n = xsHostHttpTlsRead(h, bytes, length);
		if (n >= 0)
			return n;
		if (n == MBEDTLS_ERR_SSL_WANT_READ || n == MBEDTLS_ERR_SSL_WANT_WRITE)
			return -1;
		*error = "TLS read failed";
		return -2;
	}
	ssize_t n = recv(h->watch.fd, bytes, length, 0);
	if (n >= 0)
		return (long)n;
	if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
		return -1;
	*error = strerror(errno);
	return -2;
}

static int xsHostHttpHeader(const char* line, const char* name)
{
	size_t n = c_strlen(name);
	return strncasecmp(line, name, n) == 0;
}

/* Parses the head in h->head (NUL-terminated, "\r\n\r\n" cut off); returns an error or NULL. */
static const char* xsHostHttpParseHead(xsMachine* the, xsHostHttp* h, int* status)
{
	char* line = h->head;
	char* end;
	int contentLengthSeen = 0;
	h->remaining = -1;
	if (strncmp(line, "HTTP/1.", 7) || !(line[7] == '0' || line[7] == '1') || line[8] != ' ')
		return "not an HTTP/1.x response";
	*status = (int)strtol(line + 9, &end, 10);
	if (end != line + 12 || *status < 100 || *status > 599)
		return "bad HTTP status line";
	while ((line = strstr(line, "\r\n")) != NULL) {
		line += 2;
		if (xsHostHttpHeader(line, "content-length:")) {
			char* p = line + 15;
			long long v;
			while (*p == ' ' || *p == '\t') p++;
			if (*p < '0' || *p > '9')
				return "bad Content-Length";
			v = strtoll(p, &end, 10);
			while (*end == ' ' || *end == '\t') end++;
			if ((*end && *end != '\r') || v < 0 || v > 0x7FFFFFFF || (contentLengthSeen && v != h->remaining))
				return "bad Content-Length";
			h->remaining = v;
			contentLengthSeen = 1;
		}
		else if (xsHostHttpHeader(line, "transfer-encoding:")) {
			char* stop = strstr(line, "\r\n");
			char* found = line + 18;
			size_t n = stop ? (size_t)(stop - found) : c_strlen(found);
			/* chunked must be the last coding (RFC 9112 §6.1); no other coding is decoded here */
			while (n > 0 && (found[n - 1] == ' ' || found[n - 1] == '\t')) n--;
			if (n < 7 || strncasecmp(found + n - 7, "chunked", 7))
				return "unsupported Transfer-Encoding";
			h->chunked = 1;
		}
	}
	if (h->chunked)
		h->remaining = -1; /* Transfer-Encoding overrides Content-Length (RFC 9112 §6.3) */
	return NULL;
}

/* Hands `length` body bytes to JS, decoding chunked framing; 0 when the transfer ended or closed. */
static int xsHostHttpBody(xsMachine* the, xsHostHttp* h, unsigned char* bytes, size_t length)
{
	while (length > 0) {
		if (h->state == CHUNK_SIZE || h->state == CHUNK_END) {
			char c = (char)*bytes++;
			length--;
			if (c == '\n') {
				h->line[h->lineLength] = 0;
				if (h->state == CHUNK_END) {
					if (h->lineLength != 0 && !(h->lineLength == 1 && h->line[0] == '\r')) {
						xsHostHttpEnd(the, h, "bad chunked body");
						return 0;
					}
					h->state = CHUNK_SIZE;
				}
				else {
					char* end;
					long long size = strtoll(h->line, &end, 16);
					if (end == h->line || size < 0 || size > 0x7FFFFFFF || (*end && *end != '\r' && *end != ';')) {
						xsHostHttpEnd(the, h, "bad chunk size");
						return 0;
					}
					if (size == 0) { /* the last chunk; trailers are not needed */
						xsHostHttpEnd(the, h, NULL);
						return 0;
					}
					h->remaining = size;
					h->state = CHUNK_DATA;
				}
				h->lineLength = 0;
			}
			else if (h->lineLength + 1 >= sizeof(h->line)) {
				xsHostHttpEnd(the, h, "bad chunk size");
				return 0;
			}
			else
				h->line[h->lineLength++] = c;
			continue;
		}
		{
			size_t n = (length > h->block) ? h->block : length; /* the bytes read with the head too */
			if (h->remaining >= 0 && (long long)n > h->remaining)
				n = (size_t)h->remaining;
			if (n > 0) {
				xsVar(1) = xsArrayBuffer(bytes, (xsIntegerValue)n);
				xsVar(2) = xsUndefined;
				if (!xsHostHttpEvent(the, h, 1))
					return 0;
				bytes += n;
				length -= n;
				if (h->remaining >= 0)
					h->remaining -= (long long)n;
			}
			if (h->remaining == 0) {
				if (h->state == CHUNK_DATA)
					h->state = CHUNK_END;
				else {
					xsHostHttpEnd(the, h, NULL);
					return 0;
				}
			}
		}
	}
	return 1;
}

/* The head is complete at `end` (index past "\r\n\r\n"): reports it, then the bytes after it. */
static int xsHostHttpHeadDone(xsMachine* the, xsHostHttp* h, size_t end)
{
	int status = 0;
	size_t extra = h->headLength - end;
	const char* error;
	h->head[end - 4] = 0;
	error = xsHostHttpParseHead(the, h, &status);
	if (error) {
		xsHostHttpEnd(the, h, error);
		return 0;
	}
	xsVar(1) = xsInteger(status);
	xsVar(2) = xsNumber(h->chunked ? -1 : (double)h->remaining);
	if (!xsHostHttpEvent(the, h, 0))
		return 0;
	if (status < 200 || status > 299) {
		char text[16];
		snprintf(text, sizeof(text), "HTTP %d", status);
		xsHostHttpEnd(the, h, text);
		return 0;
	}
	h->state = h->chunked ? CHUNK_SIZE : BODY;
	if (h->state == BODY && h->remaining == 0) {
		xsHostHttpEnd(the, h, NULL);
		return 0;
	}
	/* The body bytes read with the head: xsHostHttpBody copies them out before any callback. */
	return xsHostHttpBody(the, h, (unsigned char*)h->head + end, extra);
}

/* Reads what is there (at most a burst of blocks); 0 when the transfer ended. */
static int xsHostHttpReceive(xsMachine* the, xsHostHttp* h)
{
	int burst;
	/* A record already decrypted in mbedTLS wakes no poll(2): it is read out past the burst. */
	for (burst = 0; burst < XS_HOST_HTTP_BURST || (h->tls && h->state != HEAD && xsHostHttpTlsPending(h) > 0); burst++) {
		const char* error = NULL;
		long n;
		if (h->state == HEAD) {
			char* found;
			n = xsHostHttpRead(h, (unsigned char*)h->head + h->headLength, sizeof(h->head) - 1 - h->headLength, &error);
			if (n > 0) {
				h->headLength += (size_t)n;
				h->head[h->headLength] = 0;
				found = strstr(h->head, "\r\n\r\n");
				if (found)
					return xsHostHttpHeadDone(the, h, (size_t)(found - h->head) + 4);
				if (h->headLength >= sizeof(h->head) - 1) {
					xsHostHttpEnd(the, h, "HTTP response head too long");
					return 0;
				}
				continue;
			}
		}
		else {
			n = xsHostHttpRead(h, gxHttpBuffer, h->block, &error);
			if (n > 0) {
				if (!xsHostHttpBody(the, h, gxHttpBuffer, (size_t)n))
					return 0;
				continue;
			}
		}
		if (n == -1)
			return 1;
		if (n == 0) {
			/* The close ends a body without length; anything else is cut short. */
			xsHostHttpEnd(the, h, (h->state == BODY && h->remaining < 0) ? NULL : "connection closed before the end of the body");
			return 0;
		}
		xsHostHttpEnd(the, h, error);
		return 0;
	}
	return 1;
}

static void xsHostHttpReady(xsMachine* the, xsHostWatch* watch, short revents)
{
	xsHostHttp* h = (xsHostHttp*)watch->data;
	char text[64];
	xsVars(4);
	if (h->state == CONNECTING) {
		int error = 0;
		socklen_t length = sizeof(error);
		getsockopt(watch->fd, SOL_SOCKET, SO_ERROR, &error, &length);
		if (error) {
			snprintf(text, sizeof(text), "connect: %s", strerror(error));
			xsHostHttpEnd(the, h, text);
			return;
		}
		h->state = h->tls ? HANDSHAKE : SENDING;
	}
	if (h->state == HANDSHAKE) {
		int r = xsHostHttpTlsHandshake(h, text, sizeof(text));
		if (r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE) {
			watch->events = (r == MBEDTLS_ERR_SSL_WANT_READ) ? POLLIN : POLLOUT;
			return;
		}
		if (r) {
			xsHostHttpEnd(the, h, text);
			return;
		}
		h->state = SENDING;
	}
	if (h->state == SENDING) {
		while (h->sent < h->requestLength) {
			const unsigned char* p = (const unsigned char*)h->request + h->sent;
			size_t n = h->requestLength - h->sent;
			int r = h->tls ? xsHostHttpTlsWrite(h, p, n) : xsHostHttpSocketSend(h, p, n);
			if (r == MBEDTLS_ERR_SSL_WANT_WRITE || r == MBEDTLS_ERR_SSL_WANT_READ) {
				watch->events = (r == MBEDTLS_ERR_SSL_WANT_READ) ? POLLIN : POLLOUT;
				return;
			}
			if (r < 0) {
				xsHostHttpEnd(the, h, "sending the request failed");
				return;
			}
			h->sent += (size_t)r;
		}
		h->state = HEAD;
		watch->events = POLLIN;
	}
	xsHostHttpReceive(the, h);
}

/* Opens a non-blocking connection; returns the fd or -1 with `text` set. */
static int xsHostHttpConnect(const char* address, int port, char* text, size_t size)
{
	struct addrinfo hints, *found = NULL;
	char service[8];
	int fd, r;
	c_memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	snprintf(service, sizeof(service), "%d", port);
	if (getaddrinfo(address, service, &hints, &found) || !found) {
		snprintf(text, size, "cannot resolve %s", address);
		return -1;
	}
#if defined(SOCK_NONBLOCK) && defined(SOCK_CLOEXEC)
	fd = socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
#else
	/* lwIP (the ESP32): no type flags; non-blocking by fcntl */
	fd = socket(found->ai_family, SOCK_STREAM, 0);
	if ((fd >= 0) && (fcntl(fd, F_SETFL, O_NONBLOCK) < 0)) {
		close(fd);
		fd = -1;
	}
#endif
	if (fd >= 0) {
		r = connect(fd, found->ai_addr, found->ai_addrlen);
		if (r < 0 && errno != EINPROGRESS) {
			snprintf(text, size, "connect: %s", strerror(errno));
			close(fd);
			fd = -1;
		}
	}
	else
		snprintf(text, size, "socket: %s", strerror(errno));
	freeaddrinfo(found);
	return fd;
}

/* Request-target and Host header: visible ASCII only (no CR/LF to inject headers). */
static void xsHostHttpCheckToken(xsMachine* the, const char* text, const char* what)
{
	for (; *text; text++)
		if ((unsigned char)*text <= 0x20 || (unsigned char)*text >= 0x7F)
			xsTypeError("http: %s holds a space or control character", what);
}

static void xs_httpGet(xsMachine* the)
{
	char address[256], host[264], path[1024], user[257], password[257], text[96];
	unsigned char auth[sizeof(user) + sizeof(password)];
	char auth64[((sizeof(auth) + 2) / 3) * 4 + 1];
	xsHostHttp* h = NULL;
	int i, slot = -1, port, fd;
	double wall;
	size_t n;
	if (xsToInteger(xsArgc) < 12)
		xsTypeError("http(0, address, port, tls, hostHeader, path, user, password, ca, wallSeconds, block, onEvent)");
	if (!xsIsCallable(xsArg(11)))
		xsTypeError("http: onEvent is not a function");
	for (i = 0; i < XS_HOST_HTTP_MAX; i++)
		if (!gxHttp[i]) { slot = i; break; }
	if (slot < 0)
		xsRangeError("too many HTTP transfers (%d)", XS_HOST_HTTP_MAX);
	xsToStringBuffer(xsArg(1), address, sizeof(address));
	port = xsToInteger(xsArg(2));
	if (port < 1 || port > 65535)
		xsRangeError("http: port must be 1..65535");
	xsToStringBuffer(xsArg(4), host, sizeof(host));
	xsToStringBuffer(xsArg(5), path, sizeof(path));
	xsHostHttpCheckToken(the, host, "Host");
	xsHostHttpCheckToken(the, path, "path");
	n = 0;
	auth64[0] = 0;
	if (xsTest(xsArg(6))) {
		size_t u, p;
		xsToStringBuffer(xsArg(6), user, sizeof(user));
		xsToStringBuffer(xsArg(7), password, sizeof(password));
		u = c_strlen(user);
		p = c_strlen(password);
		c_memcpy(auth, user, u);
		auth[u] = ':';
		c_memcpy(auth + u + 1, password, p);
		if (mbedtls_base64_encode((unsigned char*)auth64, sizeof(auth64), &n, auth, u + 1 + p))
			xsRangeError("http: credentials too long");
	}
	wall = xsToNumber(xsArg(9));
	h = c_calloc(1, sizeof(xsHostHttp));
	if (!h)
		xsUnknownError("http: no memory");
	h->watch.fd = -1;
	h->callback = xsUndefined;
	h->block = (size_t)xsToInteger(xsArg(10));
	if (h->block < 64 || h->block > XS_HOST_HTTP_MAX_BLOCK)
		h->block = 1024;
	h->wallKnown = wall >= 0;
	n = (size_t)snprintf(h->request, sizeof(h->request),
		"GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: tinyusp\r\nAccept-Encoding: identity\r\nConnection: close\r\n%s%s%s\r\n",
		path, host, auth64[0] ? "Authorization: Basic " : "", auth64, auth64[0] ? "\r\n" : "");
	if (n >= sizeof(h->request)) {
		c_free(h);
		xsRangeError("http: request too long");
	}
	h->requestLength = n;
	gxHttp[slot] = h;
	xsTry {
		if (xsTest(xsArg(3))) {
			if (wall >= 0)
				tud_set_wall_time(wall);
			xsHostHttpTlsSetup(the, h, address, &xsArg(8));
		}
	}
	xsCatch {
		xsHostHttpFree(the, h);
		xsThrow(xsException);
	}
	fd = xsHostHttpConnect(address, port, text, sizeof(text));
	if (fd < 0) {
		xsHostHttpFree(the, h);
		xsUnknownError("http: %s", text);
	}
	gxHttpLastId = (gxHttpLastId >= 0x7FFFFFFF) ? 1 : gxHttpLastId + 1;
	h->id = gxHttpLastId;
	h->state = CONNECTING;
	h->callback = xsArg(11);
	xsRemember(h->callback);
	h->watch.fd = fd;
	h->watch.events = POLLOUT;
	h->watch.ready = xsHostHttpReady;
	h->watch.data = h;
	xsHostWatchAdd(&h->watch);
	xsResult = xsInteger(h->id);
}

static void xs_http(xsMachine* the)
{
	xsIntegerValue op = (xsToInteger(xsArgc) > 0) ? xsToInteger(xsArg(0)) : -1;
	if (op == 0)
		xs_httpGet(the);
	else if (op == 1) {
		xsIntegerValue id = (xsToInteger(xsArgc) > 1) ? xsToInteger(xsArg(1)) : 0;
		int i;
		for (i = 0; i < XS_HOST_HTTP_MAX; i++)
			if (gxHttp[i] && gxHttp[i]->id == id) {
				xsHostHttpFree(the, gxHttp[i]);
				return;
			}
	}
	else
		xsRangeError("http: unknown operation");
}

void xsHostInstallHttp(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "http", xs_http, 2);
}
