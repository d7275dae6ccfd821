// Unit tests of stats.hpp: dagsverk, sykefraværsprosent, masking, rounding, quarters, bands.
#include "iadesk/stats.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

using namespace iadesk;

namespace {

using testing::ymd;

Employee emp(const std::string& id, const std::string& unit, std::vector<Employment> employment) {
    return {id, id, unit, std::move(employment), std::nullopt};
}

using testing::egenmelding;
using testing::sykmelding;

// Either kind, for the property test that draws both.
Absence absence(const std::string& e, Date from, std::optional<Date> to, int grade, AbsenceKind kind) {
    return {e, kind, from, to, grade};
}

using testing::Rng; // splitmix64, the same numbers on every platform

// The organisation of the worked example (unit U1), period Mon 30.3 - Sun 12.4.2026: Easter week
// (Maundy Thursday 2.4, Good Friday 3.4) and the week after (Easter Monday 6.4). Working days:
// 30.3, 31.3, 1.4, 7.4, 8.4, 9.4, 10.4 = 7.
Dataset easter_org() {
    Dataset ds;
    ds.units = {{"U1", "Lager"}, {"U2", "Kontor"}, {"U3", "Tom"}};
    const std::optional<Date> open;
    ds.employees.push_back(emp("A", "U1", {{ymd(2020, 1, 1), open, 100}}));
    ds.employees.push_back(emp("B", "U1", {{ymd(2020, 1, 1), open, 60}}));
    ds.employees.push_back(emp("C", "U1", {{ymd(2020, 1, 1), ymd(2026, 4, 5), 80}, {ymd(2026, 4, 6), open, 100}}));
    ds.employees.push_back(emp("D", "U1", {{ymd(2026, 4, 8), open, 100}}));
    ds.employees.push_back(emp("E", "U1", {{ymd(2020, 1, 1), open, 50}}));
    ds.employees.push_back(emp("F", "U1", {{ymd(2020, 1, 1), ymd(2026, 3, 1), 100}})); // left before the period
    ds.absences.push_back(egenmelding("A", ymd(2026, 3, 30), ymd(2026, 4, 1)));
    ds.absences.push_back(sykmelding("B", ymd(2026, 4, 2), ymd(2026, 4, 10), 50));
    ds.absences.push_back(egenmelding("B", ymd(2026, 4, 9), ymd(2026, 4, 10)));
    ds.absences.push_back(sykmelding("C", ymd(2026, 3, 31), ymd(2026, 4, 7)));
    ds.absences.push_back(egenmelding("D", ymd(2026, 4, 6), ymd(2026, 4, 9)));
    ds.absences.push_back(sykmelding("F", ymd(2026, 3, 30), ymd(2026, 4, 10)));
    return ds;
}

} // namespace

