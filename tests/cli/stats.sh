#!/usr/bin/env bash
# iadesk stats on examples/fjordvik-small.json for March 2026, by hand (DOMAIN.md §6):
# 22 working days (no holidays; Easter 2026 is in April).
#   Sykehjem Nord: mulige 22 x (1 + 0.75 + 0.8 + 1 + 0.6) = 91.3; tapte: E02 75 % sick 2-13 and
#     24-31 March = 16 days x 0.75 = 12.0 legemeldt, E05 60 % egenmelding 9-11 March = 1.8.
#   Skole Vest: mulige 5 x 22 = 110; tapte: E09 22.0 + E08 graded 40 % 2-6 March 5 x 0.4 = 2.0
#     legemeldt, E06 egenmelding 16-17 March 2.0.
#   Barnehage Sentrum: 2 employees -> masked (E11 22 + E12 50 % from 16 March 12 x 0.5 = 28
#     mulige; E11 egenmelding 2.0).
#   Whole: 229.3 mulige, 41.8 tapte (5.8 egenmeldt, 36.0 legemeldt) -> 18.2 %.
# Usage: bash stats.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run stats "$EX" --from 2026-03-01 --to 2026-03-31 --json
check "exit 0" '[ $rc -eq 0 ]'
check "whole organisation" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert list(j.keys())==[\"from\",\"to\",\"groups\"] and j[\"from\"]==\"2026-03-01\" and j[\"to\"]==\"2026-03-31\"
assert j[\"groups\"]==[{\"unit\":None,\"employees\":12,\"mulige_dagsverk\":229.3,\"tapte_dagsverk\":41.8,
  \"tapte_egenmeldt\":5.8,\"tapte_legemeldt\":36.0,\"prosent\":18.2,\"masked\":False}], j
assert list(j[\"groups\"][0].keys())==[\"unit\",\"employees\",\"mulige_dagsverk\",\"tapte_dagsverk\",\"tapte_egenmeldt\",\"tapte_legemeldt\",\"prosent\",\"masked\"]
" "$out"'

run stats "$EX" --from 01.03.2026 --to 31.03.2026 --by unit --json
check "--by unit exit 0" '[ $rc -eq 0 ]'
check "per unit, small unit masked with null figures" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
g=j[\"groups\"]
assert [x[\"unit\"] for x in g]==[\"U1\",\"U2\",\"U3\"], g
assert g[0]=={\"unit\":\"U1\",\"employees\":5,\"mulige_dagsverk\":91.3,\"tapte_dagsverk\":13.8,\"tapte_egenmeldt\":1.8,\"tapte_legemeldt\":12.0,\"prosent\":15.1,\"masked\":False}, g[0]
assert g[1]=={\"unit\":\"U2\",\"employees\":5,\"mulige_dagsverk\":110.0,\"tapte_dagsverk\":26.0,\"tapte_egenmeldt\":2.0,\"tapte_legemeldt\":24.0,\"prosent\":23.6,\"masked\":False}, g[1]
assert g[2]=={\"unit\":\"U3\",\"employees\":2,\"mulige_dagsverk\":None,\"tapte_dagsverk\":None,\"tapte_egenmeldt\":None,\"tapte_legemeldt\":None,\"prosent\":None,\"masked\":True}, g[2]
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
check "text unit row (Norwegian numbers)" 'grep -Eq "^Sykehjem Nord +5 +91,3 +13,8 +1,8 +12,0 +15,1 %$" "$out"'
check "text masked row" 'grep -Eq "^Barnehage Sentrum +2 +skjermet" "$out"'

run stats "$EX" --from 2026-03-01
check "missing --to exits 2 naming it" '[ $rc -eq 2 ] && grep -q "mangler --to" "$err"'
run stats "$EX" --from 2026-13-01 --to 2026-03-31
check "bad --from exits 2 naming it" '[ $rc -eq 2 ] && grep -q "ugyldig dato for --from: «2026-13-01»" "$err"'
run stats "$EX" --from 2026-03-31 --to 2026-03-01
check "--to before --from exits 2" '[ $rc -eq 2 ] && grep -q "er før --from" "$err"'
run stats "$EX" --from 2026-03-01 --to 2026-03-31 --by person
check "unknown --by exits 2" '[ $rc -eq 2 ] && grep -q "ukjent gruppering for --by: «person»" "$err"'

summary
