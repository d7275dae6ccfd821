#!/usr/bin/env bash
# Sets up, builds and runs every test: the native unit and CLI tests (ctest), the browser tests
# (tests/e2e, Playwright + chromium), and the reliability run (sanitizers, short fuzzing). Exits non-zero on any failure; the last line sums up.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/build.sh native || { echo "all: 0 passed, 1 failed"; exit 1; }

status=0
ctest_log=$(mktemp)
ctest --test-dir build/native --output-on-failure -j2 2>&1 | tee "$ctest_log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
ctest_total=$(grep -oE 'out of [0-9]+' "$ctest_log" | tail -n1 | grep -oE '[0-9]+' || echo 0)
ctest_failed=$(grep -oE '[0-9]+ tests failed' "$ctest_log" | tail -n1 | grep -oE '^[0-9]+' || echo 0)
[ "$ctest_total" -gt 0 ] || { echo "ctest ran no test"; status=1; }

e2e_passed=0; e2e_failed=1
if bash scripts/build.sh web; then
  e2e_log=$(mktemp)
  node tests/e2e/run.mjs build/web/site 2>&1 | tee "$e2e_log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' "$e2e_log" | tail -n1)
  e2e_passed=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  e2e_failed=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 1)
else
  echo "the browser build failed"; status=1
fi

# Sanitizers (ASan + UBSan over the native tests) and short fuzz runs of every parser (issue 9).
rel_passed=0; rel_failed=1
rel_log=$(mktemp)
bash scripts/test-reliability.sh 2>&1 | tee "$rel_log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
line=$(grep -E '^reliability: [0-9]+ passed, [0-9]+ failed' "$rel_log" | tail -n1)
if [ -n "$line" ]; then
  rel_passed=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
  rel_failed=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
fi

passed=$(( ctest_total - ctest_failed + e2e_passed + rel_passed ))
failed=$(( ctest_failed + e2e_failed + rel_failed ))
[ "$failed" -eq 0 ] || status=1
echo "all: $passed passed, $failed failed"
exit $status
