#!/usr/bin/env bash
# iadesk plan: a follow-up plan as HTML (golden file), NAV JSON and text; errors.
# Usage: bash plan.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-plans.json"

run plan "$EX" --employee E01 --format html --today 2026-11-24
check "html exits 0" '[ $rc -eq 0 ]'
check "html equals the golden file byte for byte" 'cmp -s "$out" "$REPO/tests/golden/plan-E01.html"'

run plan "$EX" --employee E01 --case-start 14.09.2026 --format json
check "json exits 0" '[ $rc -eq 0 ]'
check "json has NAV's typicalWorkday" 'grep -q "\"typicalWorkday\": \"Dagvakt 07.30-15.00" "$out"'
check "json has tasksThatCanNotBeDone" 'grep -q "\"tasksThatCanNotBeDone\": \"- Morgenstell og forflytning av beboere: Krever tunge løft\"" "$out"'
check "json evaluation date of version 2" 'grep -q "\"evaluationDate\": \"2026-12-04\"" "$out"'
check "json is valid" 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$out"'

run plan "$EX" --employee E01 --version 1 --format json
check "json of version 1" '[ $rc -eq 0 ] && grep -q "\"evaluationDate\": \"2026-11-02\"" "$out"'

run plan "$EX" --employee E01
check "text is the default" '[ $rc -eq 0 ] && grep -q "^Oppfølgingsplan for Kari Nordmann (sykefravær fra 14.09.2026)" "$out"'
check "text shows version and agreement" 'grep -q "^Versjon 2 av 2, laget 30.10.2026 av Hanne Strand, enige" "$out"'
check "text shows the quality score" 'grep -q "^Kvalitet (NAVs skala 1-5): 5" "$out"'
check "text shows the sharing log" 'grep -q "^Delt 09.10.2026 med Sykmelder (Arbeidstaker tok den med til legen), versjon 1" "$out"'

run plan "$EX" --employee E03 --format text
check "exempted case prints the exemption" '[ $rc -eq 0 ] && grep -q "^Unntak (åpenbart unødvendig) 20.10.2026: Gradert sykmelding 50 %" "$out"'

run plan "$EX" --employee E02 --format text
check "no plan exits 1" '[ $rc -eq 1 ] && grep -q "ingen oppfølgingsplan for ansatt «E02»" "$err"'
run plan "$EX" --employee E01 --case-start 2026-09-15
check "wrong case start exits 1" '[ $rc -eq 1 ] && grep -q "med sykefravær fra 15.09.2026" "$err"'
run plan "$EX" --employee E01 --version 3
check "missing version exits 1" '[ $rc -eq 1 ]'
run plan "$EX" --employee E01 --format pdf
check "unknown format exits 2" '[ $rc -eq 2 ] && grep -q "ukjent format «pdf»" "$err"'
run plan "$EX" --format html
check "missing --employee exits 2" '[ $rc -eq 2 ]'
run plan "$EX" --employee E01 --case-start 2026-02-30
check "bad date exits 2" '[ $rc -eq 2 ]'
run plan --help
check "--help exits 0" '[ $rc -eq 0 ] && grep -q "bruk: iadesk plan" "$out"'
run validate "$EX"
check "the example validates" '[ $rc -eq 0 ]'
check "the schema accepts the plans example (python3-jsonschema)" 'python3 -c "import json,sys; from jsonschema import Draft202012Validator as V; V(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))" "$REPO/assets/schema/dataset.schema.json" "$EX"'
summary
