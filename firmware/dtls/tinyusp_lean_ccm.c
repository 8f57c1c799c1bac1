/*
 * AES-CCM of DTLS records without mbedTLS 3.6's multi-part CCM, WebAssembly build only:
 * build-wasm.sh links this file with `--wrap` of mbedtls_ccm_encrypt_and_tag and
 * mbedtls_ccm_auth_decrypt. The native builds (XS runner, board) keep mbedTLS's CCM and never
 * see this file.
 *
 * Why: in a profile of the Get bench, CCM was two thirds of the module's time, and half of that
 * was ccm.c's multi-part machinery around the AES blocks (one trip through the cipher layer per
 * 16-byte block; firmware/dtls/README.md, "Record cost"). lean_ccm() is RFC 3610 straight over
 * an AES-128 block function of its own (aes128_encrypt, below) with the key schedule mbedTLS
 * already made. Same bytes on the wire (test/dtls/lean-ccm.test.ts checks it against ccm.c and
 * mbedTLS's AES, which tud_lean_ccm(0) switches back to); parameters DTLS never uses go to
 * ccm.c. mbedTLS still does everything else.
 */
#define MBEDTLS_ALLOW_PRIVATE_ACCESS /* the AES context inside a CCM context (lean_ccm) */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "mbedtls/aes.h"
#include "mbedtls/ccm.h"
#include "mbedtls/cipher.h"
#include "mbedtls/platform_util.h"

#define TUD_CCM_DECLINED 1

/* 1: lean_ccm() (default); 0: mbedTLS's ccm.c for every record (tests, bench). */
static int g_lean = 1;
__attribute__((export_name("tud_lean_ccm"))) void tud_lean_ccm(int on) { g_lean = on != 0; }

int __real_mbedtls_ccm_encrypt_and_tag(mbedtls_ccm_context *ctx, size_t length,
                                       const unsigned char *iv, size_t iv_len,
                                       const unsigned char *ad, size_t ad_len,
                                       const unsigned char *input, unsigned char *output,
                                       unsigned char *tag, size_t tag_len);
int __real_mbedtls_ccm_auth_decrypt(mbedtls_ccm_context *ctx, size_t length,
                                    const unsigned char *iv, size_t iv_len,
                                    const unsigned char *ad, size_t ad_len,
                                    const unsigned char *input, unsigned char *output,
                                    const unsigned char *tag, size_t tag_len);

/*
 * Only the parameters DTLS uses are taken here (nonces of 7..13 bytes, tags of 4..16, AAD under
 * 0xFF00 bytes, an AES-128 key in the context); anything else is declined, and ccm.c answers it.
 */
static const mbedtls_aes_context *aes_of(const mbedtls_ccm_context *ctx)
{
#if defined(MBEDTLS_BLOCK_CIPHER_C)
    (void) ctx;
    return NULL;
#else
    const mbedtls_cipher_info_t *info = ctx->cipher_ctx.cipher_info;
    if (info == NULL || ctx->cipher_ctx.cipher_ctx == NULL) return NULL;
    switch (mbedtls_cipher_info_get_type(info)) {
        case MBEDTLS_CIPHER_AES_128_ECB:
            return ctx->cipher_ctx.cipher_ctx;
        default:
            return NULL;
    }
#endif
}

/*
 * AES-128 block encryption for the records (the DTLS suites here are all AES-128), on mbedTLS's
 * key schedule (ctx->buf + rk_offset, the words mbedtls_internal_aes_encrypt reads). Same
 * T-table method and tables as mbedTLS's; a block costs ~10% less (README, "Build flags"):
 * - mbedtls_internal_aes_encrypt keeps its working state in a struct whose address goes to
 *   mbedtls_platform_zeroize, so in WebAssembly that state lives in linear memory (the shadow
 *   stack), is stored every round and wiped every block. Here it is eight WebAssembly locals,
 *   which are not in linear memory: no key-derived word is left there to wipe.
 * - Its table lookups compile to `i32.const FT1; i32.add; i32.load` (the table's address is a
 *   link-time relocation, and clang folds an address into a load's offset only if the addition
 *   cannot wrap): an add per lookup in V8's code. Here the tables sit at a fixed address below
 *   wasm-ld's data (build-wasm.sh links with --global-base=8192, so nothing else is placed under
 *   8192; ft_generate traps if it is not), and `base | index` compiles to `i32.load offset=base`.
 * - The last round takes S[x] from the tables too (each holds it in two of its bytes), as
 *   OpenSSL's aes_core.c does, so there is no separate S-box table.
 * - The round keys are read at a fixed address as well (RK_BASE, below).
 */
