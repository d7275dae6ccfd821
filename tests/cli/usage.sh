#!/usr/bin/env bash
# iadesk: verb dispatch, --help, unknown verbs and options (exit 2 = bad usage).
# Usage: bash usage.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run
check "no arguments exits 2" '[ $rc -eq 2 ]'
check "no arguments prints usage on stderr" 'grep -q "bruk: iadesk KOMMANDO" "$err"'

run --help
check "--help exits 0" '[ $rc -eq 0 ]'
for verb in validate cases milestones stats generate measures goals plan import; do
  check "--help lists $verb" 'grep -q "^  $verb" "$out"'
done

run frobnicate "$EX"
check "unknown verb exits 2" '[ $rc -eq 2 ]'
check "unknown verb is named" 'grep -q "ukjent kommando «frobnicate»" "$err"'

for verb in validate cases milestones stats generate import; do
  run $verb --help
  check "$verb --help exits 0" '[ $rc -eq 0 ] && grep -q "bruk: iadesk $verb" "$out"'
done

run cases "$EX" --colour blue
check "unknown option exits 2" '[ $rc -eq 2 ]'
check "unknown option is named" 'grep -q "ukjent valg «--colour»" "$err"'

run cases
check "missing FILE exits 2" '[ $rc -eq 2 ] && grep -q "mangler FIL" "$err"'

run stats "$EX" --from
check "option without value exits 2" '[ $rc -eq 2 ] && grep -q -- "--from mangler en verdi" "$err"'

summary
