#include "app/views/palette.hpp"

#include "app/i18n.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

struct Hit {
    std::string label;
    std::string hint;
    const Action* action = nullptr;
    std::string employee; // open this employee's case
};

} // namespace

void PaletteView::draw(ViewContext& ctx, ActionRegistry& actions) {
    const float em = ImGui::GetFontSize();
    if (open_requested) {
        ImGui::OpenPopup("palette");
        query.clear();
        selected = 0;
        open_requested = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 4 * em), ImGuiCond_Always,
                            ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(34 * em, 0));
    if (!ImGui::BeginPopup("palette")) return;

    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ui::search_box(tr("palette.hint"), "palette-query", query, ImGui::GetContentRegionAvail().x / em)) selected = 0;

    std::vector<Hit> hits;
    const std::string q = lower_ascii(query);
    for (const Action& a : actions.all()) {
        if (!a.is_enabled() || a.id == "app.palette") continue;
        const std::string label = tr(a.label_key);
        if (!q.empty() && lower_ascii(label).find(q) == std::string::npos) continue;
        hits.push_back({label, a.shortcut ? shortcut_text(a.shortcut) : std::string(), &a, {}});
    }
    if (q.size() >= 2) {
        for (const OverviewRow& r : ctx.derived.rows) {
            if (hits.size() >= 30) break;
            const Employee& e = ctx.data().employees[static_cast<std::size_t>(r.employee)];
            if (lower_ascii(e.name).find(q) == std::string::npos) continue;
            hits.push_back({e.name, tr("palette.open_case"), nullptr, e.id});
        }
    }
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) selected = std::min(selected + 1, static_cast<int>(hits.size()) - 1);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) selected = std::max(selected - 1, 0);
    int chosen = -1;
    if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) chosen = selected;

    ImGui::BeginChild("palette-results", ImVec2(0, std::min(12.0f, static_cast<float>(hits.size()) + 0.5f) * ImGui::GetFrameHeightWithSpacing()));
    for (int i = 0; i < static_cast<int>(hits.size()); ++i) {
        ImGui::PushID(i);
        if (ui::selectable(hits[static_cast<std::size_t>(i)].label, "hit", i == selected)) chosen = i;
        if (i == selected) ImGui::SetScrollHereY();
        if (!hits[static_cast<std::size_t>(i)].hint.empty()) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 7 * em + ImGui::GetCursorPosX());
            ui::muted_line(hits[static_cast<std::size_t>(i)].hint.c_str());
        }
        ImGui::PopID();
    }
    if (hits.empty()) ui::muted_line(tr("palette.no_hits"));
    ImGui::EndChild();

    if (chosen >= 0 && chosen < static_cast<int>(hits.size())) {
        const Hit& h = hits[static_cast<std::size_t>(chosen)];
        ImGui::CloseCurrentPopup();
        if (h.action && h.action->run) h.action->run();
        if (!h.employee.empty()) ctx.navigate.open_case_employee = h.employee;
    }
    ImGui::EndPopup();
}

} // namespace iadesk::app
