// Unit tests of cases.hpp (16-day rule, arbeidsgiverperiode, maksdato, grades) and model.hpp;
// the sick-pay account in detail: test_sick_pay.cpp.
#include "iadesk/cases.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <set>

using namespace iadesk;

namespace {

using testing::ymd;

struct Builder {
    Dataset ds;
    Builder& employee(const std::string& id, double percent = 100) {
        ds.employees.push_back({id, id, "U1", {{ymd(2000, 1, 1), std::nullopt, percent}}, std::nullopt});
        return *this;
    }
    Builder& sick(const std::string& emp, Date from, std::optional<Date> to, int grade = 100,
                  AbsenceKind kind = AbsenceKind::sykmelding) {
        ds.absences.push_back({emp, kind, from, to, grade});
        return *this;
    }
};

using testing::Rng; // splitmix64, the same numbers on every platform

} // namespace

TEST_CASE("model: organisation number mod 11") {
    // 974760673: 9*3+7*2+4*7+7*6+6*5+0*4+6*3+7*2 = 173; 173 mod 11 = 8; 11 - 8 = 3 = last digit.
    CHECK(is_valid_orgnr("974760673"));
    // 889640782: sum 196; 196 mod 11 = 9; 11 - 9 = 2.
    CHECK(is_valid_orgnr("889640782"));
    CHECK_FALSE(is_valid_orgnr("974760674"));
    // Synthetic fødselsnummer (the month + 80, as the test numbers of the Folkeregister's Tenor:
    // never a real person's): 01 81 90, individual number 124, k1 k2 worked by hand:
    // 3*0+7*1+6*8+1*1+8*9+9*0+4*1+5*2+2*4 = 150, 150 mod 11 = 7, k1 = 11 - 7 = 4;
    // 5*0+4*1+3*8+2*1+7*9+6*0+5*1+4*2+3*4+2*4 = 126, 126 mod 11 = 5, k2 = 6.
    CHECK(is_valid_national_id("01819012446"));
    CHECK_FALSE(is_valid_national_id("01819012447")); // k2 wrong
    CHECK_FALSE(is_valid_national_id("01819012456")); // k1 wrong
    // Individual number 134: 150 + 5 = 155, 155 mod 11 = 1, k1 would be 10: no valid number.
    for (const char* k : {"00", "01", "10", "46", "99"}) CHECK_FALSE(is_valid_national_id(std::string("018190134") + k));
    CHECK_FALSE(is_valid_national_id("0181901244"));  // 10 digits
    CHECK_FALSE(is_valid_national_id("0181901244a"));
    // A D-number adds 4 to the first digit (date part not checked). With individual number 125:
    // 3*4+7*1+6*8+1*1+8*9+9*0+4*1+5*2+2*5 = 164, mod 11 = 10, k1 = 1;
    // 5*4+4*1+3*8+2*1+7*9+6*0+5*1+4*2+3*5+2*1 = 143, mod 11 = 0, k2 = 0.
    CHECK(is_valid_national_id("41819012510"));
    CHECK_FALSE(is_valid_national_id("41819012446"));
    CHECK_FALSE(is_valid_orgnr("97476067"));
    CHECK_FALSE(is_valid_orgnr("9747606730"));
    CHECK_FALSE(is_valid_orgnr("97476067a"));
    CHECK_FALSE(is_valid_orgnr(""));
    // 40000000x: 4 * 3 = 12; 12 mod 11 = 1; 11 - 1 = 10 -> no valid check digit exists.
    for (char c = '0'; c <= '9'; ++c) CHECK_FALSE(is_valid_orgnr(std::string("40000000") + c));
    // Remainder 0 gives check digit 0: "000000000" has sum 0 -> 11 - 0 = 11 -> 0.
    CHECK(is_valid_orgnr("000000000"));
}

