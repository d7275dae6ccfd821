// milestones: the follow-up schedule of one sickness case under a rule set (docs/domain.md,
// Follow-up milestones).
//
// Contract — status of each milestone of the rule set, for a given `today`:
//   done / exempt     a MilestoneEvent for (employee, case start, milestone id) is recorded
//                     (the latest event wins: latest date, then latest in the list);
//   not_applicable    the case has ended (closed end < today) and the milestone is due after
//                     the case's end; or the rule was abolished before its due date
//                     (MilestoneRule::abolished_from <= due; `abolished` is then true);
//   on_request        the rule applies "on_request", or "full_leave_else_on_request" and the
//                     grade on the due day is below 100 (docs/domain.md, Follow-up milestones:
//                     dialogmøte 1 of a graded case under the current set). A rule without a due
//                     date (has_due false) is always on_request (or not_applicable once the case has ended);
//   overdue           due < today;
//   due_soon          today <= due <= today + 7;
//   upcoming          otherwise.
// Milestones keep the rule set's order.
#pragma once

#include "iadesk/cases.hpp"
#include "iadesk/rules.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iadesk {

enum class MilestoneStatus { done, exempt, upcoming, due_soon, overdue, on_request, not_applicable };

const char* to_string(MilestoneStatus s); // "done", "exempt", "upcoming", "due_soon", ...

struct Milestone {
    const MilestoneRule* rule = nullptr;  // points into the RuleSet passed to schedule_case
    Date due;                             // the case start when !has_due(): do not show it
    MilestoneStatus status = MilestoneStatus::upcoming;
    const MilestoneEvent* event = nullptr; // the recorded event for done/exempt, else nullptr
    bool abolished = false;               // not due: the rule was abolished before its due date

    bool has_due() const { return rule != nullptr && rule->has_due; }
};

struct CaseSchedule {
    const SicknessCase* sickness_case = nullptr;
    const RuleSet* rule_set = nullptr;
    std::vector<Milestone> milestones;
    // Events derived from the dataset's follow-up plans (plans.hpp, plan_milestone_events), owned
    // here because Milestone::event may point into them; shared by copies of the schedule.
    std::shared_ptr<const std::vector<MilestoneEvent>> plan_events;

    // The first milestone that still needs action (overdue, due_soon or upcoming) by due date.
    const Milestone* next_action() const;
};

// `events` may hold events of any case; only those matching the case are used. The events that
// the case's follow-up plan implies (plans.hpp: shared with the sykmelder or NAV, exempted) are
// added to them, so a plan completes `oppfolgingsplan`, `rapport_nav_9uker` and `plan_til_nav`
// without a recorded event; as with recorded events, the latest date wins.
CaseSchedule schedule_case(const SicknessCase& c, const RuleSet& rules, const Dataset& ds,
                           const std::vector<const MilestoneEvent*>& events, Date today);

// Schedules for every case open on `today`, choosing each case's rule set by its start date.
// Cases whose start precedes every rule set are skipped.
std::vector<CaseSchedule> schedule_open_cases(const std::vector<SicknessCase>& cases,
                                              const std::vector<RuleSet>& sets,
                                              const Dataset& ds, Date today);

} // namespace iadesk
