#!/usr/bin/env bash
# iadesk goals on tests/fixtures/goals/goals.json on 24.11.2026, by hand (docs/goals.md):
#   Sykehjem Nord (U1) has 50 employees at 100 %. E01-E03 are sick-listed 100 % from 01.10.2024,
#   E01 and E02 to 30.09.2026, E03 to 30.06.2026; E04 50 % in Q2 2025.
#   G1: Q2 2025 = 3,5 / 50 = 7,0 % (baseline, computed); target -20 % = 5,6 %; the latest complete
#       quarter is Q3 2026 (2 / 50 = 4,0 %), but the same quarter Q2 2026 is compared: 3 / 50 = 6,0 %
#       -> (7,0 - 6,0) / (7,0 - 5,6) = 71,4 % of the way, 14,3 % reduction.
#       Projection (docs/goals.md): least squares through the rolling four-quarter figures ending
#       at the last five complete quarters. Working days per quarter (weekdays less public
#       holidays): Q4 2024 64, Q1 2025 63, Q2 2025 59, Q3 2025 66, Q4 2025 64, Q1 2026 63, Q2 2026 59,
#       Q3 2026 66. Lost days in U1: 3 x days per quarter, plus 0,5 x 59 = 29,5 in Q2 2025 (E04), and
#       2 x 66 = 132 in Q3 2026 (E03 back). Every rolling year has 252 days, 50 x 252 = 12 600 possible:
#         to Q3 2025: 192 + 189 + 206,5 + 198 = 785,5 -> 6,2 %   to Q4 2025: 785,5 -> 6,2 %
#         to Q1 2026: 785,5 -> 6,2 %   to Q2 2026: 198 + 192 + 189 + 177 = 756 -> 6,0 %
#         to Q3 2026: 192 + 189 + 177 + 132 = 690 -> 5,5 %
#       The line goes through the figures as shown (one decimal, docs/goals.md), x = 0..4:
#       slope = sum((x - 2) * y) / 10 = (-2 x 6,2 - 6,2 + 6,0 + 2 x 5,5) / 10 = -0,16 a quarter; from
#       the current value (Q2 2026, 6,0) four quarters to Q2 2027 (the deadline's quarter of the same
#       number): 6,0 - 4 x 0,16 = 5,36 -> 5,4 <= 5,6 -> status "i rute"; (7,0 - 5,4) / 1,4 = 114,3 %.
#   G2: Barnehage Sol has 3 employees -> every figure withheld, status ukjent. Sykehjem Nord is
#       then the only other unit: the whole organisation (G6) minus it would give Barnehage Sol,
#       so G1's figures are withheld too ("skjermet for å beskytte en liten gruppe"); the worked
#       check above runs on a copy with a third unit (docs/domain.md, secondary suppression).
#   G3: recorded 40, 44, 47 (2023-2025), target 55: (47 - 40) / (55 - 40) = 46,7 %; least squares
#       3,5 a year -> 54,0 in 2027 = 93,3 % of the way -> risiko.
#   G4: 4 planned (A5 avbrutt not counted), 2 fullført -> 50,0 %; A3 is past its date -> risiko.
#   G5: no criterion, no deadline -> ukjent, not verifiable.
#   G6: whole organisation (53), 2025: 252 working days; lost 3 x 252 + 0,5 x 59 (E04, Q2) + 12 (E51,
#       5-20 May) = 797,5 of 53 x 252 = 13 356 -> 6,0 %. Rolling Q4 2025-Q3 2026 (64 + 63 + 59 + 66 =
#       252 days): 2 x 252 + 186 (E03 to June) = 690 -> 5,2 %; target 5,0 -> 80,0 %.
#   IA meetings: 2025 two (M2 with a verneombud counts); 2026 one counting (M4 lacks the
#   tillitsvalgte) -> warning.
# Usage: bash goals.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
FX="$REPO/tests/fixtures/goals/goals.json"

