// goal_commands: checked edits of IA goals, activities and meetings (include/iadesk/goal_commands.hpp).
#include "iadesk/goal_commands.hpp"

#include "iadesk/goals.hpp"

#include <algorithm>
#include <charconv>

namespace iadesk {
namespace {

template <class T>
std::optional<std::size_t> find_id(const std::vector<T>& v, std::string_view id) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id) return i;
    return std::nullopt;
}

// Fields that do not belong to the kind or metric are cleared; values sorted by period.
void normalise(Goal& g) {
    if (g.kind == GoalKind::result) {
        g.criterion.clear();
        g.criterion_count.reset();
        g.criterion_date.reset();
        if (g.metric != GoalMetric::recorded) {
            g.metric_name.clear();
            g.higher_is_better = false;
            g.values.clear();
        } else {
            g.units.clear();
        }
        std::stable_sort(g.values.begin(), g.values.end(),
                         [](const RecordedValue& a, const RecordedValue& b) { return a.period < b.period; });
    } else {
        g.metric = GoalMetric::sick_leave;
        g.units.clear();
        g.metric_name.clear();
        g.higher_is_better = false;
        g.values.clear();
        g.baseline_period.reset();
        g.baseline_value.reset();
        g.target_value.reset();
        g.target_change.reset();
    }
}

// The loader's checks of a goal as it would be stored at `self` (nullopt: a new one), after
// normalising it, and the edit's own rule: the units of a sick-leave goal exist now (a file may keep
// a goal whose unit was removed later; its evaluation then says so).
std::vector<Problem> check_goal_edit(const Dataset& ds, Goal& g, std::optional<std::size_t> self) {
    normalise(g);
    std::vector<Problem> p;
    check_goal(g, p);
    check_goal_refs(g, self, Lookup(ds), p);
    if (g.kind == GoalKind::result && g.metric != GoalMetric::recorded)
        for (std::size_t i = 0; i < g.units.size(); ++i)
            if (!find_id(ds.units, g.units[i]))
                p.push_back(make_problem("units/" + std::to_string(i), ProblemCode::unknown_unit, {{"id", g.units[i]}}));
    return p;
}

std::vector<Problem> check_activity_edit(const Dataset& ds, const GoalActivity& a, std::optional<std::size_t> self) {
    std::vector<Problem> p;
    check_activity(a, p);
    check_activity_refs(a, self, Lookup(ds), p);
    return p;
}

std::vector<Problem> check_meeting_edit(const Dataset& ds, const IaMeeting& m, std::optional<std::size_t> self) {
    std::vector<Problem> p;
    check_meeting(m, p);
    check_meeting_refs(m, self, Lookup(ds), p);
    return p;
}

Touched touching(std::vector<std::size_t> Touched::*list, std::size_t index) {
    Touched t = Touched::none();
    (t.*list).push_back(index);
    return t;
}

// Which Touched list holds positions of `member`.
std::vector<std::size_t> Touched::*touched_list(std::vector<Goal> Dataset::*) { return &Touched::goals; }
std::vector<std::size_t> Touched::*touched_list(std::vector<GoalActivity> Dataset::*) { return &Touched::activities; }
std::vector<std::size_t> Touched::*touched_list(std::vector<IaMeeting> Dataset::*) { return &Touched::meetings; }

// Replace the record at `index` of the vector `member` by `now` (apply) and back (undo).
template <class T>
Command replace_at(std::vector<T> Dataset::*member, const Dataset& ds, std::size_t index, T now, std::string description,
                   std::string merge_key = {}) {
    Command c;
    c.affects_cases = false; // no case or milestone reads goals, activities, meetings or reports
    c.description = std::move(description);
    c.merge_key = std::move(merge_key);
    c.touched = touching(touched_list(member), index);
    c.apply = [member, index, now = std::move(now)](Dataset& d) { if (index < (d.*member).size()) (d.*member)[index] = now; };
    c.undo = [member, index, old = (ds.*member)[index]](Dataset& d) { if (index < (d.*member).size()) (d.*member)[index] = old; };
    return c;
}

template <class T>
Command append(std::vector<T> Dataset::*member, const Dataset& ds, T item, std::string description) {
    Command c;
    c.affects_cases = false; // no case or milestone reads goals, activities, meetings or reports
    c.description = std::move(description);
    c.touched = touching(touched_list(member), (ds.*member).size());
    c.apply = [member, item = std::move(item)](Dataset& d) { (d.*member).push_back(item); };
    c.undo = [member](Dataset& d) { if (!(d.*member).empty()) (d.*member).pop_back(); };
    return c;
}

