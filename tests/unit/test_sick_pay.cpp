// Unit tests of sick_pay.hpp: the sick-pay account (folketrygdloven §§ 8-3, 8-11, 8-12, 8-17,
// 8-18, 8-19, 8-51) and egenmelding (§ 8-24). Every expected date was worked out by hand from
// the rules in docs/domain.md before the code ran; the working is beside each scenario. Notation:
// "the n-th weekday from X" counts Monday..Friday days (holidays included, § 8-11) with X as the
// first when X is a weekday; since X + 7k is then weekday number 5k + 1, 248 = 5 * 49 + 3 means
// "X + 49 weeks is the 246th, two weekdays later the 248th".
#include "iadesk/cases.hpp"
#include "iadesk/sick_pay.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace iadesk;

namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

struct Record {
    Date from;
    std::optional<Date> to;
    int grade = 100;
};

// What one case should show; unset optionals are not checked.
struct Expect {
    Date agp_end;
    int nav_days_case;
    int nav_days_account;
    int days_left;
    Date maksdato;
    NoSickPay no_sick_pay = NoSickPay::none;
    EmployerPeriod employer = EmployerPeriod::applies;
    std::optional<Date> fresh_right_from = std::nullopt;
    std::optional<MaksdatoRule> rule = std::nullopt;
};

struct Scenario {
    const char* name;
    std::vector<Record> records;
    Date today;
    std::vector<Expect> cases;
    std::vector<Employment> employment = {{Date::from_ymd(2000, 1, 1), std::nullopt, 100}};
    std::optional<int> birth_year = std::nullopt;
    std::optional<Date> birth_date = std::nullopt;
};

std::vector<SicknessCase> run(const Scenario& s) {
    Dataset ds;
    ds.employees.push_back({"A", "A", "U1", s.employment, s.birth_year});
    for (const Record& r : s.records) ds.absences.push_back({"A", AbsenceKind::sykmelding, r.from, r.to, r.grade});
    SickPayOptions options;
    if (s.birth_date) options.birth_date = [&s](const Employee&) { return s.birth_date; };
    return build_cases(ds, s.today, options);
}

