#include "app/views/statistics.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "iadesk/access.hpp"
#include "iadesk/csv.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace iadesk::app {
namespace {

std::string quarter_label(Quarter q) { return trf("stats.quarter", fmt::arg("quarter", q.q), fmt::arg("year", q.year)); }

// The next cell: the percent as the core rounded it, or why there is none.
void percent_cell(const StatsCell& c, Language lang) {
    ImGui::TableNextColumn();
    switch (c.state) {
    case StatsCell::State::not_visible: ui::muted_line(tr("stats.not_visible")); break;
    case StatsCell::State::no_data: ui::muted_line("–"); break;
    case StatsCell::State::masked: {
        const bool protects = c.reason == MaskReason::protects_small_group;
        ui::muted_line(tr(protects ? "stats.protected" : "stats.masked"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(protects ? "stats.protected_help" : "stats.masked_help"));
        break;
    }
    case StatsCell::State::value: ui::text(format_percent(c.value, lang == Language::nb).c_str()); break;
    }
}

void trend_cell(const StatsCell& c, Language lang) {
    ImGui::TableNextColumn();
    if (c.state != StatsCell::State::value) {
        ui::muted_line("–");
        return;
    }
    const double d = c.value;
    const char* arrow = d > 0.05 ? "\xE2\x96\xB2" : d < -0.05 ? "\xE2\x96\xBC" : "\xE2\x80\x93"; // ▲ ▼ –
    const std::string t = std::string(arrow) + " " + (d > 0 ? "+" : "") + format_decimal(d, 1, lang) + " " + tr("stats.points");
    ui::coloured_line(d > 0.05 ? colours().text_error : colours().text_ok, t.c_str()); // more absence: worse
}

// A table's rows: one a unit (and one the organisation), its name first, then what `cells` draws.
template <class Cells>
void unit_rows(const std::vector<StatsRow>& rows, Cells&& cells) {
    for (const StatsRow& row : rows) {
        ui::push_id(row.unit ? std::string_view(*row.unit) : std::string_view("#organisation"));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(row.name.c_str());
        cells(row);
        ImGui::PopID();
    }
}

// The drop-out cells of a row: persons, left, left to benefits, share; a withheld group shows its
// head-count and the mask text the sick-leave cells use; a role that may not see it, "–".
void dropout_cells(const DropoutGroup* g, bool visible, Language lang) {
    if (!g || !visible) {
        for (int k = 0; k < 4; ++k) {
            ImGui::TableNextColumn();
            ui::muted_line(tr("stats.not_visible"));
        }
        return;
    }
    ImGui::TableNextColumn();
    ui::text(std::to_string(g->persons).c_str());
    if (g->masked) {
        const bool protects = g->reason == MaskReason::protects_small_group;
        for (int k = 0; k < 3; ++k) {
            ImGui::TableNextColumn();
            ui::muted_line(tr(protects ? "stats.protected" : "stats.masked"));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(protects ? "stats.protected_help" : "stats.dropout_masked_help"));
        }
        return;
    }
    ImGui::TableNextColumn();
    ui::text(std::to_string(g->counts->left).c_str());
    ImGui::TableNextColumn();
    ui::text(std::to_string(g->counts->left_to_benefits).c_str());
    ImGui::TableNextColumn();
    if (g->share_to_benefits) ui::text(format_percent(*g->share_to_benefits, lang == Language::nb).c_str());
    else ui::muted_line("–");
}

const DropoutGroup* dropout_group(const DropoutTable& t, const std::optional<std::string>& unit) {
    if (!unit) return &t.organisation;
    for (const DropoutGroup& g : t.units)
        if (g.unit == unit) return &g;
    return nullptr;
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
        dropout = compute_dropout(ctx.doc.data, year);
        computed_generation = ctx.derived.generation;
    }
    const StatsOverview& ov = overview;
    ImGui::SameLine(0, 2 * em);
    if (ImGui::Button(tr("stats.export"))) {
        const CsvLang lang = ctx.language == Language::nb ? CsvLang::nb : CsvLang::en;
        download(fmt::format("sykefravaer-{}-K{}.csv", year, ov.latest_quarter), "text/csv;charset=utf-8",
                 export_stats_csv(ov.latest, ctx.doc.data, ctx.derived.role, lang));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("stats.export_help"));

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("stats", 8, flags)) {
        ImGui::TableSetupColumn(tr("col.unit"), 0, 2.4f);
        for (int q = 1; q <= 4; ++q) ImGui::TableSetupColumn(quarter_label({year, q}).c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(tr("stats.trend"), 0, 1.6f);
        ImGui::TableSetupColumn(tr("stats.self"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("stats.doctor"), 0, 1.0f);
        ui::table_headers();
        unit_rows(ov.rows, [&](const StatsRow& row) {
            for (const StatsCell& c : row.quarters) percent_cell(c, ctx.language);
            trend_cell(row.trend, ctx.language);
            percent_cell(row.egenmeldt, ctx.language);
            percent_cell(row.legemeldt, ctx.language);
        });
        ImGui::EndTable();
    }

    // NAV's figure beside ours, for the same four whole quarters.
    ImGui::Spacing();
    const std::string span = quarter_label(ov.nav_first) + " – " + quarter_label(ov.nav_last);
    ui::text((std::string(tr("stats.nav_title")) + " (" + span + ")").c_str());
    ui::label_text(tr("stats.nav_intro"));
    if (ImGui::BeginTable("stats_nav", 3, flags)) {
        ui::table_columns({{"col.unit", 2.4f}, {"stats.nav_legemeldt", 2.0f}, {"stats.nav_total", 2.0f}});
        unit_rows(ov.rows, [&](const StatsRow& row) {
            percent_cell(row.nav_legemeldt, ctx.language);
            percent_cell(row.nav_total, ctx.language);
        });
        ImGui::EndTable();
    }

    // Frafall (drop-out) in the chosen year: docs/domain.md, "Drop-out (frafall)".
    ImGui::Spacing();
    ui::text(trf("stats.dropout_title", fmt::arg("year", year)).c_str());
    ui::label_text(tr("stats.dropout_intro"));
    if (ImGui::BeginTable("stats_dropout", 5, flags)) {
        ui::table_columns({{"col.unit", 2.4f},
                           {"stats.dropout_persons", 1.0f},
                           {"stats.dropout_left", 1.0f},
                           {"stats.dropout_to_benefits", 1.4f},
                           {"stats.dropout_share", 1.4f}});
        unit_rows(ov.rows, [&](const StatsRow& row) {
            dropout_cells(dropout_group(dropout, row.unit), may_see_statistics(ctx.derived.role, row.unit), ctx.language);
        });
        ImGui::EndTable();
    }

    draw_comparison(ctx);
}

} // namespace iadesk::app
