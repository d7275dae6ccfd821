// change_log_view: the change log (when, which role, what) as a table in Innstillinger ›
// Endringslogg, newest first, with ImGui's list clipper (the log keeps every change).
// Who sees it is decided in the core (access.hpp may_see_change_log): other roles get a sentence
// saying so, not an empty table.
#pragma once

#include "app/view_context.hpp"

namespace iadesk::app {

void draw_change_log(ViewContext& ctx);

} // namespace iadesk::app
