// benchmarks_compare: the organisation's sick leave beside the bransje, the sector and the country,
// and NAV's verdict (benchmarks.hpp contract; docs/domain.md "Comparison with the bransje").
#include "iadesk/benchmarks.hpp"

namespace iadesk {
namespace {

std::optional<double> percent_of(const DagsverkSums& s, SickLeaveMeasure m) {
    if (!(s.mulige > 0)) return std::nullopt;
    return round_percent((m == SickLeaveMeasure::legemeldt ? s.tapte_legemeldt : s.tapte) / s.mulige * 100.0);
}

const StatsGroup* organisation_group(const StatsResult& r) {
    for (const StatsGroup& g : r.groups)
        if (!g.unit) return &g;
    return nullptr;
}

} // namespace

std::string_view verdict_id(Verdict v) {
    switch (v) {
    case Verdict::over: return "OVER";
    case Verdict::middels: return "MIDDELS";
    case Verdict::under: return "UNDER";
    case Verdict::incomplete: return "UFULLSTENDIG";
    case Verdict::masked: return "MASKERT";
    case Verdict::no_bransje: return "INGEN_BRANSJE";
    }
    return "INGEN_BRANSJE";
}

Verdict judge_against_bransje(double organisation_percent, double bransje_percent) {
    // navikt/sykefravarsstatistikk vurdering-utils.ts, on the same one-decimal values.
    if (organisation_percent > bransje_percent * 1.1) return Verdict::over;
    if (organisation_percent < bransje_percent * 0.9) return Verdict::under;
    return Verdict::middels;
}

std::optional<double> four_quarter_mean(const std::vector<const BenchmarkFigure*>& quarters) {
    if (quarters.size() != 4) return std::nullopt;
    double sum = 0;
    for (const BenchmarkFigure* f : quarters) {
        if (!f) return std::nullopt;
        sum += f->percent;
    }
    return round_percent(sum / 4.0);
}

Comparison compare_with_benchmarks(const Dataset& ds, const BenchmarkTable& table, Quarter last, SickLeaveMeasure measure) {
    Comparison c;
    c.measure = measure;
    const Organisation& org = ds.organisation;
    const std::string sector(sector_id(org.sector));
    const std::string bransje(bransjeprogram_id(org.bransjeprogram));
    std::vector<const BenchmarkFigure*> bq, sq, lq;
    for (int i = 3; i >= 0; --i) {
        ComparisonRow row;
        row.quarter = last.plus(-i);
        StatsQuery q{row.quarter.first(), row.quarter.last()};
        const StatsResult shown = compute_stats(ds, q);
        if (const StatsGroup* g = organisation_group(shown)) {
            row.organisation_masked = g->masked;
            if (!g->masked && g->sums) row.organisation = percent_of(*g->sums, measure);
        }
        // Quarters in the calculation: those with mulige dagsverk (NAV's kvartalerIBeregningen),
        // counted on the unmasked sums, never shown.
        q.mask_below = 0;
        const StatsResult raw = compute_stats(ds, q);
        if (const StatsGroup* g = organisation_group(raw); g && g->sums && g->sums->mulige > 0) ++c.organisation_quarters;
        if (!bransje.empty()) row.bransje = find_benchmark(table, BenchmarkCategory::bransje, bransje, measure, row.quarter);
        if (!sector.empty()) row.sector = find_benchmark(table, BenchmarkCategory::sektor, sector, measure, row.quarter);
        row.land = find_benchmark(table, BenchmarkCategory::land, "", measure, row.quarter);
        bq.push_back(row.bransje);
        sq.push_back(row.sector);
        lq.push_back(row.land);
        c.rows.push_back(row);
    }
    c.bransje = four_quarter_mean(bq);
    c.sector = four_quarter_mean(sq);
    c.land = four_quarter_mean(lq);

    StatsQuery whole{c.rows.front().quarter.first(), last.last()};
    const StatsResult four = compute_stats(ds, whole);
    const StatsGroup* g = organisation_group(four);
    const bool masked = !g || g->masked;
    if (!masked && g->sums && c.organisation_quarters == 4) c.organisation = percent_of(*g->sums, measure);

    if (masked) c.verdict = Verdict::masked;
    else if (org.bransjeprogram == Bransjeprogram::none) c.verdict = Verdict::no_bransje;
    else if (!c.organisation || !c.bransje) c.verdict = Verdict::incomplete;
    else c.verdict = judge_against_bransje(*c.organisation, *c.bransje);
    return c;
}

std::optional<double> four_quarter_figure(const BenchmarkTable& t, BenchmarkCategory c, std::string_view code,
                                          SickLeaveMeasure m, Quarter last) {
    std::vector<const BenchmarkFigure*> quarters;
    for (int i = 3; i >= 0; --i) quarters.push_back(find_benchmark(t, c, code, m, last.plus(-i)));
    return four_quarter_mean(quarters);
}

} // namespace iadesk