std::vector<Scenario> scenarios() {
    return {
        // NAV's own example (navikt/helse-spleis, maksdato tests): 16 employer days from Monday
        // 1.1.2018 = 1.1..16.1; NAV from Wednesday 17.1. 17.1..26.1 has 3 + 5 = 8 weekdays, so
        // 248 - 8 = 240 left. 248 = 5 * 49 + 3: 17.1 + 49 weeks = Wed 26.12.2018 is the 246th,
        // so the 248th is Friday 28.12.2018. Closed on Fri 26.1: back at work from 27.1, the 182
        // days without NAV days are 27.1..27.7 (27.1 + 181 = 27.7), so a NAV day from 28.7.2018 starts a fresh account.
        {"NAV's 2018 example: 10 NAV days", {{ymd(2018, 1, 1), ymd(2018, 1, 26)}}, ymd(2018, 2, 1),
         {{ymd(2018, 1, 16), 8, 8, 240, ymd(2018, 12, 28), NoSickPay::none, EmployerPeriod::applies, ymd(2018, 7, 28)}}},
        // The same absence through 31.12.2018 = 249 NAV days: the 249th, Monday 31.12, is
        // refused; no sick pay until 26 weeks after 28.12.2018 -> from 29.6.2019 (last sick day
        // 31.12 < 28.6.2019, the 182nd day after the maksdato).
        {"NAV's 2018 example: the 249th day refused", {{ymd(2018, 1, 1), ymd(2018, 12, 31)}}, ymd(2019, 1, 2),
         {{ymd(2018, 1, 16), 248, 248, 0, ymd(2018, 12, 28), NoSickPay::days_used_up, EmployerPeriod::applies,
           ymd(2019, 6, 29), MaksdatoRule::days_248}}},
        // Continuous open absence from Monday 5.1.2026: employer 5.1..20.1, NAV from Wed 21.1.
        // 21.1 + 49 weeks = Wed 30.12.2026 = 246th -> 248th Fri 1.1.2027. Through today (Sunday
        // 1.3): 21.1..23.1 (3) + 26.1..30.1 (5) + 2.2..27.2 (20) = 28 used, 220 left. Open: no
        // fresh-right date (the 26 weeks start when the employee is back).
        {"continuous open case", {{ymd(2026, 1, 5), std::nullopt}}, ymd(2026, 3, 1),
         {{ymd(2026, 1, 20), 28, 28, 220, ymd(2027, 1, 1)}}},
        // The same at 40 %: a graded day is a whole sykepengedag (§ 8-11), same figures.
        {"graded case", {{ymd(2026, 1, 5), std::nullopt, 40}}, ymd(2026, 3, 1),
         {{ymd(2026, 1, 20), 28, 28, 220, ymd(2027, 1, 1)}}},
        // A1 = Mon 5.1..Fri 30.1.2026: employer 5.1..20.1, NAV 21.1..30.1 = 8 weekdays. Then a gap
        // of g non-sick days and an open A2. g = 10: A2 from Tue 10.2, same case and period
        // (§ 8-19: less than 16 days apart), 240 left from 10.2: 10.2 + 48 weeks = Tue 12.1.2027
        // is the 241st -> the 240th is Mon 11.1.2027. Today 13.2: +10.2..13.2 = 4 -> 12 used.
        {"gap of 10 days: same period", {{ymd(2026, 1, 5), ymd(2026, 1, 30)}, {ymd(2026, 2, 10), std::nullopt}},
         ymd(2026, 2, 13), {{ymd(2026, 1, 20), 12, 12, 236, ymd(2027, 1, 11)}}},
        // g = 15: A2 from Sunday 15.2, still the same case; NAV resumes Mon 16.2: the 240th
        // weekday from 16.2 = 16.2 + 48 weeks - 3 days = Fri 15.1.2027. Today 20.2: 16..20.2 = 5.
        {"gap of 15 days: same period", {{ymd(2026, 1, 5), ymd(2026, 1, 30)}, {ymd(2026, 2, 15), std::nullopt}},
         ymd(2026, 2, 20), {{ymd(2026, 1, 20), 13, 13, 235, ymd(2027, 1, 15)}}},
        // g = 16: A2 from Mon 16.2 is a new case with a new employer period 16.2..3.3 (§ 8-19:
        // 16 days back at work after a completed period); the 8 NAV days carry over (only 16
        // days without NAV days, far below 182). NAV from Wed 4.3: 240th = 4.3 + 48 weeks - 1 day
        // = Tue 2.2.2027. Case 1 alone (projected from Mon 2.2): 240th from 2.2 = Fri 1.1.2027;
        // its fresh right: back at work 31.1 + 182 = 1.8.2026.
        {"gap of 16 days: new period, days carried over",
         {{ymd(2026, 1, 5), ymd(2026, 1, 30)}, {ymd(2026, 2, 16), std::nullopt}}, ymd(2026, 3, 3),
         {{ymd(2026, 1, 20), 8, 8, 240, ymd(2027, 1, 1), NoSickPay::none, EmployerPeriod::applies, ymd(2026, 8, 1)},
          {ymd(2026, 3, 3), 0, 8, 240, ymd(2027, 2, 2)}}},
        // g = 17: A2 from Tue 17.2, employer period 17.2..4.3, NAV from Thu 5.3: 240th = 3.2.2027.
        {"gap of 17 days: new period, days carried over",
         {{ymd(2026, 1, 5), ymd(2026, 1, 30)}, {ymd(2026, 2, 17), std::nullopt}}, ymd(2026, 3, 4),
         {{ymd(2026, 1, 20), 8, 8, 240, ymd(2027, 1, 1), NoSickPay::none, EmployerPeriod::applies, ymd(2026, 8, 1)},
          {ymd(2026, 3, 4), 0, 8, 240, ymd(2027, 2, 3)}}},
        // Case 1: Mon 6.1..Thu 27.2.2025, employer 6.1..21.1, NAV 22.1..27.2 = 3 + 5 + 19 = 27.
        // Back at work from Fri 28.2: the 182nd day without NAV days is 28.2 + 181 = 28.8.2025,
        // so the fresh-right date is 29.8.2025.
        // Case 2 from Wed 13.8 (employer days 13.8..28.8 do not interrupt the 26 weeks, § 8-12
        // second paragraph): first NAV day Fri 29.8, after 182 days -> a fresh 248; 248th from
        // Fri 29.8.2025 = 29.8 + 49 weeks (Fri 7.8.2026, 246th) + Mon, Tue = 11.8.2026.
        {"26 weeks: 182 days without NAV days give a fresh right",
         {{ymd(2025, 1, 6), ymd(2025, 2, 27)}, {ymd(2025, 8, 13), std::nullopt}}, ymd(2025, 8, 29),
         {{ymd(2025, 1, 21), 27, 27, 221, ymd(2026, 1, 2), NoSickPay::none, EmployerPeriod::applies, ymd(2025, 8, 29)},
          {ymd(2025, 8, 28), 1, 1, 247, ymd(2026, 8, 11)}}},
        // Case 2 one day earlier, Tue 12.8: first NAV day Thu 28.8, only 181 days after the last
        // one (28.2..27.8 without NAV days) -> the 27 days still count: 221 left from 28.8:
        // 221 = 5 * 44 + 1, so the 221st is 28.8 + 44 weeks = Thu 2.7.2026; today 28.8 used 28.
        // Case 1's projection (both scenarios): absence continuing from Fri 28.2.2025, the 221st
        // weekday = 28.2 + 44 weeks = Fri 2.1.2026.
        {"26 weeks: 181 days are not enough",
         {{ymd(2025, 1, 6), ymd(2025, 2, 27)}, {ymd(2025, 8, 12), std::nullopt}}, ymd(2025, 8, 28),
         {{ymd(2025, 1, 21), 27, 27, 221, ymd(2026, 1, 2), NoSickPay::none, EmployerPeriod::applies, ymd(2025, 8, 29)},
          {ymd(2025, 8, 27), 1, 28, 220, ymd(2026, 7, 2)}}},
        // Used up on 28.12.2018 (the scenario above); a new incapacity from Wed 12.6.2019:
        // employer 12.6..27.6, first NAV candidate Fri 28.6.2019 = 28.12.2018 + 182, the 182nd day
        // after the maksdato, still inside the 26 weeks -> refused, and it is a sick day, so the
        // right needs a day back at work first: sick through Fri 12.7, at work Sat 13.7 -> a NAV
        // day from Sun 14.7.2019 would start a fresh account (NAV's engine does the same).
        {"used up: a new incapacity inside the 26 weeks gets nothing",
         {{ymd(2018, 1, 1), ymd(2018, 12, 31)}, {ymd(2019, 6, 12), ymd(2019, 7, 12)}}, ymd(2019, 7, 15),
         {{ymd(2018, 1, 16), 248, 248, 0, ymd(2018, 12, 28), NoSickPay::days_used_up, EmployerPeriod::applies, ymd(2019, 6, 29)},
          {ymd(2019, 6, 27), 0, 248, 0, ymd(2018, 12, 28), NoSickPay::days_used_up, EmployerPeriod::applies, ymd(2019, 7, 14)}}},
        // One day later, Thu 13.6.2019: employer 13.6..28.6, and 28.6 (the 182nd day) is an
        // employer day, which counts as fit (§ 8-12 second paragraph) -> fresh account; NAV from
        // Mon 1.7: 248th = 1.7 + 49 weeks (Mon 8.6.2020, 246th) + 2 = Wed 10.6.2020; today Fri
        // 5.7: 5 used.
        {"used up: fresh right after 26 weeks",
         {{ymd(2018, 1, 1), ymd(2018, 12, 31)}, {ymd(2019, 6, 13), std::nullopt}}, ymd(2019, 7, 5),
         {{ymd(2018, 1, 16), 248, 248, 0, ymd(2018, 12, 28), NoSickPay::days_used_up, EmployerPeriod::applies, ymd(2019, 6, 29)},
          {ymd(2019, 6, 28), 5, 5, 243, ymd(2020, 6, 10)}}},
        // Three-year window (§ 8-12 "de siste tre årene"). Case 1: Mon 7.1..Tue 11.6.2019,
        // employer 7.1..22.1, NAV 23.1..11.6 = 100 weekdays (23.1 + 20 weeks = 12.6 is the 101st);
        // 148 left: 12.6 + 29 weeks = Wed 1.1.2020 is the 146th -> Fri 3.1.2020. Then seven cases
        // every 175 days from Mon 18.11.2019, each Mon..Fri of its third week (19 days): employer
        // days 1-16, NAV Wed-Fri = 3 days; 172-175 days without NAV days between them (< 182),
        // so the account never starts afresh. When NAV days resume on day D, days before D - 3
        // years drop: case 6 (D = 27.4.2022) keeps case 1's days from Mon 29.4.2019 = 32 weekdays
        // (29.4..11.6: 5 * 6 + 2), so 32 + 6 * 3 = 50; case 7 (D = 19.10.2022) drops all of case
        // 1: 7 * 3 = 21, 227 left from Mon 24.10.2022: + 45 weeks = 4.9.2023 (226th) -> 5.9.2023.
        {"three-year window",
         {{ymd(2019, 1, 7), ymd(2019, 6, 11)},
          {ymd(2019, 11, 18), ymd(2019, 12, 6)}, {ymd(2020, 5, 11), ymd(2020, 5, 29)},
          {ymd(2020, 11, 2), ymd(2020, 11, 20)}, {ymd(2021, 4, 26), ymd(2021, 5, 14)},
          {ymd(2021, 10, 18), ymd(2021, 11, 5)}, {ymd(2022, 4, 11), ymd(2022, 4, 29)},
          {ymd(2022, 10, 3), ymd(2022, 10, 21)}},
         ymd(2022, 10, 21),
         {{ymd(2019, 1, 22), 100, 100, 148, ymd(2020, 1, 3), NoSickPay::none, EmployerPeriod::applies, ymd(2019, 12, 11)},
          // 145 left from Mon 9.12.2019: + 29 weeks = Mon 29.6.2020 is the 146th -> Fri 26.6.2020
          {ymd(2019, 12, 3), 3, 103, 145, ymd(2020, 6, 26), NoSickPay::none, EmployerPeriod::applies, ymd(2020, 6, 6)},
          // 142 from Mon 1.6.2020: + 28 weeks = Mon 14.12 (141st) -> Tue 15.12.2020
          {ymd(2020, 5, 26), 3, 106, 142, ymd(2020, 12, 15)},
          // 139 from Mon 23.11.2020: + 27 weeks = Mon 31.5.2021 (136th) -> Thu 3.6.2021
          {ymd(2020, 11, 17), 3, 109, 139, ymd(2021, 6, 3)},
          // 136 from Mon 17.5.2021: + 27 weeks = Mon 22.11.2021 (136th)
          {ymd(2021, 5, 11), 3, 112, 136, ymd(2021, 11, 22)},
          // 133 from Mon 8.11.2021: + 26 weeks = Mon 9.5.2022 (131st) -> Wed 11.5.2022
          {ymd(2021, 11, 2), 3, 115, 133, ymd(2022, 5, 11)},
          // 198 left from Mon 2.5.2022: + 39 weeks = Mon 30.1.2023 is the 196th -> Wed 1.2.2023
          {ymd(2022, 4, 26), 3, 50, 198, ymd(2023, 2, 1), NoSickPay::none, EmployerPeriod::applies, ymd(2022, 10, 29)},
          {ymd(2022, 10, 18), 3, 21, 227, ymd(2023, 9, 5), NoSickPay::none, EmployerPeriod::applies, ymd(2023, 4, 22)}}},
        // Age 66 turning 67 in the case (NAV's engine example: born 11.1.1951). Sick from Mon
        // 18.12.2017: employer 18.12..2.1, NAV from Wed 3.1.2018. The 67th birthday itself is
        // not "after 67"; from Fri 12.1 at most 60 days: 12.1 + 11 weeks = Fri 30.3 is the 56th,
        // Mon 2.4 .. Thu 5.4 the 57th-60th -> 5.4.2018 (the 248th would be in December).
        // Today 31.1: 3.1..31.1 = 21 used, 14 of them after 67 -> 46 left.
        {"age 66 turning 67: 60 days after the birthday",
         {{ymd(2017, 12, 18), std::nullopt}}, ymd(2018, 1, 31),
         {{ymd(2018, 1, 2), 21, 21, 46, ymd(2018, 4, 5), NoSickPay::none, EmployerPeriod::applies, std::nullopt,
           MaksdatoRule::days_60_after_67}},
         {{ymd(1930, 1, 1), std::nullopt, 100}}, 1951, ymd(1951, 1, 11)},
        // Only the birth year 1951: 1.1.1951 assumed (the earliest), so the 60 days count from
        // 2.1.2018, in the employer period; from Wed 3.1: 3.1 + 11 weeks = Wed 21.3 is the 56th,
        // 22.3, 23.3, 26.3, 27.3 -> 27.3.2018, 8 days earlier than with the real date. 21 used, 39 left.
        {"birth year only: 1 January assumed",
         {{ymd(2017, 12, 18), std::nullopt}}, ymd(2018, 1, 31),
         {{ymd(2018, 1, 2), 21, 21, 39, ymd(2018, 3, 27), NoSickPay::none, EmployerPeriod::applies, std::nullopt,
           MaksdatoRule::days_60_after_67}},
         {{ymd(1930, 1, 1), std::nullopt, 100}}, 1951},
        // Age 68 (born 15.6.1958): 60 days from the first NAV day Wed 21.1.2026: 21.1 + 11 weeks
        // = Wed 8.4 is the 56th, 9.4, 10.4, 13.4, 14.4 -> 14.4.2026. Today Mon 2.2: 9 used, 51 left.
        {"age 68: at most 60 days",
         {{ymd(2026, 1, 5), std::nullopt}}, ymd(2026, 2, 2),
         {{ymd(2026, 1, 20), 9, 9, 51, ymd(2026, 4, 14), NoSickPay::none, EmployerPeriod::applies, std::nullopt,
           MaksdatoRule::days_60_after_67}},
         {{ymd(1990, 1, 1), std::nullopt, 100}}, 1958, ymd(1958, 6, 15)},
        // Turning 70 in the case (NAV's engine example: born 10.1.1948): no sick pay from the
        // 70th birthday, so the last day is Tue 9.1.2018. Sick from Mon 4.12.2017: employer
        // 4.12..19.12, NAV from 20.12; today Fri 29.12: 20.12..29.12 = 8 used; left 1.1..9.1 = 7.
        // After 67 (10.1.2015) at most 60 days: the 60th weekday from 20.12.2017 is 13.3.2018,
        // so the 70th birthday ends it first.
        {"age 69 turning 70: the weekday before the birthday",
         {{ymd(2017, 12, 4), std::nullopt}}, ymd(2017, 12, 29),
         {{ymd(2017, 12, 19), 8, 8, 7, ymd(2018, 1, 9), NoSickPay::none, EmployerPeriod::applies, std::nullopt,
           MaksdatoRule::age_70}},
         {{ymd(1990, 1, 1), std::nullopt, 100}}, 1948, ymd(1948, 1, 10)},
        // Age 71 (born 1.5.1955, 70 on 1.5.2025): no sick pay at all, not even from the employer
        // (§ 8-3); maksdato shows the last possible day, Wed 30.4.2025.
        {"age 71: no sick pay",
         {{ymd(2026, 1, 5), std::nullopt}}, ymd(2026, 2, 2),
         {{ymd(2026, 1, 20), 0, 0, 0, ymd(2025, 4, 30), NoSickPay::age_70, EmployerPeriod::over_70, std::nullopt,
           MaksdatoRule::age_70}},
         {{ymd(1990, 1, 1), std::nullopt, 100}}, 1955, ymd(1955, 5, 1)},
        // Employed from 16.3.2026, sick Fri 10.4 (25 days later, under 4 weeks, § 8-18): no
        // employer period; the first 16 days 10.4..25.4 still do not count against the 248 (NAV
        // pays them if § 8-2 is met: 260 days). NAV days Mon 27.4..Thu 30.4 = 4, 244 left from
        // Fri 1.5: 244 = 5 * 48 + 4, 1.5 + 48 weeks = Fri 2.4.2027 (241st) -> Wed 7.4.2027.
        {"employment under 4 weeks",
         {{ymd(2026, 4, 10), ymd(2026, 4, 30)}}, ymd(2026, 5, 4),
         {{ymd(2026, 4, 25), 4, 4, 244, ymd(2027, 4, 7), NoSickPay::none, EmployerPeriod::employed_under_4_weeks,
           ymd(2026, 10, 30)}},
         {{ymd(2026, 3, 16), std::nullopt, 100}}},
        // A case across 1 July 2014 (the sick-pay rules did not change then): Mon 12.5..Fri
        // 29.8.2014, employer 12.5..27.5, NAV 28.5..29.8: weekdays May 28-30 = 3, June 21, July
        // 23, August 1-29 = 21, so 68; 180 left from Mon 1.9: the 248th from 28.5.2014 = 28.5 +
        // 49 weeks (Wed 6.5.2015, 246th) + 2 = Fri 8.5.2015. Fresh right: 30.8.2014 + 182 = 28.2.2015.
        {"case across 1 July 2014",
         {{ymd(2014, 5, 12), ymd(2014, 8, 29)}}, ymd(2014, 9, 1),
         {{ymd(2014, 5, 27), 68, 68, 180, ymd(2015, 5, 8), NoSickPay::none, EmployerPeriod::applies, ymd(2015, 2, 28)}}},
        // The first whole day of absence of a Monday-Friday worker (§ 8-19 second paragraph):
        // sick from Saturday 10.1.2026, the employer period runs Mon 12.1..Tue 27.1; NAV from
        // Wed 28.1: 248th = 28.1 + 49 weeks (Wed 6.1.2027) + 2 = Fri 8.1.2027.
        {"a case starting on a Saturday", {{ymd(2026, 1, 10), std::nullopt}}, ymd(2026, 1, 27),
         {{ymd(2026, 1, 27), 0, 0, 248, ymd(2027, 1, 8)}}},
        // Mon 5.1..Fri 9.1 and from Mon 12.1: the weekend between counts as sick days of the
        // employer period, as in NAV's engine: 5.1..20.1 as if continuous, maksdato 1.1.2027.
        {"a weekend between two records", {{ymd(2026, 1, 5), ymd(2026, 1, 9)}, {ymd(2026, 1, 12), std::nullopt}},
         ymd(2026, 3, 1), {{ymd(2026, 1, 20), 28, 28, 220, ymd(2027, 1, 1)}}},
    };
}

} // namespace

