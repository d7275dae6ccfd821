#!/usr/bin/env bash
# iadesk goals on tests/fixtures/dataset-v4/dropout.json on 07.12.2026, by hand (docs/domain.md,
# "Drop-out (frafall)"; the persons and leavers of each year are listed in tests/unit/test_dropout.cpp):
#   G1, the organisation, baseline 2024: 2 of 20 persons left to uføretrygd or AAP (D1, D2) = 10,0 %;
#   target -20 % = 8,0 %. The last complete year 2025: 4 of 18 (A3, A4, B6, C2) = 22,2 %, 7 left.
#   Progress (10,0 - 22,2) / (10,0 - 8,0) is below 0, so 0 % of the way; the line through 2024 and
#   2025 projects 22,2 + 12,2 = 34,4 % for 2026: status "etter".
# Usage: bash dropout.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
FX="$REPO/tests/fixtures/dataset-v4/dropout.json"

run goals "$FX" --today 2026-12-07
check "exit 0" '[ $rc -eq 0 ]'
check "baseline, target and the last complete year" 'grep -q "Utgangspunkt: 10,0 % (2024)" "$out" && grep -q "Mål:          8,0 %" "$out" && grep -q "Nå:           22,2 % (2025)" "$out"'
check "the figures per year" 'grep -q "    2024: 10,0 % (20 ansatte, 3 sluttet, 2 til uføretrygd/AAP)" "$out" && grep -q "    2025: 22,2 % (18 ansatte, 7 sluttet, 4 til uføretrygd/AAP)" "$out"'
check "status behind" 'grep -q "Status:       etter" "$out"'

run goals "$FX" --today 2026-12-07 --json
check "json years" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
g=j[\"goals\"][0]
assert (g[\"baseline\"],g[\"target\"],g[\"current\"],g[\"progress\"],g[\"status\"])==(10.0,8.0,22.2,0.0,\"etter\"), g
assert g[\"years\"]==[{\"year\":2024,\"share\":10.0,\"persons\":20,\"left\":3,\"left_to_benefits\":2},
                     {\"year\":2025,\"share\":22.2,\"persons\":18,\"left\":7,\"left_to_benefits\":4}], g[\"years\"]
" "$out"'
summary