template <class T>
Command erase_at(std::vector<T> Dataset::*member, const Dataset& ds, std::size_t index, std::string description) {
    Command c;
    c.affects_cases = false; // no case or milestone reads goals, activities, meetings or reports
    c.description = std::move(description);
    c.touched = Touched::none(); // the callers name the ids that must not be referred to any more
    c.apply = [member, index](Dataset& d) {
        if (index < (d.*member).size()) (d.*member).erase((d.*member).begin() + static_cast<std::ptrdiff_t>(index));
    };
    c.undo = [member, index, old = (ds.*member)[index]](Dataset& d) {
        auto& v = d.*member;
        v.insert(v.begin() + static_cast<std::ptrdiff_t>(std::min(index, v.size())), old);
    };
    return c;
}


// Clears the "most successful activity" link of every half-year report whose activity is gone
// (the link only; the enterprise's text stays), so the dataset stays valid after a removal.
void unlink_successful(Dataset& d) {
    for (HalfYearReport& r : d.half_year_reports)
        if (!r.successful_activity.empty() && !find_id(d.goal_activities, r.successful_activity)) r.successful_activity.clear();
}

template <class T>
std::vector<std::string_view> ids_of(const std::vector<T>& v) {
    std::vector<std::string_view> out;
    out.reserve(v.size());
    for (const T& x : v) out.push_back(x.id);
    return out;
}

} // namespace

// --- Goals -----------------------------------------------------------------------------------------

CommandResult add_goal(const Dataset& ds, Goal g) {
    std::vector<Problem> p = check_goal_edit(ds, g, std::nullopt);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "La til mål " + g.title;
    return accepted(append(&Dataset::goals, ds, std::move(g), std::move(desc)));
}

CommandResult update_goal(const Dataset& ds, std::string_view id, Goal g) {
    auto i = find_id(ds.goals, id);
    if (!i) return refused("id", ProblemCode::unknown_goal, {{"id", id}});
    if (g.id != id) return refused("id", ProblemCode::id_fixed, {{"id", id}});
    std::vector<Problem> p = check_goal_edit(ds, g, *i);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "Endret mål " + g.title;
    return accepted(replace_at(&Dataset::goals, ds, *i, std::move(g), std::move(desc), "goal:" + std::string(id)));
}

GoalDependents goal_dependents(const Dataset& ds, std::string_view id) {
    GoalDependents d;
    for (const GoalActivity& a : ds.goal_activities) d.activities += a.goal == id;
    for (const IaMeeting& m : ds.ia_meetings)
        for (const MeetingDecision& dec : m.decisions)
            d.decisions += std::count(dec.goals.begin(), dec.goals.end(), id) > 0;
    return d;
}

CommandResult remove_goal(const Dataset& ds, std::string_view id) {
    auto i = find_id(ds.goals, id);
    if (!i) return refused("id", ProblemCode::unknown_goal, {{"id", id}});
    const GoalDependents dep = goal_dependents(ds, id);
    Command c;
    c.affects_cases = false; // no case or milestone reads goals, activities, meetings or reports
    c.description = "Slettet mål " + ds.goals[*i].title;
    if (dep.activities) c.description += " med " + std::to_string(dep.activities) + (dep.activities == 1 ? " aktivitet" : " aktiviteter");
    const std::string gid(id);
    const std::size_t at = *i;
    c.touched = Touched::none();
    c.touched.removed_goals.push_back(gid);
    for (const GoalActivity& a : ds.goal_activities)
        if (a.goal == gid) c.touched.removed_activities.push_back(a.id);
    // The whole state that changes, kept for an exact undo (goals are few).
    c.apply = [gid, at](Dataset& d) {
        if (at < d.goals.size()) d.goals.erase(d.goals.begin() + static_cast<std::ptrdiff_t>(at));
        std::erase_if(d.goal_activities, [&](const GoalActivity& a) { return a.goal == gid; });
        for (IaMeeting& m : d.ia_meetings)
            for (MeetingDecision& dec : m.decisions) std::erase(dec.goals, gid);
        unlink_successful(d); // a half-year report naming a removed activity keeps its text
    };
    c.undo = [goals = ds.goals, acts = ds.goal_activities, meetings = ds.ia_meetings, reports = ds.half_year_reports](Dataset& d) {
        d.goals = goals;
        d.goal_activities = acts;
        d.ia_meetings = meetings;
        d.half_year_reports = reports;
    };
    return accepted(std::move(c));
}

