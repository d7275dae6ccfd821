// CSV files as Norwegian Excel saves them: the encoding is found from the bytes, converted to
// UTF-8 and reported, or the file is refused with the line of the first bad byte (csv.hpp,
// "Contract — encoding"; docs/import-export.md). Every file here is written as raw bytes; the
// expected text is worked out from the Windows-1252 and UTF-16 code tables, not from the program.
#include "iadesk/csv.hpp"
#include "iadesk/csv_import.hpp"

#include "../support/expected_problems.hpp"
#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace iadesk;
using namespace std::literals;
using iadesk::testing::check_row_errors;

namespace {

Dataset base() {
    Dataset ds;
    ds.organisation = testing::fjordvik_kommune();
    ds.units = {{"U1", "Barnehage Solsikken"}};
    ds.employees = {testing::employed_since("E1", "Kari Nordmann", "U1", testing::ymd(2020, 1, 1), 100, 1980)};
    return ds;
}

// UTF-16 code units as bytes with a BOM; the compiler encodes the u"" literal, not our decoder.
std::string utf16(std::u16string_view units, bool big_endian) {
    std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t u : units) {
        const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        out += big_endian ? hi : lo;
        out += big_endian ? lo : hi;
    }
    return out;
}

using Rows = std::vector<std::vector<std::string>>; // CsvTable::rows: the fields of each row, in UTF-8

} // namespace

TEST_CASE("csv encoding: Windows-1252 from Norwegian Excel is converted to UTF-8 and reported") {
    // Å C5, Ø D8, å E5, ø F8; € 80, – 96, “ 93, ” 94 exist only in Windows-1252 (not ISO-8859-1).
    const std::string file = "id;navn;enhet;fra;merknad\r\n"
                             "E3;\xC5se \xD8" "deg\xE5rd;Kj\xF8kken;01.01.2026;L\xF8nn 500 \x80 \x96 \x93ok\x94\r\n";
    const CsvTable t = parse_csv(file);
    CHECK(t.encoding == CsvEncoding::windows1252);
    CHECK(t.errors.empty());
    CHECK(t.rows == Rows{{"E3", "Åse Ødegård", "Kjøkken", "01.01.2026", "Lønn 500 € – “ok”"}});
    CHECK(csv_encoding_name(t.encoding) == "Windows-1252");
    CHECK(csv_encoding_converted(t.encoding));

    const EmployeeImport im = import_employees_csv(base(), file);
    REQUIRE(im.ok());
    CHECK(im.encoding == CsvEncoding::windows1252);
    REQUIRE(im.rows.size() == 1);
    CHECK(im.rows[0].name == "Åse Ødegård");
    REQUIRE(im.new_units.size() == 1);
    CHECK(im.new_units[0].name == "Kjøkken");
}

TEST_CASE("csv encoding: ISO-8859-1 reads as Windows-1252 (the two agree on every printable byte)") {
    const CsvTable t = parse_csv("navn;by\nK\xE5re \xC6rlig;T\xF8nsberg\n\xC6sa \xD8ye;Br\xF8nn\xF8ysund \xA4 \xE6\xF8\xE5\n");
    CHECK(t.encoding == CsvEncoding::windows1252);
    CHECK(t.errors.empty());
    CHECK(t.rows == Rows{{"Kåre Ærlig", "Tønsberg"}, {"Æsa Øye", "Brønnøysund ¤ æøå"}});
}

TEST_CASE("csv encoding: UTF-16 LE with BOM (Excel's tab-separated \"Unicode text\"), byte for byte") {
    // "id<TAB>navn<CRLF>E3<TAB>Åse Ødegård €😀<CRLF>": Å 00C5, Ø 00D8, å 00E5, € 20AC, 😀 D83D DE00.
    const std::string_view file =
        "\xFF\xFE"
        "i\0d\0\t\0n\0a\0v\0n\0\r\0\n\0"
        "E\0" "3\0\t\0\xC5\0s\0e\0 \0\xD8\0d\0e\0g\0\xE5\0r\0d\0 \0\xAC\x20\x3D\xD8\x00\xDE\r\0\n\0"sv;
    const CsvTable t = parse_csv(file);
    CHECK(t.encoding == CsvEncoding::utf16le);
    CHECK(t.delimiter == '\t');
    CHECK(t.errors.empty());
    REQUIRE(t.header.size() == 2);
    CHECK(t.header[0] == "id"); // the BOM is not part of the first name
    CHECK(t.rows == Rows{{"E3", "Åse Ødegård €😀"}});
    CHECK(csv_encoding_name(t.encoding) == "UTF-16 LE");
    CHECK(csv_encoding_converted(t.encoding));
}

