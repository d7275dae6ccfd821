// IA-mål: the bransje beside a sick-leave goal. The bransje's legemeldt figure over the last four
// complete quarters (the mean of its quarterly percents, benchmarks.hpp four_quarter_mean), from
// the shipped comparison figures; nothing when the organisation is in no bransjeprogram
// (docs/domain.md "Comparison with the bransje").
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
    if (org.bransjeprogram == Bransjeprogram::none) return;
    if (!figures) figures = shipped_benchmarks();
    if (!figures->ok()) return; // a build error; the Statistikk page says so
    const Quarter last = latest_complete_quarter(ctx.today);
    std::vector<const BenchmarkFigure*> quarters;
    for (int i = 3; i >= 0; --i)
        quarters.push_back(find_benchmark(*figures->table, BenchmarkCategory::bransje, bransjeprogram_id(org.bransjeprogram),
                                          SickLeaveMeasure::legemeldt, last.plus(-i)));
    const std::string bransje = tr(bransjeprogram_label_key(org.bransjeprogram).c_str());
    const std::string quarter = trf("stats.quarter", fmt::arg("quarter", last.q), fmt::arg("year", last.year));
    if (const auto mean = four_quarter_mean(quarters))
        ui::text(trf("goals.bransje_figure", fmt::arg("bransje", bransje), fmt::arg("quarter", quarter),
                     fmt::arg("percent", format_percent(*mean, ctx.language == Language::nb)))
                     .c_str());
    else
        ui::muted_text(trf("goals.bransje_missing", fmt::arg("bransje", bransje), fmt::arg("quarter", quarter)).c_str());
}

} // namespace iadesk::app
