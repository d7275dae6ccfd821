// IA-mål: the bransje and the country beside a sick-leave goal. Their legemeldt figures over the last
// four complete quarters (the mean of the quarterly percents, benchmarks.hpp four_quarter_mean), from
// the shipped comparison figures with the register's imported ones before them; the bransje line only
// when the organisation is in a bransjeprogram (docs/domain.md "Comparison with the bransje").
#include "app/views/goals_view.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/stats_overview.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <string>
#include <vector>

namespace iadesk::app {

void GoalsView::draw_bransje_figure(const ViewContext& ctx) {
    const Organisation& org = ctx.doc.data.organisation;
    if (!figures) figures = shipped_benchmarks();
    if (!figures->ok()) return; // a build error; the Statistikk page says so
    const Quarter last = latest_complete_quarter(ctx.today);
    const BenchmarkTable table = with_imported_figures(*figures->table, ctx.doc.data); // a few dozen figures
    auto mean_of = [&](BenchmarkCategory category, std::string_view code) {
        return four_quarter_figure(table, category, code, SickLeaveMeasure::legemeldt, last);
    };
    const std::string quarter = trf("stats.quarter", fmt::arg("quarter", last.q), fmt::arg("year", last.year));
    const bool nb = ctx.language == Language::nb;
    if (org.bransjeprogram != Bransjeprogram::none) {
        const std::string bransje = tr(bransjeprogram_label_key(org.bransjeprogram).c_str());
        if (const auto mean = mean_of(BenchmarkCategory::bransje, bransjeprogram_id(org.bransjeprogram)))
            ui::text(trf("goals.bransje_figure", fmt::arg("bransje", bransje), fmt::arg("quarter", quarter),
                         fmt::arg("percent", format_percent(*mean, nb)))
                         .c_str());
        else
            ui::muted_text(trf("goals.bransje_missing", fmt::arg("bransje", bransje), fmt::arg("quarter", quarter)).c_str());
    }
    if (const auto mean = mean_of(BenchmarkCategory::land, ""))
        ui::text(trf("goals.land_figure", fmt::arg("quarter", quarter), fmt::arg("percent", format_percent(*mean, nb))).c_str());
    else
        ui::muted_text(trf("goals.land_missing", fmt::arg("quarter", quarter)).c_str());
}

} // namespace iadesk::app
