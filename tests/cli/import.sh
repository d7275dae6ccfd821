#!/usr/bin/env bash
# iadesk import (issue 9 §5, issue 7 §7): CSV import of employees and absence into a dataset file,
# all or nothing. A file with one bad row imports nothing, names the line, column and problem, exits
# 1 and leaves the dataset byte for byte unchanged; a good file is added in one step (new units
# created) and the result still validates; --dry-run writes nothing; bad usage exits 2.
# Usage: bash import.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
cp "$REPO/tests/bad-input/valid.json" "$tmp/ds.json"

# Employees: one good row, one row with 30.02.2026 (not a date) → nothing imported.
printf '\xEF\xBB\xBFid;navn;enhet;stillingsprosent;fra;til\r\nE10;Nina Berg;Kjøkken;80;01.03.2026;\r\nE11;Per Li;U1;100;30.02.2026;\r\n' >"$tmp/bad.csv"
before=$(sum "$tmp/ds.json")
run import employees "$tmp/bad.csv" --into "$tmp/ds.json"
check "a bad row exits 1" '[ $rc -eq 1 ]'
check "the bad row is named by line and column" 'grep -q "^  linje 3, kolonne «fra»: .*30.02.2026" "$tmp/out"'
check "nothing is imported" 'grep -q "Ingenting importert" "$tmp/out"'
check "the dataset is unchanged" '[ "$(sum "$tmp/ds.json")" = "$before" ]'

# --json gives the same errors in machine form.
run import employees "$tmp/bad.csv" --into "$tmp/ds.json" --json
check "--json with errors exits 1" '[ $rc -eq 1 ]'
check "--json names the line and column" 'python3 -c "import json,sys; j=json.load(open(sys.argv[1])); e=j[\"errors\"]; assert j[\"imported\"] is False and e[0][\"line\"]==3 and e[0][\"column\"]==\"fra\", j" "$tmp/out"'

# The good row alone: --dry-run writes nothing, then the import adds the employee and a new unit.
printf 'id;navn;enhet;stillingsprosent;fra;til\nE10;Nina Berg;Kjøkken;80;01.03.2026;\n' >"$tmp/good.csv"
run import employees "$tmp/good.csv" --into "$tmp/ds.json" --dry-run
check "--dry-run exits 0" '[ $rc -eq 0 ] && grep -q "Kan importeres: 1 rader med ansatte, 1 nye enheter" "$tmp/out"'
check "--dry-run leaves the dataset unchanged" '[ "$(sum "$tmp/ds.json")" = "$before" ]'
run import employees "$tmp/good.csv" --into "$tmp/ds.json"
check "a good file exits 0" '[ $rc -eq 0 ] && grep -q "Importert: 1 rader med ansatte, 1 nye enheter" "$tmp/out"'
check "the result validates with the new employee and unit" '"$IADESK" validate "$tmp/ds.json" | grep -q "2 enheter, 3 ansatte"'
check "no temporary file is left" '[ ! -e "$tmp/ds.json.tmp" ]'

# Importing the same file again: the id exists now → exit 1, unchanged.
after=$(sum "$tmp/ds.json")
run import employees "$tmp/good.csv" --into "$tmp/ds.json"
check "an existing id exits 1" '[ $rc -eq 1 ] && grep -q "^  linje 2" "$tmp/out"'
check "the dataset is unchanged after the refused import" '[ "$(sum "$tmp/ds.json")" = "$after" ]'

# An empty file: nothing to import.
: >"$tmp/empty.csv"
run import absence "$tmp/empty.csv" --into "$tmp/ds.json"
check "an empty file exits 1" '[ $rc -eq 1 ] && grep -qi "tom\|ingen rader" "$tmp/out"'

# Bad usage.
run import people "$tmp/good.csv" --into "$tmp/ds.json"
check "an unknown kind exits 2 and is named" '[ $rc -eq 2 ] && grep -q "ukjent type «people»" "$tmp/err"'
run import absence "$tmp/missing.csv" --into "$tmp/ds.json"
check "a missing CSV exits 2" '[ $rc -eq 2 ] && grep -q "kan ikke lese filen" "$tmp/err"'
run import absence "$tmp/good.csv"
check "no --into exits 2" '[ $rc -eq 2 ]'
check "the dataset is unchanged after bad usage" '[ "$(sum "$tmp/ds.json")" = "$after" ]'

summary