TEST_CASE("sick pay: the account per case, scenarios worked out by hand") {
    const std::vector<Scenario> all = scenarios();
    for (const Scenario& s : all) {
        CAPTURE(s.name);
        const std::vector<SicknessCase> cases = run(s);
        REQUIRE(cases.size() == s.cases.size());
        for (std::size_t i = 0; i < cases.size(); ++i) {
            CAPTURE(i);
            const CaseSickPay& p = cases[i].pay;
            const Expect& e = s.cases[i];
            CHECK(format_iso(p.agp_end) == format_iso(e.agp_end));
            CHECK(p.nav_days_case == e.nav_days_case);
            CHECK(p.nav_days_account == e.nav_days_account);
            CHECK(p.days_left == e.days_left);
            CHECK(format_iso(p.maksdato) == format_iso(e.maksdato));
            CHECK(std::string(to_string(p.no_sick_pay)) == to_string(e.no_sick_pay));
            CHECK(std::string(to_string(p.employer_period)) == to_string(e.employer));
            if (e.fresh_right_from) {
                REQUIRE(p.fresh_right_from.has_value());
                CHECK(format_iso(*p.fresh_right_from) == format_iso(*e.fresh_right_from));
            }
            if (e.rule) CHECK(std::string(to_string(p.maksdato_rule)) == to_string(*e.rule));
            // The case's own fields repeat the account (milestones anchor on them).
            CHECK(cases[i].agp_end == p.agp_end);
            CHECK(cases[i].maksdato == p.maksdato);
        }
    }
}

