#!/usr/bin/env bash
# iadesk stats on examples/fjordvik-small.json for March 2026, by hand (docs/domain.md,
# "Sykefraværsstatistikk"): 22 working days (no holidays; Easter 2026 is in April).
#   Sykehjem Nord: mulige 22 x (1 + 0.75 + 0.8 + 1 + 0.6) = 91.3; tapte: E02 75 % sick 2-13 and
#     24-31 March = 16 days x 0.75 = 12.0 legemeldt, E05 60 % egenmelding 9-11 March = 1.8.
#   Skole Vest: mulige 5 x 22 = 110; tapte: E09 22.0 + E08 graded 40 % 2-6 March 5 x 0.4 = 2.0
#     legemeldt, E06 egenmelding 16-17 March 2.0 -> 26 / 110 = 23.6 %; egenmeldt 2 / 110 = 1.8 %,
#     legemeldt 24 / 110 = 21.8 %.
#   Barnehage Sentrum: 2 employees -> masked (E11 22 + E12 50 % from 16 March 12 x 0.5 = 28
#     mulige; E11 egenmelding 2.0).
#   Whole: 229.3 mulige, 41.8 tapte (5.8 egenmeldt, 36.0 legemeldt) -> 18.2 %; egenmeldt
#     5.8 / 229.3 = 2.5 %, legemeldt 36 / 229.3 = 15.7 %.
#   Secondary suppression: the whole minus Sykehjem Nord and Skole Vest would give Barnehage
#   Sentrum, so the smallest shown unit goes too: Sykehjem Nord and Skole Vest both have 5, the
#   first in the units' order (Sykehjem Nord) is withheld "to protect a small group".
# --nav on a five-person dataset written below (the same as tests/unit/test_stats_overview.cpp):
#   on 24.11.2026 the four quarters Q4 2025-Q3 2026 have 64 + 63 + 59 + 66 = 252 working days,
#   mulige 5 x 252 = 1260; legemeldt 10 (E1) + 5 (E2, 50 %) + 3 (E4, 1-3 Oct 2025) = 18 -> 1.4 %
#   (NAV's figure); egenmeldt 3 (E3) -> all absence 21 / 1260 = 1.7 %.
# Usage: bash stats.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run stats "$EX" --from 2026-03-01 --to 2026-03-31 --json
check "exit 0" '[ $rc -eq 0 ]'
check "whole organisation" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert list(j.keys())==[\"from\",\"to\",\"groups\"] and j[\"from\"]==\"2026-03-01\" and j[\"to\"]==\"2026-03-31\"
assert j[\"groups\"]==[{\"unit\":None,\"employees\":12,\"headcount\":12,\"mulige_dagsverk\":229.3,\"tapte_dagsverk\":41.8,
  \"tapte_egenmeldt\":5.8,\"tapte_legemeldt\":36.0,\"prosent\":18.2,\"prosent_egenmeldt\":2.5,\"prosent_legemeldt\":15.7,
  \"masked\":False,\"masked_reason\":None}], j
assert list(j[\"groups\"][0].keys())==[\"unit\",\"employees\",\"headcount\",\"mulige_dagsverk\",\"tapte_dagsverk\",\"tapte_egenmeldt\",
  \"tapte_legemeldt\",\"prosent\",\"prosent_egenmeldt\",\"prosent_legemeldt\",\"masked\",\"masked_reason\"]
" "$out"'

run stats "$EX" --from 01.03.2026 --to 31.03.2026 --by unit --json
check "--by unit exit 0" '[ $rc -eq 0 ]'
check "per unit: the small unit masked, the first of the smallest shown units withheld to protect it" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
g=j[\"groups\"]
assert [x[\"unit\"] for x in g]==[\"U1\",\"U2\",\"U3\"], g
nulls={k:None for k in [\"mulige_dagsverk\",\"tapte_dagsverk\",\"tapte_egenmeldt\",\"tapte_legemeldt\",\"prosent\",\"prosent_egenmeldt\",\"prosent_legemeldt\"]}
assert g[0]==dict({\"unit\":\"U1\",\"employees\":5,\"headcount\":5,\"masked\":True,\"masked_reason\":\"protects_small_group\"},**nulls), g[0]
assert g[1]=={\"unit\":\"U2\",\"employees\":5,\"headcount\":5,\"mulige_dagsverk\":110.0,\"tapte_dagsverk\":26.0,\"tapte_egenmeldt\":2.0,\"tapte_legemeldt\":24.0,
  \"prosent\":23.6,\"prosent_egenmeldt\":1.8,\"prosent_legemeldt\":21.8,\"masked\":False,\"masked_reason\":None}, g[1]
assert g[2]==dict({\"unit\":\"U3\",\"employees\":2,\"headcount\":2,\"masked\":True,\"masked_reason\":\"small_group\"},**nulls), g[2]
" "$out"'

# Employees employed on at least one day: E10 left 30.04.2026, E12 began 16.03.2026.
run stats "$EX" --from 2026-05-01 --to 2026-05-31 --json
check "employees counts those employed in the period" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1])); assert j[\"groups\"][0][\"employees\"]==11, j
" "$out"'
run stats "$EX" --from 2026-01-01 --to 2026-01-31 --json
check "not yet employed is not counted" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1])); assert j[\"groups\"][0][\"employees\"]==11, j
" "$out"'

run stats "$EX" --from 2026-03-01 --to 2026-03-31 --by unit
check "text exit 0" '[ $rc -eq 0 ]'
check "text unit row (Norwegian numbers)" 'grep -Eq "^Skole Vest +5 +110,0 +26,0 +2,0 +24,0 +23,6 %$" "$out"'
check "text masked row" 'grep -Eq "^Barnehage Sentrum +2 +skjermet \(færre enn 5 ansatte i hvert kvartal\)$" "$out"'
check "text protecting row" 'grep -Eq "^Sykehjem Nord +5 +skjermet for å beskytte en liten gruppe$" "$out"'

# --nav: NAV's figure (legemeldt, last four quarters) beside all absence.
python3 - "$tmp/nav.json" <<'PY'
import json, sys
emp = lambda i: {"id": i, "name": "Ansatt " + i, "unit": "U1", "employment": [{"from": "2020-01-01", "to": None, "percent": 100}]}
ab = lambda e, k, f, t, g: {"employee": e, "kind": k, "from": f, "to": t, "grade": g}
json.dump({"format": "iadesk", "version": 1,
           "organisation": {"name": "Testkommune", "orgnr": "940123453", "ia_agreement": True, "own_bht": False},
           "units": [{"id": "U1", "name": "Enhet 1"}],
           "employees": [emp(i) for i in ["E1", "E2", "E3", "E4", "E5"]],
           "absences": [ab("E1", "sykmelding", "2026-03-02", "2026-03-13", 100), ab("E2", "sykmelding", "2026-01-05", "2026-01-16", 50),
                        ab("E3", "egenmelding", "2026-09-01", "2026-09-03", 100), ab("E4", "sykmelding", "2025-09-29", "2025-10-03", 100),
                        ab("E5", "sykmelding", "2026-11-02", "2026-11-06", 100)],
           "milestone_events": []}, open(sys.argv[1], "w"))
PY
"$IADESK" stats "$tmp/nav.json" --nav --today 2026-11-24 --json >"$out" 2>"$err"; rc=$?
check "--nav json: the four quarters and legemeldt beside all absence" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert (j[\"from\"],j[\"to\"],j[\"nav\"])==(\"2025-10-01\",\"2026-09-30\",{\"first_quarter\":\"2025-Q4\",\"last_quarter\":\"2026-Q3\"}), j
g=j[\"groups\"][0]
assert (g[\"headcount\"],g[\"mulige_dagsverk\"],g[\"tapte_legemeldt\"],g[\"tapte_egenmeldt\"],g[\"prosent_legemeldt\"],g[\"prosent\"])==(5,1260.0,18.0,3.0,1.4,1.7), g
" "$out"'
"$IADESK" stats "$tmp/nav.json" --nav --today 24.11.2026 >"$out" 2>"$err"; rc=$?
check "--nav text" '[ $rc -eq 0 ] && grep -q "siste fire kvartaler K4 2025–K3 2026 (01.10.2025–30.09.2026)" "$out" && grep -Eq "^Hele virksomheten +5 +1,4 % +1,7 %$" "$out" && grep -q "Legemeldt, siste fire kvartaler – tallet NAV viser" "$out"'
"$IADESK" stats "$tmp/nav.json" --nav --from 2026-01-01 >"$out" 2>"$err"; rc=$?
check "--nav with --from exits 2" '[ $rc -eq 2 ] && grep -q "ta bort --from og --to" "$err"'
"$IADESK" stats "$tmp/nav.json" --from 2026-01-01 --to 2026-03-31 --today 2026-11-24 >"$out" 2>"$err"; rc=$?
check "--today without --nav exits 2" '[ $rc -eq 2 ] && grep -q "hører til --nav" "$err"'

run stats "$EX" --from 2026-03-01
check "missing --to exits 2 naming it" '[ $rc -eq 2 ] && grep -q "mangler --to" "$err"'
run stats "$EX" --from 2026-13-01 --to 2026-03-31
check "bad --from exits 2 naming it" '[ $rc -eq 2 ] && grep -q "ugyldig dato for --from: «2026-13-01»" "$err"'
run stats "$EX" --from 2026-03-31 --to 2026-03-01
check "--to before --from exits 2" '[ $rc -eq 2 ] && grep -q "er før --from" "$err"'
run stats "$EX" --from 2026-03-01 --to 2026-03-31 --by person
check "unknown --by exits 2" '[ $rc -eq 2 ] && grep -q "ukjent gruppering for --by: «person»" "$err"'

summary
