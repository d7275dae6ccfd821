// Unit tests of dropout.hpp: drop-out (frafall) per year and unit, masked like the sick-leave
// statistics, and the IA goal measured by it. The figures are worked out by hand below.
#include "iadesk/dropout.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/demo.hpp"
#include "iadesk/goals.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk;
using testing::ymd;

namespace {

Dataset fixture() { return testing::load_dataset_file(std::string(IADESK_SOURCE_DIR) + "/tests/fixtures/dataset-v4/dropout.json"); }

int reason(const DropoutCounts& c, EndReason r) { return c.by_reason[static_cast<std::size_t>(r)]; }

} // namespace

// tests/fixtures/dataset-v4/dropout.json, year 2025 (1.1.-31.12.2025):
//   U1 Sykehjem Nord: A1, A2 ongoing; A3 ends 31.03 uføretrygd; A4 ends 30.06 AAP; A5 ends 31.08 annen
//     jobb; A6 ends 30.04 alderspensjon but a new period starts 01.05 (continues: no leaver);
//     A7 ended 31.12.2024 (not employed in 2025: not counted); A8 starts 01.03.2025; A9 ends
//     31.12.2025 utdanning (the last day of the year: a leaver); A10 ends 15.10 without a reason;
//     M1 is in U1 until 30.06.2025, then in U2. D1 ended 31.05.2024 (not counted).
//     Persons: A1 A2 A3 A4 A5 A6 A8 A9 A10 M1 = 10. Leavers: A3 A4 A5 A9 A10 = 5, to benefits A3 A4 = 2.
//     Share = 2 / 10 x 100 = 20,0 %.
//   U2 Sykehjem Sør: M1 (from 01.07), B1-B5 ongoing, B6 ends 30.09 uføretrygd. Persons 7, leavers 1,
//     to benefits 1 (1 / 7 = 14,29 %), but withheld, see below.
//   U3 Kjøkken: C1 ongoing, C2 ends 28.02 AAP. Persons 2 < 5: withheld (small_group). Being the only
//     hidden unit it could be recovered as organisation minus U1 minus U2, so the smallest shown
//     unit with people, U2 (7 < 10), is withheld too (protects_small_group); then the hidden units
//     hold 7 + 2 = 9 >= 5 persons and nothing more is withheld.
//   Organisation: persons = 10 (U1) + 6 (B1-B6; M1 once) + 2 (U3) = 18. Leavers 5 + 1 + 1 = 7: by
//     reason uføretrygd 2 (A3 B6), AAP 2 (A4 C2), alderspensjon 0 (A6 continues), annen jobb 1 (A5),
//     utdanning 1 (A9), annet 0, not given 1 (A10). To benefits 4: 4 / 18 x 100 = 22,22 -> 22,2 %.
TEST_CASE("dropout: the hand-worked year 2025 per unit and for the organisation") {
    const Dataset ds = fixture();
    const DropoutTable t = compute_dropout(ds, 2025);
    CHECK(t.year == 2025);
    const DropoutGroup& org = t.organisation;
    CHECK_FALSE(org.masked);
    CHECK(org.persons == 18);
    REQUIRE(org.counts);
    CHECK(org.counts->left == 7);
    CHECK(reason(*org.counts, EndReason::uforetrygd) == 2);
    CHECK(reason(*org.counts, EndReason::aap) == 2);
    CHECK(reason(*org.counts, EndReason::alderspensjon) == 0);
    CHECK(reason(*org.counts, EndReason::annen_jobb) == 1);
    CHECK(reason(*org.counts, EndReason::utdanning) == 1);
    CHECK(reason(*org.counts, EndReason::annet) == 0);
    CHECK(org.counts->reason_not_given == 1);
    CHECK(org.counts->left_to_benefits == 4);
    CHECK(org.share_to_benefits == doctest::Approx(22.2));

    REQUIRE(t.units.size() == 3);
    const DropoutGroup& u1 = t.units[0];
    CHECK(*u1.unit == "U1");
    CHECK_FALSE(u1.masked);
    CHECK(u1.persons == 10);
    REQUIRE(u1.counts);
    CHECK(u1.counts->left == 5);
    CHECK(u1.counts->left_to_benefits == 2);
    CHECK(u1.share_to_benefits == doctest::Approx(20.0));
}

TEST_CASE("dropout: a unit under 5 persons is masked, and a second unit protects it") {
    const DropoutTable t = compute_dropout(fixture(), 2025);
    const DropoutGroup& u2 = t.units[1];
    const DropoutGroup& u3 = t.units[2];
    CHECK(u3.persons == 2);
    CHECK(u3.masked);
    CHECK(u3.reason == MaskReason::small_group);
    CHECK_FALSE(u3.counts.has_value());
    CHECK_FALSE(u3.share_to_benefits.has_value());
    CHECK(u2.persons == 7);
    CHECK(u2.masked);
    CHECK(u2.reason == MaskReason::protects_small_group);
    CHECK_FALSE(u2.share_to_benefits.has_value());
    // Unmasked (reference only), U2 would show 1 / 7 = 14,29 -> 14,3 %.
    const DropoutTable raw = compute_dropout(fixture(), 2025, 0);
    CHECK_FALSE(raw.units[1].masked);
    CHECK(raw.units[1].share_to_benefits == doctest::Approx(14.3));
}

