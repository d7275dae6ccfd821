// `iadesk stats compare FILE [--figures CSV] [--quarter ÅÅÅÅKQ | --today DATE] [--measure legemeldt|alt] [--json]`:
// the organisation's sick leave beside its bransje, its sector and the country for the same four
// quarters, and NAV's verdict (benchmarks.hpp; docs/domain.md "Comparison with the bransje").
//   Figures: the table shipped with iadesk (assets/stats/comparison-figures.json); --figures adds
//         a newer published table in CSV (kategori;kode;år;kvartal;prosent[;måltall]) on top, for
//         this run only (figures imported in the app are kept in the register and go before the
//         shipped ones: Dataset::comparison_figures). A CSV with any problem is refused whole (exit 1, every problem listed
//         with its line and column).
//   Quarters: the four ending with --quarter, or with the last complete quarter before --today
//         (default: the local date), as NAV's "siste fire kvartaler".
//   --measure: legemeldt (default; NAV's figure) or alt (egen- og legemeldt, SSB's total).
//   JSON: {"organisation", "bransjeprogram", "sector", "measure", "quarters": [{"quarter",
//         "din_virksomhet", "bransjen", "sektoren", "landet", "masked"}], "four_quarters": {...},
//         "verdict", "figures_source", "figures_published", "figures_imported", "figures_stored"}; a figure is null when missing or
//         masked; a figure to verify is {"prosent": p, "verify": true}.
#include "cli/cli_util.hpp"
#include "cli/commands.hpp"

#include "iadesk/benchmarks.hpp"
#include "platform/platform.hpp"

#include <nlohmann/json.hpp>

