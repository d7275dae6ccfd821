// widgets: small helpers over ImGui used by every view (text that tests can find, std::string input).
#pragma once

#include "iadesk/milestones.hpp"

#include <string>

struct ImFont;

namespace iadesk::app::ui {

void heading(ImFont* font, const char* text);           // a page heading, findable by tests
void label_text(const char* text);                      // body text, findable by tests
// A labelled text field editing `value` (labels above fields, UX.md). Returns true when edited.
bool input_text(const char* label, const char* id, std::string& value, float width_em = 24.0f, bool read_only = false);
// A status tag: icon + word + colour (UX.md: never colour alone). Findable by tests by its word.
void status_tag(iadesk::MilestoneStatus status);

} // namespace iadesk::app::ui
