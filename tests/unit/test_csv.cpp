// CSV reading, import with preview and per-row errors, export for Excel (include/iadesk/csv.hpp,
// csv_import.hpp; docs/import-export.md). The encodings: test_csv_encoding.cpp.
#include "iadesk/csv.hpp"
#include "iadesk/csv_import.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"

#include "../support/expected_problems.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk;

namespace {

Dataset base() {
    Dataset ds = testing::fjordvik_two_units();
    ds.employees = {testing::employed_since("E1", "Kari Nordmann", "U1", d(2020, 1, 1), 100, 1980),
                    testing::employed_since("E2", "Ola Hansen", "U2", d(2021, 1, 1), 60)};
    ds.absences = {{"E1", AbsenceKind::sykmelding, d(2026, 3, 2), d(2026, 3, 20), 100}};
    return ds;
}

const std::string kBom = "\xEF\xBB\xBF";

} // namespace

TEST_CASE("csv: BOM, semicolon from the header, CRLF, quoted fields with semicolon, quotes and line breaks") {
    CsvTable t = parse_csv(kBom + "id;navn;merknad\r\nE1;\"Nordmann; Kari\";\"sa \"\"hei\"\"\r\nog gikk\"\r\nE2;Ola;\r\n");
    CHECK(t.delimiter == ';');
    REQUIRE(t.header.size() == 3);
    CHECK(t.header[0] == "id"); // the BOM is not part of the first name
    CHECK(t.header_line == 1);
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][1] == "Nordmann; Kari");
    CHECK(t.rows[0][2] == "sa \"hei\"\nog gikk");
    CHECK(t.lines[0] == 2);
    CHECK(t.lines[1] == 4); // the quoted line break took line 3
    CHECK(t.rows[1][2] == "");
}

TEST_CASE("csv: comma is detected from the header, a tie or a single column gives semicolon") {
    CsvTable t = parse_csv("id,navn,enhet\nE1,\"Nordmann, Kari\",U1\n");
    CHECK(t.delimiter == ',');
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][1] == "Nordmann, Kari");
    CHECK(parse_csv("a;b,c\n").delimiter == ';');
    CHECK(parse_csv("id\nE1\n").delimiter == ';');
    // Commas inside a quoted header name do not count.
    CHECK(parse_csv("\"a,b,c\";d\n").delimiter == ';');
}

TEST_CASE("csv: empty lines and all-blank rows are skipped, line numbers stay physical, LF, CRLF and CR") {
    CsvTable t = parse_csv("\n\nid;navn\n\nE1;Kari\n;;\n \r\nE2;Ola\rE3;Per");
    CHECK(t.header_line == 3);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.lines[0] == 5);
    CHECK(t.lines[1] == 8);
    CHECK(t.rows[1][0] == "E2");
    CHECK(t.lines[2] == 9);
    CHECK(t.rows[2][1] == "Per"); // no line end at the end of the file
    CHECK(parse_csv("").header.empty());
    CHECK(parse_csv(kBom).header_line == 0);
}

TEST_CASE("csv: stray quotes make row errors, never a crash, and reading goes on") {
    CsvTable t = parse_csv("id;navn\nE1;Ka\"ri\nE2;\"Ola\"x\nE3;Per\nE4;\"Åse\nE5;Liv\n");
    testing::check_row_errors(t.errors, {
        {.line = 2,
         .message_nb = "Anførselstegn midt i et felt (felt 2); sett hele feltet i anførselstegn og doble anførselstegn inni",
         .code = ProblemCode::csv_quote_inside,
         .message_en = "A quote inside a field (field 2); quote the whole field and double the quotes inside"},
        {.line = 3, .message_nb = "Tekst etter avsluttende anførselstegn (felt 2)", .code = ProblemCode::csv_text_after_quote},
        {.line = 5, .message_nb = "Anførselstegnet i denne raden blir aldri avsluttet", .code = ProblemCode::csv_quote_unclosed},
    });
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0] == "E3");
    CHECK(t.rows[1][0] == "E5"); // resumed after the unclosed quote's line
    CHECK(t.lines[1] == 6);
    // A lone quote, garbage bytes: no crash.
    CHECK(parse_csv("\"").errors.size() == 1);
    CHECK(parse_csv(std::string("a;b\n\0\xFF\"\"\"", 10)).rows.size() <= 1);
}

