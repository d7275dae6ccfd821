// Unit tests of goals.hpp: the worked checks (sintef-ia-2013 kap. 5.5), the projection, seasonality,
// masking and roles, verifiability flags, activity goals, the meeting count against good practice, the
// agreements as data, and the report golden files (tests/golden/goals_*.html; regenerate with
// IADESK_UPDATE_GOLDEN=1).
#include "iadesk/dataset.hpp"
#include "test_util.hpp"
#include "iadesk/goals.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace iadesk;

namespace {

using testing::ymd;

const std::string kSource = IADESK_SOURCE_DIR;

Dataset fixture() { return testing::load_dataset_file(kSource + "/tests/fixtures/goals/goals.json"); }

// The fixture has Sykehjem Nord (U1, 50) and Barnehage Sol (U2, 3): U1 is the only other unit,
// so it is withheld to protect U2 (stats.hpp secondary suppression). With a third unit of 6
// (U3, no absence) U3 is the smallest shown unit and protects U2, and U1's figures show.
Dataset fixture_with_third_unit() {
    Dataset ds = fixture();
    ds.units.push_back({"U3", "Kjøkken"});
    for (int i = 1; i <= 6; ++i)
        ds.employees.push_back({"K" + std::to_string(i), "Kokk", "U3", {{ymd(2020, 1, 1), std::nullopt, 100}}, std::nullopt});
    return ds;
}

// `n` employees of unit U1 employed since 2020, 100 %.
Dataset org(int n, const std::string& unit = "U1") {
    Dataset ds;
    ds.organisation = {"Test", "940123453", true, false};
    ds.units.push_back({unit, "Enhet"});
    for (int i = 0; i < n; ++i)
        ds.employees.push_back({"E" + std::to_string(i + 1), "Ansatt", unit, {{ymd(2020, 1, 1), std::nullopt, 100}}, std::nullopt});
    return ds;
}

Goal result_goal(std::string id = "G1") {
    Goal g;
    g.id = std::move(id);
    g.kind = GoalKind::result;
    g.area = "ia2010.delmal1";
    g.title = "Ned 20 %";
    g.units = {"U1"};
    g.baseline_period = GoalPeriod{2025, 2};
    g.target_change = -20;
    g.deadline = ymd(2027, 6, 30);
    return g;
}

// A result goal on a figure recorded by hand (GoalMetric::recorded), not one computed from absence.
Goal recorded_goal(std::string id, std::string area, std::string title, std::string metric_name, bool higher_is_better) {
    Goal g;
    g.id = std::move(id);
    g.kind = GoalKind::result;
    g.area = std::move(area);
    g.title = std::move(title);
    g.metric = GoalMetric::recorded;
    g.metric_name = std::move(metric_name);
    g.higher_is_better = higher_is_better;
    return g;
}

// `goal` evaluated alone, in an organisation of one, on 24.11.2026.
GoalEvaluation evaluated_alone(const Goal& goal) {
    Dataset ds = org(1);
    ds.goals.push_back(goal);
    return evaluate_goals(ds, ymd(2026, 11, 24)).goals.at(0);
}

const GoalEvaluation& eval_of(const GoalsOverview& ov, const std::string& id) {
    return testing::element_with(ov.goals, id, [](const GoalEvaluation& e) { return e.goal->id; }, "goal");
}

} // namespace

TEST_CASE("goals: the worked check 7,0 -> 5,6 at 6,0 is 71,4 % of the way and 14,3 % reduction (sintef-ia-2013 kap. 5.5)") {
    auto p = result_progress(7.0, 5.6, 6.0);
    REQUIRE(p);
    CHECK(round_percent(*p * 100) == doctest::Approx(71.4));
    auto r = relative_reduction(7.0, 6.0);
    REQUIRE(r);
    CHECK(round_percent(*r * 100) == doctest::Approx(14.3));
    // The annual check (sintef-ia-2013 «Diskusjon og sammendrag»): 7,4 -> 6,5 is 12,2 %.
    CHECK(round_percent(*relative_reduction(7.4, 6.5) * 100) == doctest::Approx(12.2));
    // -20 % of 7,0 is 5,6.
    Goal g = result_goal();
    CHECK(*goal_target(g, 7.0) == doctest::Approx(5.6));
    // Never below 0; past the target above 1; a rising metric mirrors.
    CHECK(*result_progress(7.0, 5.6, 7.5) == 0.0);
    CHECK(*result_progress(7.0, 5.6, 5.0) == doctest::Approx(1.428571).epsilon(1e-5));
    CHECK(*result_progress(40, 55, 47) == doctest::Approx(7.0 / 15));
    CHECK_FALSE(result_progress(5, 5, 4));
}

