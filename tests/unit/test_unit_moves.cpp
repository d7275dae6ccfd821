// Units in use over time: moves with history, closing, merging (commands.hpp, "Units"), the file
// format of the history, and statistics that count each day in the unit of that day (stats.hpp).
#include "iadesk/commands.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"
#include "iadesk/stats.hpp"

#include "../support/fixtures.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>

using namespace iadesk;
using testing::ymd;

namespace {

// Fjordvik kommune, U1 "Barnehage Solsikken" and U2 "Teknisk drift"; Kari (E1) and Per (E3) in U1,
// Ola (E2) in U2, all full-time since 01.01.2025.
Dataset staffed() {
    Dataset ds = testing::fjordvik_two_units();
    ds.employees = {testing::employed_since("E1", "Kari Nordmann", "U1", ymd(2025, 1, 1)),
                    testing::employed_since("E2", "Ola Hansen", "U2", ymd(2025, 1, 1)),
                    testing::employed_since("E3", "Per Berg", "U1", ymd(2025, 1, 1))};
    return ds;
}

Problem only_problem(const CommandResult& r) {
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    return r.problems[0];
}

} // namespace

TEST_CASE_FIXTURE(DocumentOn<staffed>, "units: a move keeps the history, is checked, and undo restores it") {
    auto r = move_employee(doc.data, "E1", "U2", ymd(2026, 2, 1));
    REQUIRE(r.ok());
    CHECK(r.command->description == "Flyttet Kari Nordmann til Teknisk drift fra 01.02.2026");
    apply(std::move(r));
    const Employee& kari = doc.data.employees[0];
    CHECK(kari.unit == "U2");
    REQUIRE(kari.earlier_units.size() == 1);
    CHECK(kari.earlier_units[0] == EarlierUnit{"U1", ymd(2026, 1, 31)});
    CHECK(unit_on(kari, ymd(2026, 1, 31)) == "U1");
    CHECK(unit_on(kari, ymd(2026, 2, 1)) == "U2");

    // The same unit, and a date that leaves the current unit without a day, are refused.
    const Problem same = only_problem(move_employee(doc.data, "E1", "U2", ymd(2026, 3, 1)));
    CHECK(same.field == "unit");
    CHECK(same.message_nb == "Den ansatte er allerede i Teknisk drift");
    const Problem early = only_problem(move_employee(doc.data, "E1", "U1", ymd(2026, 2, 1)));
    CHECK(early.field == "date");
    CHECK(early.message_nb == "Flyttedatoen 01.02.2026 må være etter 01.02.2026, siste dag i forrige enhet");
    apply(move_employee(doc.data, "E1", "U1", ymd(2026, 2, 2))); // one day in Teknisk drift
    CHECK(doc.data.employees[0].earlier_units.size() == 2);

    doc.undo();
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
    // The saved file holds the history and loads back to the same register.
    doc.redo();
    const std::string saved = save_dataset(doc.data);
    CHECK(saved.find(R"("earlier_units": [{"unit": "U1", "until": "2026-01-31"}])") != std::string::npos);
    DatasetLoad back = load_dataset(saved);
    REQUIRE(back.ok());
    CHECK(back.dataset->employees[0].earlier_units == doc.data.employees[0].earlier_units);
}

TEST_CASE_FIXTURE(DocumentOn<staffed>, "units: a unit with people cannot be closed, and a closed unit takes nobody") {
    const Problem busy = only_problem(close_unit(doc.data, "U2", ymd(2026, 3, 1)));
    CHECK(busy.message_nb == "Enheten Teknisk drift har ansatte (1); flytt dem til en annen enhet først");
    apply(move_employee(doc.data, "E2", "U1", ymd(2026, 3, 1)));
    auto close = close_unit(doc.data, "U2", ymd(2026, 3, 1));
    REQUIRE(close.ok());
    CHECK(close.command->description == "La ned enhet Teknisk drift fra 01.03.2026");
    apply(std::move(close));
    CHECK(doc.data.units[1].closed == ymd(2026, 3, 1));

    const Problem closed = only_problem(move_employee(doc.data, "E1", "U2", ymd(2026, 4, 1)));
    CHECK(closed.field == "unit");
    CHECK(closed.message_nb == "Enheten Teknisk drift ble lagt ned 01.03.2026; velg en enhet som er i bruk");
    Employee nina = testing::employed_since("E9", "Nina Dahl", "U2", ymd(2026, 4, 1));
    CHECK(only_problem(add_employee(doc.data, nina)).field == "unit");

    // Ola's history names U2: it can be closed, not removed.
    const Problem history = only_problem(remove_unit(doc.data, "U2"));
    CHECK(history.message_nb == "Enheten Teknisk drift står i historikken til ansatte (1); legg den ned i stedet for å slette den");

    apply(reopen_unit(doc.data, "U2"));
    CHECK_FALSE(doc.data.units[1].closed);
    CHECK(add_employee(doc.data, nina).ok());
    const std::string saved = save_dataset(doc.data);
    doc.undo();
    CHECK(save_dataset(doc.data).find(R"("closed": "2026-03-01")") != std::string::npos);
    CHECK(saved.find("\"closed\"") == std::string::npos);
}