TEST_CASE("stats: worked example with part-time staff, Easter week and graded leave (docs/domain.md, Sick-leave statistics)") {
    const Dataset ds = easter_org();
    const StatsResult r = compute_stats(ds, {ymd(2026, 3, 30), ymd(2026, 4, 12)});
    REQUIRE(r.groups.size() == 1);
    const StatsGroup& g = r.groups[0];
    CHECK_FALSE(g.unit.has_value());
    // A 100 %: mulige 7; egenmelding 30.3-1.4 = 3 working days -> 3 egenmeldt.
    // B 60 %: mulige 7 * 0.6 = 4.2. Sykmelding 50 % 2.4-10.4: working days 7.4, 8.4 at 50 %
    //   -> 2 * 0.6 * 0.5 = 0.6; 9.4, 10.4 also under a 100 % egenmelding: highest grade 100 and
    //   legemeldt (a sykmelding covers them) -> 2 * 0.6 * 1.0 = 1.2. B: 1.8 legemeldt.
    //   (2.4, 3.4 and 6.4 are holidays and count nothing.)
    // C 80 % to 5.4, 100 % from 6.4: mulige 3 * 0.8 + 4 * 1.0 = 6.4. Sykmelding 31.3-7.4:
    //   31.3, 1.4 at 0.8 = 1.6; 7.4 at 1.0 = 1.0 -> 2.6 legemeldt.
    // D 100 % from 8.4: mulige 8.4, 9.4, 10.4 = 3. Egenmelding 6.4-9.4: only 8.4, 9.4 are inside
    //   the employment -> 2 egenmeldt.
    // E 50 %: mulige 3.5, no absence.
    // F left 1.3: not employed in the period, counts nothing and is not an employee of it.
    // Sums: mulige 7 + 4.2 + 6.4 + 3 + 3.5 = 24.1; egenmeldt 3 + 2 = 5; legemeldt 1.8 + 2.6 = 4.4;
    // tapte 9.4; 9.4 / 24.1 * 100 = 39.004... -> 39.0.
    CHECK(g.employees == 5);
    CHECK_FALSE(g.masked);
    REQUIRE(g.sums.has_value());
    CHECK(g.sums->mulige == doctest::Approx(24.1));
    CHECK(g.sums->tapte_egenmeldt == doctest::Approx(5.0));
    CHECK(g.sums->tapte_legemeldt == doctest::Approx(4.4));
    CHECK(g.sums->tapte == doctest::Approx(9.4));
    REQUIRE(g.percent.has_value());
    CHECK(*g.percent == doctest::Approx(39.0));
    CHECK(format_percent_nb(*g.percent) == "39,0\xC2\xA0%");

    // One employee through the building block: B alone.
    std::vector<const Absence*> b_abs{&ds.absences[1], &ds.absences[2]};
    const DagsverkSums b = employee_dagsverk(ds.employees[1], b_abs, ymd(2026, 3, 30), ymd(2026, 4, 12));
    CHECK(b.mulige == doctest::Approx(4.2));
    CHECK(b.tapte_legemeldt == doctest::Approx(1.8));
    CHECK(b.tapte_egenmeldt == doctest::Approx(0.0));
}

TEST_CASE("stats: masking below 5 employees, per unit, in the units' order") {
    Dataset ds = easter_org(); // U1 has 5 employees in the period
    const std::optional<Date> open;
    for (const char* id : {"K1", "K2", "K3", "K4"}) ds.employees.push_back(emp(id, "U2", {{ymd(2020, 1, 1), open, 100}}));
    ds.absences.push_back(sykmelding("K1", ymd(2026, 3, 30), ymd(2026, 4, 1)));
    StatsQuery q{ymd(2026, 3, 30), ymd(2026, 4, 12), true};
    StatsResult r = compute_stats(ds, q);
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].unit == "U1");
    CHECK(r.groups[0].employees == 5);
    // U1 is shown enough, but it is the only other unit with people: the organisation minus U1
    // would be U2, so U1 is withheld to protect it (secondary suppression).
    CHECK(r.groups[0].masked);
    CHECK(r.groups[0].reason == MaskReason::protects_small_group);
    CHECK_FALSE(r.groups[0].percent.has_value());
    CHECK(r.groups[1].unit == "U2");
    CHECK(r.groups[1].reason == MaskReason::small_group);
    CHECK(r.groups[1].employees == 4);
    CHECK(r.groups[1].masked); // 4 < 5: skjermet
    CHECK_FALSE(r.groups[1].sums.has_value());
    CHECK_FALSE(r.groups[1].percent.has_value());
    CHECK(r.groups[2].unit == "U3");
    CHECK(r.groups[2].employees == 0);
    CHECK(r.groups[2].masked);

    // A fifth employee in U2 lifts the mask, of U2 and so of U1: mulige 5 * 7 = 35, tapte 3 ->
    // 8.571... -> 8.6.
    ds.employees.push_back(emp("K5", "U2", {{ymd(2020, 1, 1), open, 100}}));
    r = compute_stats(ds, q);
    CHECK_FALSE(r.groups[0].masked);
    CHECK(*r.groups[0].percent == doctest::Approx(39.0));
    CHECK(r.groups[1].employees == 5);
    CHECK_FALSE(r.groups[1].masked);
    REQUIRE(r.groups[1].percent.has_value());
    CHECK(*r.groups[1].percent == doctest::Approx(8.6));

    // The threshold is a query setting.
    q.mask_below = 6;
    CHECK(compute_stats(ds, q).groups[1].masked);
}

