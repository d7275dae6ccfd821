// Fuzz target: CSV reading and import (parse_csv, import_employees_csv, import_absences_csv;
// include/iadesk/csv.hpp) on arbitrary bytes, against a small dataset.
// Invariants: rows and their line numbers line up, lines increase and come after the header;
// the delimiter is ';', ',' or tab; every error has a code and both messages; a refused encoding
// is the only error and nothing is read. An import is ok exactly when it has rows and no errors;
// its command then leaves a valid dataset that saves and reloads, and undo restores the dataset
// exactly. The encoding decoder on its own: fuzz_csv_encoding.cpp.
#include "fuzz_check.hpp"

#include "iadesk/csv.hpp"
#include "iadesk/csv_import.hpp"
#include "iadesk/dataset.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace iadesk;

namespace {

const Dataset& base() {
    static const Dataset d = [] {
        const char* text = R"({"format":"iadesk","version":1,
          "organisation":{"name":"Fjordvik kommune","orgnr":"940123453"},
          "units":[{"id":"U1","name":"Sykehjem Nord"},{"id":"U2","name":"Skole Vest"}],
          "employees":[{"id":"E1","name":"Kari Nordmann","unit":"U1","employment":[{"from":"2020-01-01","percent":100}]},
                       {"id":"E2","name":"Ola Hansen","unit":"U2","employment":[{"from":"2021-01-01","to":"2026-12-31","percent":60}]}],
          "absences":[{"employee":"E1","kind":"sykmelding","from":"2026-01-05","to":"2026-01-20","grade":50}]})";
        DatasetLoad r = load_dataset(text);
        FUZZ_CHECK(r.ok(), "the base dataset loads");
        return *r.dataset;
    }();
    return d;
}

void check_errors(const std::vector<CsvRowError>& errors) {
    for (const CsvRowError& e : errors)
        FUZZ_CHECK(!e.message_nb.empty() && !e.message_en.empty(), "a CSV error has both messages");
    for (const CsvRowError& e : errors) FUZZ_CHECK(e.code != ProblemCode::count_, "a CSV error has a code");
}

template <class Import>
void check_import(const Import& imp) {
    check_errors(imp.errors);
    FUZZ_CHECK(imp.ok() == (imp.errors.empty() && !imp.rows.empty()), "ok exactly when rows and no errors");
    FUZZ_CHECK(imp.delimiter == ';' || imp.delimiter == ',' || imp.delimiter == '\t', "delimiter ; , or tab");
    if (imp.encoding == CsvEncoding::refused) FUZZ_CHECK(imp.errors.size() == 1, "a refused encoding is the only error");
    if (!imp.ok()) return;
    Dataset d = base();
    const std::string before = save_dataset(d);
    imp.command->apply(d);
    const auto problems = validate_dataset(d);
    for (const DatasetProblem& p : problems) std::fprintf(stderr, "after import: %s: %s\n", p.pointer.c_str(), p.message_en.c_str());
    FUZZ_CHECK(problems.empty(), "an import leaves a valid dataset");
    const std::string after = save_dataset(d);
    DatasetLoad again = load_dataset(after);
    for (const DatasetProblem& p : again.problems) std::fprintf(stderr, "on reload: %s: %s\n", p.pointer.c_str(), p.message_en.c_str());
    FUZZ_CHECK(again.ok(), "the imported dataset saves and reloads");
    imp.command->undo(d);
    FUZZ_CHECK(save_dataset(d) == before, "undo restores the dataset");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const CsvTable t = parse_csv(text);
    FUZZ_CHECK(t.delimiter == ';' || t.delimiter == ',' || t.delimiter == '\t', "delimiter ; , or tab");
    if (t.encoding == CsvEncoding::refused)
        FUZZ_CHECK(t.errors.size() == 1 && t.header_line == 0 && t.rows.empty(), "a refused encoding reads nothing");
    FUZZ_CHECK(t.rows.size() == t.lines.size(), "one line number per row");
    FUZZ_CHECK(t.header.empty() == (t.header_line == 0), "a header exactly when there is a header line");
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        FUZZ_CHECK(t.lines[i] > t.header_line, "rows come after the header");
        if (i > 0) FUZZ_CHECK(t.lines[i] > t.lines[i - 1], "row lines increase");
    }
    check_errors(t.errors);
    check_import(import_employees_csv(base(), text));
    check_import(import_absences_csv(base(), text));
    return 0;
}
