#!/usr/bin/env bash
# iadesk: verb dispatch, --help, unknown verbs and options (exit 2 = bad usage).
# Usage: bash usage.sh /path/to/iadesk /path/to/repo
set -u
IADESK=$1; REPO=$2; EX="$REPO/examples/fjordvik-small.json"
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
out=$(mktemp); err=$(mktemp); trap 'rm -f "$out" "$err"' EXIT

"$IADESK" >"$out" 2>"$err"; rc=$?
check "no arguments exits 2" '[ $rc -eq 2 ]'
check "no arguments prints usage on stderr" 'grep -q "bruk: iadesk KOMMANDO" "$err"'

"$IADESK" --help >"$out" 2>"$err"; rc=$?
check "--help exits 0" '[ $rc -eq 0 ]'
for verb in validate cases milestones stats generate measures goals plan import; do
  check "--help lists $verb" 'grep -q "^  $verb" "$out"'
done

"$IADESK" frobnicate "$EX" >"$out" 2>"$err"; rc=$?
check "unknown verb exits 2" '[ $rc -eq 2 ]'
check "unknown verb is named" 'grep -q "ukjent kommando «frobnicate»" "$err"'

for verb in validate cases milestones stats generate import; do
  "$IADESK" $verb --help >"$out" 2>"$err"; rc=$?
  check "$verb --help exits 0" '[ $rc -eq 0 ] && grep -q "bruk: iadesk $verb" "$out"'
done

"$IADESK" cases "$EX" --colour blue >"$out" 2>"$err"; rc=$?
check "unknown option exits 2" '[ $rc -eq 2 ]'
check "unknown option is named" 'grep -q "ukjent valg «--colour»" "$err"'

"$IADESK" cases >"$out" 2>"$err"; rc=$?
check "missing FILE exits 2" '[ $rc -eq 2 ] && grep -q "mangler FIL" "$err"'

"$IADESK" stats "$EX" --from >"$out" 2>"$err"; rc=$?
check "option without value exits 2" '[ $rc -eq 2 ] && grep -q -- "--from mangler en verdi" "$err"'

exit $fail
