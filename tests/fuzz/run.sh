#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang++-14 and
# -fsanitize=fuzzer,address,undefined in build/fuzz, and runs each for SECONDS (default 10), one at
# a time. Fails on any crash, sanitizer report, timeout or out-of-memory that is not a known finding.
#
#   tests/fuzz/run.sh [--no-build] [--build-dir DIR] [--min-runs N] [SECONDS] [TARGET...]
#
# --min-runs N: after its SECONDS, a target that has run fewer than N inputs goes on (from the corpus
# it has built) until it has run N in all; the long run in docs/reliability.md uses 600 s and 1000000.
# TARGET is a short name (dataset, rules, catalogue, search, date, ...); default: all.
# Each target fuzzes a working corpus in DIR/corpus/TARGET (kept between runs, so long runs build
# on earlier ones) seeded from tests/fuzz/corpus/TARGET (read, never written). A crashing input is
# saved in DIR/artifacts/TARGET/; commit it under tests/fuzz/findings/ and, until it is fixed, list
# it in tests/fuzz/known-findings.txt (format there): a crash matching a known finding's signature
# is reported as known, not as a failure, and every listed reproducer is replayed to tell whether
# it still reproduces. The last line sums up: "fuzz: N passed, M failed (K known findings)", also
# when nothing could run ("fuzz: 0 passed, 1 failed (build failed)"); exit 1 on any failure.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$ROOT/build/fuzz
DO_BUILD=1
SECONDS_PER=10
MIN_RUNS=0
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) DO_BUILD=0 ;;
    --build-dir) BUILD=$2; shift ;;
    --min-runs) MIN_RUNS=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    [0-9]*) SECONDS_PER=$1 ;;
    *) TARGETS+=("$1") ;;
  esac
  shift
done
JOBS=${JOBS:-2}

if [ "$DO_BUILD" = 1 ]; then
  command -v clang++-14 >/dev/null || { echo "fuzz: 0 passed, 1 failed (clang++-14 missing: scripts/setup.sh)"; exit 1; }
  if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DIADESK_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 \
          -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" >/dev/null \
      || { echo "fuzz: 0 passed, 1 failed (configure failed)"; exit 1; }
  fi
  cmake --build "$BUILD" -j"$JOBS" --target fuzzers || { echo "fuzz: 0 passed, 1 failed (build failed)"; exit 1; }
fi

if [ ${#TARGETS[@]} -eq 0 ]; then
  for f in "$HERE"/fuzz_*.cpp; do n=$(basename "$f" .cpp); TARGETS+=("${n#fuzz_}"); done
fi

# Known findings: "target <TAB-or-spaces> reproducer-path <spaces> signature-regex", # comments.
KNOWN=$HERE/known-findings.txt
known_lines() { [ -f "$KNOWN" ] && grep -vE '^\s*(#|$)' "$KNOWN" || true; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

passed=0; failed=0; known=0
summary=()
for t in "${TARGETS[@]}"; do
  bin=$BUILD/fuzz_$t
  if [ ! -x "$bin" ]; then
    echo "fuzz/$t: no binary $bin"; failed=$((failed + 1)); summary+=("$t: NOT BUILT"); continue
  fi
  work=$BUILD/corpus/$t; seeds=$HERE/corpus/$t; art=$BUILD/artifacts/$t
  [ "$t" = dataset_direct ] && seeds=$HERE/corpus/dataset # the same inputs, two readers compared
  mkdir -p "$work" "$art"
  log=$BUILD/logs/$t-$$.log; mkdir -p "$(dirname "$log")" # per run: a long run beside a short one keeps its own
  extra=()
  case "$t" in dataset|dataset_direct|rules|catalogue|json_fast) extra+=("-dict=$HERE/json.dict") ;; esac
  # Big inputs only slow the search for new paths; the seeds are smaller than these.
  case "$t" in dataset|dataset_direct|catalogue|rules) extra+=("-max_len=8192") ;; csv) extra+=("-max_len=4096") ;; *) extra+=("-max_len=512") ;; esac
  dirs=("$work"); [ -d "$seeds" ] && dirs+=("$seeds")
  if [ "$MIN_RUNS" -gt 0 ]; then echo "fuzz/$t: ${SECONDS_PER}s, at least $MIN_RUNS inputs"; else echo "fuzz/$t: ${SECONDS_PER}s"; fi
  : >"$log"; started=$(date +%s)
  limit=(-max_total_time="$SECONDS_PER")
  while :; do
    "$bin" "${limit[@]}" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 \
           -artifact_prefix="$art/" "${extra[@]}" "${dirs[@]}" >>"$log" 2>&1
    rc=$?
    # Each session appends its final stats: the target's runs are their sum.
    execs=$(grep -oE 'stat::number_of_executed_units:\s+[0-9]+' "$log" | grep -oE '[0-9]+$' | awk '{s+=$1} END {print s+0}')
    [ $rc -eq 0 ] && [ "$execs" -gt 0 ] && [ "$execs" -lt "$MIN_RUNS" ] || break
    limit=(-runs=$((MIN_RUNS - execs)))
  done
  speed=$(grep -oE 'stat::average_exec_per_sec:\s+[0-9]+' "$log" | grep -oE '[0-9]+$' | head -n1 || echo 0)
  corp=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n1 | sed 's/corp: //')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+' || echo 0)
  line="$t: ${execs:-0} execs in $(( $(date +%s) - started )) s, ${speed:-0}/s, coverage $cov edges, corpus ${corp:-?}"
  if [ $rc -eq 0 ] && [ "${execs:-0}" -eq 0 ]; then
    failed=$((failed + 1)); summary+=("$line: FAILED (ran no input: no final stats in $log)")
  elif [ $rc -eq 0 ]; then
    passed=$((passed + 1)); summary+=("$line: ok")
  else
    # A crash: known if a known finding of this target has a signature found in the log.
    matched=""
    while read -r kt kfile ksig; do
      [ "$kt" = "$t" ] || continue
      if grep -qE -- "$ksig" "$log"; then matched=$kfile; break; fi
    done < <(known_lines)
    if [ -n "$matched" ]; then
      known=$((known + 1)); passed=$((passed + 1)); summary+=("$line: KNOWN finding ($matched)")
    else
      failed=$((failed + 1)); summary+=("$line: FAILED (exit $rc, log $log)")
      grep -E 'ERROR: |FUZZ_CHECK|runtime error|SUMMARY|Test unit written' "$log" | head -n 12
    fi
  fi
done

# Replay each known finding of the targets run: does it still reproduce?
while read -r kt kfile ksig; do
  printf '%s\n' "${TARGETS[@]}" | grep -qx "$kt" || continue
  bin=$BUILD/fuzz_$kt
  [ -x "$bin" ] || continue
  if [ ! -f "$ROOT/$kfile" ]; then summary+=("known finding $kfile: file missing"); continue; fi
  if ( "$bin" -runs=1 "$ROOT/$kfile" ) >"$BUILD/logs/replay.log" 2>&1; then
    summary+=("known finding $kfile: no longer reproduces (fixed? remove it from known-findings.txt)")
  else
    summary+=("known finding $kfile: still reproduces")
  fi
done < <(known_lines)

printf '%s\n' "${summary[@]}"
echo "fuzz: $passed passed, $failed failed ($known known findings hit)"
[ "$failed" -eq 0 ]