TEST_CASE("goals: the sick-leave metric from the data, compared on the same quarter (seasonality, sintef-ia-2013 kap. 5.5)") {
    // Fixture: Sykehjem Nord has 50 employees; Q2 2025 loses 3,5 of 50 -> 7,0 %; Q2 2026 3 of 50 -> 6,0 %;
    // Q3 2026 (the latest complete quarter on 24.11.2026) only 2 of 50 -> 4,0 %.
    Dataset ds = fixture_with_third_unit();
    GoalsOverview ov = evaluate_goals(ds, ymd(2026, 11, 24));
    CHECK(ov.last_complete_quarter == GoalPeriod{2026, 3});
    const GoalEvaluation& e = eval_of(ov, "G1");
    REQUIRE(e.baseline);
    CHECK(*e.baseline == doctest::Approx(7.0));
    CHECK(*e.target == doctest::Approx(5.6));
    REQUIRE(e.current);
    CHECK(*e.current == doctest::Approx(6.0)); // Q2 2026, not Q3 2026's 4,0 (which would count as reached)
    CHECK(*e.current_period == GoalPeriod{2026, 2});
    CHECK(round_percent(*e.progress * 100) == doctest::Approx(71.4));
    CHECK(round_percent(*e.reduction * 100) == doctest::Approx(14.3));
    CHECK(e.status != GoalStatus::reached);
    // The series shows Q3 2026 at 4,0.
    REQUIRE(!e.series.empty());
    CHECK(e.series.back().period == GoalPeriod{2026, 3});
    CHECK(*e.series.back().value == doctest::Approx(4.0));
    // On 01.07.2026 the latest complete quarter is Q2 2026 itself.
    GoalsOverview early = evaluate_goals(ds, ymd(2026, 7, 1));
    CHECK(*eval_of(early, "G1").current_period == GoalPeriod{2026, 2});
    // On 30.06.2026 Q2 2026 is not complete: no comparable quarter yet.
    GoalsOverview before = evaluate_goals(ds, ymd(2026, 6, 30));
    CHECK_FALSE(eval_of(before, "G1").current);
    CHECK(eval_of(before, "G1").status == GoalStatus::unknown);
}

TEST_CASE("goals: an annual baseline is compared with the last four complete quarters") {
    Dataset ds = org(10);
    // One of ten absent all of 2025 -> 10,0 %; from 2026 nobody.
    ds.absences.push_back({"E1", AbsenceKind::sykmelding, ymd(2025, 1, 1), ymd(2025, 12, 31), 100});
    Goal g = result_goal();
    g.baseline_period = GoalPeriod{2025, 0};
    g.target_change.reset();
    g.target_value = 8.0;
    ds.goals.push_back(g);
    GoalsOverview ov = evaluate_goals(ds, ymd(2026, 11, 24));
    const GoalEvaluation& e = ov.goals[0];
    CHECK(*e.baseline == doctest::Approx(10.0));
    CHECK(e.current_rolling);
    CHECK(*e.current_period == GoalPeriod{2026, 3});
    // Q4 2025 .. Q3 2026: only Q4 2025 has the absence: 1 of 10 for a quarter of the year's days.
    REQUIRE(e.current);
    CHECK(*e.current < 4.0);
    CHECK(e.status == GoalStatus::reached);
}

