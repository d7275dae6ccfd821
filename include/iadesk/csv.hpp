// csv: reading CSV files as Excel writes them (the encoding, then RFC 4180 records) and exporting
// statistics and employees for Excel. The imports built on the reader: csv_import.hpp.
// docs/import-export.md has the columns, the encodings and examples.
//
// Contract — encoding (decode_csv; parse_csv starts with it)
// - Decided from the bytes alone, in this order:
//   1. A file starting "PK\x03\x04" (.xlsx) or D0 CF 11 E0 A1 B1 1A E1 (.xls) is a workbook, not
//      CSV: refused (line 0).
//   2. EF BB BF: UTF-8 with BOM. Every byte after it must be well-formed UTF-8 (The Unicode
//      Standard, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), else refused.
//   3. FF FE / FE FF: UTF-16 LE / BE with BOM (Excel's "Unicode text"), converted to UTF-8. An odd
//      number of bytes or a surrogate without its partner is refused.
//   4. Well-formed UTF-8 throughout: UTF-8 without BOM, taken as it is.
//   5. Otherwise Windows-1252, converted to UTF-8 (ISO-8859-1 files read the same: the two agree
//      on every byte that is not a control character). Refused when a byte is one of the five
//      Windows-1252 leaves undefined (81 8D 8F 90 9D), or when the file also holds a well-formed
//      UTF-8 sequence of two or more bytes (a file that mixes encodings would be half garbled).
//   In every encoding a control character other than tab, LF and CR (U+0000-U+001F, U+007F) is
//   refused: no CSV file from a spreadsheet holds one (a NUL usually means UTF-16 without BOM).
// - A refusal is a CsvRowError with a code (problems.hpp: the csv_* encoding codes), the 1-based
//   line of the first bad byte (LF, CR and CRLF each end a line, as the reader counts them), and
//   the byte and its character position in that line; nothing of the file is read then. No byte is
//   ever replaced: the text is decoded exactly or refused.
// - Cost: linear, at most two passes over the bytes; a UTF-8 file is not copied.
//
// Contract — reading (parse_csv)
// - The decoded text: CRLF, LF or lone CR line ends; fields in double quotes may hold the
//   delimiter, quotes ("" = ") and line breaks.
// - The delimiter is ';', ',' or tab, chosen from the header line (the first non-empty line): the
//   one occurring most often outside quotes. On a tie ';' (Norwegian Excel's) wins, then ','; a
//   line with none gives ';'. Excel's "Unicode text" is tab-separated UTF-16.
// - Empty lines and lines whose fields are all blank are skipped.
// - Never throws, never crashes on bad input: a stray quote (a quote inside an unquoted field, text
//   after a closing quote) or a quote that is never closed makes that row an error (its physical
//   line number, a code and nb/en message) and reading goes on with the next line.
// - Line numbers are 1-based physical lines of the file (the header is line 1): what a text
//   editor shows. A row is numbered by the line it starts on.
//
// Contract — export
// - Statistics and employees go through access.hpp (visible_stats, visible_dataset): a role never
//   exports more than it may see; groups of fewer than 5 are "skjermet" (docs/data-format.md, statistics).
// - nb (default): UTF-8 BOM, ';', CRLF, decimal comma, dd.mm.yyyy: opens right in Norwegian
//   Excel. en: UTF-8 BOM, ',', CRLF, decimal point, yyyy-mm-dd. Figures with one decimal.
// - A text cell starting with = + - @ gets a leading apostrophe (no formulas run in Excel).
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/model.hpp"
#include "iadesk/problems.hpp"
#include "iadesk/stats.hpp"

#include <cstddef>
#include <cstdint>
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
    ProblemCode code = ProblemCode::count_; // always set by the reader and the imports
};

// --- Encoding ------------------------------------------------------------------------------------

enum class CsvEncoding : uint8_t {
    utf8,        // without BOM
    utf8_bom,
    utf16le,     // with BOM
    utf16be,     // with BOM
    windows1252, // also ISO-8859-1
    refused,     // not decoded: see the error
};

// "UTF-8", "UTF-8 (BOM)", "UTF-16 LE", "UTF-16 BE", "Windows-1252"; "" for refused. The same in
// both languages (names of standards).
std::string_view csv_encoding_name(CsvEncoding e);
// True for the encodings that were converted to UTF-8 (UTF-16, Windows-1252): the preview says so.
bool csv_encoding_converted(CsvEncoding e);

struct CsvDecoded {
    CsvEncoding encoding = CsvEncoding::utf8;
    std::optional<CsvRowError> error;  // set exactly when encoding == refused
    std::string_view unconverted;      // UTF-8 input without its BOM: a view of the bytes decoded
    std::string converted;             // the UTF-8 text of UTF-16 and Windows-1252 input

    // The text as UTF-8 without BOM ("" when refused). For UTF-8 input it views the bytes given to
    // decode_csv, which must outlive it.
    std::string_view text() const { return csv_encoding_converted(encoding) ? std::string_view(converted) : unconverted; }
};

CsvDecoded decode_csv(std::string_view bytes);

// --- Reading -------------------------------------------------------------------------------------

struct CsvTable {
    CsvEncoding encoding = CsvEncoding::utf8;
    char delimiter = ';';                         // ';', ',' or '\t'
    std::vector<std::string> header;              // empty when the text has no non-empty line
    std::size_t header_line = 0;                  // line of the header (0 = none)
    std::vector<std::vector<std::string>> rows;   // data rows (header excluded), fields unquoted
    std::vector<std::size_t> lines;               // line where each row starts
    std::vector<CsvRowError> errors;              // rows that could not be read (left out of rows),
                                                  // or the one encoding refusal (then nothing is read)
};

// `bytes`: the file as it is on disk, in any encoding the contract above accepts.
CsvTable parse_csv(std::string_view bytes);

// --- Export --------------------------------------------------------------------------------------

enum class CsvLang { nb, en };

// Statistics as CSV; `ds` gives the unit names. One row per visible group.
std::string export_stats_csv(const StatsResult& s, const Dataset& ds, const Role& role, CsvLang lang = CsvLang::nb);
// Employees as CSV, one row per employment period, in the import format (re-importable).
std::string export_employees_csv(const Dataset& ds, const Role& role, CsvLang lang = CsvLang::nb);

} // namespace iadesk
