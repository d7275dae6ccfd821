// widgets: small helpers over ImGui used by every view (text that tests can find, std::string input).
#pragma once

#include "iadesk/commands.hpp"
#include "iadesk/milestones.hpp"

#include <optional>
#include <string>
#include <vector>

struct ImFont;

namespace iadesk::app::ui {

void heading(ImFont* font, const char* text);           // a page heading, findable by tests
void label_text(const char* text);                      // body text, wrapped, findable by tests
void text(const char* text);                            // one line of text, findable by tests
// A labelled text field editing `value` (labels above fields, UX.md). Returns true when edited.
bool input_text(const char* label, const char* id, std::string& value, float width_em = 24.0f, bool read_only = false);
// A labelled multi-line text field (labels above fields) with a character counter "123 / max"
// under it (red when over `max_chars`; 0 = no counter). Height in lines of text. Returns true when edited.
bool input_multiline(const char* label, const char* id, std::string& value, float width_em, float lines,
                     std::size_t max_chars = 0, bool read_only = false);
// A text field for a date (dd.mm.yyyy or YYYY-MM-DD); shows the problem under it when the
// text is not a real date. Returns the parsed date (nullopt when empty or invalid).
std::optional<iadesk::Date> date_input(const char* label, const char* id, std::string& text, bool read_only = false);
// Problems next to the form (UX.md: errors next to the field and in a summary).
void problem_summary(const std::vector<iadesk::Problem>& problems, bool english);
// The problem for `field`, drawn right under it (nothing when the field is fine).
void field_problem(const std::vector<iadesk::Problem>& problems, const char* field, bool english);
// A button drawn as the screen's one primary action.
bool primary_button(const char* label);
// A text field with the label inside as a hint (search boxes).
bool search_box(const char* hint, const char* id, std::string& value, float width_em);
// Reads a sortable table's sort specs when they changed (ImGui's idiom): the first column's user
// id and direction. Returns true when the caller must re-sort.
bool table_sort_changed(int& column, bool& ascending);
// "Alle enheter" or one unit (`filter` = index into units, -1 = all). Returns true when changed.
bool unit_filter_combo(const char* id, const iadesk::Dataset& data, int& filter, float width_em);
// A status tag: icon + word + colour (UX.md: never colour alone). Findable by tests by its word.
void status_tag(iadesk::MilestoneStatus status);

} // namespace iadesk::app::ui
