#include "app/views/measures_view.hpp"
#include "app/views/measures_parts.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/test_probe.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
using namespace measures_ui;

namespace {

// Short chip label of an IA goal: "Delmål 2a" for the 2010-2013 sub-goals, the aim itself for
// the 2019 agreement ("mindre frafall fra arbeidslivet").
std::string short_goal(const std::string& label) {
    const std::size_t colon = label.find(": ");
    if (colon == std::string::npos) return label;
    if (label.rfind("Delmål", 0) == 0 || label.rfind("Sub-goal", 0) == 0) return label.substr(0, colon);
    return label.substr(colon + 2);
}

// A filter chip: a toggle button with a check mark when on (never colour alone). Wraps to a new
// line at `indent` (window coordinates) when it does not fit.
bool chip(const std::string& text, const std::string& id, bool on, float indent, bool first) {
    const float em = ImGui::GetFontSize();
    const std::string label = (on ? std::string(kCheck) + " " : std::string()) + text + "###" + id;
    const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (!first) {
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (ImGui::GetItemRectMax().x + 0.4f * em + w <= right) ImGui::SameLine(0, 0.4f * em);
        else ImGui::SetCursorPosX(indent);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.9f * em);
    ImGui::PushStyleColor(ImGuiCol_Button, on ? colours().chip_on : colours().chip_off);
    ImGui::PushStyleColor(ImGuiCol_Border, on ? colours().accent : ImGui::GetStyleColorVec4(ImGuiCol_Border));
    const bool clicked = ImGui::Button(label.c_str());
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    return clicked;
}

// A row of chips under a label: label in a fixed column, chips after it.
struct ChipRow {
    float indent;
    bool first = true;
    ChipRow(const char* label, float label_em) {
        const float em = ImGui::GetFontSize();
        ImGui::AlignTextToFramePadding();
        ui::muted_line(label);
        ImGui::SameLine(label_em * em);
        indent = label_em * em;
    }
    bool add(const std::string& text, const std::string& id, bool on) {
        const bool c = chip(text, id, on, indent, first);
        first = false;
        return c;
    }
};

int search_callback(ImGuiInputTextCallbackData* data) {
    auto* view = static_cast<MeasuresView*>(data->UserData); // resizing is imgui_stdlib's
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
        const int n = static_cast<int>(view->results().size());
        if (data->EventKey == ImGuiKey_DownArrow) view->cursor = std::min(view->cursor + 1, std::max(0, n - 1));
        if (data->EventKey == ImGuiKey_UpArrow) view->cursor = std::max(view->cursor - 1, 0);
    }
    return 0;
}

} // namespace

void MeasuresView::ensure_loaded() {
    if (loaded_) return;
    catalogue_ = ms::builtin_catalogue();
    index_ = ms::MeasureIndex(catalogue_); // built once; positions, so it survives moves
    for (const ms::Label& g : catalogue_.taxonomy.ia_goals) {
        goal_short_nb_.push_back(short_goal(g.label.nb));
        goal_short_en_.push_back(short_goal(g.label.in("en")));
    }
    loaded_ = true;
}

void MeasuresView::refresh_hits() {
    hits_ = index_.search(query, filter);
    hits_dirty_ = false;
    cursor = 0;
}

void MeasuresView::draw(ViewContext& ctx) {
    ensure_loaded();
    const int frame = ImGui::GetFrameCount();
    if (frame - last_frame_ > 1) focus_search_ = true; // the page was just shown
    last_frame_ = frame;
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_F, false)) focus_search_ = true;
    refresh_fit(ctx);

    ui::heading(ctx.theme.fonts.heading, tr("measures.title"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::label_text(tr("measures.intro"));
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 0.2f * ImGui::GetFontSize()));

    draw_search_row(ctx);
    draw_filters(ctx);
    if (hits_dirty_) refresh_hits();
    cursor = std::clamp(cursor, 0, std::max(0, static_cast<int>(hits_.size()) - 1));

    ui::label_text(
        trf("measures.count", fmt::arg("shown", hits_.size()), fmt::arg("total", catalogue_.measures.size())).c_str());

    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float list_w = std::clamp(avail * 0.42f, std::min(avail, 22 * em), 34 * em);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    ImGui::BeginChild("measures-results", ImVec2(list_w, 0), ImGuiChildFlags_None);
    draw_results(ctx);
    ImGui::EndChild();
    probe::note_label(tr("panel.measure_results")); // the panel as the keyboard enters it (test_probe.hpp)
    ImGui::PopStyleColor();
    ImGui::SameLine(0, em);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.2f * em, 1.0f * em));
    ImGui::BeginChild("measures-detail", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    draw_detail(ctx);
    ImGui::EndChild();
    probe::note_label(tr("panel.measure_detail"));
}