TEST_CASE_FIXTURE(DocumentOn<base>, "csv import of employees: Norwegian headers, both date forms, decimal comma, units, several periods") {
    const std::string file = kBom +
        "Ansattnr;Navn;Enhet;Stillingsprosent;Fra;Til;Fødselsår;Kommentar\r\n"
        "E3;Per Berg;U1;37,5;01.08.2025;;1990;ny\r\n"
        "E4;Nina Lie;teknisk drift;80 %;2024-01-01;2024-12-31;;\r\n"
        "E4;Nina Lie;teknisk drift;100;2025-01-01;;;\r\n"
        "E5;Åse Eide;Hjemmetjenesten;100;5.1.2026;;;\r\n"
        "E6;Tor Lie;hjemmetjenesten;50;05.01.2026;;;\r\n";
    EmployeeImport im = import_employees_csv(doc.data, file);
    CHECK(im.errors.empty());
    CHECK(im.delimiter == ';');
    REQUIRE(im.ignored_columns.size() == 1);
    CHECK(im.ignored_columns[0] == "Kommentar");
    REQUIRE(im.rows.size() == 5);
    CHECK(im.rows[0].line == 2);
    CHECK(im.rows[0].employment.percent == 37.5);
    CHECK(im.rows[0].birth_year == 1990);
    CHECK(im.rows[1].unit == "U2"); // matched by name, case-insensitive
    REQUIRE(im.new_units.size() == 1);
    CHECK(im.new_units[0].id == "U3");
    CHECK(im.new_units[0].name == "Hjemmetjenesten");
    CHECK(im.rows[3].unit == "U3");
    CHECK(im.rows[4].unit == "U3"); // same new unit, other case
    REQUIRE(im.ok());
    CHECK(im.command->description == "Importerte 4 ansatte fra CSV og 1 ny enhet");
    doc.apply(*im.command);
    CHECK(validate_dataset(doc.data).empty());
    REQUIRE(doc.data.employees.size() == 6);
    const Employee& nina = doc.data.employees[3];
    CHECK(nina.id == "E4");
    REQUIRE(nina.employment.size() == 2);
    CHECK(nina.employment[0].to == d(2024, 12, 31));
    CHECK(nina.employment[1].percent == 100);
    CHECK(doc.data.employees[4].employment[0].from == d(2026, 1, 5));
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
}

TEST_CASE("csv import of employees: one bad row, every error listed, nothing imported") {
    const std::string file =
        "id;navn;enhet;stillingsprosent;fra;til\n"
        "E3;Per Berg;U1;100;01.08.2025;\n"
        "E4;Nina Lie;U2;150;2026-02-30;\n"
        "E1;Kari Igjen;U1;100;01.01.2026;\n"
        "E5;;U1;abc;01.01.2026;31.12.2025\n"
        "E6;Tor;U1;100;01.01.2020;31.12.2022\n"
        "E6;Tor;U1;50;01.06.2022;\n";
    EmployeeImport im = import_employees_csv(base(), file);
    CHECK_FALSE(im.ok());
    CHECK_FALSE(im.command.has_value());
    testing::check_row_errors(im.errors, {
        {.line = 3, .column = "fra",
         .message_nb = "Ugyldig dato «2026-02-30» (bruk dd.mm.åååå eller åååå-mm-dd, og en dato som finnes)",
         .code = ProblemCode::csv_invalid_date,
         .message_en = "Invalid date \"2026-02-30\" (use dd.mm.yyyy or yyyy-mm-dd, and a date that exists)"},
        // the loader's own rule and text
        {.line = 3, .column = "stillingsprosent", .message_nb = "Stillingsprosenten må være over 0 og høyst 100 (var 150)",
         .code = ProblemCode::percent_range},
        {.line = 4, .column = "id", .message_nb = "Ansatt-ID-en «E1» finnes allerede i registeret (import legger bare til nye)",
         .code = ProblemCode::csv_employee_exists},
        {.line = 5, .column = "navn", .message_nb = "Navnet må fylles ut", .code = ProblemCode::required},
        {.column = "stillingsprosent", .message_nb = "Ugyldig stillingsprosent «abc» (et tall, f.eks. 80 eller 37,5)",
         .code = ProblemCode::csv_invalid_percent},
        {.column = "til", .message_nb = "Sluttdato 31.12.2025 er før startdato 01.01.2026"},
        {.line = 7, .column = "fra", .message_nb = "Arbeidsforholdet 01.06.2022–(åpen) overlapper med 01.01.2020–31.12.2022",
         .code = ProblemCode::employment_overlap},
    });
    // The preview still shows the good rows.
    REQUIRE(im.rows.size() == 3);
    CHECK(im.rows[0].id == "E3");
}

