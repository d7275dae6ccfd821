// dataset_check: phase 2 of load_dataset, and validate_dataset: every record through the checks
// that the commands use too (include/iadesk/checks.hpp), over the whole document. The list of checks
// is in docs/data-format.md ("Checks").
#include "dataset_internal.hpp"

#include "iadesk/rules.hpp"

#include <algorithm>

namespace iadesk::detail_ds {

std::string Path::str() const {
    if (!parent) return {};
    std::string s = parent->str();
    s += '/';
    if (index != npos) {
        s += std::to_string(index);
    } else {
        for (char c : key) {
            if (c == '~') s += "~0";
            else if (c == '/') s += "~1";
            else s += c;
        }
    }
    return s;
}

const std::vector<std::string>& known_milestone_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v;
        for (const RuleSet& rs : builtin_rule_sets())
            for (const MilestoneRule& m : rs.milestones)
                if (std::find(v.begin(), v.end(), m.id) == v.end()) v.push_back(m.id);
        return v;
    }();
    return ids;
}

namespace {

// The whole document: each record's own checks and its cross-record checks (checks.hpp), with the
// loader's bits of fields it could not read (`meta`, null for an in-memory Dataset).
class Checker {
public:
    Checker(const Dataset& ds, const LoadMeta* meta, Reporter& rep) : ds_(ds), meta_(meta), rep_(rep), lookup_(ds, true) {}

    void run() {
        Path root{};
        mark_unknown();
        {
            Path at{&root, "organisation"};
            check_organisation(ds_.organisation, p_, meta_ ? meta_->organisation_bad : 0);
            rep_.add_all(at, p_);
        }
        Path units{&root, "units"};
        if (!(meta_ && meta_->units_missing))
            for (std::size_t i = 0; i < ds_.units.size(); ++i) {
                const unsigned bad = bits(meta_ ? &meta_->unit_bad : nullptr, i);
                check_unit(ds_.units[i], p_, bad);
                if (!(bad & UnitField::id)) check_unit_refs(ds_.units[i], i, lookup_, p_);
                emit(units, i);
            }
        Path employees{&root, "employees"};
        if (!(meta_ && meta_->employees_missing))
            for (std::size_t i = 0; i < ds_.employees.size(); ++i) {
                const unsigned bad = bits(meta_ ? &meta_->employee_bad : nullptr, i);
                if (bad == 0xFF) continue;
                const uint8_t* periods = meta_ ? meta_->period_bad.data() + meta_->period_offset[i] : nullptr;
                check_employee(ds_.employees[i], p_, bad, periods, meta_ != nullptr);
                check_employee_refs(ds_.employees[i], i, lookup_, p_, bad);
                emit(employees, i);
            }
        Path absences{&root, "absences"};
        // An employee's records usually follow each other: an id just found in the register is not
        // looked up again (check_absence_refs reports only an id that is not there).
        std::string_view known_employee;
        bool have_known = false;
        for (std::size_t i = 0; i < ds_.absences.size(); ++i) {
            const unsigned bad = bits(meta_ ? &meta_->absence_bad : nullptr, i);
            if (bad == 0xFF) continue;
            const Absence& a = ds_.absences[i];
            check_absence(a, p_, bad);
            // check_absence_refs reports nothing when the employee field is unread or the register
            // unknown, and nothing for an id that is there.
            const bool refs = !(bad & AbsenceField::employee) && !lookup_.employees_unknown;
            if (refs && !(have_known && a.employee == known_employee)) {
                have_known = lookup_.employee(a.employee).has_value();
                if (have_known) known_employee = a.employee;
                else check_absence_refs(a, lookup_, p_, bad); // reports the unknown id
            }
            emit(absences, i);
        }
        Path events{&root, "milestone_events"};
        for (std::size_t i = 0; i < ds_.milestone_events.size(); ++i) {
            const unsigned bad = bits(meta_ ? &meta_->event_bad : nullptr, i);
            if (bad == 0xFF) continue;
            check_milestone_event(ds_.milestone_events[i], p_, bad);
            check_milestone_event_refs(ds_.milestone_events[i], lookup_, p_, bad);
            emit(events, i);
        }
        goals(root);
        plans(root);
        half_years(root);
        check_comparison_figures(ds_, meta_ ? &meta_->comparison_bad : nullptr, root, rep_);
        Path log{&root, "change_log"};
        for (std::size_t i = 0; i < ds_.change_log.size(); ++i) {
            check_change_log_entry(ds_.change_log[i], p_);
            emit(log, i);
        }
    }

private:
    static unsigned bits(const std::vector<uint8_t>* v, std::size_t i) { return v && i < v->size() ? (*v)[i] : 0; }
    static bool any(const std::vector<uint8_t>& v, uint8_t field) {
        return std::any_of(v.begin(), v.end(), [&](uint8_t b) { return (b & field) != 0; });
    }

