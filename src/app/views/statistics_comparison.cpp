// Statistikk → "Din virksomhet, bransjen og landet": the organisation's legemeldt sick leave for the
// four quarters of NAV's figure beside its bransje, its sector and the country, and NAV's verdict
// (benchmarks.hpp; docs/domain.md "Comparison with the bransje"). Shown only to a role that sees
// the organisation's own NAV figure above; a figure not checked against its source has a "*".
#include "app/views/statistics.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace iadesk::app {
namespace {

std::string percent_text(double v, Language lang) { return format_percent(v, lang == Language::nb); }

void figure_cell(const BenchmarkFigure* f, Language lang) {
    ImGui::TableNextColumn();
    if (!f) {
        ui::muted_line("–");
        return;
    }
    ui::text((percent_text(f->percent, lang) + (f->verify ? " *" : "")).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f->source.c_str());
}

void value_cell(const std::optional<double>& v, Language lang) {
    ImGui::TableNextColumn();
    if (v) ui::text(percent_text(*v, lang).c_str());
    else ui::muted_line("–");
}

const char* verdict_key(Verdict v) {
    switch (v) {
    case Verdict::over: return "comparison.verdict.over";
    case Verdict::middels: return "comparison.verdict.middels";
    case Verdict::under: return "comparison.verdict.under";
    case Verdict::incomplete: return "comparison.verdict.incomplete";
    case Verdict::masked: return "comparison.verdict.masked";
    case Verdict::no_bransje: return "comparison.verdict.no_bransje";
    }
    return "comparison.verdict.no_bransje";
}

} // namespace

void StatisticsView::draw_comparison(ViewContext& ctx) {
    const StatsOverview& ov = overview;
    // The role must see the organisation's own four-quarter figure (the core's role filter).
    const StatsRow* org_row = nullptr;
    for (const StatsRow& r : ov.rows)
        if (!r.unit) org_row = &r;
    if (!org_row || org_row->nav_legemeldt.state == StatsCell::State::not_visible) return;
    if (!figures) figures = shipped_benchmarks();
    ImGui::Spacing();
    ui::text(tr("comparison.title"));
    if (!figures->ok()) { // a build error: the embedded table does not parse
        ui::error_text(tr("comparison.figures_broken"));
        return;
    }
    // Keyed on the document's revision too: the bransjeprogram, the sector and imported figures change
    // no case, so they leave the derived generation as it is for HR.
    if (compared_generation != ctx.derived.generation || compared_revision != ctx.doc.revision || !(compared_last.year == ov.nav_last.year && compared_last.q == ov.nav_last.q)) {
        table = with_imported_figures(*figures->table, ctx.doc.data);
        comparison = compare_with_benchmarks(ctx.doc.data, table, ov.nav_last);
        compared_generation = ctx.derived.generation;
        compared_revision = ctx.doc.revision;
        compared_last = ov.nav_last;
    }
    const Comparison& c = comparison;
    const Organisation& org = ctx.doc.data.organisation;
    ui::label_text(trf("comparison.intro", fmt::arg("bransje", tr(bransjeprogram_label_key(org.bransjeprogram).c_str())),
                       fmt::arg("sector", tr(sector_label_key(org.sector).c_str())))
                       .c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    bool any_verify = false;
    if (ImGui::BeginTable("stats_comparison", 5, flags)) {
        ui::table_columns({{"comparison.col_quarter", 1.6f}, {"comparison.col_org", 1.6f}, {"comparison.col_bransje", 1.2f},
                           {"comparison.col_sector", 1.2f}, {"comparison.col_land", 1.2f}});
        for (const ComparisonRow& r : c.rows) {
            ui::push_id(fmt::format("q{}-{}", r.quarter.year, r.quarter.q));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::text(trf("stats.quarter", fmt::arg("quarter", r.quarter.q), fmt::arg("year", r.quarter.year)).c_str());
            if (r.organisation_masked) {
                ImGui::TableNextColumn();
                ui::muted_line(tr("stats.masked"));
            } else value_cell(r.organisation, ctx.language);
            figure_cell(r.bransje, ctx.language);
            figure_cell(r.sector, ctx.language);
            figure_cell(r.land, ctx.language);
            any_verify = any_verify || (r.bransje && r.bransje->verify) || (r.sector && r.sector->verify) || (r.land && r.land->verify);
            ImGui::PopID();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(tr("comparison.four_quarters"));
        if (c.verdict == Verdict::masked) {
            ImGui::TableNextColumn();
            ui::muted_line(tr("stats.masked"));
        } else value_cell(c.organisation, ctx.language);
        value_cell(c.bransje, ctx.language);
        value_cell(c.sector, ctx.language);
        value_cell(c.land, ctx.language);
        ImGui::EndTable();
    }
    const std::string verdict = tr(verdict_key(c.verdict));
    const BenchmarkTable& shipped = *figures->table;
    if (c.verdict == Verdict::over) ui::warning_text(verdict.c_str());
    else ui::label_text(verdict.c_str());
    if (any_verify) ui::muted_text(tr("comparison.verify_note"));
    std::string source = trf("comparison.source", fmt::arg("source", shipped.source),
                             fmt::arg("published", shipped.published ? format_date(*shipped.published, ctx.language) : std::string("–")));
    ui::muted_text(source.c_str());
    // Figures the user imported go before the shipped ones (Innstillinger → Data); each names its file.
    if (const std::size_t imported = ctx.doc.data.comparison_figures.size(); imported > 0)
        ui::muted_text(trn("comparison.imported", static_cast<long long>(imported), fmt::arg("count", imported)).c_str());
}

} // namespace iadesk::app
