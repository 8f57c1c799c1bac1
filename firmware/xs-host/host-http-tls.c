/*
 * The TLS part of the runner's HTTP client (host-http.c): https:// with TLS 1.2 from the same
 * mbedTLS 3.6 build as DTLS (dtls.mjs). The server's chain must lead to the trust anchors the
 * agent gives (its --ca), and its certificate must name the URL's host (SAN DNS or IP; RFC 6125:
 * mbedtls_ssl_set_hostname). Records are kept within the board's TLS buffers by RFC 6066
 * max_fragment_length. Without wall time, certificate dates are not judged (as the DTLS shim).
 */
#include "host-http.h"
#include "tinyusp_dtls.h"

extern int tinyusp_dtls_entropy(unsigned char* buffer, size_t length); /* host-dtls.c */

static int xsHostHttpRandom(void* unused, unsigned char* buffer, size_t length)
{
	return tinyusp_dtls_entropy(buffer, length) == 0 ? 0 : MBEDTLS_ERR_SSL_INTERNAL_ERROR;
}

/* Without wall time the validity dates cannot be judged: ignore them, keep every other verdict. */
static int xsHostHttpVerify(void* data, mbedtls_x509_crt* crt, int depth, uint32_t* flags)
{
	if (!((xsHostHttp*)data)->wallKnown)
		*flags &= ~(uint32_t)(MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE);
	return 0;
}

/* The Max Fragment Length (RFC 6066) that keeps records within the board's TLS buffers (mbedTLS
 * allows at most the smaller of the two). */
#define XS_HOST_HTTP_RECORD ((MBEDTLS_SSL_IN_CONTENT_LEN < MBEDTLS_SSL_OUT_CONTENT_LEN) ? MBEDTLS_SSL_IN_CONTENT_LEN : MBEDTLS_SSL_OUT_CONTENT_LEN)
static unsigned char xsHostHttpMaxFragment(void)
{
	return XS_HOST_HTTP_RECORD >= 4096 ? MBEDTLS_SSL_MAX_FRAG_LEN_4096 : XS_HOST_HTTP_RECORD >= 2048 ? MBEDTLS_SSL_MAX_FRAG_LEN_2048 :
		XS_HOST_HTTP_RECORD >= 1024 ? MBEDTLS_SSL_MAX_FRAG_LEN_1024 : MBEDTLS_SSL_MAX_FRAG_LEN_512;
}

void xsHostHttpTlsSetup(xsMachine* the, xsHostHttp* h, const char* serverName, xsSlot* ca)
{
	int r;
	mbedtls_ssl_init(&h->ssl);
	mbedtls_ssl_config_init(&h->conf);
	mbedtls_x509_crt_init(&h->ca);
	h->tls = 1;
	if (!xsIsInstanceOf(*ca, xsArrayBufferPrototype))
		xsTypeError("http: https needs trust anchors (the agent's --ca)");
	{
		/* mbedtls_x509_crt_parse wants PEM NUL-terminated and counted with its NUL */
		xsIntegerValue length = xsGetArrayBufferLength(*ca);
		unsigned char* pem = c_malloc((size_t)length + 1);
		if (!pem)
			xsUnknownError("http: no memory");
		c_memcpy(pem, xsToArrayBuffer(*ca), (size_t)length);
		pem[length] = 0;
		r = mbedtls_x509_crt_parse(&h->ca, pem, (size_t)length + 1);
		c_free(pem);
		if (r < 0)
			xsUnknownError("http: trust anchors unreadable (-0x%04x)", (unsigned)-r);
	}
	r = mbedtls_ssl_config_defaults(&h->conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
	if (!r) {
		mbedtls_ssl_conf_authmode(&h->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
		mbedtls_ssl_conf_ca_chain(&h->conf, &h->ca, NULL);
		mbedtls_ssl_conf_rng(&h->conf, xsHostHttpRandom, NULL);
		mbedtls_ssl_conf_verify(&h->conf, xsHostHttpVerify, h);
		r = mbedtls_ssl_conf_max_frag_len(&h->conf, xsHostHttpMaxFragment());
	}
	if (!r)
		r = mbedtls_ssl_setup(&h->ssl, &h->conf);
	if (!r)
		r = mbedtls_ssl_set_hostname(&h->ssl, serverName);
	if (r)
		xsUnknownError("http: TLS setup failed (-0x%04x)", (unsigned)-r);
	mbedtls_ssl_set_bio(&h->ssl, h, xsHostHttpSocketSend, xsHostHttpSocketRecv, NULL);
}

void xsHostHttpTlsFree(xsHostHttp* h)
{
	mbedtls_ssl_free(&h->ssl);
	mbedtls_ssl_config_free(&h->conf);
	mbedtls_x509_crt_free(&h->ca);
}

int xsHostHttpTlsHandshake(xsHostHttp* h, char* text, size_t size)
{
	int r = mbedtls_ssl_handshake(&h->ssl);
	if (r == 0 || r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE)
		return r;
	uint32_t flags = mbedtls_ssl_get_verify_result(&h->ssl);
	if (flags && flags != (uint32_t)-1)
		snprintf(text, size, "TLS: certificate not trusted (flags 0x%x)", (unsigned)flags);
	else
		snprintf(text, size, "TLS: handshake failed (-0x%04x)", (unsigned)-r);
	return r;
}

int xsHostHttpTlsRead(xsHostHttp* h, unsigned char* bytes, size_t length)
{
	int n = mbedtls_ssl_read(&h->ssl, bytes, length);
	return n == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY ? 0 : n;
}

int xsHostHttpTlsWrite(xsHostHttp* h, const unsigned char* bytes, size_t length)
{
	return mbedtls_ssl_write(&h->ssl, bytes, length);
}

size_t xsHostHttpTlsPending(xsHostHttp* h)
{
	return mbedtls_ssl_get_bytes_avail(&h->ssl);
}
