#include "app/test_probe.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <fmt/format.h>

#include <iterator>
#include <string_view>

#include <cstdarg>
#include <vector>

namespace iadesk::app::probe {

struct Item {
    ImGuiID id = 0;
    std::string label;
    std::string kind;
    const char* role = nullptr; // for the mirror where kind says too little: heading, alert, combo
    std::string value;
    bool has_value = false;
    ImRect rect;
    bool visible = false;
    // Where it is drawn (the accessible mirror's structure)
    const char* region = "main";
    ImGuiID dialog_id = 0;     // the modal popup's window id, 0 outside one
    std::string dialog_title;  // its title bar's text ("" without a title bar)
    ImGuiID table = 0;         // the table whose cell holds it, 0 outside tables
    int row = -1, col = -1;
    bool header = false;
    // State
    int level = 0;             // headings
    int checked = -1;          // checkboxes: 0/1
    int expanded = -1;         // trees, menus, combos: 0/1
    ImGuiID tablist = 0;       // tabs: the tab bar's id
    bool selected = false;     // tabs: the one shown
    bool disabled = false;
};

namespace {

Probe* probe_of(ImGuiContext* ctx) { return ctx ? static_cast<Probe*>(ctx->TestEngine) : nullptr; }
Probe* current_probe() { return probe_of(ImGui::GetCurrentContext()); }

Item* find_current(Probe* p, ImGuiID id) {
    if (!p) return nullptr;
    auto& items = *p->current;
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

std::string visible_label(const char* label) {
    if (!label) return {};
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

// The landmark, dialog and table cell of an item submitted now in the current window.
void capture_place(ImGuiContext& g, const Probe& p, Item& it) {
    ImGuiWindow* w = g.CurrentWindow;
    it.visible = w && w->ClipRect.Overlaps(it.rect);
    it.region = p.region;
    for (ImGuiWindow* up = w; up; up = up->ParentWindow) {
        const ImGuiWindowFlags f = up->Flags;
        if (f & ImGuiWindowFlags_Modal) {
            it.region = "dialog";
            it.dialog_id = up->ID;
            if (!(f & ImGuiWindowFlags_NoTitleBar)) it.dialog_title = visible_label(up->Name);
            break;
        }
        if (f & ImGuiWindowFlags_Tooltip) { it.region = "tooltip"; break; }
        if (f & ImGuiWindowFlags_ChildMenu) { it.region = "menu"; break; }
        if (f & ImGuiWindowFlags_Popup) { it.region = "popup"; break; }
        if (!(f & ImGuiWindowFlags_ChildWindow)) {
            if (w == up && w->DC.NavLayerCurrent == ImGuiNavLayer_Menu) it.region = "banner";
            break;
        }
    }
    if (ImGuiTable* t = g.CurrentTable; t && w && t->InnerWindow == w && t->IsInsideRow) {
        it.table = t->ID;
        it.row = t->CurrentRow;
        it.col = t->CurrentColumn;
        it.header = (t->RowFlags & ImGuiTableRowFlags_Headers) != 0;
    }
    it.disabled = (g.CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
}

} // namespace

Probe::Probe() : current(new std::vector<Item>()) {}
Probe::~Probe() { delete current; }

void attach(ImGuiContext* ctx, Probe* probe) {
    ctx->TestEngine = probe;
    ctx->TestEngineHookItems = probe != nullptr;
}

bool enabled() { return current_probe() != nullptr; }

void begin_frame() {
    Probe* p = current_probe();
    if (!p) return;
    ImGui::GetCurrentContext()->TestEngineHookItems = true; // NewFrame keeps it; set for clarity
    p->current->clear();
    p->region = "main";
}

namespace {

// `s` as a JSON string: quotes, backslashes and control characters escaped; bytes that are not
// UTF-8 become U+FFFD (as nlohmann's error_handler_t::replace did), so the result always parses.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '"') out += "\\\"";
            else if (c == '\\') out += "\\\\";
            else if (c < 0x20) fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(s.data() + i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    out += '"';
}

} // namespace

void end_frame() {
    Probe* p = current_probe();
    if (!p) return;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    // Keyboard focus is shown only while the keyboard is in use; a field being edited always has it.
    const ImGuiID nav_focus = g.NavDisableHighlight ? 0 : g.NavId;
    const ImGuiID editing = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId ? g.ActiveId : 0;
    auto& items = *p->current;
    for (std::size_t i = 0; i < items.size(); ++i) { // a panel without a name: its heading, else its first text
        Item& panel = items[i];
        if (panel.kind != "panel" || !panel.label.empty()) continue;
        const Item* heading = nullptr;
        const Item* text = nullptr;
        const Item* any = nullptr;
        for (std::size_t j = 0; j < i && !heading; ++j) { // what it holds was recorded before it
            const Item& in = items[j];
            if (in.label.empty() || in.kind == "window" || in.kind == "panel" || !panel.rect.Contains(in.rect.GetCenter())) continue;
            if (in.role && std::string_view(in.role) == "heading") heading = &in;
            else if (in.kind == "text" && !text) text = &in;
            else if (!any) any = &in;
        }
        if (const Item* name = heading ? heading : text ? text : any) panel.label = name->label;
    }
    // Written by hand, not through nlohmann::json: this runs every frame in the browser, and the
    // JSON tree cost the accessible mirror about 2 ms a frame at 50 000 employees (bench/browser.mjs).
    std::string json;
    json.reserve(p->last_json.size() + 256);
    auto out = std::back_inserter(json);
    json += '[';
    bool first = true;
    for (const Item& it : items) {
        if (it.label.empty()) continue;
        if (!first) json += ',';
        first = false;
        json += "{\"label\":";
        append_json_string(json, it.label);
        fmt::format_to(out, ",\"id\":{},\"kind\":\"{}\",\"x\":{},\"y\":{},\"w\":{},\"h\":{},\"visible\":{},\"region\":\"{}\"",
                       it.id, it.kind, it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.visible, it.region);
        if (it.has_value) {
            json += ",\"value\":";
            append_json_string(json, it.value);
        }
        if (it.dialog_id != 0) {
            json += ",\"dialog\":";
            append_json_string(json, it.dialog_title);
            fmt::format_to(out, ",\"dialogId\":{}", it.dialog_id);
        }
        if (it.table != 0) {
            fmt::format_to(out, ",\"table\":{},\"row\":{},\"col\":{}", it.table, it.row, it.col);
            if (it.header) json += ",\"header\":true";
        }
        if (it.role) fmt::format_to(out, ",\"role\":\"{}\"", it.role);
        if (it.tablist != 0) fmt::format_to(out, ",\"tablist\":{},\"selected\":{}", it.tablist, it.selected);
        if (it.level > 0) fmt::format_to(out, ",\"level\":{}", it.level);
        if (it.checked >= 0) fmt::format_to(out, ",\"checked\":{}", it.checked == 1);
        if (it.expanded >= 0) fmt::format_to(out, ",\"expanded\":{}", it.expanded == 1);
        if (it.disabled) json += ",\"disabled\":true";
        if (it.id != 0 && (it.id == nav_focus || it.id == editing) && it.kind != "text") json += ",\"focused\":true";
        json += '}';
    }
    json += ']';
    if (json != p->last_json) {
        p->last_json = std::move(json);
        ++p->generation;
    }
}

void set_region(const char* region) {
    if (Probe* p = current_probe()) p->region = region;
}

namespace {
void note_text_as(std::string_view text, const char* role, int level) {
    Probe* p = current_probe();
    if (!p) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    Item it;
    it.id = g.LastItemData.ID;
    it.label = std::string(text);
    it.kind = "text";
    it.role = role;
    it.level = level;
    it.rect = g.LastItemData.Rect;
    capture_place(g, *p, it);
    p->current->push_back(std::move(it));
}
} // namespace

void note_text(std::string_view text) { note_text_as(text, nullptr, 0); }
void note_alert(std::string_view text) { note_text_as(text, "alert", 0); }
void note_heading(std::string_view text, int level) { note_text_as(text, "heading", level); }

// The item just drawn, or nullptr. A widget clipped away (a multiline input below the scroll ends in
// EndGroup) leaves LastItemData.ID at 0, the id of every text: never relabel a text by mistake.
namespace {
Item* last_item() {
    const ImGuiID id = ImGui::GetCurrentContext()->LastItemData.ID;
    return id == 0 ? nullptr : find_current(current_probe(), id);
}
} // namespace

void note_value(std::string_view value, const char* label) {
    if (Item* it = last_item()) {
        it->value = std::string(value);
        it->has_value = true;
        if (label) it->label = label;
    }
}

void note_label(std::string_view label) {
    if (Item* it = last_item()) it->label = std::string(label);
}

void note_header(std::string_view label) {
    if (Item* it = last_item()) {
        it->label = std::string(label);
        if (it->kind == "item") it->kind = "button";
    }
}

void note_combo(std::string_view label, std::string_view preview, bool open) {
    if (Item* it = last_item()) {
        it->role = "combo";
        it->label = std::string(label);
        it->value = std::string(preview);
        it->has_value = true;
        it->expanded = open ? 1 : 0;
    }
}

const std::string& items_json() {
    static const std::string empty = "[]";
    Probe* p = current_probe();
    return p ? p->last_json : empty;
}

void activate(unsigned id) {
    if (id != 0) ImGui::ActivateItemByID(id);
}

unsigned generation() {
    Probe* p = current_probe();
    return p ? p->generation : 0;
}

} // namespace iadesk::app::probe

// --- The hook functions imgui.cpp calls when IMGUI_ENABLE_TEST_ENGINE is defined ----------------
using namespace iadesk::app::probe;

namespace {
// What ImGui tells of an item (its label and status) onto its record.
void apply_info(const ImGuiContext& g, Item& item, const char* label, ImGuiItemStatusFlags flags) {
    Item* it = &item;
    const ImGuiID id = item.id;
    it->label = visible_label(label);
    if (ImGui::FindWindowByID(id) != nullptr) { // a window's own item (its title bar): not a widget
        it->kind = "window";
    } else if (flags & ImGuiItemStatusFlags_Checkable) {
        it->kind = "checkbox";
        it->checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    } else if (flags & ImGuiItemStatusFlags_Inputable) {
        it->kind = "input";
    } else if (flags & ImGuiItemStatusFlags_Openable) {
        it->kind = "tree";
        it->expanded = (flags & ImGuiItemStatusFlags_Opened) ? 1 : 0;
    } else {
        it->kind = "button";
    }
    if (const ImGuiTabBar* bar = g.CurrentTabBar) { // a tab of the tab bar being drawn
        for (const ImGuiTabItem& tab : bar->Tabs)
            if (tab.ID == id) {
                it->role = "tab";
                it->tablist = bar->ID;
                it->selected = bar->SelectedTabId == id;
            }
    }
}
} // namespace


void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    Probe* p = probe_of(ctx);
    if (id == 0 || !p) return;
    Item it;
    it.id = id;
    it.rect = bb;
    it.kind = ctx->WithinEndChild ? "panel" : "item"; // EndChild adds a child window as an item of its parent
    capture_place(*ctx, *p, it);
    p->current->push_back(std::move(it));
    if (p->pending_id == id) {
        apply_info(*ctx, p->current->back(), p->pending_label.c_str(), p->pending_flags);
        p->pending_id = 0;
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    Probe* p = probe_of(ctx);
    if (!p) return;
    if (Item* it = find_current(p, id)) {
        apply_info(*ctx, *it, label, flags);
    } else { // a tab reports before its ItemAdd (TabItemEx): kept for it
        p->pending_id = id;
        p->pending_label = label ? label : "";
        p->pending_flags = flags;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
    if (Item* it = find_current(probe_of(ctx), id)) return it->label.c_str();
    return nullptr;
}
