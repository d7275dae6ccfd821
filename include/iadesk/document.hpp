// document: the single source of truth (ARCHITECTURE.md). Every change is a Command applied
// through the Document; History gives undo/redo; the ChangeLog says when, who and what.
//
// Contract
// - Document::apply runs the command, bumps `revision`, records it in history and the log. Derived
//   data (cases, statistics, search) is recomputed by its owners when `revision` changes.
// - `case_revision` moves with `revision` only for commands with affects_cases (and reset()).
// - undo()/redo() also bump `revision`; a new command after an undo drops the redo branch.
// - Consecutive commands with the same non-empty `merge_key` within one edit (typing in one
//   field) are merged into one undo step: the first one's undo and the last one's apply are kept.
// - Commands must leave a valid Dataset (model.hpp); they are built by functions that check
//   their input first and return errors as values, never by the views poking at fields.
#pragma once

#include "iadesk/model.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace iadesk {

struct Command {
    std::string description;               // user-facing, e.g. "Endret organisasjonsnavn"
    std::string merge_key;                 // e.g. "organisation.name"; empty = never merged
    std::function<void(Dataset&)> apply;
    std::function<void(Dataset&)> undo;
    // True when the command may change what cases and milestones are derived from (employees,
    // units, absences, milestone events, plans); false for the organisation's details, IA goals,
    // activities, meetings and half-year reports. Derived data is recomputed only when true
    // (Document::case_revision): at 50 000 employees that takes ~70 ms, too long for a keystroke.
    bool affects_cases = true;
};

class Document {
public:
    Dataset data;
    uint64_t revision = 0;
    uint64_t case_revision = 0; // bumped with `revision` by commands that affect cases, and by reset()

    void apply(Command cmd, int64_t now_unix_seconds = 0, const std::string& role = {});
    bool can_undo() const { return undo_pos_ > 0; }
    bool can_redo() const { return undo_pos_ < history_.size(); }
    // Return the undone/redone command's description ("" if none); logged as "Angret: ..." /
    // "Gjort om: ...".
    std::string undo(int64_t now_unix_seconds = 0, const std::string& role = {});
    std::string redo(int64_t now_unix_seconds = 0, const std::string& role = {});
    void end_merge() { merging_open_ = false; } // e.g. when a text field loses focus
    void reset(Dataset d);                        // new document: clears history, bumps revision
    // The log lives in the dataset (saved with it); the newest kChangeLogMax entries are kept.
    const std::vector<ChangeLogEntry>& change_log() const { return data.change_log; }

private:
    std::vector<Command> history_;
    std::size_t undo_pos_ = 0;
    bool merging_open_ = false;
    void log(int64_t now, const std::string& role, std::string description);
};

// Commands. They are built from already-checked input (the views and importers check first).
Command set_organisation_name(const Dataset& d, std::string name);
// Records a milestone as done or exempt (DOMAIN.md §3); undo removes the record again.
Command record_milestone_event(const Dataset& d, MilestoneEvent event);
// Removes the recorded event at `index` of Dataset::milestone_events; undo puts it back in place.
Command remove_milestone_event(const Dataset& d, std::size_t index);

} // namespace iadesk
