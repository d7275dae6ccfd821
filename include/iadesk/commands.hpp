// commands: checked edits of people, units, absence and the organisation (every change is a
// command: document.hpp).
//
// Contract
// - Every builder CHECKS its input against the dataset first and returns either a Command
//   (document.hpp) or the list of problems, never both; it never throws. A problem names the
//   field with the dataset's JSON names ("grade", "to", "employment/1/percent", "orgnr") and
//   says what is wrong in bokmål and English, e.g. "Grad må være mellom 20 og 100 (var 150)".
// - The checks ARE the loader's (checks.hpp: check_<record> on the candidate record and
//   check_<record>_refs against the dataset): non-empty ids and names, text lengths, unique ids,
//   references that resolve, dates in 1900..2200 and ordered, grade 20..100 and egenmelding 100,
//   percent 0 < p <= 100, employment periods not overlapping, at least one employment period, a
//   valid orgnr (mod 11), known milestone ids and a reason for an exemption. Stricter than the
//   loader: an absence may not overlap another absence of the same employee (one person is not
//   sick-listed twice on one day). Each command names what it touches (Command::touched), and
//   Document::apply checks that again after applying it.
// - A command is valid for the dataset it was built from (Document's linear history guarantees
//   that): index-based commands (absences, employment periods) refer to positions in that state.
//   undo restores the exact previous state, order included.
// - Employee ids cannot change (update_employee refuses a different id): absences and milestone
//   events refer to them.
// - remove_employee removes the employee together with all their absences and milestone events
//   (a cascade, not a refusal: "nothing silently lost" is kept because the description counts
//   what goes with the employee, employee_dependents() lets the UI ask first, and undo puts
//   every record back at its old position).
// - remove_unit refuses while any employee belongs to the unit.
// - Descriptions are user-facing bokmål ("La til ansatt Kari Nordmann"); the change log shows them.
// - Cost: O(n) in the dataset's size at worst (one scan); no quadratic loops.
#pragma once

#include "iadesk/document.hpp"
#include "iadesk/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

struct CommandResult {
    std::optional<Command> command;   // set exactly when problems is empty
    std::vector<Problem> problems;
    bool ok() const { return command.has_value(); }
};

// The two ways a command builder ends: refused with the problems found (nothing to apply), or
// accepted with the command to run.
CommandResult refused(std::vector<Problem> problems);
CommandResult refused(std::string field, ProblemCode code, std::initializer_list<ProblemArg> args = {});
CommandResult accepted(Command c);

// --- Organisation ---------------------------------------------------------------------------
// Name non-empty, orgnr valid (is_valid_orgnr). merge_key "organisation" (typing merges).
CommandResult set_organisation(const Dataset& ds, Organisation org);

// --- The whole register ---------------------------------------------------------------------
// Replaces the whole register with `next` (a restore from a backup, or starting empty) as one
// undoable step, refused with the loader's problems when `next` would not load. The change log is
// the audit trail and is kept as it is: `next`'s own log (a backup file's) is not taken over, so a
// file cannot put entries into it; Document::apply appends `description` ("Gjenopprettet fra ...").
CommandResult replace_dataset(const Dataset& current, Dataset next, std::string description);

// --- Comparison figures (benchmarks_commands.cpp; benchmarks.hpp) ----------------------------
// Keeps the figures of a newer published table (import_benchmarks_csv) in Dataset::comparison_figures:
// each replaces a stored figure of the same category, code, measure and quarter, the rest are kept.
// Refused when `figures` is empty or a figure fails the loader's checks (fields "comparison_figures/N/...").
CommandResult import_comparison_figures(const Dataset& ds, std::vector<BenchmarkFigure> figures, std::string_view file_name);
// Removes every imported figure, so the shipped table counts again. Refused when there are none.
CommandResult remove_comparison_figures(const Dataset& ds);

