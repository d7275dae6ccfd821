// The unit shown on a goal is the goal's own unit for every role: a manager's copy of the register
// holds only the own unit, so the name must not come from the role's index (goals_view.cpp).
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

// Fjellheim AS: units Drift (U1) and Kantine (U2), one person in each; one result goal on
// Kantine's sick leave.
Dataset goal_on_kantine() {
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    d.units[0].name = "Drift";
    d.units.push_back({"U2", "Kantine", std::nullopt});
    d.employees = {testing::employed_since("E1", "Kari Nordmann", "U1", Date::from_ymd(2020, 1, 1)),
                   testing::employed_since("E2", "Ola Hansen", "U2", Date::from_ymd(2020, 1, 1))};
    Goal g;
    g.id = "G1";
    g.kind = GoalKind::result;
    g.area = "Sykefravær";
    g.title = "Lavere fravær i kantina";
    g.metric = GoalMetric::sick_leave;
    g.units = {"U2"};
    g.target_value = 5.0;
    g.deadline = Date::from_ymd(2026, 12, 31);
    d.goals.push_back(g);
    return d;
}

void switch_to_manager_of(test::HeadlessApp& h, const std::string& unit) {
    std::string title;
    for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
        if (it.value("visible", false) && it.value("label", "").starts_with("Rolle: ")) title = it.value("label", "");
    REQUIRE_FALSE(title.empty());
    h.click(title);
    h.click("Nærmeste leder for");
    h.click(unit);
}

} // namespace

TEST_CASE("goals: the manager of Kantine sees Kantine on Kantine's goal, as HR does") {
    test::HeadlessApp h;
    h.start_with(goal_on_kantine());
    h.click("IA-mål");
    h.frames(2);
    CHECK(h.shows("Måltall: Kantine"));
    switch_to_manager_of(h, "Kantine");
    h.click("IA-mål");
    h.frames(2);
    CHECK(h.shows("Måltall: Kantine"));
    CHECK_FALSE(h.shows("Måltall: Drift")); // the first unit of the whole register
}