TEST_CASE("sick pay: four weeks' employment immediately before the first sick day (ftrl § 8-18)") {
    auto period_for = [](std::vector<Employment> employment, Date first_sick) {
        Scenario s{"", {{first_sick, first_sick}}, first_sick, {}, std::move(employment)};
        return run(s).at(0).pay.employer_period;
    };
    // Employed from 16.3.2026: 16.3..12.4 is 28 days, so sick from 13.4 qualifies, from 12.4 not.
    CHECK(period_for({{ymd(2026, 3, 16), std::nullopt, 100}}, ymd(2026, 4, 13)) == EmployerPeriod::applies);
    CHECK(period_for({{ymd(2026, 3, 16), std::nullopt, 100}}, ymd(2026, 4, 12)) == EmployerPeriod::employed_under_4_weeks);
    // Sick on the first day of work: employed, but 0 days before.
    CHECK(period_for({{ymd(2026, 3, 16), std::nullopt, 100}}, ymd(2026, 3, 16)) == EmployerPeriod::employed_under_4_weeks);
    // Two periods that adjoin (31.3 / 1.4) are one employment since 1.1.
    CHECK(period_for({{ymd(2026, 1, 1), ymd(2026, 3, 31), 100}, {ymd(2026, 4, 1), std::nullopt, 50}}, ymd(2026, 4, 10)) ==
          EmployerPeriod::applies);
    // A day's break (31.3) restarts the four weeks: 1.4..9.4 is 9 days.
    CHECK(period_for({{ymd(2026, 1, 1), ymd(2026, 3, 30), 100}, {ymd(2026, 4, 1), std::nullopt, 50}}, ymd(2026, 4, 10)) ==
          EmployerPeriod::employed_under_4_weeks);
    // Employment ended before the sickness; no employment at all.
    CHECK(period_for({{ymd(2020, 1, 1), ymd(2026, 3, 31), 100}}, ymd(2026, 4, 13)) == EmployerPeriod::not_employed);
    CHECK(period_for({}, ymd(2026, 4, 13)) == EmployerPeriod::not_employed);
}

