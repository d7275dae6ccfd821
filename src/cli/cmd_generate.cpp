// `iadesk generate --employees N [--seed S] [--today DATE] [--out FILE] [--json]`: a synthetic
// dataset (generate.hpp), deterministic for (N, S, DATE). Defaults: seed 1, today = the local
// date. Without --out the dataset goes to stdout; with --out it is written under the file's lock
// through the safe writer (file_output.hpp; exit 3 when another process holds the lock past
// IADESK_LOCK_TIMEOUT) and a summary is printed (as JSON with --json).
#include "cli/cli_util.hpp"
#include "cli/file_output.hpp"

#include "iadesk/generate.hpp"
#include "platform/platform.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace iadesk::cli {

namespace {

const char* kUsage = "bruk: iadesk generate --employees N [--seed S] [--today DATO] [--out FIL] [--json]\n";

template <class T>
std::optional<T> parse_whole(const std::string& s) {
    T v{};
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

} // namespace

int cmd_generate(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "generate", {"--employees", "--seed", "--today", "--out"}, {"--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    if (!a.positional.empty()) {
        err << "iadesk generate: uventet argument «" << a.positional[0] << "»\n" << kUsage;
        return 2;
    }
    GenerateOptions opt;
    auto n_it = a.values.find("--employees");
    if (n_it == a.values.end()) {
        err << "iadesk generate: mangler --employees N\n" << kUsage;
        return 2;
    }
    auto n = parse_whole<int>(n_it->second);
    if (!n || *n < 1 || *n > 5'000'000) {
        err << "iadesk generate: ugyldig antall for --employees: «" << n_it->second << "» (et heltall 1–5000000)\n";
        return 2;
    }
    opt.employees = *n;
    if (auto s_it = a.values.find("--seed"); s_it != a.values.end()) {
        auto seed = parse_whole<uint64_t>(s_it->second);
        if (!seed) {
            err << "iadesk generate: ugyldig verdi for --seed: «" << s_it->second << "» (et ikke-negativt heltall)\n";
            return 2;
        }
        opt.seed = *seed;
    }
    auto today = date_option(a, "generate", "--today", local_today(), err);
    if (!today) return 2;
    opt.today = *today;

    const Dataset ds = generate_dataset(opt);
    const std::string text = save_dataset(ds);
    auto out_it = a.values.find("--out");
    if (out_it == a.values.end()) {
        out << text;
        return 0;
    }
    platform::FileLock lock;
    if (int locked = lock_for_writing(out_it->second, "generate", lock, err)) return locked;
    if (int written = write_output(out_it->second, text, "generate", err)) return written;
    lock.release();
    if (a.flags.count("--json")) {
        nlohmann::ordered_json j{{"file", out_it->second},       {"bytes", text.size()},
                         {"units", ds.units.size()},     {"employees", ds.employees.size()},
                         {"absences", ds.absences.size()}, {"milestone_events", ds.milestone_events.size()}};
        out << j.dump(2) << "\n";
    } else {
        out << "Skrev " << out_it->second << ": " << ds.organisation.name << ", " << ds.units.size() << " enheter, "
            << ds.employees.size() << " ansatte, " << ds.absences.size() << " fraværsperioder, "
            << ds.milestone_events.size() << " milepælhendelser (frø " << opt.seed << ", i dag "
            << format_norwegian(opt.today) << ")\n";
    }
    return 0;
}

} // namespace iadesk::cli
