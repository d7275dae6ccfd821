#!/usr/bin/env bash
# Reliability runs (docs/reliability.md):
#   1. the native build (core, CLI, unit tests) under AddressSanitizer + UndefinedBehaviorSanitizer
#      in build/asan (the `asan` preset: Debug, warnings as errors), and all its ctest tests (unit
#      and CLI, tests/cli/bad_input.sh among them), each run once: no retry;
#   2. a short run of every libFuzzer target (tests/fuzz/run.sh, FUZZ_SECONDS each, default 8).
# These run the same tests again or fuzz, so they count RUNS, not tests. The closing lines:
#   asan+ubsan: N of M ctest tests passed[, sanitizer reports: ...]
#   fuzz: N passed, M failed (K known findings hit)
#   reliability: R runs, F failed       R = 1 (the sanitizer run) + the fuzz targets run; F = the
#                                       failed ones (a runner that ends without its summary: 1)
# Exits non-zero on any failure. Known fuzz findings (tests/fuzz/known-findings.txt) are reported
# but do not fail the run.
set -uo pipefail
cd "$(dirname "$0")/.."
unset IADESK_UPDATE_GOLDEN   # a test run never rewrites the golden files
JOBS=${JOBS:-2}
FUZZ_SECONDS=${FUZZ_SECONDS:-8}
runs=0
failed_runs=0

# --- 1. ASan + UBSan ----------------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
runs=$((runs + 1))
asan_ok=0
cmake --preset asan >/dev/null || echo "asan: configure failed"
# Only what ctest runs natively: the app tests when ctest lists them (tests/app has tests), else
# ctest would count an unbuilt app_tests as one failed "NOT_BUILT" entry.
targets=(iadesk unit_tests)
grep -q 'app_tests_include' build/asan/CTestTestfile.cmake 2>/dev/null && targets+=(app_tests)
if cmake --build build/asan -j"$JOBS" --target "${targets[@]}"; then
  log=$(mktemp)
  ctest --test-dir build/asan --output-on-failure -j"$JOBS" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '[0-9]+ tests failed out of [0-9]+' "$log" | tail -n1)
  if [ -z "$line" ]; then
    asan_line="asan+ubsan: ctest ended without its summary (exit $rc): FAILED"
  else
    total=$(echo "$line" | grep -oE 'out of [0-9]+' | grep -oE '[0-9]+')
    nfail=$(echo "$line" | grep -oE '[0-9]+ tests failed' | grep -oE '^[0-9]+')
    asan_line="asan+ubsan: $((total - nfail)) of $total ctest tests passed"
    [ "$rc" -eq 0 ] && [ "$nfail" -eq 0 ] && [ "$total" -gt 0 ] && asan_ok=1
  fi
  if grep -qE 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "$log"; then
    echo "sanitizer reports:"
    grep -E 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer|SUMMARY' "$log" | sort | uniq -c
    asan_line+=", sanitizer reports: FAILED"
    asan_ok=0
  fi
  rm -f "$log"
else
  asan_line="asan+ubsan: the build failed: FAILED"
fi
[ "$asan_ok" = 1 ] || failed_runs=$((failed_runs + 1))

# --- 2. Short fuzz runs ---------------------------------------------------------------------------
log=$(mktemp)
bash tests/fuzz/run.sh "$FUZZ_SECONDS" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
line=$(grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n1)
if [ -z "$line" ]; then
  fuzz_line="fuzz: ended without its summary (exit $rc): FAILED"
  runs=$((runs + 1)); failed_runs=$((failed_runs + 1))
else
  fp=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
  ff=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
  runs=$((runs + fp + ff)); failed_runs=$((failed_runs + ff))
  # A failing exit without a failed target (an error after the runs) is one failed run.
  if [ "$rc" -ne 0 ] && [ "$ff" -eq 0 ]; then runs=$((runs + 1)); failed_runs=$((failed_runs + 1)); fi
  fuzz_line=$line
fi
rm -f "$log"

echo "$asan_line"
echo "$fuzz_line"
echo "reliability: $runs runs, $failed_runs failed"
[ "$failed_runs" -eq 0 ]
