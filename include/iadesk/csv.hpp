// csv: reading CSV (RFC 4180 as Excel writes it), importing employees and absence with a preview
// and per-row errors, and exporting statistics and employees for Excel (issue 7 §7;
// docs/import-export.md has the columns and examples).
//
// Contract — reading (parse_csv)
// - UTF-8 with or without BOM; CRLF, LF or lone CR line ends; fields in double quotes may hold the
//   delimiter, quotes ("" = ") and line breaks.
// - The delimiter is ';' or ',', chosen from the header line (the first non-empty line): the one
//   occurring more often outside quotes; a tie (or neither) gives ';' (Norwegian Excel's).
// - Empty lines and lines whose fields are all blank are skipped.
// - Never throws, never crashes on bad input: a stray quote (a quote inside an unquoted field, text
//   after a closing quote) or a quote that is never closed makes that row an error (its physical
//   line number, nb/en message) and reading goes on with the next line.
// - Line numbers are 1-based physical lines of the file (the header is line 1): what a text
//   editor shows. A row is numbered by the line it starts on.
//
// Contract — import (import_employees_csv, import_absences_csv)
// - Header names are matched case-insensitively ignoring spaces, '-', '_' and '.'; Norwegian and
//   English names are accepted (docs/import-export.md). Unknown columns are ignored and listed.
// - All or nothing: `command` is set only when no row has an error and there is at least one row;
//   then it adds every row in one undo step. With any error nothing is imported, and `errors`
//   lists every problem (line, column as written in the header, message nb + en).
// - Every record is checked with the loader's own checks (checks.hpp) before it is offered: dates
//   (dd.mm.yyyy or yyyy-mm-dd; real calendar dates), text lengths, percent 0 < p <= 100, grade
//   20..100, egenmelding 100, employment periods of one employee not overlapping; and as an edit:
//   absences of one employee not overlapping each other or those already registered, references
//   resolving. Import only adds: an employee id that already exists is an error. The command names
//   the records it adds, so Document::apply checks them again.
// - Employees: several rows with the same id are several employment periods of one employee (name
//   and unit must agree). The unit column matches a unit id, else a unit name (case-insensitive);
//   anything else creates a new unit, listed in new_units: with a non-empty `enhetsnavn` cell the
//   `enhet` value becomes the new unit's id and `enhetsnavn` its name; otherwise the unit gets a
//   fresh id (next_unit_id style) and the `enhet` value as its name.
// - A leading apostrophe before = + - @ (export_*'s guard against formula injection) is removed.
// - Cost: linear in the file size (hash maps; 50 000 rows well under a second natively).
//
// Contract — export
// - Statistics and employees go through access.hpp (visible_stats, visible_dataset): a role never
//   exports more than it may see; groups of fewer than 5 are "skjermet" (DOMAIN.md §6).
// - nb (default): UTF-8 BOM, ';', CRLF, decimal comma, dd.mm.yyyy: opens right in Norwegian
//   Excel. en: UTF-8 BOM, ',', CRLF, decimal point, yyyy-mm-dd. Figures with one decimal.
// - A text cell starting with = + - @ gets a leading apostrophe (no formulas run in Excel).
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/document.hpp"
#include "iadesk/model.hpp"
#include "iadesk/stats.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

struct CsvRowError {
    std::size_t line = 0;         // physical line in the file, 1-based (0 = the file as a whole)
    std::string column;           // header name as written in the file; "" = the whole row
    std::string message_nb;
    std::string message_en;
    ProblemCode code = ProblemCode::count_; // set for the checks shared with the loader (checks.hpp)
};

struct CsvTable {
    char delimiter = ';';
    std::vector<std::string> header;              // empty when the text has no non-empty line
    std::size_t header_line = 0;                  // line of the header (0 = none)
    std::vector<std::vector<std::string>> rows;   // data rows (header excluded), fields unquoted
    std::vector<std::size_t> lines;               // line where each row starts
    std::vector<CsvRowError> errors;              // rows that could not be read (left out of rows)
};

CsvTable parse_csv(std::string_view text);

struct EmployeeImportRow {
    std::size_t line = 0;
    std::string id;
    std::string name;
    std::string unit;             // Unit::id (existing or in new_units)
    Employment employment;
    std::optional<int> birth_year;
};

struct EmployeeImport {
    char delimiter = ';';
    std::vector<EmployeeImportRow> rows;   // preview: the rows read without error, in file order
    std::vector<Unit> new_units;           // units the import would create
    std::vector<CsvRowError> errors;
    std::vector<std::string> ignored_columns;
    std::optional<Command> command;        // set only when errors is empty and rows is not
    bool ok() const { return command.has_value(); }
};

EmployeeImport import_employees_csv(const Dataset& ds, std::string_view text);

struct AbsenceImportRow {
    std::size_t line = 0;
    Absence absence;
    std::string employee_name;
};

struct AbsenceImport {
    char delimiter = ';';
    std::vector<AbsenceImportRow> rows;
    std::vector<CsvRowError> errors;
    std::vector<std::string> ignored_columns;
    std::optional<Command> command;
    bool ok() const { return command.has_value(); }
};

AbsenceImport import_absences_csv(const Dataset& ds, std::string_view text);

enum class CsvLang { nb, en };

// Statistics as CSV; `ds` gives the unit names. One row per visible group.
std::string export_stats_csv(const StatsResult& s, const Dataset& ds, const Role& role, CsvLang lang = CsvLang::nb);
// Employees as CSV, one row per employment period, in the import format (re-importable).
std::string export_employees_csv(const Dataset& ds, const Role& role, CsvLang lang = CsvLang::nb);

} // namespace iadesk
