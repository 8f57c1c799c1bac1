#!/usr/bin/env bash
# Fetches the mbedTLS 3.6 LTS source from Debian trixie's source package (platform-notes.md,
# "DTLS"; issue 11), checks it against the hashes pinned in mbedtls-source.sha256 and extracts
# it into build/mbedtls-3.6.6 with dpkg-source (Debian's patches applied).
# The trixie stanza is deb-src only and lives in a private apt configuration under build/, so
# no trixie binary can be installed and the machine's own apt lists are left alone.
# Idempotent: a complete extraction is kept; downloaded files that match the pins are reused.
# Needs apt-get and dpkg-source (dpkg-dev).
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION=3.6.6-0.1~deb13u1
OUT=build/mbedtls-3.6.6
PINS=$PWD/firmware/dtls/mbedtls-source.sha256
APT=$PWD/build/apt-trixie-src

if [ -f "$OUT/.tinyusp-extracted" ]; then
  echo "fetch-mbedtls: $OUT already extracted"
  exit 0
fi

mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/parts" "$APT/dl"
if ! (cd "$APT/dl" && sha256sum --quiet --strict -c "$PINS" >/dev/null 2>&1); then
  cat > "$APT/parts/trixie-src.sources" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APT/parts"
        -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache"
        -o "APT::Sandbox::User=root")
  echo "fetch-mbedtls: downloading mbedtls $VERSION (source) from trixie"
  apt-get "${opts[@]}" -qq update
  rm -f "$APT/dl"/*
  (cd "$APT/dl" && apt-get "${opts[@]}" -qq source --download-only "mbedtls=$VERSION" >/dev/null)
fi
# A mismatch fails here (set -e): the archive changed or the download is damaged.
(cd "$APT/dl" && sha256sum --strict -c "$PINS")

rm -rf "$OUT" "$OUT.tmp"
mkdir -p build
# --no-check: the signature chain is Debian's; our own check is the pinned sha256 above.
dpkg-source --no-check -x "$APT/dl/mbedtls_$VERSION.dsc" "$OUT.tmp" >/dev/null
mv "$OUT.tmp" "$OUT"
touch "$OUT/.tinyusp-extracted"
echo "fetch-mbedtls: extracted into $OUT"
