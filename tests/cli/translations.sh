#!/usr/bin/env bash
# The translation tables (assets/i18n/nb.json, en.json; src/app/i18n.hpp) hold the same keys, no
# empty text, and the same printf conversions in the same order, so switching the language never
# shows a raw key, a bokmål fallback or a garbled number (a conversion missing in one language
# would read the wrong argument). Usage: bash translations.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
python3 - "$REPO/assets/i18n/nb.json" "$REPO/assets/i18n/en.json" <<'PY'
import json, re, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
en = json.load(open(sys.argv[2], encoding="utf-8"))
conv = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z)?[diouxXfFeEgGcsp]")
def conversions(text):
    return conv.findall(text.replace("%%", ""))
problems = []
problems += [f"only in nb.json: {k}" for k in sorted(set(nb) - set(en))]
problems += [f"only in en.json: {k}" for k in sorted(set(en) - set(nb))]
for k in sorted(set(nb) & set(en)):
    for lang, table in (("nb", nb), ("en", en)):
        if not isinstance(table[k], str) or not table[k].strip():
            problems.append(f"{k}: empty or not a text in {lang}.json")
    if isinstance(nb[k], str) and isinstance(en[k], str) and conversions(nb[k]) != conversions(en[k]):
        problems.append(f"{k}: conversions differ: nb {conversions(nb[k])}, en {conversions(en[k])}")
for p in problems:
    print("FAIL:", p)
print(f"{len(nb)} keys in nb.json, {len(en)} in en.json, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
tables_rc=$?
check "nb.json and en.json: same keys, no empty text, the same conversions" '[ $tables_rc -eq 0 ]'
summary
