// Oppfølgingsplaner (docs/plans.md): the list of open cases with their plan's state
// and quality, and the plan editor of one case — the parts as sections with character counters and
// inline quality hints, the template picker, the version list with the fields that changed,
// "Marker enige", the sharing log, "Skriv ut" (the HTML in a new tab) and "Eksporter" (NAV JSON).
//
// Contract
// - The editor edits a working copy of the draft (the last version while not agreed). Its edits
//   are committed to the document with edit_plan_draft (merge_key "plan:<id>": one undo step per
//   typing run) kCommitDelaySeconds after typing stops, at once when no text field is being typed
//   in (a choice, a row added or removed, the field left), and when the page is left or hidden
//   (keep_committed runs every frame whatever page is shown; commit_for_flush on page hide). So
//   the autosave stores them and "Alt er lagret" is true. There is no save button.
// - A working copy that cannot be committed (a date typed half-way, a check that fails) is kept:
//   the field shows the problem, the toolbar says the draft is not saved and why, and
//   unsaved_edits() tells the status bar, which then never says that all is saved. It is tried
//   again after the next edit. Opening another case's plan meanwhile asks first (go back or
//   discard): nothing is dropped silently.
// - The copy follows the document when the document's draft changes and the copy has no edits of
//   its own (undo/redo, a new version); edits of its own win and are committed on top.
// - The diagnosis guard runs live under every free-text field (plan parts, exemption reason,
//   sharing channel, adjustment option, NAV dialog texts) and never blocks (guard_note.hpp).
// - Earlier versions and agreed versions are shown read-only. "Skriv ut" prints what is shown.
#pragma once

#include "app/view_context.hpp"
#include "app/views/guard_note.hpp"
#include "iadesk/plans.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

struct PlanEditorView {
    std::string employee_id;           // whose case is open in the editor; empty = the list
    int view_version = 0;              // 0 = the last version, else a version number (read-only)

    static constexpr double kCommitDelaySeconds = 1.0; // after the last keystroke

    void draw(ViewContext& ctx);
    void open(const std::string& employee); // show the editor for the employee's case
    // Commits the working copy when due (see the contract); the App calls it every frame after the
    // page is drawn, on every page. `now` in seconds (ImGui's clock).
    void keep_committed(ViewContext& ctx, double now);
    // Page hide: the command that commits the working copy now, when it holds edits that pass the
    // checks (nullopt otherwise: then unsaved_edits() says why).
    std::optional<Command> commit_for_flush(const Dataset& whole, Date today);
    // Edits of the working copy not in the document: `text` for the status bar ("" = none) in
    // `language`; `blocked` when they cannot be committed as they are (not just waiting).
    struct UnsavedEdits {
        std::string text;
        bool blocked = false;
    };
    UnsavedEdits unsaved_edits(Language language) const;

private:
    void draw_list(ViewContext& ctx);
    void draw_editor(ViewContext& ctx);
    void draw_start(ViewContext& ctx, const Employee& e, Date case_start);
    void draw_toolbar(ViewContext& ctx, const Plan& p, const Employee& e, bool editable);
    void draw_parts(ViewContext& ctx, PlanContent& c, bool editable);
    void draw_side(ViewContext& ctx, const Plan& p, bool editable);
    void draw_popups(ViewContext& ctx, const Plan& p);
    void draw_nav_export(ViewContext& ctx, const Plan& p); // plan_nav_dialog.cpp
    // plan_autosave.cpp: the working copy and how it reaches the document.
    void draw_unsaved_elsewhere(ViewContext& ctx);
    void draw_draft_state(Language language);
    void load(const Dataset& whole, const Plan& p);
    void sync_dates();
    std::vector<std::string> date_texts() const;
    void follow_document(const Dataset& whole, const Plan& p);
    bool has_own_edits() const; // the copy differs from the document's draft as last seen
    CommandResult try_commit(const Dataset& whole, Date today);
    std::string unsaved_reason(Language language) const;

    // Working copy of the draft and its date fields as typed.
    std::string loaded_plan_;
    std::string loaded_employee_, loaded_name_;
    int loaded_versions_ = 0;
    PlanContent draft_;
    PlanContent seen_;                   // the document's draft as of the last frame
    PlanContent last_frame_;             // the copy as of the last frame, to notice edits
    std::vector<std::string> last_dates_;
    std::string evaluation_text_;
    std::vector<std::string> measure_from_, measure_to_;
    bool bad_date_ = false;
    const char* bad_date_key_ = nullptr; // the label key of the first unreadable date
    bool pending_ = false;               // the copy differs from the document
    bool may_commit_ = false;            // the role may edit this plan's draft
    double edited_at_ = -1;              // when the copy last changed; -1: no edit waiting for a commit
    bool refused_ = false;               // the last commit was refused (problems_ say why, or a bad date)
    std::vector<Problem> problems_;
    std::vector<DiagnosisHit> guard_hits_; // of draft_

    // "Marker enige", sharing, exemption, new version, new adjustment option.
    std::string agree_employee_, agree_manager_, manager_name_;
    std::string share_date_, share_channel_;
    int share_recipient_ = 0;
    std::string exempt_reason_;
    int new_version_origin_ = 0;
    std::string new_option_;
    GuardedText exempt_guard_, share_guard_, option_guard_, nav_help_guard_, nav_message_guard_;
    std::vector<Problem> dialog_problems_;
    bool open_agree_ = false, open_share_ = false, open_exempt_ = false;
    // "Send til NAV": the choices NAV's contract asks for, asked each time (never guessed).
    bool open_nav_export_ = false;
    NavExportChoices nav_choices_;
    std::vector<Problem> nav_problems_;

    std::string list_search_;
};

} // namespace iadesk::app