#define FT_BASE 4096u /* FT0..FT3, 1 KB each: [4096, 8192) */
extern char __global_base; /* wasm-ld: where its data starts */
/* Table k at byte n of w (state words little-endian, as mbedTLS loads the block). */
#define FT(k, w, n) (*(const uint32_t *) (uintptr_t) ((FT_BASE + 1024u * (k)) | ((((w) >> (8 * (n))) & 0xFFu) << 2)))
static int ft_made;

/* mbedTLS's aes_gen_tables: FT0[x] = (2S[x], S[x], S[x], 3S[x]) as bytes, FTk = FT0 rotated. */
static void ft_generate(void)
{
    /* Linked without the reserved region, the tables would overwrite data: stop at once. */
    if ((uintptr_t) &__global_base < FT_BASE + 4096) __builtin_trap();
    uint32_t *ft = (uint32_t *) (uintptr_t) FT_BASE;
    unsigned char pw[256], lg[256], sbox[256];
    unsigned x = 1;
    for (int i = 0; i < 256; i++) { /* powers of 3 in GF(2^8) and their logarithms */
        pw[i] = (unsigned char) x;
        lg[x] = (unsigned char) i;
        x = (x ^ (x << 1) ^ ((x & 0x80) ? 0x1B : 0)) & 0xFF;
    }
    sbox[0] = 0x63; /* FIPS-197 §5.1.1: the inverse, then the affine map */
    for (int i = 1; i < 256; i++) {
        unsigned v = pw[255 - lg[i]], r = v;
        for (int k = 0; k < 4; k++) { r = ((r << 1) | (r >> 7)) & 0xFF; v ^= r; }
        sbox[i] = (unsigned char) (v ^ 0x63);
    }
    for (int i = 0; i < 256; i++) {
        uint32_t s = sbox[i], s2 = ((s << 1) ^ ((s & 0x80) ? 0x1B : 0)) & 0xFF, s3 = s2 ^ s;
        uint32_t t = s2 | (s << 8) | (s << 16) | (s3 << 24);
        for (int k = 0; k < 4; k++) { ft[256 * k + i] = t; t = (t << 8) | (t >> 24); }
    }
    ft_made = 1;
}

/*
 * The round keys of the call in progress, copied from mbedTLS's key schedule to a fixed address
 * below the tables ([3584, 3760), also under --global-base) by ccm_rk and wiped when it returns:
 * each key load is then a constant offset too, and with the rounds unrolled no key pointer or
 * loop counter takes one of the few registers V8 has for the state (fewer spills): ~13% less per
 * block than a key pointer and a two-round loop (firmware/dtls/README.md, "Fifth pass").
 */
