#include "app/views/measures_parts.hpp"

#include "app/theme.hpp"
#include "app/tr_format.hpp"
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
    case ms::Verdict::eligible: return {kCheck, colours().text_ok};
    case ms::Verdict::not_eligible: return {kCross, colours().text_error};
    case ms::Verdict::unknown: return {"?", colours().text_warning};
    }
    return {"?", colours().text_warning};
}

namespace {
// A condition as a list item: its text without the closing full stop.
std::string item(const ms::Text& t, const char* lang) {
    std::string s = t.in(lang);
    while (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}
} // namespace

std::string finding_detail(const ms::Finding& f, bool failed, const char* lang) {
    if (failed) return f.detail.nb.empty() ? std::string() : trf("measures.fit.here", fmt::arg("facts", f.detail.in(lang)));
    if (!f.checkable) return tr("measures.fit.unchecked");
    return f.detail.nb.empty() ? std::string() : trf("measures.fit.missing", fmt::arg("facts", f.detail.in(lang)));
}

std::string fit_line(const ms::Eligibility& e, const std::string& name, const char* lang) {
    std::string verdict;
    if (e.verdict == ms::Verdict::eligible) {
        verdict = tr("measures.fit.yes");
    } else if (e.verdict == ms::Verdict::not_eligible) {
        std::string list;
        for (const ms::Finding& f : e.failed) {
            const std::string here = finding_detail(f, true, lang);
            list += (list.empty() ? "" : "; ") + item(f.condition, lang) + (here.empty() ? "" : " (" + here + ")");
        }
        verdict = trf("measures.fit.no", fmt::arg("conditions", list));
    } else {
        std::string list;
        for (const ms::Finding& f : e.to_check) list += (list.empty() ? "" : "; ") + item(f.condition, lang);
        verdict = trf("measures.fit.maybe", fmt::arg("conditions", list));
    }
    return std::string(verdict_look(e.verdict).icon) + " " +
           trf("measures.fit.for", fmt::arg("name", name), fmt::arg("verdict", verdict));
}

} // namespace iadesk::app::measures_ui
