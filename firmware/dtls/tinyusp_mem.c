/*
 * memcpy, memmove and memset for the WebAssembly build only (build-wasm.sh compiles it with
 * -mbulk-memory; without it this file is empty and wasi-libc's are linked).
 *
 * Why: Debian's wasi-libc is built without bulk memory, so its memcpy/memset are musl's C loops
 * (words, then bytes), called for every record several times (the datagram into mbedTLS's input
 * buffer, the plaintext out, the record out, nonces and headers). With bulk memory a copy of a
 * variable length is one memory.copy / memory.fill instruction, which V8 runs as a native memmove
 * / memset. Short copies (the 8-byte nonces, 13-byte headers) of a constant length are inlined by
 * the compiler anyway and never come here.
 */
#include <stddef.h>
#include <string.h>

#if defined(__wasm_bulk_memory__)
void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    __builtin_memcpy(dst, src, n); /* memory.copy */
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    __builtin_memmove(dst, src, n); /* memory.copy (defined for overlapping regions) */
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    __builtin_memset(dst, c, n); /* memory.fill */
    return dst;
}
#endif