TEST_CASE("goals: projection by least squares to the deadline, and the status it gives") {
    // A recorded metric (share over 62 still working, higher is better): 40, 44, 47 in 2023-2025 ->
    // slope 3,5 a year = 0,875 a quarter; from 2025 (47) to 2027 is 8 quarters -> 54,0.
    Goal g = recorded_goal("G3", "ia2010.delmal3b", "Over 62", "Andel over 62 i arbeid", true);
    g.values = {{{2023, 0}, 40}, {{2024, 0}, 44}, {{2025, 0}, 47}};
    g.baseline_period = GoalPeriod{2023, 0};
    g.deadline = ymd(2027, 12, 31);
    auto line = fit_line({{0, 40}, {4, 44}, {8, 47}});
    REQUIRE(line);
    CHECK(line->slope == doctest::Approx(0.875));

    auto status_for = [&](double target) {
        Goal h = g;
        h.target_value = target;
        GoalEvaluation e = evaluated_alone(h);
        return std::make_pair(e.status, e);
    };
    auto [s54, e54] = status_for(54.0);
    CHECK(s54 == GoalStatus::on_track); // the projection reaches 54,0
    REQUIRE(e54.projection);
    CHECK(e54.projection->value == doctest::Approx(54.0));
    CHECK(e54.projection->final_period == GoalPeriod{2027, 0});
    CHECK(status_for(55.0).first == GoalStatus::at_risk);  // 14 of 15 = 93 % of the way
    CHECK(status_for(70.0).first == GoalStatus::behind);   // 14 of 30 < 50 %
    CHECK(status_for(46.0).first == GoalStatus::reached);  // already past
    // Deadline passed without reaching the target: behind.
    Dataset ds = org(1);
    Goal late = g;
    late.target_value = 60;
    late.deadline = ymd(2026, 6, 30);
    ds.goals.push_back(late);
    CHECK(evaluate_goals(ds, ymd(2026, 11, 24)).goals[0].status == GoalStatus::behind);
}

TEST_CASE("goals: a target the baseline already meets is a limit to stay within, never a share of a way") {
    // "Under 8 %" for a lower-is-better figure recorded by hand: 4,0 in 2024, 21,8 in 2025.
    // Worked by hand: 8,0 >= 4,0, so the baseline already meets the target: a limit goal. The old
    // formula gave (4,0 - 21,8) / (4,0 - 8,0) = 445 % of the way and "risiko". Now: no progress;
    // 21,8 > 8,0 is outside the limit; the line through (2024, 4,0) and (2025, 21,8) rises 17,8 a
    // year = 4,45 a quarter, so 2027 projects to 21,8 + 8 x 4,45 = 57,4: also outside -> "etter".
    Goal g = recorded_goal("L1", "ia2010.delmal1", "Under 8 %", "Sykefravær i prosent", false);
    g.values = {{{2024, 0}, 4.0}, {{2025, 0}, 21.8}};
    g.baseline_period = GoalPeriod{2024, 0};
    g.target_value = 8.0;
    g.deadline = ymd(2027, 12, 31);
    const auto evaluate = evaluated_alone;
    GoalEvaluation e = evaluate(g);
    CHECK(e.limit);
    CHECK_FALSE(e.progress);
    CHECK(*e.current == doctest::Approx(21.8));
    REQUIRE(e.projection);
    CHECK(e.projection->value == doctest::Approx(57.4));
    CHECK_FALSE(e.projection->progress);
    CHECK(e.status == GoalStatus::behind);
    CHECK(e.reason.nb == "Utenfor grensen (21,8 mot høyst 8,0), og framskrivingen er også utenfor");
    REQUIRE(target_warning(g, 4.0));
    CHECK(target_warning(g, 4.0)->nb.starts_with("Utgangspunktet (4,0) oppfyller allerede målet"));

    // 4,0 then 6,0: within the limit -> "nådd", still without a progress figure.
    g.values = {{{2024, 0}, 4.0}, {{2025, 0}, 6.0}};
    e = evaluate(g);
    CHECK(e.status == GoalStatus::reached);
    CHECK_FALSE(e.progress);
    CHECK(e.reason.nb == "Innenfor grensen (høyst 8,0)");

    // 4,0, 10,0, then 9,0 in 2025: outside now; the line through 4, 10, 9 rises 2,5 a year
    // (0,625 a quarter), so it projects further out (9,0 + 8 x 0,625 = 14,0): "etter".
    g.values = {{{2023, 0}, 4.0}, {{2024, 0}, 10.0}, {{2025, 0}, 9.0}};
    g.baseline_period = GoalPeriod{2023, 0};
    e = evaluate(g);
    CHECK(e.projection->value == doctest::Approx(14.0));
    CHECK(e.status == GoalStatus::behind);

    // Higher is better: "at least 55" from 60 is a limit too; 50 now is outside it.
    Goal up = g;
    up.higher_is_better = true;
    up.values = {{{2024, 0}, 60.0}, {{2025, 0}, 50.0}};
    up.baseline_period = GoalPeriod{2024, 0};
    up.target_value = 55.0;
    e = evaluate(up);
    CHECK(e.limit);
    CHECK(e.status == GoalStatus::behind);
    CHECK(e.reason.en == "Outside the limit (50.0 against at least 55.0), and so is the projection");

    // An ordinary goal is not a limit: 12,0 -> 8,0 at 9,0 is (12 - 9) / (12 - 8) = 75 % of the way.
    Goal down = g;
    down.values = {{{2024, 0}, 12.0}, {{2025, 0}, 9.0}};
    down.baseline_period = GoalPeriod{2024, 0};
    e = evaluate(down);
    CHECK_FALSE(e.limit);
    CHECK(*e.progress == doctest::Approx(0.75));
    CHECK_FALSE(target_warning(down, 12.0));
}