TEST_CASE("csv import of employees: header problems and mixed delimiters") {
    EmployeeImport missing = import_employees_csv(base(), "id;navn;enhet\nE3;Per;U1\n");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].line == 1);
    CHECK(missing.errors[0].column == "fra");
    CHECK(missing.errors[0].message_nb ==
          "Kolonnen «fra» mangler i overskriftsraden (godtatte navn: fra, fradato, startdato, start, ansattfra, from, fromdate, startdate)");
    CHECK(missing.errors[0].code == ProblemCode::csv_column_missing);
    CHECK(missing.rows.empty());

    EmployeeImport twice = import_employees_csv(base(), "id;navn;enhet;fra;Startdato\nE3;Per;U1;01.01.2026;01.01.2026\n");
    REQUIRE(twice.errors.size() == 1);
    CHECK(twice.errors[0].message_nb == "Kolonnen «Startdato» betyr det samme som «fra»; fjern en av dem");
    CHECK(twice.errors[0].code == ProblemCode::csv_column_twice);

    EmployeeImport mixed = import_employees_csv(base(), "id;navn;enhet;fra\nE3;Per;U1;01.01.2026\nE4,Nina,U2,01.01.2026\n");
    REQUIRE(mixed.errors.size() == 1);
    CHECK(mixed.errors[0].line == 3);
    CHECK(mixed.errors[0].column == "");
    CHECK(mixed.errors[0].message_nb == "Raden har 1 felt, men overskriften har 4 (skilletegn «;»: sjekk om skilletegnene er blandet)");
    CHECK(mixed.errors[0].code == ProblemCode::csv_field_count);
    CHECK_FALSE(mixed.ok());

    // Trailing empty fields (Excel's ";;") are fine.
    CHECK(import_employees_csv(base(), "id;navn;enhet;fra\nE3;Per;U1;01.01.2026;;\n").ok());
    CHECK(import_employees_csv(base(), "").errors[0].message_nb == "Filen er tom");
    CHECK(import_employees_csv(base(), "").errors[0].code == ProblemCode::csv_file_empty);
    CHECK(import_employees_csv(base(), "id;navn;enhet;fra\n").errors[0].message_nb == "Filen har ingen rader med ansatte");
    CHECK(import_employees_csv(base(), "id;navn;enhet;fra\n").errors[0].code == ProblemCode::csv_no_employee_rows);
    CHECK(import_absences_csv(base(), "ansatt;type;fra\n").errors[0].code == ProblemCode::csv_no_absence_rows);
}

