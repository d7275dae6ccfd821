// "Send til NAV": the plan as the file NAV's API for HR systems takes (plans.hpp plan_nav_export,
// docs/plans.md). The employer's choices are asked here, each time: send to NAV, help from NAV
// (NAV then opens a task for a caseworker), to the sykmelder, and the contact person's phone and
// e-mail. A plan NAV would refuse is not downloaded: every reason is shown in the dialog.
#include "app/views/plan_editor.hpp"

#include "app/widgets.hpp"
#include "iadesk/plans.hpp"

#include <imgui.h>

namespace iadesk::app {

void PlanEditorView::draw_nav_export(ViewContext& ctx, const Plan& p) {
    const bool en = ctx.language == Language::en;
    if (open_nav_export_) {
        ImGui::OpenPopup("plan-nav-export");
        open_nav_export_ = false;
        nav_problems_.clear();
    }
    // No title bar: the heading names the dialog in the user's language (the id is never shown).
    if (!ImGui::BeginPopupModal("plan-nav-export", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
        return;
    ui::heading(nullptr, tr("plan.nav_title"));
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ui::label_text(tr("plan.nav_how"));
    ImGui::PopTextWrapPos();
    ui::checkbox(tr("plan.nav_send"), "nav-send", &nav_choices_.send_to_nav);
    if (!nav_choices_.send_to_nav) nav_choices_.needs_help_from_nav = false; // NAV's rule: help only when sent
    ImGui::BeginDisabled(!nav_choices_.send_to_nav);
    ui::checkbox(tr("plan.nav_help"), "nav-help", &nav_choices_.needs_help_from_nav);
    ImGui::EndDisabled();
    if (nav_choices_.needs_help_from_nav) {
        ui::input_multiline(tr("plan.nav_help_description"), "nav-help-description", nav_choices_.help_description, 32, 3);
        ui::field_problem(nav_problems_, "help_description", en);
        guard_note(nav_help_guard_, nav_choices_.help_description);
    }
    ui::checkbox(tr("plan.nav_gp"), "nav-gp", &nav_choices_.send_to_general_practitioner);
    if (nav_choices_.send_to_general_practitioner) {
        ui::input_multiline(tr("plan.nav_gp_message"), "nav-gp-message", nav_choices_.message_to_general_practitioner, 32, 2);
        guard_note(nav_message_guard_, nav_choices_.message_to_general_practitioner);
    }
    ui::input_text(tr("plan.nav_phone"), "nav-phone", nav_choices_.contact_phone, 16);
    ui::field_problem(nav_problems_, "contact_phone", en);
    ui::input_text(tr("plan.nav_email"), "nav-email", nav_choices_.contact_email, 24);
    ui::field_problem(nav_problems_, "contact_email", en);
    ui::problem_summary(nav_problems_, en);
    if (ui::primary_button(tr("plan.nav_download"))) {
        PlanOutputOptions opt;
        opt.today = ctx.today;
        opt.version = view_version;
        const NavPlanExport exp = plan_nav_export(ctx.data(), p, opt, nav_choices_);
        nav_problems_ = exp.problems;
        if (exp.ok()) {
            ctx.download("oppfolgingsplan-" + p.employee + "-nav.json", "application/json", exp.json);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace iadesk::app
