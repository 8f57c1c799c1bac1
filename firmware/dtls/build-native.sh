#!/usr/bin/env bash
# Compiles the DTLS shim and mbedTLS natively with the system C compiler (the XS runner and the
# board link the same C) into build/dtls-native/native-test, and runs it when asked:
#   build-native.sh [--run [ca.pem cert.pem key.pem]]
set -euo pipefail
cd "$(dirname "$0")/../.."
firmware/dtls/fetch-mbedtls.sh >/dev/null
M=build/mbedtls-3.6.6
OUT=build/dtls-native
mkdir -p "$OUT"
CC=${CC:-cc}
# -O1 keeps the compile quick; the library files outside this configuration compile to nothing.
$CC -O1 -std=c99 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
  -I firmware/dtls -I "$M/include" -DMBEDTLS_CONFIG_FILE='"tinyusp_mbedtls_config.h"' \
  -c firmware/dtls/tinyusp_dtls.c -o "$OUT/tinyusp_dtls.o"
$CC -O1 -std=c99 -D_DEFAULT_SOURCE -w -I firmware/dtls -I "$M/include" -I "$M/library" \
  -DMBEDTLS_CONFIG_FILE='"tinyusp_mbedtls_config.h"' \
  firmware/dtls/native-test.c "$OUT/tinyusp_dtls.o" "$M"/library/*.c -o "$OUT/native-test" -lm
if [ "${1:-}" = --run ]; then
  shift
  "$OUT/native-test" "$@"
fi
