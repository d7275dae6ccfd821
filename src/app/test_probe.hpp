// test_probe: our own implementation of Dear ImGui's test-engine item hooks (IMGUI_ENABLE_TEST_ENGINE),
// so that browser tests find widgets by label, as a person would (tests/e2e/harness.mjs).
// Not the separately licensed imgui_test_engine: only the hook functions imgui.cpp calls.
//
// Contract
// - Disabled by default; when enabled (the page was opened with ?test in its URL) every item that
//   ImGui submits with an id is recorded with its label (the text before "##"), id and rectangle
//   in framebuffer pixels, plus what views add with note_text() / note_value().
// - items_json() describes the last completed frame: [{"label","id","kind","x","y","w","h",
//   "visible","value"?}], where visible means the item lies inside its window's clip rectangle.
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
// Attaches a value (an input field's text) to the last item, and a label when the widget's own
// label is hidden ("##id", labels drawn above fields).
void note_value(std::string_view value, const char* label = nullptr);
// Names the last item by the text a widget shows itself (ui::selectable, ui::checkbox: data text
// that ImGui's labels would cut at "##"), keeping its kind.
void note_label(std::string_view label);
const std::string& items_json(); // of the last completed frame ("[]" when disabled)

} // namespace iadesk::app::probe