// --- Units (unit_commands.cpp) ----------------------------------------------------------------
// A unit that was ever used is closed (nedlagt), not removed: its history stays and the statistics
// of earlier periods still show it. Moves keep the history (Employee::earlier_units).
CommandResult add_unit(const Dataset& ds, Unit unit);
CommandResult rename_unit(const Dataset& ds, std::string_view unit_id, std::string new_name);
// Refused while employees are in it or it is in an employee's history (close it instead).
CommandResult remove_unit(const Dataset& ds, std::string_view unit_id);
// Closed from `date` on; refused while employees are in it. reopen_unit takes it in use again.
CommandResult close_unit(const Dataset& ds, std::string_view unit_id, Date date);
CommandResult reopen_unit(const Dataset& ds, std::string_view unit_id);
// The employee is in `unit_id` from `date` on; the current unit becomes an earlier unit up to the
// day before. Refused for the same unit, a closed unit, or a date not after the first day in the
// current unit (each unit keeps at least one day).
CommandResult move_employee(const Dataset& ds, std::string_view employee_id, std::string_view unit_id, Date date);
// Every employee of `from_id` moves to `into_id` on `date` (as move_employee) and `from_id` is
// closed from that day: one undoable step.
CommandResult merge_units(const Dataset& ds, std::string_view from_id, std::string_view into_id, Date date);

// --- Employees -------------------------------------------------------------------------------
// The employment list is sorted by `from` by the builder (stable) before it is checked.
CommandResult add_employee(const Dataset& ds, Employee e);
// Replaces the employee with id `id` by `e` (e.id must equal id). merge_key "employee:<id>".
CommandResult update_employee(const Dataset& ds, std::string_view id, Employee e);
CommandResult remove_employee(const Dataset& ds, std::string_view id);

struct EmployeeDependents {
    std::size_t absences = 0;
    std::size_t milestone_events = 0;
};
// What remove_employee would take with it (for a confirmation dialog).
EmployeeDependents employee_dependents(const Dataset& ds, std::string_view id);

// Employment period edits of one employee; `index` is a position in Employee::employment.
// Periods are kept sorted by `from`; the last period cannot be removed (an employee needs one).
CommandResult add_employment(const Dataset& ds, std::string_view employee_id, Employment period);
CommandResult update_employment(const Dataset& ds, std::string_view employee_id, std::size_t index,
                                Employment period);
CommandResult remove_employment(const Dataset& ds, std::string_view employee_id, std::size_t index);

// --- Absence (docs/domain.md, Cases and weeks) ---------------------------------------------------
// `index` is a position in Dataset::absences.
CommandResult add_absence(const Dataset& ds, Absence a);
CommandResult update_absence(const Dataset& ds, std::size_t index, Absence a);
CommandResult remove_absence(const Dataset& ds, std::size_t index);

// --- Milestone events (docs/domain.md, Follow-up milestones) -------------------------------------
// Records a milestone as done or exempt: employee known, milestone id known to a built-in rule set,
// date not before the case start and not after `today` (the day it really happened, never a
// plan: "date" refused with event_date_in_future), an exemption has a reason, note and
// participants within the text limit. Undo removes the record again.
CommandResult add_milestone_event(const Dataset& ds, MilestoneEvent ev, Date today);
// Replaces the recorded event at `index` of Dataset::milestone_events by `ev` (its date,
// participants, note, status), with the checks of add_milestone_event. The event stays with its
// case and milestone: a different employee, case_start or milestone is refused (id_fixed), and an
// index past the end is refused (record_gone). Undo restores the old record in place.
CommandResult update_milestone_event(const Dataset& ds, std::size_t index, MilestoneEvent ev, Date today);
// Removes the recorded event at `index` of Dataset::milestone_events; undo puts it back in place.
CommandResult remove_milestone_event(const Dataset& ds, std::size_t index);

// --- Rules of edits beyond the file format's ----------------------------------------------------
// An absence may not overlap another absence of the same employee (`self`: the position of the one
// being replaced). The loader accepts overlaps (old files may hold them; the statistics count the
// highest grade of a day), but no edit makes one.
std::vector<Problem> check_absence_overlap(const Dataset& ds, const Absence& a, std::optional<std::size_t> self);
// A new or edited absence must start within one of the employee's employment periods (it may run
// on past the last day: an employment can end during a sick leave). Like the overlap, a rule for
// edits and imports, not for loading (files from before may hold such absences). Empty when the
// employee has no employment periods.
std::vector<Problem> check_absence_in_employment(const Employee& e, const Absence& a);

// Fresh ids for a new record: prefix + (largest numeric suffix among ids with that prefix + 1),
// zero-padded to the widest existing suffix ("E000042" -> "E000043"; none -> "E1"/"U1").
std::string next_employee_id(const Dataset& ds);
// The same rule for any id list and prefix (goals "G", activities "A", meetings "M", ...).
std::string next_prefixed_id(const std::vector<std::string_view>& ids, const std::string& prefix);
std::string next_unit_id(const Dataset& ds);

} // namespace iadesk
