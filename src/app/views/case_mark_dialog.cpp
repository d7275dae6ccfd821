// The case view's dialog that records a milestone as done or exempt, or edits a recorded mark
// (contract in case_view.hpp).
#include "app/views/case_view.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace iadesk::app {

std::optional<std::size_t> find_event(const Dataset& whole, const MilestoneEvent& ev) {
    const auto& all = whole.milestone_events;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const MilestoneEvent& e = all[i];
        if (e.employee == ev.employee && e.case_start == ev.case_start && e.milestone == ev.milestone && e.date == ev.date &&
            e.status == ev.status && e.note == ev.note && e.participants == ev.participants)
            return i;
    }
    return std::nullopt;
}

void CaseView::open_mark(const ViewContext& ctx, const Milestone& m, EventStatus status, const MilestoneEvent* editing) {
    mark = MilestoneMarkForm{};
    mark.milestone = m.rule->id;
    mark.label = milestone_label(*m.rule, ctx.language);
    mark.status = status;
    if (editing) {
        mark.editing = *editing;
        mark.date = format_norwegian(editing->date);
        mark.participants = editing->participants;
        mark.note = editing->note;
    } else {
        mark.date = format_norwegian(ctx.today);
    }
    mark.open_request = true;
}

void CaseView::draw_mark_dialog(ViewContext& ctx, const CaseSchedule& s) {
    constexpr const char* kId = "###milestone-mark";
    if (mark.open_request) {
        ImGui::OpenPopup(kId);
        mark.open_request = false;
    }
    const bool exempt = mark.status == EventStatus::exempt;
    const char* title_key = mark.editing ? "case.edit_title" : exempt ? "case.exempt_title" : "case.mark_title";
    const std::string title = trf(title_key, fmt::arg("milestone", mark.label)) + kId;
    ui::fit_next_dialog();
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const bool en = ctx.language == Language::en;
    const bool appearing = ImGui::IsWindowAppearing();
    if (appearing) ImGui::SetKeyboardFocusHere(); // focus starts in the date field
    const std::optional<Date> date = ui::date_input(tr(exempt ? "case.exempt_date" : "case.mark_date"), "mark-date", mark.date);
    ui::field_problem(mark.problems, "date", en);
    if (!exempt) {
        ui::input_text(tr("case.participants"), "mark-participants", mark.participants, 30);
        ui::muted_text(tr("case.participants_help"));
        ui::field_problem(mark.problems, "participants", en);
        guard_note(mark.participants_guard, mark.participants);
    }
    ui::input_text(tr(exempt ? "case.reason" : "case.note"), "mark-note", mark.note, 30);
    if (exempt) ui::muted_text(tr("case.exempt_reason"));
    ui::field_problem(mark.problems, "note", en);
    guard_note(mark.note_guard, mark.note);
    ui::muted_text(tr("case.keys_help"));
    ui::problem_summary(mark.problems, en);

    const char* save_key = mark.editing ? "case.save_edit" : exempt ? "case.save_exempt" : "case.save_done";
    bool save = ui::primary_button(tr(save_key));
    ImGui::SameLine();
    bool cancel = ImGui::Button(tr("common.cancel"));
    // Enter and Escape also when typing in a field (the field takes them first and lets go).
    if (!appearing && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        save = save || ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
        cancel = cancel || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    }
    if (save && !cancel) {
        if (!date) {
            const std::string why = mark.date.empty() ? tr("case.date_required") : tr("form.bad_date");
            mark.problems = {{"date", why, why}};
        } else {
            const SicknessCase& c = *s.sickness_case;
            MilestoneEvent ev{c.employee, c.start, mark.milestone, mark.status, *date, mark.note, exempt ? "" : mark.participants};
            CommandResult r;
            if (!mark.editing) {
                r = add_milestone_event(ctx.doc.data, std::move(ev), ctx.today);
            } else if (const std::optional<std::size_t> i = find_event(ctx.doc.data, *mark.editing)) {
                ev.participants = exempt ? mark.editing->participants : ev.participants; // an exemption's dialog has no such field
                r = update_milestone_event(ctx.doc.data, *i, std::move(ev), ctx.today);
            } else {
                r = refused("", ProblemCode::record_gone);
            }
            if (ctx.submit_to(std::move(r), mark.problems)) ImGui::CloseCurrentPopup();
        }
    }
    if (cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace iadesk::app