TEST_CASE("csv import: an empty cell names its field, the birth year's range is the loader's rule, every error has a code") {
    EmployeeImport im = import_employees_csv(base(),
        "id;navn;enhet;fra;fødselsår\n"
        ";Per;U1;01.01.2026;\n"
        "E4;Nina;;;1850\n"
        "E5;Tor;U1;01.01.2026;19x0\n"
        "E6;Liv;U1;01.01.2026;\n"
        "E6;Liv Berg;U1;01.01.2027;\n");
    testing::check_row_errors(im.errors, {
        {.line = 2, .column = "id", .message_nb = "ID-en må fylles ut"},
        {.column = "enhet", .message_nb = "Enheten må fylles ut"},
        {.column = "fra", .message_nb = "Startdatoen må fylles ut", .message_en = "The start date must be filled in"},
        {.column = "fødselsår", .message_nb = "Fødselsåret må ligge i 1900–2200 (var 1850)", .code = ProblemCode::birth_year_range},
        {.line = 4, .message_nb = "Ugyldig fødselsår «19x0» (fire sifre, 1900–2200)", .code = ProblemCode::csv_invalid_birth_year},
        {.line = 6, .column = "navn", .message_nb = "Samme ID som linje 5, men annet navn eller annen enhet",
         .code = ProblemCode::csv_id_conflict},
    });

    AbsenceImport ab = import_absences_csv(base(), "ansatt;type;fra\n;x;\nE1;;05.01.2026\n");
    testing::check_row_errors(ab.errors, {
        {.message_nb = "Ansatt-ID-en må fylles ut"},
        {.message_nb = "Ukjent type «x» (egenmelding eller sykmelding)"},
        {.message_nb = "Startdatoen må fylles ut"},
        {.line = 3, .column = "type", .message_nb = "Typen (egenmelding eller sykmelding) må fylles ut"},
    });
    for (const auto* errors : {&im.errors, &ab.errors})
        for (const CsvRowError& e : *errors) {
            CAPTURE(e.message_en);
            CHECK(e.code != ProblemCode::count_);
            CHECK(problem_id(e.code) != "unknown");
        }
}

TEST_CASE("csv import: a value quoted in a message is cut to 40 characters, whatever the cell holds") {
    const std::string huge(100000, '9');
    AbsenceImport im = import_absences_csv(base(), "ansatt;type;fra\nE1;sykmelding;" + huge + "\n");
    REQUIRE(im.errors.size() == 1);
    CHECK(im.errors[0].code == ProblemCode::csv_invalid_date);
    CHECK(im.errors[0].message_nb.size() < 200);
}

TEST_CASE("csv import of employees: English headers with ',' and a stray quote row") {
    EmployeeImport ok = import_employees_csv(base(), "Employee ID,Name,Unit,Percent,From,To\nE3,\"Berg, Per\",U1,50.5,2026-01-01,\n");
    REQUIRE(ok.ok());
    CHECK(ok.rows[0].name == "Berg, Per");
    CHECK(ok.rows[0].employment.percent == 50.5);
    EmployeeImport bad = import_employees_csv(base(), "id;navn;enhet;fra\nE3;Per \"Pelle\" Berg;U1;01.01.2026\nE4;Nina;U1;01.01.2026\n");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].line == 2);
    CHECK_FALSE(bad.ok());
    CHECK(bad.rows.size() == 1);
}

TEST_CASE_FIXTURE(DocumentOn<base>, "csv import of absence: kinds, grades, open end, undo removes the rows") {
    AbsenceImport im = import_absences_csv(doc.data,
        "ansatt;type;fra;til;grad\n"
        "E1;egenmelding;05.01.2026;07.01.2026;\n"
        "E2;Sykmelding;2026-02-02;;50 %\n"
        "E1;legemeldt;23.03.2026;10.04.2026;100\n");
    CHECK(im.errors.empty());
    REQUIRE(im.ok());
    REQUIRE(im.rows.size() == 3);
    CHECK(im.rows[0].absence.kind == AbsenceKind::egenmelding);
    CHECK(im.rows[0].absence.grade == 100);
    CHECK(im.rows[1].employee_name == "Ola Hansen");
    CHECK(im.rows[1].absence.grade == 50);
    CHECK_FALSE(im.rows[1].absence.to.has_value());
    CHECK(im.rows[2].absence.kind == AbsenceKind::sykmelding);
    CHECK(im.command->description == "Importerte 3 fraværsperioder fra CSV");
    doc.apply(*im.command);
    CHECK(doc.data.absences.size() == 4);
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
}

TEST_CASE("csv import of absence: an absence before the employment began is refused at its line") {
    // E2 is employed from 01.01.2021: a sick leave from 15.12.2020 is refused; from 01.01.2021 it is not.
    AbsenceImport im = import_absences_csv(base(),
        "ansatt;type;fra;til;grad\n"
        "E2;sykmelding;15.12.2020;10.01.2021;100\n"
        "E2;sykmelding;01.01.2021;10.01.2021;100\n");
    CHECK_FALSE(im.ok());
    REQUIRE(im.errors.size() == 1);
    CHECK(im.errors[0].line == 2);
    CHECK(im.errors[0].column == "fra");
    CHECK(im.errors[0].code == ProblemCode::absence_outside_employment);
    CHECK(im.errors[0].message_nb == "Fraværet begynner 15.12.2020, utenfor arbeidsforholdet (01.01.2021–(åpen))");
}