TEST_CASE("model: position share follows the employment periods") {
    Employee e{"E1", "E1", "U1", {{ymd(2026, 1, 1), ymd(2026, 3, 31), 80}, {ymd(2026, 4, 6), std::nullopt, 50}}, {}};
    CHECK(position_share_on(e, ymd(2025, 12, 31)) == 0.0);
    CHECK(position_share_on(e, ymd(2026, 1, 1)) == doctest::Approx(0.8));
    CHECK(position_share_on(e, ymd(2026, 3, 31)) == doctest::Approx(0.8));
    CHECK(position_share_on(e, ymd(2026, 4, 3)) == 0.0);
    CHECK(position_share_on(e, ymd(2030, 4, 6)) == doctest::Approx(0.5));
    CHECK(std::string(to_string(AbsenceKind::egenmelding)) == "egenmelding");
    CHECK(std::string(to_string(EventStatus::exempt)) == "exempt");
}

TEST_CASE("cases: a gap of 15 non-sick days merges, 16 splits (docs/domain.md, Cases and weeks, ftrl § 8-19)") {
    // First record Mon 5.1 - Fri 9.1.2026, the second from `second_from` to 31.1.2026.
    auto cases_with_second_from = [](Date second_from) {
        Builder b;
        b.employee("A").sick("A", ymd(2026, 1, 5), ymd(2026, 1, 9)).sick("A", second_from, ymd(2026, 1, 31));
        return build_cases(b.ds, ymd(2026, 3, 1));
    };
    // A record from 25.1 leaves 10.1..24.1 = 15 free days.
    auto merged = cases_with_second_from(ymd(2026, 1, 25));
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].start == ymd(2026, 1, 5));
    CHECK(merged[0].end == ymd(2026, 1, 31));
    CHECK(merged[0].sick_days == 5 + 7);
    CHECK(merged[0].absences.size() == 2);
    // Arbeidsgiverperiode: days 1-5 are 5.1-9.1, day 6 is 25.1, so day 16 is 25.1 + 10 = 4.2.
    CHECK(merged[0].agp_end == ymd(2026, 2, 4));

    // A record from 26.1 leaves 10.1..25.1 = 16 free days: a new case.
    auto split = cases_with_second_from(ymd(2026, 1, 26));
    REQUIRE(split.size() == 2);
    CHECK(split[0].end == ymd(2026, 1, 9));
    CHECK(split[1].start == ymd(2026, 1, 26));
    // The short first case projects continuous absence: 5.1 + 15 = 20.1.
    CHECK(split[0].agp_end == ymd(2026, 1, 20));
    CHECK(split[1].agp_end == ymd(2026, 1, 26) + 15);
}

TEST_CASE("cases: egenmelding and sykmelding merge, overlapping records count their days once") {
    Builder b;
    b.employee("A")
        .sick("A", ymd(2026, 1, 5), ymd(2026, 1, 7), 100, AbsenceKind::egenmelding)
        .sick("A", ymd(2026, 1, 6), ymd(2026, 1, 20), 100)
        .sick("A", ymd(2026, 1, 10), ymd(2026, 1, 12), 50);
    auto cs = build_cases(b.ds, ymd(2026, 3, 1));
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].sick_days == 16); // 5.1 .. 20.1
    CHECK(cs[0].end == ymd(2026, 1, 20));
    CHECK(cs[0].last_recorded_day == ymd(2026, 1, 20));
    CHECK(cs[0].agp_end == ymd(2026, 1, 20));
    CHECK(cs[0].week_on(ymd(2026, 1, 11)) == 1);
    CHECK(cs[0].week_on(ymd(2026, 1, 12)) == 2);
}

TEST_CASE("cases: open records count through today and make the case open") {
    Builder b;
    b.employee("A").sick("A", ymd(2026, 1, 5), std::nullopt);
    auto cs = build_cases(b.ds, ymd(2026, 3, 1));
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].is_open());
    CHECK(cs[0].last_recorded_day == ymd(2026, 1, 5));
    CHECK(cs[0].sick_days == 27 + 28 + 1); // 5.1-31.1, February, 1.3
    CHECK(cs[0].agp_end == ymd(2026, 1, 20));
    // An open record starting after today counts at least its first day.
    auto future = build_cases(b.ds, ymd(2025, 12, 1));
    CHECK(future[0].sick_days == 1);
    // A later record while one is open joins the same case however far away it starts.
    b.sick("A", ymd(2026, 6, 1), ymd(2026, 6, 5));
    auto joined = build_cases(b.ds, ymd(2026, 3, 1));
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].is_open());
    CHECK(joined[0].last_recorded_day == ymd(2026, 6, 5));
}

