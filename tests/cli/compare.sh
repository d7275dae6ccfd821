#!/usr/bin/env bash
# `iadesk stats compare`: the organisation beside its bransje, sector and the country for the same
# four quarters, and NAV's verdict (docs/domain.md "Comparison with the bransje"). Dataset:
# examples/fjordvik-small.json (12 employees), copied and given sector kommunal and bransjeprogram
# sykehjem (format 4); the figures for 2025K4-2026K3 come from a CSV written here (test figures).
# Usage: bash compare.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
python3 - "$REPO/examples/fjordvik-small.json" "$tmp/fjordvik.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["organisation"].update({"naeringskode": "87.102", "naeringskode_standard": "SN2007", "sector": "kommunal", "bransjeprogram": "sykehjem"})
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
# Bransje sykehjem: 9,0 10,0 9,5 9,5 -> (9,0 + 10,0 + 9,5 + 9,5) / 4 = 38,0 / 4 = 9,5; UNDER below
# 9,5 x 0,9 = 8,55. Kommunal: 8,0 9,0 8,0 7,0 -> 32 / 4 = 8,0. Landet: 6,0 6,4 6,0 5,2 -> 23,6 / 4 = 5,9.
printf '\xEF\xBB\xBFkategori;kode;år;kvartal;prosent\n' >"$tmp/figures.csv"
cat >>"$tmp/figures.csv" <<'CSV'
bransje;sykehjem;2025;4;9,0
bransje;sykehjem;2026;1;10,0
bransje;sykehjem;2026;2;9,5
bransje;sykehjem;2026;3;9,5
sektor;kommunal;2025;4;8,0
sektor;kommunal;2026;1;9,0
sektor;kommunal;2026;2;8,0
sektor;kommunal;2026;3;7,0
land;;2025;4;6,0
land;;2026;1;6,4
land;;2026;2;6,0
land;;2026;3;5,2
CSV
run stats "$tmp/fjordvik.json" --nav --today 2026-12-07
nav_figure=$(grep "Hele virksomheten" "$out" | awk '{print $4}')
check "the organisation's NAV figure for the four quarters to compare with" '[ $rc -eq 0 ] && [ -n "$nav_figure" ]'

run stats compare "$tmp/fjordvik.json" --figures "$tmp/figures.csv" --today 2026-12-07
check "compare exits 0" '[ $rc -eq 0 ]'
check "the four quarters K4 2025–K3 2026" 'grep -q "K4 2025–K3 2026 (legemeldt sykefravær, som NAV)" "$out"'
check "the columns din virksomhet / bransjen / sektoren / landet" 'grep -qE "^Kvartal +din virksomhet +bransjen +sektoren +landet$" "$out"'
check "a quarter row shows the three published figures" 'grep -qE "^K1 2026 +[0-9]+,[0-9] % +10,0 % +9,0 % +6,4 %$" "$out"'
check "the four-quarter row: the same figure as stats --nav, bransjen 9,5, sektoren 8,0, landet 5,9" \
      'grep -qE "^Fire kvartaler +$nav_figure % +9,5 % +8,0 % +5,9 %$" "$out"'
check "the verdict: 6,3 % is below 8,55 % (bransjen x 0,9)" 'grep -q "^Vurdering: UNDER – lavere enn bransjen (under 8,55 %, bransjen × 0,9)" "$out"'
check "the imported file is named as the newer figures" 'grep -q "Nyere tall fra figures.csv går foran." "$out"'
check "the classification is named" 'grep -q "Bransje: Sykehjem · sektor: kommunal forvaltning · næringskode 87.102 (SN2007)" "$out"'

run stats compare "$tmp/fjordvik.json" --figures "$tmp/figures.csv" --today 2026-12-07 --json
check "json: verdict and the bransje's four quarters" \
      'grep -q "\"verdict\": \"UNDER\"" "$out" && grep -q "\"bransjen\": 9.5" "$out" && grep -q "\"measure\": \"legemeldt\"" "$out"'

# The shipped figures alone, on the quarters they cover: the country's legemeldt 2023K3-2024K2 from
# KS/SSB: (4,8 + 6,0 + 6,2 + 5,9) / 4 = 22,9 / 4 = 5,725 -> 5,7; no bransje figures there.
run stats compare "$tmp/fjordvik.json" --quarter 2024K2
check "shipped figures: the country 5,7 over 2023K3–2024K2, the verdict incomplete" \
      '[ $rc -eq 0 ] && grep -qE "^Fire kvartaler .* 5,7 %$" "$out" && grep -q "^Vurdering: UFULLSTENDIG" "$out"'

# A bad CSV: nothing imported, every problem with line and column, exit 1.
printf 'kategori;kode;år;kvartal;prosent\nbransje;sykehjem;2026;1;ti\nbransje;skoler;2026;2;5,0\n' >"$tmp/bad.csv"
run stats compare "$tmp/fjordvik.json" --figures "$tmp/bad.csv" --today 2026-12-07
check "a bad CSV is refused whole, exit 1" '[ $rc -eq 1 ] && grep -q "ingen tall tatt inn" "$err"'
check "the problems name line and column" \
      'grep -q "Linje 2, kolonne «prosent»: Ugyldig sykefraværsprosent «ti»" "$err" && grep -q "Linje 3, kolonne «kode»: Ukjent verdi «skoler»" "$err"'
# Figures imported in the app are kept in the register (format 5) and go before the shipped table:
# tests/fixtures/dataset-v5/comparison-figures.json, five at 100 %, E1 sykmeldt all of 2025K2-2026K1
# (1 of 5 = 20,0 %), barnehager 10,0 9,0 11,0 12,0 -> 42 / 4 = 10,5; 20,0 > 10,5 x 1,1 = 11,55: OVER.
run stats compare "$REPO/tests/fixtures/dataset-v5/comparison-figures.json" --quarter 2026K1
check "imported figures in the register: bransjen 10,5 over the four quarters, OVER" \
      '[ $rc -eq 0 ] && grep -qE "^Fire kvartaler +20,0 % +10,5 %" "$out" && grep -q "^Vurdering: OVER" "$out"'
check "the output says the register's imported figures go first" 'grep -q "5 sammenligningstall importert i registeret går foran" "$out"'
run stats compare "$REPO/tests/fixtures/dataset-v5/comparison-figures.json" --quarter 2026K1 --json
check "JSON: figures_stored 5, bransjen 10,5" \
      '[ $rc -eq 0 ] && python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert j[\"figures_stored\"]==5 and j[\"four_quarters\"][\"bransjen\"]==10.5 and j[\"verdict\"]==\"OVER\"" "$out"'

run stats compare "$tmp/fjordvik.json" --quarter 2024K5
check "a bad --quarter is a usage error" '[ $rc -eq 2 ] && grep -q "ugyldig --quarter «2024K5»" "$err"'
summary
