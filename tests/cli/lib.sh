# Shared preamble of the CLI tests (tests/cli/*.sh; ctest runs each as
# `bash tests/cli/NAME.sh /path/to/iadesk /path/to/repo`). A test starts with
#
#   source "$(dirname "$0")/lib.sh" "$@"
#
# and ends with `summary`. What it gives:
#   IADESK, REPO        the program under test and the repository (arguments 1 and 2; both required)
#   tmp, out, err       a fresh temporary folder (removed on exit) and $tmp/out, $tmp/err
#   run ARGS...         runs "$IADESK" ARGS, stdout to $out, stderr to $err, exit code in $rc;
#   run_to FILE ARGS... the same with stdout to FILE.
#                       A crash (killed by a signal, exit >= 128) or a sanitizer report is a failure
#                       of its own, whatever the checks after it accept.
#   check NAME COND     evaluates the shell text COND; prints "FAIL: NAME" when it is false
#   known_failure NAME WHY COND
#                       a check that is known to fail today: printed as "KNOWN FAILURE: NAME (WHY)"
#                       and listed by summary; once COND holds it FAILS, so that it becomes a check
#   fail_now MESSAGE    a failure that is not a condition (a missing tool, a file that is not there)
#   sum FILE            the file's SHA-256
#   at_exit COMMAND     shell text run when the test ends, before $tmp is removed (e.g. stop a server)
#   summary             prints "<name>: all checks passed (N)" or "<name>: K of N checks failed"
#                       (and the known failures) and exits 0 or 1. A test that ends without calling
#                       it (an early exit, `set -u` tripping) prints "<name>: ended before its
#                       summary" and fails.
set -u
if [ $# -lt 2 ]; then
    echo "usage: bash $0 /path/to/iadesk /path/to/repo" >&2
    exit 2
fi
IADESK=$1
REPO=$2
TEST_NAME=$(basename "$0" .sh)
tmp=$(mktemp -d)
out="$tmp/out"
err="$tmp/err"
rc=0
checks_run=0
checks_failed=0
known_failures=()
summary_done=0
lib_at_exit=()

at_exit() { lib_at_exit+=("$1"); }

lib_on_exit() {
    local status=$? c
    for c in "${lib_at_exit[@]}"; do eval "$c"; done
    rm -rf "$tmp"
    if [ "$summary_done" != 1 ]; then
        echo "$TEST_NAME: ended before its summary (exit $status): FAILED"
        [ "$status" -ne 0 ] || status=1
    fi
    exit "$status"
}
trap lib_on_exit EXIT

fail_now() {
    checks_run=$((checks_run + 1))
    checks_failed=$((checks_failed + 1))
    echo "FAIL: $*"
}

check() {
    checks_run=$((checks_run + 1))
    if ! eval "$2"; then
        checks_failed=$((checks_failed + 1))
        echo "FAIL: $1"
    fi
}

known_failure() {
    if eval "$3"; then
        checks_run=$((checks_run + 1))
        checks_failed=$((checks_failed + 1))
        echo "FAIL: known failure now passes, make it a check: $1"
    else
        known_failures+=("$1 ($2)")
        echo "KNOWN FAILURE: $1 ($2)"
    fi
}

# The exit code of the last run: a signal or a sanitizer report fails on its own.
lib_crash_check() {
    if [ "$rc" -ge 128 ] || grep -aqE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$err" 2>/dev/null; then
        fail_now "iadesk $* crashed (exit $rc)"
        head -c 2000 "$err"
    fi
}

run() {
    "$IADESK" "$@" >"$out" 2>"$err"
    rc=$?
    lib_crash_check "$@"
    return 0
}

run_to() {
    local file=$1
    shift
    "$IADESK" "$@" >"$file" 2>"$err"
    rc=$?
    lib_crash_check "$@"
    return 0
}

sum() { sha256sum "$1" | cut -d' ' -f1; }

summary() {
    summary_done=1
    local known=""
    [ ${#known_failures[@]} -eq 0 ] || known=", ${#known_failures[@]} known failures: $(printf '%s; ' "${known_failures[@]}")"
    if [ "$checks_run" -eq 0 ]; then
        echo "$TEST_NAME: no check ran: FAILED"
        exit 1
    elif [ "$checks_failed" -eq 0 ]; then
        echo "$TEST_NAME: all checks passed ($checks_run)${known%; }"
        exit 0
    else
        echo "$TEST_NAME: $checks_failed of $checks_run checks failed${known%; }"
        exit 1
    fi
}