TEST_CASE("csv encoding: UTF-16 BE with BOM imports employees") {
    const std::string file = utf16(u"id\tnavn\tenhet\tfra\r\nE3\tÅse Ødegård\tKjøkken\t01.01.2026\r\n", true);
    REQUIRE(file.substr(0, 4) == "\xFE\xFF\0i"sv); // big-endian: the high byte first
    const EmployeeImport im = import_employees_csv(base(), file);
    CHECK(im.encoding == CsvEncoding::utf16be);
    CHECK(im.delimiter == '\t');
    REQUIRE(im.ok());
    CHECK(im.rows[0].name == "Åse Ødegård");
    CHECK(im.new_units[0].name == "Kjøkken");
    CHECK(csv_encoding_name(im.encoding) == "UTF-16 BE");
}

TEST_CASE("csv encoding: UTF-8 with and without BOM is read as it is, and not converted") {
    const std::string text = "id;navn\nE1;Åse Ødegård €\n";
    const CsvTable plain = parse_csv(text);
    CHECK(plain.encoding == CsvEncoding::utf8);
    const CsvTable bom = parse_csv("\xEF\xBB\xBF" + text);
    CHECK(bom.encoding == CsvEncoding::utf8_bom);
    for (const CsvTable* t : {&plain, &bom}) {
        CHECK(t->errors.empty());
        REQUIRE(t->rows.size() == 1);
        CHECK(t->header[0] == "id");
        CHECK(t->rows[0][1] == "Åse Ødegård €");
    }
    CHECK(csv_encoding_name(CsvEncoding::utf8) == "UTF-8");
    CHECK(csv_encoding_name(CsvEncoding::utf8_bom) == "UTF-8 (BOM)");
    CHECK_FALSE(csv_encoding_converted(CsvEncoding::utf8));
    CHECK_FALSE(csv_encoding_converted(CsvEncoding::utf8_bom));
    // decode_csv does not copy UTF-8: the text is the input without the BOM.
    const std::string with_bom = "\xEF\xBB\xBF" + text;
    const CsvDecoded d = decode_csv(with_bom);
    CHECK(d.text() == text);
    CHECK(d.text().data() == with_bom.data() + 3);
}

TEST_CASE("csv encoding: a byte Windows-1252 leaves undefined is refused with its line, nothing is read") {
    const CsvTable t = parse_csv("navn;enhet\r\nPer;A\r\nKari;B\x81\r\nOla;C\r\n");
    CHECK(t.encoding == CsvEncoding::refused);
    CHECK(t.header.empty());
    CHECK(t.rows.empty());
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].line == 3);
    CHECK(t.errors[0].column == "");
    CHECK(t.errors[0].code == ProblemCode::csv_byte_undefined);
    CHECK(t.errors[0].message_nb ==
          "Filen er verken UTF-8 eller Windows-1252: byte 0x81 (tegn 7 på linjen) finnes ikke i Windows-1252. "
          "Lagre filen som «CSV UTF-8» i Excel");
    CHECK(t.errors[0].message_en ==
          "The file is neither UTF-8 nor Windows-1252: byte 0x81 (character 7 of the line) does not exist in "
          "Windows-1252. Save the file as \"CSV UTF-8\" in Excel");
    for (const char* b : {"\x81", "\x8D", "\x8F", "\x90", "\x9D"}) {
        CAPTURE(static_cast<int>(static_cast<unsigned char>(b[0])));
        const CsvTable u = parse_csv("navn\n\xD8ye" + std::string(b) + "\n");
        REQUIRE(u.errors.size() == 1);
        CHECK(u.errors[0].code == ProblemCode::csv_byte_undefined);
        CHECK(u.errors[0].line == 2);
    }
    // The import reports the refusal alone (no "file is empty" after it) and offers nothing.
    const AbsenceImport im = import_absences_csv(base(), "ansatt;type;fra\nE1;sykmelding;05.01.2026 \x9D\n");
    CHECK(im.encoding == CsvEncoding::refused);
    CHECK_FALSE(im.ok());
    REQUIRE(im.errors.size() == 1);
    CHECK(im.errors[0].line == 2);
    CHECK(im.errors[0].code == ProblemCode::csv_byte_undefined);
}

TEST_CASE("csv encoding: line numbers count LF, CR and CRLF as the reader does, and the character counts from 1") {
    const CsvTable t = parse_csv("a\r\nb\rc\nd\x8F");
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].line == 4);
    CHECK(t.errors[0].message_en.find("byte 0x8F (character 2 of the line)") != std::string::npos);
    // A quoted line break is a physical line too: the bad byte is on line 3 of the editor.
    const CsvTable q = parse_csv("navn;merknad\n\xC5se;\"to\nlinjer \x90\"\n");
    REQUIRE(q.errors.size() == 1);
    CHECK(q.errors[0].line == 3);
}

