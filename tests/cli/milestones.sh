#!/usr/bin/env bash
# iadesk milestones on examples/fjordvik-small.json for 24.11.2026: the two open cases (E01 100 %
# from 14.09.2026, E03 graded 50 % from 01.10.2026) under the current rule set (docs/domain.md,
# Follow-up milestones).
# Usage: bash milestones.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run milestones "$EX" --today 2026-11-24 --json
check "exit 0" '[ $rc -eq 0 ]'
check "open cases and their milestones" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert [(c[\"employee\"],c[\"case_start\"],c[\"rule_set\"]) for c in j]==[(\"E01\",\"2026-09-14\",\"current\"),(\"E03\",\"2026-10-01\",\"current\")], j
for c in j:
    assert list(c.keys())==[\"employee\",\"case_start\",\"rule_set\",\"milestones\"]
    for m in c[\"milestones\"]: assert list(m.keys())==[\"id\",\"due\",\"status\",\"responsible\"], m
m1={m[\"id\"]:m for m in j[0][\"milestones\"]}
m3={m[\"id\"]:m for m in j[1][\"milestones\"]}
# E01: S = 2026-09-14; plan S+27, dialogmote 1 S+48 (both recorded done), dialogmote 2 S+181.
assert m1[\"oppfolgingsplan\"]=={\"id\":\"oppfolgingsplan\",\"due\":\"2026-10-11\",\"status\":\"done\",\"responsible\":\"arbeidsgiver\"}, m1[\"oppfolgingsplan\"]
assert (m1[\"dialogmote1\"][\"due\"],m1[\"dialogmote1\"][\"status\"])==(\"2026-11-01\",\"done\")
assert (m1[\"dialogmote2\"][\"due\"],m1[\"dialogmote2\"][\"status\"],m1[\"dialogmote2\"][\"responsible\"])==(\"2027-03-14\",\"upcoming\",\"nav\")
assert (m1[\"maksdato\"][\"due\"])==\"2027-09-10\"  # 248th NAV day after the employer period 14.9-29.9 (docs/domain.md)
assert (m1[\"dialogmote3\"][\"due\"],m1[\"dialogmote3\"][\"status\"])==(None,\"on_request\")
# E03: S = 2026-10-01; plan exempt (åpenbart unødvendig), dialogmote 1 of a graded case on request,
# aktivitetskrav S+55 = 25.11 due within 7 days.
assert (m3[\"oppfolgingsplan\"][\"due\"],m3[\"oppfolgingsplan\"][\"status\"])==(\"2026-10-28\",\"exempt\")
assert (m3[\"dialogmote1\"][\"due\"],m3[\"dialogmote1\"][\"status\"])==(\"2026-11-18\",\"on_request\")
assert (m3[\"aktivitetskrav\"][\"due\"],m3[\"aktivitetskrav\"][\"status\"])==(\"2026-11-25\",\"due_soon\")
" "$out"'

# On 10.06.2026 only E09's long case (05.01-19.06.2026) is open.
run milestones "$EX" --today 2026-06-10 --json
check "E09 open on 10.06.2026, nobody else" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert [c[\"employee\"] for c in j]==[\"E09\"], j
m={m[\"id\"]:m for m in j[0][\"milestones\"]}
assert m[\"oppfolgingsplan\"][\"status\"]==\"done\" and m[\"dialogmote1\"][\"status\"]==\"done\"
assert (m[\"plan_til_nav\"][\"due\"],m[\"plan_til_nav\"][\"status\"])==(\"2026-06-28\",\"upcoming\")
" "$out"'

run milestones "$EX" --today 2026-11-24
check "text exit 0" '[ $rc -eq 0 ]'
check "text case header" 'grep -q "^E03 Ingrid Berg – tilfelle fra 01.10.2026, uke 8" "$out"'
check "text exempt plan" 'grep -Eq "^  28\.10\.2026 +unntatt +arbeidsgiver +Oppfølgingsplan" "$out"'

run milestones "$EX"
check "missing --today exits 2 naming it" '[ $rc -eq 2 ] && grep -q "mangler --today" "$err"'
run milestones "$EX" --today 24/11/2026
check "bad date exits 2" '[ $rc -eq 2 ] && grep -q "ugyldig dato for --today: «24/11/2026»" "$err"'

summary
