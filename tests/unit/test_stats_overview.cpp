// Unit tests of NAV's comparable figure (stats.hpp nav_four_quarters_query) and of the statistics
// screen's figures (stats_overview.hpp): the organisation row, the roles, and half-up rounding
// of a x,x5 value. Expected values are worked out by hand in the comments.
#include "iadesk/stats_overview.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

Employee emp(const std::string& id, const std::string& unit) {
    return {id, id, unit, {{ymd(2020, 1, 1), std::nullopt, 100}}, std::nullopt};
}

Absence absence(const std::string& e, Date from, Date to, int grade, AbsenceKind kind = AbsenceKind::sykmelding) {
    return {e, kind, from, to, grade};
}

} // namespace

TEST_CASE("stats: NAV's figure is legemeldt over the last four complete quarters, beside all absence") {
    // The last complete quarter on 24.11.2026 is Q3 2026: the four quarters Q4 2025 - Q3 2026,
    // 01.10.2025-30.09.2026. On 30.09.2026 Q3 is not over yet (Q3 2025 - Q2 2026); on 01.10.2026
    // it is.
    StatsQuery q = nav_four_quarters_query(ymd(2026, 11, 24), false, false);
    CHECK(q.from == ymd(2025, 10, 1));
    CHECK(q.to == ymd(2026, 9, 30));
    CHECK(nav_four_quarters_query(ymd(2026, 9, 30), false, false).from == ymd(2025, 7, 1));
    CHECK(nav_four_quarters_query(ymd(2026, 9, 30), false, false).to == ymd(2026, 6, 30));
    CHECK(nav_four_quarters_query(ymd(2026, 10, 1), false, false).to == ymd(2026, 9, 30));
    CHECK(latest_complete_quarter(ymd(2026, 1, 15)).year == 2025);
    CHECK(latest_complete_quarter(ymd(2026, 1, 15)).q == 4);

    // Five employees at 100 % all along. Working days: Q4 2025 64 (less 25.12, 26.12), Q1 2026 63
    // (less 1.1), Q2 2026 59 (less 2.4, 3.4, 6.4, 1.5, 14.5, 25.5), Q3 2026 66 = 252; mulige
    // 5 x 252 = 1260.
    //   E1 sykmelding 100 % Mon 02.03-Fri 13.03.2026: 10 days legemeldt.
    //   E2 sykmelding 50 % Mon 05.01-Fri 16.01.2026: 10 days x 0,5 = 5 legemeldt.
    //   E3 egenmelding Tue 01.09-Thu 03.09.2026: 3 egenmeldt (not in NAV's figure).
    //   E4 sykmelding 29.09-03.10.2025: only Wed 01.10-Fri 03.10 are inside: 3 legemeldt.
    //   E5 sykmelding 02.11-06.11.2026: Q4 2026 is not complete: outside.
    // Legemeldt 18 / 1260 = 1,43 % -> 1,4 (NAV's figure); all absence 21 / 1260 = 1,67 % -> 1,7.
    Dataset ds;
    ds.organisation = {"Testkommune", "940123453", true, false};
    ds.units = {{"U1", "Enhet 1"}};
    for (const char* id : {"E1", "E2", "E3", "E4", "E5"}) ds.employees.push_back(emp(id, "U1"));
    ds.absences = {absence("E1", ymd(2026, 3, 2), ymd(2026, 3, 13), 100),
                   absence("E2", ymd(2026, 1, 5), ymd(2026, 1, 16), 50),
                   absence("E3", ymd(2026, 9, 1), ymd(2026, 9, 3), 100, AbsenceKind::egenmelding),
                   absence("E4", ymd(2025, 9, 29), ymd(2025, 10, 3), 100),
                   absence("E5", ymd(2026, 11, 2), ymd(2026, 11, 6), 100)};
    const StatsResult r = compute_stats(ds, q);
    REQUIRE(r.groups.size() == 1);
    const StatsGroup& g = r.groups[0];
    CHECK(g.quarter_heads == std::vector<int>{5, 5, 5, 5});
    REQUIRE(g.sums);
    CHECK(g.sums->mulige == doctest::Approx(1260));
    CHECK(g.sums->tapte_legemeldt == doctest::Approx(18));
    CHECK(g.sums->tapte_egenmeldt == doctest::Approx(3));
    CHECK(*g.percent_legemeldt == doctest::Approx(1.4));
    CHECK(*g.percent == doctest::Approx(1.7));
    CHECK(*g.percent_egenmeldt == doctest::Approx(0.2)); // 3 / 1260 = 0,238 -> 0,2

    // The same through the statistics screen for 2026 on 24.11.2026.
    const StatsOverview ov = statistics_overview(ds, 2026, ymd(2026, 11, 24), Role::hr());
    CHECK(ov.nav_first.year == 2025);
    CHECK(ov.nav_first.q == 4);
    CHECK(ov.nav_last.year == 2026);
    CHECK(ov.nav_last.q == 3);
    REQUIRE(ov.rows.size() == 2);
    CHECK(ov.rows[0].nav_legemeldt.state == StatsCell::State::value);
    CHECK(ov.rows[0].nav_legemeldt.value == doctest::Approx(1.4));
    CHECK(ov.rows[0].nav_total.value == doctest::Approx(1.7));
    // An earlier year: its own four quarters. 2025 has only E4's sykmelding: Mon 29.09 and Tue
    // 30.09 (Q3) and 01.10-03.10 (Q4) = 5 days -> 5 / (5 x 252) = 0,40 % -> 0,4.
    const StatsOverview y2025 = statistics_overview(ds, 2025, ymd(2026, 11, 24), Role::hr());
    CHECK(y2025.nav_first.year == 2025);
    CHECK(y2025.nav_first.q == 1);
    CHECK(y2025.nav_last.q == 4);
    CHECK(y2025.rows[0].nav_legemeldt.value == doctest::Approx(0.4));
}