TEST_CASE("dropout: a period ending with a new one the next day is no leaving") {
    Dataset ds = testing::one_unit_organisation("Fjordvik");
    // Only A6 of the fixture: 01.01.2019-30.04.2025 (alderspensjon), 01.05.2025- (40 %).
    Employee a6 = testing::employed_since("A6", "Asbjørn Hagen", ds.units[0].id, ymd(2019, 1, 1));
    a6.employment = {{ymd(2019, 1, 1), ymd(2025, 4, 30), 100, EndReason::alderspensjon}, {ymd(2025, 5, 1), std::nullopt, 40}};
    ds.employees.push_back(a6);
    const DropoutTable t = compute_dropout(ds, 2025, 0);
    CHECK(t.organisation.persons == 1);
    CHECK(t.organisation.counts->left == 0);
    // With a day between the periods (new period from 02.05) the first ending is a leaving.
    ds.employees[0].employment[1].from = ymd(2025, 5, 2);
    const DropoutTable gap = compute_dropout(ds, 2025, 0);
    CHECK(gap.organisation.counts->left == 1);
    CHECK(reason(*gap.organisation.counts, EndReason::alderspensjon) == 1);
}

TEST_CASE("dropout: the share is rounded half up to one decimal") {
    // 16 persons, 1 left to AAP: 1 / 16 x 100 = 6,25 -> 6,3 (half up; half to even would give 6,2).
    Dataset ds = testing::one_unit_organisation_with_staff("Fjordvik", 16);
    ds.employees[0].employment = {{ymd(2020, 1, 1), ymd(2025, 6, 15), 100, EndReason::aap}};
    const DropoutTable t = compute_dropout(ds, 2025);
    CHECK(t.organisation.persons == 16);
    CHECK(t.organisation.share_to_benefits == doctest::Approx(6.3));
}

// The goal G1 of the fixture: the organisation, baseline 2024, target -20 %, deadline 31.12.2026.
//   2024: persons A1-A7, A9, A10, M1 (U1), B1-B6, D2 (U2), C1, C2 (U3), D1 = 20 (A8 starts 2025).
//   Leavers: A7 (annen jobb), D1 (uføretrygd), D2 (AAP): to benefits 2 / 20 x 100 = 10,0 %.
//   Target 10,0 x (1 - 0,20) = 8,0. Today 07.12.2026: the last complete year is 2025, 22,2 %.
//   Progress (10,0 - 22,2) / (10,0 - 8,0) < 0 -> 0 (never below 0); the line through 2024 and 2025
//   rises, so the projection for 2026 (22,2 + 12,2 = 34,4) gets 0 % of the way: behind.
TEST_CASE("dropout: an IA goal on the share leaving to benefits") {
    const Dataset ds = fixture();
    const GoalsOverview ov = evaluate_goals(ds, ymd(2026, 12, 7));
    REQUIRE(ov.goals.size() == 1);
    const GoalEvaluation& e = ov.goals[0];
    CHECK(e.baseline == doctest::Approx(10.0));
    CHECK(e.target == doctest::Approx(8.0));
    CHECK(e.current == doctest::Approx(22.2));
    REQUIRE(e.current_period);
    CHECK(*e.current_period == GoalPeriod{2025, 0});
    CHECK(e.progress == doctest::Approx(0.0));
    REQUIRE(e.series.size() == 2);
    CHECK(e.series[0].period == GoalPeriod{2024, 0});
    CHECK(e.series[1].value == doctest::Approx(22.2));
    REQUIRE(e.projection);
    CHECK(e.projection->value == doctest::Approx(34.4));
    CHECK(e.status == GoalStatus::behind);
}

TEST_CASE("dropout: a goal on a withheld unit shows no figure") {
    Dataset ds = fixture();
    ds.goals[0].units = {"U3"};
    const GoalsOverview ov = evaluate_goals(ds, ymd(2026, 12, 7));
    const GoalEvaluation& e = ov.goals[0];
    CHECK_FALSE(e.current.has_value());
    CHECK(e.masked);
    CHECK(e.mask_reason == MaskReason::small_group);
    CHECK(e.status == GoalStatus::unknown);
}

TEST_CASE("dropout: the demo's ended employments carry end reasons, so the Frafall table is not empty") {
    const Date today = ymd(2026, 11, 24);
    const Dataset demo = make_demo_dataset(today);
    int with_reason = 0;
    for (const Employee& e : demo.employees)
        for (const Employment& m : e.employment) with_reason += m.end_reason.has_value();
    CHECK(with_reason > 0);
    const DropoutTable t = compute_dropout(demo, 2025);
    REQUIRE(t.organisation.counts);
    MESSAGE("demo 2025: " << t.organisation.persons << " persons, " << t.organisation.counts->left << " left, "
                          << t.organisation.counts->left_to_benefits << " to benefits");
    CHECK(t.organisation.counts->left > 0);
    CHECK(t.organisation.counts->reason_not_given < t.organisation.counts->left);
    CHECK(validate_dataset(demo).empty()); // every reason sits on a period with an end date
}
