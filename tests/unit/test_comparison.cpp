// Comparison with the bransje, the sector and the country (benchmarks.hpp; docs/domain.md
// "Comparison with the bransje"). Every expected number is worked out by hand in the comment
// above its check, from NAV's rule (navikt/sykefravarsstatistikk vurdering-utils.ts).
#include "iadesk/benchmarks.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk;

namespace {

Date d(int y, int m, int day) { return Date::from_ymd(y, m, day); }

// `n` employees at 100 % from 2020 on; E1 sykmeldt 100 % from `sick_from` to `sick_to`.
Dataset barnehage(int n, Date employed_from, std::optional<Date> sick_from, Date sick_to) {
    Dataset ds;
    ds.organisation.name = "Solsikken barnehage AS";
    ds.organisation.orgnr = "940123453";
    ds.organisation.naeringskode = "88.911";
    ds.organisation.sector = Sector::privat;
    ds.organisation.bransjeprogram = Bransjeprogram::barnehager;
    ds.units.push_back({"U1", "Blåbær", std::nullopt});
    for (int i = 1; i <= n; ++i) {
        Employee e;
        e.id = "E" + std::to_string(i);
        e.name = "Ansatt " + std::to_string(i);
        e.unit = "U1";
        e.employment.push_back({employed_from, std::nullopt, 100.0});
        ds.employees.push_back(e);
    }
    if (sick_from) ds.absences.push_back({"E1", AbsenceKind::sykmelding, *sick_from, sick_to, 100});
    return ds;
}

BenchmarkFigure fig(BenchmarkCategory c, std::string code, int y, int q, double p) {
    BenchmarkFigure f;
    f.category = c;
    f.code = std::move(code);
    f.year = y;
    f.quarter = q;
    f.percent = p;
    f.source = "test";
    return f;
}

// Bransje barnehager 2023K3..2024K2: 10,0 11,0 12,0 11,0; the country 2023K3..2024K2 (KS, SSB):
// 4,8 6,0 6,2 5,9.
BenchmarkTable test_table() {
    BenchmarkTable t;
    t.source = "test";
    const double b[] = {10.0, 11.0, 12.0, 11.0};
    const double l[] = {4.8, 6.0, 6.2, 5.9};
    Quarter q{2023, 3};
    for (int i = 0; i < 4; ++i, q = q.plus(1)) {
        t.figures.push_back(fig(BenchmarkCategory::bransje, "barnehager", q.year, q.q, b[i]));
        t.figures.push_back(fig(BenchmarkCategory::land, "", q.year, q.q, l[i]));
    }
    return t;
}

} // namespace

TEST_CASE("comparison: NAV's rule, OVER above bransje x 1.1, UNDER below x 0.9, MIDDELS between") {
    // Bransje 3,6: the red limit 3,6 x 1,1 = 3,96, the green 3,6 x 0,9 = 3,24.
    CHECK(judge_against_bransje(4.0, 3.6) == Verdict::over);
    CHECK(judge_against_bransje(3.9, 3.6) == Verdict::middels);
    CHECK(judge_against_bransje(3.3, 3.6) == Verdict::middels);
    CHECK(judge_against_bransje(3.2, 3.6) == Verdict::under);
    // On the limits (bransje 5,0: 5,5 and 4,5) it is MIDDELS: NAV's tests are strict > and <.
    CHECK(judge_against_bransje(5.5, 5.0) == Verdict::middels);
    CHECK(judge_against_bransje(4.5, 5.0) == Verdict::middels);
    CHECK(judge_against_bransje(5.6, 5.0) == Verdict::over);
    CHECK(judge_against_bransje(4.4, 5.0) == Verdict::under);
    CHECK(verdict_id(Verdict::incomplete) == "UFULLSTENDIG");
}

TEST_CASE("comparison: the bransje's four quarters are the mean of its quarterly percents, all four needed") {
    BenchmarkFigure a = fig(BenchmarkCategory::land, "", 2024, 1, 3.5), b = a, c = a, e = a;
    b.percent = 3.8;
    c.percent = 3.4;
    e.percent = 3.7;
    // (3,5 + 3,8 + 3,4 + 3,7) / 4 = 14,4 / 4 = 3,6.
    CHECK(four_quarter_mean({&a, &b, &c, &e}) == doctest::Approx(3.6));
    CHECK_FALSE(four_quarter_mean({&a, &b, nullptr, &e}).has_value());
    CHECK_FALSE(four_quarter_mean({&a, &b, &c}).has_value());
}

TEST_CASE("comparison: one of five sykmeldt all four quarters is 20,0 % against the bransje's 11,0: OVER") {
    // Five at 100 % with the same working days; E1 away 100 % 01.07.2023-30.06.2024, i.e. all of
    // 2023K3..2024K2: tapte = E1's mulige, so 1/5 = 20,0 % in every quarter and over the four.
    // Bransje (10 + 11 + 12 + 11) / 4 = 11,0; 11,0 x 1,1 = 12,1 < 20,0: OVER.
    const Dataset ds = barnehage(5, d(2020, 1, 1), d(2023, 7, 1), d(2024, 6, 30));
    const BenchmarkTable t = test_table();
    const Comparison c = compare_with_benchmarks(ds, t, Quarter{2024, 2});
    REQUIRE(c.rows.size() == 4);
    CHECK(c.rows.front().quarter.year == 2023);
    CHECK(c.rows.front().quarter.q == 3);
    for (const ComparisonRow& r : c.rows) {
        CHECK(r.organisation == doctest::Approx(20.0));
        CHECK(r.bransje != nullptr);
        CHECK(r.land != nullptr);
        CHECK(r.sector == nullptr); // no figures for privat in the test table
    }
    CHECK(c.rows[2].bransje->percent == doctest::Approx(12.0));
    CHECK(c.organisation_quarters == 4);
    CHECK(c.organisation == doctest::Approx(20.0));
    CHECK(c.bransje == doctest::Approx(11.0));
    // The country: (4,8 + 6,0 + 6,2 + 5,9) / 4 = 22,9 / 4 = 5,725 -> 5,7.
    CHECK(c.land == doctest::Approx(5.7));
    CHECK_FALSE(c.sector.has_value());
    CHECK(c.verdict == Verdict::over);
}