TEST_CASE("csv import of absence: every row error with line and column, nothing imported") {
    AbsenceImport im = import_absences_csv(base(),
        "ansatt,type,fra,til,grad\n"
        "E9,sykmelding,05.01.2026,,100\n"
        "E1,egenmelding,05.01.2026,06.01.2026,50\n"
        "E1,sykmelding,15.03.2026,31.03.2026,100\n"
        "E2,sykmelding,01.02.2026,28.02.2026,60\n"
        "E2,egenmelding,27.02.2026,27.02.2026,\n"
        "E2,ferie,01.06.2026,,\n"
        "E2,sykmelding,01.07.2026,,femti\n"
        "E2,sykmelding,30.02.2026,,\n");
    CHECK_FALSE(im.ok());
    testing::check_row_errors(im.errors, {
        // the loader's rule and text
        {.line = 2, .column = "ansatt", .message_nb = "Ukjent ansatt «E9»", .code = ProblemCode::unknown_employee},
        {.line = 3, .column = "grad", .message_nb = "Egenmelding har alltid grad 100 (var 50)", .code = ProblemCode::grade_egenmelding},
        {.line = 4, .column = "fra", .message_nb = "Overlapper med et fravær som alt er registrert (02.03.2026–20.03.2026)",
         .code = ProblemCode::csv_overlap_registered},
        {.line = 6, .message_nb = "Overlapper med fraværet på linje 5 (01.02.2026–28.02.2026)", .code = ProblemCode::csv_overlap_row,
         .message_en = "Overlaps the absence on line 5 (2026-02-01 to 2026-02-28)"},
        {.line = 7, .column = "type", .message_nb = "Ukjent type «ferie» (egenmelding eller sykmelding)", .code = ProblemCode::csv_absence_kind},
        {.line = 8, .message_nb = "Ugyldig grad «femti» (et helt tall 20–100)", .code = ProblemCode::csv_invalid_grade},
        {.line = 9, .column = "fra", .message_nb = "Ugyldig dato «30.02.2026» (bruk dd.mm.åååå eller åååå-mm-dd, og en dato som finnes)",
         .code = ProblemCode::csv_invalid_date},
    });
    CHECK(im.rows.size() == 1); // the preview: line 5 alone was fine
}

TEST_CASE("csv export of statistics: BOM, semicolon, CRLF, decimal comma, masked groups 'skjermet'") {
    Dataset ds = base();
    StatsResult s;
    s.from = d(2026, 1, 1);
    s.to = d(2026, 3, 31);
    StatsGroup org{std::nullopt, 12, false, DagsverkSums{700.0, 45.25, 5.0, 40.25}, 6.5};
    StatsGroup u1{std::string("U1"), 8, false, DagsverkSums{480.0, 30.05, 5.0, 25.05}, 6.3};
    StatsGroup u2{std::string("U2"), 4, false, DagsverkSums{220.0, 15.2, 0.0, 15.2}, 6.9};
    s.groups = {org, u1, u2};
    const std::string hr = export_stats_csv(s, ds, Role::hr());
    CHECK(hr == kBom +
                    "Enhet;Fra;Til;Ansatte;Mulige dagsverk;Tapte dagsverk;Tapte dagsverk egenmeldt;Tapte dagsverk legemeldt;Sykefravær (%)\r\n"
                    "Hele organisasjonen;01.01.2026;31.03.2026;12;700,0;45,3;5,0;40,3;6,5\r\n"
                    "Barnehage Solsikken;01.01.2026;31.03.2026;8;skjermet;skjermet;skjermet;skjermet;skjermet\r\n" // else 12 - 8 = the 4
                    "Teknisk drift;01.01.2026;31.03.2026;4;skjermet;skjermet;skjermet;skjermet;skjermet\r\n");
    const std::string en = export_stats_csv(s, ds, Role::tillitsvalgt(), CsvLang::en);
    CHECK(en == kBom +
                    "Unit,From,To,Employees,Possible workdays,Lost workdays,Lost workdays self-certified,Lost workdays doctor-certified,Sick leave (%)\r\n"
                    "Whole organisation,2026-01-01,2026-03-31,12,700.0,45.3,5.0,40.3,6.5\r\n"
                    "Barnehage Solsikken,2026-01-01,2026-03-31,8,masked,masked,masked,masked,masked\r\n"
                    "Teknisk drift,2026-01-01,2026-03-31,4,masked,masked,masked,masked,masked\r\n");
    // A manager of U1 exports only U1; an employee exports only the header.
    const std::string m = export_stats_csv(s, ds, Role::manager("U1"));
    CHECK(m.find("Hele organisasjonen") == std::string::npos);
    CHECK(m.find("Teknisk drift") == std::string::npos);
    CHECK(m.find("Barnehage Solsikken") != std::string::npos);
    const std::string e = export_stats_csv(s, ds, Role::employee_of("E1"));
    CHECK(e.find("\r\n") == e.size() - 2);
}

