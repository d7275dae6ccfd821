#!/usr/bin/env bash
# assets/schema/dataset.schema.json (draft 2020-12) accepts the example datasets and a freshly
# generated one, and rejects the shape errors the loader also rejects. Needs python3 with
# jsonschema (Debian's python3-jsonschema, scripts/setup.sh): without it the test FAILS.
# Usage: bash schema.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
if ! python3 -c "import jsonschema" 2>/dev/null; then
  fail_now "python3 has no jsonschema module: install python3-jsonschema (bash scripts/setup.sh)"
  summary
fi
run generate --employees 200 --seed 11 --today 2026-11-24 --out "$tmp/gen.json"
check "a generated dataset to check" '[ $rc -eq 0 ] && [ -s "$tmp/gen.json" ]'
python3 - "$REPO/assets/schema/dataset.schema.json" "$REPO/examples/fjordvik-small.json" \
          "$REPO/examples/fjordvik-generated.json" "$tmp/gen.json" \
          "$REPO/tests/fixtures/dataset-v5/comparison-figures.json" <<'PY'
import copy, json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
fail = 0
for path in sys.argv[2:]:
    errors = list(v.iter_errors(json.load(open(path))))
    if errors:
        fail = 1
        print("FAIL: schema rejects", path, errors[0].message)
base = json.load(open(sys.argv[2]))
def bad(name, mutate):
    global fail
    doc = copy.deepcopy(base)
    mutate(doc)
    if v.is_valid(doc):
        fail = 1
        print("FAIL: schema accepts", name)
bad("grade 150", lambda d: d["absences"][0].__setitem__("grade", 150))
bad("graded egenmelding", lambda d: d["absences"][6].__setitem__("grade", 50))
bad("unknown kind", lambda d: d["absences"][0].__setitem__("kind", "ferie"))
bad("Norwegian date", lambda d: d["absences"][0].__setitem__("from", "14.09.2026"))
bad("percent 0", lambda d: d["employees"][0]["employment"][0].__setitem__("percent", 0))
bad("no employment", lambda d: d["employees"][0].__setitem__("employment", []))
bad("exempt without note", lambda d: d["milestone_events"][2].pop("note"))
bad("exempt blank note", lambda d: d["milestone_events"][2].__setitem__("note", "  "))
bad("orgnr 8 digits", lambda d: d["organisation"].__setitem__("orgnr", "94012345"))
bad("version 6 (newer than this build)", lambda d: d.__setitem__("version", 6))
figure = {"category": "bransje", "code": "sykehjem", "measure": "legemeldt", "year": 2026, "quarter": 1, "percent": 9.5, "source": "ssb.csv"}
bad("comparison figure percent 120", lambda d: d.__setitem__("comparison_figures", [dict(figure, percent=120)]))
bad("comparison figure quarter 5", lambda d: d.__setitem__("comparison_figures", [dict(figure, quarter=5)]))
bad("comparison figure without source", lambda d: d.__setitem__("comparison_figures", [{k: v for k, v in figure.items() if k != "source"}]))
bad("naeringskode without the dot", lambda d: d["organisation"].__setitem__("naeringskode", "88911"))
bad("unknown sector", lambda d: d["organisation"].__setitem__("sector", "offentlig"))
bad("missing units", lambda d: d.pop("units"))
ok = copy.deepcopy(base); ok["future"] = {"x": 1}; ok["units"][0]["colour"] = "blue"
if not v.is_valid(ok):
    fail = 1
    print("FAIL: schema rejects unknown members")
sys.exit(fail)
PY
schema_rc=$?
check "the schema accepts the examples and a generated dataset, and rejects the shape errors" '[ $schema_rc -eq 0 ]'
summary
