#!/usr/bin/env bash
# iadesk generate: a valid, deterministic dataset; --out writes a file; bad usage exits 2.
# Usage: bash generate.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"

run_to "$tmp/a.json" generate --employees 120 --seed 3 --today 2026-11-24
check "stdout exit 0" '[ $rc -eq 0 ]'
run generate --employees=120 --seed=3 --today=24.11.2026 --out "$tmp/b.json"
check "--out exit 0 with a summary" '[ $rc -eq 0 ] && grep -q "^Skrev $tmp/b.json: .* 120 ansatte" "$out"'
check "deterministic (stdout and --out identical)" 'cmp -s "$tmp/a.json" "$tmp/b.json"'
check "no temporary file left" '[ ! -e "$tmp/b.json.tmp" ]'
run_to "$tmp/c.json" generate --employees 120 --seed 4 --today 2026-11-24
check "another seed exits 0 with 120 employees" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1])); assert len(j[\"employees\"])==120
" "$tmp/c.json"'
check "another seed differs" '! cmp -s "$tmp/a.json" "$tmp/c.json"'

run validate "$tmp/a.json"
check "generated data validates" '[ $rc -eq 0 ] && grep -q "120 ansatte" "$out"'
check "shape: E000001 ids, units, absences, open records" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert j[\"format\"]==\"iadesk\" and j[\"version\"]==5
assert j[\"employees\"][0][\"id\"]==\"E000001\" and len(j[\"employees\"])==120
assert len(j[\"units\"])>=3 and len(j[\"absences\"])>500
assert any(a[\"to\"] is None for a in j[\"absences\"]) or any(a[\"to\"]>\"2026-11-24\" for a in j[\"absences\"])
assert any(a[\"grade\"]<100 for a in j[\"absences\"])
" "$tmp/a.json"'

run stats "$tmp/a.json" --from 2025-11-25 --to 2026-11-24 --json
check "sick leave of the last year in 3-9 % (small sample)" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1])); p=j[\"groups\"][0][\"prosent\"]; assert 3<=p<=9, p
" "$out"'

run generate --employees 5 --today 2026-11-24 --out "$tmp/d.json" --json
check "--out --json summary" '[ $rc -eq 0 ] && python3 -c "
import json,sys; j=json.load(open(sys.argv[1])); assert j[\"employees\"]==5 and j[\"file\"].endswith(\"d.json\"), j
" "$out"'

run generate --seed 3
check "missing --employees exits 2 naming it" '[ $rc -eq 2 ] && grep -q "mangler --employees" "$err"'
run generate --employees ten
check "bad --employees exits 2" '[ $rc -eq 2 ] && grep -q "ugyldig antall for --employees: «ten»" "$err"'
run generate --employees 10 --today 2026-02-29
check "bad --today exits 2" '[ $rc -eq 2 ] && grep -q "ugyldig dato for --today" "$err"'
run generate --employees 10 --out "$tmp/no/such/dir/x.json"
check "unwritable --out exits non-zero naming the file" '[ $rc -ne 0 ] && grep -q "kan ikke skrive «$tmp/no/such/dir/x.json»" "$err"'

summary
