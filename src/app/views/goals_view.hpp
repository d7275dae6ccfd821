// IA-mål: the goals dashboard (one card per sub-goal with its goals: status tag, progress bar, and
// for result goals a chart of the metric per quarter with baseline and target lines and the
// projection), the goal and activity editors, the IA meeting log with the two-a-year warning, and
// the printable action plan and half-year report (docs/goals.md); the half-year texts
// and the tillitsvalgt's sign-off are edited in half_year_view.hpp.
//
// Contract
// - Everything shown is evaluate_goals() of the whole document for the current role (goals.hpp:
//   masking below 5 employees, statistics only where the role may see them), recomputed when the
//   document revision, the day or the role changes, never per frame.
// - Every role sees every goal (the tillitsvalgt too: docs/domain.md, Roles and privacy); only a role that may edit
//   the organisation (HR) gets the editors, and never in a read-only tab.
// - Edits are checked commands (goal_commands.hpp) queued in the ViewContext; problems show next to
//   the field and in a summary.
#pragma once

#include "iadesk/benchmarks.hpp"

#include "app/view_context.hpp"
#include "app/views/half_year_view.hpp"
#include "iadesk/goal_commands.hpp"
#include "iadesk/goals.hpp"

#include <string>
#include <vector>

namespace iadesk::app {

struct GoalForm {
    bool open = false;
    bool is_new = false;
    std::string id;
    int kind = 0;                 // 0 result, 1 activity
    std::string area;
    std::string custom_area;      // used when `area` is empty
    std::string title, description, deadline;
    int metric = 0;               // 0 sick leave (from the data), 1 recorded by hand, 2 drop-out (from the data)
    std::vector<std::string> units;
    std::string metric_name;
    bool higher_is_better = false;
    std::string values;           // recorded: "2023: 40; 2024: 44,5"
    std::string baseline_period, baseline_value, target_value, target_change;
    std::string criterion, criterion_count, criterion_date;
    std::vector<Problem> problems;
};

struct ActivityForm {
    bool open = false;
    bool is_new = false;
    std::string id, goal, title, owner, planned, note;
    int status = 0;
    std::vector<Problem> problems;
};

struct MeetingForm {
    bool open = false;
    bool is_new = false;
    std::string id, date, minutes;
    std::vector<std::pair<int, std::string>> attendees; // role index, name
    std::vector<std::pair<std::string, std::vector<std::string>>> decisions; // text, goal ids
    std::vector<Problem> problems;
};

struct GoalsView {
    int tab = 0;                  // 0 goals, 1 meetings, 2 reports
    int agreement = -1;           // index into builtin_agreements(); -1 = the newest with goals
    GoalsOverview overview;
    uint64_t cache_revision = UINT64_MAX;
    Date cache_today;
    Role cache_role;
    GoalForm goal;
    ActivityForm activity;
    MeetingForm meeting;
    std::string confirm_remove;   // goal id whose removal is being confirmed
    HalfYearEditor half_year_editor;
    std::optional<BenchmarkLoad> figures; // the shipped comparison figures, read once (goals_parts.cpp)

    void draw(ViewContext& ctx);

private:
    void refresh(const ViewContext& ctx);
    void draw_goals(ViewContext& ctx);
    void draw_card(ViewContext& ctx, const std::string& area, const GoalArea* def);
    void draw_goal(ViewContext& ctx, const GoalEvaluation& e);
    void draw_goal_editor(ViewContext& ctx);
    void draw_activity_editor(ViewContext& ctx);
    void draw_meetings(ViewContext& ctx);
    void draw_meeting_editor(ViewContext& ctx);
    void draw_reports(ViewContext& ctx);
    void draw_bransje_figure(const ViewContext& ctx);
    void start_goal(const ViewContext& ctx, GoalKind kind, const std::string& area);
    void load_goal(const Goal& g);
    void save_goal(ViewContext& ctx);
    void save_activity(ViewContext& ctx);
    void save_meeting(ViewContext& ctx);
};

} // namespace iadesk::app
