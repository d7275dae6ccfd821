// Oppfølgingsplaner (docs/plans.md): the list of open cases with their plan's state
// and quality, and the plan editor of one case — the parts as sections with character counters and
// inline quality hints, the template picker, the version list with the fields that changed,
// "Marker enige", the sharing log, "Skriv ut" (the HTML in a new tab) and "Eksporter" (NAV JSON).
//
// Contract
// - The editor works on a copy of the draft; "Lagre utkast" saves it as one checked command
//   (plan_commands.hpp), after asking when the diagnosis guard finds something (plans.hpp).
//   The copy is reloaded from the document when the document changes and the copy has no
//   unsaved edits, so undo/redo shows through; unsaved edits survive navigation in the session.
// - Earlier versions and agreed versions are shown read-only.
#pragma once

#include "app/view_context.hpp"
#include "iadesk/plans.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

struct PlanEditorView {
    std::string employee_id;           // whose case is open in the editor; empty = the list
    int view_version = 0;              // 0 = the last version, else a version number (read-only)

    void draw(ViewContext& ctx);
    void open(const std::string& employee); // show the editor for the employee's case

private:
    void draw_list(ViewContext& ctx);
    void draw_editor(ViewContext& ctx);
    void draw_start(ViewContext& ctx, const Employee& e, Date case_start);
    void draw_toolbar(ViewContext& ctx, const Plan& p, const Employee& e, bool editable);
    void draw_parts(ViewContext& ctx, PlanContent& c, bool editable);
    void draw_side(ViewContext& ctx, const Plan& p, bool editable);
    void draw_popups(ViewContext& ctx, const Plan& p);
    void draw_nav_export(ViewContext& ctx, const Plan& p); // plan_nav_dialog.cpp
    void load(const Plan& p, uint64_t revision);
    void sync_dates();
    bool dirty(const Plan& p) const;
    void save(ViewContext& ctx, const Plan& p);

    // Working copy of the draft and its date fields as typed.
    std::string loaded_plan_;
    int loaded_versions_ = 0;
    uint64_t loaded_revision_ = UINT64_MAX;
    PlanContent draft_;
    std::string evaluation_text_;
    std::vector<std::string> measure_from_, measure_to_;
    bool bad_date_ = false;
    std::vector<Problem> problems_;
    std::vector<DiagnosisHit> guard_hits_;
    bool ask_guard_ = false;

    // "Marker enige", sharing, exemption, new version, new adjustment option.
    std::string agree_employee_, agree_manager_, manager_name_;
    std::string share_date_, share_channel_;
    int share_recipient_ = 0;
    std::string exempt_reason_;
    int new_version_origin_ = 0;
    std::string new_option_;
    std::vector<Problem> dialog_problems_;
    bool open_agree_ = false, open_share_ = false, open_exempt_ = false;
    // "Send til NAV": the choices NAV's contract asks for, asked each time (never guessed).
    bool open_nav_export_ = false;
    NavExportChoices nav_choices_;
    std::vector<Problem> nav_problems_;

    std::string list_search_;
};

} // namespace iadesk::app
