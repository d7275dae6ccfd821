#!/usr/bin/env bash
# iadesk cases on examples/fjordvik-small.json, values computed by hand (docs/data-format.md):
#   E02: 02.03-13.03 and 24.03-10.04 merged across a 10-day gap; E04: split by a 20-day gap;
#   E01: open 100 % case; E03: graded 50 % case.
# Usage: bash cases.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run cases "$EX" --today 2026-11-24 --json
check "exit 0" '[ $rc -eq 0 ]'
check "cases by hand" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
expected = [
  [\"E01\",\"2026-09-14\",None,        72,\"2026-09-29\",\"2027-08-25\"],
  [\"E02\",\"2026-03-02\",\"2026-04-10\",30,\"2026-03-27\",\"2027-02-18\"],
  [\"E03\",\"2026-10-01\",\"2026-12-18\",79,\"2026-10-16\",\"2027-09-13\"],
  [\"E04\",\"2026-05-04\",\"2026-05-15\",12,\"2026-05-19\",\"2027-04-14\"],
  [\"E04\",\"2026-06-05\",\"2026-06-07\", 3,\"2026-06-20\",\"2027-05-18\"],
  [\"E05\",\"2026-03-09\",\"2026-03-11\", 3,\"2026-03-24\",\"2027-02-17\"],
  [\"E06\",\"2026-03-16\",\"2026-03-17\", 2,\"2026-03-31\",\"2027-02-24\"],
  [\"E08\",\"2026-02-16\",\"2026-03-06\",19,\"2026-03-03\",\"2027-01-27\"],
  [\"E09\",\"2026-01-05\",\"2026-06-19\",166,\"2026-01-20\",\"2026-12-16\"],
  [\"E11\",\"2026-03-03\",\"2026-03-04\", 2,\"2026-03-18\",\"2027-02-11\"],
]
keys=[\"employee\",\"start\",\"end\",\"sick_days\",\"agp_end\",\"maksdato\"]
got=[[c[k] for k in keys] for c in j]
assert all(list(c.keys())==keys for c in j), j[0].keys()
assert got==expected, \"\\n\".join(map(str,got))
" "$out"'

# The open case counts its sick days through --today (Norwegian date form accepted).
run cases "$EX" --today 01.10.2026 --json
check "dd.mm.yyyy accepted" '[ $rc -eq 0 ]'
check "open case sick days through today" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert j[0][\"employee\"]==\"E01\" and j[0][\"end\"] is None and j[0][\"sick_days\"]==18, j[0]
" "$out"'

run cases "$EX" --today 2026-11-24
check "text exit 0" '[ $rc -eq 0 ]'
check "text header" 'grep -q "^Sykefraværstilfeller i Fjordvik kommune per 24.11.2026: 10$" "$out"'
check "text open case line" 'grep -Eq "^E01 +Kari Nordmann +14\.09\.2026 +åpent +72 +29\.09\.2026 +25\.08\.2027$" "$out"'
check "text merged case line" 'grep -Eq "^E02 +Ola Hansen +02\.03\.2026 +10\.04\.2026 +30 " "$out"'

run cases "$EX" --today 2026-02-30
check "bad date exits 2 naming the option" '[ $rc -eq 2 ] && grep -q "ugyldig dato for --today: «2026-02-30»" "$err"'

run cases "$REPO/examples/nope.json"
check "missing file exits 2 naming it" '[ $rc -eq 2 ] && grep -q "kan ikke lese filen «.*nope.json»" "$err"'

summary
