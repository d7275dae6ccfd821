// checks_refs: the cross-record checks and the checks of what a command touched
// (include/iadesk/checks.hpp).
#include "iadesk/checks.hpp"

#include "dataset_internal.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/goals.hpp"
#include "iadesk/half_year.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace iadesk {

// --- Lookup ------------------------------------------------------------------------------------

// Ids -> the first position that holds each, for one vector of records. Open addressing with
// linear probing in one array of (hash, position), at most half full; a slot's id is read from the
// record itself. (A std::unordered_map<std::string_view, std::size_t> allocated a node per record:
// building it for 200 000 employees was ~8 % of a load, perf.) Like the map it replaced, it points
// into the vector and is built once per Lookup, whose Dataset does not change meanwhile.
class IdIndex {
public:
    template <class T, class Id>
    IdIndex(const std::vector<T>& v, Id id_of) {
        std::size_t capacity = 16;
        while (capacity < v.size() * 2) capacity <<= 1;
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string_view id = id_of(v[i]);
            const std::size_t h = std::hash<std::string_view>{}(id);
            std::size_t j = h & mask_;
            for (; slots_[j].position != kEmpty; j = (j + 1) & mask_)
                if (slots_[j].hash == h && id_of(v[slots_[j].position]) == id) break; // the first holder wins
            if (slots_[j].position == kEmpty) slots_[j] = {h, i};
        }
    }

    template <class T, class Id>
    std::optional<std::size_t> find(const std::vector<T>& v, Id id_of, std::string_view id) const {
        const std::size_t h = std::hash<std::string_view>{}(id);
        for (std::size_t j = h & mask_; slots_[j].position != kEmpty; j = (j + 1) & mask_)
            if (slots_[j].hash == h && id_of(v[slots_[j].position]) == id) return slots_[j].position;
        return std::nullopt;
    }

private:
    static constexpr std::size_t kEmpty = static_cast<std::size_t>(-1);
    struct Slot {
        std::size_t hash = 0;
        std::size_t position = kEmpty;
    };
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

struct Lookup::Maps {
    using Index = IdIndex;
    std::optional<Index> units, employees, goals, activities, meetings, plans, options;
    std::optional<std::unordered_map<std::string, std::size_t>> cases; // employee + '\n' + case start
    std::optional<std::unordered_map<int, std::size_t>> half_years;
};

Lookup::Lookup(const Dataset& ds, bool hashed) : ds_(ds), hashed_(hashed) {}
Lookup::~Lookup() = default;

Lookup::Maps& Lookup::maps() const {
    if (!maps_) maps_ = std::make_unique<Maps>();
    return *maps_;
}

namespace {

template <class T, class Id>
std::optional<std::size_t> find_in(const std::vector<T>& v, std::optional<IdIndex>& index, bool hashed,
                                   std::string_view id, Id id_of) {
    if (!hashed) {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (id_of(v[i]) == id) return i;
        return std::nullopt;
    }
    if (!index) index.emplace(v, id_of);
    return index->find(v, id_of, id);
}

std::string case_key(std::string_view employee, Date start) {
    return std::string(employee) + '\n' + std::to_string(start.days);
}

} // namespace

std::optional<std::size_t> Lookup::unit(std::string_view id) const {
    return find_in(ds_.units, maps().units, hashed_, id, [](const Unit& u) -> std::string_view { return u.id; });
}
std::optional<std::size_t> Lookup::employee(std::string_view id) const {
    return find_in(ds_.employees, maps().employees, hashed_, id, [](const Employee& e) -> std::string_view { return e.id; });
}
std::optional<std::size_t> Lookup::goal(std::string_view id) const {
    return find_in(ds_.goals, maps().goals, hashed_, id, [](const Goal& g) -> std::string_view { return g.id; });
}
std::optional<std::size_t> Lookup::activity(std::string_view id) const {
    return find_in(ds_.goal_activities, maps().activities, hashed_, id, [](const GoalActivity& a) -> std::string_view { return a.id; });
}
std::optional<std::size_t> Lookup::meeting(std::string_view id) const {
    return find_in(ds_.ia_meetings, maps().meetings, hashed_, id, [](const IaMeeting& m) -> std::string_view { return m.id; });
}
std::optional<std::size_t> Lookup::plan(std::string_view id) const {
    return find_in(ds_.plans, maps().plans, hashed_, id, [](const Plan& p) -> std::string_view { return p.id; });
}
std::optional<std::size_t> Lookup::option(std::string_view id) const {
    return find_in(ds_.adjustment_options, maps().options, hashed_, id,
                   [](const AdjustmentOption& o) -> std::string_view { return o.id; });
}

