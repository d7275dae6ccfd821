#!/usr/bin/env bash
# iadesk import: CSV import of employees and absence into a dataset file,
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

# Encodings (csv.hpp): a Windows-1252 file (Å C5, Ø D8, å E5, ø F8) is converted and says so, and
# the names arrive intact; UTF-8 says UTF-8; a byte Windows-1252 leaves undefined (0x81) refuses
# the file at its line, with what to do, and changes nothing.
cp "$REPO/tests/bad-input/valid.json" "$tmp/enc.json"
printf 'id;navn;enhet;fra\r\nE20;\xc5se \xd8deg\xe5rd;Kj\xf8kken;01.03.2026\r\n' >"$tmp/cp1252.csv"
"$IADESK" import employees "$tmp/cp1252.csv" --into "$tmp/enc.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a Windows-1252 file imports" '[ $rc -eq 0 ] && grep -q "Importert: 1 rader med ansatte, 1 nye enheter" "$tmp/out"'
check "the encoding is printed" 'grep -qx "Tegnsett: Windows-1252 (omgjort til UTF-8)" "$tmp/out"'
check "the names arrive as UTF-8" 'grep -q "\"name\": \"Åse Ødegård\"" "$tmp/enc.json" && grep -q "\"name\": \"Kjøkken\"" "$tmp/enc.json"'
"$IADESK" import employees "$tmp/good.csv" --into "$tmp/enc.json" --dry-run >"$tmp/out" 2>"$tmp/err"
check "UTF-8 is printed as UTF-8" 'grep -qx "Tegnsett: UTF-8" "$tmp/out"'
"$IADESK" import employees "$tmp/cp1252.csv" --into "$tmp/enc.json" --dry-run --json >"$tmp/out" 2>"$tmp/err"
check "--json names the encoding and the code of each error" 'python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert j[\"encoding\"]==\"Windows-1252\" and j[\"errors\"][0][\"code\"]==\"csv.employee_exists\", j" "$tmp/out"'
printf 'id;navn;enhet;fra\r\nE21;Per;U1;01.03.2026\r\nE22;Kari\x81;U1;01.03.2026\r\n' >"$tmp/undefined.csv"
enc_before=$(sum "$tmp/enc.json")
"$IADESK" import employees "$tmp/undefined.csv" --into "$tmp/enc.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "an undefined byte exits 1" '[ $rc -eq 1 ]'
check "the refusal names the line, the byte and what to do" 'grep -q "^  linje 3: .*byte 0x81 .*«CSV UTF-8»" "$tmp/out"'
check "a refused encoding prints no encoding line" '! grep -q "^Tegnsett:" "$tmp/out"'
check "the dataset is unchanged after the refused encoding" '[ "$(sum "$tmp/enc.json")" = "$enc_before" ]'
"$IADESK" import employees "$tmp/undefined.csv" --into "$tmp/enc.json" --json >"$tmp/out" 2>"$tmp/err"
check "--json: a refused encoding is null, with its code" 'python3 -c "import json,sys; j=json.load(open(sys.argv[1])); e=j[\"errors\"]; assert j[\"encoding\"] is None and len(e)==1 and e[0][\"line\"]==3 and e[0][\"code\"]==\"csv.byte_undefined\", j" "$tmp/out"'

# Bad usage.
run import people "$tmp/good.csv" --into "$tmp/ds.json"
check "an unknown kind exits 2 and is named" '[ $rc -eq 2 ] && grep -q "ukjent type «people»" "$tmp/err"'
run import absence "$tmp/missing.csv" --into "$tmp/ds.json"
check "a missing CSV exits 2" '[ $rc -eq 2 ] && grep -q "kan ikke lese filen" "$tmp/err"'
run import absence "$tmp/good.csv"
check "no --into exits 2" '[ $rc -eq 2 ]'
check "the dataset is unchanged after bad usage" '[ "$(sum "$tmp/ds.json")" = "$after" ]'

summary
