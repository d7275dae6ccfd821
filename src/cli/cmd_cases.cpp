// `iadesk cases FILE [--today DATE] [--json]`: the sickness cases of a dataset (DOMAIN.md §2;
// cases.hpp). `--today` (default: the local date) only bounds the sick days of open cases.
//   JSON: [{"employee", "start", "end" (null if open), "sick_days", "agp_end", "maksdato"}],
//         dates YYYY-MM-DD, in cases.hpp's order (employees' order, then start).
//   Text: one line per case, dates dd.mm.yyyy.
#include "cli/cli_util.hpp"

#include "iadesk/cases.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace iadesk::cli {

namespace {
const char* kUsage = "bruk: iadesk cases FIL [--today DATO] [--json]\n";
}

int cmd_cases(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "cases", {"--today"}, {"--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "cases", kUsage, err);
    if (!path) return 2;
    auto today = date_option(a, "cases", "--today", local_today(), err);
    if (!today) return 2;
    int rc = 0;
    auto ds = load_dataset_file(*path, "cases", err, rc);
    if (!ds) return rc;

    const std::vector<SicknessCase> cases = build_cases(*ds, *today);
    if (a.flags.count("--json")) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const SicknessCase& c : cases)
            j.push_back({{"employee", c.employee},
                         {"start", format_iso(c.start)},
                         {"end", c.end ? nlohmann::ordered_json(format_iso(*c.end)) : nlohmann::ordered_json(nullptr)},
                         {"sick_days", c.sick_days},
                         {"agp_end", format_iso(c.agp_end)},
                         {"maksdato", format_iso(c.maksdato)}});
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }

    std::unordered_map<std::string_view, const Employee*> by_id;
    for (const Employee& e : ds->employees) by_id.emplace(e.id, &e);
    out << "Sykefraværstilfeller i " << ds->organisation.name << " per " << format_norwegian(*today) << ": "
        << cases.size() << "\n";
    if (cases.empty()) return 0;
    out << pad_right("Ansatt", 10) << pad_right("Navn", 24) << pad_right("Start", 12) << pad_right("Slutt", 12)
        << pad_left("Sykedager", 10) << "  " << pad_right("AGP slutt", 12) << "Maksdato\n";
    for (const SicknessCase& c : cases) {
        auto it = by_id.find(c.employee);
        std::string name = it != by_id.end() ? it->second->name : "";
        out << pad_right(c.employee, 10) << pad_right(name, 24) << pad_right(format_norwegian(c.start), 12)
            << pad_right(c.end ? format_norwegian(*c.end) : "åpent", 12) << pad_left(std::to_string(c.sick_days), 10)
            << "  " << pad_right(format_norwegian(c.agp_end), 12) << format_norwegian(c.maksdato) << "\n";
    }
    return 0;
}

} // namespace iadesk::cli
