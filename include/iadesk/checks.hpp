// checks: the rules every record of a dataset keeps, written once and used by everything that reads
// or changes a dataset: the loader (load_dataset, validate_dataset), the command builders (before an
// edit is offered), Document::apply (after a command ran, before it is kept) and the CSV imports.
// So no edit can make a document the loader refuses, and a refusal reads the same wherever it is
// made (the texts: problems.hpp).
//
// Contract
// - check_<record>(record, out, ...) appends the problems of one record on its own: required fields,
//   text lengths (kMaxTextBytes bytes; plan texts kPlanTextMax characters), dates in 1900-2200 and
//   in order, grades, position percents, the organisation number. Fields are relative to the record
//   ("employment/0/percent"). `unread` holds the loader's bits of fields it could not read
//   (dataset_internal.hpp's *Field enums); their checks are skipped so that one mistake in a file
//   gives one problem. Everything else passes 0.
// - check_<record>_refs(record, self, lookup, out) appends the cross-record problems: the id is not
//   held by another record of its kind, references resolve, one plan per sickness case, one report
//   per half year. `self` is the record's position in the dataset, or nullopt for a record that is
//   not in it yet (a builder's candidate), which then collides with any holder of its id.
// - Lookup answers "which record has this id" from hash maps built on first use (the loader: a whole
//   document) or by scanning (a command touching a few records: O(n) a question, no allocation).
//   Of several records with one id, the first is its holder.
// - check_touched(ds, touched) runs both kinds of checks on the records a command touched, and that
//   nothing refers to an id it removed; Touched::everything checks the whole dataset as the loader
//   does (validate_dataset).
#pragma once

#include "iadesk/model.hpp"
#include "iadesk/problems.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

// The longest text a name, a note or another free-text field may hold, in bytes: generous, but a
// 10 MB name is refused, not stored. Plan texts have their own limit in characters (plans.hpp).
inline constexpr std::size_t kMaxTextBytes = 10000;

class Lookup {
public:
    explicit Lookup(const Dataset& ds, bool hashed = false);
    ~Lookup();
    Lookup(const Lookup&) = delete;
    Lookup& operator=(const Lookup&) = delete;

    const Dataset& data() const { return ds_; }
    std::optional<std::size_t> unit(std::string_view id) const;
    std::optional<std::size_t> employee(std::string_view id) const;
    std::optional<std::size_t> goal(std::string_view id) const;
    std::optional<std::size_t> activity(std::string_view id) const;
    std::optional<std::size_t> meeting(std::string_view id) const;
    std::optional<std::size_t> plan(std::string_view id) const;
    std::optional<std::size_t> option(std::string_view id) const;
    std::optional<std::size_t> plan_of_case(std::string_view employee, Date case_start) const;
    std::optional<std::size_t> half_year(int year, int half) const;

    // Set by the loader when some ids of a kind could not be read: references to that kind are
    // then not checked (they could point at the unreadable one).
    bool units_unknown = false;
    bool employees_unknown = false;
    bool goals_unknown = false;
    bool activities_unknown = false;

private:
    struct Maps;
    const Dataset& ds_;
    bool hashed_;
    mutable std::unique_ptr<Maps> maps_;
    Maps& maps() const;
};

// --- One record on its own ---------------------------------------------------------------------
void check_organisation(const Organisation& o, std::vector<Problem>& out, unsigned unread = 0);
void check_unit(const Unit& u, std::vector<Problem>& out, unsigned unread = 0);
// `period_unread`: the loader's bits per employment period (nullptr: all read). `from_file`: the
// periods need not be sorted yet (the loader sorts them after checking); in memory they must be.
void check_employee(const Employee& e, std::vector<Problem>& out, unsigned unread = 0,
                    const uint8_t* period_unread = nullptr, bool from_file = false);
void check_absence(const Absence& a, std::vector<Problem>& out, unsigned unread = 0);
void check_milestone_event(const MilestoneEvent& ev, std::vector<Problem>& out, unsigned unread = 0);
void check_goal(const Goal& g, std::vector<Problem>& out);
void check_activity(const GoalActivity& a, std::vector<Problem>& out);
void check_meeting(const IaMeeting& m, std::vector<Problem>& out);
void check_half_year(const HalfYearReport& r, std::vector<Problem>& out);
void check_adjustment_option(const AdjustmentOption& o, std::vector<Problem>& out);
void check_plan(const Plan& p, std::vector<Problem>& out);
void check_change_log_entry(const ChangeLogEntry& e, std::vector<Problem>& out);

// --- Against the rest of the dataset -------------------------------------------------------------
using Self = std::optional<std::size_t>;
void check_unit_refs(const Unit& u, Self self, const Lookup& l, std::vector<Problem>& out);
void check_employee_refs(const Employee& e, Self self, const Lookup& l, std::vector<Problem>& out, unsigned unread = 0);
void check_absence_refs(const Absence& a, const Lookup& l, std::vector<Problem>& out, unsigned unread = 0);
void check_milestone_event_refs(const MilestoneEvent& ev, const Lookup& l, std::vector<Problem>& out, unsigned unread = 0);
void check_goal_refs(const Goal& g, Self self, const Lookup& l, std::vector<Problem>& out);
void check_activity_refs(const GoalActivity& a, Self self, const Lookup& l, std::vector<Problem>& out);
void check_meeting_refs(const IaMeeting& m, Self self, const Lookup& l, std::vector<Problem>& out);
void check_half_year_refs(const HalfYearReport& r, Self self, const Lookup& l, std::vector<Problem>& out);
void check_adjustment_option_refs(const AdjustmentOption& o, Self self, const Lookup& l, std::vector<Problem>& out);
void check_plan_refs(const Plan& p, Self self, const Lookup& l, std::vector<Problem>& out);

// --- What a command touched ------------------------------------------------------------------------
// Positions are those after the command ran. A default Touched checks everything.
struct Touched {
    bool everything = true;
    bool organisation = false;
    bool half_years = false;     // the list of half-year reports as a whole
    std::vector<std::size_t> units, employees, absences, milestone_events, plans, adjustment_options, goals,
        activities, meetings;
    // Ids that no record may refer to any more (removed records).
    std::vector<std::string> removed_units, removed_employees, removed_goals, removed_activities;

    static Touched none() { Touched t; t.everything = false; return t; }
};

// The problems of the touched records, with fields as JSON pointers into the document
// ("/employees/12/name"), so the message says where.
std::vector<Problem> check_touched(const Dataset& ds, const Touched& t);

// Problems with their fields put below a record's pointer: "name" -> "/employees/12/name".
void prefix_fields(std::vector<Problem>& problems, std::string_view pointer);

} // namespace iadesk