// --- Activities ------------------------------------------------------------------------------------

CommandResult add_activity(const Dataset& ds, GoalActivity a) {
    std::vector<Problem> p = check_activity_edit(ds, a, std::nullopt);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "La til aktivitet " + a.title;
    return accepted(append(&Dataset::goal_activities, ds, std::move(a), std::move(desc)));
}

CommandResult update_activity(const Dataset& ds, std::string_view id, GoalActivity a) {
    auto i = find_id(ds.goal_activities, id);
    if (!i) return refused("id", ProblemCode::unknown_activity, {{"id", id}});
    if (a.id != id) return refused("id", ProblemCode::id_fixed, {{"id", id}});
    std::vector<Problem> p = check_activity_edit(ds, a, *i);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "Endret aktivitet " + a.title;
    return accepted(replace_at(&Dataset::goal_activities, ds, *i, std::move(a), std::move(desc), "activity:" + std::string(id)));
}

CommandResult remove_activity(const Dataset& ds, std::string_view id) {
    auto i = find_id(ds.goal_activities, id);
    if (!i) return refused("id", ProblemCode::unknown_activity, {{"id", id}});
    Command c = erase_at(&Dataset::goal_activities, ds, *i, "Slettet aktivitet " + ds.goal_activities[*i].title);
    c.touched.removed_activities.push_back(std::string(id));
    c.apply = [erase = std::move(c.apply)](Dataset& d) {
        erase(d);
        unlink_successful(d); // a half-year report naming it keeps its text (half_year.hpp)
    };
    c.undo = [restore = std::move(c.undo), reports = ds.half_year_reports](Dataset& d) {
        restore(d);
        d.half_year_reports = reports;
    };
    return accepted(std::move(c));
}

CommandResult set_activity_status(const Dataset& ds, std::string_view id, ActivityStatus status, Date today) {
    auto i = find_id(ds.goal_activities, id);
    if (!i) return refused("id", ProblemCode::unknown_activity, {{"id", id}});
    GoalActivity a = ds.goal_activities[*i];
    if (status == ActivityStatus::fullfort) { if (a.status != ActivityStatus::fullfort || !a.done) a.done = today; }
    else a.done.reset();
    a.status = status;
    std::string desc = "Satte status " + std::string(to_string(status)) + " på " + a.title;
    return accepted(replace_at(&Dataset::goal_activities, ds, *i, std::move(a), std::move(desc)));
}

// --- Meetings --------------------------------------------------------------------------------------

CommandResult add_meeting(const Dataset& ds, IaMeeting m) {
    std::vector<Problem> p = check_meeting_edit(ds, m, std::nullopt);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "La til IA-møte " + format_norwegian(m.date);
    return accepted(append(&Dataset::ia_meetings, ds, std::move(m), std::move(desc)));
}

CommandResult update_meeting(const Dataset& ds, std::string_view id, IaMeeting m) {
    auto i = find_id(ds.ia_meetings, id);
    if (!i) return refused("id", ProblemCode::unknown_meeting, {{"id", id}});
    if (m.id != id) return refused("id", ProblemCode::id_fixed, {{"id", id}});
    std::vector<Problem> p = check_meeting_edit(ds, m, *i);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "Endret IA-møte " + format_norwegian(m.date);
    return accepted(replace_at(&Dataset::ia_meetings, ds, *i, std::move(m), std::move(desc), "meeting:" + std::string(id)));
}

CommandResult remove_meeting(const Dataset& ds, std::string_view id) {
    auto i = find_id(ds.ia_meetings, id);
    if (!i) return refused("id", ProblemCode::unknown_meeting, {{"id", id}});
    return accepted(erase_at(&Dataset::ia_meetings, ds, *i, "Slettet IA-møte " + format_norwegian(ds.ia_meetings[*i].date)));
}

std::string next_goal_id(const Dataset& ds) { return next_prefixed_id(ids_of(ds.goals), "G"); }
std::string next_activity_id(const Dataset& ds) { return next_prefixed_id(ids_of(ds.goal_activities), "A"); }
std::string next_meeting_id(const Dataset& ds) { return next_prefixed_id(ids_of(ds.ia_meetings), "M"); }

} // namespace iadesk
