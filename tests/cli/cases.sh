#!/usr/bin/env bash
# iadesk cases on examples/fjordvik-small.json, values computed by hand (docs/data-format.md):
#   E02: 02.03-13.03 and 24.03-10.04 merged across a 10-day gap; E04: split by a 20-day gap;
#   E01: open 100 % case; E03: graded 50 % case; each with its sick-pay account (docs/domain.md).
# Usage: bash cases.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
EX="$REPO/examples/fjordvik-small.json"

run cases "$EX" --today 2026-11-24 --json
check "exit 0" '[ $rc -eq 0 ]'
check "cases by hand" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
# employee, start, end, sick_days, agp_end, maksdato, nav_days_case, nav_days_account, days_left,
# fresh_right_from. Worked by hand (docs/domain.md): the employer pays 16 days from the first
# weekday sick day; NAV days are the weekdays after them; maksdato is the 248th projecting
# continuous absence. E01: NAV from Wed 30.9.2026, 30.9..24.11 = 40 weekdays, 248th = 30.9 + 49
# weeks (8.9.2027) + 2 = 10.9.2027. E02: 2.3-13.3 and 24.3-10.4 (a 10-day gap, one period):
# employer days 1-12 then 24.3-27.3, NAV 30.3-10.4 = 10, 238 left from Mon 13.4 = 13.4 + 47
# weeks (8.3.2027) + 2 = 10.3.2027; back at work 11.4 + 182 = 10.10.2026. E03: NAV 19.10-18.12
# = 45 (9 weeks), 203 left from 21.12 = 21.12 + 40 weeks (27.9.2027) + 2 = 29.9.2027. E08 (40 %):
# NAV 4.3-6.3 = 3, 245 left from Mon 9.3 = 9.3 + 49 weeks (15.2.2027, the 246th) - 1 = 12.2.2027.
# E09: NAV 21.1-19.6 = 108 weekdays, maksdato as a continuous case from 5.1.2026: 1.1.2027.
# Short cases project: E04 12.5 -> employer period to 19.5, 248th from Wed 20.5 = 30.4.2027.
expected = [
  [\"E01\",\"2026-09-14\",None,        72,\"2026-09-29\",\"2027-09-10\", 40, 40,208,None],
  [\"E02\",\"2026-03-02\",\"2026-04-10\",30,\"2026-03-27\",\"2027-03-10\", 10, 10,238,\"2026-10-10\"],
  [\"E03\",\"2026-10-01\",\"2026-12-18\",79,\"2026-10-16\",\"2027-09-29\", 45, 45,203,\"2027-06-19\"],
  [\"E04\",\"2026-05-04\",\"2026-05-15\",12,\"2026-05-19\",\"2027-04-30\",  0,  0,248,None],
  [\"E04\",\"2026-06-05\",\"2026-06-07\", 3,\"2026-06-20\",\"2027-06-02\",  0,  0,248,None],
  [\"E05\",\"2026-03-09\",\"2026-03-11\", 3,\"2026-03-24\",\"2027-03-05\",  0,  0,248,None],
  [\"E06\",\"2026-03-16\",\"2026-03-17\", 2,\"2026-03-31\",\"2027-03-12\",  0,  0,248,None],
  [\"E08\",\"2026-02-16\",\"2026-03-06\",19,\"2026-03-03\",\"2027-02-12\",  3,  3,245,\"2026-09-05\"],
  [\"E09\",\"2026-01-05\",\"2026-06-19\",166,\"2026-01-20\",\"2027-01-01\",108,108,140,\"2026-12-19\"],
  [\"E11\",\"2026-03-03\",\"2026-03-04\", 2,\"2026-03-18\",\"2027-03-01\",  0,  0,248,None],
]
keys=[\"employee\",\"start\",\"end\",\"sick_days\",\"agp_end\",\"maksdato\",\"nav_days_case\",\"nav_days_account\",\"days_left\",\"fresh_right_from\"]
all_keys=[\"employee\",\"start\",\"end\",\"sick_days\",\"agp_end\",\"maksdato\",\"agp_start\",\"employer_period\",\"nav_days_case\",\"nav_days_account\",\"days_left\",\"maksdato_rule\",\"no_sick_pay\",\"fresh_right_from\",\"birth_date\",\"birth_date_basis\",\"notes\"]
got=[[c[k] for k in keys] for c in j]
assert all(list(c.keys())==all_keys for c in j), list(j[0].keys())
assert got==expected, \"\\n\".join(map(str,got))
for c in j:
    assert c[\"employer_period\"]==\"applies\" and c[\"no_sick_pay\"]==\"none\" and c[\"maksdato_rule\"]==\"days_248\", c
    assert c[\"birth_date_basis\"]==\"first_of_birth_year\" and c[\"birth_date\"].endswith(\"-01-01\"), c
    assert c[\"notes\"]==[\"holidays_not_recorded\",\"birth_date_assumed_1_january\"], c
assert j[0][\"birth_date\"]==\"1975-01-01\" and j[0][\"agp_start\"]==\"2026-09-14\"
" "$out"'

# The open case counts its sick days through --today (Norwegian date form accepted).
run cases "$EX" --today 01.10.2026 --json
check "dd.mm.yyyy accepted" '[ $rc -eq 0 ]'
check "open case sick days through today" 'python3 -c "
import json,sys; j=json.load(open(sys.argv[1]))
assert j[0][\"employee\"]==\"E01\" and j[0][\"end\"] is None and j[0][\"sick_days\"]==18, j[0]
" "$out"'

run cases "$EX" --today 2026-11-24
check "text exit 0" '[ $rc -eq 0 ]'
check "text header" 'grep -q "^Sykefraværstilfeller i Fjordvik kommune per 24.11.2026: 10$" "$out"'
check "text open case line" 'grep -Eq "^E01 +Kari Nordmann +14\.09\.2026 +åpent +72 +29\.09\.2026 +40 +40 +208 +10\.09\.2027$" "$out"'
check "text holiday note" 'grep -q "Ferie flytter maksdato hos NAV; iadesk har ikke ferie registrert" "$out"'
check "text birth-year note" 'grep -q "^Aldersgrensene (67 og 70 år): for 10 tilfeller er bare fødselsåret kjent, og 1. januar er lagt til grunn.$" "$out"'
check "text merged case line" 'grep -Eq "^E02 +Ola Hansen +02\.03\.2026 +10\.04\.2026 +30 " "$out"'

# A used-up account and an employment under 4 weeks, worked by hand (docs/domain.md):
# E07 sick 6.1.2025-30.1.2026: employer 6.1-21.1.2025, NAV from Wed 22.1.2025; the 248th weekday
# is 22.1 + 49 weeks (Wed 31.12.2025, 246th) + 2 = Fri 2.1.2026; then no sick pay; back at work
# 31.1.2026, so the day back after 26 weeks is 2.1 + 182 = 3.7.2026 and a fresh right from 4.7.2026.
# E12 employed from 16.3.2026 and sick from 10.4 (25 days later): no employer period (§ 8-18).
python3 - "$EX" "$tmp/extra.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1]))
d["absences"].append({"employee":"E07","kind":"sykmelding","from":"2025-01-06","to":"2026-01-30","grade":100})
d["absences"].append({"employee":"E12","kind":"sykmelding","from":"2026-04-10","to":"2026-04-20","grade":100})
json.dump(d,open(sys.argv[2],"w"),ensure_ascii=False)
PY
run cases "$tmp/extra.json" --today 2026-11-24 --json
check "used up and under 4 weeks: exit 0" '[ $rc -eq 0 ]'
check "used up and under 4 weeks: JSON" 'python3 -c "
import json,sys; j={c[\"employee\"]:c for c in json.load(open(sys.argv[1]))}
e7=j[\"E07\"]; e12=j[\"E12\"]
assert (e7[\"maksdato\"],e7[\"nav_days_case\"],e7[\"days_left\"],e7[\"no_sick_pay\"],e7[\"fresh_right_from\"])==(\"2026-01-02\",248,0,\"days_used_up\",\"2026-07-04\"), e7
assert e12[\"employer_period\"]==\"employed_under_4_weeks\" and \"nav_pay_depends_on_earning_period\" in e12[\"notes\"], e12
" "$out"'
run cases "$tmp/extra.json" --today 2026-11-24
check "used up: text remark" 'grep -q "^ *ingen sykepenger fra NAV: 248 dager brukt opp 02.01.2026 (ftrl § 8-12)$" "$out" && grep -q "^ *ny rett fra 04.07.2026 hvis i arbeid fram til da$" "$out"'
check "under 4 weeks: text remark" 'grep -q "^ *ingen arbeidsgiverperiode: ansatt kortere enn 4 uker (ftrl § 8-18)" "$out"'

run cases "$EX" --today 2026-02-30
check "bad date exits 2 naming the option" '[ $rc -eq 2 ] && grep -q "ugyldig dato for --today: «2026-02-30»" "$err"'

run cases "$REPO/examples/nope.json"
check "missing file exits 2 naming it" '[ $rc -eq 2 ] && grep -q "kan ikke lese filen «.*nope.json»" "$err"'

summary
