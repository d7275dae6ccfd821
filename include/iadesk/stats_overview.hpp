// stats_overview: the figures of the statistics screen (Statistikk), computed in the core so that
// what the screen shows is tested without a window: per row (the organisation, then each unit in
// the dataset's order) the percent of each quarter of a year, the trend, the egenmeldt and
// legemeldt parts of the latest quarter, and NAV's comparable figure beside all absence.
//
// Contract
// - Each quarter of `year` and of the year before (for the trend) is one compute_stats call with
//   the organisation and every unit (include_total), protected at kMaskBelow and filtered by the
//   role through visible_stats, so the organisation row and the unit rows come from one
//   protected table. A quarter that has not started by `today` has no figures; the current
//   quarter runs to `today`.
// - latest_quarter: the quarter of `today` in the current year, else 4. The trend is the latest
//   quarter's percent minus the same quarter a year earlier, in percentage points (seasonality,
//   docs/goals.md); none when either is withheld.
// - NAV's figure (stats.hpp nav_four_quarters_query): the four whole quarters ending with the
//   last quarter complete by `today` or, for an earlier year, its fourth quarter; legemeldt
//   beside all absence (egenmeldt and legemeldt) for the same quarters, same protection.
// - Every percent is rounded half up to one decimal by the core (round_percent), never by the
//   screen; format_percent writes it ("6,3 %" / "6.3 %").
// - Rows: the organisation when may_see_statistics(role, nullopt), then every unit the role may
//   see. A cell is not_visible when the role's view leaves the group out (a manager's small unit).
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/stats.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace iadesk {

struct StatsCell {
    enum class State { value, no_data, masked, not_visible };
    State state = State::not_visible;
    double value = 0;             // rounded to one decimal (State::value)
    MaskReason reason = MaskReason::none; // State::masked
};

struct StatsRow {
    std::optional<std::string> unit; // nullopt = the organisation
    std::string name;
    std::array<StatsCell, 4> quarters;
    StatsCell trend;              // percentage points, latest quarter against a year earlier
    StatsCell egenmeldt, legemeldt; // the latest quarter's parts
    StatsCell nav_legemeldt;      // legemeldt, last four quarters: the figure NAV shows
    StatsCell nav_total;          // all absence, the same four quarters
};

struct StatsOverview {
    int year = 0;
    int latest_quarter = 4;       // 1..4
    Quarter nav_first, nav_last;  // the four quarters of the NAV figure
    std::vector<StatsRow> rows;
    StatsResult latest;           // the latest quarter, protected, not yet role-filtered (for the CSV export)
};

StatsOverview statistics_overview(const Dataset& ds, int year, Date today, const Role& role);

// A one-decimal percent as the screen writes it: "6,3 %" (decimal comma) or "6.3 %".
std::string format_percent(double rounded_value, bool decimal_comma);

} // namespace iadesk