TEST_CASE("goals: the form warns about a change that points the wrong way") {
    Goal g = result_goal(); // sick leave: lower is better
    g.target_change = 20;   // +20 %
    REQUIRE(target_warning(g, 7.0));
    CHECK(target_warning(g, 7.0)->nb == "Endringen peker feil vei: lavere er bedre for dette målet");
    g.target_change = -20;
    CHECK_FALSE(target_warning(g, 7.0));
    Goal activity = g;
    activity.kind = GoalKind::activity;
    activity.target_change = 20;
    CHECK_FALSE(target_warning(activity, 7.0));
}

TEST_CASE("goals: a steady sick-leave level projects flat, risiko when it gets more than half way") {
    Dataset ds = org(50);
    for (const char* id : {"E1", "E2", "E3"})
        ds.absences.push_back({id, AbsenceKind::sykmelding, ymd(2024, 1, 1), ymd(2026, 9, 30), 100});
    Goal g = result_goal();
    g.baseline_value = 7.0; // typed by hand (from before the data)
    ds.goals.push_back(g);
    GoalsOverview ov = evaluate_goals(ds, ymd(2026, 11, 24));
    const GoalEvaluation& e = ov.goals[0];
    CHECK(*e.current == doctest::Approx(6.0));
    REQUIRE(e.projection);
    CHECK(e.projection->slope_per_quarter == doctest::Approx(0.0).epsilon(1e-9));
    CHECK(e.projection->value == doctest::Approx(6.0));
    CHECK(e.projection->final_period == GoalPeriod{2027, 2}); // the last Q2 ending by 30.06.2027
    CHECK(e.status == GoalStatus::at_risk);                   // 71,4 % of the way projected
    CHECK(e.projection->points.size() == 5);
}