run goals "$FX" --today 2026-11-24 --json
check "exit 0" '[ $rc -eq 0 ]'
check "per goal {id, area, kind, baseline, target, current, progress, status}" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
g={x[\"id\"]:x for x in j[\"goals\"]}
assert j[\"today\"]==\"2026-11-24\" and j[\"last_complete_quarter\"]==\"2026-Q3\", j
assert [x[\"id\"] for x in j[\"goals\"]]==[\"G1\",\"G2\",\"G3\",\"G4\",\"G5\",\"G6\"]
for x in j[\"goals\"]: assert list(x.keys())[:8]==[\"id\",\"area\",\"kind\",\"baseline\",\"target\",\"current\",\"progress\",\"status\"], x.keys()
a=g[\"G1\"]
assert (a[\"baseline\"],a[\"current\"],a[\"status\"],a[\"masked\"],a[\"reason\"])==(None,None,\"ukjent\",True,\"Skjermet for å beskytte en liten gruppe\"), a
b=g[\"G2\"]; assert (b[\"baseline\"],b[\"target\"],b[\"current\"],b[\"progress\"],b[\"status\"],b[\"masked\"])==(None,None,None,None,\"ukjent\",True), b
c=g[\"G3\"]; assert (c[\"baseline\"],c[\"target\"],c[\"current\"],c[\"progress\"],c[\"status\"])==(40.0,55.0,47.0,46.7,\"risiko\"), c
assert c[\"projection\"]=={\"period\":\"2027\",\"value\":54.0,\"progress\":93.3,\"slope_per_quarter\":0.875}, c
d=g[\"G4\"]; assert (d[\"kind\"],d[\"baseline\"],d[\"progress\"],d[\"status\"])==(\"activity\",None,50.0,\"risiko\"), d
assert d[\"activities\"]=={\"planned\":4,\"done\":2,\"cancelled\":1,\"overdue\":1}, d
e=g[\"G5\"]; assert e[\"status\"]==\"ukjent\" and e[\"verifiable\"]==False and e[\"not_verifiable\"]==[\"mangler målbart kriterium (antall eller dato)\",\"mangler frist\"], e
f=g[\"G6\"]; assert (f[\"area\"],f[\"baseline\"],f[\"target\"],f[\"current\"],f[\"progress\"],f[\"current_rolling\"])==(\"Nærvær i hele kommunen\",6.0,5.0,5.2,80.0,True), f
assert j[\"meeting_years\"]==[{\"year\":2025,\"held\":2,\"planned\":0,\"not_counting\":0,\"below_good_practice\":False},{\"year\":2026,\"held\":1,\"planned\":0,\"not_counting\":1,\"below_good_practice\":True}], j[\"meeting_years\"]
" "$out"'

# G1's worked check on a copy with a third unit of 6 employees without absence (U3 is then the
# smallest shown unit and protects U2, so Sykehjem Nord's own figures show).
python3 - "$FX" "$tmp/three.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["units"].append({"id": "U3", "name": "Kjøkken"})
d["employees"] += [{"id": "K%d" % i, "name": "Kokk %d" % i, "unit": "U3", "employment": [{"from": "2020-01-01", "to": None, "percent": 100}]} for i in range(1, 7)]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
run goals "$tmp/three.json" --today 2026-11-24 --json
check "G1 with a third unit: the worked check" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
a={x[\"id\"]:x for x in j[\"goals\"]}[\"G1\"]
assert (a[\"area\"],a[\"kind\"],a[\"baseline\"],a[\"target\"],a[\"current\"],a[\"progress\"])==(\"ia2010.delmal1\",\"result\",7.0,5.6,6.0,71.4), a
assert a[\"reduction\"]==14.3 and a[\"current_period\"]==\"2026-Q2\" and a[\"baseline_period\"]==\"2025-Q2\", a
p=a[\"projection\"]; assert (p[\"period\"],p[\"value\"],p[\"slope_per_quarter\"])==(\"2027-Q2\",5.4,-0.16) and p[\"progress\"]==114.3, p
assert a[\"status\"]==\"i rute\", a
" "$out"'
run goals "$tmp/three.json" --today 24.11.2026
check "text shows the worked check" '[ $rc -eq 0 ] && grep -q "Fremdrift:    71,4 % av veien, 14,3 % reduksjon" "$out"'

run goals "$FX" --today 24.11.2026
check "text exit 0" '[ $rc -eq 0 ]'
check "text: Sykehjem Nord withheld to protect Barnehage Sol" 'grep -q "skjermet for å beskytte en liten gruppe" "$out"'
check "text masks the small unit" 'grep -q "skjermet (under 5 ansatte)" "$out"'
check "text marks IA meetings below good practice, never as a duty" 'grep -q "2026: 1 holdt, 0 planlagt  (under god praksis)" "$out" && grep -q "ingen lovplikt" "$out" && ! grep -q "færre enn to" "$out"'
check "text gives a projected sick-leave figure with its unit" 'grep -qE "^  Framskrevet:  [0-9]+,[0-9] % i " "$out"'
check "text flags not verifiable" 'grep -q "Ikke etterprøvbart: mangler målbart kriterium" "$out"'

run goals "$FX" --today 2026-11-24 --report plan
check "plan report is HTML" '[ $rc -eq 0 ] && head -1 "$out" | grep -q "<!DOCTYPE html>" && grep -q "<h1>IA-handlingsplan</h1>" "$out"'
run goals "$FX" --today 2026-11-24 --report half-year
check "half-year report is HTML" '[ $rc -eq 0 ] && grep -q "2. halvår 2026" "$out"'
check "half-year 2 of 2026 has no stored texts and no sign-off" 'grep -q "Ikke gjennomgått med tillitsvalgt" "$out"'
run goals "$FX" --today 2026-11-24 --report half-year --half-year 2026-1
check "--half-year 2026-1 uses the stored texts and sign-off" '[ $rc -eq 0 ] && grep -q "1. halvår 2026" "$out" && grep -q "Faste ledersamlinger gir bedre tilrettelegging." "$out" && grep -q "Gjennomgått med tillitsvalgt:</strong> Kari Fagforbundet, 20.08.2026" "$out"'
run goals "$FX" --today 2026-11-24 --report half-year --half-year 2026-3
check "a bad --half-year is a usage error naming the option" '[ $rc -eq 2 ] && grep -q -- "--half-year" "$err"'

run goals "$FX"
check "missing --today is a usage error" '[ $rc -eq 2 ] && grep -q -- "--today" "$err"'
run goals "$FX" --today 2026-11-24 --report nope
check "unknown report is a usage error" '[ $rc -eq 2 ]'
run goals "$REPO/examples/fjordvik-small.json" --today 2026-11-24 --json
check "a dataset without goals" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1])); assert j[\"goals\"]==[] and j[\"meeting_years\"][-1][\"below_good_practice\"]
" "$out"'
# Beside a sick-leave goal: its agreement, and the bransje's and the country's four quarters as in the
# app (tests/fixtures/dataset-v5: barnehager imported 10,0 9,0 11,0 12,0 for 2025K2-2026K1 -> 42 / 4
# = 10,5; the country only 2026K1 imported and the shipped series ends 2025K1: no four-quarter figure).
V5="$REPO/tests/fixtures/dataset-v5/comparison-figures.json"
run goals "$V5" --today 2026-04-15
check "a goal names its agreement" '[ $rc -eq 0 ] && grep -q "^  Avtale:       IA-avtalen 2025–2028$" "$out"'
check "the bransje over the same four quarters" 'grep -q "^  Bransjen:     Barnehager 10,5 % (legemeldt, fire kvartaler til 1. kvartal 2026)$" "$out"'
check "the country says when its figures are missing" 'grep -q "^  Landet:       ingen tall for de fire kvartalene til 1. kvartal 2026$" "$out"'
run goals "$V5" --today 2026-04-15 --json
check "JSON: agreement and comparison" '[ $rc -eq 0 ] && python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))[\"goals\"][0]
assert g[\"agreement\"]==\"IA-avtalen 2025–2028\", g
assert g[\"comparison\"]=={\"quarter\": \"2026K1\", \"bransjeprogram\": \"barnehager\", \"bransjen\": 10.5, \"landet\": None}, g
" "$out"'
summary