#define RK_BASE 3584u
#define RK_BYTES 176u /* 44 words: AES-128's 11 round keys */
#define PRE_BASE (RK_BASE + RK_BYTES) /* ctr_prepare's 5 words, [3760, 3780) (below) */
#define PRE_BYTES 24u /* the 5 words, rounded up to rk_wipe's 8-byte stores */
#define RK(i) (*(const uint32_t *) (uintptr_t) (RK_BASE + 4u * (i)))
#define ROUND(i, y0, y1, y2, y3, x0, x1, x2, x3) do { \
    y0 = RK(i) ^ FT(0, x0, 0) ^ FT(1, x1, 1) ^ FT(2, x2, 2) ^ FT(3, x3, 3); \
    y1 = RK((i) + 1) ^ FT(0, x1, 0) ^ FT(1, x2, 1) ^ FT(2, x3, 2) ^ FT(3, x0, 3); \
    y2 = RK((i) + 2) ^ FT(0, x2, 0) ^ FT(1, x3, 1) ^ FT(2, x0, 2) ^ FT(3, x1, 3); \
    y3 = RK((i) + 3) ^ FT(0, x3, 0) ^ FT(1, x0, 1) ^ FT(2, x1, 2) ^ FT(3, x2, 3); \
} while (0)
/* Last round (no MixColumns): S[x] at byte n is byte n of FT3, FT0, FT1, FT2 for n = 0..3. */
#define LAST(k, y, x0, x1, x2, x3) \
    y = (k) ^ (FT(3, x0, 0) & 0xFF) ^ (FT(0, x1, 1) & 0xFF00) ^ (FT(1, x2, 2) & 0xFF0000) ^ \
        (FT(2, x3, 3) & 0xFF000000)

/* Round keys in and out of RK_BASE, in 64-bit words (inline, no call). */
static void rk_load(const uint32_t *rk)
{
    for (unsigned i = 0; i < RK_BYTES; i += 8) {
        uint64_t w;
        memcpy(&w, (const unsigned char *) rk + i, 8);
        *(uint64_t *) (uintptr_t) (RK_BASE + i) = w;
    }
}
static void rk_wipe(void) /* and the CTR partial sums after them (PRE_BASE, below) */
{
    for (unsigned i = 0; i < RK_BYTES + PRE_BYTES; i += 8) *(volatile uint64_t *) (uintptr_t) (RK_BASE + i) = 0;
}

/* Rounds 3 to 10 from round 2's output in a0..a3, and the block into out (inlined in both callers:
 * a shared function made the CBC-MAC block 3% slower). */
#define ROUNDS_3_TO_10(out) do { \
    ROUND(12, b0, b1, b2, b3, a0, a1, a2, a3); \
    ROUND(16, a0, a1, a2, a3, b0, b1, b2, b3); \
    ROUND(20, b0, b1, b2, b3, a0, a1, a2, a3); \
    ROUND(24, a0, a1, a2, a3, b0, b1, b2, b3); \
    ROUND(28, b0, b1, b2, b3, a0, a1, a2, a3); \
    ROUND(32, a0, a1, a2, a3, b0, b1, b2, b3); \
    ROUND(36, b0, b1, b2, b3, a0, a1, a2, a3); \
    LAST(RK(40), a0, b0, b1, b2, b3); \
    LAST(RK(41), a1, b1, b2, b3, b0); \
    LAST(RK(42), a2, b2, b3, b0, b1); \
    LAST(RK(43), a3, b3, b0, b1, b2); \
    memcpy((out), &a0, 4); memcpy((out) + 4, &a1, 4); memcpy((out) + 8, &a2, 4); memcpy((out) + 12, &a3, 4); \
} while (0)

/* in and out: 16 bytes each, may be the same; the key at RK_BASE (rk_load). Rounds unrolled. */
static void aes128_encrypt(const unsigned char *in, unsigned char *out)
{
    uint32_t a0, a1, a2, a3, b0, b1, b2, b3;
    memcpy(&a0, in, 4); memcpy(&a1, in + 4, 4); memcpy(&a2, in + 8, 4); memcpy(&a3, in + 12, 4);
    a0 ^= RK(0); a1 ^= RK(1); a2 ^= RK(2); a3 ^= RK(3);
    ROUND(4, b0, b1, b2, b3, a0, a1, a2, a3);
    ROUND(8, a0, a1, a2, a3, b0, b1, b2, b3);
    ROUNDS_3_TO_10(out);
}

