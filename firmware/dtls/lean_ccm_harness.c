/*
 * The lean CCM on its own, for its RFC 3610 test (test/dtls/lean-ccm-vectors.test.ts) and its
 * micro-benchmark (test/bench/dtls-ccm.bench.ts); never part of tinyusp-dtls.wasm. Also an
 * experiment measured there and not adopted: a two-block AES step (ccm_pair).
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
#define KEYS() ((const uint32_t *) (g_aes.buf + g_aes.rk_offset))

EXPORT(h_scratch) unsigned char *h_scratch(void) { return g_scratch; }
EXPORT(h_setkey) int h_setkey(const unsigned char *key) { return mbedtls_aes_setkey_enc(&g_aes, key, 128); }

/*
 * Tried and not adopted (firmware/dtls/README.md, "Fifth pass"): two blocks at once, `x` (the
 * CBC-MAC, in place) and `in` -> `out` (a counter block), round by round in one loop, so that
 * the processor could overlap the MAC's serial chain with the independent key stream. Kept here
 * to be measured against the module's one-block step (test/bench/dtls-ccm.bench.ts).
 */
#define ROUNDP(rk, y0, y1, y2, y3, x0, x1, x2, x3) do { \
    y0 = (rk)[0] ^ FT(0, x0, 0) ^ FT(1, x1, 1) ^ FT(2, x2, 2) ^ FT(3, x3, 3); \
    y1 = (rk)[1] ^ FT(0, x1, 0) ^ FT(1, x2, 1) ^ FT(2, x3, 2) ^ FT(3, x0, 3); \
    y2 = (rk)[2] ^ FT(0, x2, 0) ^ FT(1, x3, 1) ^ FT(2, x0, 2) ^ FT(3, x1, 3); \
    y3 = (rk)[3] ^ FT(0, x3, 0) ^ FT(1, x0, 1) ^ FT(2, x1, 2) ^ FT(3, x2, 3); \
} while (0)
/* The module's block function before 2026-12-07 (a key pointer, two rounds per loop turn), to
 * measure against the one with its round keys at RK_BASE. */
static void aes128_encrypt_ptr(const uint32_t *rk, const unsigned char *in, unsigned char *out)
{
    uint32_t a0, a1, a2, a3, b0, b1, b2, b3;
    memcpy(&a0, in, 4); memcpy(&a1, in + 4, 4); memcpy(&a2, in + 8, 4); memcpy(&a3, in + 12, 4);
    a0 ^= rk[0]; a1 ^= rk[1]; a2 ^= rk[2]; a3 ^= rk[3];
    const uint32_t *k = rk + 4;
#pragma clang loop unroll(disable)
    for (int r = 0; r < 4; r++, k += 8) {
        ROUNDP(k, b0, b1, b2, b3, a0, a1, a2, a3);
        ROUNDP(k + 4, a0, a1, a2, a3, b0, b1, b2, b3);
    }
    ROUNDP(rk + 36, b0, b1, b2, b3, a0, a1, a2, a3);
    LAST(rk[40], a0, b0, b1, b2, b3);
    LAST(rk[41], a1, b1, b2, b3, b0);
    LAST(rk[42], a2, b2, b3, b0, b1);
    LAST(rk[43], a3, b3, b0, b1, b2);
    memcpy(out, &a0, 4); memcpy(out + 4, &a1, 4); memcpy(out + 8, &a2, 4); memcpy(out + 12, &a3, 4);
}

