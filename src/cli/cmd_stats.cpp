// `iadesk stats FILE (--from DATE --to DATE | --nav [--today DATE]) [--by unit] [--json]`:
// sykefraværsprosent for the period, for the whole organisation or per unit (stats.hpp;
// docs/domain.md; docs/data-format.md shows the real output).
//   --nav: the period is NAV's: the four whole quarters ending with the last complete quarter
//         before --today (default: the local date), and the text table puts legemeldt ("the
//         figure NAV shows") beside all absence.
//   JSON: {"from", "to", ["nav": {"first_quarter", "last_quarter"}], "groups": [{"unit" (id;
//         null = whole organisation), "employees", "headcount", "mulige_dagsverk",
//         "tapte_dagsverk", "tapte_egenmeldt", "tapte_legemeldt", "prosent",
//         "prosent_egenmeldt", "prosent_legemeldt", "masked", "masked_reason"}]}. Dagsverk are
//         rounded to 3 decimals for output (percents are computed from the unrounded sums, one
//         decimal half up); a masked group has null figures and a reason ("small_group": the
//         largest quarterly head-count is below 5; "protects_small_group": withheld so that no
//         small group can be found by subtraction); percents are also null when mulige dagsverk
//         is 0.
//   Text: a table with Norwegian number formatting; masked groups say why.
#include "cli/cli_util.hpp"

#include "iadesk/stats.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace iadesk::cli {

namespace {

const char* kUsage = "bruk: iadesk stats FIL (--from DATO --to DATO | --nav [--today DATO]) [--by unit] [--json]\n"
                     "      iadesk stats compare FIL [--figures CSV] [--quarter ÅÅÅÅKQ] ...  (se «iadesk stats compare --help»)\n";

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

using ojson = nlohmann::ordered_json;

ojson figure(const StatsGroup& g, double DagsverkSums::*field) {
    return g.sums ? ojson(round3((*g.sums).*field)) : ojson(nullptr);
}

ojson percent(const std::optional<double>& p) { return p ? ojson(*p) : ojson(nullptr); }

ojson reason_json(MaskReason r) {
    switch (r) {
    case MaskReason::none: return nullptr;
    case MaskReason::small_group: return "small_group";
    case MaskReason::protects_small_group: return "protects_small_group";
    }
    return nullptr;
}

const char* masked_text(MaskReason r) {
    return r == MaskReason::protects_small_group ? "skjermet for å beskytte en liten gruppe"
                                                 : "skjermet (færre enn 5 ansatte i hvert kvartal)";
}

std::string quarter_text(Quarter q) { return "K" + std::to_string(q.q) + " " + std::to_string(q.year); }
std::string quarter_iso(Quarter q) { return std::to_string(q.year) + "-Q" + std::to_string(q.q); }

std::string percent_text(const std::optional<double>& p) { return p ? format_number_nb(*p, 1) + " %" : "–"; }

} // namespace

