#include "app/views/statistics.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "iadesk/access.hpp"
#include "iadesk/csv.hpp"

#include <imgui.h>

#include <cstdio>

namespace iadesk::app {
namespace {

const StatsGroup* find_group(const StatsResult& r, const std::optional<std::string>& unit) {
    for (const StatsGroup& g : r.groups)
        if (g.unit == unit) return &g;
    return nullptr;
}

// One cell: the percent, or why there is none.
void percent_cell(const StatsGroup* g, Language lang) {
    if (!g) {
        ImGui::TextDisabled("%s", tr("stats.not_visible"));
    } else if (g->masked) {
        ImGui::TextDisabled("%s", tr("stats.masked"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("stats.masked_help"));
    } else if (!g->percent) {
        ImGui::TextDisabled("–");
    } else {
        ui::text((format_decimal(*g->percent, 1, lang) + " %").c_str());
    }
}

} // namespace

void StatisticsView::compute(const ViewContext& ctx) {
    // Statistics are computed from the whole document and then limited to what the role may see
    // (a manager sees the own unit, a tillitsvalgt sees masked figures for every unit).
    const Dataset& all = ctx.doc.data;
    quarters.clear();
    org_quarters.clear();
    for (int back = 0; back < 2; ++back) {
        for (int q = 1; q <= 4; ++q) {
            const Quarter quarter{computed_year - back, q};
            // One pass per quarter by unit, unmasked; the organisation's figure is the sum of its
            // units (each employee belongs to one unit), then visible_stats masks and filters.
            StatsResult by_unit;
            if (quarter.first() <= ctx.today) {
                const StatsQuery query{quarter.first(), std::min(quarter.last(), ctx.today), true, 0};
                by_unit = compute_stats(all, query);
            }
            StatsResult org{by_unit.from, by_unit.to, {}};
            StatsGroup total;
            DagsverkSums sums;
            for (const StatsGroup& g : by_unit.groups) {
                total.employees += g.employees;
                if (g.sums) {
                    sums.mulige += g.sums->mulige;
                    sums.tapte += g.sums->tapte;
                    sums.tapte_egenmeldt += g.sums->tapte_egenmeldt;
                    sums.tapte_legemeldt += g.sums->tapte_legemeldt;
                }
            }
            total.sums = sums;
            if (sums.mulige > 0) total.percent = round_percent(sums.tapte / sums.mulige * 100.0);
            if (!by_unit.groups.empty()) org.groups.push_back(total);
            quarters.push_back(visible_stats(by_unit, ctx.derived.role));
            org_quarters.push_back(visible_stats(org, ctx.derived.role));
        }
    }
    computed_generation = ctx.derived.generation;
}

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
        compute(ctx);
    }
    ImGui::SameLine(0, 2 * em);
    const int last_quarter = year == ctx.today.year() ? quarter_of(ctx.today).q : 4;
    if (ImGui::Button(tr("stats.export"))) {
        const StatsResult& r = quarters[static_cast<std::size_t>(last_quarter - 1)];
        const CsvLang lang = ctx.language == Language::nb ? CsvLang::nb : CsvLang::en;
        char name[64];
        std::snprintf(name, sizeof name, "sykefravaer-%d-K%d.csv", year, last_quarter);
        download(name, "text/csv;charset=utf-8", export_stats_csv(r, ctx.doc.data, ctx.derived.role, lang));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("stats.export_help"));

    const Dataset& data = ctx.data();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("stats", 8, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("col.unit"), 0, 2.4f);
    for (int q = 1; q <= 4; ++q) {
        char h[32];
        std::snprintf(h, sizeof h, "%d K%d", year, q);
        ImGui::TableSetupColumn(h, 0, 1.0f);
    }
    ImGui::TableSetupColumn(tr("stats.trend"), 0, 1.6f);
    ImGui::TableSetupColumn(tr("stats.self"), 0, 1.0f);
    ImGui::TableSetupColumn(tr("stats.doctor"), 0, 1.0f);
    ImGui::TableHeadersRow();

    auto row = [&](const char* name, const std::optional<std::string>& unit, const std::vector<StatsResult>& src) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(name);
        for (int q = 0; q < 4; ++q) {
            ImGui::TableNextColumn();
            if (q + 1 > last_quarter) { ImGui::TextDisabled("–"); continue; }
            percent_cell(find_group(src[static_cast<std::size_t>(q)], unit), ctx.language);
        }
        // Trend: the latest quarter against the same quarter a year earlier (seasonality, DOMAIN.md §5).
        ImGui::TableNextColumn();
        const StatsGroup* now = find_group(src[static_cast<std::size_t>(last_quarter - 1)], unit);
        const StatsGroup* before = find_group(src[static_cast<std::size_t>(4 + last_quarter - 1)], unit);
        if (now && before && now->percent && before->percent) {
            const double d = *now->percent - *before->percent;
            const char* arrow = d > 0.05 ? "\xE2\x96\xB2" : d < -0.05 ? "\xE2\x96\xBC" : "\xE2\x80\x93"; // ▲ ▼ –
            const std::string t = std::string(arrow) + " " + (d > 0 ? "+" : "") + format_decimal(d, 1, ctx.language) +
                                  " " + tr("stats.points");
            ImGui::TextColored(d > 0.05 ? ImVec4(0.70f, 0.10f, 0.10f, 1) : ImVec4(0.10f, 0.48f, 0.22f, 1), "%s", t.c_str());
        } else {
            ImGui::TextDisabled("–");
        }
        const StatsGroup* g = now;
        ImGui::TableNextColumn();
        if (g && g->sums && g->sums->mulige > 0)
            ImGui::TextUnformatted((format_decimal(g->sums->tapte_egenmeldt / g->sums->mulige * 100.0, 1, ctx.language) + " %").c_str());
        else
            ImGui::TextDisabled("–");
        ImGui::TableNextColumn();
        if (g && g->sums && g->sums->mulige > 0)
            ImGui::TextUnformatted((format_decimal(g->sums->tapte_legemeldt / g->sums->mulige * 100.0, 1, ctx.language) + " %").c_str());
        else
            ImGui::TextDisabled("–");
    };
    if (may_see_statistics(ctx.derived.role, std::nullopt))
        row(ctx.doc.data.organisation.name.c_str(), std::nullopt, org_quarters);
    for (const Unit& u : data.units) {
        if (!may_see_statistics(ctx.derived.role, u.id)) continue;
        ImGui::PushID(u.id.c_str());
        row(u.name.c_str(), u.id, quarters);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace iadesk::app
