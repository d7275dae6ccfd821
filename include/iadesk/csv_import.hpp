// csv_import: importing employees and absence from CSV files (read by csv.hpp) with a preview and
// per-row errors, as one command (docs/import-export.md has the columns and examples).
//
// Contract
// - The file is decoded and read as csv.hpp says; the encoding found is in `encoding` (the preview
//   shows it). A refused encoding is the import's only error.
// - Header names are matched case-insensitively ignoring spaces, '-', '_' and '.'; Norwegian and
//   English names are accepted (docs/import-export.md). Unknown columns are ignored and listed.
// - All or nothing: `command` is set only when no row has an error and there is at least one row;
//   then it adds every row in one undo step. With any error nothing is imported, and `errors`
//   lists every problem (line, column as written in the header, code, message nb + en), sorted by
//   line. Every error has a code (problems.hpp); a rule the loader also keeps has the loader's.
// - Every record is checked with the loader's own checks (checks.hpp) before it is offered: dates
//   (dd.mm.yyyy or yyyy-mm-dd; real calendar dates), text lengths, percent 0 < p <= 100, grade
//   20..100, egenmelding 100, birth year 1900-2200, employment periods of one employee not
//   overlapping; and as an edit: absences of one employee not overlapping each other or those
//   already registered, references resolving. Import only adds: an employee id that already
//   exists is an error. The command names the records it adds, so Document::apply checks them again.
// - Employees: several rows with the same id are several employment periods of one employee (name
//   and unit must agree). The unit column matches a unit id, else a unit name (case-insensitive);
//   anything else creates a new unit, listed in new_units: with a non-empty `enhetsnavn` cell the
//   `enhet` value becomes the new unit's id and `enhetsnavn` its name; otherwise the unit gets a
//   fresh id (next_unit_id style) and the `enhet` value as its name.
// - A leading apostrophe before = + - @ (export_*'s guard against formula injection) is removed.
// - Cost: linear in the file size (hash maps; 50 000 rows well under a second natively).
#pragma once

#include "iadesk/csv.hpp"
#include "iadesk/document.hpp"
#include "iadesk/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

struct EmployeeImportRow {
    std::size_t line = 0;
    std::string id;
    std::string name;
    std::string unit;             // Unit::id (existing or in new_units)
    Employment employment;
    std::optional<int> birth_year;
};

struct EmployeeImport {
    CsvEncoding encoding = CsvEncoding::utf8;
    char delimiter = ';';
    std::vector<EmployeeImportRow> rows;   // preview: the rows read without error, in file order
    std::vector<Unit> new_units;           // units the import would create
    std::vector<CsvRowError> errors;
    std::vector<std::string> ignored_columns;
    std::optional<Command> command;        // set only when errors is empty and rows is not
    bool ok() const { return command.has_value(); }
};

// `bytes`: the file as it is on disk (csv.hpp decodes it).
EmployeeImport import_employees_csv(const Dataset& ds, std::string_view bytes);

struct AbsenceImportRow {
    std::size_t line = 0;
    Absence absence;
    std::string employee_name;
};

struct AbsenceImport {
    CsvEncoding encoding = CsvEncoding::utf8;
    char delimiter = ';';
    std::vector<AbsenceImportRow> rows;
    std::vector<CsvRowError> errors;
    std::vector<std::string> ignored_columns;
    std::optional<Command> command;
    bool ok() const { return command.has_value(); }
};

AbsenceImport import_absences_csv(const Dataset& ds, std::string_view bytes);

} // namespace iadesk
