/*
 * mbedtls_platform_zeroize for the WebAssembly build only (build-wasm.sh defines
 * MBEDTLS_PLATFORM_ZEROIZE_ALT; the native builds keep mbedTLS's own).
 *
 * Why: mbedTLS zeroes the 32-byte working state of every AES block it encrypts
 * (mbedtls_internal_aes_encrypt), and its portable zeroize calls memset through a volatile
 * function pointer: in WebAssembly that is an indirect call into wasi-libc's memset per block,
 * 14% on top of the AES blocks' own time for the records of a Get, a third for 10-byte records,
 * in `node --cpu-prof` profiles (firmware/dtls/README.md, "Record cost"). Here the common sizes are plain stores the compiler writes inline, and the
 * empty asm statement with a memory clobber, which receives the buffer, tells the compiler the
 * zeroes may be read, so it cannot drop them (the same barrier mbedTLS adds after its memset).
 */
#include <stddef.h>
#include <string.h>
#include "mbedtls/platform_util.h"

#if !defined(MBEDTLS_PLATFORM_ZEROIZE_ALT)
#error "tinyusp_zeroize.c replaces mbedTLS's zeroize: build with -DMBEDTLS_PLATFORM_ZEROIZE_ALT"
#endif

void mbedtls_platform_zeroize(void *buf, size_t len)
{
    if (len == 0) return;
    switch (len) {
        case 16: memset(buf, 0, 16); break; /* a block */
        case 32: memset(buf, 0, 32); break; /* AES's working state (mbedtls_internal_aes_encrypt) */
        default: memset(buf, 0, len); break;
    }
    __asm__ __volatile__("" : : "r"(buf) : "memory");
}
