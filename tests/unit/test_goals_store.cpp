// Unit tests of IA goals in the dataset format (load/save/validate) and of goal_commands.hpp
// (checks by field, undo restores exactly, cascade of remove_goal, set_activity_status).
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"
#include "iadesk/goal_commands.hpp"
#include "iadesk/goals.hpp"

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace iadesk;

namespace {

using testing::ymd;

const std::string kFixture = std::string(IADESK_SOURCE_DIR) + "/tests/fixtures/goals/goals.json";

Dataset fixture() { return testing::load_dataset_file(kFixture); }


} // namespace

TEST_CASE("goals store: the fixture loads, and save/load round-trips exactly") {
    Dataset ds = fixture();
    CHECK(ds.goals.size() == 6);
    CHECK(ds.goal_activities.size() == 6);
    CHECK(ds.ia_meetings.size() == 4);
    CHECK(ds.goals[0].baseline_period == GoalPeriod{2025, 2});
    CHECK(*ds.goals[0].target_change == -20);
    CHECK(ds.goals[2].metric == GoalMetric::recorded);
    CHECK(ds.goals[2].values.size() == 3);
    CHECK(ds.goal_activities[0].status == ActivityStatus::fullfort);
    CHECK(*ds.goal_activities[0].done == ymd(2026, 3, 10));
    CHECK(ds.ia_meetings[2].decisions[0].goals == std::vector<std::string>{"G1"});
    const std::string once = save_dataset(ds);
    DatasetLoad again = load_dataset(once);
    REQUIRE(again.ok());
    CHECK(save_dataset(*again.dataset) == once);
    CHECK(save_dataset(*again.dataset, -1) == save_dataset(ds, -1));
    CHECK(validate_dataset(ds).empty());
}

TEST_CASE("goals store: a file without goals loads and saves without the new members") {
    const std::string text = read_text(std::string(IADESK_SOURCE_DIR) + "/examples/fjordvik-small.json");
    DatasetLoad l = load_dataset(text);
    REQUIRE(l.ok());
    CHECK(l.dataset->goals.empty());
    const std::string saved = save_dataset(*l.dataset);
    CHECK(saved.find("\"goals\"") == std::string::npos);
    CHECK(saved.find("\"ia_meetings\"") == std::string::npos);
}

TEST_CASE("goals store: problems with JSON pointers") {
    const std::string text = read_text(kFixture);
    auto replace = [&](const std::string& from, const std::string& to) { return load_with_replaced(text, from, to); };
    auto l = replace(R"("baseline_period": "2025-Q2")", R"("baseline_period": "2025-Q7")");
    CHECK_FALSE(l.ok());
    CHECK(problem_at(l.problems, "/goals/0/baseline_period"));
    l = replace(R"("target_change": -20)", R"("target_change": "-20")");
    CHECK(problem_at(l.problems, "/goals/0/target_change"));
    CHECK(l.problems.size() == 1); // one mistake, one problem
    // One mistake in the text (what it was, what it became), and where it is reported.
    const struct { const char *was, *now, *pointer; } mistakes[] = {
        {R"("goal": "G4")", R"("goal": "G99")", "/goal_activities/0/goal"},
        {R"("goals": ["G1"])", R"("goals": ["G77"])", "/ia_meetings/2/decisions/0/goals/0"},
        {R"("status": "fullført")", R"("status": "ferdig")", "/goal_activities/0/status"},
        {R"("role": "leder")", R"("role": "sjef")", "/ia_meetings/0/attendees/0/role"},
        {R"("id": "G2")", R"("id": "G1")", "/goals/1/id"},
        {R"("criterion_count": 4)", R"("criterion_count": 0)", "/goals/3/criterion_count"},
    };
    for (const auto& m : mistakes) {
        CAPTURE(m.now);
        CHECK(problem_at(replace(m.was, m.now).problems, m.pointer));
    }
    // A goal may keep a unit that was removed later (its evaluation says so); the file loads.
    l = replace(R"("units": ["U1"])", R"("units": ["U9"])");
    CHECK(l.ok());
}

