// `iadesk validate FILE [--json]`: every problem of a dataset (docs/data-format.md, "Checks").
//   Text: "OK: ..." one-line summary, or one line per problem "POINTER: melding" (nb).
//   JSON: {"valid": true, "counts": {...}, "problems": []} or {"valid": false, "problems":
//         [{"pointer", "message_nb", "message_en"}]}.
// Exit 0 valid, 1 invalid, 2 bad usage or unreadable file.
#include "cli/cli_util.hpp"

#include "platform/platform.hpp"

#include <nlohmann/json.hpp>

namespace iadesk::cli {

namespace {
const char* kUsage = "bruk: iadesk validate FIL [--json]\n";
}

int cmd_validate(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "validate", {}, {"--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "validate", kUsage, err);
    if (!path) return 2;
    std::optional<DatasetLoad> read = read_dataset_file(*path, "validate", err);
    if (!read) return 2;
    const DatasetLoad& r = *read;
    const bool json_out = a.flags.count("--json") > 0;
    if (json_out) {
        nlohmann::ordered_json j;
        j["valid"] = r.ok();
        if (r.ok()) {
            const Dataset& d = *r.dataset;
            j["counts"] = {{"units", d.units.size()}, {"employees", d.employees.size()},
                           {"absences", d.absences.size()}, {"milestone_events", d.milestone_events.size()}};
        }
        j["problems"] = nlohmann::ordered_json::array();
        for (const DatasetProblem& p : r.problems)
            j["problems"].push_back({{"pointer", p.pointer}, {"message_nb", p.message_nb}, {"message_en", p.message_en}});
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return r.ok() ? 0 : 1;
    }
    if (r.ok()) {
        const Dataset& d = *r.dataset;
        out << "OK: " << d.organisation.name << " (" << d.organisation.orgnr << "): " << d.units.size()
            << " enheter, " << d.employees.size() << " ansatte, " << d.absences.size() << " fraværsperioder, "
            << d.milestone_events.size() << " milepælhendelser\n";
        return 0;
    }
    out << "Ugyldig datasett «" << *path << "»: " << r.problems.size()
        << (r.problems.size() == 1 ? " problem" : " problemer") << "\n";
    for (const DatasetProblem& p : r.problems)
        out << "  " << (p.pointer.empty() ? "/" : p.pointer) << ": " << p.message_nb << "\n";
    return 1;
}

} // namespace iadesk::cli
