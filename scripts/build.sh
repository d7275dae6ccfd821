#!/usr/bin/env bash
# Builds iadesk: `build.sh native` (core, CLI, tests in build/native) and/or `build.sh web` (the
# browser app in build/web/site). Each tree is configured by its preset in CMakePresets.json (the
# same tree `cmake --preset native|web` gives; warnings are errors there), re-applied on every run
# so an older tree takes the presets' settings. Incremental: a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from here for optimised links
JOBS=${JOBS:-2}
for what in "${@:-native web}"; do
  for w in $what; do
    case "$w" in
      native|web)
        cmake --preset "$w" >/dev/null
        cmake --build "build/$w" -j"$JOBS" ;;
      *) echo "build.sh: unknown target '$w' (native, web)" >&2; exit 2 ;;
    esac
  done
done