TEST_CASE("csv export of employees: re-importable with the sluttårsak, role-filtered, formulas defused") {
    Dataset ds = base();
    ds.employees[1].employment = {{d(2021, 1, 1), d(2022, 6, 30), 37.5, EndReason::annen_jobb}, {d(2022, 7, 1), std::nullopt, 100}};
    ds.employees.push_back({"E3", "=HYPERLINK(\"x\")", "U1", {{d(2022, 1, 1), std::nullopt, 100}}, {}});
    const std::string out = export_employees_csv(ds, Role::hr());
    CHECK(out == kBom +
                     "id;navn;enhet;enhetsnavn;stillingsprosent;fra;til;fødselsår;sluttårsak\r\n"
                     "E1;Kari Nordmann;U1;Barnehage Solsikken;100;01.01.2020;;1980;\r\n"
                     "E2;Ola Hansen;U2;Teknisk drift;37,5;01.01.2021;30.06.2022;;annen_jobb\r\n"
                     "E2;Ola Hansen;U2;Teknisk drift;100;01.07.2022;;;\r\n"
                     "E3;\"'=HYPERLINK(\"\"x\"\")\";U1;Barnehage Solsikken;100;01.01.2022;;;\r\n");
    Dataset empty = ds;
    empty.employees.clear();
    empty.absences.clear();
    EmployeeImport back = import_employees_csv(empty, out);
    REQUIRE(back.ok());
    CHECK(back.new_units.empty());
    back.command->apply(empty);
    CHECK(save_dataset(empty) == save_dataset([&] { Dataset x = ds; x.absences.clear(); return x; }()));

    const std::string mgr = export_employees_csv(ds, Role::manager("U2"));
    CHECK(mgr.find("Kari") == std::string::npos);
    CHECK(mgr.find("Ola Hansen") != std::string::npos);
    CHECK(export_employees_csv(ds, Role::tillitsvalgt()).find("Kari") == std::string::npos);
}

// Scale, not speed (bench/ is the place for timings).
TEST_CASE("csv import: 50 000 employees and 50 000 absence rows") {
    Dataset ds;
    ds.organisation = {"Stor kommune", "974760673", true, false};
    ds.units = {{"U1", "Alle"}};
    std::string emp = "id;navn;enhet;stillingsprosent;fra\n";
    std::string abs = "ansatt;type;fra;til;grad\n";
    for (int i = 0; i < 50000; ++i) {
        emp += "E" + std::to_string(i) + ";Ansatt nummer " + std::to_string(i) + ";U1;80;01.01.2020\n";
        abs += "E" + std::to_string(i) + ";sykmelding;05.01.2026;" + (i % 3 ? "20.01.2026" : "") + ";50\n";
    }
    EmployeeImport im = import_employees_csv(ds, emp);
    REQUIRE(im.ok());
    im.command->apply(ds);
    AbsenceImport ia = import_absences_csv(ds, abs);
    REQUIRE(ia.ok());
    ia.command->apply(ds);
    CHECK(ds.absences.size() == 50000);
    CHECK(validate_dataset(ds).empty());
}