TEST_CASE("stats: half-up rounding from unrounded sums") {
    CHECK(round_percent(6.25) == doctest::Approx(6.3));
    CHECK(round_percent(6.249999999) == doctest::Approx(6.2));
    CHECK(round_percent(6.35) == doctest::Approx(6.4));
    CHECK(round_percent(0.05) == doctest::Approx(0.1));
    CHECK(round_percent(0.0) == doctest::Approx(0.0));
    CHECK(round_percent(100.0) == doctest::Approx(100.0));
    // 23 / 80 = 28.75 % exactly, but in binary 23.0 / 80.0 * 100.0 = 28.749999999999996: naive
    // rounding gives 28.7, half up must give 28.8.
    const double x = 23.0 / 80.0 * 100.0;
    CHECK(x < 28.75);
    CHECK(std::floor(x * 10.0 + 0.5) / 10.0 == doctest::Approx(28.7));
    CHECK(round_percent(x) == doctest::Approx(28.8));
    // 6.45 reached through thirds: 1/3 * 100 * 0.1935 = 6.449999999999999 -> 6.5.
    CHECK(round_percent(1.0 / 3.0 * 100.0 * 0.1935) == doctest::Approx(6.5));

    // The same through compute_stats: 5 employees at 100 % over Mon 5.1 - Mon 26.1.2026 = 16 working
    // days -> mulige 80; absences of 15 (5.1-23.1) and 8 (5.1-14.1) working days -> tapte 23.
    Dataset ds;
    ds.units = {{"U1", "U1"}};
    for (const char* id : {"A", "B", "C", "D", "E"}) ds.employees.push_back(emp(id, "U1", {{ymd(2020, 1, 1), std::nullopt, 100}}));
    ds.absences.push_back(sykmelding("A", ymd(2026, 1, 5), ymd(2026, 1, 23)));
    ds.absences.push_back(sykmelding("B", ymd(2026, 1, 5), ymd(2026, 1, 14)));
    const StatsResult r = compute_stats(ds, {ymd(2026, 1, 5), ymd(2026, 1, 26)});
    CHECK(r.groups[0].sums->mulige == doctest::Approx(80.0));
    CHECK(r.groups[0].sums->tapte == doctest::Approx(23.0));
    CHECK(*r.groups[0].percent == doctest::Approx(28.8));
    CHECK(format_percent_nb(*r.groups[0].percent) == "28,8\xC2\xA0%");
}

TEST_CASE("stats: the worked checks of docs/domain.md, IA goals, with one-decimal half-up rounding") {
    // sintef-ia-2013 kap. 5.5: baseline 7.0, target -20 % = 5.6; Q2 2012 at 6.0 is a 14.3 %
    // reduction and 71.4 % of the way to the target. sintef-ia-2013 «Diskusjon og sammendrag»:
    // 7.4 -> 6.5 is a 12.2 % reduction.
    CHECK(7.0 * 0.8 == doctest::Approx(5.6));
    CHECK(round_percent((7.0 - 6.0) / 7.0 * 100.0) == doctest::Approx(14.3));
    CHECK(round_percent((7.0 - 6.0) / (7.0 - 5.6) * 100.0) == doctest::Approx(71.4));
    CHECK(round_percent((7.4 - 6.5) / 7.4 * 100.0) == doctest::Approx(12.2));
    CHECK(format_percent_nb(round_percent((7.4 - 6.5) / 7.4 * 100.0)) == "12,2\xC2\xA0%");
}