TEST_CASE("sick pay: which birth date is used, and the assumption is reported") {
    Scenario s{"", {{ymd(2026, 1, 5), ymd(2026, 1, 9)}}, ymd(2026, 1, 9), {}};
    CHECK(run(s)[0].pay.birth == BirthAssumption::unknown);
    CHECK_FALSE(run(s)[0].pay.birth_date.has_value());
    s.birth_year = 1980;
    CHECK(run(s)[0].pay.birth == BirthAssumption::first_of_birth_year);
    CHECK(run(s)[0].pay.birth_date == ymd(1980, 1, 1));
    s.birth_date = ymd(1980, 7, 14);
    CHECK(run(s)[0].pay.birth == BirthAssumption::exact_date);
    CHECK(run(s)[0].pay.birth_date == ymd(1980, 7, 14));
    // 29 February: the 67th birthday of someone born 29.2.1960 is 28.2.2027 (no 29.2 that year).
    CHECK(add_years(ymd(1960, 2, 29), 67) == ymd(2027, 2, 28));
    CHECK(add_months(ymd(2026, 3, 31), -1) == ymd(2026, 2, 28));
    CHECK(add_months(ymd(2026, 1, 15), -2) == ymd(2025, 11, 15));
}

TEST_CASE("egenmelding: the law's rule and an organisation's own (ftrl § 8-24)") {
    Employee e{"A", "A", "U1", {{ymd(2026, 1, 1), std::nullopt, 100}}, std::nullopt};
    std::vector<Absence> none;
    // Two months' employment: for 20.2 the months 20.12.2025..19.2.2026 are needed (from 1.1 only).
    auto early = check_egenmelding(e, none, ymd(2026, 2, 20), ymd(2026, 2, 22));
    CHECK_FALSE(early.within_rule);
    REQUIRE(early.problems.size() == 1);
    CHECK(early.problems[0] == EgenmeldingProblem::employed_under_2_months);
    // From 1.3: 1.1..28.2 employed (add_months(1.3, -2) = 1.1). 3 days are allowed, 4 are not.
    CHECK(check_egenmelding(e, none, ymd(2026, 3, 2), ymd(2026, 3, 4)).within_rule);
    auto four = check_egenmelding(e, none, ymd(2026, 3, 2), ymd(2026, 3, 5));
    CHECK_FALSE(four.within_rule);
    CHECK(four.days == 4);
    CHECK(four.problems == std::vector<EgenmeldingProblem>{EgenmeldingProblem::too_many_days_at_a_time});
    CHECK(check_egenmelding(e, none, ymd(2026, 3, 5), ymd(2026, 3, 4)).problems ==
          std::vector<EgenmeldingProblem>{EgenmeldingProblem::invalid_period});

    // An egenmelding 2.3-3.3 and a planned one 4.3-5.3 adjoin: one time of 4 days.
    std::vector<Absence> adjoining = {{"A", AbsenceKind::egenmelding, ymd(2026, 3, 2), ymd(2026, 3, 3), 100}};
    auto joined = check_egenmelding(e, adjoining, ymd(2026, 3, 4), ymd(2026, 3, 5));
    CHECK(joined.days == 4);
    CHECK_FALSE(joined.within_rule);

    // Four times in the 12 months: employed since 2020; 2.6-3.6.2025, 1.9.2025, 3.11-4.11.2025 and 12.1.2026.
    Employee old{"B", "B", "U1", {{ymd(2020, 1, 1), std::nullopt, 100}}, std::nullopt};
    std::vector<Absence> four_times = {
        {"B", AbsenceKind::egenmelding, ymd(2025, 6, 2), ymd(2025, 6, 3), 100},
        {"B", AbsenceKind::egenmelding, ymd(2025, 9, 1), ymd(2025, 9, 1), 100},
        {"B", AbsenceKind::egenmelding, ymd(2025, 11, 3), ymd(2025, 11, 4), 100},
        {"B", AbsenceKind::egenmelding, ymd(2026, 1, 12), ymd(2026, 1, 12), 100},
        {"A", AbsenceKind::egenmelding, ymd(2026, 2, 2), ymd(2026, 2, 2), 100},      // another employee
        {"B", AbsenceKind::sykmelding, ymd(2026, 2, 2), ymd(2026, 2, 20), 100},      // not an egenmelding
    };
    // 4.5.2026: the 12 months 5.5.2025..4.5.2026 hold all four -> a fifth is refused.
    auto fifth = check_egenmelding(old, four_times, ymd(2026, 5, 4), ymd(2026, 5, 5));
    CHECK(fifth.times_in_12_months == 4);
    CHECK(fifth.days_in_12_months == 6);
    CHECK(fifth.problems == std::vector<EgenmeldingProblem>{EgenmeldingProblem::too_many_times});
    // 2.6.2026: 3.6.2025..2.6.2026 still holds 3.6.2025 -> refused; 3.6.2026: three times -> allowed.
    CHECK_FALSE(check_egenmelding(old, four_times, ymd(2026, 6, 2), ymd(2026, 6, 2)).within_rule);
    auto after = check_egenmelding(old, four_times, ymd(2026, 6, 3), ymd(2026, 6, 3));
    CHECK(after.times_in_12_months == 3);
    CHECK(after.within_rule);

    // An organisation's rule agreed from 1.1.2026: 8 days at a time, 24 days in 12 months.
    EgenmeldingRule ia;
    ia.days_at_a_time = 8;
    ia.times_per_12_months = std::nullopt;
    ia.days_per_12_months = 24;
    ia.agreed_from = ymd(2026, 1, 1);
    auto eight = check_egenmelding(old, {}, ymd(2026, 3, 2), ymd(2026, 3, 9), ia);
    CHECK(eight.organisation_rule);
    CHECK(eight.within_rule);
    // Before the agreement the law applies: 8 days are too many.
    auto before = check_egenmelding(old, {}, ymd(2025, 12, 1), ymd(2025, 12, 8), ia);
    CHECK_FALSE(before.organisation_rule);
    CHECK(before.problems == std::vector<EgenmeldingProblem>{EgenmeldingProblem::too_many_days_at_a_time});
    // 8 + 8 days earlier (1.9-8.9.2025, 5.1-12.1.2026) + 8 planned = 24: allowed; one more day earlier: 25.
    std::vector<Absence> used = {{"B", AbsenceKind::egenmelding, ymd(2025, 9, 1), ymd(2025, 9, 8), 100},
                                 {"B", AbsenceKind::egenmelding, ymd(2026, 1, 5), ymd(2026, 1, 12), 100}};
    CHECK(check_egenmelding(old, used, ymd(2026, 3, 2), ymd(2026, 3, 9), ia).within_rule);
    used.push_back({"B", AbsenceKind::egenmelding, ymd(2025, 11, 3), ymd(2025, 11, 3), 100});
    auto over = check_egenmelding(old, used, ymd(2026, 3, 2), ymd(2026, 3, 9), ia);
    CHECK(over.days_in_12_months == 17);
    CHECK(over.problems == std::vector<EgenmeldingProblem>{EgenmeldingProblem::too_many_days_in_12_months});
    // A rule beyond the arbeidsgiverperiode (20 days at a time) is refused and the law applies.
    ia.days_at_a_time = 20;
    auto bad = check_egenmelding(old, {}, ymd(2026, 3, 2), ymd(2026, 3, 4), ia);
    CHECK_FALSE(bad.organisation_rule);
    CHECK(bad.problems == std::vector<EgenmeldingProblem>{EgenmeldingProblem::invalid_rule});
}

