// goal_commands: checked edits of IA goals, their activities and the IA meetings, in the
// style of commands.hpp.
//
// Contract
// - Every builder CHECKS first and returns either a Command or the problems by field (the
//   dataset's JSON names: "title", "baseline_period", "target_change", "units/1",
//   "decisions/0/goals/1"), in bokmål and English; never throws.
// - The checks are the loader's (checks.hpp: check_goal, check_activity, check_meeting and their
//   _refs), plus what only an edit can know: the units of a sick-leave goal must exist (a file may
//   keep a goal whose unit was removed later; its evaluation then says so).
// - Builders normalise: fields that do not belong to the goal's kind or metric are cleared (so a
//   goal saves and loads unchanged), recorded values are sorted by period.
// - remove_goal takes the goal's activities with it and unlinks it from meeting decisions (a
//   cascade; goal_dependents() lets the UI ask first); undo restores every record at its old
//   position. remove_goal and remove_activity also clear a half-year report's link to a removed
//   activity (successful_activity; its text stays, half_year.hpp). Other undos restore the exact
//   previous state.
// - set_activity_status records `done` = today when the status becomes fullført, and clears it
//   otherwise.
// - Ids cannot change on update. Fresh ids: next_goal_id ("G1"), next_activity_id ("A1"),
//   next_meeting_id ("M1"), as next_employee_id does.
#pragma once

#include "iadesk/commands.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

CommandResult add_goal(const Dataset& ds, Goal g);
CommandResult update_goal(const Dataset& ds, std::string_view id, Goal g);
CommandResult remove_goal(const Dataset& ds, std::string_view id);

struct GoalDependents {
    std::size_t activities = 0;
    std::size_t decisions = 0;   // meeting decisions linked to the goal
};
GoalDependents goal_dependents(const Dataset& ds, std::string_view id);

CommandResult add_activity(const Dataset& ds, GoalActivity a);
CommandResult update_activity(const Dataset& ds, std::string_view id, GoalActivity a);
CommandResult remove_activity(const Dataset& ds, std::string_view id);
CommandResult set_activity_status(const Dataset& ds, std::string_view id, ActivityStatus status, Date today);

CommandResult add_meeting(const Dataset& ds, IaMeeting m);
CommandResult update_meeting(const Dataset& ds, std::string_view id, IaMeeting m);
CommandResult remove_meeting(const Dataset& ds, std::string_view id);

std::string next_goal_id(const Dataset& ds);
std::string next_activity_id(const Dataset& ds);
std::string next_meeting_id(const Dataset& ds);

} // namespace iadesk
