// The keyboard help ("?" or F1): every shortcut of the action registry, and the keys that work
// everywhere (Tab, Enter, arrows, Escape, Alt), in the user's language (docs/accessibility.md).
//
// Contract
// - request_open() opens it on the next draw(); "?" typed outside a text field does the same
//   (App::draw calls question_mark_typed()). Escape or "Lukk" closes it.
// - The list is built from the registry when drawn: a new action with a shortcut appears by itself.
#pragma once

#include "app/actions.hpp"

namespace iadesk::app {

struct ShortcutsView {
    bool open_requested = false;

    void request_open() { open_requested = true; }
    void draw(const ActionRegistry& actions);
};

// True when "?" was typed this frame and no text field takes it.
bool question_mark_typed();

} // namespace iadesk::app
