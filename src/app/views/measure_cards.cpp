// The Tiltak page's result list: one card per hit (name, summary, phase tags and the verdict for
// the chosen case), the highlighted one that Enter opens.
#include "app/views/measures_view.hpp"
#include "app/views/measures_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h> // ScrollToItem

namespace iadesk::app {
using namespace measures_ui;

void MeasuresView::draw_results(const ViewContext& ctx) {
    if (hits_.empty()) {
        // Empty state: say why and what to do.
        const std::string msg = query.empty() ? std::string(tr("measures.no_hits_filter"))
                                              : trf("measures.no_hits", fmt::arg("query", query));
        ui::label_text(msg.c_str());
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < hits_.size(); ++i) draw_card(ctx, static_cast<int>(i), hits_[i], width);
    scroll_to_cursor_ = false;
}

void MeasuresView::draw_card(const ViewContext& ctx, int position, const ms::SearchHit& hit, float width) {
    const ms::Measure& m = catalogue_.measures[static_cast<std::size_t>(hit.measure)];
    const char* lang = lang_id(ctx.language);
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImFont* title_font = ctx.theme.fonts.title ? ctx.theme.fonts.title : ImGui::GetFont();
    const float title_h = title_font->FontSize;
    const float tag_h = line + 0.24f * em;
    const bool with_fit = !fit_.empty();
    const ImVec2 pad(0.8f * em, 0.6f * em);
    const float height = 2 * pad.y + title_h + 0.3f * em + line + 0.4f * em + tag_h + (with_fit ? 0.4f * em + line : 0);

    ui::push_id(m.id);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + width, p0.y + height);
    const bool is_open = open == hit.measure;
    const SemanticColours& c = colours();
    // The Selectable is the card's hit area and focus; its background is the card's own colour.
    ImGui::PushStyleColor(ImGuiCol_Header, c.card_selected);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, c.card_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, c.card_selected);
    if (ImGui::Selectable("##card", is_open, 0, ImVec2(width, height))) {
        open = hit.measure;
        cursor = position;
    }
    ImGui::PopStyleColor(3);
    probe::note_value(m.id, m.name.in(lang).c_str()); // tests find the card by the measure's name
    const bool hovered = ImGui::IsItemHovered();
    if (scroll_to_cursor_ && position == cursor) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    if (!ImGui::IsItemVisible()) {
        ImGui::PopID();
        return;
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = 0.45f * em;
    const ImU32 bg = ImGui::GetColorU32(is_open ? c.card_selected : hovered ? c.card_hovered : c.card_background);
    dl->AddRectFilled(p0, p1, bg, r);
    dl->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border), r);
    const ImU32 accent = ImGui::GetColorU32(c.accent);
    if (is_open) dl->AddRectFilled(p0, ImVec2(p0.x + 0.3f * em, p1.y), accent, r, ImDrawFlags_RoundCornersLeft);
    if (position == cursor && !query.empty()) // the result Enter opens
        dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), accent, r, 0, 2.0f);

    const float x = p0.x + pad.x;
    const float right = p1.x - pad.x;
    float y = p0.y + pad.y;
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // Name (semibold), one-line summary.
    ImGui::PushFont(title_font);
    const std::string& name = m.name.in(lang);
    text_ellipsis(dl, ImVec2(x, y), right, title_h, name);
    ImGui::PopFont();
    y += title_h + 0.3f * em;
    const std::string& summary = m.summary.in(lang);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_ellipsis(dl, ImVec2(x, y), right, line, summary);
    ImGui::PopStyleColor();
    y += line + 0.4f * em;
    // Tags: historic first, then the phases; "+N" when they do not fit.
    float tx = x;
    const ImU32 tag_bg = ImGui::GetColorU32(c.tag_background);
    if (!m.current) {
        const std::string h = std::string(kDiamond) + " " + tr("measures.historic");
        tx += draw_tag(dl, ImVec2(tx, y), h.c_str(), ImGui::GetColorU32(c.tag_warning_background), ImGui::GetColorU32(c.text_warning)) +
              0.35f * em;
    }
    const ms::Taxonomy& t = catalogue_.taxonomy;
    for (std::size_t i = 0; i < m.phases.size(); ++i) {
        const std::string& label = t.phases[static_cast<std::size_t>(m.phases[i])].in(lang);
        const float w = ImGui::CalcTextSize(label.c_str()).x + 0.9f * em;
        const float more_w = ImGui::CalcTextSize("+9").x + 0.9f * em + 0.35f * em;
        const bool last = i + 1 == m.phases.size();
        if (tx + w + (last ? 0 : more_w) > right) {
            const std::string more = "+" + std::to_string(m.phases.size() - i);
            draw_tag(dl, ImVec2(tx, y), more.c_str(), tag_bg, dim);
            break;
        }
        tx += draw_tag(dl, ImVec2(tx, y), label.c_str(), tag_bg, dim) + 0.35f * em;
    }
    y += tag_h + 0.4f * em;
    // "✓ Kari Nordmann: Passer" / "? ...: Kan passe – sjekk: ..." / "✗ ...: Passer ikke: ..."
    if (with_fit) {
        const ms::Eligibility& e = fit_[static_cast<std::size_t>(hit.measure)];
        ImGui::PushStyleColor(ImGuiCol_Text, verdict_look(e.verdict).colour);
        text_ellipsis(dl, ImVec2(x, y), right, line, fit_line(e, fit_name_, lang)); // holds the employee's name: drawn as written
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

} // namespace iadesk::app
