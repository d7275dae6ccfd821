#include "app/test_probe.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <cstdarg>
#include <vector>

namespace iadesk::app::probe {

struct Item {
    ImGuiID id = 0;
    std::string label;
    std::string kind;
    std::string value;
    bool has_value = false;
    ImRect rect;
    bool visible = false;
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
}

void end_frame() {
    Probe* p = current_probe();
    if (!p) return;
    nlohmann::json out = nlohmann::json::array();
    for (const Item& it : *p->current) {
        if (it.label.empty()) continue;
        nlohmann::json j = {{"label", it.label}, {"id", it.id}, {"kind", it.kind},
                            {"x", it.rect.Min.x}, {"y", it.rect.Min.y},
                            {"w", it.rect.GetWidth()}, {"h", it.rect.GetHeight()},
                            {"visible", it.visible}};
        if (it.has_value) j["value"] = it.value;
        out.push_back(std::move(j));
    }
    p->last_json = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void note_text(std::string_view text) {
    Probe* p = current_probe();
    if (!p) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    Item it;
    it.id = g.LastItemData.ID;
    it.label = std::string(text);
    it.kind = "text";
    it.rect = g.LastItemData.Rect;
    it.visible = g.CurrentWindow && g.CurrentWindow->ClipRect.Overlaps(it.rect);
    p->current->push_back(std::move(it));
}

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

const std::string& items_json() {
    static const std::string empty = "[]";
    Probe* p = current_probe();
    return p ? p->last_json : empty;
}

} // namespace iadesk::app::probe

// --- The hook functions imgui.cpp calls when IMGUI_ENABLE_TEST_ENGINE is defined ----------------
using namespace iadesk::app::probe;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    Probe* p = probe_of(ctx);
    if (id == 0 || !p) return;
    Item it;
    it.id = id;
    it.rect = bb;
    it.kind = "item";
    it.visible = ctx->CurrentWindow && ctx->CurrentWindow->ClipRect.Overlaps(bb);
    p->current->push_back(std::move(it));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    Item* it = find_current(probe_of(ctx), id);
    if (!it) return;
    it->label = visible_label(label);
    if (flags & ImGuiItemStatusFlags_Checkable) it->kind = "checkbox";
    else if (flags & ImGuiItemStatusFlags_Inputable) it->kind = "input";
    else if (flags & ImGuiItemStatusFlags_Openable) it->kind = "tree";
    else it->kind = "button";
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
    if (Item* it = find_current(probe_of(ctx), id)) return it->label.c_str();
    return nullptr;
}