    // References to a kind whose ids could not all be read are not checked (they could name the
    // unreadable one): one mistake in a file gives one problem.
    void mark_unknown() {
        if (!meta_) return;
        lookup_.units_unknown = meta_->units_missing || any(meta_->unit_bad, UnitField::id);
        lookup_.employees_unknown = meta_->employees_missing || any(meta_->employee_bad, EmployeeField::id);
        lookup_.goals_unknown = any(meta_->goals.goal_bad, 1);
        lookup_.activities_unknown = any(meta_->goals.activity_bad, 1);
    }

    void emit(const Path& list, std::size_t i) {
        if (p_.empty()) return;
        Path at{&list, {}, i};
        rep_.add_all(at, p_);
    }

    void goals(const Path& root) {
        const GoalsMeta* gm = meta_ ? &meta_->goals : nullptr;
        Path goals{&root, "goals"};
        for (std::size_t i = 0; i < ds_.goals.size(); ++i) {
            if (gm && bits(&gm->goal_bad, i)) continue;
            check_goal(ds_.goals[i], p_);
            check_goal_refs(ds_.goals[i], i, lookup_, p_);
            emit(goals, i);
        }
        Path activities{&root, "goal_activities"};
        for (std::size_t i = 0; i < ds_.goal_activities.size(); ++i) {
            if (gm && bits(&gm->activity_bad, i)) continue;
            check_activity(ds_.goal_activities[i], p_);
            check_activity_refs(ds_.goal_activities[i], i, lookup_, p_);
            emit(activities, i);
        }
        Path meetings{&root, "ia_meetings"};
        for (std::size_t i = 0; i < ds_.ia_meetings.size(); ++i) {
            if (gm && bits(&gm->meeting_bad, i)) continue;
            check_meeting(ds_.ia_meetings[i], p_);
            check_meeting_refs(ds_.ia_meetings[i], i, lookup_, p_);
            emit(meetings, i);
        }
    }

    void plans(const Path& root) {
        Path options{&root, "adjustment_options"};
        for (std::size_t i = 0; i < ds_.adjustment_options.size(); ++i) {
            check_adjustment_option(ds_.adjustment_options[i], p_);
            check_adjustment_option_refs(ds_.adjustment_options[i], i, lookup_, p_);
            emit(options, i);
        }
        Path plans{&root, "plans"};
        for (std::size_t i = 0; i < ds_.plans.size(); ++i) {
            check_plan(ds_.plans[i], p_);
            check_plan_refs(ds_.plans[i], i, lookup_, p_);
            emit(plans, i);
        }
    }

    void half_years(const Path& root) {
        Path reports{&root, "half_year_reports"};
        for (std::size_t i = 0; i < ds_.half_year_reports.size(); ++i) {
            if (meta_ && bits(&meta_->half_year_bad, i)) continue;
            check_half_year(ds_.half_year_reports[i], p_);
            check_half_year_refs(ds_.half_year_reports[i], i, lookup_, p_);
            emit(reports, i);
        }
    }

    const Dataset& ds_;
    const LoadMeta* meta_;
    Reporter& rep_;
    Lookup lookup_;
    std::vector<Problem> p_; // one record's problems, emptied by emit()
};

} // namespace

void check_dataset(const Dataset& ds, const LoadMeta* meta, Reporter& rep) { Checker(ds, meta, rep).run(); }

} // namespace iadesk::detail_ds