void MeasuresView::draw_search_row(ViewContext& ctx) {
    const float em = ImGui::GetFontSize();
    const char* label = tr("measures.search");
    ImGui::BeginGroup();
    ui::text(label); // labels above fields
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackHistory | ImGuiInputTextFlags_EscapeClearsAll;
    const int cursor_before = cursor;
    if (ui::search_box(tr("measures.search_hint"), "measures-search", query, 28, label, flags, search_callback, this))
        hits_dirty_ = true;
    if (cursor != cursor_before) scroll_to_cursor_ = true;
    // Enter deactivates a single-line field: that frame, open the highlighted result.
    if (ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter))) {
        if (hits_dirty_) refresh_hits();
        if (!hits_.empty()) {
            open = hits_[static_cast<std::size_t>(std::clamp(cursor, 0, static_cast<int>(hits_.size()) - 1))].measure;
            scroll_to_cursor_ = true;
        }
    }
    ui::muted_line(tr("measures.keys_help"));
    ImGui::EndGroup();
    // Whose case the cards are checked against.
    ImGui::SameLine(0, 2 * em);
    draw_case_picker(ctx);
}

void MeasuresView::draw_filters(const ViewContext& ctx) {
    const ms::Taxonomy& t = catalogue_.taxonomy;
    const char* lang = lang_id(ctx.language);
    const float label_em = 7.5f;
    ImGui::Dummy(ImVec2(0, 0.1f * ImGui::GetFontSize()));
    {
        ChipRow row(tr("measures.filter.phase"), label_em);
        for (int i = 0; i < ms::kPhaseCount; ++i) {
            const auto p = static_cast<ms::Phase>(i);
            const bool on = filter.phase == p;
            if (row.add(t.phases[static_cast<std::size_t>(i)].in(lang), "phase-" + std::string(ms::phase_id(p)), on)) {
                filter.phase = on ? std::nullopt : std::optional<ms::Phase>(p);
                hits_dirty_ = true;
            }
        }
    }
    {
        ChipRow row(tr("measures.filter.validity"), label_em);
        const bool cur = filter.validity == ms::Validity::current_only;
        const bool his = filter.validity == ms::Validity::historic_only;
        if (row.add(tr("measures.filter.current"), "valid-current", cur)) {
            filter.validity = cur ? ms::Validity::any : ms::Validity::current_only;
            hits_dirty_ = true;
        }
        if (row.add(tr("measures.filter.historic"), "valid-historic", his)) {
            filter.validity = his ? ms::Validity::any : ms::Validity::historic_only;
            hits_dirty_ = true;
        }
        const int hidden_active = (filter.ia_goal.empty() ? 0 : 1) + (filter.provider.empty() ? 0 : 1) +
                                  (filter.target_group.empty() ? 0 : 1);
        std::string more = tr(more_filters ? "measures.fewer_filters" : "measures.more_filters");
        if (hidden_active > 0) more += " " + trf("measures.active_filters", fmt::arg("count", hidden_active));
        ImGui::SameLine(0, 1.5f * ImGui::GetFontSize());
        if (ImGui::SmallButton((more + "###more-filters").c_str())) more_filters = !more_filters;
        const bool any = filter.phase || filter.validity != ms::Validity::any || hidden_active > 0;
        if (any) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("measures.clear_filters"))) {
                filter = {};
                hits_dirty_ = true;
            }
        }
    }
    if (!more_filters) return;
    {
        ChipRow row(tr("measures.filter.goal"), label_em);
        const auto& shorts = ctx.language == Language::en ? goal_short_en_ : goal_short_nb_;
        for (std::size_t i = 0; i < t.ia_goals.size(); ++i) {
            const bool on = filter.ia_goal == t.ia_goals[i].id;
            if (row.add(shorts[i], "goal-" + t.ia_goals[i].id, on)) {
                filter.ia_goal = on ? std::string() : t.ia_goals[i].id;
                hits_dirty_ = true;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.ia_goals[i].label.in(lang).c_str());
        }
    }
    // A row of chips that chooses one of `labels` into `chosen`; a click on the chosen one clears it.
    auto choose_one = [&](const char* key, const std::vector<ms::Label>& labels, std::string& chosen,
                          const char* id_prefix) {
        ChipRow row(tr(key), label_em);
        for (const ms::Label& l : labels) {
            const bool on = chosen == l.id;
            if (row.add(l.label.in(lang), id_prefix + l.id, on)) {
                chosen = on ? std::string() : l.id;
                hits_dirty_ = true;
            }
        }
    };
    choose_one("measures.filter.provider", t.providers, filter.provider, "provider-");
    choose_one("measures.filter.group", t.target_groups, filter.target_group, "group-");
}

} // namespace iadesk::app
