#include "app/role_menu.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
namespace {

int resize_cb(ImGuiInputTextCallbackData* cb) {
    auto* s = static_cast<std::string*>(cb->UserData);
    s->resize(static_cast<size_t>(cb->BufTextLen));
    cb->Buf = s->data();
    return 0;
}

} // namespace

bool RoleMenu::draw(const Dataset& doc, Role& role, Language language) {
    const std::string current = language == Language::nb ? role_label_nb(role, doc) : role_label_en(role, doc);
    const std::string label = std::string(tr("role.prefix")) + current + "###role-menu";
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool open = ImGui::BeginMenu(label.c_str());
    ImGui::PopStyleColor();
    probe::note_text(std::string(tr("role.prefix")) + current);
    if (!open) return false;
    bool changed = false;
    if (ImGui::MenuItem(tr("role.hr_name"), nullptr, role.kind == RoleKind::hr)) {
        role = Role::hr();
        changed = true;
    }
    if (ImGui::BeginMenu(tr("role.manager_of"))) {
        for (const Unit& u : doc.units) {
            if (ImGui::MenuItem(u.name.c_str(), nullptr, role.kind == RoleKind::manager && role.unit == u.id)) {
                role = Role::manager(u.id);
                changed = true;
            }
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(tr("role.tillitsvalgt_name"), nullptr, role.kind == RoleKind::tillitsvalgt)) {
        role = Role::tillitsvalgt();
        changed = true;
    }
    if (ImGui::BeginMenu(tr("role.employee_of"))) {
        ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
        ImGui::InputTextWithHint("##role-emp", tr("role.employee_search"), employee_search.data(),
                                 employee_search.capacity() + 1, ImGuiInputTextFlags_CallbackResize, resize_cb,
                                 &employee_search);
        probe::note_value(employee_search, tr("role.employee_search"));
        int shown = 0;
        for (const Employee& e : doc.employees) {
            if (!contains_ci(e.name, employee_search)) continue;
            if (++shown > 15) break;
            if (ImGui::MenuItem(e.name.c_str(), e.id.c_str(), role.kind == RoleKind::employee && role.employee == e.id)) {
                role = Role::employee_of(e.id);
                changed = true;
            }
        }
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
    return changed;
}

} // namespace iadesk::app