namespace iadesk::cli {

namespace {

const char* kUsage =
    "bruk: iadesk stats compare FIL [--figures CSV] [--quarter ÅÅÅÅKQ | --today DATO] [--measure legemeldt|alt] [--json]\n"
    "  din virksomhet / bransjen / sektoren / landet for de samme fire kvartalene, og NAVs vurdering\n"
    "  (over / middels / under bransjen: over bransjen × 1,1, under × 0,9).\n"
    "  --figures CSV: en nyere publisert tabell (kategori;kode;år;kvartal;prosent[;måltall]).\n";

using ojson = nlohmann::ordered_json;

const char* sector_name(Sector s) {
    switch (s) {
    case Sector::statlig: return "statlig forvaltning";
    case Sector::kommunal: return "kommunal forvaltning";
    case Sector::privat: return "privat sektor og offentlige foretak";
    case Sector::unset: break;
    }
    return "ikke oppgitt";
}

std::string verdict_text(const Comparison& c) {
    switch (c.verdict) {
    case Verdict::over:
        return "OVER – høyere enn bransjen (over " + format_number_nb(*c.bransje * 1.1, 2) + " %, bransjen × 1,1)";
    case Verdict::under:
        return "UNDER – lavere enn bransjen (under " + format_number_nb(*c.bransje * 0.9, 2) + " %, bransjen × 0,9)";
    case Verdict::middels:
        return "MIDDELS – på nivå med bransjen (" + format_number_nb(*c.bransje * 0.9, 2) + "–" +
               format_number_nb(*c.bransje * 1.1, 2) + " %)";
    case Verdict::incomplete: return "UFULLSTENDIG – færre enn fire kvartaler med tall for virksomheten eller bransjen";
    case Verdict::masked: return "MASKERT – færre enn 5 ansatte; tallet vises ikke";
    case Verdict::no_bransje: return "ingen – virksomheten er ikke i et bransjeprogram (Innstillinger → Organisasjon)";
    }
    return "";
}

std::optional<Quarter> parse_quarter(const std::string& s) {
    // "2024K2", "2024-Q2", "2024Q2"
    if (s.size() < 6) return std::nullopt;
    int year = 0;
    for (int i = 0; i < 4; ++i) {
        if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return std::nullopt;
        year = year * 10 + (s[static_cast<std::size_t>(i)] - '0');
    }
    std::string rest = s.substr(4);
    if (!rest.empty() && rest[0] == '-') rest.erase(0, 1);
    if (rest.size() != 2 || (rest[0] != 'K' && rest[0] != 'Q' && rest[0] != 'k' && rest[0] != 'q')) return std::nullopt;
    if (rest[1] < '1' || rest[1] > '4' || year < 1990) return std::nullopt;
    return Quarter{year, rest[1] - '0'};
}

std::string quarter_text(Quarter q) { return "K" + std::to_string(q.q) + " " + std::to_string(q.year); }

std::string cell(const BenchmarkFigure* f) {
    return f ? format_number_nb(f->percent, 1) + (f->verify ? " %*" : " %") : "–";
}
std::string cell(const std::optional<double>& p) { return p ? format_number_nb(*p, 1) + " %" : "–"; }

ojson figure_json(const BenchmarkFigure* f) {
    if (!f) return nullptr;
    if (f->verify) return ojson{{"prosent", f->percent}, {"verify", true}};
    return f->percent;
}
ojson opt_json(const std::optional<double>& p) { return p ? ojson(*p) : ojson(nullptr); }

} // namespace

int cmd_stats_compare(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "stats compare", {"--figures", "--quarter", "--today", "--measure"}, {"--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "stats compare", kUsage, err);
    if (!path) return 2;
    SickLeaveMeasure measure = SickLeaveMeasure::legemeldt;
    if (auto it = a.values.find("--measure"); it != a.values.end()) {
        if (it->second == "alt") measure = SickLeaveMeasure::total;
        else if (it->second != "legemeldt") {
            err << "iadesk stats compare: ukjent --measure «" << it->second << "» (legemeldt eller alt)\n";
            return 2;
        }
    }
    Quarter last;
    if (auto it = a.values.find("--quarter"); it != a.values.end()) {
        if (a.has("--today")) {
            err << "iadesk stats compare: bruk enten --quarter eller --today\n";
            return 2;
        }
        auto q = parse_quarter(it->second);
        if (!q) {
            err << "iadesk stats compare: ugyldig --quarter «" << it->second << "» (skriv f.eks. 2024K2)\n";
            return 2;
        }
        last = *q;
    } else {
        auto today = date_option(a, "stats compare", "--today", local_today(), err);
        if (!today) return 2;
        last = latest_complete_quarter(*today);
    }

    BenchmarkLoad shipped = shipped_benchmarks();
    if (!shipped.ok()) { // a build error, never the user's: say so plainly
        err << "iadesk stats compare: de innebygde sammenligningstallene kan ikke leses";
        for (const DatasetProblem& p : shipped.problems) err << "\n  " << p.pointer << ": " << p.message_nb;
        err << "\n";
        return 1;
    }
    std::optional<BenchmarkTable> from_csv;
    std::string imported_from; // the CSV's file name, when one was given
    if (auto it = a.values.find("--figures"); it != a.values.end()) {
        std::string why;
        auto text = platform::read_file(it->second, &why, kMaxDatasetBytes);
        if (!text) {
            err << "iadesk stats compare: kan ikke lese filen «" << it->second << "»: " << why << "\n";
            return 2;
        }
        std::string name = it->second;
        if (auto slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
        BenchmarkLoad imported = import_benchmarks_csv(*text, name);
        if (!imported.ok()) {
            err << "iadesk stats compare: " << it->second << " er ikke lest (ingen tall tatt inn):\n";
            for (const DatasetProblem& p : imported.problems) err << "  " << p.message_nb << "\n";
            return 1;
        }
        from_csv = std::move(*imported.table);
        imported_from = name;
    }

    int rc = 0;
    auto ds = load_dataset_file(*path, "stats compare", err, rc);
    if (!ds) return rc;
    // The shipped table, the figures imported into the register on top, then --figures on top of both.
    BenchmarkTable table = with_imported_figures(*shipped.table, *ds);
    if (from_csv) table = merge_benchmarks(table, *from_csv);
    const std::size_t stored = ds->comparison_figures.size();
    const Comparison c = compare_with_benchmarks(*ds, table, last, measure);
    const Organisation& org = ds->organisation;

    if (a.flags.count("--json")) {
        ojson rows = ojson::array();
        for (const ComparisonRow& r : c.rows)
            rows.push_back({{"quarter", std::to_string(r.quarter.year) + "K" + std::to_string(r.quarter.q)},
                            {"din_virksomhet", opt_json(r.organisation)},
                            {"bransjen", figure_json(r.bransje)},
                            {"sektoren", figure_json(r.sector)},
                            {"landet", figure_json(r.land)},
                            {"masked", r.organisation_masked}});
        ojson j{{"organisation", org.name},
                {"bransjeprogram", org.bransjeprogram == Bransjeprogram::none ? ojson(nullptr) : ojson(std::string(bransjeprogram_id(org.bransjeprogram)))},
                {"sector", org.sector == Sector::unset ? ojson(nullptr) : ojson(std::string(sector_id(org.sector)))},
                {"measure", std::string(measure_id(measure))},
                {"quarters", std::move(rows)},
                {"four_quarters", {{"din_virksomhet", opt_json(c.organisation)}, {"bransjen", opt_json(c.bransje)},
                                   {"sektoren", opt_json(c.sector)}, {"landet", opt_json(c.land)}}},
                {"verdict", std::string(verdict_id(c.verdict))},
                {"figures_source", table.source},
                {"figures_published", table.published ? ojson(format_iso(*table.published)) : ojson(nullptr)},
                {"figures_imported", imported_from.empty() ? ojson(nullptr) : ojson(imported_from)},
                {"figures_stored", stored}};
        out << j.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
        return 0;
    }

    out << "Sammenligning for " << org.name << ", " << quarter_text(c.rows.front().quarter) << "–" << quarter_text(last)
        << (measure == SickLeaveMeasure::legemeldt ? " (legemeldt sykefravær, som NAV)" : " (egen- og legemeldt sykefravær)") << "\n";
    out << "Bransje: " << bransje_name(org.bransjeprogram) << " · sektor: " << sector_name(org.sector);
    if (!org.naeringskode.empty()) out << " · næringskode " << org.naeringskode << " (" << industry_standard_id(org.naeringskode_standard) << ")";
    out << "\n";
    out << pad_right("Kvartal", 16) << pad_left("din virksomhet", 16) << pad_left("bransjen", 11) << pad_left("sektoren", 11)
        << pad_left("landet", 10) << "\n";
    bool any_verify = false;
    for (const ComparisonRow& r : c.rows) {
        any_verify = any_verify || (r.bransje && r.bransje->verify) || (r.sector && r.sector->verify) || (r.land && r.land->verify);
        out << pad_right(quarter_text(r.quarter), 16) << pad_left(r.organisation_masked ? "skjermet" : cell(r.organisation), 16)
            << pad_left(cell(r.bransje), 11) << pad_left(cell(r.sector), 11) << pad_left(cell(r.land), 10) << "\n";
    }
    out << pad_right("Fire kvartaler", 16) << pad_left(c.verdict == Verdict::masked ? "skjermet" : cell(c.organisation), 16)
        << pad_left(cell(c.bransje), 11) << pad_left(cell(c.sector), 11) << pad_left(cell(c.land), 10) << "\n";
    out << "Vurdering: " << verdict_text(c) << "\n";
    if (any_verify) out << "* ikke kontrollert mot kilden (se kildene i tabellen).\n";
    out << "Sammenligningstall: " << table.source;
    if (table.published) out << " Publisert " << format_norwegian(*table.published) << ".";
    if (stored > 0) out << " " << stored << " sammenligningstall importert i registeret går foran.";
    if (!imported_from.empty()) out << " Nyere tall fra " << imported_from << " går foran.";
    out << "\n";
    return 0;
}

} // namespace iadesk::cli
