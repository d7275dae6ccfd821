#!/usr/bin/env bash
# The translation tables (assets/i18n/nb.json, en.json; src/app/i18n.hpp) hold the same keys, no
# empty text, and the same named placeholders ({count}, filled by trf in src/app/tr_format.hpp), so
# switching the language never shows a raw key, a bokmål fallback or a text with a value missing; no
# printf directive is left over from before the named placeholders. Usage: bash translations.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
python3 - "$REPO/assets/i18n/nb.json" "$REPO/assets/i18n/en.json" <<'PY'
import json, re, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
en = json.load(open(sys.argv[2], encoding="utf-8"))
printf = re.compile(r"%[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z)?[diouxXfFeEgGcsp]")
def placeholders(text):
    return sorted(set(re.findall(r"\{([a-z_][a-z0-9_]*)\}", text.replace("{{", "").replace("}}", ""))))
problems = []
problems += [f"only in nb.json: {k}" for k in sorted(set(nb) - set(en))]
problems += [f"only in en.json: {k}" for k in sorted(set(en) - set(nb))]
for k in sorted(set(nb) & set(en)):
    for lang, table in (("nb", nb), ("en", en)):
        if not isinstance(table[k], str) or not table[k].strip():
            problems.append(f"{k}: empty or not a text in {lang}.json")
    if isinstance(nb[k], str) and isinstance(en[k], str):
        if placeholders(nb[k]) != placeholders(en[k]):
            problems.append(f"{k}: placeholders differ: nb {placeholders(nb[k])}, en {placeholders(en[k])}")
        for lang, text in (("nb", nb[k]), ("en", en[k])):
            if printf.search(text):
                problems.append(f"{k}: a printf directive in {lang}.json: {printf.search(text).group(0)}")
for p in problems:
    print("FAIL:", p)
print(f"{len(nb)} keys in nb.json, {len(en)} in en.json, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
tables_rc=$?
check "nb.json and en.json: same keys, no empty text, the same named placeholders, no printf directive" '[ $tables_rc -eq 0 ]'
summary
