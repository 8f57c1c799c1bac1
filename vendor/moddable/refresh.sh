#!/usr/bin/env bash
# Re-creates vendor/moddable/ from a Moddable SDK git repository (a bare clone is enough: a full
# checkout of the upstream repository fails on absent large blobs).
#   vendor/moddable/refresh.sh REPO.git [COMMIT]     (COMMIT defaults to HEAD)
# Only the files below are kept: the XS engine, the xsc/xsl tools and their Linux makefiles, the
# licences. Never edit them here: the project's changes are firmware/patches/moddable/*.patch,
# applied by firmware/xs-host/build.mjs to a copy under build/.
set -euo pipefail
repo=${1:?usage: refresh.sh REPO.git [COMMIT]}
commit=${2:-HEAD}
here=$(cd "$(dirname "$0")" && pwd)

files=(
  licenses/NOTICE licenses/gpl-3.0.txt licenses/lgpl-3.0.txt licenses/readme.md
  xs/includes/xs.h xs/includes/xsffi.h xs/includes/xsmc.h
  xs/platforms/xsPlatform.h xs/platforms/xsHost.h xs/platforms/lin_xs.c xs/platforms/lin_xs.h
  xs/makefiles/lin/xsc.mk xs/makefiles/lin/xsl.mk
  xs/tools/xsc.c xs/tools/xsl.c xs/tools/xsl.h xs/tools/xslBase.c xs/tools/xslOpt.c
  xs/tools/xslOpt.h xs/tools/xslSlot.c xs/tools/xslStrip.c
)
# Every file of xs/sources (engine, parser, byte-code compiler).
mapfile -t sources < <(git --git-dir="$repo" ls-tree --name-only "$commit" xs/sources/)
files+=("${sources[@]}")

version=$(git --git-dir="$repo" describe --tags --exact-match "$commit" 2>/dev/null || echo unknown)
sha=$(git --git-dir="$repo" rev-parse "$commit^{commit}")

find "$here" -mindepth 1 -maxdepth 1 ! -name refresh.sh ! -name VERSION -exec rm -rf {} +
# One blob at a time: `git archive` with paths still walks the whole tree and complains about
# the blobs this kind of clone lacks.
for f in "${files[@]}"; do
  mkdir -p "$here/$(dirname "$f")"
  git --git-dir="$repo" cat-file blob "$sha:$f" > "$here/$f"
done
echo "Moddable SDK $version ($sha), from github.com/Moddable-OpenSource/moddable" > "$here/VERSION"
echo "refresh.sh: ${#files[@]} files from $version ($sha)"