std::optional<std::size_t> Lookup::plan_of_case(std::string_view employee, Date case_start) const {
    if (!hashed_) {
        for (std::size_t i = 0; i < ds_.plans.size(); ++i)
            if (ds_.plans[i].employee == employee && ds_.plans[i].case_start == case_start) return i;
        return std::nullopt;
    }
    auto& m = maps().cases;
    if (!m) {
        m.emplace();
        for (std::size_t i = 0; i < ds_.plans.size(); ++i) m->emplace(case_key(ds_.plans[i].employee, ds_.plans[i].case_start), i);
    }
    auto it = m->find(case_key(employee, case_start));
    return it == m->end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> Lookup::half_year(int year, int half) const {
    for (std::size_t i = 0; i < ds_.half_year_reports.size(); ++i) // a short list: a few a year
        if (ds_.half_year_reports[i].year == year && ds_.half_year_reports[i].half == half) return i;
    return std::nullopt;
}

// --- Cross-record checks -------------------------------------------------------------------------

namespace {

using detail_ds::EmployeeField;

void add(std::vector<Problem>& out, std::string field, ProblemCode code, std::initializer_list<ProblemArg> args) {
    out.push_back(make_problem(std::move(field), code, args));
}

// The id must be held by the record itself (or by nobody, for a new record).
void id_free(std::vector<Problem>& out, std::string_view id, Self self, std::optional<std::size_t> holder,
             std::string_view holder_name) {
    if (id.empty() || !holder || holder == self) return;
    add(out, "id", ProblemCode::id_taken, {{"id", id}, {"other", holder_name}});
}

} // namespace

void check_unit_refs(const Unit& u, Self self, const Lookup& l, std::vector<Problem>& out) {
    const auto h = l.unit(u.id);
    id_free(out, u.id, self, h, h ? std::string_view(l.data().units[*h].name) : "");
}

void check_employee_refs(const Employee& e, Self self, const Lookup& l, std::vector<Problem>& out, unsigned unread) {
    if ((unread & EmployeeField::id) == 0) {
        const auto h = l.employee(e.id);
        id_free(out, e.id, self, h, h ? std::string_view(l.data().employees[*h].name) : "");
    }
    if ((unread & EmployeeField::unit) == 0 && !l.units_unknown && !l.unit(e.unit))
        add(out, "unit", ProblemCode::unknown_unit, {{"id", e.unit}});
    if ((unread & EmployeeField::earlier_units) == 0 && !l.units_unknown)
        for (std::size_t j = 0; j < e.earlier_units.size(); ++j)
            if (!l.unit(e.earlier_units[j].unit))
                add(out, "earlier_units/" + std::to_string(j) + "/unit", ProblemCode::unknown_unit,
                    {{"id", e.earlier_units[j].unit}});
}

void check_absence_refs(const Absence& a, const Lookup& l, std::vector<Problem>& out, unsigned unread) {
    if ((unread & detail_ds::AbsenceField::employee) == 0 && !l.employees_unknown && !l.employee(a.employee))
        add(out, "employee", ProblemCode::unknown_employee, {{"id", a.employee}});
}

void check_milestone_event_refs(const MilestoneEvent& ev, const Lookup& l, std::vector<Problem>& out, unsigned unread) {
    if ((unread & detail_ds::EventField::employee) == 0 && !l.employees_unknown && !l.employee(ev.employee))
        add(out, "employee", ProblemCode::unknown_employee, {{"id", ev.employee}});
}

void check_goal_refs(const Goal& g, Self self, const Lookup& l, std::vector<Problem>& out) {
    const auto h = l.goal(g.id);
    id_free(out, g.id, self, h, h ? std::string_view(l.data().goals[*h].title) : "");
}

void check_activity_refs(const GoalActivity& a, Self self, const Lookup& l, std::vector<Problem>& out) {
    const auto h = l.activity(a.id);
    id_free(out, a.id, self, h, h ? std::string_view(l.data().goal_activities[*h].title) : "");
    if (!a.goal.empty() && !l.goals_unknown && !l.goal(a.goal)) add(out, "goal", ProblemCode::unknown_goal, {{"id", a.goal}});
}

void check_meeting_refs(const IaMeeting& m, Self self, const Lookup& l, std::vector<Problem>& out) {
    const auto h = l.meeting(m.id);
    id_free(out, m.id, self, h, h ? format_norwegian(l.data().ia_meetings[*h].date) : std::string());
    if (l.goals_unknown) return;
    for (std::size_t d = 0; d < m.decisions.size(); ++d)
        for (std::size_t k = 0; k < m.decisions[d].goals.size(); ++k)
            if (!l.goal(m.decisions[d].goals[k]))
                add(out, "decisions/" + std::to_string(d) + "/goals/" + std::to_string(k), ProblemCode::unknown_goal,
                    {{"id", m.decisions[d].goals[k]}});
}

void check_half_year_refs(const HalfYearReport& r, Self self, const Lookup& l, std::vector<Problem>& out) {
    if (!l.activities_unknown && !r.successful_activity.empty() && !l.activity(r.successful_activity))
        add(out, "successful_activity", ProblemCode::unknown_activity, {{"id", r.successful_activity}});
    const auto h = l.half_year(r.year, r.half);
    if (h && h != self)
        add(out, "half", ProblemCode::half_year_twice,
            {{"period", half_year_label(r.year, r.half)}, {"other", "/half_year_reports/" + std::to_string(*h)}});
}

void check_adjustment_option_refs(const AdjustmentOption& o, Self self, const Lookup& l, std::vector<Problem>& out) {
    const auto h = l.option(o.id);
    id_free(out, o.id, self, h, h ? std::string_view(l.data().adjustment_options[*h].text) : "");
}

void check_plan_refs(const Plan& p, Self self, const Lookup& l, std::vector<Problem>& out) {
    const auto h = l.plan(p.id);
    id_free(out, p.id, self, h, h ? std::string_view(l.data().plans[*h].id) : "");
    if (!l.employees_unknown && !l.employee(p.employee)) {
        add(out, "employee", ProblemCode::unknown_employee, {{"id", p.employee}});
    } else if (const auto c = l.plan_of_case(p.employee, p.case_start); c && c != self) {
        add(out, "case_start", ProblemCode::plan_case_has_plan, {});
    }
    for (std::size_t k = 0; k < p.versions.size(); ++k) {
        const auto& options = p.versions[k].content.adjustment_options;
        for (std::size_t m = 0; m < options.size(); ++m)
            if (!l.option(options[m]))
                add(out, "versions/" + std::to_string(k) + "/content/adjustment_options/" + std::to_string(m),
                    ProblemCode::unknown_option, {{"id", options[m]}});
    }
}

// --- What a command touched ----------------------------------------------------------------------

namespace {

// Runs the value and cross-record checks of record `i` of `list`, with the problems' fields made
// JSON pointers below "/<name>/<i>".
template <class T, class Values, class Refs>
void touched_records(const std::vector<T>& list, const char* name, const std::vector<std::size_t>& which, Values values,
                     Refs refs, std::vector<Problem>& out) {
    for (std::size_t i : which) {
        if (i >= list.size()) continue; // removed again by the same command
        std::vector<Problem> p;
        values(list[i], p);
        refs(list[i], i, p);
        prefix_fields(p, "/" + std::string(name) + "/" + std::to_string(i));
        out.insert(out.end(), std::make_move_iterator(p.begin()), std::make_move_iterator(p.end()));
    }
}

} // namespace

std::vector<Problem> check_touched(const Dataset& ds, const Touched& t) {
    std::vector<Problem> out;
    if (t.everything) {
        for (DatasetProblem& p : validate_dataset(ds))
            out.push_back({std::move(p.pointer), std::move(p.message_nb), std::move(p.message_en), p.code});
        return out;
    }
    // Many touched records (an import) are checked against hash maps; a few by scanning.
    const std::size_t many = t.units.size() + t.employees.size() + t.absences.size() + t.milestone_events.size() +
                             t.plans.size() + t.goals.size() + t.activities.size() + t.meetings.size();
    const Lookup l(ds, many > 64);
    if (t.organisation) {
        std::vector<Problem> p;
        check_organisation(ds.organisation, p);
        prefix_fields(p, "/organisation");
        out.insert(out.end(), p.begin(), p.end());
    }
    touched_records(ds.units, "units", t.units, [](const Unit& u, auto& p) { check_unit(u, p); },
                    [&](const Unit& u, std::size_t i, auto& p) { check_unit_refs(u, i, l, p); }, out);
    touched_records(ds.employees, "employees", t.employees, [](const Employee& e, auto& p) { check_employee(e, p); },
                    [&](const Employee& e, std::size_t i, auto& p) { check_employee_refs(e, i, l, p); }, out);
    touched_records(ds.absences, "absences", t.absences, [](const Absence& a, auto& p) { check_absence(a, p); },
                    [&](const Absence& a, std::size_t, auto& p) { check_absence_refs(a, l, p); }, out);
    touched_records(ds.milestone_events, "milestone_events", t.milestone_events,
                    [](const MilestoneEvent& ev, auto& p) { check_milestone_event(ev, p); },
                    [&](const MilestoneEvent& ev, std::size_t, auto& p) { check_milestone_event_refs(ev, l, p); }, out);
    touched_records(ds.adjustment_options, "adjustment_options", t.adjustment_options,
                    [](const AdjustmentOption& o, auto& p) { check_adjustment_option(o, p); },
                    [&](const AdjustmentOption& o, std::size_t i, auto& p) { check_adjustment_option_refs(o, i, l, p); }, out);
    touched_records(ds.plans, "plans", t.plans, [](const Plan& x, auto& p) { check_plan(x, p); },
                    [&](const Plan& x, std::size_t i, auto& p) { check_plan_refs(x, i, l, p); }, out);
    touched_records(ds.goals, "goals", t.goals, [](const Goal& g, auto& p) { check_goal(g, p); },
                    [&](const Goal& g, std::size_t i, auto& p) { check_goal_refs(g, i, l, p); }, out);
    touched_records(ds.goal_activities, "goal_activities", t.activities,
                    [](const GoalActivity& a, auto& p) { check_activity(a, p); },
                    [&](const GoalActivity& a, std::size_t i, auto& p) { check_activity_refs(a, i, l, p); }, out);
    touched_records(ds.ia_meetings, "ia_meetings", t.meetings, [](const IaMeeting& m, auto& p) { check_meeting(m, p); },
                    [&](const IaMeeting& m, std::size_t i, auto& p) { check_meeting_refs(m, i, l, p); }, out);
    if (t.half_years) {
        std::vector<std::size_t> all(ds.half_year_reports.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        touched_records(ds.half_year_reports, "half_year_reports", all,
                        [](const HalfYearReport& r, auto& p) { check_half_year(r, p); },
                        [&](const HalfYearReport& r, std::size_t i, auto& p) { check_half_year_refs(r, i, l, p); }, out);
    }

    // Nothing may refer to a removed id.
    for (const std::string& id : t.removed_units)
        for (std::size_t i = 0; i < ds.employees.size(); ++i) {
            const Employee& e = ds.employees[i];
            if (e.unit == id)
                out.push_back(make_problem("/employees/" + std::to_string(i) + "/unit", ProblemCode::unknown_unit, {{"id", id}}));
            for (std::size_t j = 0; j < e.earlier_units.size(); ++j)
                if (e.earlier_units[j].unit == id)
                    out.push_back(make_problem("/employees/" + std::to_string(i) + "/earlier_units/" + std::to_string(j) + "/unit",
                                               ProblemCode::unknown_unit, {{"id", id}}));
        }
    for (const std::string& id : t.removed_employees) {
        auto refers = [&](const char* list, std::size_t i) {
            out.push_back(make_problem("/" + std::string(list) + "/" + std::to_string(i) + "/employee",
                                       ProblemCode::unknown_employee, {{"id", id}}));
        };
        for (std::size_t i = 0; i < ds.absences.size(); ++i)
            if (ds.absences[i].employee == id) refers("absences", i);
        for (std::size_t i = 0; i < ds.milestone_events.size(); ++i)
            if (ds.milestone_events[i].employee == id) refers("milestone_events", i);
        for (std::size_t i = 0; i < ds.plans.size(); ++i)
            if (ds.plans[i].employee == id) refers("plans", i);
    }
    for (const std::string& id : t.removed_goals) {
        for (std::size_t i = 0; i < ds.goal_activities.size(); ++i)
            if (ds.goal_activities[i].goal == id)
                out.push_back(make_problem("/goal_activities/" + std::to_string(i) + "/goal", ProblemCode::unknown_goal, {{"id", id}}));
        for (std::size_t i = 0; i < ds.ia_meetings.size(); ++i)
            for (const MeetingDecision& d : ds.ia_meetings[i].decisions)
                if (std::find(d.goals.begin(), d.goals.end(), id) != d.goals.end())
                    out.push_back(make_problem("/ia_meetings/" + std::to_string(i), ProblemCode::unknown_goal, {{"id", id}}));
    }
    for (const std::string& id : t.removed_activities)
        for (std::size_t i = 0; i < ds.half_year_reports.size(); ++i)
            if (ds.half_year_reports[i].successful_activity == id)
                out.push_back(make_problem("/half_year_reports/" + std::to_string(i) + "/successful_activity",
                                           ProblemCode::unknown_activity, {{"id", id}}));
    return out;
}

} // namespace iadesk