TEST_CASE("stats overview: the organisation row, the roles, and 6,25 shown as 6,3") {
    // Today Thu 15.01.2026: Q1 2026 runs 01.01-15.01 = 10 working days (1.1 is a holiday: 2.1,
    // 5.1-9.1, 12.1-15.1). U1 has 8 employees, U2 2, all at 100 %: mulige 10 x 10 = 100.
    //   E1 (U1) sykmelding 100 % 05.01-09.01: 5 days; F1 (U2) sykmelding 25 % 05.01-09.01: 1,25.
    // Organisation: 6,25 / 100 = 6,25 % -> 6,3 half up (a binary %.1f would print 6,2); legemeldt
    // the same, egenmeldt 0,0. Q1 2025 (63 days, no absence) is 0,0: trend +6,3 points.
    // U2 (2) is small; U1 is then the only other unit: withheld to protect U2.
    // NAV's figure on 15.01.2026: the four quarters of 2025, no absence: 0,0 and 0,0.
    Dataset ds;
    ds.organisation = {"Testkommune", "940123453", true, false};
    ds.units = {{"U1", "Sykehjem"}, {"U2", "Barnehage"}};
    for (int i = 1; i <= 8; ++i) ds.employees.push_back(emp("E" + std::to_string(i), "U1"));
    for (int i = 1; i <= 2; ++i) ds.employees.push_back(emp("F" + std::to_string(i), "U2"));
    ds.absences = {absence("E1", ymd(2026, 1, 5), ymd(2026, 1, 9), 100), absence("F1", ymd(2026, 1, 5), ymd(2026, 1, 9), 25)};
    const Date today = ymd(2026, 1, 15);

    const StatsOverview ov = statistics_overview(ds, 2026, today, Role::tillitsvalgt());
    CHECK(ov.latest_quarter == 1);
    REQUIRE(ov.rows.size() == 3);
    const StatsRow& org = ov.rows[0];
    CHECK_FALSE(org.unit);
    CHECK(org.name == "Testkommune");
    REQUIRE(org.quarters[0].state == StatsCell::State::value);
    CHECK(format_percent(org.quarters[0].value, true) == "6,3 %");
    CHECK(format_percent(org.quarters[0].value, false) == "6.3 %");
    for (int q = 1; q < 4; ++q) CHECK(org.quarters[static_cast<std::size_t>(q)].state == StatsCell::State::no_data);
    CHECK(format_percent(org.legemeldt.value, true) == "6,3 %");
    CHECK(format_percent(org.egenmeldt.value, true) == "0,0 %");
    REQUIRE(org.trend.state == StatsCell::State::value);
    CHECK(org.trend.value == doctest::Approx(6.3));
    CHECK(org.nav_legemeldt.value == doctest::Approx(0.0));
    CHECK(org.nav_total.value == doctest::Approx(0.0));
    CHECK(ov.nav_first.year == 2025);
    CHECK(ov.nav_first.q == 1);

    const StatsRow& u1 = ov.rows[1];
    CHECK(u1.name == "Sykehjem");
    CHECK(u1.quarters[0].state == StatsCell::State::masked);
    CHECK(u1.quarters[0].reason == MaskReason::protects_small_group);
    CHECK(u1.legemeldt.state == StatsCell::State::masked);
    const StatsRow& u2 = ov.rows[2];
    CHECK(u2.quarters[0].state == StatsCell::State::masked);
    CHECK(u2.quarters[0].reason == MaskReason::small_group);

    // The CSV export of the screen holds the organisation and both units, protected.
    REQUIRE(ov.latest.groups.size() == 3);
    CHECK(ov.latest.groups[0].percent.has_value());
    CHECK(ov.latest.groups[1].masked);
    CHECK(ov.latest.groups[2].masked);

    // A manager of U1 sees the own unit only, withheld and saying why; of U2 nothing (small).
    const StatsOverview m1 = statistics_overview(ds, 2026, today, Role::manager("U1"));
    REQUIRE(m1.rows.size() == 1);
    CHECK(m1.rows[0].unit == "U1");
    CHECK(m1.rows[0].quarters[0].reason == MaskReason::protects_small_group);
    const StatsOverview m2 = statistics_overview(ds, 2026, today, Role::manager("U2"));
    REQUIRE(m2.rows.size() == 1);
    CHECK(m2.rows[0].quarters[0].state == StatsCell::State::not_visible);
    CHECK(statistics_overview(ds, 2026, today, Role::employee_of("E1")).rows.empty());
}

TEST_CASE("stats: percent text half up with decimal comma") {
    CHECK(format_percent(round_percent(6.25), true) == "6,3 %");
    CHECK(format_percent(round_percent(6.249999999), true) == "6,2 %");
    CHECK(format_percent(round_percent(23.0 / 80.0 * 100.0), true) == "28,8 %"); // 28,75 in decimal, 28,7499... in binary
    CHECK(format_percent(0.0, true) == "0,0 %");
    CHECK(format_percent(-1.2, true) == "-1,2 %");
    CHECK(format_percent(100.0, false) == "100.0 %");
}