TEST_CASE_FIXTURE(DocumentOn<staffed>, "units: merging moves everyone on the date and closes the unit, one undo step") {
    auto r = merge_units(doc.data, "U1", "U2", ymd(2026, 5, 1));
    REQUIRE(r.ok());
    CHECK(r.command->description == "Slo sammen Barnehage Solsikken med Teknisk drift fra 01.05.2026 (2 ansatte flyttet)");
    apply(std::move(r));
    for (const Employee& e : doc.data.employees) CHECK(e.unit == "U2");
    CHECK(doc.data.employees[0].earlier_units == std::vector<EarlierUnit>{{"U1", ymd(2026, 4, 30)}});
    CHECK(doc.data.employees[1].earlier_units.empty()); // Ola was in U2 already
    CHECK(doc.data.units[0].closed == ymd(2026, 5, 1));
    CHECK(only_problem(merge_units(doc.data, "U2", "U2", ymd(2026, 6, 1))).field == "unit");
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
}

TEST_CASE("units: the loader checks the history's order and its units") {
    Dataset ds = staffed();
    ds.employees[0].unit = "U2";
    ds.employees[0].earlier_units = {{"U1", ymd(2026, 3, 1)}, {"U2", ymd(2026, 2, 1)}};
    const std::vector<DatasetProblem> order = validate_dataset(ds);
    REQUIRE(order.size() == 1);
    CHECK(order[0].pointer == "/employees/0/earlier_units/1/until");
    CHECK(order[0].message_nb == "Enhetshistorikken må være i tidsrekkefølge (01.02.2026 kommer etter 01.03.2026)");

    ds.employees[0].earlier_units = {{"U7", ymd(2026, 3, 1)}};
    const std::vector<DatasetProblem> unknown = validate_dataset(ds);
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].pointer == "/employees/0/earlier_units/0/unit");
    CHECK(unknown[0].message_nb == "Ukjent enhet «U7» (velg en enhet som finnes)");
}

// Worked by hand. Q1 2026 has 63 working days: January 21 (the 1st is Nyttårsdag), February 20,
// March 22 (Easter is in April). Kari, full-time, is in U1 until 31.01 and in U2 from 01.02, and is
// sick-listed 100 % 26.01-06.02: 5 working days in January (26-30), 5 in February (2-6).
//   U1: 5 of 21 dagsverk = 23,8 %; U2: 5 of 42 = 11,9 %; the organisation: 10 of 63 = 15,9 %.
TEST_CASE("units: the statistics count each day in the unit of that day") {
    Dataset ds = testing::fjordvik_two_units();
    Employee kari = testing::employed_since("E1", "Kari Nordmann", "U2", ymd(2025, 1, 1));
    kari.earlier_units = {{"U1", ymd(2026, 1, 31)}};
    ds.employees = {kari};
    ds.absences = {testing::sykmelding("E1", ymd(2026, 1, 26), ymd(2026, 2, 6), 100)};
    REQUIRE(validate_dataset(ds).empty());

    const StatsTable t = compute_stats_table(ds, ymd(2026, 1, 1), ymd(2026, 3, 31), 0);
    REQUIRE(t.unit_sums.size() == 2);
    CHECK(t.unit_sums[0].mulige == doctest::Approx(21));
    CHECK(t.unit_sums[0].tapte == doctest::Approx(5));
    CHECK(t.unit_sums[1].mulige == doctest::Approx(42));
    CHECK(t.unit_sums[1].tapte == doctest::Approx(5));
    CHECK(t.units[0].percent == doctest::Approx(23.8));
    CHECK(t.units[1].percent == doctest::Approx(11.9));
    CHECK(t.organisation.percent == doctest::Approx(15.9));
    CHECK(t.units[0].employees == 1);
    CHECK(t.units[1].employees == 1);
    CHECK(t.organisation.employees == 1); // one person, counted once

    // A quarter after the move: all in U2.
    const StatsTable q2 = compute_stats_table(ds, ymd(2026, 4, 1), ymd(2026, 6, 30), 0);
    CHECK(q2.units[0].employees == 0);
    CHECK(q2.units[1].employees == 1);
}