TEST_CASE("cases: maksdato is the 248th Monday-Friday NAV day after the arbeidsgiverperiode, weekday holidays count (ftrl §§ 8-11, 8-12)") {
    // Continuous absence from Mon 5.1.2026: the employer pays 5.1..20.1 (16 days, § 8-19) and
    // those days do not count against the 248 (§ 8-12). NAV from Wed 21.1: 248 = 49 * 5 + 3,
    // 21.1 + 49 weeks = Wed 30.12.2026 is the 246th, so the 248th is Fri 1.1.2027. (The old
    // count from the first sick day gave 16.12.2026, 12 weekdays too early.)
    Builder b;
    b.employee("A").sick("A", ymd(2026, 1, 5), std::nullopt);
    auto cs = build_cases(b.ds, ymd(2026, 3, 1));
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].maksdato == ymd(2027, 1, 1));
    CHECK(cs[0].maksdato.weekday() == 5);
    // Weekday holidays in 21.1.2026..1.1.2027: 2.4, 3.4, 6.4, 1.5, 14.5, 25.5, 25.12, 1.1 = 8
    // (17.5 is a Sunday, 26.12 a Saturday). They are sick-pay days: only 248 - 8 = 240 are
    // working days. Skipping them would give a later date.
    CHECK(weekdays_between(ymd(2026, 1, 21), cs[0].maksdato) == 248);
    CHECK(working_days_between(ymd(2026, 1, 21), cs[0].maksdato) == 240);

    // A closed 2-day case over a weekend (Sat 10.1 - Sun 11.1) has no whole day of absence yet
    // (a Monday-Friday worker, § 8-19 second paragraph): projected, the employer period runs
    // Mon 12.1..Tue 27.1 and NAV from Wed 28.1: 28.1 + 49 weeks = 6.1.2027 (246th) -> Fri 8.1.2027.
    Builder w;
    w.employee("A").sick("A", ymd(2026, 1, 10), ymd(2026, 1, 11));
    auto we = build_cases(w.ds, ymd(2026, 3, 1));
    CHECK(we[0].agp_end == ymd(2026, 1, 27));
    CHECK(we[0].maksdato == ymd(2027, 1, 8));

    // A gap week is not counted: 5.1-9.1 (employer days 1-5), free 10.1-18.1, open from Mon 19.1:
    // employer days 6-16 are 19.1..29.1, NAV from Fri 30.1: 248 = 49 * 5 + 3, 30.1 + 49 weeks =
    // Fri 8.1.2027 (246th), then Mon 11.1, Tue 12.1 -> 12.1.2027.
    Builder g;
    g.employee("A").sick("A", ymd(2026, 1, 5), ymd(2026, 1, 9)).sick("A", ymd(2026, 1, 19), std::nullopt);
    auto gc = build_cases(g.ds, ymd(2026, 3, 1));
    REQUIRE(gc.size() == 1);
    CHECK(gc[0].agp_end == ymd(2026, 1, 29));
    CHECK(gc[0].maksdato == ymd(2027, 1, 12));

    // A graded day counts as a whole sick-pay day: a 20 % record gives the same maksdato.
    Builder gr;
    gr.employee("A").sick("A", ymd(2026, 1, 5), std::nullopt, 20);
    CHECK(build_cases(gr.ds, ymd(2026, 3, 1))[0].maksdato == ymd(2027, 1, 1));
}

