#!/usr/bin/env bash
# Builds firmware/dtls/tinyusp-dtls.wasm from the mbedTLS 3.6.6 source (fetch-mbedtls.sh) and the
# shim with Debian's clang, lld and wasi-libc (platform-notes.md, "DTLS"), reproducibly: no debug
# info, build paths mapped away, symbols stripped. Then:
#   build-wasm.sh           writes the .wasm, its .sha256 and BUILDINFO into firmware/dtls
#   build-wasm.sh --check   builds into build/ and fails unless the sha256 equals the committed one
#   build-wasm.sh --variant IN OUT [-D...]   builds build/dtls-wasm/variant-IN-OUT[-tuned].wasm with other record
#                           buffer sizes (board profiles; not committed), to measure their memory
#   build-wasm.sh --harness build/dtls-wasm/lean-ccm-harness.wasm: the lean CCM alone with mbedTLS's
#                           aes.c (lean_ccm_harness.c), for its RFC 3610 test and micro-benchmark
# Needs: clang lld wasi-libc libclang-rt-14-dev-wasm32 (Debian 12).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
firmware/dtls/fetch-mbedtls.sh >/dev/null
M=build/mbedtls-3.6.6
D=firmware/dtls
CLANG=${CLANG:-clang}
mkdir -p build/dtls-wasm
OUT=build/dtls-wasm/tinyusp-dtls.wasm
EXTRA=()
if [ "${1:-}" = --variant ]; then
  EXTRA=(-DTINYUSP_DTLS_IN_LEN="$2" -DTINYUSP_DTLS_OUT_LEN="$3" "${@:4}")
  OUT=build/dtls-wasm/variant-$2-$3${4:+-tuned}.wasm
fi

# -O2: a record's cost is mostly AES-CCM; a few us less per kilobyte than -Oz, for ~40 KB more
# module (README, "Build flags"). The records' AES is tinyusp_lean_ccm.c's, with its own tables,
# so mbedTLS's AES (handshake, GCM suite) keeps one table as on the board.
# MBEDTLS_PLATFORM_ZEROIZE_ALT: tinyusp_zeroize.c (an inline zeroize instead of an indirect memset
# call per AES block).
# -mbulk-memory: a copy or fill of a variable length is one memory.copy / memory.fill (V8 runs a
# native memmove / memset), and tinyusp_mem.c gives the module memcpy, memmove and memset made of
# them instead of wasi-libc's C loops (Debian's wasi-libc is built without bulk memory). Node has
# run bulk memory since 12.5.
OPT=(-O2 -DMBEDTLS_PLATFORM_ZEROIZE_ALT -mbulk-memory)
FLAGS=(--target=wasm32-wasi "${OPT[@]}" -g0 -ffile-prefix-map="$ROOT"=. -fno-ident
       -DMBEDTLS_CONFIG_FILE='"tinyusp_mbedtls_config.h"' -I "$D" -I "$M/include" -I "$M/library"
       -Wall -Wno-unused-parameter "${EXTRA[@]}")
