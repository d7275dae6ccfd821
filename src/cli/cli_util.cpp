// cli_util: shared helpers of the dataset verbs (contract in cli_util.hpp).
#include "cli/cli_util.hpp"

#include "platform/platform.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace iadesk::cli {

bool parse_args(const Args& args, const std::string& verb, const std::vector<std::string>& valued,
                const std::vector<std::string>& flags, ParsedArgs& out, std::ostream& err) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") { out.help = true; continue; }
        if (a.size() < 2 || a[0] != '-' || a == "-") { out.positional.push_back(a); continue; }
        std::string name = a, value;
        bool inline_value = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            inline_value = true;
        }
        if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            if (inline_value) {
                err << "iadesk " << verb << ": " << name << " tar ingen verdi\n";
                return false;
            }
            out.flags.insert(name);
        } else if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
            if (!inline_value) {
                if (i + 1 >= args.size()) {
                    err << "iadesk " << verb << ": " << name << " mangler en verdi\n";
                    return false;
                }
                value = args[++i];
            }
            out.values[name] = value;
        } else {
            err << "iadesk " << verb << ": ukjent valg «" << name << "» (se iadesk " << verb << " --help)\n";
            return false;
        }
    }
    return true;
}

std::optional<Date> date_option(const ParsedArgs& a, const std::string& verb, const std::string& opt,
                                std::optional<Date> fallback, std::ostream& err) {
    auto it = a.values.find(opt);
    if (it == a.values.end()) {
        if (!fallback) err << "iadesk " << verb << ": mangler " << opt << " DATO (ÅÅÅÅ-MM-DD eller dd.mm.åååå)\n";
        return fallback;
    }
    auto d = parse_date(it->second);
    if (!d) err << "iadesk " << verb << ": ugyldig dato for " << opt << ": «" << it->second
                << "» (bruk ÅÅÅÅ-MM-DD eller dd.mm.åååå, en ekte dato i årene 1900–2200)\n";
    return d;
}

Date local_today() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::optional<DatasetLoad> read_dataset_file(const std::string& path, const std::string& verb, std::ostream& err) {
    std::string why;
    if (auto mapped = platform::map_file(path, &why, kMaxDatasetBytes)) {
        // Mapped: the pages the reader has passed are let go as it goes, so the file's text is
        // not resident next to the Dataset built from it (max RSS at 200 000 employees 1.85x the
        // file's size before, docs/performance.md "Whole processes").
        return load_dataset(mapped->text(), [&](std::size_t offset) { mapped->release_before(offset); });
    }
    std::optional<std::string> bytes;
    if (why.empty()) bytes = platform::read_file(path, &why, kMaxDatasetBytes); // not mappable: a pipe, empty ...
    if (!bytes) {
        err << "iadesk " << verb << ": kan ikke lese filen «" << path << "»: " << why << "\n";
        return std::nullopt;
    }
    return load_dataset(*bytes);
}

std::optional<Dataset> load_dataset_file(const std::string& path, const std::string& verb,
                                         std::ostream& err, int& exit_code) {
    std::optional<DatasetLoad> read = read_dataset_file(path, verb, err);
    if (!read) {
        exit_code = 2;
        return std::nullopt;
    }
    DatasetLoad& r = *read;
    if (!r.ok()) {
        const std::size_t shown = std::min<std::size_t>(r.problems.size(), 10);
        err << "iadesk " << verb << ": ugyldig datasett «" << path << "» (" << r.problems.size()
            << (r.problems.size() == 1 ? " problem" : " problemer") << "):\n";
        for (std::size_t i = 0; i < shown; ++i) {
            const DatasetProblem& p = r.problems[i];
            err << "  " << (p.pointer.empty() ? "/" : p.pointer) << ": " << p.message_nb << "\n";
        }
        if (shown < r.problems.size())
            err << "  … og " << r.problems.size() - shown << " til; se alle med: iadesk validate " << path << "\n";
        exit_code = 1;
        return std::nullopt;
    }
    exit_code = 0;
    return std::move(r.dataset);
}

std::optional<std::string> file_argument(const ParsedArgs& a, const std::string& verb, const char* usage,
                                         std::ostream& err) {
    if (a.positional.size() == 1) return a.positional[0];
    if (a.positional.empty()) err << "iadesk " << verb << ": mangler FIL (datasettet)\n";
    else err << "iadesk " << verb << ": for mange argumenter: «" << a.positional[1] << "»\n";
    err << usage;
    return std::nullopt;
}

std::string format_number_nb(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
    std::string s = buf;
    std::string::size_type dot = s.find('.');
    std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    bool neg = !whole.empty() && whole[0] == '-';
    if (neg) whole.erase(0, 1);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i && (whole.size() - i) % 3 == 0) grouped += ' ';
        grouped += whole[i];
    }
    return (neg ? "-" : "") + grouped + (frac.empty() ? "" : "," + frac);
}

namespace {
std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
} // namespace

std::string pad_right(const std::string& s, std::size_t width) {
    std::size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
    std::size_t w = display_width(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

std::optional<DatedFile> open_dated_file(const Args& args, const std::string& verb, const char* usage,
                                         const std::vector<std::string>& valued, const std::vector<std::string>& flags,
                                         std::optional<Date> default_today, std::ostream& out, std::ostream& err,
                                         int& exit_code) {
    exit_code = 2;
    ParsedArgs a;
    if (!parse_args(args, verb, valued, flags, a, err)) return std::nullopt;
    if (a.help) {
        out << usage;
        exit_code = 0;
        return std::nullopt;
    }
    const auto path = file_argument(a, verb, usage, err);
    if (!path) return std::nullopt;
    const auto today = date_option(a, verb, "--today", default_today, err);
    if (!today) return std::nullopt;
    auto ds = load_dataset_file(*path, verb, err, exit_code);
    if (!ds) return std::nullopt;
    exit_code = 0;
    return DatedFile{std::move(a), *today, std::move(*ds)};
}

const char* bransje_name(Bransjeprogram b) {
    switch (b) {
    case Bransjeprogram::barnehager: return "Barnehager";
    case Bransjeprogram::naeringsmiddelindustri: return "Næringsmiddelindustri";
    case Bransjeprogram::sykehus: return "Sykehus";
    case Bransjeprogram::sykehjem: return "Sykehjem";
    case Bransjeprogram::transport: return "Transport";
    case Bransjeprogram::bygg: return "Bygg";
    case Bransjeprogram::anlegg: return "Anlegg";
    case Bransjeprogram::none: break;
    }
    return "ingen bransjeprogram";
}

} // namespace iadesk::cli
