/*
 * The lean CCM on its own, for its RFC 3610 test (test/dtls/lean-ccm-vectors.test.ts) and its
 * micro-benchmark (test/bench/dtls-ccm.bench.ts); never part of tinyusp-dtls.wasm.
 * `build-wasm.sh --harness` links it with mbedTLS's aes.c (the key schedule, and its own block
 * function to compare with) into build/dtls-wasm/lean-ccm-harness.wasm.
 *
 * It includes tinyusp_lean_ccm.c to reach its static functions: what is tested and timed here is
 * the module's code, compiled with the module's flags.
 */
#include "tinyusp_lean_ccm.c"

#define EXPORT(name) __attribute__((export_name(#name)))

/* The lean CCM's ccm.c fallbacks: not linked here (the harness calls ccm_rk directly). */
int __real_mbedtls_ccm_encrypt_and_tag(mbedtls_ccm_context *ctx, size_t length, const unsigned char *iv, size_t iv_len,
                                       const unsigned char *ad, size_t ad_len, const unsigned char *input,
                                       unsigned char *output, unsigned char *tag, size_t tag_len)
{
    __builtin_trap();
}
int __real_mbedtls_ccm_auth_decrypt(mbedtls_ccm_context *ctx, size_t length, const unsigned char *iv, size_t iv_len,
                                    const unsigned char *ad, size_t ad_len, const unsigned char *input,
                                    unsigned char *output, const unsigned char *tag, size_t tag_len)
{
    __builtin_trap();
}

static mbedtls_aes_context g_aes;
static unsigned char g_scratch[8192];
#define RK() ((const uint32_t *) (g_aes.buf + g_aes.rk_offset))

EXPORT(h_scratch) unsigned char *h_scratch(void) { return g_scratch; }
EXPORT(h_setkey) int h_setkey(const unsigned char *key) { return mbedtls_aes_setkey_enc(&g_aes, key, 128); }

/*
 * CCM of the records before the two-block step (2026-12-06): every block on its own, the MAC and
 * the key stream one after the other. Kept as a second reference and the micro-benchmark's base.
 */
static int ccm_serial(const uint32_t *rk, int encrypt, size_t length, const unsigned char *iv, size_t iv_len,
                      const unsigned char *ad, size_t ad_len, const unsigned char *input, unsigned char *output,
                      unsigned char *tag, size_t tag_len)
{
    if (!ft_made) ft_generate();
    size_t q = 15 - iv_len, i, n;
    unsigned char y[16], ctr[16], s[16];
    y[0] = (unsigned char) ((ad_len > 0 ? 64 : 0) | (((tag_len - 2) / 2) << 3) | (q - 1));
    memcpy(y + 1, iv, iv_len);
    for (i = 0; i < q; i++) y[15 - i] = i < sizeof(size_t) ? (unsigned char) (length >> (8 * i)) : 0;
    aes128_encrypt(rk, y, y);
    if (ad_len > 0) {
        y[0] ^= (unsigned char) (ad_len >> 8);
        y[1] ^= (unsigned char) ad_len;
        size_t pos = 2;
        for (i = 0; i < ad_len; i++) {
            y[pos++] ^= ad[i];
            if (pos == 16) { aes128_encrypt(rk, y, y); pos = 0; }
        }
        if (pos != 0) aes128_encrypt(rk, y, y);
    }
    ctr[0] = (unsigned char) (q - 1);
    memcpy(ctr + 1, iv, iv_len);
    memset(ctr + 1 + iv_len, 0, q);
    uint32_t counter = 0;
    for (size_t off = 0; off < length; off += n) {
        n = length - off < 16 ? length - off : 16;
        counter++;
        for (i = 0; i < q && i < 4; i++) ctr[15 - i] = (unsigned char) (counter >> (8 * i));
        aes128_encrypt(rk, ctr, s);
        for (i = 0; i < n; i++) {
            unsigned char p = encrypt ? input[off + i] : (unsigned char) (input[off + i] ^ s[i]);
            output[off + i] = encrypt ? (unsigned char) (p ^ s[i]) : p;
            y[i] ^= p;
        }
        aes128_encrypt(rk, y, y);
    }
    memset(ctr + 1 + iv_len, 0, q);
    aes128_encrypt(rk, ctr, s);
    unsigned char diff = 0;
    for (i = 0; i < tag_len; i++) {
        if (encrypt) tag[i] = y[i] ^ s[i];
        else diff |= (unsigned char) (tag[i] ^ y[i] ^ s[i]);
    }
    if (diff != 0) {
        memset(output, 0, length);
        return MBEDTLS_ERR_CCM_AUTH_FAILED;
    }
    return 0;
}

/* One CCM call on the key set by h_setkey: 0 the records' lean CCM (ccm_rk), 1 ccm_serial.
 * Returns 0, MBEDTLS_ERR_CCM_AUTH_FAILED, or 1 for parameters the lean CCM declines. */
EXPORT(h_ccm)
int h_ccm(int variant, int encrypt, size_t length, const unsigned char *iv, size_t iv_len, const unsigned char *ad,
          size_t ad_len, const unsigned char *input, unsigned char *output, unsigned char *tag, size_t tag_len)
{
    if (!ccm_params_ok(length, iv_len, ad_len, tag_len)) return TUD_CCM_DECLINED;
    return (variant ? ccm_serial : ccm_rk)(RK(), encrypt, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len);
}

/* Timing loops (the caller times the call): `n` chained blocks (each one's output is the next
 * one's input, as in the CBC-MAC) through 0: aes128_encrypt, 1: mbedtls_internal_aes_encrypt;
 * 2: n calls of aes128_encrypt2 (a MAC chain and a counter block each, so 2n blocks). */
EXPORT(h_aes_loop)
void h_aes_loop(int variant, int n)
{
    if (!ft_made) ft_generate();
    unsigned char *b = g_scratch, *c = g_scratch + 16, *s = g_scratch + 32;
    for (int i = 0; i < n; i++) {
        if (variant == 0) aes128_encrypt(RK(), b, b);
        else if (variant == 1) mbedtls_internal_aes_encrypt(&g_aes, b, b);
        else { c[15] = (unsigned char) i; aes128_encrypt2(RK(), b, c, s); }
    }
}

/* `n` CCM encryptions of a DTLS record's shape (12-byte nonce, 13 bytes of AAD, 8-byte tag) of
 * `length` bytes in place in the scratch buffer; variant as h_ccm. */
EXPORT(h_ccm_loop)
int h_ccm_loop(int variant, size_t length, int n)
{
    unsigned char *iv = g_scratch, *ad = g_scratch + 16, *tag = g_scratch + 32, *data = g_scratch + 64;
    if (length > sizeof(g_scratch) - 64) return -1;
    int r = 0;
    for (int i = 0; i < n; i++) {
        iv[11] = (unsigned char) i;
        r |= (variant ? ccm_serial : ccm_rk)(RK(), 1, length, iv, 12, ad, 13, data, data, tag, 8);
    }
    return r;
}
