// Command palette (Ctrl+K): type to find any registered action or an employee with an open case;
// arrow keys choose, Enter runs, Esc closes.
#pragma once

#include "app/actions.hpp"
#include "app/view_context.hpp"

#include <string>
#include <vector>

namespace iadesk::app {

struct PaletteView {
    bool open_requested = false;
    std::string query;
    int selected = 0;

    void draw(ViewContext& ctx, ActionRegistry& actions);
};

} // namespace iadesk::app
