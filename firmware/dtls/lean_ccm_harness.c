/*
 * The lean CCM on its own, for its RFC 3610 test (test/dtls/lean-ccm-vectors.test.ts) and its
 * micro-benchmark (test/bench/dtls-ccm.bench.ts); never part of tinyusp-dtls.wasm. (A two-block
 * AES step, a CBC-MAC block with a counter block, was measured here and dropped: no gain, see
 * firmware/dtls/README.md, "Fifth pass".)
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
static unsigned char g_scratch[18432];
#define KEYS() ((const uint32_t *) (g_aes.buf + g_aes.rk_offset))

EXPORT(h_scratch) unsigned char *h_scratch(void) { return g_scratch; }
EXPORT(h_setkey) int h_setkey(const unsigned char *key) { return mbedtls_aes_setkey_enc(&g_aes, key, 128); }

/* One CCM call of the records' lean CCM (ccm_rk) on the key set by h_setkey.
 * Returns 0, MBEDTLS_ERR_CCM_AUTH_FAILED, or 1 for parameters the lean CCM declines. */
EXPORT(h_ccm)
int h_ccm(int encrypt, size_t length, const unsigned char *iv, size_t iv_len, const unsigned char *ad,
          size_t ad_len, const unsigned char *input, unsigned char *output, unsigned char *tag, size_t tag_len)
{
    if (!ccm_params_ok(length, iv_len, ad_len, tag_len)) return TUD_CCM_DECLINED;
    return ccm_rk(KEYS(), encrypt, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len);
}

/* Timing loops (the caller times the call): `n` chained blocks (each one's output is the next
 * one's input, as in the CBC-MAC) through 0: aes128_encrypt (the module's), 1:
 * mbedtls_internal_aes_encrypt, 2: ctr_encrypt (a CTR key-stream block; chained through its
 * output's byte 0 as byte 15 of the next counter block). */
EXPORT(h_aes_loop)
void h_aes_loop(int variant, int n)
{
    if (!ft_made) ft_generate();
    unsigned char *b = g_scratch;
    rk_load(KEYS());
    if (variant == 2) ctr_prepare(b);
    for (int i = 0; i < n; i++) {
        if (variant == 0) aes128_encrypt(b, b);
        else if (variant == 2) ctr_encrypt(b[0], b);
        else mbedtls_internal_aes_encrypt(&g_aes, b, b);
    }
    rk_wipe();
}

/* `n` CCM encryptions of a DTLS record's shape (12-byte nonce, 13 bytes of AAD, 8-byte tag) of
 * `length` bytes in place in the scratch buffer. */
EXPORT(h_ccm_loop)
int h_ccm_loop(size_t length, int n)
{
    unsigned char *iv = g_scratch, *ad = g_scratch + 16, *tag = g_scratch + 32, *data = g_scratch + 64;
    if (length > sizeof(g_scratch) - 64) return -1;
    int r = 0;
    for (int i = 0; i < n; i++) {
        iv[11] = (unsigned char) i;
        r |= ccm_rk(KEYS(), 1, length, iv, 12, ad, 13, data, data, tag, 8);
    }
    return r;
}
