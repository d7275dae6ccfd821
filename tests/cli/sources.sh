#!/usr/bin/env bash
# Every citation in the repository stands alone: someone with a clone and nothing else can check
# each rule and figure. Code, data, tests and docs cite law sections, docs/domain.md, navikt
# repositories, nav.no pages and the reports of docs/sources.md by id and chapter - never a file
# outside the repository (../shared, DOMAIN.md, UX.md, ARCHITECTURE.md, peer-systems.md), line numbers of a report's text
# extraction ("003:21230-21238", "seed 003"), or a tracker's issue numbers. The test lists every
# such citation it finds, and every report id cited in the form "<id> kap./tabell/..." that
# docs/sources.md does not list. Usage: bash sources.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"

cd "$REPO" || { fail_now "no repository at $REPO"; summary; }

pattern='DOMAIN\.md|\bUX\.md|ARCHITECTURE\.md|TEAM\.md|style-models|\.\./shared|/work/shared|peer-systems|\b0[0-9]{2}:[0-9]{2,6}|seed [0-9]{3}|[Ii]ssue #?[0-9]+'
grep -rnE "$pattern" --exclude-dir=third_party --exclude-dir=node_modules --exclude-dir=build \
    --exclude-dir=.git --exclude=sources.sh . >"$out"
if [ -s "$out" ]; then
    echo "Citations that do not stand alone ($(wc -l <"$out")):"
    cut -c1-200 "$out"
fi
check "no citation of files outside the repository, report line numbers or issue numbers" '[ ! -s "$out" ]'

# The reports docs/sources.md lists ("### `id`"), and the ids cited as "<id> kap. 9.1", "<id> tabell
# 3", "<id> sammendrag", "<id> «Heading»" ... anywhere else.
check "docs/sources.md lists reports" '[ -f docs/sources.md ] && grep -q "^### \`" docs/sources.md'
sed -n 's/^### `\([a-z0-9-]*\)`$/\1/p' docs/sources.md | sort -u >"$tmp/known"
grep -rhoE "(^|[^-[:alnum:]_/.])[a-z]+(-[a-z0-9]+)+ (kap\.|tabell|sammendrag|forord|vedlegg|bakside|«)" \
    --exclude-dir=third_party --exclude-dir=node_modules --exclude-dir=build --exclude-dir=.git \
    --exclude=sources.sh . | sed -E 's/^[^a-z]//; s/ .*//' | sort -u >"$tmp/cited"
comm -23 "$tmp/cited" "$tmp/known" >"$tmp/unknown"
if [ -s "$tmp/unknown" ]; then
    echo "Report ids cited but not in docs/sources.md:"
    cat "$tmp/unknown"
fi
check "every report id cited is in docs/sources.md" '[ ! -s "$tmp/unknown" ]'
check "the reports docs/sources.md lists are cited" '[ "$(comm -13 "$tmp/cited" "$tmp/known")" = "" ]'

summary