TEST_CASE("comparison: masked below 5 persons, incomplete with fewer than four quarters, none without a bransje") {
    const BenchmarkTable t = test_table();
    // Four persons: NAV withholds the figure (fewer than 5), so no verdict either.
    const Comparison four = compare_with_benchmarks(barnehage(4, d(2020, 1, 1), d(2023, 7, 1), d(2024, 6, 30)), t, Quarter{2024, 2});
    CHECK(four.verdict == Verdict::masked);
    CHECK_FALSE(four.organisation.has_value());
    for (const ComparisonRow& r : four.rows) {
        CHECK(r.organisation_masked);
        CHECK_FALSE(r.organisation.has_value());
    }
    // Employed from 01.01.2024: only 2024K1 and 2024K2 have mulige dagsverk.
    const Comparison young = compare_with_benchmarks(barnehage(5, d(2024, 1, 1), std::nullopt, d(2024, 1, 1)), t, Quarter{2024, 2});
    CHECK(young.organisation_quarters == 2);
    CHECK(young.verdict == Verdict::incomplete);
    CHECK_FALSE(young.organisation.has_value());
    CHECK(young.rows[3].organisation == doctest::Approx(0.0));
    // The bransje's figure for 2023K4 missing: its four-quarter figure cannot be made.
    BenchmarkTable gap = t;
    std::erase_if(gap.figures, [](const BenchmarkFigure& f) { return f.category == BenchmarkCategory::bransje && f.year == 2023 && f.quarter == 4; });
    const Dataset full = barnehage(5, d(2020, 1, 1), d(2023, 7, 1), d(2024, 6, 30));
    CHECK(compare_with_benchmarks(full, gap, Quarter{2024, 2}).verdict == Verdict::incomplete);
    // No bransjeprogram: the columns for the country still come, the verdict does not.
    Dataset none = full;
    none.organisation.bransjeprogram = Bransjeprogram::none;
    const Comparison nb = compare_with_benchmarks(none, t, Quarter{2024, 2});
    CHECK(nb.verdict == Verdict::no_bransje);
    CHECK(nb.land == doctest::Approx(5.7));
    CHECK(nb.rows[0].bransje == nullptr);
}

TEST_CASE("comparison: the measure counts legemeldt only, or egen- og legemeldt") {
    // E1 has an egenmelding over all of 2024K2's first three days and no sykmelding: legemeldt 0,0.
    Dataset ds = barnehage(5, d(2020, 1, 1), std::nullopt, d(2020, 1, 1));
    ds.absences.push_back({"E1", AbsenceKind::egenmelding, d(2024, 4, 2), d(2024, 4, 4), 100});
    const BenchmarkTable t = test_table();
    const Comparison leg = compare_with_benchmarks(ds, t, Quarter{2024, 2}, SickLeaveMeasure::legemeldt);
    CHECK(leg.rows[3].organisation == doctest::Approx(0.0));
    const Comparison all = compare_with_benchmarks(ds, t, Quarter{2024, 2}, SickLeaveMeasure::total);
    REQUIRE(all.rows[3].organisation.has_value());
    CHECK(*all.rows[3].organisation > 0.0);
    CHECK(all.rows[3].land == nullptr); // the test table has legemeldt figures only
}

TEST_CASE("comparison: NAV's bransje of a næringskode in SN2007 and SN2025 (navikt/ia-felles)") {
    CHECK(bransjeprogram_for_code("88.911", IndustryStandard::sn2007) == Bransjeprogram::barnehager);
    CHECK(bransjeprogram_for_code("85.100", IndustryStandard::sn2025) == Bransjeprogram::barnehager);
    CHECK(bransjeprogram_for_code("85.100", IndustryStandard::sn2007) == Bransjeprogram::none);
    CHECK(bransjeprogram_for_code("10.130", IndustryStandard::sn2007) == Bransjeprogram::naeringsmiddelindustri);
    CHECK(bransjeprogram_for_code("41.200", IndustryStandard::sn2007) == Bransjeprogram::bygg);
    CHECK(bransjeprogram_for_code("42.110", IndustryStandard::sn2025) == Bransjeprogram::anlegg);
    CHECK(bransjeprogram_for_code("87.102", IndustryStandard::sn2007) == Bransjeprogram::sykehjem);
    CHECK(bransjeprogram_for_code("87.106", IndustryStandard::sn2007) == Bransjeprogram::none);
    CHECK(bransjeprogram_for_code("87.106", IndustryStandard::sn2025) == Bransjeprogram::sykehjem);
    CHECK(bransjeprogram_for_code("86.105", IndustryStandard::sn2007) == Bransjeprogram::sykehus);
    CHECK(bransjeprogram_for_code("49.100", IndustryStandard::sn2007) == Bransjeprogram::transport);
    CHECK(bransjeprogram_for_code("88911", IndustryStandard::sn2007) == Bransjeprogram::none);
    CHECK(is_valid_naeringskode("01.110"));
    CHECK_FALSE(is_valid_naeringskode("1.110"));
    CHECK_FALSE(is_valid_naeringskode("01,110"));
    CHECK_FALSE(is_valid_naeringskode("01.1100"));
}
