// widgets: small helpers over ImGui used by every view: text that tests can find, the one text
// input (std::string through Dear ImGui's misc/cpp/imgui_stdlib), and labels that show data as written.
//
// Contract
// - Text from the data (names, titles, ids, free text) is never ImGui syntax: the helpers below
//   draw it as written ("Kari##x", "###", "%s%n" included), never pass it as a format string,
//   and never let it decide a widget's id. A widget's id is the caller's `id` (a fixed string)
//   under the ID stack, where records go by push_id(record id) or ImGui::PushID(position).
// - Every widget here is findable by the test probe (test_probe.hpp) under the text it shows.
// - Colours come from the theme (theme.hpp: the style and colours()), never from literals.
#pragma once

#include "iadesk/commands.hpp"
#include "iadesk/milestones.hpp"

#include <imgui.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::app::ui {

// Every text a view shows goes through these (or another ui:: widget), never through ImGui::Text*
// directly: each is recorded (test_probe.hpp), so tests find it and the browser's accessible
// mirror shows it as DOM text (web_a11y.js) that screen readers read and find and copy work on.
void heading(ImFont* font, const char* text);           // a page heading, findable by tests
void label_text(const char* text);                      // body text, wrapped, findable by tests
void text(const char* text);                            // one line of text, findable by tests
void muted_line(const char* text);                      // one line in the muted colour (ImGui::TextDisabled)
void coloured_line(const ImVec4& colour, const char* text); // one line in a colour (ImGui::TextColored)
void bullet_text(const char* text);                     // a bulleted line (ImGui::BulletText)
// One line cut to the width left with "…" when it does not fit; the whole text is recorded (a
// screen reader reads all of it) and shown as a tooltip on hover.
void text_ellipsis(const char* text);

// Narrow screens (a phone, a narrow window): less than 44 em across, about 700 CSS pixels at the
// default font size. Views lay out for it: no sidebar (a menu button instead), stacked rows
// instead of wide tables, one filter per line (docs/accessibility.md, "Narrow screens").
bool compact_layout();
void same_line_if_wide(); // ImGui::SameLine(), except on narrow screens: the next widget goes below
// Before a dialog's BeginPopupModal: on a narrow screen it is kept inside the screen's width (a
// long title is cut with "…", fields narrow to fit).
void fit_next_dialog();
float field_width(float width_em); // width_em font units, but on a narrow screen no wider than the room left
// Wrapped text in a semantic colour (theme.hpp), findable by tests: a warning that asks for action,
// a hint worth a look, help or a secondary fact.
void error_text(const char* text);
void warning_text(const char* text);
void muted_text(const char* text);
// The fields below draw their label above them, both as one group (one item), so that
// ImGui::SameLine() after a field puts the next one beside it.
// A labelled text field editing `value`. Returns true when edited.
bool input_text(const char* label, const char* id, std::string& value, float width_em = 24.0f, bool read_only = false);
// A password: shown as dots, and the accessible mirror gets the label but never the text.
bool password_input(const char* label, const char* id, std::string& value, float width_em = 24.0f);
// A labelled multi-line text field with a character counter "123 / max"
// under it (red when over `max_chars`; 0 = no counter). Height in lines of text. Returns true when edited.
bool input_multiline(const char* label, const char* id, std::string& value, float width_em, float lines,
                     std::size_t max_chars = 0, bool read_only = false);
// A text field for a date (dd.mm.yyyy or YYYY-MM-DD); shows the problem under it when the
// text is not a real date. Returns the parsed date (nullopt when empty or invalid).
std::optional<iadesk::Date> date_input(const char* label, const char* id, std::string& text, bool read_only = false);
// A text field with its label inside as a hint (search boxes, a name in a row). Tests find it by
// `probe_label` (a label drawn above it by the caller), else by the hint. `callback` gets the
// events of `flags` other than resizing (e.g. ImGuiInputTextFlags_CallbackHistory) with `user_data`.
bool search_box(const char* hint, const char* id, std::string& value, float width_em, const char* probe_label = nullptr,
                ImGuiInputTextFlags flags = 0, ImGuiInputTextCallback callback = nullptr, void* user_data = nullptr);
// Problems next to the form (errors next to the field and in a summary).
void problem_summary(const std::vector<iadesk::Problem>& problems, bool english);
// The problem for `field`, drawn right under it (nothing when the field is fine).
void field_problem(const std::vector<iadesk::Problem>& problems, const char* field, bool english);
// A button drawn as the screen's one primary action.
bool primary_button(const char* label);
// Reads a sortable table's sort specs when they changed (ImGui's idiom): the first column's user
// id and direction. Returns true when the caller must re-sort.
bool table_sort_changed(int& column, bool& ascending);
// "Alle enheter" or one unit (`filter` = index into units, -1 = all). Returns true when changed.
bool unit_filter_combo(const char* id, const iadesk::Dataset& data, int& filter, float width_em);
// A tag: icon + the translation of `word_key`, in `colour` (status never by colour alone).
// Findable by tests by its word.
void tag(const char* icon, const char* word_key, const ImVec4& colour);
void status_tag(iadesk::MilestoneStatus status); // a milestone's tag (format.hpp status_look)

// --- Tables -------------------------------------------------------------------------------------
// A list's frame: the line "shown of total" (`count_key`, a translation naming {shown} and
// {total}), the text `empty_key` instead of a table when there is nothing at all, and the table
// `id` (rows striped, scrolling, sortable, resizable, its header row frozen). True when the table
// is open: the caller sets up its columns, fills it and calls ImGui::EndTable().
bool begin_list_table(const char* id, int columns, const char* count_key, std::size_t shown, std::size_t total,
                      const char* empty_key);
// One column: the translation key of its header, its width (a weight in a stretching table), and
// ImGui's column flags and user id (what table_sort_changed reports).
struct TableColumn {
    const char* key;
    float width = 0.0f;
    ImGuiTableColumnFlags flags = 0;
    ImGuiID id = 0;
};
// Sets up the current table's columns and draws its header row.
void table_columns(std::initializer_list<TableColumn> columns);
void table_headers(); // the header row of the columns set up (ImGui::TableHeadersRow, with the names recorded)
// Calls `row(i)` for those of the rows 0 .. count-1 that are in view (ImGui's list clipper), so a
// long list costs what is on screen; each call draws one table row.
template <class Row>
void visible_rows(std::size_t count, Row&& row) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) row(static_cast<std::size_t>(i));
}

// --- Data text in widgets (see the contract) --------------------------------------------------
// Pushes an id made from `key` (a record's id) onto ImGui's ID stack, as data: unlike
// ImGui::PushID(const char*), a "###" in it does not reset the id. Pop with ImGui::PopID().
void push_id(std::string_view key);
// ImGui::Selectable showing `text`; the id is `id`. `size` and `flags` as ImGui's.
bool selectable(std::string_view text, const char* id, bool selected, ImGuiSelectableFlags flags = 0,
                ImVec2 size = ImVec2(0, 0));
// ImGui::Checkbox showing `text` after the box (a click on the text toggles it too); the id is `id`.
bool checkbox(std::string_view text, const char* id, bool* value);
// ImGui::BeginCombo showing `preview`; the id is `id` ("##..."). End with ImGui::EndCombo() when true.
bool begin_combo(const char* id, std::string_view preview, ImGuiComboFlags flags = 0);

} // namespace iadesk::app::ui
