#include "app/actions.hpp"

#include "app/i18n.hpp"

#include <cstring>

namespace iadesk::app {

const Action* ActionRegistry::find(const std::string& id) const {
    for (const Action& a : actions_)
        if (a.id == id) return &a;
    return nullptr;
}

bool ActionRegistry::run(const std::string& id) {
    const Action* a = find(id);
    if (!a || !a->is_enabled() || !a->run) return false;
    a->run();
    return true;
}

void ActionRegistry::handle_shortcuts() {
    const bool typing = ImGui::GetIO().WantTextInput;
    for (const Action& a : actions_) {
        if (!a.shortcut || (typing && !a.while_typing)) continue;
        if (ImGui::IsKeyChordPressed(a.shortcut) && a.is_enabled() && a.run) {
            a.run();
            return; // one action per frame: the registry may change what is enabled
        }
    }
}

void ActionRegistry::draw_menu(const char* menu_key) {
    for (const Action& a : actions_) {
        if (!a.menu_key || std::strcmp(a.menu_key, menu_key) != 0) continue;
        const std::string sc = a.shortcut ? shortcut_text(a.shortcut) : std::string();
        if (ImGui::MenuItem(tr(a.label_key), sc.empty() ? nullptr : sc.c_str(), false, a.is_enabled()) && a.run)
            a.run();
    }
}

std::string shortcut_text(ImGuiKeyChord chord) {
    std::string s;
    if (chord & ImGuiMod_Ctrl) s += "Ctrl+";
    if (chord & ImGuiMod_Shift) s += "Shift+";
    if (chord & ImGuiMod_Alt) s += "Alt+";
    const ImGuiKey key = static_cast<ImGuiKey>(chord & ~ImGuiMod_Mask_);
    s += ImGui::GetKeyName(key);
    return s;
}

} // namespace iadesk::app
