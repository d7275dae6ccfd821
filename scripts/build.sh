#!/usr/bin/env bash
# Builds iadesk: `build.sh native` (core, CLI, tests) and/or `build.sh web` (the browser app in
# build/web/site). Incremental: a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from here for optimised links
JOBS=${JOBS:-2}
for what in "${@:-native web}"; do
  for w in $what; do
    case "$w" in
      native)
        [ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build build/native -j"$JOBS" ;;
      web)
        [ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build build/web -j"$JOBS" ;;
      *) echo "build.sh: unknown target '$w' (native, web)" >&2; exit 2 ;;
    esac
  done
done
