/*
 * tinyusp DTLS shim over mbedTLS 3.6: see tinyusp_dtls.h for the contract.
 * References: RFC 6347 (DTLS 1.2), RFC 7925 (IoT profile), USP digest §7.2 and §9.
 */
#include "tinyusp_dtls.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mbedtls/platform.h"
#include "mbedtls/platform_time.h"
#include "mbedtls/ssl.h"
#include "mbedtls/ssl_ciphersuites.h"
#include "mbedtls/ssl_cookie.h"
#include "mbedtls/x509_crt.h"
#include "mbedtls/pk.h"
#include "mbedtls/sha256.h"

#define TUD_MAX_PSK 8
#define TUD_MAX_PSK_ID 128
#define TUD_MAX_PSK_KEY 64
#define TUD_MAX_CHAIN 4   /* chain certificates whose SHA-256 a session keeps (leaf first) */

/* ------------------------------------------------------------------------------------------
 * Heap accounting. Every allocation carries a small header naming the session it was made for
 * (the session whose call is running), so a session's memory can be reported and capped: a
 * session's memory is bounded and counted in the board's RAM budget (issue 11).
 */
typedef struct alloc_hdr {
    size_t size;
    /* The session whose call made it, or the context being configured tagged with bit 0
     * (OWNER_CTX), or 0: a tag rather than a third field keeps the header at 16 bytes. */
    uintptr_t owner;
} alloc_hdr;
#define OWNER_CTX ((uintptr_t) 1)
/* Keep the payload aligned as malloc would. */
#define HDR_SIZE ((sizeof(alloc_hdr) + 15u) & ~(size_t) 15u)

struct out_dgram {
    struct out_dgram *next;
    size_t len;
    uint8_t data[];
};

struct tud_psk {
    uint8_t id[TUD_MAX_PSK_ID];
    size_t id_len;
    uint8_t key[TUD_MAX_PSK_KEY];
    size_t key_len;
};

struct tud_ctx {
    mbedtls_ssl_config conf;
    mbedtls_ssl_cookie_ctx cookie;
    mbedtls_x509_crt ca;
    mbedtls_x509_crt own;
    mbedtls_pk_context key;
    int server;
    int have_ca, have_own;
    struct tud_psk psk[TUD_MAX_PSK];
    int n_psk;
    int suites[4];
    uint32_t mtu;
    size_t session_cap;
    size_t memory;
    int accept_untrusted; /* TOFU: a chain to no trust anchor passes, marked (trust facts) */
};

struct tud_session {
    mbedtls_ssl_context ssl;
    tud_ctx *ctx;
    uint8_t *in;          /* the fed datagram not yet consumed by mbedTLS */
    size_t in_len;
    int in_borrowed;      /* `in` is the caller's buffer (tud_feed_read): not ours to free */
    uint8_t *direct;      /* tud_write_take: where the next datagram goes instead of the queue */
    size_t direct_cap, direct_len;
    struct out_dgram *out_head, *out_tail;
    double now_ms;
    double int_deadline, fin_deadline; /* -1: timer cancelled */
    int state;
    int started;
    int over_limit;       /* an allocation was refused by the session's cap */
    int dates_checked;    /* wall time was known when the peer chain was verified */
    int error;
    size_t memory, memory_peak;
    uint8_t psk_id[TUD_MAX_PSK_ID];
    int psk_id_len;       /* -1: none */
    /* Trust facts (see "Trust facts" below). */
    uint8_t (*chain_sha256)[32]; /* TUD_MAX_CHAIN entries, made at the first certificate */
    int chain_len;
    int untrusted;        /* the chain led to no trust anchor; let through by accept_untrusted */
};

static tud_session *g_current;  /* session whose call is running (allocation owner) */
static tud_ctx *g_current_ctx;  /* context being configured */
static double g_wall_time = -1;

static void *tud_calloc(size_t n, size_t size)
{
    if (size != 0 && n > ((size_t) -1 - HDR_SIZE) / size) return NULL;
    size_t bytes = n * size;
    tud_session *owner = g_current;
    if (owner != NULL && owner->ctx->session_cap != 0 &&
        owner->memory + bytes + HDR_SIZE > owner->ctx->session_cap) {
        owner->over_limit = 1;
        return NULL; /* the session's budget is spent: mbedTLS fails the operation cleanly */
    }
    unsigned char *p = calloc(1, bytes + HDR_SIZE);
    if (p == NULL) return NULL;
    alloc_hdr *h = (alloc_hdr *) p;
    h->size = bytes;
    h->owner = 0;
    if (owner != NULL) {
        h->owner = (uintptr_t) owner;
        owner->memory += bytes + HDR_SIZE;
        if (owner->memory > owner->memory_peak) owner->memory_peak = owner->memory;
    } else if (g_current_ctx != NULL) {
        /* Context set-up: its frees are debited too (key parsing and the pair check free
         * their temporaries), so tud_ctx_memory() is what the context holds. */
        h->owner = (uintptr_t) g_current_ctx | OWNER_CTX;
        g_current_ctx->memory += bytes + HDR_SIZE;
    }
    return p + HDR_SIZE;
}

static void tud_free_mem(void *ptr)
{
    if (ptr == NULL) return;
    unsigned char *p = (unsigned char *) ptr - HDR_SIZE;
    alloc_hdr *h = (alloc_hdr *) p;
    if (h->owner & OWNER_CTX) ((tud_ctx *) (h->owner & ~OWNER_CTX))->memory -= h->size + HDR_SIZE;
    else if (h->owner != 0) ((tud_session *) h->owner)->memory -= h->size + HDR_SIZE;
    free(p);
}

