/*
 * AES-CCM of DTLS records without mbedTLS 3.6's multi-part CCM, WebAssembly build only:
 * build-wasm.sh links this file with `--wrap` of mbedtls_ccm_encrypt_and_tag and
 * mbedtls_ccm_auth_decrypt. The native builds (XS runner, board) keep mbedTLS's CCM and never
 * see this file.
 *
 * Why: in a profile of the Get bench, CCM was two thirds of the module's time, and half of that
 * was ccm.c's multi-part machinery around the AES blocks (one trip through the cipher layer per
 * 16-byte block; firmware/dtls/README.md, "Record cost"). lean_ccm() is RFC 3610 straight over
 * the AES block function with the key schedule mbedTLS already made. Same bytes on the wire
 * (test/dtls/lean-ccm.test.ts checks it against ccm.c, which tud_lean_ccm(0) switches back to);
 * parameters DTLS never uses go to ccm.c. mbedTLS still does everything else.
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
 * 0xFF00 bytes, an AES key in the context); anything else is declined, and ccm.c answers it.
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
        case MBEDTLS_CIPHER_AES_128_ECB: case MBEDTLS_CIPHER_AES_192_ECB: case MBEDTLS_CIPHER_AES_256_ECB:
            return ctx->cipher_ctx.cipher_ctx;
        default:
            return NULL;
    }
#endif
}

static int lean_ccm(mbedtls_ccm_context *ctx, int encrypt, size_t length,
                    const unsigned char *iv, size_t iv_len, const unsigned char *ad, size_t ad_len,
                    const unsigned char *input, unsigned char *output, unsigned char *tag, size_t tag_len)
{
    const mbedtls_aes_context *c = aes_of(ctx);
    size_t q = 15 - iv_len; /* bytes of the length field and of the counter */
    if (c == NULL || iv_len < 7 || iv_len > 13 || tag_len < 4 || tag_len > 16 || (tag_len & 1) ||
        ad_len >= 0xFF00 || (q < 4 && (length >> (8 * q)) != 0)) {
        return TUD_CCM_DECLINED;
    }
    mbedtls_aes_context *aes = (mbedtls_aes_context *) c;
    unsigned char y[16], ctr[16], s[16];
    size_t i, n;
    /* B0 (flags, nonce, message length), then the AAD with its 2-byte length: CBC-MAC into y. */
    y[0] = (unsigned char) ((ad_len > 0 ? 64 : 0) | (((tag_len - 2) / 2) << 3) | (q - 1));
    memcpy(y + 1, iv, iv_len);
    for (i = 0; i < q; i++) y[15 - i] = i < sizeof(size_t) ? (unsigned char) (length >> (8 * i)) : 0;
    mbedtls_internal_aes_encrypt(aes, y, y);
    if (ad_len > 0) {
        y[0] ^= (unsigned char) (ad_len >> 8);
        y[1] ^= (unsigned char) ad_len;
        size_t pos = 2;
        for (i = 0; i < ad_len; i++) {
            y[pos++] ^= ad[i];
            if (pos == 16) { mbedtls_internal_aes_encrypt(aes, y, y); pos = 0; }
        }
        if (pos != 0) mbedtls_internal_aes_encrypt(aes, y, y);
    }
    /* Counter blocks A1..: flags q-1, nonce, counter; each block's plaintext goes into the MAC. */
    ctr[0] = (unsigned char) (q - 1);
    memcpy(ctr + 1, iv, iv_len);
    memset(ctr + 1 + iv_len, 0, q);
    uint32_t counter = 0;
    for (size_t off = 0; off < length; off += n) {
        n = length - off < 16 ? length - off : 16;
        counter++;
        for (i = 0; i < q && i < 4; i++) ctr[15 - i] = (unsigned char) (counter >> (8 * i));
        mbedtls_internal_aes_encrypt(aes, ctr, s);
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
        mbedtls_internal_aes_encrypt(aes, y, y);
    }
    /* The tag: the MAC encrypted with A0. */
    memset(ctr + 1 + iv_len, 0, q);
    mbedtls_internal_aes_encrypt(aes, ctr, s);
    int r = 0;
    if (encrypt) {
        for (i = 0; i < tag_len; i++) tag[i] = y[i] ^ s[i];
    } else {
        unsigned char diff = 0;
        for (i = 0; i < tag_len; i++) diff |= (unsigned char) (tag[i] ^ y[i] ^ s[i]);
        if (diff != 0) {
            mbedtls_platform_zeroize(output, length);
            r = MBEDTLS_ERR_CCM_AUTH_FAILED;
        }
    }
    mbedtls_platform_zeroize(y, sizeof(y));
    mbedtls_platform_zeroize(s, sizeof(s));
    return r;
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
