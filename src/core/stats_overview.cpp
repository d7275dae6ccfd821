// stats_overview: the statistics screen's figures (contract in include/iadesk/stats_overview.hpp).
#include "iadesk/stats_overview.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace iadesk {
namespace {

const StatsGroup* find_group(const StatsResult& r, const std::optional<std::string>& unit) {
    for (const StatsGroup& g : r.groups)
        if (g.unit == unit) return &g;
    return nullptr;
}

StatsCell cell(const StatsGroup* g, const std::optional<double> StatsGroup::*field) {
    StatsCell c;
    if (!g) return c; // not_visible
    if (g->masked) {
        c.state = StatsCell::State::masked;
        c.reason = g->reason;
        return c;
    }
    const std::optional<double>& v = g->*field;
    if (!v) {
        c.state = StatsCell::State::no_data;
        return c;
    }
    c.state = StatsCell::State::value;
    c.value = *v;
    return c;
}

} // namespace

StatsOverview statistics_overview(const Dataset& ds, int year, Date today, const Role& role) {
    StatsOverview ov;
    ov.year = year;
    ov.latest_quarter = year == today.year() ? quarter_of(today).q : 4;

    // [0..3]: the quarters of `year`; [4..7]: the year before.
    std::array<StatsResult, 8> seen;
    for (int back = 0; back < 2; ++back) {
        for (int q = 1; q <= 4; ++q) {
            const Quarter quarter{year - back, q};
            if (quarter.first() > today) continue;
            StatsQuery query{quarter.first(), std::min(quarter.last(), today), true, kMaskBelow, true};
            StatsResult r = compute_stats(ds, query);
            if (back == 0 && q == ov.latest_quarter) ov.latest = r;
            seen[static_cast<std::size_t>(back * 4 + q - 1)] = visible_stats(r, role);
        }
    }
    const Date nav_day = std::min(today, Date::from_ymd(year + 1, 1, 1));
    ov.nav_last = latest_complete_quarter(nav_day);
    ov.nav_first = ov.nav_last.plus(-3);
    const StatsResult nav = visible_stats(compute_stats(ds, nav_four_quarters_query(nav_day, true, true)), role);

    auto add_row = [&](const std::optional<std::string>& unit, const std::string& name) {
        StatsRow row;
        row.unit = unit;
        row.name = name;
        for (int q = 0; q < 4; ++q) {
            if (q + 1 > ov.latest_quarter) {
                row.quarters[static_cast<std::size_t>(q)].state = StatsCell::State::no_data;
                continue;
            }
            row.quarters[static_cast<std::size_t>(q)] = cell(find_group(seen[static_cast<std::size_t>(q)], unit), &StatsGroup::percent);
        }
        const StatsGroup* now = find_group(seen[static_cast<std::size_t>(ov.latest_quarter - 1)], unit);
        const StatsGroup* before = find_group(seen[static_cast<std::size_t>(4 + ov.latest_quarter - 1)], unit);
        const StatsCell a = cell(now, &StatsGroup::percent), b = cell(before, &StatsGroup::percent);
        if (a.state == StatsCell::State::value && b.state == StatsCell::State::value) {
            row.trend.state = StatsCell::State::value;
            row.trend.value = round_percent(a.value - b.value); // both one decimal: exact tenths
        } else {
            row.trend.state = StatsCell::State::no_data;
        }
        row.egenmeldt = cell(now, &StatsGroup::percent_egenmeldt);
        row.legemeldt = cell(now, &StatsGroup::percent_legemeldt);
        const StatsGroup* four = find_group(nav, unit);
        row.nav_legemeldt = cell(four, &StatsGroup::percent_legemeldt);
        row.nav_total = cell(four, &StatsGroup::percent);
        ov.rows.push_back(std::move(row));
    };
    if (may_see_statistics(role, std::nullopt)) add_row(std::nullopt, ds.organisation.name);
    for (const Unit& u : ds.units)
        if (may_see_statistics(role, u.id)) add_row(u.id, u.name);
    return ov;
}

std::string format_percent(double rounded_value, bool decimal_comma) {
    const long long tenths = std::llround(rounded_value * 10.0);
    const long long magnitude = tenths < 0 ? -tenths : tenths;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%lld%c%lld %%", tenths < 0 ? "-" : "", magnitude / 10, decimal_comma ? ',' : '.',
                  magnitude % 10);
    return buf;
}

} // namespace iadesk