static void aes128_encrypt2(const uint32_t *rk, unsigned char *x, const unsigned char *in, unsigned char *out)
{
    uint32_t a0, a1, a2, a3, b0, b1, b2, b3, c0, c1, c2, c3, d0, d1, d2, d3;
    memcpy(&a0, x, 4); memcpy(&a1, x + 4, 4); memcpy(&a2, x + 8, 4); memcpy(&a3, x + 12, 4);
    memcpy(&c0, in, 4); memcpy(&c1, in + 4, 4); memcpy(&c2, in + 8, 4); memcpy(&c3, in + 12, 4);
    a0 ^= rk[0]; a1 ^= rk[1]; a2 ^= rk[2]; a3 ^= rk[3];
    c0 ^= rk[0]; c1 ^= rk[1]; c2 ^= rk[2]; c3 ^= rk[3];
    const uint32_t *k = rk + 4;
#pragma clang loop unroll(disable)
    for (int r = 0; r < 4; r++, k += 8) {
        ROUNDP(k, b0, b1, b2, b3, a0, a1, a2, a3);
        ROUNDP(k, d0, d1, d2, d3, c0, c1, c2, c3);
        ROUNDP(k + 4, a0, a1, a2, a3, b0, b1, b2, b3);
        ROUNDP(k + 4, c0, c1, c2, c3, d0, d1, d2, d3);
    }
    ROUNDP(rk + 36, b0, b1, b2, b3, a0, a1, a2, a3);
    ROUNDP(rk + 36, d0, d1, d2, d3, c0, c1, c2, c3);
    LAST(rk[40], a0, b0, b1, b2, b3);
    LAST(rk[41], a1, b1, b2, b3, b0);
    LAST(rk[42], a2, b2, b3, b0, b1);
    LAST(rk[43], a3, b3, b0, b1, b2);
    LAST(rk[40], c0, d0, d1, d2, d3);
    LAST(rk[41], c1, d1, d2, d3, d0);
    LAST(rk[42], c2, d2, d3, d0, d1);
    LAST(rk[43], c3, d3, d0, d1, d2);
    memcpy(x, &a0, 4); memcpy(x + 4, &a1, 4); memcpy(x + 8, &a2, 4); memcpy(x + 12, &a3, 4);
    memcpy(out, &c0, 4); memcpy(out + 4, &c1, 4); memcpy(out + 8, &c2, 4); memcpy(out + 12, &c3, 4);
}

/*
 * CCM with that two-block step (the experiment above; parameters checked by ccm_params_ok).
 * Every CBC-MAC block (B0, the AAD, each payload block) is encrypted together with the next
 * key-stream block still to be made, in the order A1..An, then A0 (the tag's), so each payload
 * block's key stream is ready when it comes (one MAC block, B0, precedes the first). A DTLS
 * record (13 bytes of AAD, one block) of n blocks: n + 1 pairs and one single block, instead of
 * 2n + 3 single blocks.
 */
static int ccm_pair(const uint32_t *rk, int encrypt, size_t length, const unsigned char *iv, size_t iv_len,
                  const unsigned char *ad, size_t ad_len, const unsigned char *input, unsigned char *output,
                  unsigned char *tag, size_t tag_len)
{
    if (!ft_made) ft_generate();
    rk_load(rk);
    size_t q = 15 - iv_len; /* bytes of the length field and of the counter */
    size_t blocks = (length + 15) / 16;
    unsigned char y[16], ctr[16], s[16], s0[16];
    size_t i, n;
    /* The key stream made ahead: `made` counter blocks of A1..An so far, s holds A(made) until its
     * payload block takes it; A0 into s0 once A1..An are made or waiting. */
    size_t made = 0;
    int waiting = 0, s0_made = 0;
    ctr[0] = (unsigned char) (q - 1);
    memcpy(ctr + 1, iv, iv_len);
    memset(ctr + 1 + iv_len, 0, q);
#define MAC_STEP() do { \
        if (!waiting && made < blocks) { \
            made++; \
            for (i = 0; i < q && i < 4; i++) ctr[15 - i] = (unsigned char) (made >> (8 * i)); \
            aes128_encrypt2(rk, y, ctr, s); \
            waiting = 1; \
        } else if (!s0_made) { \
            memset(ctr + 1 + iv_len, 0, q); \
            aes128_encrypt2(rk, y, ctr, s0); \
            s0_made = 1; \
        } else { \
            aes128_encrypt(y, y); \
        } \
    } while (0)
    /* B0 (flags, nonce, message length), then the AAD with its 2-byte length: CBC-MAC into y. */
    y[0] = (unsigned char) ((ad_len > 0 ? 64 : 0) | (((tag_len - 2) / 2) << 3) | (q - 1));
    memcpy(y + 1, iv, iv_len);
    for (i = 0; i < q; i++) y[15 - i] = i < sizeof(size_t) ? (unsigned char) (length >> (8 * i)) : 0;
    MAC_STEP();
    if (ad_len > 0) {
        y[0] ^= (unsigned char) (ad_len >> 8);
        y[1] ^= (unsigned char) ad_len;
        size_t pos = 2;
        for (size_t j = 0; j < ad_len; j++) {
            y[pos++] ^= ad[j];
            if (pos == 16) { MAC_STEP(); pos = 0; }
        }
        if (pos != 0) MAC_STEP();
    }
    /* Payload blocks: each one's key stream is in s (made with the MAC block before it); its
     * plaintext goes into the MAC. */
    for (size_t off = 0; off < length; off += n) {
        n = length - off < 16 ? length - off : 16;
        waiting = 0;
        if (n == 16) {
            /* A whole block: in 64-bit words (input and output may be the same buffer). */
            for (i = 0; i < 16; i += 8) {
                uint64_t in, k, m;
                memcpy(&in, input + off + i, 8);
                memcpy(&k, s + i, 8);
                memcpy(&m, y + i, 8);
                uint64_t out = in ^ k;
                m ^= encrypt ? in : out; /* the MAC takes the plaintext */
                memcpy(output + off + i, &out, 8);
                memcpy(y + i, &m, 8);
            }
        } else {
            for (i = 0; i < n; i++) {
                unsigned char p = encrypt ? input[off + i] : (unsigned char) (input[off + i] ^ s[i]);
                output[off + i] = encrypt ? (unsigned char) (p ^ s[i]) : p;
                y[i] ^= p;
            }
        }
        MAC_STEP();
    }