TEST_CASE("cases: grade_on") {
    Builder b;
    b.employee("A")
        .sick("A", ymd(2026, 1, 5), ymd(2026, 1, 18), 100)
        .sick("A", ymd(2026, 1, 19), ymd(2026, 2, 28), 50)
        .sick("A", ymd(2026, 2, 1), ymd(2026, 2, 3), 60);
    auto cs = build_cases(b.ds, ymd(2026, 3, 1));
    REQUIRE(cs.size() == 1);
    CHECK(grade_on(cs[0], b.ds, ymd(2026, 1, 4)) == 0);
    CHECK(grade_on(cs[0], b.ds, ymd(2026, 1, 10)) == 100);
    CHECK(grade_on(cs[0], b.ds, ymd(2026, 1, 25)) == 50);
    CHECK(grade_on(cs[0], b.ds, ymd(2026, 2, 2)) == 60); // highest of the covering records
    CHECK(grade_on(cs[0], b.ds, ymd(2026, 3, 10)) == 50); // after the end: the record that ended last
}

TEST_CASE("cases: ordering by the employee list, case_on") {
    Builder b;
    b.employee("B").employee("A");
    b.sick("A", ymd(2026, 1, 5), ymd(2026, 1, 9)).sick("B", ymd(2026, 5, 1), ymd(2026, 5, 3));
    b.sick("B", ymd(2026, 1, 1), ymd(2026, 1, 2)).sick("X", ymd(2026, 1, 1), ymd(2026, 1, 1));
    auto cs = build_cases(b.ds, ymd(2026, 6, 1));
    REQUIRE(cs.size() == 4);
    CHECK(cs[0].employee == "B");
    CHECK(cs[0].start == ymd(2026, 1, 1));
    CHECK(cs[1].employee == "B");
    CHECK(cs[1].start == ymd(2026, 5, 1));
    CHECK(cs[2].employee == "A");
    CHECK(cs[3].employee == "X"); // unknown ids come last
    CHECK(case_on(cs, "A", ymd(2026, 1, 7)) == &cs[2]);
    CHECK(case_on(cs, "A", ymd(2026, 1, 10)) == nullptr);
    CHECK(case_on(cs, "B", ymd(2026, 5, 3)) == &cs[1]);
    CHECK(case_on(cs, "C", ymd(2026, 5, 3)) == nullptr);
}

