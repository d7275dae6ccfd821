// document: the single source of truth. Every change is a Command applied through the Document;
// History gives undo/redo; the change log says when, who and what.
//
// Contract
// - Document::apply runs the command and then checks what it touched with the loader's own checks
//   (checks.hpp, Command::touched). If anything fails, the command is undone at once and its
//   problems are returned: nothing is kept, logged or counted, so the document can never hold a
//   state that load_dataset would refuse. Otherwise it bumps `revision`, records the command in
//   history and the log, and returns no problems. Derived data (cases, statistics, search) is
//   recomputed by its owners when `revision` changes.
// - The one way to make a Command is a builder (commands.hpp, goal_commands.hpp, plan_commands.hpp,
//   half_year.hpp, csv.hpp) that checks its input first with the same checks and names the records
//   it touches; a Command whose `touched` was left as default is checked as a whole document.
// - `case_revision` moves with `revision` only for commands with affects_cases (and reset()).
// - undo()/redo() also bump `revision`; a new command after an undo drops the redo branch.
// - Consecutive commands with the same non-empty `merge_key` within one edit (typing in one
//   field) are merged into one undo step: the first one's undo and the last one's apply are kept.
// - Commands must leave a valid Dataset (model.hpp); they are built by functions that check
//   their input first and return errors as values, never by the views poking at fields.
#pragma once

#include "iadesk/checks.hpp"
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
    // What apply() changes, checked after it ran (checks.hpp). The default checks everything.
    Touched touched;
};

class Document {
public:
    Dataset data;
    uint64_t revision = 0;
    uint64_t case_revision = 0; // bumped with `revision` by commands that affect cases, and by reset()

    // Empty when the command was applied; otherwise its problems, and the document is unchanged.
    std::vector<Problem> apply(Command cmd, int64_t now_unix_seconds = 0, const std::string& role = {});
    bool can_undo() const { return undo_pos_ > 0; }
    bool can_redo() const { return undo_pos_ < history_.size(); }
    // Return the undone/redone command's description ("" if none); logged as "Angret: ..." /
    // "Gjort om: ...".
    std::string undo(int64_t now_unix_seconds = 0, const std::string& role = {});
    std::string redo(int64_t now_unix_seconds = 0, const std::string& role = {});
    void end_merge() { merging_open_ = false; } // e.g. when a text field loses focus
    void reset(Dataset d);                        // new document: clears history, bumps revision
    // `data` was changed from outside the history (other people's changes, team mode): bumps both
    // revisions and clears the history, whose index-based commands would no longer fit the data.
    void changed_externally();
    // The log lives in the dataset (saved with it). It is the audit trail: only apply, undo and redo
    // append to it, nothing removes or changes an entry (commands keep it as it is, replace_dataset
    // included), and it is not capped.
    const std::vector<ChangeLogEntry>& change_log() const { return data.change_log; }

private:
    std::vector<Command> history_;
    std::size_t undo_pos_ = 0;
    bool merging_open_ = false;
    void log(int64_t now, const std::string& role, std::string description);
    // Applies (`forward`) or undoes one command of the history, with the revisions and the log.
    std::string replay(Command& c, bool forward, int64_t now, const std::string& role);
};

} // namespace iadesk
