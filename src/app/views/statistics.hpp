// Statistikk: sick leave per unit and quarter (docs/domain.md): percent per quarter of a year,
// the trend against the same quarter a year earlier (seasonality), the egenmeldt/legemeldt parts
// of the latest quarter, and NAV's comparable figure (legemeldt, last four quarters) beside all
// absence. Withheld groups say why ("skjermet": a small group; "skjermet for å beskytte en liten
// gruppe": secondary suppression). Every figure, its rounding and what the role may see come from
// the core (stats_overview.hpp); this file only draws them. Below, "Frafall": per unit the persons of
// the chosen year, those who left, those who left to uføretrygd or AAP and their share (dropout.hpp),
// masked by the same rule.
#pragma once

#include "app/view_context.hpp"
#include "iadesk/benchmarks.hpp"
#include "iadesk/dropout.hpp"
#include "iadesk/stats_overview.hpp"

#include <functional>
#include <optional>
#include <string>

namespace iadesk::app {

struct StatisticsView {
    int year = 0;                         // 0 = the year of `today`
    uint64_t computed_generation = UINT64_MAX;
    int computed_year = 0;
    StatsOverview overview;
    DropoutTable dropout;                 // "Frafall" of the chosen year (dropout.hpp), computed with `overview`
    // The comparison with the bransje, the sector and the country (statistics_comparison.cpp):
    // the shipped figures, read once; the table in use (the register's imported figures before the
    // shipped ones) and the comparison for the quarters of NAV's figure, which points into `table`.
    std::optional<BenchmarkLoad> figures;
    BenchmarkTable table;
    Comparison comparison;
    uint64_t compared_generation = UINT64_MAX;
    uint64_t compared_revision = UINT64_MAX;
    Quarter compared_last;

    // `download(name, mime, bytes)` offers a file to the user (the platform's).
    void draw(ViewContext& ctx, const std::function<void(const std::string&, const std::string&, const std::string&)>& download);

private:
    void draw_comparison(ViewContext& ctx);
};

} // namespace iadesk::app
