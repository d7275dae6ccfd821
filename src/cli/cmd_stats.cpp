// `iadesk stats FILE --from DATE --to DATE [--by unit] [--json]`: sykefraværsprosent for the
// period, for the whole organisation or per unit (DOMAIN.md §6; stats.hpp).
//   JSON: {"from", "to", "groups": [{"unit" (id; null = whole organisation), "employees",
//         "mulige_dagsverk", "tapte_dagsverk", "tapte_egenmeldt", "tapte_legemeldt", "prosent",
//         "masked"}]}. Dagsverk are rounded to 3 decimals for output (prosent is computed from
//         the unrounded sums, one decimal half up); a masked group (fewer than 5 employees) has
//         null figures; "prosent" is also null when mulige dagsverk is 0.
//   Text: a table with Norwegian number formatting; masked groups show "skjermet".
#include "cli/cli_util.hpp"

#include "iadesk/stats.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace iadesk::cli {

namespace {

const char* kUsage = "bruk: iadesk stats FIL --from DATO --to DATO [--by unit] [--json]\n";

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

nlohmann::ordered_json figure(const StatsGroup& g, double DagsverkSums::*field) {
    return g.sums ? nlohmann::ordered_json(round3((*g.sums).*field)) : nlohmann::ordered_json(nullptr);
}

} // namespace

int cmd_stats(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "stats", {"--from", "--to", "--by"}, {"--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "stats", kUsage, err);
    if (!path) return 2;
    auto from = date_option(a, "stats", "--from", std::nullopt, err);
    if (!from) return 2;
    auto to = date_option(a, "stats", "--to", std::nullopt, err);
    if (!to) return 2;
    if (*to < *from) {
        err << "iadesk stats: --to " << format_norwegian(*to) << " er før --from " << format_norwegian(*from) << "\n";
        return 2;
    }
    bool by_unit = false;
    if (auto it = a.values.find("--by"); it != a.values.end()) {
        if (it->second != "unit") {
            err << "iadesk stats: ukjent gruppering for --by: «" << it->second << "» (bare «unit» støttes)\n";
            return 2;
        }
        by_unit = true;
    }
    int rc = 0;
    auto ds = load_dataset_file(*path, "stats", err, rc);
    if (!ds) return rc;

    StatsQuery q;
    q.from = *from;
    q.to = *to;
    q.by_unit = by_unit;
    const StatsResult st = compute_stats(*ds, q);

    if (a.flags.count("--json")) {
        nlohmann::ordered_json groups = nlohmann::ordered_json::array();
        for (const StatsGroup& g : st.groups)
            groups.push_back({{"unit", g.unit ? nlohmann::ordered_json(*g.unit) : nlohmann::ordered_json(nullptr)},
                              {"employees", g.employees},
                              {"mulige_dagsverk", figure(g, &DagsverkSums::mulige)},
                              {"tapte_dagsverk", figure(g, &DagsverkSums::tapte)},
                              {"tapte_egenmeldt", figure(g, &DagsverkSums::tapte_egenmeldt)},
                              {"tapte_legemeldt", figure(g, &DagsverkSums::tapte_legemeldt)},
                              {"prosent", g.percent ? nlohmann::ordered_json(*g.percent) : nlohmann::ordered_json(nullptr)},
                              {"masked", g.masked}});
        nlohmann::ordered_json j{{"from", format_iso(st.from)}, {"to", format_iso(st.to)}, {"groups", std::move(groups)}};
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }

    out << "Sykefravær i " << ds->organisation.name << " " << format_norwegian(st.from) << "–"
        << format_norwegian(st.to) << "\n";
    out << pad_right("Enhet", 28) << pad_left("Ansatte", 8) << pad_left("Mulige dv", 12) << pad_left("Tapte dv", 11)
        << pad_left("Egenmeldt", 11) << pad_left("Legemeldt", 11) << pad_left("Prosent", 10) << "\n";
    for (const StatsGroup& g : st.groups) {
        std::string label = "Hele virksomheten";
        if (g.unit) {
            label = *g.unit;
            for (const Unit& u : ds->units)
                if (u.id == *g.unit) { label = u.name; break; }
        }
        out << pad_right(label, 28) << pad_left(std::to_string(g.employees), 8);
        if (g.masked || !g.sums) {
            out << pad_left("skjermet (under 5 ansatte)", 38) << "\n";
            continue;
        }
        const DagsverkSums& s = *g.sums;
        out << pad_left(format_number_nb(s.mulige, 1), 12) << pad_left(format_number_nb(s.tapte, 1), 11)
            << pad_left(format_number_nb(s.tapte_egenmeldt, 1), 11) << pad_left(format_number_nb(s.tapte_legemeldt, 1), 11)
            << pad_left(g.percent ? format_number_nb(*g.percent, 1) + " %" : "–", 10) << "\n";
    }
    return 0;
}

} // namespace iadesk::cli