TEST_CASE("cases: properties on generated datasets") {
    // Oracles below walk day by day; the implementation uses interval arithmetic.
    Rng rng{20260105};
    const Date base = ymd(2025, 12, 1);
    for (int round = 0; round < 300; ++round) {
        Builder b;
        const int people = 1 + rng.below(4);
        for (int p = 0; p < people; ++p) b.employee("E" + std::to_string(p));
        const int records = rng.below(12);
        for (int r = 0; r < records; ++r) {
            const Date from = base + rng.below(200);
            const bool open = rng.below(15) == 0;
            const std::optional<Date> to = open ? std::nullopt : std::optional<Date>(from + rng.below(25));
            b.sick("E" + std::to_string(rng.below(people)), from, to, 20 + 10 * rng.below(9),
                   rng.below(2) ? AbsenceKind::sykmelding : AbsenceKind::egenmelding);
        }
        const Date today = base + rng.below(260);
        auto cs = build_cases(b.ds, today);

        // Sick days per employee, an open record counting through max(today, its first day);
        // `covered` lets an open record run on (to a horizon past every record) for the 16-day rule.
        std::map<std::string, std::set<int32_t>> sick, covered;
        for (const Absence& a : b.ds.absences) {
            const Date last = a.to ? *a.to : std::max(today, a.from);
            for (Date d = a.from; d <= last; d += 1) sick[a.employee].insert(d.days);
            for (Date d = a.from; d <= (a.to ? *a.to : base + 400); d += 1) covered[a.employee].insert(d.days);
        }
        std::vector<int> seen(b.ds.absences.size(), 0);
        std::map<std::string, const SicknessCase*> previous;
        for (const SicknessCase& c : cs) {
            for (std::size_t idx : c.absences) ++seen[idx];
            // Every sick day in exactly one case: the cases' day counts add up to the distinct days.
            int in_case = 0;
            for (int32_t d : sick[c.employee]) {
                const bool inside = d >= c.start.days && (!c.end || d <= c.end->days);
                in_case += inside ? 1 : 0;
            }
            CHECK(in_case == c.sick_days);
            CHECK(sick[c.employee].count(c.start.days) == 1);
            // No gap of 16 or more inside a case.
            int32_t prev = c.start.days;
            for (int32_t d : covered[c.employee])
                if (d >= c.start.days && (!c.end || d <= c.end->days)) {
                    CHECK(d - prev - 1 <= 15);
                    prev = d;
                }
            // Cases of one employee are separated by at least 16 non-sick days.
            auto it = previous.find(c.employee);
            if (it != previous.end()) {
                REQUIRE(it->second->end.has_value());
                CHECK(c.start - *it->second->end - 1 >= 16);
            }
            // agp_end and maksdato by walking days, for an employee's first case (a fresh account,
            // no birth year, so no age limit): a day is sick when a record of the case covers it
            // (an open record every later day) or, for a closed case, after its end (projection);
            // a Saturday/Sunday between two sick days counts for the employer period. The period
            // starts on the first sick Monday-Friday and takes 16 sick days; the 248th sick
            // weekday after it is maksdato (ftrl §§ 8-11, 8-12, 8-19).
            if (previous.count(c.employee) == 0) {
                auto covered_by_case = [&](Date d) {
                    if (c.end && d > *c.end) return true;
                    for (std::size_t idx : c.absences) {
                        const Absence& a = b.ds.absences[idx];
                        if (a.from <= d && (!a.to || d <= *a.to)) return true;
                    }
                    return false;
                };
                auto counted = [&](Date d) {
                    if (covered_by_case(d)) return true;
                    if (d.weekday() < 6) return false;
                    Date before = d - 1, after = d + 1; // the nearest sick days around a free weekend
                    while (before.weekday() >= 6 && !covered_by_case(before)) before = before - 1;
                    while (after.weekday() >= 6 && !covered_by_case(after)) after += 1;
                    return before >= c.start && covered_by_case(before) && covered_by_case(after);
                };
                int n16 = 0, n248 = 0;
                std::optional<Date> agp, maks;
                bool started = false;
                for (Date d = c.start; !agp || !maks; d += 1) {
                    if (!counted(d)) continue;
                    if (!started && d.weekday() <= 5) started = true;
                    if (!started) continue;
                    if (!agp) { if (++n16 == 16) agp = d; continue; }
                    if (d.weekday() <= 5 && ++n248 == 248) maks = d;
                }
                CHECK(c.agp_end == *agp);
                CHECK(c.maksdato == *maks);
            }
            previous[c.employee] = &c;
        }
        for (int s : seen) CHECK(s == 1); // every record in exactly one case
    }
}

// Scale, not speed (bench/ measures build_cases): every one of 500 000 records lands in a case.
TEST_CASE("cases: 50 000 employees / 500 000 records: every record is in a case") {
    Rng rng{7};
    Dataset ds;
    const int employees = 50000;
    ds.employees.reserve(employees);
    ds.absences.reserve(employees * 10);
    for (int e = 0; e < employees; ++e) {
        ds.employees.push_back({"E" + std::to_string(e), "", "U1", {{ymd(2020, 1, 1), std::nullopt, 100}}, {}});
        for (int r = 0; r < 10; ++r) {
            const Date from = ymd(2024, 1, 1) + rng.below(700);
            ds.absences.push_back({ds.employees.back().id, AbsenceKind::sykmelding, from,
                                   rng.below(50) ? std::optional<Date>(from + rng.below(40)) : std::nullopt, 100});
        }
    }
    auto cs = build_cases(ds, ymd(2026, 1, 1));
    std::size_t covered = 0;
    for (const SicknessCase& c : cs) covered += c.absences.size();
    CHECK(covered == ds.absences.size());
}