TEST_CASE("stats: Norwegian percent format") {
    CHECK(format_percent_nb(6.5) == "6,5\xC2\xA0%");
    CHECK(format_percent_nb(0.0) == "0,0\xC2\xA0%");
    CHECK(format_percent_nb(100.0) == "100,0\xC2\xA0%");
    CHECK(format_percent_nb(round_percent(12.25)) == "12,3\xC2\xA0%");
}

TEST_CASE("stats: quarters") {
    const Quarter q = quarter_of(ymd(2026, 5, 17));
    CHECK(q.year == 2026);
    CHECK(q.q == 2);
    CHECK(q.first() == ymd(2026, 4, 1));
    CHECK(q.last() == ymd(2026, 6, 30));
    CHECK(quarter_of(ymd(2024, 1, 1)).q == 1);
    CHECK(quarter_of(ymd(2024, 3, 31)).q == 1);
    CHECK((Quarter{2024, 1}.last()) == ymd(2024, 3, 31));
    CHECK(quarter_of(ymd(2024, 12, 31)).q == 4);
    CHECK((Quarter{2024, 4}.last()) == ymd(2024, 12, 31));
    CHECK((Quarter{2025, 3}.first()) == ymd(2025, 7, 1));
}

TEST_CASE("stats: NAV duration bands") {
    // 1-7 days, 8-16 days, 17 days-8 weeks (56 days), 8-20 weeks (140), 20-39 weeks (273), over 39.
    CHECK(duration_band(1) == 0);
    CHECK(duration_band(7) == 0);
    CHECK(duration_band(8) == 1);
    CHECK(duration_band(16) == 1);
    CHECK(duration_band(17) == 2);
    CHECK(duration_band(56) == 2);
    CHECK(duration_band(57) == 3);
    CHECK(duration_band(140) == 3);
    CHECK(duration_band(141) == 4);
    CHECK(duration_band(273) == 4);
    CHECK(duration_band(274) == 5);
    CHECK(std::string(duration_band_label_nb(2)) == "17 dager–8 uker");
    CHECK(std::string(duration_band_label_nb(6)).empty());
}