#undef MAC_STEP
    /* The tag: the MAC encrypted with A0 (made above, unless no MAC step was left for it). */
    if (!s0_made) {
        memset(ctr + 1 + iv_len, 0, q);
        aes128_encrypt(ctr, s0);
    }
    int r = 0;
    if (encrypt) {
        for (i = 0; i < tag_len; i++) tag[i] = y[i] ^ s0[i];
    } else {
        unsigned char diff = 0;
        for (i = 0; i < tag_len; i++) diff |= (unsigned char) (tag[i] ^ y[i] ^ s0[i]);
        if (diff != 0) {
            mbedtls_platform_zeroize(output, length);
            r = MBEDTLS_ERR_CCM_AUTH_FAILED;
        }
    }
    mbedtls_platform_zeroize(y, sizeof(y));
    mbedtls_platform_zeroize(s, sizeof(s));
    mbedtls_platform_zeroize(s0, sizeof(s0));
    rk_wipe();
    return r;
}

/* One CCM call on the key set by h_setkey: 0 the records' lean CCM (ccm_rk), 1 ccm_pair.
 * Returns 0, MBEDTLS_ERR_CCM_AUTH_FAILED, or 1 for parameters the lean CCM declines. */
EXPORT(h_ccm)
int h_ccm(int variant, int encrypt, size_t length, const unsigned char *iv, size_t iv_len, const unsigned char *ad,
          size_t ad_len, const unsigned char *input, unsigned char *output, unsigned char *tag, size_t tag_len)
{
    if (!ccm_params_ok(length, iv_len, ad_len, tag_len)) return TUD_CCM_DECLINED;
    return (variant ? ccm_pair : ccm_rk)(KEYS(), encrypt, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len);
}

/* Timing loops (the caller times the call): `n` chained blocks (each one's output is the next
 * one's input, as in the CBC-MAC) through 0: aes128_encrypt (the module's), 1:
 * mbedtls_internal_aes_encrypt; 2: n calls of aes128_encrypt2 (a MAC chain and a counter block
 * each, so 2n blocks; a key pointer and a two-round loop); 3: aes128_encrypt_ptr (the module's
 * block function before 2026-12-07). */
EXPORT(h_aes_loop)
void h_aes_loop(int variant, int n)
{
    if (!ft_made) ft_generate();
    unsigned char *b = g_scratch, *c = g_scratch + 16, *s = g_scratch + 32;
    rk_load(KEYS());
    for (int i = 0; i < n; i++) {
        if (variant == 0) aes128_encrypt(b, b);
        else if (variant == 1) mbedtls_internal_aes_encrypt(&g_aes, b, b);
        else if (variant == 2) { c[15] = (unsigned char) i; aes128_encrypt2(KEYS(), b, c, s); }
        else aes128_encrypt_ptr(KEYS(), b, b);
    }
    rk_wipe();
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
        r |= (variant ? ccm_pair : ccm_rk)(KEYS(), 1, length, iv, 12, ad, 13, data, data, tag, 8);
    }
    return r;
}
