// Statistikk: sick leave per unit and quarter (DOMAIN.md §6): percent per quarter of a year,
// egenmeldt/legemeldt parts, the trend against the same quarter a year earlier (seasonality),
// masked groups shown as "skjermet (færre enn 5 ansatte)", export to Excel (CSV). What the role
// may see is decided in the core (access.hpp visible_stats).
#pragma once

#include "app/view_context.hpp"

#include <functional>
#include <string>
#include <vector>

namespace iadesk::app {

struct StatisticsView {
    int year = 0;                         // 0 = the year of `today`
    uint64_t computed_generation = UINT64_MAX;
    int computed_year = 0;
    // quarters[q] for q = 0..3 this year, 4..7 the year before; each by unit plus the organisation.
    std::vector<StatsResult> quarters;
    std::vector<StatsResult> org_quarters;

    // `download(name, mime, bytes)` offers a file to the user (the platform's).
    void draw(ViewContext& ctx, const std::function<void(const std::string&, const std::string&, const std::string&)>& download);

private:
    void compute(const ViewContext& ctx);
};

} // namespace iadesk::app
