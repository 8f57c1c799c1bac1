/*
 * Native check of the DTLS shim (the XS runner and the board link the same C): our client and
 * our server in one process, datagrams passed in memory with a simulated clock.
 *   native-test                      PSK: cookie exchange, handshake, data both ways, wrong key
 *   native-test ca.pem cert.pem key.pem
 *                                    also certificate mode with these (mutual) credentials
 * Exit status 0 when every check passed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "tinyusp_dtls.h"

int tinyusp_dtls_entropy(unsigned char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = getrandom(buf, len, 0);
        if (n <= 0) return -1;
        buf += n;
        len -= (size_t) n;
    }
    return 0;
}

static int failures;
#define CHECK(cond, what) do { if (!(cond)) { fprintf(stderr, "FAIL: %s (line %d)\n", what, __LINE__); failures++; } else printf("ok: %s\n", what); } while (0)

static const uint8_t PEER[] = "127.0.0.1:40000";

/* Moves every queued datagram of `from` into `to` (or through the cookie check when the
 * server has no session yet). Returns the number moved. */
static int pump(tud_ctx *sctx, tud_session **server, tud_session *client, double now)
{
    uint8_t buf[8192];
    int moved = 0;
    size_t n;
    while ((n = tud_out_take(client, buf, sizeof buf)) > 0) {
        moved++;
        if (*server == NULL) {
            uint8_t hvr[256];
            int r = tud_server_hello(sctx, buf, n, PEER, sizeof PEER - 1, hvr, sizeof hvr, now);
            if (r > 0) tud_feed(client, hvr, (size_t) r, now);
            else if (r == TUD_HELLO_ACCEPT) {
                *server = tud_server_new(sctx, PEER, sizeof PEER - 1);
                tud_feed(*server, buf, n, now);
            }
        } else {
            tud_feed(*server, buf, n, now);
        }
    }
    if (*server != NULL) {
        while ((n = tud_out_take(*server, buf, sizeof buf)) > 0) {
            moved++;
            tud_feed(client, buf, n, now);
        }
    }
    return moved;
}

static int handshake(tud_ctx *sctx, tud_ctx *cctx, tud_session **server, tud_session **client)
{
    double now = 1000;
    *server = NULL;
    *client = tud_client_new(cctx, NULL);
    tud_step(*client, now);
    for (int i = 0; i < 20; i++) {
        if (pump(sctx, server, *client, now) == 0) break;
    }
    return tud_state(*client) == TUD_OPEN && *server != NULL && tud_state(*server) == TUD_OPEN;
}

static void exchange(tud_session *from, tud_session *to, const char *text, const char *what)
{
    uint8_t buf[4096];
    int w = tud_write(from, (const uint8_t *) text, strlen(text), 2000);
    size_t n = tud_out_take(from, buf, sizeof buf);
    tud_feed(to, buf, n, 2000);
    uint8_t got[4096];
    int r = tud_read(to, got, sizeof got, 2000);
    CHECK(w == (int) strlen(text) && r == (int) strlen(text) && memcmp(got, text, (size_t) r) == 0, what);
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    static uint8_t bufs[3][16384];
    static int next;
    uint8_t *b = bufs[next++];
    *len = fread(b, 1, sizeof bufs[0], f);
    fclose(f);
    return b;
}

int main(int argc, char **argv)
{
    tud_set_wall_time(-1);
    const uint8_t key[] = "0123456789abcdef";
    const uint8_t wrong[] = "fedcba9876543210";
    const uint8_t id[] = "controller-1";

    tud_ctx *sctx = tud_ctx_new(1, 1000, 8000, 1200, 0);
    CHECK(tud_ctx_add_psk(sctx, id, sizeof id - 1, key, 16) == 0, "server PSK added");
    CHECK(tud_ctx_finish(sctx) == 0, "server context ready");
    tud_ctx *cctx = tud_ctx_new(0, 1000, 8000, 1200, 0);
    tud_ctx_add_psk(cctx, id, sizeof id - 1, key, 16);
    CHECK(tud_ctx_finish(cctx) == 0, "client context ready");

    tud_session *s, *c;
    CHECK(handshake(sctx, cctx, &s, &c), "PSK handshake with a cookie round trip");
    if (s && tud_state(s) == TUD_OPEN) {
        CHECK(strcmp(tud_ciphersuite(s), "TLS_PSK_WITH_AES_128_CCM_8") == 0, "suite is TLS_PSK_WITH_AES_128_CCM_8");
        uint8_t got[64];
        int n = tud_psk_identity(s, got, sizeof got);
        CHECK(n == (int) sizeof id - 1 && memcmp(got, id, (size_t) n) == 0, "server reports the PSK identity");
        exchange(c, s, "request", "client to server data");
        exchange(s, c, "response", "server to client data");
        printf("memory: server session %zu bytes (peak %zu), client %zu (peak %zu)\n",
               tud_memory(s), tud_memory_peak(s), tud_memory(c), tud_memory_peak(c));
    }
    tud_free(s);
    tud_free(c);

    tud_ctx *bad = tud_ctx_new(0, 1000, 8000, 1200, 0);
    tud_ctx_add_psk(bad, id, sizeof id - 1, wrong, 16);
    tud_ctx_finish(bad);
    int ok = handshake(sctx, bad, &s, &c);
    CHECK(!ok && (tud_state(c) == TUD_FAILED || (s && tud_state(s) == TUD_FAILED)), "wrong PSK refused");
    tud_free(s);
    tud_free(c);
    tud_ctx_free(bad);
    tud_ctx_free(sctx);
    tud_ctx_free(cctx);

    if (argc == 4) {
        size_t ca_len, crt_len, key_len;
        uint8_t *ca = slurp(argv[1], &ca_len), *crt = slurp(argv[2], &crt_len), *k = slurp(argv[3], &key_len);
        sctx = tud_ctx_new(1, 1000, 8000, 1200, 0);
        cctx = tud_ctx_new(0, 1000, 8000, 1200, 0);
        CHECK(tud_ctx_add_ca(sctx, ca, ca_len) == 0 && tud_ctx_set_own(sctx, crt, crt_len, k, key_len) == 0 &&
              tud_ctx_finish(sctx) == 0, "server certificate context");
        CHECK(tud_ctx_add_ca(cctx, ca, ca_len) == 0 && tud_ctx_set_own(cctx, crt, crt_len, k, key_len) == 0 &&
              tud_ctx_finish(cctx) == 0, "client certificate context");
        CHECK(handshake(sctx, cctx, &s, &c), "certificate handshake (mutual)");
        if (s && tud_state(s) == TUD_OPEN) {
            uint8_t eid[128];
            int n = tud_peer_endpoint_id(s, eid, sizeof eid);
            CHECK(n > 0, "server reads the client's Endpoint ID");
            if (n > 0) printf("endpoint id: %.*s\n", n, (const char *) eid);
            printf("suite: %s, peer valid %.0f..%.0f\n", tud_ciphersuite(s), tud_peer_not_before(s), tud_peer_not_after(s));
            printf("memory: server session %zu bytes (peak %zu), client %zu (peak %zu)\n",
                   tud_memory(s), tud_memory_peak(s), tud_memory(c), tud_memory_peak(c));
        }
        tud_free(s);
        tud_free(c);
        tud_ctx_free(sctx);
        tud_ctx_free(cctx);
    }
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