TEST_CASE("goals: masking below 5 employees, also for a set of units with a small one, roles") {
    Dataset ds = fixture();
    GoalsOverview ov = evaluate_goals(ds, ymd(2026, 11, 24));
    const GoalEvaluation& small = eval_of(ov, "G2"); // Barnehage Sol: 3 employees
    CHECK(small.masked);
    CHECK(small.mask_reason == MaskReason::small_group);
    CHECK_FALSE(small.baseline);
    CHECK_FALSE(small.current);
    CHECK_FALSE(small.progress);
    CHECK(small.status == GoalStatus::unknown);
    for (const MetricPoint& p : small.series) CHECK_FALSE(p.value);
    // Sykehjem Nord (50) is the only other unit: the organisation (G6, shown) minus it would give
    // Barnehage Sol, so every figure of G1 is withheld to protect the small unit, and says so.
    const GoalEvaluation& big = eval_of(ov, "G1");
    CHECK(big.masked);
    CHECK(big.mask_reason == MaskReason::protects_small_group);
    CHECK_FALSE(big.current);
    CHECK(big.reason.nb == "Skjermet for å beskytte en liten gruppe");
    for (const MetricPoint& p : big.series) CHECK(p.mask_reason == MaskReason::protects_small_group);
    CHECK(eval_of(ov, "G6").current);

    // Both units together are the organisation: nothing more is revealed, so the figure shows
    // (the same as the organisation's for the same quarters).
    Dataset two = ds;
    Goal g = two.goals[0];
    g.id = "G9";
    g.units = {"U1", "U2"};
    two.goals.push_back(g);
    const GoalsOverview two_ov = evaluate_goals(two, ymd(2026, 11, 24)); // kept: eval_of returns a reference into it
    CHECK_FALSE(eval_of(two_ov, "G9").masked);
    CHECK(eval_of(two_ov, "G9").current);

    // With a third unit of 6, U3 protects U2 and U1 shows. The set of U1 and U2 minus the shown
    // U1 would give U2: withheld. The set of U2 and U3 (both withheld units, 9 people) is the
    // organisation minus U1, derivable anyway: shown.
    Dataset three = fixture_with_third_unit();
    Goal g12 = three.goals[0];
    g12.id = "G12";
    g12.units = {"U1", "U2"};
    Goal g23 = three.goals[0];
    g23.id = "G23";
    g23.units = {"U2", "U3"};
    three.goals.push_back(g12);
    three.goals.push_back(g23);
    const GoalsOverview three_ov = evaluate_goals(three, ymd(2026, 11, 24));
    CHECK(*eval_of(three_ov, "G1").current == doctest::Approx(6.0));
    CHECK(eval_of(three_ov, "G12").masked);
    CHECK(eval_of(three_ov, "G12").mask_reason == MaskReason::protects_small_group);
    CHECK_FALSE(eval_of(three_ov, "G12").current);
    CHECK_FALSE(eval_of(three_ov, "G23").masked);
    // Q2 2026: U2's and U3's 9 employees lose nothing (the fixture's absences are in U1; E51's
    // are in May 2025) -> 0,0.
    REQUIRE(eval_of(three_ov, "G23").current);
    CHECK(*eval_of(three_ov, "G23").current == doctest::Approx(0.0));

    // A manager of U1 sees G1 but not the organisation.
    GoalsOverview mgr = evaluate_goals(three, ymd(2026, 11, 24), Role::manager("U1"));
    CHECK(eval_of(mgr, "G1").current);
    CHECK(eval_of(mgr, "G6").no_access);
    CHECK_FALSE(eval_of(mgr, "G6").current);
    // The tillitsvalgt sees every goal and the (masked) figures.
    GoalsOverview tv = evaluate_goals(three, ymd(2026, 11, 24), Role::tillitsvalgt());
    CHECK(tv.goals.size() == three.goals.size());
    CHECK(*eval_of(tv, "G1").current == doctest::Approx(6.0));
    CHECK(eval_of(tv, "G2").masked);
    // An employee sees the goals but no statistics; recorded metrics are not statistics.
    GoalsOverview emp = evaluate_goals(ds, ymd(2026, 11, 24), Role::employee_of("E01"));
    CHECK(eval_of(emp, "G1").no_access);
    CHECK(eval_of(emp, "G3").current);
}

