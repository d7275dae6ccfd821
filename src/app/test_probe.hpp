// test_probe: our own implementation of Dear ImGui's test-engine item hooks (IMGUI_ENABLE_TEST_ENGINE).
// What it records serves two readers: the browser tests, which find widgets by label as a person
// would (tests/e2e/harness.mjs), and the accessible mirror of the screen (web_a11y.js), the DOM
// tree a screen reader, the keyboard and the browser's find and copy work on (docs/accessibility.md).
// Not the separately licensed imgui_test_engine: only the hook functions imgui.cpp calls.
//
// Contract
// - Disabled by default; when enabled (always in the browser) every item that ImGui submits with an
//   id is recorded with its label (the text before "##"), id and rectangle in framebuffer pixels,
//   plus what views add with note_text() / note_heading() / note_value().
// - items_json() describes the last completed frame: [{"label","id","kind","x","y","w","h",
//   "visible","value"?, "region", "role"?, "dialog"?, "dialogId"?, "table"?, "row"?, "col"?, "header"?,
//   "level"?, "checked"?, "expanded"?, "tablist"?, "selected"?, "disabled"?, "focused"?}], where
//   - kind: button, checkbox, input, tree (opens), text, window (a window's title bar), panel (a
//     child window the keyboard enters with Enter and leaves with Escape; named by note_label()
//     after EndChild, else by its first heading, text or widget), item (anything else);
//   - role, where kind says too little: heading (with level), alert (an error to announce at
//     once; kind text), combo (a combo box; value is what it shows), tab (of the tab bar
//     "tablist"; "selected": the one shown);
//   - visible: the item lies inside its window's clip rectangle;
//   - region: the landmark it is drawn in: banner (menu bar), navigation, main, status (status bar),
//     dialog (a modal popup: "dialog" is its title), menu (a menu's popup), popup (a combo's list),
//     tooltip; set_region() names the regions of the main window, popups are found by their flags;
//   - table/row/col/header: the table cell it is drawn in (header: the table's header row);
//   - focused: the item has ImGui's keyboard focus (shown only while the keyboard is in use) or is
//     the text field being edited.
// - generation() changes whenever items_json() does, so a reader can skip an unchanged frame.
// - Cost when disabled: one branch per item (ImGui checks g.TestEngineHookItems).
#pragma once

#include <string>
#include <string_view>

#include <vector>

struct ImGuiContext;

namespace iadesk::app::probe {

struct Item;

// The recorder, owned by the App and attached to the ImGui context's TestEngine pointer.
struct Probe {
    std::vector<Item>* current = nullptr; // this frame's items
    std::string last_json = "[]";        // the last completed frame
    unsigned generation = 0;              // bumped when last_json changes
    const char* region = "main";          // set_region(): where the main window's items are drawn
    unsigned pending_id = 0;              // an item's info that came before the item (a tab)
    std::string pending_label;
    int pending_flags = 0;
    Probe();
    ~Probe();
    Probe(const Probe&) = delete;
    Probe& operator=(const Probe&) = delete;
};

void attach(ImGuiContext* ctx, Probe* probe); // nullptr detaches (disables)
bool enabled();
void begin_frame(); // before ImGui::NewFrame()
void end_frame();   // after ImGui::Render(): the frame becomes "last"
void note_text(std::string_view text);   // records the last item (a Text) under this label
void note_alert(std::string_view text);  // as note_text, for an error a screen reader announces at once
void note_heading(std::string_view text, int level); // a heading: 1 for a page, 2 for a section
// Names the landmark the main window's next items are drawn in ("navigation", "main", "status").
void set_region(const char* region);
// Names the last item, a table's column header (ImGui::TableHeader reports no label), a button.
void note_header(std::string_view label);
// Marks the last item as a combo box showing `preview`, its list open or not.
void note_combo(std::string_view label, std::string_view preview, bool open);
// Attaches a value (an input field's text) to the last item, and a label when the widget's own
// label is hidden ("##id", labels drawn above fields).
void note_value(std::string_view value, const char* label = nullptr);
// Names the last item by the text a widget shows itself (ui::selectable, ui::checkbox: data text
// that ImGui's labels would cut at "##"), keeping its kind.
void note_label(std::string_view label);
const std::string& items_json(); // of the last completed frame ("[]" when disabled)
unsigned generation();            // of items_json(); 0 when disabled
// Presses the widget with this id (button, checkbox, tree node, menu item) or starts editing it
// (text field) on the next frame, as the keyboard would: the accessible mirror's clicks.
void activate(unsigned id);

} // namespace iadesk::app::probe