void *tud_alloc(size_t n) { return malloc(n); }
void tud_dealloc(void *p) { free(p); }

/* ------------------------------------------------------------------------------------------
 * Time. mbedtls_time() serves X.509 validity (wall time) and cookie expiry (any steady
 * seconds): wall time when the host knows it, otherwise the monotonic clock of the last call.
 */
static double g_last_mono_ms;

void tud_set_wall_time(double unix_seconds) { g_wall_time = unix_seconds; }

time_t tinyusp_dtls_time(time_t *t)
{
    time_t now = g_wall_time >= 0 ? (time_t) g_wall_time : (time_t) (g_last_mono_ms / 1000.0);
    if (t != NULL) *t = now;
    return now;
}

/* Monotonic milliseconds for mbedTLS (MBEDTLS_PLATFORM_MS_TIME_ALT): the host's clock. */
mbedtls_ms_time_t mbedtls_ms_time(void)
{
    return (mbedtls_ms_time_t) g_last_mono_ms;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned) (y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t) doe - 719468;
}

/* gmtime_r of our own, so the native and WebAssembly builds agree (MBEDTLS_PLATFORM_GMTIME_R_ALT). */
struct tm *mbedtls_platform_gmtime_r(const mbedtls_time_t *tt, struct tm *tm_buf)
{
    int64_t t = (int64_t) *tt;
    int64_t days = t / 86400, rem = t % 86400;
    if (rem < 0) { rem += 86400; days -= 1; }
    /* civil_from_days */
    int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned) (z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = (int64_t) yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    memset(tm_buf, 0, sizeof(*tm_buf));
    tm_buf->tm_year = (int) (y + (m <= 2) - 1900);
    tm_buf->tm_mon = (int) m - 1;
    tm_buf->tm_mday = (int) d;
    tm_buf->tm_hour = (int) (rem / 3600);
    tm_buf->tm_min = (int) (rem / 60 % 60);
    tm_buf->tm_sec = (int) (rem % 60);
    return tm_buf;
}

static double x509_time_to_unix(const mbedtls_x509_time *t)
{
    return (double) (days_from_civil(t->year, (unsigned) t->mon, (unsigned) t->day) * 86400 +
                     t->hour * 3600 + t->min * 60 + t->sec);
}

/* ------------------------------------------------------------------------------------------
 * Entropy: the host's secure source is used directly as the RNG (hardware RNG on the board,
 * crypto.getRandomValues on Node), which saves a DRBG in the image.
 */
static int tud_rng(void *unused, unsigned char *buf, size_t len)
{
    (void) unused;
    return tinyusp_dtls_entropy(buf, len) == 0 ? 0 : MBEDTLS_ERR_SSL_INTERNAL_ERROR;
}

static int g_platform_ready;

static void platform_init(void)
{
    if (g_platform_ready) return;
    mbedtls_platform_set_calloc_free(tud_calloc, tud_free_mem);
    g_platform_ready = 1;
}

/* ------------------------------------------------------------------------------------------
 * Context
 */
static const uint16_t k_groups[] = { MBEDTLS_SSL_IANA_TLS_GROUP_SECP256R1, MBEDTLS_SSL_IANA_TLS_GROUP_NONE };
static const uint16_t k_sig_algs[] = { MBEDTLS_TLS1_3_SIG_ECDSA_SECP256R1_SHA256, MBEDTLS_TLS1_3_SIG_NONE };

/* Without wall time the validity dates cannot be judged: ignore them (USP digest §7.2,
 * R-MTP.2), keep every other verdict. */
static void record_chain(tud_session *s, const mbedtls_x509_crt *crt, int depth, uint32_t *flags);

static int verify_cb(void *p, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    (void) p;
    if (g_current != NULL) g_current->dates_checked = g_wall_time >= 0;
    if (g_wall_time < 0) *flags &= ~(uint32_t) (MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE);
    if (g_current != NULL) record_chain(g_current, crt, depth, flags);
    return 0;
}

/* Server PSK lookup (RFC 4279 §5.1): an unknown identity fails the handshake with
 * unknown_psk_identity. */
static int psk_cb(void *p, mbedtls_ssl_context *ssl, const unsigned char *id, size_t id_len)
{
    tud_ctx *c = p;
    tud_session *s = g_current;
    for (int i = 0; i < c->n_psk; i++) {
        if (c->psk[i].id_len == id_len && memcmp(c->psk[i].id, id, id_len) == 0) {
            if (s != NULL && id_len <= sizeof(s->psk_id)) {
                memcpy(s->psk_id, id, id_len);
                s->psk_id_len = (int) id_len;
            }
            return mbedtls_ssl_set_hs_psk(ssl, c->psk[i].key, c->psk[i].key_len);
        }
    }
    return -1;
}

