#!/usr/bin/env bash
# The whole benchmark in one command (docs/performance.md):
#
#   bench/run.sh [--quick] [--no-build] [--no-browser] [--no-whole] [--sizes 1000,10000,50000,200000]
#
# 1. builds iadesk_bench natively (build/native, g++ -O2) and for WebAssembly together with the
#    browser app (build/web-bench: iadesk_bench.js for node, site/ for the browser);
# 2. runs the native harness (and exports the data as CSV), the same harness under node, the
#    pandas peer on the exported CSV (checked against the core's sums), and the browser
#    measurements with 50 000 employees;
# 3. prints one table per size with the wasm/native and pandas/native ratios, and the targets;
# 4. whole processes (bench/whole.py, --no-whole skips it): the iadesk CLI's verbs and the pandas
#    peer as child processes at the sizes of 50 000 and 200 000 employees that are in --sizes
#    (CPU time, max RSS; build/bench/whole.json and whole.md).
# --quick leaves out 200 000 employees. Results (JSON, CSV, the table) go to build/bench/.
# A full run takes about 5-10 minutes on 2 cores once built; the first build takes longer.
set -euo pipefail
# Debian's python3 (python3-pandas, scripts/setup.sh), not another python3 earlier on PATH.
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=1000,10000,50000,200000
BUILD=1
BROWSER=1
WHOLE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SIZES=1000,10000,50000 ;;
    --no-build) BUILD=0 ;;
    --no-browser) BROWSER=0 ;;
    --no-whole) WHOLE=0 ;;
    --sizes) SIZES=$2; shift ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
OUT=$ROOT/build/bench
mkdir -p "$OUT"
rm -f "$OUT"/*.json
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from here for optimised links
log() { printf '\n[bench] %s\n' "$*"; }

if [ $BUILD = 1 ]; then
  log "building native (build/native, the native preset; iadesk_bench is not in the default build)"
  [ -f build/native/build.ninja ] || cmake --preset native >/dev/null
  cmake --build build/native -j2 --target iadesk_bench iadesk
  log "building WebAssembly (build/web-bench: iadesk_bench for node, and the browser app)"
  [ -f build/web-bench/build.ninja ] || emcmake cmake -S . -B build/web-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  targets=(iadesk_bench)
  [ $BROWSER = 1 ] && targets+=(app)
  cmake --build build/web-bench -j2 --target "${targets[@]}"
fi

log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
log "native: build/native/iadesk_bench --sizes $SIZES"
build/native/iadesk_bench --sizes "$SIZES" --json "$OUT/native.json" --export "$OUT/data"

log "wasm: node --no-experimental-fetch build/web-bench/iadesk_bench.js --sizes $SIZES"
node --no-experimental-fetch build/web-bench/iadesk_bench.js --sizes "$SIZES" --json "$OUT/wasm.json"

log "pandas peer (bench/peer_pandas.py) on the exported CSV"
pandas_ok=1
for n in ${SIZES//,/ }; do
  /usr/bin/python3 bench/peer_pandas.py "$OUT/data/$n" --json "$OUT/pandas-$n.json" --reps $([ "$n" -ge 200000 ] && echo 1 || echo 3) \
    || pandas_ok=0
done

if [ $BROWSER = 1 ]; then
  log "browser: node bench/browser.mjs build/web-bench/site (50 000 employees)"
  node bench/browser.mjs build/web-bench/site --employees 50000 --json "$OUT/browser.json"
fi

WHOLE_SIZES=$(tr ',' '\n' <<<"$SIZES" | grep -xE '50000|200000' | paste -sd, - || true)
if [ $WHOLE = 1 ] && [ -n "$WHOLE_SIZES" ]; then
  log "whole processes: bench/whole.py --sizes $WHOLE_SIZES (the CLI's verbs and the pandas peer as child processes)"
  /usr/bin/python3 bench/whole.py --sizes "$WHOLE_SIZES" --data "$OUT/data" --json "$OUT/whole.json"
fi

log "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/report.py "$OUT" | tee "$OUT/report.txt"
/usr/bin/python3 bench/report.py "$OUT" --markdown > "$OUT/report.md"
[ $pandas_ok = 1 ] || { echo "bench: the pandas peer does not agree with the core" >&2; exit 1; }
