// `iadesk import employees|absence CSV --into DATASET [--dry-run] [--json]`: the app's CSV import
// (include/iadesk/csv.hpp, docs/import-export.md) from the command line.
//   All or nothing, as in the app: with any problem in the file nothing is imported, every problem
//   is printed ("  linje 3, kolonne «grad»: melding", or "  linje 3: ..." for the whole row) and the
//   exit code is 1; DATASET stays byte for byte as it was. Without problems the rows are added in one
//   step, the result is written in the canonical form through the safe writer (platform.hpp: a
//   reader sees the old or the new file, never a mix; mode and owner kept), and a summary is
//   printed. --dry-run checks and prints the summary without writing. --json prints {"imported",
//   "rows", "new_units", "encoding", "errors": [{"line", "column", "code", "message_nb", "message_en"}]}.
//   The file's encoding is printed first ("Tegnsett: Windows-1252 (omgjort til UTF-8)"; csv.hpp),
//   unless it was refused (then that is the problem printed); in --json it is null then.
//   Concurrent imports into one DATASET queue: each takes DATASET's lock (file_output.hpp) before
//   it reads DATASET and keeps it until the new file is renamed into place, so each reads the
//   one before's result. --dry-run takes no lock.
// Exit 0 imported (or would be, with --dry-run), 1 problems in the CSV or the dataset, 2 bad usage
// or an unreadable/unwritable file, 3 DATASET locked by another process past IADESK_LOCK_TIMEOUT.
#include "cli/cli_util.hpp"
#include "cli/file_output.hpp"

#include "iadesk/csv_import.hpp"
#include "platform/platform.hpp"

#include <nlohmann/json.hpp>

namespace iadesk::cli {

namespace {

const char* kUsage =
    "bruk: iadesk import employees|absence CSV --into DATASET [--dry-run] [--json]\n"
    "  employees  ansatte med ansettelsesforhold (kolonner: docs/import-export.md)\n"
    "  absence    fravær: egenmelding eller sykmelding\n"
    "Alt eller ingenting: med én feil i filen importeres ingenting, og DATASET er uendret.\n";

// What both importers give the CLI.
struct ImportOutcome {
    CsvEncoding encoding = CsvEncoding::utf8;
    std::size_t rows = 0;
    std::size_t new_units = 0;
    std::vector<CsvRowError> errors;
    std::optional<Command> command;
};

std::string place_of(const CsvRowError& e) {
    std::string p = e.line ? "linje " + std::to_string(e.line) : std::string("filen");
    if (!e.column.empty()) p += ", kolonne «" + e.column + "»";
    return p;
}

} // namespace

int cmd_import(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "import", {"--into"}, {"--dry-run", "--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    if (a.positional.size() != 2 || !a.values.count("--into")) {
        err << kUsage;
        return 2;
    }
    const std::string& kind = a.positional[0];
    if (kind != "employees" && kind != "absence") {
        err << "iadesk import: ukjent type «" << kind << "» (employees eller absence)\n" << kUsage;
        return 2;
    }
    const std::string& csv_path = a.positional[1];
    const std::string& dataset_path = a.values.at("--into");

    std::string why;
    auto text = platform::read_file(csv_path, &why, kMaxDatasetBytes);
    if (!text) {
        err << "iadesk import: kan ikke lese filen «" << csv_path << "»: " << why << "\n";
        return 2;
    }
    const bool dry = a.flags.count("--dry-run") > 0;
    platform::FileLock lock; // held from before the dataset is read until after it is written
    if (!dry) {
        if (int locked = lock_for_writing(dataset_path, "import", lock, err, /*only_if_exists=*/true)) return locked;
    }
    int rc = 0;
    std::optional<Dataset> ds = load_dataset_file(dataset_path, "import", err, rc);
    if (!ds) return rc;

    ImportOutcome r;
    if (kind == "employees") {
        EmployeeImport im = import_employees_csv(*ds, *text);
        r = {im.encoding, im.rows.size(), im.new_units.size(), std::move(im.errors), std::move(im.command)};
    } else {
        AbsenceImport im = import_absences_csv(*ds, *text);
        r = {im.encoding, im.rows.size(), 0, std::move(im.errors), std::move(im.command)};
    }
    if (r.errors.empty() && !r.command)
        r.errors.push_back({0, {}, "Filen har ingen rader å importere", "The file has no rows to import"});

    if (r.command && !dry) {
        r.command->apply(*ds);
        if (int written = write_dataset_output(dataset_path, *ds, "import", err)) return written;
    }

    if (a.flags.count("--json")) {
        nlohmann::ordered_json j;
        j["imported"] = r.command.has_value() && !dry;
        j["rows"] = r.rows;
        j["new_units"] = r.new_units;
        j["encoding"] = r.encoding == CsvEncoding::refused ? nlohmann::ordered_json()
                                                           : nlohmann::ordered_json(std::string(csv_encoding_name(r.encoding)));
        j["errors"] = nlohmann::ordered_json::array();
        for (const CsvRowError& e : r.errors)
            j["errors"].push_back({{"line", e.line}, {"column", e.column}, {"code", problem_id(e.code)},
                                   {"message_nb", e.message_nb}, {"message_en", e.message_en}});
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return r.command ? 0 : 1;
    }
    if (r.encoding != CsvEncoding::refused)
        out << "Tegnsett: " << csv_encoding_name(r.encoding)
            << (csv_encoding_converted(r.encoding) ? " (omgjort til UTF-8)" : "") << "\n";
    if (!r.command) {
        out << "Ingenting importert fra «" << csv_path << "»: " << r.errors.size()
            << (r.errors.size() == 1 ? " problem" : " problemer") << " (datasettet er uendret)\n";
        for (const CsvRowError& e : r.errors) out << "  " << place_of(e) << ": " << e.message_nb << "\n";
        return 1;
    }
    const char* what = kind == "employees" ? " rader med ansatte" : " fraværsperioder";
    out << (dry ? "Kan importeres: " : "Importert: ") << r.rows << what;
    if (r.new_units) out << ", " << r.new_units << " nye enheter";
    out << (dry ? " (--dry-run: «" + dataset_path + "» er ikke endret)\n" : " til «" + dataset_path + "»\n");
    return 0;
}

} // namespace iadesk::cli