tud_ctx *tud_ctx_new(int server, uint32_t hs_min_ms, uint32_t hs_max_ms, uint32_t mtu,
                     uint32_t session_cap_bytes)
{
    platform_init();
    tud_ctx *c = calloc(1, sizeof(*c));
    if (c == NULL) return NULL;
    c->memory = sizeof(*c);
    g_current_ctx = c;
    c->server = server ? 1 : 0;
    c->mtu = mtu;
    c->session_cap = session_cap_bytes;
    mbedtls_ssl_config_init(&c->conf);
    mbedtls_ssl_cookie_init(&c->cookie);
    mbedtls_x509_crt_init(&c->ca);
    mbedtls_x509_crt_init(&c->own);
    mbedtls_pk_init(&c->key);
    int r = mbedtls_ssl_config_defaults(&c->conf, server ? MBEDTLS_SSL_IS_SERVER : MBEDTLS_SSL_IS_CLIENT,
                                        MBEDTLS_SSL_TRANSPORT_DATAGRAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (r == 0 && server) r = mbedtls_ssl_cookie_setup(&c->cookie, tud_rng, NULL);
    g_current_ctx = NULL;
    if (r != 0) {
        tud_ctx_free(c);
        return NULL;
    }
    mbedtls_ssl_conf_rng(&c->conf, tud_rng, NULL);
    /* DTLS 1.2 only (RFC 7925 §4). */
    mbedtls_ssl_conf_min_tls_version(&c->conf, MBEDTLS_SSL_VERSION_TLS1_2);
    mbedtls_ssl_conf_max_tls_version(&c->conf, MBEDTLS_SSL_VERSION_TLS1_2);
    mbedtls_ssl_conf_groups(&c->conf, k_groups);
    mbedtls_ssl_conf_sig_algs(&c->conf, k_sig_algs);
    mbedtls_ssl_conf_extended_master_secret(&c->conf, MBEDTLS_SSL_EXTENDED_MS_ENABLED);
    mbedtls_ssl_conf_dtls_anti_replay(&c->conf, MBEDTLS_SSL_ANTI_REPLAY_ENABLED);
    if (hs_min_ms != 0 && hs_max_ms >= hs_min_ms) mbedtls_ssl_conf_handshake_timeout(&c->conf, hs_min_ms, hs_max_ms);
    mbedtls_ssl_conf_verify(&c->conf, verify_cb, NULL);
    if (server) {
        mbedtls_ssl_conf_dtls_cookies(&c->conf, mbedtls_ssl_cookie_write, mbedtls_ssl_cookie_check, &c->cookie);
    }
    return c;
}

/* mbedtls_x509_crt_parse and mbedtls_pk_parse_key want PEM NUL-terminated (length included). */
static uint8_t *nul_terminated(const uint8_t *buf, size_t len, size_t *out_len)
{
    uint8_t *copy = malloc(len + 1);
    if (copy == NULL) return NULL;
    memcpy(copy, buf, len);
    copy[len] = 0;
    *out_len = len + 1;
    return copy;
}

static int is_pem(const uint8_t *buf, size_t len)
{
    return len > 10 && memchr(buf, '-', len < 64 ? len : 64) != NULL;
}

static int parse_crt(tud_ctx *c, mbedtls_x509_crt *chain, const uint8_t *buf, size_t len)
{
    int r;
    g_current_ctx = c;
    if (is_pem(buf, len)) {
        size_t n;
        uint8_t *copy = nul_terminated(buf, len, &n);
        if (copy == NULL) r = MBEDTLS_ERR_X509_ALLOC_FAILED;
        else {
            r = mbedtls_x509_crt_parse(chain, copy, n);
            free(copy);
        }
    } else {
        r = mbedtls_x509_crt_parse_der(chain, buf, len);
    }
    g_current_ctx = NULL;
    return r > 0 ? MBEDTLS_ERR_X509_CERT_UNKNOWN_FORMAT : r; /* > 0: some certificates failed */
}

int tud_ctx_add_ca(tud_ctx *c, const uint8_t *buf, size_t len)
{
    int r = parse_crt(c, &c->ca, buf, len);
    if (r == 0) c->have_ca = 1;
    return r;
}

int tud_ctx_set_own(tud_ctx *c, const uint8_t *cert, size_t cert_len, const uint8_t *key, size_t key_len)
{
    int r = parse_crt(c, &c->own, cert, cert_len);
    if (r != 0) return r;
    size_t n = key_len;
    uint8_t *copy = is_pem(key, key_len) ? nul_terminated(key, key_len, &n) : NULL;
    g_current_ctx = c;
    r = mbedtls_pk_parse_key(&c->key, copy ? copy : key, n, NULL, 0, tud_rng, NULL);
    g_current_ctx = NULL;
    if (copy) {
        mbedtls_platform_zeroize(copy, n);
        free(copy);
    }
    if (r != 0) return r;
    if (!mbedtls_pk_can_do(&c->key, MBEDTLS_PK_ECKEY)) return MBEDTLS_ERR_PK_TYPE_MISMATCH;
    /* A key that is not the certificate's would only show up as failed handshakes. */
    g_current_ctx = c;
    r = mbedtls_pk_check_pair(&c->own.pk, &c->key, tud_rng, NULL);
    g_current_ctx = NULL;
    if (r != 0) return r;
    c->have_own = 1;
    return 0;
}

int tud_ctx_add_psk(tud_ctx *c, const uint8_t *id, size_t id_len, const uint8_t *key, size_t key_len)
{
    if (c->n_psk >= TUD_MAX_PSK || id_len == 0 || id_len > TUD_MAX_PSK_ID || key_len == 0 ||
        key_len > TUD_MAX_PSK_KEY) {
        return MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
    }
    if (!c->server && c->n_psk > 0) return MBEDTLS_ERR_SSL_BAD_INPUT_DATA; /* a client has one */
    struct tud_psk *e = &c->psk[c->n_psk++];
    memcpy(e->id, id, id_len);
    e->id_len = id_len;
    memcpy(e->key, key, key_len);
    e->key_len = key_len;
    return 0;
}

int tud_ctx_finish(tud_ctx *c)
{
    int n = 0;
    int cert_mode = c->have_own || c->have_ca;
    if (cert_mode) {
        /* Certificate mode needs both our certificate and trust anchors: the peer must be
         * authenticated in both roles (R-COAP.16, R-MTP.1). */
        if (!c->have_own || !c->have_ca) return MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
        c->suites[n++] = MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8;   /* RFC 7925 §4.4 */
        c->suites[n++] = MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        int r = mbedtls_ssl_conf_own_cert(&c->conf, &c->own, &c->key);
        if (r != 0) return r;
        mbedtls_ssl_conf_ca_chain(&c->conf, &c->ca, NULL);
        /* The server requests and requires the client's certificate (R-MTP.1). */
        mbedtls_ssl_conf_authmode(&c->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    } else {
        mbedtls_ssl_conf_authmode(&c->conf, MBEDTLS_SSL_VERIFY_NONE);
    }
    if (c->n_psk > 0) {
        c->suites[n++] = MBEDTLS_TLS_PSK_WITH_AES_128_CCM_8;           /* RFC 7925 §4.2 */
        if (c->server) {
            mbedtls_ssl_conf_psk_cb(&c->conf, psk_cb, c);
        } else {
            g_current_ctx = c;
            int r = mbedtls_ssl_conf_psk(&c->conf, c->psk[0].key, c->psk[0].key_len, c->psk[0].id, c->psk[0].id_len);
            g_current_ctx = NULL;
            if (r != 0) return r;
        }
    }
    if (n == 0) return MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
    c->suites[n] = 0;
    mbedtls_ssl_conf_ciphersuites(&c->conf, c->suites);
    return 0;
}

void tud_ctx_free(tud_ctx *c)
{
    if (c == NULL) return;
    mbedtls_ssl_config_free(&c->conf);
    mbedtls_ssl_cookie_free(&c->cookie);
    mbedtls_x509_crt_free(&c->ca);
    mbedtls_x509_crt_free(&c->own);
    mbedtls_pk_free(&c->key);
    mbedtls_platform_zeroize(c->psk, sizeof(c->psk));
    free(c);
}

size_t tud_ctx_memory(const tud_ctx *c) { return c->memory; }

/* ------------------------------------------------------------------------------------------
 * Stateless cookie exchange (RFC 6347 §4.2.1): parse a ClientHello in one unfragmented record
 * and either answer a HelloVerifyRequest or accept it, keeping no state for the peer.
 */
int tud_server_hello(tud_ctx *c, const uint8_t *in, size_t len, const uint8_t *peer, size_t peer_len,
                     uint8_t *out, size_t out_cap, double now_ms)
{
    if (!c->server) return TUD_HELLO_DROP;
    /* Cookies expire (mbedtls_ssl_cookie_set_timeout, 60 s) on the clock of mbedtls_time(). */
    if (now_ms > g_last_mono_ms) g_last_mono_ms = now_ms;
    /* Record header (13) + handshake header (12) + version (2) + random (32) + sid len (1). */
    if (len < 13 + 12 + 2 + 32 + 1) return TUD_HELLO_DROP;
    if (in[0] != MBEDTLS_SSL_MSG_HANDSHAKE || in[1] != 0xfe) return TUD_HELLO_DROP;
    if (in[3] != 0 || in[4] != 0) return TUD_HELLO_DROP; /* epoch 0 only */
    size_t rec_len = ((size_t) in[11] << 8) | in[12];
    if (rec_len + 13 > len) return TUD_HELLO_DROP;
    const uint8_t *hs = in + 13;
    if (hs[0] != MBEDTLS_SSL_HS_CLIENT_HELLO) return TUD_HELLO_DROP;
    size_t msg_len = ((size_t) hs[1] << 16) | ((size_t) hs[2] << 8) | hs[3];
    size_t frag_off = ((size_t) hs[6] << 16) | ((size_t) hs[7] << 8) | hs[8];
    size_t frag_len = ((size_t) hs[9] << 16) | ((size_t) hs[10] << 8) | hs[11];
    /* Only an unfragmented ClientHello can carry a checkable cookie here. */
    if (frag_off != 0 || frag_len != msg_len || msg_len + 12 > rec_len) return TUD_HELLO_DROP;
    const uint8_t *body = hs + 12, *end = body + msg_len;
    const uint8_t *p = body + 2 + 32;
    if (p + 1 > end) return TUD_HELLO_DROP;
    size_t sid_len = *p++;
    if (sid_len > 32 || p + sid_len + 1 > end) return TUD_HELLO_DROP;
    p += sid_len;
    size_t cookie_len = *p++;
    if (p + cookie_len > end) return TUD_HELLO_DROP;
    if (cookie_len > 0 && mbedtls_ssl_cookie_check(&c->cookie, p, cookie_len, peer, peer_len) == 0) {
        return TUD_HELLO_ACCEPT;
    }
    /* HelloVerifyRequest: record version DTLS 1.0 and the ClientHello's record sequence
     * number and message_seq (RFC 6347 §4.2.1). */
    if (out_cap < 13 + 12 + 2 + 1 + 32) return TUD_HELLO_DROP;
    uint8_t *o = out;
    o[0] = MBEDTLS_SSL_MSG_HANDSHAKE;
    o[1] = 0xfe; o[2] = 0xff;
    memcpy(o + 3, in + 3, 8);     /* epoch 0 and the client's sequence number */
    uint8_t *h = o + 13;
    h[0] = MBEDTLS_SSL_HS_HELLO_VERIFY_REQUEST;
    h[4] = hs[4]; h[5] = hs[5];   /* message_seq */
    h[6] = h[7] = h[8] = 0;       /* fragment offset */
    uint8_t *b = h + 12;
    b[0] = 0xfe; b[1] = 0xff;     /* server_version DTLS 1.0, as RFC 6347 §4.2.1 recommends */
    uint8_t *cp = b + 3;
    if (mbedtls_ssl_cookie_write(&c->cookie, &cp, out + out_cap, peer, peer_len) != 0) return TUD_HELLO_DROP;
    size_t clen = (size_t) (cp - (b + 3));
    b[2] = (uint8_t) clen;
    size_t body_len = 3 + clen;
    h[1] = 0; h[2] = (uint8_t) (body_len >> 8); h[3] = (uint8_t) body_len;
    h[9] = 0; h[10] = (uint8_t) (body_len >> 8); h[11] = (uint8_t) body_len;
    size_t rl = 12 + body_len;
    o[11] = (uint8_t) (rl >> 8); o[12] = (uint8_t) rl;
    return (int) (13 + rl);
}

/* ------------------------------------------------------------------------------------------
 * Session transport: the BIO and timer callbacks of mbedTLS work on queues, not sockets.
 */
static int bio_send(void *p, const unsigned char *buf, size_t len)
{
    tud_session *s = p;
    if (s->direct != NULL && s->direct_len == 0 && s->out_head == NULL && len <= s->direct_cap) {
        memcpy(s->direct, buf, len); /* tud_write_take: straight to the caller, in order */
        s->direct_len = len;
        return (int) len;
    }
    struct out_dgram *d = mbedtls_calloc(1, sizeof(*d) + len);
    if (d == NULL) return MBEDTLS_ERR_SSL_ALLOC_FAILED;
    memcpy(d->data, buf, len);
    d->len = len;
    if (s->out_tail) s->out_tail->next = d;
    else s->out_head = d;
    s->out_tail = d;
    return (int) len;
}

static int bio_recv(void *p, unsigned char *buf, size_t len)
{
    tud_session *s = p;
    if (s->in == NULL) return MBEDTLS_ERR_SSL_WANT_READ;
    size_t n = s->in_len;
    uint8_t *d = s->in;
    s->in = NULL;
    s->in_len = 0;
    if (n > len) { /* larger than our record buffer: treat as lost */
        if (!s->in_borrowed) mbedtls_free(d);
        s->in_borrowed = 0;
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    memcpy(buf, d, n);
    if (!s->in_borrowed) mbedtls_free(d);
    s->in_borrowed = 0;
    return (int) n;
}

/* RFC 6347 §4.2.4 timer: intermediate and final delays, counted on the host's clock. */
static void timer_set(void *p, uint32_t int_ms, uint32_t fin_ms)
{
    tud_session *s = p;
    if (fin_ms == 0) {
        s->int_deadline = s->fin_deadline = -1;
    } else {
        s->int_deadline = s->now_ms + int_ms;
        s->fin_deadline = s->now_ms + fin_ms;
    }
}

static int timer_get(void *p)
{
    tud_session *s = p;
    if (s->fin_deadline < 0) return -1;
    if (s->now_ms >= s->fin_deadline) return 2;
    if (s->now_ms >= s->int_deadline) return 1;
    return 0;
}

static tud_session *session_new(tud_ctx *c)
{
    tud_session *s = calloc(1, sizeof(*s));
    if (s == NULL) return NULL;
    s->ctx = c;
    s->memory = s->memory_peak = sizeof(*s);
    s->int_deadline = s->fin_deadline = -1;
    s->psk_id_len = -1;
    s->state = TUD_HANDSHAKING;
    g_current = s;
    mbedtls_ssl_init(&s->ssl);
    int r = mbedtls_ssl_setup(&s->ssl, &c->conf);
    if (r == 0 && c->mtu != 0) mbedtls_ssl_set_mtu(&s->ssl, (uint16_t) c->mtu);
    mbedtls_ssl_set_bio(&s->ssl, s, bio_send, bio_recv, NULL);
    mbedtls_ssl_set_timer_cb(&s->ssl, s, timer_set, timer_get);
    g_current = NULL;
    if (r != 0) {
        tud_free(s);
        return NULL;
    }
    return s;
}

tud_session *tud_server_new(tud_ctx *c, const uint8_t *peer, size_t peer_len)
{
    if (!c->server) return NULL;
    tud_session *s = session_new(c);
    if (s == NULL) return NULL;
    g_current = s;
    int r = mbedtls_ssl_set_client_transport_id(&s->ssl, peer, peer_len);
    g_current = NULL;
    if (r != 0) {
        tud_free(s);
        return NULL;
    }
    return s;
}

tud_session *tud_client_new(tud_ctx *c, const char *server_name)
{
    if (c->server) return NULL;
    tud_session *s = session_new(c);
    if (s == NULL) return NULL;
    g_current = s;
    /* mbedTLS 3.6 refuses to verify a server certificate unless the hostname was set, possibly
     * to NULL on purpose: the USP check is the Endpoint ID, done by the caller (R-MTP.4). */
    int r = mbedtls_ssl_set_hostname(&s->ssl, server_name);
    if (r == 0 && c->n_psk > 0) { memcpy(s->psk_id, c->psk[0].id, c->psk[0].id_len); s->psk_id_len = (int) c->psk[0].id_len; }
    g_current = NULL;
    if (r != 0) {
        tud_free(s);
        return NULL;
    }
    return s;
}

static void fail(tud_session *s, int err)
{
    s->state = TUD_FAILED;
    s->error = err;
    s->int_deadline = s->fin_deadline = -1;
}

static void handshake(tud_session *s)
{
    int r = mbedtls_ssl_handshake(&s->ssl);
    if (r == 0) {
        s->state = TUD_OPEN;
    } else if (r != MBEDTLS_ERR_SSL_WANT_READ && r != MBEDTLS_ERR_SSL_WANT_WRITE) {
        fail(s, r);
    }
}

static void enter(tud_session *s, double now_ms)
{
    g_current = s;
    if (now_ms > s->now_ms) s->now_ms = now_ms;
    if (s->now_ms > g_last_mono_ms) g_last_mono_ms = s->now_ms;
}

/* A datagram the host fed but nothing read is lost, as the network might lose it. */
static void drop_input(tud_session *s)
{
    if (s->in != NULL && !s->in_borrowed) mbedtls_free(s->in);
    s->in = NULL;
    s->in_len = 0;
    s->in_borrowed = 0;
}

int tud_feed(tud_session *s, const uint8_t *dgram, size_t len, double now_ms)
{
    if (s->state != TUD_HANDSHAKING && s->state != TUD_OPEN) return s->state;
    enter(s, now_ms);
    drop_input(s);
    s->in = mbedtls_calloc(1, len ? len : 1);
    if (s->in == NULL) {
        g_current = NULL;
        return s->state; /* over budget: the datagram is dropped, as the network might */
    }
    memcpy(s->in, dgram, len);
    s->in_len = len;
    if (s->state == TUD_HANDSHAKING) {
        s->started = 1;
        handshake(s);
    }
    g_current = NULL;
    return s->state;
}

int tud_step(tud_session *s, double now_ms)
{
    if (s->state != TUD_HANDSHAKING) return s->state;
    enter(s, now_ms);
    /* The first step of a client sends its ClientHello; later ones only act on an expired
     * timer (a retransmission, or the final timeout that fails the handshake). */
    if (!s->started || timer_get(s) == 2) {
        s->started = 1;
        handshake(s);
    }
    g_current = NULL;
    return s->state;
}

double tud_next_timeout(const tud_session *s)
{
    return s->state == TUD_HANDSHAKING ? s->fin_deadline : -1;
}

int tud_read(tud_session *s, uint8_t *out, size_t cap, double now_ms)
{
    if (s->state != TUD_OPEN) return s->state == TUD_HANDSHAKING ? 0 : -1;
    enter(s, now_ms);
    int r = mbedtls_ssl_read(&s->ssl, out, cap);
    g_current = NULL;
    if (r > 0) return r;
    if (r == 0 || r == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
        s->state = TUD_CLOSED;
        return -1;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE || r == MBEDTLS_ERR_SSL_TIMEOUT) return 0;
    fail(s, r);
    return -1;
}

int tud_write(tud_session *s, const uint8_t *data, size_t len, double now_ms)
{
    if (s->state != TUD_OPEN) return MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
    enter(s, now_ms);
    int r = mbedtls_ssl_write(&s->ssl, data, len);
    g_current = NULL;
    return r;
}

int tud_feed_read(tud_session *s, const uint8_t *dgram, size_t len, uint8_t *out, size_t cap, double now_ms)
{
    int r;
    if (s->state != TUD_OPEN) {
        r = tud_feed(s, dgram, len, now_ms);
        r = r == TUD_HANDSHAKING || r == TUD_OPEN ? 0 : -1;
    } else {
        enter(s, now_ms);
        drop_input(s);
        /* Read in place: bio_recv copies it into mbedTLS's record buffer during this call. */
        s->in = (uint8_t *) dgram;
        s->in_len = len;
        s->in_borrowed = 1;
        g_current = NULL;
        r = tud_read(s, out, cap, now_ms);
        if (s->in_borrowed) {
            /* Not consumed (mbedTLS still held records of an earlier datagram): keep a copy
             * for the next read, as tud_feed would have. */
            s->in = NULL;
            s->in_borrowed = 0;
            g_current = s;
            uint8_t *copy = mbedtls_calloc(1, len ? len : 1);
            g_current = NULL;
            if (copy != NULL) {
                memcpy(copy, dgram, len);
                s->in = copy;
                s->in_len = len;
            }
        }
        if (r < 0) return -1;
    }
    return s->out_head != NULL ? r | TUD_OUT_PENDING : r;
}

int tud_write_take(tud_session *s, const uint8_t *data, size_t len, uint8_t *out, size_t cap, double now_ms)
{
    if (s->state != TUD_OPEN) return MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
    enter(s, now_ms);
    s->direct = out;
    s->direct_cap = cap;
    s->direct_len = 0;
    int r = mbedtls_ssl_write(&s->ssl, data, len);
    s->direct = NULL;
    g_current = NULL;
    if (r < 0) return r;
    int n = (int) s->direct_len;
    return s->out_head != NULL ? n | TUD_OUT_PENDING : n;
}

int tud_max_payload(tud_session *s)
{
    return mbedtls_ssl_get_max_out_record_payload(&s->ssl);
}

size_t tud_out_len(const tud_session *s) { return s->out_head ? s->out_head->len : 0; }

size_t tud_out_take(tud_session *s, uint8_t *buf, size_t cap)
{
    struct out_dgram *d = s->out_head;
    if (d == NULL || d->len > cap) return 0;
    size_t n = d->len;
    memcpy(buf, d->data, n);
    s->out_head = d->next;
    if (s->out_head == NULL) s->out_tail = NULL;
    mbedtls_free(d);
    return n;
}

int tud_state(const tud_session *s) { return s->state; }
int tud_error(const tud_session *s) { return s->error; }
int tud_over_limit(const tud_session *s) { return s->over_limit; }

void tud_close(tud_session *s)
{
    if (s->state == TUD_OPEN) {
        g_current = s;
        mbedtls_ssl_close_notify(&s->ssl); /* RFC 5246 §7.2.1 */
        g_current = NULL;
    }
    if (s->state == TUD_OPEN || s->state == TUD_HANDSHAKING) s->state = TUD_CLOSED;
    s->int_deadline = s->fin_deadline = -1;
}

void tud_free(tud_session *s)
{
    if (s == NULL) return;
    g_current = s;
    while (s->out_head) {
        struct out_dgram *d = s->out_head;
        s->out_head = d->next;
        mbedtls_free(d);
    }
    drop_input(s);
    mbedtls_free(s->chain_sha256);
    mbedtls_ssl_free(&s->ssl);
    g_current = NULL;
    free(s);
}

size_t tud_memory(const tud_session *s) { return s->memory; }
size_t tud_memory_peak(const tud_session *s) { return s->memory_peak; }

/* ------------------------------------------------------------------------------------------
 * Facts
 */
const char *tud_ciphersuite(const tud_session *s)
{
    if (s->state != TUD_OPEN && s->state != TUD_CLOSED) return NULL;
    switch (mbedtls_ssl_get_ciphersuite_id_from_ssl(&s->ssl)) {
    case MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8: return "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8";
    case MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    case MBEDTLS_TLS_PSK_WITH_AES_128_CCM_8: return "TLS_PSK_WITH_AES_128_CCM_8";
    default: return NULL;
    }
}

int tud_psk_identity(const tud_session *s, uint8_t *out, size_t cap)
{
    if (s->psk_id_len < 0 || (size_t) s->psk_id_len > cap) return -1;
    const char *suite = tud_ciphersuite(s);
    if (suite == NULL || strcmp(suite, "TLS_PSK_WITH_AES_128_CCM_8") != 0) return -1;
    memcpy(out, s->psk_id, (size_t) s->psk_id_len);
    return s->psk_id_len;
}

static const mbedtls_x509_crt *peer_cert(const tud_session *s)
{
    if (s->state != TUD_OPEN && s->state != TUD_CLOSED) return NULL;
    return mbedtls_ssl_get_peer_cert(&s->ssl);
}

int tud_peer_cert_der(const tud_session *s, uint8_t *out, size_t cap)
{
    const mbedtls_x509_crt *crt = peer_cert(s);
    if (crt == NULL || crt->raw.len > cap) return -1;
    memcpy(out, crt->raw.p, crt->raw.len);
    return (int) crt->raw.len;
}

int tud_peer_endpoint_id(const tud_session *s, uint8_t *out, size_t cap)
{
    static const char prefix[] = "urn:bbf:usp:id:";
    const size_t plen = sizeof(prefix) - 1;
    const mbedtls_x509_crt *crt = peer_cert(s);
    if (crt == NULL) return -1;
    for (const mbedtls_x509_sequence *cur = &crt->subject_alt_names; cur != NULL; cur = cur->next) {
        if (cur->buf.p == NULL) continue;
        mbedtls_x509_subject_alternative_name san;
        if (mbedtls_x509_parse_subject_alt_name(&cur->buf, &san) != 0) continue;
        int found = -1;
        if (san.type == MBEDTLS_X509_SAN_UNIFORM_RESOURCE_IDENTIFIER) {
            const mbedtls_x509_buf *u = &san.san.unstructured_name;
            /* The URN scheme and namespace are case-insensitive (RFC 8141 §3.1). */
            if (u->len > plen && strncasecmp((const char *) u->p, prefix, plen) == 0 && u->len - plen <= cap) {
                memcpy(out, u->p + plen, u->len - plen);
                found = (int) (u->len - plen);
            }
        }
        mbedtls_x509_free_subject_alt_name(&san);
        if (found >= 0) return found;
    }
    return -1;
}

double tud_peer_not_before(const tud_session *s)
{
    const mbedtls_x509_crt *crt = peer_cert(s);
    return crt ? x509_time_to_unix(&crt->valid_from) : NAN;
}

double tud_peer_not_after(const tud_session *s)
{
    const mbedtls_x509_crt *crt = peer_cert(s);
    return crt ? x509_time_to_unix(&crt->valid_to) : NAN;
}

int tud_peer_dates_checked(const tud_session *s) { return s->dates_checked; }

uint32_t tud_peer_verify_flags(const tud_session *s)
{
    return mbedtls_ssl_get_verify_result(&s->ssl);
}

/* ------------------------------------------------------------------------------------------
 * Trust facts (USP digest §9.3 Check-cert and Determine-role, R-SEC.25; issue 11 roles and TOFU).
 * The SHA-256 of each certificate of the peer's chain as mbedTLS verified it (leaf first, up to
 * the trust anchor when one was reached), so the agent can find the first CA bound by a
 * ControllerTrust.Credential and compare a Controller.{i}.Credential. On a context that accepts
 * untrusted chains (TOFU), a chain that leads to no trust anchor passes the handshake marked
 * untrusted; every other verdict (dates once known, signatures of a found parent, key usage)
 * still fails it, and the peer still proves its key (CertificateVerify).
 */
static void record_chain(tud_session *s, const mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    if (s->chain_sha256 == NULL) s->chain_sha256 = mbedtls_calloc(TUD_MAX_CHAIN, 32);
    if (s->chain_sha256 != NULL && depth >= 0 && depth < TUD_MAX_CHAIN) {
        if (mbedtls_sha256(crt->raw.p, crt->raw.len, s->chain_sha256[depth], 0) == 0 && depth >= s->chain_len) {
            s->chain_len = depth + 1;
        }
    }
    if ((*flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0 && s->ctx->accept_untrusted) {
        *flags &= ~(uint32_t) MBEDTLS_X509_BADCERT_NOT_TRUSTED;
        s->untrusted = 1;
    }
}

void tud_ctx_accept_untrusted(tud_ctx *c, int on)
{
    c->accept_untrusted = on ? 1 : 0;
}

int tud_peer_chain_sha256(const tud_session *s, int depth, uint8_t *out)
{
    if (peer_cert(s) == NULL || depth < 0 || depth >= s->chain_len) return -1;
    memcpy(out, s->chain_sha256[depth], 32);
    return 32;
}

int tud_peer_untrusted(const tud_session *s)
{
    return peer_cert(s) != NULL && s->untrusted;
}

/* Formatting without snprintf (it would add ~19 KB of printf to the module). */
struct text { char *p; size_t cap, len; int full; };

static void put(struct text *t, const char *s, size_t n)
{
    if (t->len + n >= t->cap) { t->full = 1; return; }
    memcpy(t->p + t->len, s, n);
    t->len += n;
}

static void put_uint(struct text *t, unsigned long v)
{
    char d[24];
    int i = sizeof(d);
    do { d[--i] = (char) ('0' + v % 10); v /= 10; } while (v != 0 && i > 0);
    put(t, d + i, sizeof(d) - (size_t) i);
}

/* Serial number as upper-case hex pairs joined by ':' (RFC 5280 §4.1.2.2). */
static void put_serial(struct text *t, const mbedtls_x509_buf *serial)
{
    static const char hex[] = "0123456789ABCDEF";
    /* The DER sign byte of a serial with its top bit set is no part of the number. */
    size_t i = serial->len > 1 && serial->p[0] == 0 ? 1 : 0;
    for (; i < serial->len; i++) {
        char b[3] = { hex[serial->p[i] >> 4], hex[serial->p[i] & 15], ':' };
        put(t, b, i + 1 < serial->len ? 3 : 2);
    }
}

/* A DN as "C=NL, O=Example, CN=Example CA" (the form of mbedtls_x509_dn_gets), in certificate
 * order; attribute types without a short name in dotted form. */
static void put_dn(struct text *t, const mbedtls_x509_name *dn)
{
    static const struct { uint8_t last; const char *name; } k_names[] = {
        { 3, "CN" }, { 5, "serialNumber" }, { 6, "C" }, { 7, "L" }, { 8, "ST" }, { 10, "O" }, { 11, "OU" },
    };
    for (const mbedtls_x509_name *n = dn; n != NULL && n->oid.p != NULL; n = n->next) {
        if (t->len > 0) put(t, n->MBEDTLS_PRIVATE(next_merged) ? " + " : ", ", n->MBEDTLS_PRIVATE(next_merged) ? 3 : 2);
        const char *name = NULL;
        if (n->oid.len == 3 && n->oid.p[0] == 0x55 && n->oid.p[1] == 0x04) {
            for (size_t i = 0; i < sizeof(k_names) / sizeof(k_names[0]); i++) {
                if (k_names[i].last == n->oid.p[2]) name = k_names[i].name;
            }
        }
        if (name != NULL) {
            put(t, name, strlen(name));
        } else if (n->oid.len > 0) {
            /* X.690 §8.19: first byte 40*a+b, then base-128 arcs. */
            put_uint(t, n->oid.p[0] / 40);
            put(t, ".", 1);
            put_uint(t, n->oid.p[0] % 40);
            unsigned long arc = 0;
            for (size_t i = 1; i < n->oid.len; i++) {
                arc = (arc << 7) | (n->oid.p[i] & 0x7F);
                if ((n->oid.p[i] & 0x80) == 0) { put(t, ".", 1); put_uint(t, arc); arc = 0; }
            }
        }
        put(t, "=", 1);
        for (size_t i = 0; i < n->val.len; i++) {
            unsigned char ch = n->val.p[i];
            put(t, ch < 0x20 || ch == 0x7F ? "?" : (const char *) &ch, 1);
        }
    }
}

int tud_x509_info(const uint8_t *buf, size_t len, int index, uint8_t *out, size_t cap)
{
    platform_init();
    mbedtls_x509_crt chain;
    mbedtls_x509_crt_init(&chain);
    int r;
    if (is_pem(buf, len)) {
        size_t n;
        uint8_t *z = nul_terminated(buf, len, &n);
        if (z == NULL) return -1;
        r = mbedtls_x509_crt_parse(&chain, z, n);
        free(z);
    } else {
        r = mbedtls_x509_crt_parse_der(&chain, buf, len);
    }
    int result = -1;
    const mbedtls_x509_crt *crt = &chain;
    for (int i = 0; r >= 0 && crt != NULL && crt->raw.p != NULL && i < index; i++) crt = crt->next;
    if (r >= 0 && crt != NULL && crt->raw.p != NULL && cap > 32) {
        struct text t = { (char *) out + 32, cap - 32, 0, 0 };
        put_serial(&t, &crt->serial);
        put(&t, "\n", 1);
        size_t issuer_at = t.len;
        struct text dn = { t.p + issuer_at, t.cap - issuer_at, 0, 0 };
        put_dn(&dn, &crt->issuer);
        if (!t.full && !dn.full && mbedtls_sha256(crt->raw.p, crt->raw.len, out, 0) == 0) {
            result = (int) (32 + issuer_at + dn.len);
        }
    }
    mbedtls_x509_crt_free(&chain);
    return result;
}
