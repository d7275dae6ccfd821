#include "app/views/statistics.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "iadesk/access.hpp"
#include "iadesk/csv.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace iadesk::app {
namespace {

std::string quarter_label(Quarter q) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d K%d", q.year, q.q);
    return buf;
}

// One cell: the percent as the core rounded it, or why there is none.
void percent_cell(const StatsCell& c, Language lang) {
    switch (c.state) {
    case StatsCell::State::not_visible: ImGui::TextDisabled("%s", tr("stats.not_visible")); break;
    case StatsCell::State::no_data: ImGui::TextDisabled("–"); break;
    case StatsCell::State::masked: {
        const bool protects = c.reason == MaskReason::protects_small_group;
        ImGui::TextDisabled("%s", tr(protects ? "stats.protected" : "stats.masked"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(protects ? "stats.protected_help" : "stats.masked_help"));
        break;
    }
    case StatsCell::State::value: ui::text(format_percent(c.value, lang == Language::nb).c_str()); break;
    }
}

void trend_cell(const StatsCell& c, Language lang) {
    if (c.state != StatsCell::State::value) {
        ImGui::TextDisabled("–");
        return;
    }
    const double d = c.value;
    const char* arrow = d > 0.05 ? "\xE2\x96\xB2" : d < -0.05 ? "\xE2\x96\xBC" : "\xE2\x80\x93"; // ▲ ▼ –
    const std::string t = std::string(arrow) + " " + (d > 0 ? "+" : "") + format_decimal(d, 1, lang) + " " + tr("stats.points");
    ImGui::TextColored(d > 0.05 ? colours().text_error : colours().text_ok, "%s", t.c_str()); // more absence: worse
}

} // namespace

void StatisticsView::draw(ViewContext& ctx,
                          const std::function<void(const std::string&, const std::string&, const std::string&)>& download) {
    const float em = ImGui::GetFontSize();
    ui::heading(ctx.theme.fonts.heading, tr("stats.title"));
    ui::label_text(tr("stats.intro"));
    if (year == 0) year = ctx.today.year();
    if (ctx.derived.role.kind == RoleKind::employee) {
        ui::label_text(tr("stats.no_access"));
        return;
    }
    ImGui::SetNextItemWidth(7 * em);
    ImGui::InputInt(tr("stats.year"), &year);
    year = std::clamp(year, 1990, ctx.today.year());
    if (computed_generation != ctx.derived.generation || computed_year != year) {
        computed_year = year;
        // From the whole document: the statistics need every absence; the role filter is in the core.
        overview = statistics_overview(ctx.doc.data, year, ctx.today, ctx.derived.role);
        computed_generation = ctx.derived.generation;
    }
    const StatsOverview& ov = overview;
    ImGui::SameLine(0, 2 * em);
    if (ImGui::Button(tr("stats.export"))) {
        const CsvLang lang = ctx.language == Language::nb ? CsvLang::nb : CsvLang::en;
        char name[64];
        std::snprintf(name, sizeof name, "sykefravaer-%d-K%d.csv", year, ov.latest_quarter);
        download(name, "text/csv;charset=utf-8", export_stats_csv(ov.latest, ctx.doc.data, ctx.derived.role, lang));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("stats.export_help"));

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("stats", 8, flags)) {
        ImGui::TableSetupColumn(tr("col.unit"), 0, 2.4f);
        for (int q = 1; q <= 4; ++q) ImGui::TableSetupColumn(quarter_label({year, q}).c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(tr("stats.trend"), 0, 1.6f);
        ImGui::TableSetupColumn(tr("stats.self"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("stats.doctor"), 0, 1.0f);
        ImGui::TableHeadersRow();
        for (const StatsRow& row : ov.rows) {
            ui::push_id(row.unit ? std::string_view(*row.unit) : std::string_view("#organisation"));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::text(row.name.c_str());
            for (const StatsCell& c : row.quarters) {
                ImGui::TableNextColumn();
                percent_cell(c, ctx.language);
            }
            ImGui::TableNextColumn();
            trend_cell(row.trend, ctx.language);
            ImGui::TableNextColumn();
            percent_cell(row.egenmeldt, ctx.language);
            ImGui::TableNextColumn();
            percent_cell(row.legemeldt, ctx.language);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // NAV's figure beside ours, for the same four whole quarters.
    ImGui::Spacing();
    const std::string span = quarter_label(ov.nav_first) + " – " + quarter_label(ov.nav_last);
    ui::text((std::string(tr("stats.nav_title")) + " (" + span + ")").c_str());
    ui::label_text(tr("stats.nav_intro"));
    if (ImGui::BeginTable("stats_nav", 3, flags)) {
        ImGui::TableSetupColumn(tr("col.unit"), 0, 2.4f);
        ImGui::TableSetupColumn(tr("stats.nav_legemeldt"), 0, 2.0f);
        ImGui::TableSetupColumn(tr("stats.nav_total"), 0, 2.0f);
        ImGui::TableHeadersRow();
        for (const StatsRow& row : ov.rows) {
            ui::push_id(row.unit ? std::string_view(*row.unit) : std::string_view("#organisation"));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::text(row.name.c_str());
            ImGui::TableNextColumn();
            percent_cell(row.nav_legemeldt, ctx.language);
            ImGui::TableNextColumn();
            percent_cell(row.nav_total, ctx.language);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

} // namespace iadesk::app
