// The optional "sluttårsak" column of the employee import (csv_import.hpp; dropout.hpp).
#include "iadesk/csv_import.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;
using testing::ymd;

TEST_CASE("csv import of employees: the sluttårsak column in Norwegian words, empty = not given") {
    const std::string file =
        "id;navn;enhet;fra;til;Sluttårsak\n"
        "E1;Kari Nordmann;U1;01.01.2015;31.03.2025;Uføretrygd\n"
        "E2;Ola Hansen;U1;01.01.2016;30.06.2025;AAP\n"
        "E3;Per Berg;U1;01.01.2010;31.12.2024;AFP\n"
        "E4;Nina Lie;U1;01.01.2018;31.08.2025;annen jobb\n"
        "E5;Tor Moe;U1;01.01.2020;;\n";
    EmployeeImport im = import_employees_csv(testing::one_unit_organisation("Fjordvik"), file);
    for (const CsvRowError& e : im.errors) MESSAGE(e.line << " " << e.column << ": " << e.message_nb);
    REQUIRE(im.ok());
    REQUIRE(im.rows.size() == 5);
    CHECK(im.rows[0].employment.end_reason == EndReason::uforetrygd);
    CHECK(im.rows[1].employment.end_reason == EndReason::aap);
    CHECK(im.rows[2].employment.end_reason == EndReason::alderspensjon); // AFP counts as alderspensjon
    CHECK(im.rows[3].employment.end_reason == EndReason::annen_jobb);
    CHECK_FALSE(im.rows[4].employment.end_reason.has_value());
    CHECK(im.rows[0].employment.to == ymd(2025, 3, 31));
}

TEST_CASE("csv import of employees: an unknown sluttårsak or one without Til is a row error at its line and column") {
    const std::string file =
        "id;navn;enhet;fra;til;sluttårsak\n"
        "E1;Kari Nordmann;U1;01.01.2015;31.03.2025;sykdom\n"
        "E2;Ola Hansen;U1;01.01.2016;;aap\n";
    EmployeeImport im = import_employees_csv(testing::one_unit_organisation("Fjordvik"), file);
    CHECK_FALSE(im.ok());
    REQUIRE(im.errors.size() == 2);
    CHECK(im.errors[0].line == 2);
    CHECK(im.errors[0].column == "sluttårsak");
    CHECK(im.errors[0].code == ProblemCode::csv_end_reason);
    CHECK(im.errors[0].message_nb == "Ukjent sluttårsak «sykdom» (uforetrygd, aap, alderspensjon, annen_jobb, utdanning, annet)");
    CHECK(im.errors[1].line == 3);
    CHECK(im.errors[1].column == "sluttårsak");
    CHECK(im.errors[1].code == ProblemCode::end_reason_open);
    CHECK(im.errors[1].message_en == "An end reason can only be given when the employment period has an end date (to)");
}