/*
 * The CTR key stream, cheaper: the counter blocks A_i of one call differ only in byte 15 while
 * the counter is under 256 (the module's records always: its input buffer is 4,096 bytes).
 * Byte 15 is byte 3 of state word 3; in round 1 it reaches only output word 0 (through FT3),
 * and that word reaches each output word of round 2 once (word 0 through FT0 of its byte 0,
 * word 1 FT3 of byte 3, word 2 FT2 of byte 2, word 3 FT1 of byte 1: ShiftRows). ctr_prepare
 * stores at PRE_BASE (after the round keys, wiped with them) round 1's word 0 without byte 15
 * and round 2's four words without round 1's word 0; ctr_encrypt then does 1 + 4 lookups for
 * those two rounds instead of 32 (and no first key addition). Past 255 blocks, ccm_rk prepares
 * again each time byte 15 wraps (test/dtls/lean-ccm-vectors.test.ts covers it).
 */
#define PRE(i) (*(uint32_t *) (uintptr_t) (PRE_BASE + 4u * (i)))
static void ctr_prepare(const unsigned char *ctr)
{
    uint32_t a0, a1, a2, a3, b1, b2, b3;
    memcpy(&a0, ctr, 4); memcpy(&a1, ctr + 4, 4); memcpy(&a2, ctr + 8, 4); memcpy(&a3, ctr + 12, 4);
    a0 ^= RK(0); a1 ^= RK(1); a2 ^= RK(2); a3 ^= RK(3);
    PRE(0) = RK(4) ^ FT(0, a0, 0) ^ FT(1, a1, 1) ^ FT(2, a2, 2); /* y0 but FT(3, a3, 3) */
    b1 = RK(5) ^ FT(0, a1, 0) ^ FT(1, a2, 1) ^ FT(2, a3, 2) ^ FT(3, a0, 3);
    b2 = RK(6) ^ FT(0, a2, 0) ^ FT(1, a3, 1) ^ FT(2, a0, 2) ^ FT(3, a1, 3);
    b3 = RK(7) ^ FT(0, a3, 0) ^ FT(1, a0, 1) ^ FT(2, a1, 2) ^ FT(3, a2, 3);
    PRE(1) = RK(8) ^ FT(1, b1, 1) ^ FT(2, b2, 2) ^ FT(3, b3, 3);
    PRE(2) = RK(9) ^ FT(0, b1, 0) ^ FT(1, b2, 1) ^ FT(2, b3, 2);
    PRE(3) = RK(10) ^ FT(0, b2, 0) ^ FT(1, b3, 1) ^ FT(3, b1, 3);
    PRE(4) = RK(11) ^ FT(0, b3, 0) ^ FT(2, b1, 2) ^ FT(3, b2, 3);
}
/* The key stream of the counter block prepared by ctr_prepare with `last` as byte 15. */
static void ctr_encrypt(unsigned last, unsigned char *out)
{
    uint32_t a0, a1, a2, a3, b0, b1, b2, b3;
    b0 = PRE(0) ^ FT(3, last ^ (RK(3) >> 24), 0);
    a0 = PRE(1) ^ FT(0, b0, 0);
    a1 = PRE(2) ^ FT(3, b0, 3);
    a2 = PRE(3) ^ FT(2, b0, 2);
    a3 = PRE(4) ^ FT(1, b0, 1);
    ROUNDS_3_TO_10(out);
}

/* Parameters DTLS uses: nonces of 7..13 bytes, even tags of 4..16, AAD under 0xFF00 bytes. */
static int ccm_params_ok(size_t length, size_t iv_len, size_t ad_len, size_t tag_len)
{
    size_t q = 15 - iv_len;
    return iv_len >= 7 && iv_len <= 13 && tag_len >= 4 && tag_len <= 16 && !(tag_len & 1) && ad_len < 0xFF00 &&
           !(q < 4 && (length >> (8 * q)) != 0);
}

/* RFC 3610 CCM over aes128_encrypt, parameters checked by ccm_params_ok (lean_ccm_harness.c
 * calls it directly for the RFC 3610 vectors and the micro-benchmark). */