int cmd_stats(const Args& args, std::ostream& out, std::ostream& err) {
    if (!args.empty() && args[0] == "compare") return cmd_stats_compare(Args(args.begin() + 1, args.end()), out, err);
    ParsedArgs a;
    if (!parse_args(args, "stats", {"--from", "--to", "--by", "--today"}, {"--json", "--nav"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "stats", kUsage, err);
    if (!path) return 2;
    const bool nav = a.flags.count("--nav") > 0;
    StatsQuery q;
    std::optional<Quarter> nav_last;
    if (nav) {
        if (a.has("--from") || a.has("--to")) {
            err << "iadesk stats: --nav velger perioden selv (de fire siste hele kvartalene); ta bort --from og --to\n";
            return 2;
        }
        auto today = date_option(a, "stats", "--today", local_today(), err);
        if (!today) return 2;
        q = nav_four_quarters_query(*today, false, false);
        nav_last = latest_complete_quarter(*today);
    } else {
        if (a.has("--today")) {
            err << "iadesk stats: --today hører til --nav; bruk --from og --to for en egen periode\n";
            return 2;
        }
        auto from = date_option(a, "stats", "--from", std::nullopt, err);
        if (!from) return 2;
        auto to = date_option(a, "stats", "--to", std::nullopt, err);
        if (!to) return 2;
        if (*to < *from) {
            err << "iadesk stats: --to " << format_norwegian(*to) << " er før --from " << format_norwegian(*from) << "\n";
            return 2;
        }
        q.from = *from;
        q.to = *to;
    }
    if (auto it = a.values.find("--by"); it != a.values.end()) {
        if (it->second != "unit") {
            err << "iadesk stats: ukjent gruppering for --by: «" << it->second << "» (bare «unit» støttes)\n";
            return 2;
        }
        q.by_unit = true;
    }
    int rc = 0;
    auto ds = load_dataset_file(*path, "stats", err, rc);
    if (!ds) return rc;

    const StatsResult st = compute_stats(*ds, q);

    if (a.flags.count("--json")) {
        ojson groups = ojson::array();
        for (const StatsGroup& g : st.groups)
            groups.push_back({{"unit", g.unit ? ojson(*g.unit) : ojson(nullptr)},
                              {"employees", g.employees},
                              {"headcount", masking_headcount(g)},
                              {"mulige_dagsverk", figure(g, &DagsverkSums::mulige)},
                              {"tapte_dagsverk", figure(g, &DagsverkSums::tapte)},
                              {"tapte_egenmeldt", figure(g, &DagsverkSums::tapte_egenmeldt)},
                              {"tapte_legemeldt", figure(g, &DagsverkSums::tapte_legemeldt)},
                              {"prosent", percent(g.percent)},
                              {"prosent_egenmeldt", percent(g.percent_egenmeldt)},
                              {"prosent_legemeldt", percent(g.percent_legemeldt)},
                              {"masked", g.masked},
                              {"masked_reason", reason_json(g.reason)}});
        ojson j{{"from", format_iso(st.from)}, {"to", format_iso(st.to)}};
        if (nav_last)
            j["nav"] = {{"first_quarter", quarter_iso(nav_last->plus(-3))}, {"last_quarter", quarter_iso(*nav_last)}};
        j["groups"] = std::move(groups);
        out << j.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
        return 0;
    }

    auto label = [&](const StatsGroup& g) {
        if (!g.unit) return std::string("Hele virksomheten");
        for (const Unit& u : ds->units)
            if (u.id == *g.unit) return u.name;
        return *g.unit;
    };

    if (nav_last) {
        out << "Sykefravær i " << ds->organisation.name << ", siste fire kvartaler " << quarter_text(nav_last->plus(-3))
            << "–" << quarter_text(*nav_last) << " (" << format_norwegian(st.from) << "–" << format_norwegian(st.to) << ")\n";
        out << pad_right("Enhet", 28) << pad_left("Ansatte", 8) << pad_left("Legemeldt (NAV)", 17) << pad_left("Alt fravær", 12)
            << "\n";
        for (const StatsGroup& g : st.groups) {
            out << pad_right(label(g), 28) << pad_left(std::to_string(g.employees), 8);
            if (g.masked) {
                out << "  " << masked_text(g.reason) << "\n";
                continue;
            }
            out << pad_left(percent_text(g.percent_legemeldt), 17) << pad_left(percent_text(g.percent), 12) << "\n";
        }
        out << "Legemeldt, siste fire kvartaler – tallet NAV viser. Alt fravær: egenmeldt og legemeldt.\n";
        return 0;
    }

    out << "Sykefravær i " << ds->organisation.name << " " << format_norwegian(st.from) << "–"
        << format_norwegian(st.to) << "\n";
    out << pad_right("Enhet", 28) << pad_left("Ansatte", 8) << pad_left("Mulige dv", 12) << pad_left("Tapte dv", 11)
        << pad_left("Egenmeldt", 11) << pad_left("Legemeldt", 11) << pad_left("Prosent", 10) << "\n";
    for (const StatsGroup& g : st.groups) {
        out << pad_right(label(g), 28) << pad_left(std::to_string(g.employees), 8);
        if (g.masked || !g.sums) {
            out << "  " << masked_text(g.reason) << "\n";
            continue;
        }
        const DagsverkSums& s = *g.sums;
        out << pad_left(format_number_nb(s.mulige, 1), 12) << pad_left(format_number_nb(s.tapte, 1), 11)
            << pad_left(format_number_nb(s.tapte_egenmeldt, 1), 11) << pad_left(format_number_nb(s.tapte_legemeldt, 1), 11)
            << pad_left(percent_text(g.percent), 10) << "\n";
    }
    return 0;
}

} // namespace iadesk::cli