namespace {

// A day-by-day reference of the account, written from the rules (docs/domain.md) the way NAV's
// engine walks its timeline: each day is a NAV-payable day (a sick weekday after the employer
// period), a sick weekend day after the employer period, or a day without NAV pay (work, or an
// employer-period day, § 8-12 second paragraph). The employer period itself is taken from the
// implementation (tested on its own above and in test_cases.cpp).
struct ReferenceAccount {
    enum class State { fresh, paid, pause, used_up, used_up_long_enough, over_70 };
    State state = State::fresh;
    std::vector<Date> paid;   // the account's NAV days
    int pause_days = 0;       // days counted towards the 26 weeks
    Date maksdato;
    bool used_up_after_67 = false;
    std::optional<Date> turns_67, turns_70;
    bool used_up_at_70 = false; // the days were used up when the 70th birthday came

    int count_after_67() const {
        int n = 0;
        for (Date d : paid) n += turns_67 && d > *turns_67;
        return n;
    }
    // Returns true when the day was paid.
    bool day(Date d, bool payable, bool sick_weekend) {
        if (turns_70 && d >= *turns_70 && state != State::over_70) {
            used_up_at_70 = state == State::used_up || state == State::used_up_long_enough;
            state = State::over_70;
        }
        const bool no_pay = !payable && !sick_weekend;
        switch (state) {
        case State::over_70: return false;
        case State::fresh:
            if (!payable) return false;
            paid.clear();
            return pay(d);
        case State::paid:
            if (payable) return pay(d);
            if (no_pay) { pause_days = 1; state = State::pause; }
            return false;
        case State::pause:
            if (payable) {
                const Date cutoff = add_years(d, -3);
                std::erase_if(paid, [&](Date p) { return p < cutoff; });
                return pay(d);
            }
            if (++pause_days >= 182) state = State::fresh;
            return false;
        case State::used_up:
            ++pause_days;
            if (pause_days >= 182) state = no_pay ? State::fresh : State::used_up_long_enough;
            return false;
        case State::used_up_long_enough:
            if (no_pay) state = State::fresh;
            return false;
        }
        return false;
    }
    bool pay(Date d) {
        paid.push_back(d);
        pause_days = 0;
        state = State::paid;
        if (static_cast<int>(paid.size()) >= 248 || (turns_67 && count_after_67() >= 60)) {
            used_up_after_67 = static_cast<int>(paid.size()) < 248;
            maksdato = d;
            state = State::used_up;
        }
        return true;
    }
    int used() const { return state == State::fresh ? 0 : static_cast<int>(paid.size()); }
};

} // namespace