static int ccm_rk(const uint32_t *rk, int encrypt, size_t length, const unsigned char *iv, size_t iv_len,
                  const unsigned char *ad, size_t ad_len, const unsigned char *input, unsigned char *output,
                  unsigned char *tag, size_t tag_len)
{
    size_t q = 15 - iv_len; /* bytes of the length field and of the counter */
    if (!ft_made) ft_generate();
    rk_load(rk);
    unsigned char y[16], ctr[16], s[16], s0[16];
    size_t i, n;
    /* B0 (flags, nonce, message length), then the AAD with its 2-byte length: CBC-MAC into y. */
    y[0] = (unsigned char) ((ad_len > 0 ? 64 : 0) | (((tag_len - 2) / 2) << 3) | (q - 1));
    memcpy(y + 1, iv, iv_len);
    for (i = 0; i < q; i++) y[15 - i] = i < sizeof(size_t) ? (unsigned char) (length >> (8 * i)) : 0;
    aes128_encrypt(y, y);
    if (ad_len > 0) {
        y[0] ^= (unsigned char) (ad_len >> 8);
        y[1] ^= (unsigned char) ad_len;
        size_t pos = 2;
        for (i = 0; i < ad_len; i++) {
            y[pos++] ^= ad[i];
            if (pos == 16) { aes128_encrypt(y, y); pos = 0; }
        }
        if (pos != 0) aes128_encrypt(y, y);
    }
    /* Counter blocks A1..: flags q-1, nonce, counter; each block's plaintext goes into the MAC. */
    ctr[0] = (unsigned char) (q - 1);
    memcpy(ctr + 1, iv, iv_len);
    memset(ctr + 1 + iv_len, 0, q);
    ctr_prepare(ctr);
    ctr_encrypt(0, s0); /* A0's, for the tag */
    uint32_t counter = 0;
    for (size_t off = 0; off < length; off += n) {
        n = length - off < 16 ? length - off : 16;
        counter++;
        if ((counter & 0xFF) == 0) { /* byte 15 wraps: bytes 12..14 change, prepare again */
            for (i = 1; i < q && i < 4; i++) ctr[15 - i] = (unsigned char) (counter >> (8 * i));
            ctr_prepare(ctr);
        }
        ctr_encrypt(counter & 0xFF, s);
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
        aes128_encrypt(y, y);
    }
    /* The tag: the MAC encrypted with A0. */
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

static int lean_ccm(mbedtls_ccm_context *ctx, int encrypt, size_t length,
                    const unsigned char *iv, size_t iv_len, const unsigned char *ad, size_t ad_len,
                    const unsigned char *input, unsigned char *output, unsigned char *tag, size_t tag_len)
{
    const mbedtls_aes_context *c = aes_of(ctx);
    if (c == NULL || c->nr != 10 || !ccm_params_ok(length, iv_len, ad_len, tag_len)) return TUD_CCM_DECLINED;
    return ccm_rk(c->buf + c->rk_offset, encrypt, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len);
}

int __wrap_mbedtls_ccm_encrypt_and_tag(mbedtls_ccm_context *ctx, size_t length,
                                       const unsigned char *iv, size_t iv_len,
                                       const unsigned char *ad, size_t ad_len,
                                       const unsigned char *input, unsigned char *output,
                                       unsigned char *tag, size_t tag_len)
{
    int r = g_lean ? lean_ccm(ctx, 1, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len) : TUD_CCM_DECLINED;
    if (r != TUD_CCM_DECLINED) return r;
    return __real_mbedtls_ccm_encrypt_and_tag(ctx, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len);
}

int __wrap_mbedtls_ccm_auth_decrypt(mbedtls_ccm_context *ctx, size_t length,
                                    const unsigned char *iv, size_t iv_len,
                                    const unsigned char *ad, size_t ad_len,
                                    const unsigned char *input, unsigned char *output,
                                    const unsigned char *tag, size_t tag_len)
{
    int r = g_lean ? lean_ccm(ctx, 0, length, iv, iv_len, ad, ad_len, input, output, (unsigned char *) tag, tag_len) : TUD_CCM_DECLINED;
    if (r != TUD_CCM_DECLINED) return r;
    return __real_mbedtls_ccm_auth_decrypt(ctx, length, iv, iv_len, ad, ad_len, input, output, tag, tag_len);
}
