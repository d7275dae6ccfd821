#!/usr/bin/env bash
# iadesk plan: a follow-up plan as HTML (golden file), NAV JSON and text; errors.
# Usage: bash plan.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-plans.json"

run plan "$EX" --employee E01 --format html --today 2026-11-24
check "html exits 0" '[ $rc -eq 0 ]'
check "html equals the golden file byte for byte" 'cmp -s "$out" "$REPO/tests/golden/plan-E01.html"'

# NAV's JSON: refused while the example has no fødselsnummer and no contact details, with every reason.
run plan "$EX" --employee E01 --format json
check "json without fødselsnummer and contact details is refused (exit 1), nothing on stdout" '[ $rc -eq 1 ] && [ ! -s "$out" ]'
check "the refusal names each missing field" 'grep -q "NAV ville avvist planen (3 grunner)" "$err" && grep -q "national_id: Fødselsnummeret til Kari Nordmann mangler" "$err" && grep -q "contact_phone: Telefonnummeret til kontaktpersonen må fylles ut" "$err" && grep -q "contact_email: E-postadressen" "$err"'
run plan "$EX" --employee E01 --format json --contact-phone 90000000 --contact-email leder@example.no --needs-help-from-nav "Hjelp med gradering"
check "help from NAV without --send-to-nav is refused (NAV's rule)" '[ $rc -eq 1 ] && grep -q "needs_help_from_nav: Behov for hjelp fra NAV forutsetter at planen sendes til NAV" "$err"'

# With a synthetic fødselsnummer (month + 80: never a real person's) on a copy of the example.
python3 - "$EX" "$tmp/fnr.json" <<'PYX'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["employees"][0]["national_id"] = "01819012446"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PYX
run plan "$tmp/fnr.json" --employee E01 --case-start 14.09.2026 --format json --contact-phone "+47 900 00 000" --contact-email leder@example.no --send-to-nav --needs-help-from-nav "Hjelp med gradering"
check "json exits 0" '[ $rc -eq 0 ] || cat "$err"'
check "json has NAV's typicalWorkday" 'grep -q "\"typicalWorkday\": \"Dagvakt 07.30-15.00" "$out"'
check "json has tasksThatCanNotBeDone" 'grep -q "\"tasksThatCanNotBeDone\": \"- Morgenstell og forflytning av beboere: Krever tunge løft\"" "$out"'
check "json evaluation date of version 2" 'grep -q "\"evaluationDate\": \"2026-12-04\"" "$out"'
# NAV's contract (navikt/lps-oppfolgingsplan-mottak): every required member present and not null,
# no member null, the identity number 11 digits, help only when sent and with a description,
# participation true with no "not contributed" description.
check "json follows NAV's contract" 'python3 -c "
import json, re, sys
j = json.load(open(sys.argv[1]))
required = [\"employeeIdentificationNumber\", \"typicalWorkday\", \"tasksThatCanStillBeDone\", \"tasksThatCanNotBeDone\",
            \"previousFacilitation\", \"plannedFacilitation\", \"followUp\", \"evaluationDate\", \"sendPlanToNav\",
            \"sendPlanToGeneralPractitioner\", \"contactPersonFullName\", \"contactPersonPhoneNumber\",
            \"contactPersonEmail\", \"employeeHasContributedToPlan\", \"lpsName\"]
missing = [k for k in required if k not in j]
assert not missing, missing
assert all(v is not None for v in j.values()), [k for k, v in j.items() if v is None]
assert re.fullmatch(r\"[0-9]{11}\", j[\"employeeIdentificationNumber\"])
assert j[\"sendPlanToNav\"] is True and j[\"needsHelpFromNav\"] is True and j[\"needsHelpFromNavDescription\"] == \"Hjelp med gradering\"
assert j[\"employeeHasContributedToPlan\"] is True and \"employeeHasNotContributedToPlanDescription\" not in j
assert re.fullmatch(r\"\\d{4}-\\d{2}-\\d{2}\", j[\"evaluationDate\"])
" "$out"'

run plan "$tmp/fnr.json" --employee E01 --version 1 --format json --contact-phone 900 --contact-email a@b.no
check "json of version 1, not to NAV: no needsHelpFromNav" '[ $rc -eq 0 ] && grep -q "\"evaluationDate\": \"2026-11-02\"" "$out" && grep -q "\"sendPlanToNav\": false" "$out" && ! grep -q needsHelpFromNav "$out"'
run plan "$tmp/fnr.json" --employee E03 --format json --contact-phone 900 --contact-email a@b.no
check "the exempted case has no plan to send" '[ $rc -eq 1 ] && grep -q "det er ingen plan å sende til NAV" "$err"'

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
