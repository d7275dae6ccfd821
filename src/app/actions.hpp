// actions: one registry of what the user can do. It drives the menus, the keyboard shortcuts and
// the command palette (ImHex's registry), so a feature is added in one place.
//
// Contract
// - add() keeps the order given; ids are unique ("goto.employees", "edit.undo").
// - handle_shortcuts() runs, once per frame, the enabled action whose chord was pressed. It skips
//   chords while a text field is active unless the action is marked `while_typing` (Ctrl+Z is not:
//   a text field has its own undo).
// - Labels are translation keys, resolved when drawn, so switching language needs no re-registration.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace iadesk::app {

struct Action {
    std::string id;
    const char* label_key = "";      // translation key
    const char* menu_key = nullptr;  // the menu it appears in (translation key), or nullptr
    ImGuiKeyChord shortcut = 0;
    bool while_typing = false;
    std::function<bool()> enabled;   // empty = always
    std::function<void()> run;

    bool is_enabled() const { return !enabled || enabled(); }
};

class ActionRegistry {
public:
    void add(Action a) { actions_.push_back(std::move(a)); }
    const std::vector<Action>& all() const { return actions_; }
    const Action* find(const std::string& id) const;
    bool run(const std::string& id); // false when unknown or disabled
    void handle_shortcuts();
    void draw_menu(const char* menu_key); // menu items of one menu, in order

private:
    std::vector<Action> actions_;
};

std::string shortcut_text(ImGuiKeyChord chord); // "Ctrl+K"

} // namespace iadesk::app