TEST_CASE("goals: verifiability flags (ikke etterprøvbart)") {
    Goal a;
    a.kind = GoalKind::activity;
    auto flags = verifiability_flags(a);
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].nb == "mangler målbart kriterium (antall eller dato)");
    CHECK(flags[1].nb == "mangler frist");
    a.criterion_count = 4;
    CHECK(verifiability_flags(a).size() == 1);
    a.deadline = ymd(2026, 12, 31);
    CHECK(verifiability_flags(a).empty());
    a.criterion_count.reset();
    a.criterion_date = ymd(2026, 10, 1);
    CHECK(verifiability_flags(a).empty());

    Goal r = result_goal();
    CHECK(verifiability_flags(r).empty());
    r.target_change.reset();
    r.deadline.reset();
    r.baseline_period.reset();
    flags = verifiability_flags(r);
    REQUIRE(flags.size() == 3);
    CHECK(flags[0].nb == "mangler utgangspunkt (periode)");
    CHECK(flags[1].nb == "mangler mål (verdi eller endring)");

    const Dataset fx = fixture(); // the overview points into the dataset: it must outlive it
    GoalsOverview ov = evaluate_goals(fx, ymd(2026, 11, 24));
    const GoalEvaluation& g5 = eval_of(ov, "G5");
    CHECK_FALSE(g5.verifiable);
    CHECK(g5.status == GoalStatus::unknown);
    CHECK(g5.reason.nb.find("Ikke etterprøvbart") == 0);
}

TEST_CASE("goals: activity goals: progress done / planned, status from the criterion and the dates") {
    const Dataset fx = fixture(); // the overview points into the dataset: it must outlive it
    GoalsOverview ov = evaluate_goals(fx, ymd(2026, 11, 24));
    const GoalEvaluation& e = eval_of(ov, "G4");
    CHECK(e.activities_planned == 4); // A5 avbrutt does not count
    CHECK(e.activities_done == 2);
    CHECK(e.activities_cancelled == 1);
    CHECK(e.activities_overdue == 1); // A3 planned 15.10.2026
    CHECK(*e.activity_progress == doctest::Approx(0.5));
    CHECK(e.status == GoalStatus::at_risk);
    // Before A3's date: on track; after the deadline: behind.
    CHECK(eval_of(evaluate_goals(fixture(), ymd(2026, 10, 1)), "G4").status == GoalStatus::on_track);
    CHECK(eval_of(evaluate_goals(fixture(), ymd(2027, 1, 2)), "G4").status == GoalStatus::behind);
    // All four done: reached.
    Dataset ds = fixture();
    for (GoalActivity& a : ds.goal_activities)
        if (a.goal == "G4" && a.status != ActivityStatus::avbrutt) a.status = ActivityStatus::fullfort;
    CHECK(eval_of(evaluate_goals(ds, ymd(2027, 1, 2)), "G4").status == GoalStatus::reached);
}

TEST_CASE("goals: a year with fewer than two IA meetings with leader and tillitsvalgt is below good practice (sintef-ia-2013 kap. 8.12.1), not a duty") {
    Dataset ds = fixture();
    auto years = meeting_years(ds, ymd(2026, 11, 24));
    REQUIRE(years.size() == 2);
    CHECK(years[0].year == 2025);
    CHECK(years[0].held == 2); // M2 with a verneombud counts
    CHECK_FALSE(years[0].below_good_practice);
    CHECK(years[1].year == 2026);
    CHECK(years[1].held == 1);
    CHECK(years[1].not_counting == 1); // M4 without the tillitsvalgte
    CHECK(years[1].below_good_practice);
    // A planned meeting later this year lifts the mark.
    IaMeeting m;
    m.id = "M9";
    m.date = ymd(2026, 12, 10);
    m.attendees = {{MeetingRole::leder, "Rådmann"}, {MeetingRole::tillitsvalgt, "Fagforbundet"}};
    ds.ia_meetings.push_back(m);
    years = meeting_years(ds, ymd(2026, 11, 24));
    CHECK(years[1].planned == 1);
    CHECK_FALSE(years[1].below_good_practice);
    // No meetings at all: this year warns.
    Dataset none = org(1);
    years = meeting_years(none, ymd(2026, 11, 24));
    REQUIRE(years.size() == 1);
    CHECK(years[0].below_good_practice);
}

