#!/bin/sh
# Applies tinyusp's patches (firmware/patches/moddable/*.patch, in order) to the Moddable SDK
# 8.2.3 that the esp32 build compiles XS from ($MODDABLE), as firmware/xs-host/moddable.mjs does
# to the vendored copy for the Linux runner. Run it once before `mcconfig -p esp32`; a patch
# already applied is skipped, so running it again changes nothing. 0004 (closures made at run
# time point at their byte code in flash) needs mxCodeInROM, which 0005 defines for ESP32.
set -eu
: "${MODDABLE:?set MODDABLE to the Moddable SDK 8.2.3 directory}"
dir=$(cd "$(dirname "$0")/../patches/moddable" && pwd)
for p in "$dir"/*.patch; do
	name=$(basename "$p")
	if patch -p1 -R --dry-run -s -f -d "$MODDABLE" -i "$p" >/dev/null 2>&1; then
		echo "already applied: $name"
	else
		patch -p1 --forward --no-backup-if-mismatch -s -d "$MODDABLE" -i "$p"
		echo "applied: $name"
	fi
done
