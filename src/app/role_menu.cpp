#include "app/role_menu.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace iadesk::app {
namespace {

constexpr const char* kPopup = "role-menu-popup";
constexpr int kEmployeesShown = 15;

} // namespace

// The title holds a unit's or an employee's name, so it is a ui::selectable opening a popup rather
// than an ImGui::BeginMenu, whose label would cut the name at "##" (widgets.hpp).
bool RoleMenu::draw(const Dataset& doc, Role& role, Language language) {
    const std::string current = language == Language::nb ? role_label_nb(role, doc) : role_label_en(role, doc);
    const std::string title = std::string(tr("role.prefix")) + current;
    // White on the bar; highlighted in the bar's button colour, not the theme's light Header.
    ImGui::PushStyleColor(ImGuiCol_Text, colours().bar_text);
    ImGui::PushStyleColor(ImGuiCol_Header, colours().bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, colours().bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, colours().bar_button_hovered);
    const float width = ImGui::CalcTextSize(title.data(), title.data() + title.size()).x;
    if (ui::selectable(title, "role-menu", ImGui::IsPopupOpen(kPopup), 0, ImVec2(width, 0))) ImGui::OpenPopup(kPopup);
    probe::note_text(title);
    ImGui::PopStyleColor(4);
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y));
    if (!ImGui::BeginPopup(kPopup)) return false;
    bool changed = false;
    if (ImGui::MenuItem(tr("role.hr_name"), nullptr, role.kind == RoleKind::hr)) {
        role = Role::hr();
        changed = true;
    }
    if (ImGui::BeginMenu(tr("role.manager_of"))) {
        for (const Unit& u : doc.units) {
            ui::push_id(u.id);
            if (ui::selectable(u.name, "unit", role.kind == RoleKind::manager && role.unit == u.id)) {
                role = Role::manager(u.id);
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(tr("role.tillitsvalgt_name"), nullptr, role.kind == RoleKind::tillitsvalgt)) {
        role = Role::tillitsvalgt();
        changed = true;
    }
    if (ImGui::BeginMenu(tr("role.employee_of"))) {
        ui::search_box(tr("role.employee_search"), "role-emp", employee_search, 16);
        int shown = 0;
        for (const Employee& e : doc.employees) {
            if (!contains_ci(e.name, employee_search)) continue;
            if (++shown > kEmployeesShown) break;
            ui::push_id(e.id);
            if (ui::selectable(e.name, "employee", role.kind == RoleKind::employee && role.employee == e.id)) {
                role = Role::employee_of(e.id);
                changed = true;
            }
            ImGui::SameLine();
            ui::muted_line(e.id.c_str());
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    ImGui::EndPopup();
    return changed;
}

} // namespace iadesk::app