TEST_CASE("goals: summary per sub-goal") {
    // With a third unit, so that Sykehjem Nord's own figures (G1) show. The overview points into
    // the dataset: it must outlive it.
    const Dataset fx = fixture_with_third_unit();
    GoalsOverview ov = evaluate_goals(fx, ymd(2026, 11, 24));
    REQUIRE(ov.areas.size() == 5);
    CHECK(ov.areas[0].area == "ia2010.delmal1");
    CHECK(ov.areas[0].code == "1");
    CHECK(ov.areas[0].goals == 2);
    CHECK(ov.areas[0].unknown == 1); // G2 masked
    CHECK(*ov.areas[0].mean_progress == doctest::Approx(1.0 / 1.4).epsilon(1e-6));
    CHECK(ov.areas[1].area == "ia2010.delmal2a");
    CHECK(ov.areas[1].activities_done == 2);
    CHECK(ov.areas.back().area == "Nærvær i hele kommunen"); // a custom area, last
    CHECK(ov.areas.back().code.empty());
}

TEST_CASE("goals: a new goal is made under the agreement in force that year, between and after agreements under the last one started") {
    // The agreements' own years: 2010-2013 (signed 24.02.2010), 2019-2024 (18.12.2018), 2025-2028 (12.02.2025).
    auto id = [](int y, int m, int d) {
        const IaAgreement* a = agreement_in_force(ymd(y, m, d));
        return a ? a->id : std::string("none");
    };
    CHECK(id(2026, 12, 7) == "ia2025");  // today: the 2025-2028 agreement
    CHECK(id(2025, 1, 1) == "ia2025");
    CHECK(id(2024, 12, 31) == "ia2019");
    CHECK(id(2012, 6, 1) == "ia2010");
    CHECK(id(2016, 6, 1) == "ia2010");   // 2014-2018 is not in the data: the last one started
    CHECK(id(2031, 1, 1) == "ia2025");   // no newer agreement known yet
    CHECK(id(2005, 1, 1) == "none");     // before the first dated agreement
}

TEST_CASE("goals: agreements and goal areas are data (assets/ia)") {
    const auto& all = builtin_agreements();
    REQUIRE(all.size() == 4);
    CHECK(all[0].id == "ia2010");
    CHECK(all[1].id == "ia2019");
    CHECK(all[2].id == "ia2025");
    CHECK(all[3].custom);
    std::vector<std::string> codes;
    for (const GoalArea& a : all[0].areas) codes.push_back(a.code);
    CHECK(codes == std::vector<std::string>{"1", "2a", "2b", "3a", "3b"});
    const GoalArea* d1 = find_area("ia2010.delmal1");
    REQUIRE(d1);
    CHECK(d1->result_goals);
    CHECK(*d1->reference_period == GoalPeriod{2001, 2});
    CHECK(*d1->reference_value == 7.0);
    CHECK(*d1->target_change == -20);
    CHECK(d1->duty_nb.find("etterprøvbare aktivitetsmål") != std::string::npos);
    CHECK(!d1->source.empty());
    const GoalArea* s19 = find_area("ia2019.sykefravaer");
    REQUIRE(s19);
    CHECK(*s19->reference_period == GoalPeriod{2018, 0});
    CHECK(*s19->target_change == -10);
    for (const GoalArea& a : all[2].areas) CHECK_FALSE(a.target_change); // 2025-2028: no numeric target
    for (const IaAgreement& a : all) {
        CHECK(!a.source.empty());
        for (const GoalArea& ar : a.areas) CHECK(!ar.source.empty());
    }
    CHECK(area_label("Nærvær", false) == "Nærvær");
    CHECK(parse_agreement("{}").problems.size() > 0);
}

TEST_CASE("goals: periods") {
    CHECK(*parse_period("2026-Q2") == GoalPeriod{2026, 2});
    CHECK(*parse_period("2018") == GoalPeriod{2018, 0});
    CHECK_FALSE(parse_period("2026-Q5"));
    CHECK_FALSE(parse_period("26-Q1"));
    CHECK(format_period({2001, 2}) == "2001-Q2");
    CHECK(period_label({2001, 2}, false) == "2. kvartal 2001");
    CHECK(period_first({2026, 3}) == ymd(2026, 7, 1));
    CHECK(period_last({2024, 0}) == ymd(2024, 12, 31));
}

