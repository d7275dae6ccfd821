#!/usr/bin/env bash
# iadesk validate: summary on a valid file, every problem with its pointer on an invalid one.
# Usage: bash validate.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run validate "$EX"
check "valid file exits 0" '[ $rc -eq 0 ]'
check "one-line summary with counts" '[ "$(cat "$out")" = "OK: Fjordvik kommune (940123453): 3 enheter, 12 ansatte, 13 fraværsperioder, 5 milepælhendelser" ]'

run validate "$EX" --json
check "valid --json exits 0" '[ $rc -eq 0 ]'
check "valid --json shape" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert j[\"valid\"] is True and j[\"problems\"]==[]
assert j[\"counts\"]=={\"units\":3,\"employees\":12,\"absences\":13,\"milestone_events\":5}, j
" "$out"'

# An invalid copy with three problems: grade 150, unknown unit, impossible date.
python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
j['absences'][3]['grade']=150
j['employees'][11]['unit']='U9'
j['milestone_events'][0]['date']='2026-02-30'
json.dump(j, open(sys.argv[2],'w'), ensure_ascii=False)
" "$EX" "$tmp/bad.json"
run validate "$tmp/bad.json"
check "invalid file exits 1" '[ $rc -eq 1 ]'
check "problem count" 'grep -q "3 problemer" "$out"'
check "grade problem with pointer (nb)" 'grep -q "^  /absences/3/grade: Grad må være mellom 20 og 100 (var 150)$" "$out"'
check "unit problem with pointer" 'grep -q "^  /employees/11/unit: Ukjent enhet «U9»" "$out"'
check "date problem with pointer" 'grep -q "^  /milestone_events/0/date: Ugyldig dato «2026-02-30»" "$out"'

run validate "$tmp/bad.json" --json
check "invalid --json exits 1" '[ $rc -eq 1 ]'
check "invalid --json lists every problem in nb and en" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert j[\"valid\"] is False and \"counts\" not in j
ps={p[\"pointer\"]:p for p in j[\"problems\"]}
assert set(ps)=={\"/absences/3/grade\",\"/employees/11/unit\",\"/milestone_events/0/date\"}, ps
assert ps[\"/absences/3/grade\"][\"message_en\"]==\"Grade must be between 20 and 100 (was 150)\"
" "$out"'

# The other verbs refuse an invalid dataset with exit 1 and point to validate.
run cases "$tmp/bad.json" --today 2026-11-24
check "cases on invalid dataset exits 1" '[ $rc -eq 1 ] && grep -q "ugyldig datasett" "$err" && [ ! -s "$out" ]'

printf '{"format": "iadesk", "version": 1,,}' >"$tmp/syntax.json"
run validate "$tmp/syntax.json"
check "syntax error exits 1 with line and column" '[ $rc -eq 1 ] && grep -q "Ugyldig JSON ved linje 1, kolonne 35" "$out"'

printf '{"format": "iadesk", "version": 6}' >"$tmp/newer.json"
run validate "$tmp/newer.json"
check "newer version exits 1 with a clear message" '[ $rc -eq 1 ] && grep -q "/version: Datasettet er lagret av en nyere iadesk (formatversjon 6)" "$out"'

run validate "$tmp/does-not-exist.json"
check "missing file exits 2 naming the file" '[ $rc -eq 2 ] && grep -q "kan ikke lese filen «$tmp/does-not-exist.json»" "$err"'

summary
