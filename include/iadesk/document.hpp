// document: the single source of truth (ARCHITECTURE.md). Every change is a Command applied
// through the Document; History gives undo/redo; the ChangeLog says when, who and what.
//
// Contract
// - Document::apply runs the command, bumps `revision`, records it in history and the log. Derived
//   data (cases, statistics, search) is recomputed by its owners when `revision` changes.
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
};

struct ChangeLogEntry {
    int64_t unix_seconds = 0;
    std::string role;
    std::string description;
};

class Document {
public:
    Dataset data;
    uint64_t revision = 0;

    void apply(Command cmd, int64_t now_unix_seconds = 0, const std::string& role = {});
    bool can_undo() const { return undo_pos_ > 0; }
    bool can_redo() const { return undo_pos_ < history_.size(); }
    std::string undo(); // returns the undone command's description ("" if none)
    std::string redo();
    void end_merge() { merging_open_ = false; } // e.g. when a text field loses focus
    void reset(Dataset d);                        // new document: clears history, bumps revision
    const std::vector<ChangeLogEntry>& change_log() const { return log_; }

private:
    std::vector<Command> history_;
    std::size_t undo_pos_ = 0;
    bool merging_open_ = false;
    std::vector<ChangeLogEntry> log_;
};

// Commands. They are built from already-checked input (the views and importers check first).
Command set_organisation_name(const Dataset& d, std::string name);
// Records a milestone as done or exempt (DOMAIN.md §3); undo removes the record again.
Command record_milestone_event(const Dataset& d, MilestoneEvent event);
// Removes the recorded event at `index` of Dataset::milestone_events; undo puts it back in place.
Command remove_milestone_event(const Dataset& d, std::size_t index);

} // namespace iadesk