TEST_CASE("goals: report golden files (action plan sintef-ia-2013 kap. 3.2.1, half-year report sintef-ia-2013 kap. 2.3.1)") {
    Dataset ds = fixture();
    GoalsOverview ov = evaluate_goals(ds, ymd(2026, 11, 24));
    HalfYearInput in;
    in.year = 2026;
    in.half = 1;
    in.key_experience = "Faste samlinger for ledere gir bedre tilrettelegging.";
    in.successful_activity = "A2";
    in.successful_text = "Alle ledere kjente arbeidsplassvurderingen etterpå.";
    const std::pair<std::string, std::string> reports[] = {
        {"goals_action_plan.html", action_plan_html(ds, ov)},
        {"goals_half_year.html", half_year_report_html(ds, ov, in)},
        // The texts and the tillitsvalgt's sign-off stored in the fixture (half_year_reports).
        {"goals_half_year_signed.html", half_year_report_html(ds, ov, 2026, 1)},
    };
    for (const auto& [name, html] : reports) {
        CHECK(html.find("<!DOCTYPE html>") == 0);
        CHECK(html.find("@page { size: A4;") != std::string::npos);
        CHECK(html.find("<script") == std::string::npos);
        const std::string path = kSource + "/tests/golden/" + name;
        if (std::getenv("IADESK_UPDATE_GOLDEN")) {
            std::ofstream(path, std::ios::binary) << html;
            continue;
        }
        CHECK_MESSAGE(read_text(path) == html, "report " << name << " differs from tests/golden (IADESK_UPDATE_GOLDEN=1 rewrites it)");
    }
    const std::string& plan = reports[0].second;
    CHECK(plan.find("<h2>Delmål 1: Sykefravær</h2>") != std::string::npos);
    CHECK(plan.find("skjermet for å beskytte en liten gruppe") != std::string::npos); // G1 protects G2
    CHECK(plan.find("skjermet (færre enn 5 ansatte)") != std::string::npos);
    CHECK(plan.find("Tidsplan og ansvar") != std::string::npos);
    const std::string& half = reports[1].second;
    CHECK(half.find("1. Viktigste erfaring å dele med andre") != std::string::npos);
    CHECK(half.find("2. Avvik fra plan") != std::string::npos);
    CHECK(half.find("fullført for sent (10.03.2026)") != std::string::npos); // A1
    CHECK(half.find("avbrutt") != std::string::npos);                        // A5
    CHECK(half.find("3. Særlig vellykket aktivitet") != std::string::npos);
    CHECK(half.find("Ledersamling 2: arbeidsplassvurdering") != std::string::npos);
    CHECK(half.find("Ikke gjennomgått med tillitsvalgt") != std::string::npos); // `in` has no sign-off
    const std::string& signed_half = reports[2].second;
    CHECK(signed_half.find("Gjennomgått med tillitsvalgt:</strong> Kari Fagforbundet, 20.08.2026") != std::string::npos);
    CHECK(signed_half.find("Ikke gjennomgått") == std::string::npos);
    CHECK(signed_half.find("Faste ledersamlinger gir bedre tilrettelegging.") != std::string::npos);
    CHECK(signed_half.find("Nettkurset ble erstattet av samling 2") != std::string::npos); // the deviations text
    CHECK(signed_half.find("<strong>Ledersamling 2: arbeidsplassvurdering</strong>") != std::string::npos);
    // A half-year without stored texts: the report says so, and that it is not signed.
    const std::string empty_half = half_year_report_html(ds, ov, 2026, 2);
    CHECK(empty_half.find("Ikke fylt ut.") != std::string::npos);
    CHECK(empty_half.find("Ikke gjennomgått med tillitsvalgt") != std::string::npos);
}