TEST_CASE("sick pay: the interval arithmetic agrees with a day-by-day walk on generated histories") {
    uint64_t seed = 0x5eed2026;
    auto below = [&seed](int n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((seed >> 33) % static_cast<uint64_t>(n));
    };
    int compared = 0;
    for (int round = 0; round < 400; ++round) {
        Scenario s{"generated", {}, Date{}, {}};
        Date at = ymd(2016, 1, 4) + below(60);
        const int records = 1 + below(6);
        for (int r = 0; r < records; ++r) {
            const int length = below(4) == 0 ? 100 + below(300) : 1 + below(40);
            const bool open = r == records - 1 && below(4) == 0;
            s.records.push_back({at, open ? std::nullopt : std::optional<Date>(at + length - 1), 20 + 10 * below(9)});
            // Gaps around the edges that matter: inside a case, 16-17 days, ~26 weeks, long.
            const int kind = below(5);
            const int gap = kind == 0 ? 1 + below(15) : kind == 1 ? 16 + below(2) : kind == 2 ? 170 + below(25)
                                                      : 30 + below(150);
            at = at + length + gap;
        }
        s.today = s.records.back().from + below(400);
        if (below(3) == 0) s.birth_date = ymd(1946, 1, 1) + below(8 * 365);
        const std::vector<SicknessCase> cases = run(s);
        std::string history = "born " + (s.birth_date ? format_iso(*s.birth_date) : std::string("?")) + ", today " +
                              format_iso(s.today) + ":";
        for (const Record& r : s.records) history += " " + format_iso(r.from) + ".." + (r.to ? format_iso(*r.to) : "open");
        CAPTURE(history);

        ReferenceAccount ref;
        if (s.birth_date) {
            ref.turns_67 = add_years(*s.birth_date, 67);
            ref.turns_70 = add_years(*s.birth_date, 70);
        }
        Date day = cases.front().start;
        for (const SicknessCase& c : cases) {
            CAPTURE(round);
            CAPTURE(format_iso(c.start));
            // The counted sick days: each record (an open one through max(first day, today)), and
            // from an open record's first day on, every day through the last counted day of the
            // records from then on (an open record has no end).
            std::vector<std::pair<Date, Date>> spans;
            std::optional<Date> open_from;
            Date x = c.start;
            for (std::size_t idx : c.absences) {
                const Record& r = s.records[idx];
                const Date last = r.to ? *r.to : std::max(r.from, s.today);
                spans.push_back({r.from, last});
                if (!r.to && !open_from) open_from = r.from;
                x = std::max(x, last);
            }
            auto recorded = [&](Date d) {
                if (open_from && *open_from <= d && d <= x) return true;
                for (auto& sp : spans)
                    if (sp.first <= d && d <= sp.second) return true;
                return false;
            };
            auto sick = [&](Date d) { // a weekend between two sick days counts (bridged)
                if (recorded(d)) return true;
                if (d.weekday() < 6) return false;
                Date before = d - 1, after = d + 1;
                while (before.weekday() >= 6 && !recorded(before)) before = before - 1;
                while (after.weekday() >= 6 && !recorded(after)) after += 1;
                return before >= c.start && recorded(before) && recorded(after);
            };
            const Date agp_end = c.pay.agp_end;
            int paid_in_case = 0;
            for (; day <= x; day += 1) {
                const bool after_agp = day > agp_end && day >= c.start && sick(day);
                paid_in_case += ref.day(day, after_agp && day.weekday() <= 5, after_agp && day.weekday() >= 6);
            }
            CHECK(c.pay.nav_days_case == paid_in_case);
            if (ref.state != ReferenceAccount::State::over_70) CHECK(c.pay.nav_days_account == ref.used());
            // Projection: continuous absence after x (employer days first if the period is not over).
            ReferenceAccount future = ref;
            std::optional<Date> last_paid, first_refused;
            int left = 0;
            for (Date d = x + 1; !first_refused && d < x + 3000; d += 1) {
                const bool after_agp = d > agp_end;
                if (future.day(d, after_agp && d.weekday() <= 5, after_agp && d.weekday() >= 6)) {
                    last_paid = d;
                    ++left;
                } else if (after_agp && d.weekday() <= 5) {
                    first_refused = d;
                }
            }
            REQUIRE(first_refused.has_value());
            CHECK(c.pay.days_left == left);
            // maksdato: the last day paid in the projection; with none, the day the days were used
            // up, or the weekday before the 70th birthday when age ends the right.
            Date expected = last_paid ? *last_paid : future.maksdato;
            if (!last_paid && future.state == ReferenceAccount::State::over_70 && !future.used_up_at_70) {
                expected = *ref.turns_70 - 1;
                while (expected.weekday() >= 6) expected = expected - 1;
            }
            CHECK(format_iso(c.pay.maksdato) == format_iso(expected));
            CHECK((c.pay.no_sick_pay != NoSickPay::none) == (left == 0));
            ++compared;
        }
        // The walk continues between cases; the next case starts after the gap.
        (void)day;
    }
    CHECK(compared > 400);
}