TEST_CASE("csv encoding: control characters, NUL bytes and workbooks are refused with what to do") {
    const CsvTable ctl = parse_csv("navn\nPer\x01\n"); // valid UTF-8, but 0x01 is no text
    check_row_errors(ctl.errors, {{.line = 2,
                                   .message_nb = "Filen har et kontrolltegn (0x01, tegn 4 på linjen) som ikke hører hjemme i en "
                                                 "CSV-fil. Lagre filen som «CSV UTF-8» i Excel",
                                   .code = ProblemCode::csv_control_byte}});
    // UTF-16 LE without a BOM: ASCII text with a NUL after every letter.
    const CsvTable nul = parse_csv("i\0d\0;\0n\0a\0v\0n\0\n\0"sv);
    REQUIRE(nul.errors.size() == 1);
    CHECK(nul.errors[0].code == ProblemCode::csv_nul_byte);
    CHECK(nul.errors[0].line == 1);
    CHECK(nul.errors[0].message_nb.find("UTF-16 uten BOM") != std::string::npos);
    // Tab, CR and LF are text; DEL (0x7F) is not.
    CHECK(parse_csv("a\tb;c\r\nd\te;f\n").errors.empty());
    CHECK(parse_csv("a;b\nc;d\x7F\n").errors.at(0).code == ProblemCode::csv_control_byte);
    // An .xlsx file (a zip archive) and an old .xls file.
    const CsvTable xlsx = parse_csv("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"sv);
    check_row_errors(xlsx.errors, {{.line = 0,
                                    .message_nb = "Filen er en Excel-arbeidsbok (.xlsx eller .xls), ikke en CSV-fil. Åpne den "
                                                  "i Excel og lagre den som «CSV UTF-8»",
                                    .code = ProblemCode::csv_spreadsheet_file}});
    CHECK(parse_csv("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"sv).errors.at(0).code == ProblemCode::csv_spreadsheet_file);
}

TEST_CASE("csv encoding: a file mixing UTF-8 and Windows-1252 is refused, not half garbled") {
    // Line 2 "Ødegård" in UTF-8 (C3 98, C3 A5); line 3 "Kjøkken" in Windows-1252 (F8).
    const CsvTable t = parse_csv("navn\n\xC3\x98" "deg\xC3\xA5rd\nKj\xF8kken\n");
    CHECK(t.encoding == CsvEncoding::refused);
    check_row_errors(t.errors, {{.line = 3,
                                 .message_nb = "Filen blander tegnsett: linje 2 er UTF-8, men byte 0xF8 på denne linjen er "
                                               "ikke gyldig UTF-8. Lagre hele filen som «CSV UTF-8» i Excel",
                                 .code = ProblemCode::csv_mixed_encoding}});
    // After a UTF-8 BOM every byte must be UTF-8.
    const CsvTable bom = parse_csv("\xEF\xBB\xBFnavn\nKj\xF8kken\n");
    REQUIRE(bom.errors.size() == 1);
    CHECK(bom.errors[0].code == ProblemCode::csv_utf8_invalid);
    CHECK(bom.errors[0].line == 2);
    CHECK(bom.errors[0].message_en.find("byte 0xF8 (character 3 of the line)") != std::string::npos);
    // Overlong forms and encoded surrogates are not UTF-8 either: C0 AF, ED A0 80.
    CHECK(parse_csv("\xEF\xBB\xBF" "a\xC0\xAF\n").errors.at(0).code == ProblemCode::csv_utf8_invalid);
    CHECK(parse_csv("\xEF\xBB\xBF" "a\xED\xA0\x80\n").errors.at(0).code == ProblemCode::csv_utf8_invalid);
}

TEST_CASE("csv encoding: broken UTF-16 is refused with its line") {
    const CsvTable odd = parse_csv("\xFF\xFE" "a\0\n\0b"sv);
    REQUIRE(odd.errors.size() == 1);
    CHECK(odd.errors[0].code == ProblemCode::csv_utf16_odd);
    CHECK(odd.errors[0].line == 2);
    // A high surrogate D83D followed by "x" instead of its low half, on line 3.
    const CsvTable half = parse_csv("\xFF\xFE" "a\0\n\0\n\0\x3D\xD8x\0"sv);
    REQUIRE(half.errors.size() == 1);
    CHECK(half.errors[0].code == ProblemCode::csv_utf16_surrogate);
    CHECK(half.errors[0].line == 3);
    CHECK(half.errors[0].message_en.find("(U+D83D, character 1 of the line)") != std::string::npos);
    // A lone low surrogate in big-endian, and a control character decoded from UTF-16.
    CHECK(parse_csv("\xFE\xFF\xDC\x00"sv).errors.at(0).code == ProblemCode::csv_utf16_surrogate);
    const CsvTable ctl = parse_csv("\xFF\xFE" "a\0\x01\0"sv);
    REQUIRE(ctl.errors.size() == 1);
    CHECK(ctl.errors[0].code == ProblemCode::csv_control_byte);
    CHECK(ctl.errors[0].message_en.find("(U+0001, character 2 of the line)") != std::string::npos);
    // A BOM alone is an empty file.
    const CsvTable empty = parse_csv("\xFF\xFE");
    CHECK(empty.encoding == CsvEncoding::utf16le);
    CHECK(empty.errors.empty());
    CHECK(empty.header_line == 0);
}