TEST_CASE_FIXTURE(DocumentOn<fixture>, "goal commands: add checks by field, undo restores exactly") {

    Goal g;
    g.id = next_goal_id(doc.data);
    CHECK(g.id == "G7");
    g.kind = GoalKind::result;
    g.units = {"U1", "U9", "U1"};
    g.target_value = 5;
    g.target_change = -10;
    CommandResult r = add_goal(doc.data, g);
    REQUIRE_FALSE(r.ok());
    CHECK(has_field(r.problems, "title"));
    CHECK(has_field(r.problems, "area"));
    CHECK(has_field(r.problems, "target_change"));
    CHECK(has_field(r.problems, "units/1"));
    CHECK(has_field(r.problems, "units/2"));

    g.title = "Ned i Sykehjem Nord";
    g.area = "ia2010.delmal1";
    g.units = {"U1"};
    g.target_value.reset();
    g.baseline_period = GoalPeriod{2025, 3};
    g.criterion = "left over from an activity form"; // cleared by the builder
    apply(add_goal(doc.data, g));
    CHECK(doc.data.goals.back().criterion.empty());
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(data_bytes(doc.data) == before);

    // Update: id cannot change; the edit is one undo step.
    Goal changed = doc.data.goals[0];
    changed.title = "Nytt navn";
    apply(update_goal(doc.data, "G1", changed));
    CHECK(doc.data.goals[0].title == "Nytt navn");
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
    changed.id = "G100";
    CHECK(has_field(update_goal(doc.data, "G1", changed).problems, "id"));
}

TEST_CASE_FIXTURE(DocumentOn<fixture>, "goal commands: remove_goal takes its activities and decision links, undo puts them back in place") {
    GoalDependents dep = goal_dependents(doc.data, "G1");
    CHECK(dep.activities == 1);
    CHECK(dep.decisions == 1);
    apply(remove_goal(doc.data, "G1"));
    CHECK(doc.data.goals.size() == 5);
    CHECK(doc.data.goal_activities.size() == 5);
    CHECK(doc.data.ia_meetings[2].decisions[0].goals.empty());
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
}

TEST_CASE_FIXTURE(DocumentOn<fixture>, "goal commands: activities and their status, meetings") {
    GoalActivity a;
    a.id = next_activity_id(doc.data);
    CHECK(a.id == "A7");
    a.goal = "G404";
    CommandResult r = add_activity(doc.data, a);
    CHECK(has_field(r.problems, "goal"));
    CHECK(has_field(r.problems, "title"));
    a.goal = "G4";
    a.title = "Ledersamling 5";
    a.owner = "HR";
    a.planned = ymd(2027, 2, 1);
    apply(add_activity(doc.data, a));

    apply(set_activity_status(doc.data, "A7", ActivityStatus::fullfort, ymd(2026, 11, 24)));
    CHECK(doc.data.goal_activities.back().status == ActivityStatus::fullfort);
    CHECK(*doc.data.goal_activities.back().done == ymd(2026, 11, 24));
    r = set_activity_status(doc.data, "A7", ActivityStatus::pagar, ymd(2026, 11, 25));
    doc.apply(std::move(*r.command));
    CHECK_FALSE(doc.data.goal_activities.back().done);
    doc.undo();
    doc.undo();
    doc.undo();
    CHECK(data_bytes(doc.data) == before);

    IaMeeting m;
    m.id = next_meeting_id(doc.data);
    CHECK(m.id == "M5");
    m.date = ymd(2026, 12, 1);
    m.attendees = {{MeetingRole::leder, "Rådmann"}, {MeetingRole::tillitsvalgt, "Fagforbundet"}};
    m.decisions = {{"", {"G1"}}, {"Følg opp", {"G404"}}};
    r = add_meeting(doc.data, m);
    CHECK(has_field(r.problems, "decisions/0/text"));
    CHECK(has_field(r.problems, "decisions/1/goals/0"));
    m.decisions = {{"Følg opp langtidssykmeldte tettere", {"G1"}}};
    apply(add_meeting(doc.data, m));
    CHECK(validate_dataset(doc.data).empty());
    apply(remove_meeting(doc.data, "M1"));
    CHECK(doc.data.ia_meetings.front().id == "M2");
    doc.undo();
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
}