TEST_CASE("stats: properties on generated datasets against a day-by-day oracle") {
    Rng rng{6};
    for (int round = 0; round < 200; ++round) {
        Dataset ds;
        ds.units = {{"U1", "U1"}, {"U2", "U2"}};
        const Date base = ymd(2025, 11, 1);
        const int people = 1 + rng.below(8);
        for (int p = 0; p < people; ++p) {
            std::vector<Employment> jobs;
            Date from = base + rng.below(60) - 30;
            for (int j = 0, n = 1 + rng.below(3); j < n; ++j) {
                const bool last = j == n - 1 && rng.below(2);
                const Date to = from + rng.below(90);
                jobs.push_back({from, last ? std::nullopt : std::optional<Date>(to), 10.0 * (1 + rng.below(10))});
                from = to + 1 + rng.below(10);
                if (last) break;
            }
            ds.employees.push_back(emp("E" + std::to_string(p), rng.below(2) ? "U1" : "U2", jobs));
        }
        for (int r = 0, n = rng.below(15); r < n; ++r) {
            const Date from = base + rng.below(150) - 20;
            const bool open = rng.below(10) == 0;
            const bool sm = rng.below(2) == 1;
            ds.absences.push_back(absence("E" + std::to_string(rng.below(people)), from,
                                          open ? std::nullopt : std::optional<Date>(from + rng.below(30)),
                                          sm ? 20 + 10 * rng.below(9) : 100,
                                          sm ? AbsenceKind::sykmelding : AbsenceKind::egenmelding));
        }
        const Date qf = base + rng.below(40), qt = qf + rng.below(100);

        // Oracle: walk each day of the period.
        double mulige = 0, egen = 0, lege = 0;
        int employed = 0;
        for (const Employee& e : ds.employees) {
            bool any = false;
            for (Date d = qf; d <= qt; d += 1) {
                const double share = position_share_on(e, d);
                any = any || share > 0;
                if (!is_working_day(d) || share == 0) continue;
                mulige += share;
                int grade = 0;
                bool sm = false;
                for (const Absence& a : ds.absences)
                    if (a.employee == e.id && a.from <= d && (!a.to || d <= *a.to)) {
                        grade = std::max(grade, a.grade);
                        sm = sm || a.kind == AbsenceKind::sykmelding;
                    }
                (sm ? lege : egen) += share * grade / 100.0;
            }
            employed += any ? 1 : 0;
        }

        const StatsResult all = compute_stats(ds, {qf, qt, false, 0});
        REQUIRE(all.groups.size() == 1);
        const StatsGroup& g = all.groups[0];
        CHECK(g.employees == employed);
        REQUIRE(g.sums.has_value());
        CHECK(g.sums->mulige == doctest::Approx(mulige));
        CHECK(g.sums->tapte_egenmeldt == doctest::Approx(egen));
        CHECK(g.sums->tapte_legemeldt == doctest::Approx(lege));
        CHECK(g.sums->tapte == doctest::Approx(g.sums->tapte_egenmeldt + g.sums->tapte_legemeldt));
        CHECK(g.sums->tapte <= g.sums->mulige + 1e-9);
        if (g.percent) {
            CHECK(*g.percent >= 0.0);
            CHECK(*g.percent <= 100.0);
        } else {
            CHECK(g.sums->mulige == 0.0);
        }
        // The units add up to the whole organisation.
        const StatsResult units = compute_stats(ds, {qf, qt, true, 0});
        REQUIRE(units.groups.size() == 2);
        CHECK(units.groups[0].sums->mulige + units.groups[1].sums->mulige == doctest::Approx(mulige));
        CHECK(units.groups[0].employees + units.groups[1].employees == employed);
        // Masking at the default threshold follows the largest head-count of a quarter's part of
        // the period (people employed on a day of it), not the people seen over the period.
        int largest = 0;
        for (Date a = qf; a <= qt;) {
            const Date b = std::min(quarter_of(a).last(), qt);
            int heads = 0;
            for (const Employee& e : ds.employees) {
                bool in = false;
                for (Date d = a; d <= b && !in; d += 1) in = position_share_on(e, d) > 0;
                heads += in ? 1 : 0;
            }
            largest = std::max(largest, heads);
            a = b + 1;
        }
        const StatsResult masked = compute_stats(ds, {qf, qt});
        CHECK(masking_headcount(masked.groups[0]) == largest);
        CHECK(masked.groups[0].masked == (largest < 5));
    }
}

// Scale, not speed (bench/ measures compute_stats as stats_4q).
TEST_CASE("stats: 50 000 employees / 500 000 records") {
    Rng rng{11};
    Dataset ds;
    for (int u = 0; u < 500; ++u) ds.units.push_back({"U" + std::to_string(u), ""});
    for (int e = 0; e < 50000; ++e) {
        ds.employees.push_back(emp("E" + std::to_string(e), "U" + std::to_string(rng.below(500)),
                                   {{ymd(2020, 1, 1), std::nullopt, 40.0 + 10 * rng.below(7)}}));
        for (int r = 0; r < 10; ++r) {
            const Date from = ymd(2025, 1, 1) + rng.below(365);
            ds.absences.push_back(sykmelding(ds.employees.back().id, from, from + rng.below(20), 20 + 10 * rng.below(9)));
        }
    }
    const StatsResult r = compute_stats(ds, {ymd(2025, 1, 1), ymd(2025, 12, 31), true});
    CHECK(r.groups.size() == 500);
}
