// Innstillinger → Data → "Sammenligningstall": a newer published table of comparison figures (CSV,
// benchmarks.hpp import_benchmarks_csv) is checked and previewed first; "Importer" keeps the figures
// in the register (one undoable command, commands.hpp "Comparison figures"), where they go before the
// shipped table on Statistikk and IA-mål. Only a role that may edit the organisation imports or removes.
#include "app/views/data_view.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/stats_overview.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
namespace {

// "Bransje: Barnehager · legemeldt · 2. kvartal 2025 · 10,0 %"
std::string figure_line(const BenchmarkFigure& f, Language lang) {
    std::string what;
    switch (f.category) {
    case BenchmarkCategory::land: what = tr("comparison.col_land"); break;
    case BenchmarkCategory::sektor: what = tr(sector_label_key(sector_from_id(f.code).value_or(Sector::unset)).c_str()); break;
    case BenchmarkCategory::bransje:
        what = tr(bransjeprogram_label_key(bransjeprogram_from_id(f.code).value_or(Bransjeprogram::none)).c_str());
        break;
    }
    const char* measure = f.measure == SickLeaveMeasure::legemeldt ? "data.figures_legemeldt" : "data.figures_total";
    return what + " · " + tr(measure) + " · " + trf("stats.quarter", fmt::arg("quarter", f.quarter), fmt::arg("year", f.year)) +
           " · " + format_percent(f.percent, lang == Language::nb);
}

// How many of `incoming` replace a figure the register already has (same category, code, measure, quarter).
std::size_t replaced_count(const std::vector<BenchmarkFigure>& stored, const std::vector<BenchmarkFigure>& incoming) {
    return static_cast<std::size_t>(std::count_if(incoming.begin(), incoming.end(), [&](const BenchmarkFigure& f) {
        return std::any_of(stored.begin(), stored.end(), [&](const BenchmarkFigure& g) {
            return g.category == f.category && g.code == f.code && g.measure == f.measure && g.year == f.year && g.quarter == f.quarter;
        });
    }));
}

} // namespace

void DataView::draw_figures(ViewContext& ctx, const std::function<void(FilePurpose)>& pick) {
    if (!ctx.can_edit(EditArea::organisation)) return;
    const std::vector<BenchmarkFigure>& stored = ctx.doc.data.comparison_figures;
    ImGui::Spacing();
    ui::label_text(tr("data.figures_help"));
    if (ImGui::Button(tr("data.figures_import"))) pick(FilePurpose::import_comparison_figures);
    if (!stored.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(tr("data.figures_remove"))) ctx.submit(remove_comparison_figures(ctx.doc.data));
        ui::muted_text(trn("data.figures_stored", static_cast<long long>(stored.size()), fmt::arg("count", stored.size())).c_str());
    }
    if (!figures_import) return;

    const bool english = ctx.language == Language::en;
    ImGui::BeginChild("figures-preview", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    if (!figures_import->ok()) {
        ui::label_text(trn("data.figures_bad", static_cast<long long>(figures_import->problems.size()), fmt::arg("file", file_name),
                           fmt::arg("errors", figures_import->problems.size()))
                           .c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
        int shown = 0;
        for (const DatasetProblem& p : figures_import->problems) {
            if (++shown > 50) break;
            ui::label_text((english ? p.message_en : p.message_nb).c_str());
        }
        ImGui::PopStyleColor();
        if (ImGui::Button(tr("common.ok"))) figures_import.reset();
        ImGui::EndChild();
        return;
    }
    const std::vector<BenchmarkFigure>& incoming = figures_import->table->figures;
    ui::label_text(trn("data.figures_preview", static_cast<long long>(incoming.size()), fmt::arg("file", file_name),
                       fmt::arg("count", incoming.size()), fmt::arg("replaced", replaced_count(stored, incoming)))
                       .c_str());
    int shown = 0;
    for (const BenchmarkFigure& f : incoming) {
        if (++shown > 12) {
            ui::muted_text(trf("data.figures_more", fmt::arg("count", incoming.size() - 12)).c_str());
            break;
        }
        ui::label_text(("• " + figure_line(f, ctx.language)).c_str());
    }
    if (ui::primary_button(tr("data.import_commit"))) {
        ctx.submit(import_comparison_figures(ctx.doc.data, incoming, file_name));
        figures_import.reset();
    } else {
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) figures_import.reset();
    }
    ImGui::EndChild();
}

} // namespace iadesk::app
