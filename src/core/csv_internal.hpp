// csv_internal: what the CSV reader and the two imports share (not part of the public API):
// cell values, column mapping and the per-row reader that turns problems into CsvRowErrors.
#pragma once

#include "iadesk/csv.hpp"
#include "iadesk/model.hpp"
#include "iadesk/problems.hpp"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iadesk::detail_csv {

// An error of the file at `line` (0 = the file as a whole) in `column` ("" = the whole row), worded
// by the problem table.
CsvRowError csv_error(std::size_t line, std::string column, ProblemCode code, std::initializer_list<ProblemArg> args = {});
CsvRowError csv_error(std::size_t line, std::string column, const Problem& p);

// --- Values ------------------------------------------------------------------------------------
bool is_blank(std::string_view s);
// Without ASCII blanks and the UTF-8 no-break space (C2 A0), which Excel users paste often.
std::string_view trim(std::string_view s);
// Lowercase for matching: ASCII and the Norwegian letters Æ Ø Å.
std::string fold(std::string_view s);
// Folded, without spaces and - _ . ( ) %: "Ansatt-ID" -> "ansattid".
std::string normalize_header(std::string_view h);
// Removes the export's formula guard: "'=x" -> "=x".
std::string unguard(std::string_view s);
// "37,5", "80 %", "50.5" -> the number; nullopt for anything else.
std::optional<double> parse_number(std::string_view s);

// --- Columns -----------------------------------------------------------------------------------
struct ColumnSpec {
    std::string_view label;                    // problems.hpp field_label key ("name"), for "{field} må fylles ut"
    std::span<const std::string_view> aliases; // normalized header names accepted; the first is the one shown
    bool required;
};

struct Columns {
    std::vector<int> index;                // per spec: field index or -1
    std::vector<std::string> names;        // per spec: the header as written
    bool complete = true;                  // every required column found
};

// Maps the header to the specs; reports a missing required column or two headers for one column.
Columns map_columns(const CsvTable& t, std::span<const ColumnSpec> specs, std::vector<CsvRowError>& errors,
                    std::vector<std::string>& ignored);


// The register's employees by id (index into ds.employees); the keys view the dataset's ids.
std::unordered_map<std::string_view, std::size_t> employees_by_id(const Dataset& ds);

// The start both imports share: the file decoded and split (its encoding and delimiter noted in
// `out`), a refused or empty file reported, the columns mapped, the register's employees by id, room
// for a result row per line. nullopt: nothing more can be read, and out.errors says why.
struct OpenedImport {
    CsvTable table;
    Columns columns;
    std::unordered_map<std::string_view, std::size_t> employees; // employees_by_id
};
template <class Import>
std::optional<OpenedImport> open_import(const Dataset& ds, std::string_view bytes, std::span<const ColumnSpec> specs,
                                        Import& out) {
    CsvTable t = parse_csv(bytes);
    out.encoding = t.encoding;
    out.delimiter = t.delimiter;
    out.errors = std::move(t.errors);
    if (t.encoding == CsvEncoding::refused) return std::nullopt;
    if (t.header_line == 0) {
        out.errors.push_back(csv_error(0, {}, ProblemCode::csv_file_empty));
        return std::nullopt;
    }
    Columns cols = map_columns(t, specs, out.errors, out.ignored_columns);
    if (!cols.complete) return std::nullopt; // a missing column: nothing to read
    out.rows.reserve(t.rows.size());
    return OpenedImport{std::move(t), std::move(cols), employees_by_id(ds)};
}

// Shape check of one data row against the header; returns false (and reports) when unusable.
// Trailing empty fields (Excel's ";;") are fine.
bool row_shape_ok(const CsvTable& t, std::size_t r, std::vector<CsvRowError>& errors);

// Reads the cells of one row; every problem becomes an error at the row's line and the column.
struct RowReader {
    const CsvTable& t;
    const Columns& c;
    std::span<const ColumnSpec> specs;
    std::size_t r;
    std::vector<CsvRowError>& errors;
    bool failed = false;

    std::size_t line() const { return t.lines[r]; }
    std::string_view cell(std::size_t spec) const;
    void error(std::size_t spec, ProblemCode code, std::initializer_list<ProblemArg> args = {});
    void error(std::size_t spec, const Problem& p);
    // The cell without the formula guard; an empty required cell is reported.
    std::string text(std::size_t spec, bool required);
    // dd.mm.yyyy or yyyy-mm-dd; an empty required cell and a date that does not exist are reported.
    std::optional<Date> date(std::size_t spec, bool required);
};

// Maps a checks.hpp problem's field ("to", "grade", "employment/0/percent") to a column: the last
// part "from" and "to" to those columns, anything else to `spec_other`.
void report(RowReader& rr, const Problem& p, std::size_t spec_from, std::size_t spec_to, std::size_t spec_other);

void sort_by_line(std::vector<CsvRowError>& errors);

} // namespace iadesk::detail_csv
