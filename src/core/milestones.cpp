// milestones: one case's follow-up schedule under a rule set (milestones.hpp, docs/domain.md,
// Follow-up milestones).
#include "iadesk/milestones.hpp"
#include "iadesk/enum_text.hpp"

#include "iadesk/plans.hpp"

#include <string_view>
#include <unordered_map>

namespace iadesk {
namespace {

constexpr int kDueSoonDays = 7; // docs/domain.md, Follow-up milestones: "due soon (within 7 days)"

Date due_date(const MilestoneRule& r, const SicknessCase& c) {
    if (!r.has_due) return c.start;
    switch (r.anchor) {
    case DueAnchor::agp_end: return c.agp_end + r.offset_days;
    case DueAnchor::maksdato: return c.maksdato + r.offset_days;
    case DueAnchor::case_start: break;
    }
    return c.start + r.offset_days;
}

// The recorded event of this milestone for this case: latest date wins, then latest in the list.
const MilestoneEvent* find_event(const SicknessCase& c, std::string_view milestone_id,
                                 const std::vector<const MilestoneEvent*>& events) {
    const MilestoneEvent* best = nullptr;
    for (const MilestoneEvent* e : events) {
        if (!e || e->milestone != milestone_id || e->case_start != c.start || e->employee != c.employee) continue;
        if (!best || !(e->date < best->date)) best = e;
    }
    return best;
}

MilestoneStatus status_of(const Milestone& m, const SicknessCase& c, const Dataset& ds, Date today) {
    if (m.event) return m.event->status == EventStatus::done ? MilestoneStatus::done : MilestoneStatus::exempt;
    if (m.abolished) return MilestoneStatus::not_applicable;
    const bool ended = c.end && *c.end < today;
    if (ended && (!m.rule->has_due || *c.end < m.due)) return MilestoneStatus::not_applicable;
    if (!m.rule->has_due || m.rule->applies == Applicability::on_request) return MilestoneStatus::on_request;
    if (m.rule->applies == Applicability::full_leave_else_on_request && grade_on(c, ds, m.due) < 100)
        return MilestoneStatus::on_request;
    if (m.rule->applies == Applicability::informational && m.due <= today) return MilestoneStatus::done;
    if (m.due < today) return MilestoneStatus::overdue;
    if (m.due <= today + kDueSoonDays) return MilestoneStatus::due_soon;
    return MilestoneStatus::upcoming;
}

bool needs_action(MilestoneStatus s) {
    return s == MilestoneStatus::overdue || s == MilestoneStatus::due_soon || s == MilestoneStatus::upcoming;
}

} // namespace

constexpr EnumText<MilestoneStatus> kMilestoneStatusText[] = {
    {MilestoneStatus::upcoming, "upcoming"},     {MilestoneStatus::done, "done"},
    {MilestoneStatus::exempt, "exempt"},         {MilestoneStatus::due_soon, "due_soon"},
    {MilestoneStatus::overdue, "overdue"},       {MilestoneStatus::on_request, "on_request"},
    {MilestoneStatus::not_applicable, "not_applicable"},
};

const char* to_string(MilestoneStatus s) { return enum_code(kMilestoneStatusText, s); }

const Milestone* CaseSchedule::next_action() const {
    const Milestone* best = nullptr;
    for (const Milestone& m : milestones)
        if (needs_action(m.status) && (!best || m.due < best->due)) best = &m;
    return best;
}

namespace {

// `events` already holds the case's plan events, which `plan_events` owns.
CaseSchedule schedule_with(const SicknessCase& c, const RuleSet& rules, const Dataset& ds,
                           const std::vector<const MilestoneEvent*>& events,
                           std::shared_ptr<const std::vector<MilestoneEvent>> plan_events, Date today) {
    CaseSchedule out;
    out.sickness_case = &c;
    out.rule_set = &rules;
    out.plan_events = std::move(plan_events);
    out.milestones.reserve(rules.milestones.size());
    for (const MilestoneRule& r : rules.milestones) {
        Milestone m;
        m.rule = &r;
        m.due = due_date(r, c);
        m.event = find_event(c, r.id, events);
        m.abolished = r.has_due && r.abolished_from && *r.abolished_from <= m.due;
        m.status = status_of(m, c, ds, today);
        out.milestones.push_back(m);
    }
    return out;
}

} // namespace

CaseSchedule schedule_case(const SicknessCase& c, const RuleSet& rules, const Dataset& ds,
                           const std::vector<const MilestoneEvent*>& events, Date today) {
    const Plan* plan = find_plan(ds, c.employee, c.start);
    if (!plan) return schedule_with(c, rules, ds, events, nullptr, today);
    auto owned = std::make_shared<const std::vector<MilestoneEvent>>(plan_milestone_events(*plan));
    std::vector<const MilestoneEvent*> all = events;
    for (const MilestoneEvent& e : *owned) all.push_back(&e);
    return schedule_with(c, rules, ds, all, std::move(owned), today);
}

std::vector<CaseSchedule> schedule_open_cases(const std::vector<SicknessCase>& cases,
                                              const std::vector<RuleSet>& sets,
                                              const Dataset& ds, Date today) {
    // Events grouped once by (employee, case start), so each case sees only its own few.
    std::unordered_map<std::string, std::vector<const MilestoneEvent*>> by_case;
    auto key = [](std::string_view employee, Date start) {
        std::string k(employee);
        k += '\x1f';
        k += std::to_string(start.days);
        return k;
    };
    for (const MilestoneEvent& e : ds.milestone_events) by_case[key(e.employee, e.case_start)].push_back(&e);
    // Plan events (plans.hpp), built once and kept alive by every schedule that points into them.
    std::shared_ptr<const std::vector<MilestoneEvent>> owned;
    if (!ds.plans.empty()) {
        std::vector<MilestoneEvent> derived;
        for (const Plan& p : ds.plans)
            for (MilestoneEvent& e : plan_milestone_events(p)) derived.push_back(std::move(e));
        owned = std::make_shared<const std::vector<MilestoneEvent>>(std::move(derived));
        for (const MilestoneEvent& e : *owned) by_case[key(e.employee, e.case_start)].push_back(&e);
    }

    static const std::vector<const MilestoneEvent*> kNone;
    std::vector<CaseSchedule> out;
    for (const SicknessCase& c : cases) {
        if (today < c.start || (c.end && *c.end < today)) continue;
        const RuleSet* rs = choose_rule_set(sets, c.start);
        if (!rs) continue;
        auto it = by_case.find(key(c.employee, c.start));
        out.push_back(schedule_with(c, *rs, ds, it == by_case.end() ? kNone : it->second, owned, today));
    }
    return out;
}

} // namespace iadesk
