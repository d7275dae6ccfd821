#include "app/views/shortcuts_view.hpp"

#include "app/i18n.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <string>

namespace iadesk::app {

namespace {

// The keys ImGui's keyboard navigation gives every view (imgui.cpp, NavUpdate), as
// (keys, what they do) translation keys.
constexpr const char* kGeneralKeys[][2] = {
    {"keys.tab", "keys.tab_does"},       {"keys.enter", "keys.enter_does"},
    {"keys.arrows", "keys.arrows_does"}, {"keys.escape", "keys.escape_does"},
    {"keys.panels", "keys.panels_does"}, {"keys.alt", "keys.alt_does"},
    {"keys.help", "keys.help_does"},
};

void row(const char* what, const std::string& keys) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ui::text(what);
    ImGui::TableNextColumn();
    ui::text(keys.c_str());
}

} // namespace

bool question_mark_typed() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return false;
    for (const ImWchar c : io.InputQueueCharacters)
        if (c == '?') return true;
    return false;
}

void ShortcutsView::draw(const ActionRegistry& actions) {
    const std::string title = std::string(tr("keys.title")) + "###keyboard-help";
    if (open_requested) {
        ImGui::OpenPopup(title.c_str());
        open_requested = false;
    }
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ui::label_text(tr("keys.intro"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("keys", 2, flags)) {
        ImGui::TableSetupColumn(tr("keys.col_action"));
        ImGui::TableSetupColumn(tr("keys.col_keys"));
        ui::table_headers();
        for (const Action& a : actions.all())
            if (a.shortcut != 0) row(tr(a.label_key), shortcut_text(a.shortcut));
        for (const auto& k : kGeneralKeys) row(tr(k[1]), tr(k[0]));
        ImGui::EndTable();
    }
    if (ImGui::Button(tr("common.close")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace iadesk::app
