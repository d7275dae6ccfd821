// The first-start demo.
#include "iadesk/cases.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/demo.hpp"
#include "iadesk/goals.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using namespace iadesk;

TEST_CASE("demo: a valid, clearly marked organisation of about 60 in 5 units with cases in different weeks") {
    const Date today = Date::from_ymd(2026, 11, 24);
    const Dataset d = make_demo_dataset(today);
    CHECK(validate_dataset(d).empty());
    CHECK(d.organisation.name.find("demo") != std::string::npos);
    CHECK(d.employees.size() == 60);
    CHECK(d.units.size() == 5);
    std::set<int> weeks;
    bool graded = false;
    for (const SicknessCase& c : build_cases(d, today)) {
        if (c.start > today || (c.end && *c.end < today)) continue;
        weeks.insert(c.week_on(today));
        graded = graded || grade_on(c, d, today) < 100;
    }
    for (int w : {2, 5, 7, 10, 20, 30}) CHECK(weeks.count(w) == 1);
    CHECK(graded);
    CHECK(d.plans.size() == 1);         // a draft plan for the week-5 case
    CHECK(save_dataset(make_demo_dataset(today)) == save_dataset(d)); // deterministic
}

TEST_CASE("demo: IA goals measured against its own absence, activities in three states, one IA meeting this year") {
    const Date today = Date::from_ymd(2026, 11, 24);
    const Dataset d = make_demo_dataset(today);
    REQUIRE(d.goals.size() == 2);
    const GoalsOverview ov = evaluate_goals(d, today);
    REQUIRE(ov.goals.size() == 2);

    // The result goal: the organisation's sick leave, 3rd quarter 2025 against the same quarter a
    // year later (seasonality), target -10 % of the computed baseline.
    const GoalEvaluation& r = ov.goals[0];
    CHECK(r.goal->kind == GoalKind::result);
    CHECK(r.verifiable);
    REQUIRE(r.baseline);
    REQUIRE(r.target);
    REQUIRE(r.current);
    CHECK(*r.baseline > 0);
    CHECK(std::abs(*r.target - *r.baseline * 0.9) <= 0.05); // the target is kept to one decimal
    CHECK(r.baseline_period == GoalPeriod{2025, 3});
    CHECK(r.current_period == GoalPeriod{2026, 3});
    CHECK(r.status != GoalStatus::unknown);

    // The activity goal: one of three activities done, one under way, one planned.
    const GoalEvaluation& a = ov.goals[1];
    CHECK(a.goal->kind == GoalKind::activity);
    CHECK(a.verifiable);
    CHECK(a.activities_planned == 3);
    CHECK(a.activities_done == 1);
    REQUIRE(a.activity_progress);
    CHECK(*a.activity_progress == doctest::Approx(1.0 / 3));

    // One meeting this year with a leader and a tillitsvalgt, its decision linked to the result
    // goal: the two-a-year warning shows.
    REQUIRE(d.ia_meetings.size() == 1);
    CHECK(meeting_counts(d.ia_meetings[0]));
    CHECK(d.ia_meetings[0].decisions.at(0).goals == std::vector<std::string>{r.goal->id});
    bool below = false;
    for (const MeetingYear& y : ov.meeting_years)
        if (y.year == 2026) { CHECK(y.held == 1); below = y.below_good_practice; }
    CHECK(below); // one meeting: below the good practice of two, shown neutrally
}
