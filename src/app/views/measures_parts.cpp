#include "app/views/measures_parts.hpp"

#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui_internal.h> // RenderTextEllipsis

namespace iadesk::app::measures_ui {

float draw_tag(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 bg, ImU32 fg) {
    const float em = ImGui::GetFontSize();
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const ImVec2 pad(0.45f * em, 0.12f * em);
    dl->AddRectFilled(pos, ImVec2(pos.x + ts.x + 2 * pad.x, pos.y + ts.y + 2 * pad.y), bg, 0.3f * em);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), fg, text);
    return ts.x + 2 * pad.x;
}

void text_ellipsis(ImDrawList* dl, ImVec2 pos, float right, float height, const std::string& text) {
    const char* end = text.c_str() + text.size();
    ImGui::RenderTextEllipsis(dl, pos, ImVec2(right, pos.y + height), right, right, text.c_str(), end, nullptr);
}

void bullet(const std::string& text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ui::label_text(text.c_str());
}

void secondary(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::label_text(text.c_str());
    ImGui::PopStyleColor();
}

void section(const ViewContext& ctx, const char* key) {
    ImGui::Dummy(ImVec2(0, 0.4f * ImGui::GetFontSize()));
    ui::heading(ctx.theme.fonts.title, tr(key));
}

VerdictLook verdict_look(ms::Verdict v) {
    switch (v) {
    case ms::Verdict::eligible: return {kCheck, "measures.fit.yes", colours().text_ok};
    case ms::Verdict::not_eligible: return {kCross, "measures.fit.no", colours().text_error};
    case ms::Verdict::unknown: return {"?", "measures.fit.unknown", colours().text_warning};
    }
    return {"?", "measures.fit.unknown", colours().text_warning};
}

} // namespace iadesk::app::measures_ui