# The lean CCM of records (tinyusp_lean_ccm.c): mbedTLS's two one-shot CCM calls are wrapped, so
# its own CCM stays for what the lean one declines.
# --global-base=8192: wasm-ld places nothing below 8192, where tinyusp_lean_ccm.c keeps its AES
# tables at a fixed address (a constant load offset per lookup; it traps on first use without it).
LEAN_CCM=(-Wl,--wrap=mbedtls_ccm_encrypt_and_tag -Wl,--wrap=mbedtls_ccm_auth_decrypt -Wl,--global-base=8192)
if [ "${1:-}" = --harness ]; then
  HOBJ=build/dtls-wasm/harness-obj
  rm -rf "$HOBJ"
  mkdir -p "$HOBJ"
  for f in "$D/lean_ccm_harness.c" "$D/tinyusp_zeroize.c" "$M/library/aes.c" "$M/library/platform_util.c"; do
    "$CLANG" "${FLAGS[@]}" -c "$f" -o "$HOBJ/$(basename "$f" .c).o"
  done
  OUT=build/dtls-wasm/lean-ccm-harness.wasm
  "$CLANG" --target=wasm32-wasi -mexec-model=reactor "$HOBJ"/*.o -Wl,--gc-sections -Wl,--global-base=8192 -o "$OUT"
  echo "build-wasm: $OUT ($(stat -c %s "$OUT") bytes)"
  exit 0
fi

OBJ=build/dtls-wasm/obj
rm -rf "$OBJ"
mkdir -p "$OBJ"
# Objects compiled in parallel (CI has 2 cores), linked in a sorted order so the output does not
# depend on the file system or on scheduling.
printf '%s\n' "$D/tinyusp_dtls.c" "$D/tinyusp_lean_ccm.c" "$D/tinyusp_mem.c" "$D/tinyusp_zeroize.c" "$M"/library/*.c | LC_ALL=C sort |
  xargs -P "$(nproc)" -I{} sh -c '"$0" "$@" -c "{}" -o "'"$OBJ"'/$(basename "{}" .c).o"' "$CLANG" "${FLAGS[@]}"
mapfile -t OBJS < <(LC_ALL=C ls "$OBJ"/*.o)
"$CLANG" --target=wasm32-wasi -mexec-model=reactor "${OBJS[@]}" \
  -Wl,--strip-all -Wl,--gc-sections -Wl,-z,stack-size=65536 "${LEAN_CCM[@]}" -o "$OUT"

if [ "${1:-}" = --variant ]; then
  echo "build-wasm: $OUT ($(stat -c %s "$OUT") bytes)"
  exit 0
fi
sum=$(cd build/dtls-wasm && sha256sum tinyusp-dtls.wasm)
if [ "${1:-}" = --check ]; then
  if ! (cd "$D" && echo "$sum" | sha256sum --quiet --strict -c -); then
    echo "build-wasm: $OUT differs from the committed $D/tinyusp-dtls.wasm ($(cat "$D/tinyusp-dtls.wasm.sha256"))" >&2
    echo "build-wasm: rebuilt: $sum" >&2
    exit 1
  fi
  echo "build-wasm: tinyusp-dtls.wasm reproduced ($(stat -c %s "$OUT") bytes, sha256 ${sum%% *})"
  exit 0
fi

cp "$OUT" "$D/tinyusp-dtls.wasm"
echo "$sum" > "$D/tinyusp-dtls.wasm.sha256"
ver() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo unknown; }
{
  echo "tinyusp-dtls.wasm: mbedTLS DTLS shim for Node (hal/host/dtls.ts)"
  echo "sha256: ${sum%% *}"
  echo "size: $(stat -c %s "$OUT") bytes"
  echo "mbedtls source: Debian trixie mbedtls 3.6.6-0.1~deb13u1 (hashes in mbedtls-source.sha256)"
  echo "clang: $("$CLANG" --version | head -1) (Debian clang-14 $(ver clang-14))"
  echo "lld: Debian lld-14 $(ver lld-14)"
  echo "wasi-libc: Debian wasi-libc $(ver wasi-libc)"
  echo "compiler-rt: Debian libclang-rt-14-dev-wasm32 $(ver libclang-rt-14-dev-wasm32)"
  echo "compiler flags: ${OPT[*]} (tinyusp_mbedtls_config.h)"
  echo "link: ${LEAN_CCM[*]} (tinyusp_lean_ccm.c; tinyusp_zeroize.c; tinyusp_mem.c)"
  echo "record buffers: in $(sed -n 's/^#define TINYUSP_DTLS_IN_LEN //p' $D/tinyusp_mbedtls_config.h), out $(sed -n 's/^#define TINYUSP_DTLS_OUT_LEN //p' $D/tinyusp_mbedtls_config.h) bytes"
  echo "command: firmware/dtls/build-wasm.sh"
} > "$D/BUILDINFO"
cat "$D/BUILDINFO"
