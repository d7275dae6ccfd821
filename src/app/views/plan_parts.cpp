#include "app/views/plan_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"

namespace iadesk::app::plans_ui {

std::string actor(const ViewContext& ctx) {
    switch (ctx.derived.role.kind) {
    case RoleKind::hr: return "HR";
    case RoleKind::manager: return "Nærmeste leder";
    case RoleKind::tillitsvalgt: return "Tillitsvalgt";
    case RoleKind::employee: return "Arbeidstaker";
    }
    return "HR";
}

std::string date_text(const std::optional<Date>& d) { return d ? format_norwegian(*d) : std::string(); }

const char* plan_state_key(const Plan* p) {
    if (!p) return "plan.state_none";
    if (p->versions.empty()) return p->exemption ? "plan.state_exempt" : "plan.state_none";
    return p->versions.back().agreed() ? "plan.state_agreed" : "plan.state_draft";
}

void hint_line(const QualityHint& h, bool en) {
    const std::string& m = en ? h.message_en : h.message_nb;
    ui::warning_text(("\xE2\x9A\xA0 " + m).c_str());
}

void hints_for(const PlanQuality& q, const char* field, bool en) {
    for (const QualityHint& h : q.hints)
        if (h.field == field) hint_line(h, en);
}

void section(const ViewContext& ctx, const char* key) {
    ImGui::Spacing();
    ui::heading(ctx.theme.fonts.heading, tr(key));
}

bool row_combo(const char* id, int& chosen, const char* const* items, int count, float width_em, bool read_only) {
    ImGui::BeginDisabled(read_only);
    ImGui::SetNextItemWidth(width_em * ImGui::GetFontSize());
    const bool changed = ImGui::Combo(id, &chosen, items, count);
    ImGui::EndDisabled();
    probe::note_text(items[chosen]);
    return changed;
}

bool begin_dialog(const char* title_key, const char* id, bool& open_request, std::vector<Problem>& problems) {
    // The title bar shows the translated title; "###id" keeps the popup's id the same in every language.
    const std::string popup = std::string(tr(title_key)) + "###" + id;
    if (open_request) {
        ImGui::OpenPopup(popup.c_str());
        open_request = false;
        problems.clear();
    }
    ui::fit_next_dialog();
    return ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

bool dialog_buttons(const std::vector<Problem>& problems, bool en, const char* save_key) {
    ui::problem_summary(problems, en);
    const bool save = ui::primary_button(tr(save_key));
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    return save;
}

} // namespace iadesk::app::plans_ui
