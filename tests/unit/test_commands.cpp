// Checked commands on people, units and absence (include/iadesk/commands.hpp).
#include "iadesk/commands.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"

#include "../support/expected_problems.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace iadesk;

namespace {

// Three people in two units; E2 changed position (60 % until 31.12.2022, then 80 %).
Dataset sample() {
    Dataset ds = testing::fjordvik_two_units();
    ds.employees = {
        testing::employed_since("E1", "Kari Nordmann", "U1", d(2020, 1, 1), 100, 1980),
        {"E2", "Ola Hansen", "U2", {{d(2019, 3, 1), d(2022, 12, 31), 60}, {d(2023, 1, 1), std::nullopt, 80}}, {}},
        testing::employed_since("E3", "Per Berg", "U1", d(2021, 6, 1)),
    };
    ds.absences = {testing::egenmelding("E1", d(2026, 1, 5), d(2026, 1, 7)),
                   testing::sykmelding("E2", d(2026, 2, 2), std::nullopt, 50),
                   testing::sykmelding("E1", d(2026, 3, 2), d(2026, 4, 30))};
    ds.milestone_events = {testing::follow_up_plan_done("E1", d(2026, 3, 2), d(2026, 3, 20)),
                           testing::follow_up_plan_done("E2", d(2026, 2, 2), d(2026, 2, 25))};
    return ds;
}

Employee employee(std::string id, std::string name, std::string unit) {
    return testing::employed_since(std::move(id), std::move(name), std::move(unit), d(2024, 1, 1));
}

// The one problem of a failed result (checks field and both messages at once).
Problem only_problem(const CommandResult& r) {
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    return r.problems[0];
}

} // namespace

TEST_CASE("commands: the sample dataset is valid") { CHECK(validate_dataset(sample()).empty()); }

TEST_CASE("commands: add_employee checks every field and names it") {
    Dataset ds = sample();
    SUBCASE("valid: described in bokmål, applied, undone") {
        Document doc;
        doc.reset(ds);
        auto r = add_employee(doc.data, employee("E4", "Kari Nordmann", "U2"));
        REQUIRE(r.ok());
        CHECK(r.problems.empty());
        CHECK(r.command->description == "La til ansatt Kari Nordmann");
        doc.apply(*r.command);
        CHECK(doc.data.employees.size() == 4);
        CHECK(doc.data.employees.back().id == "E4");
        CHECK(validate_dataset(doc.data).empty());
        CHECK(doc.undo() == "La til ansatt Kari Nordmann");
        CHECK(data_bytes(doc.data) == save_dataset(ds));
    }
    SUBCASE("duplicate id") {
        const Problem p = only_problem(add_employee(ds, employee("E2", "Nina Lie", "U1")));
        CHECK(p.field == "id");
        CHECK(p.message_nb == "ID-en «E2» er allerede brukt av Ola Hansen");
        CHECK(p.message_en == "The id \"E2\" is already used by Ola Hansen");
    }
    SUBCASE("empty id and name, unknown unit: all three at once") {
        auto r = add_employee(ds, employee(" ", "", "U9"));
        testing::check_problems(r.problems, {
            {.field = "id", .message_nb = "ID-en må fylles ut"},
            {.field = "name", .message_nb = "Navnet må fylles ut"},
            {.field = "unit", .message_nb = "Ukjent enhet «U9» (velg en enhet som finnes)",
             .message_en = "Unknown unit \"U9\" (choose an existing unit)"},
        });
        CHECK_FALSE(r.command.has_value());
    }
    SUBCASE("no employment period") {
        Employee e = employee("E4", "Nina Lie", "U1");
        e.employment.clear();
        const Problem p = only_problem(add_employee(ds, e));
        CHECK(p.field == "employment");
        CHECK(p.message_nb == "Den ansatte må ha minst ett arbeidsforhold");
    }
    SUBCASE("percent 0 and 150, end before start") {
        Employee e = employee("E4", "Nina Lie", "U1");
        e.employment = {{d(2024, 1, 1), d(2023, 12, 31), 150}, {d(2025, 1, 1), std::nullopt, 0}};
        testing::check_problems(add_employee(ds, e).problems, {
            {.field = "employment/0/to", .message_nb = "Sluttdato 31.12.2023 er før startdato 01.01.2024",
             .message_en = "End date 2023-12-31 is before start date 2024-01-01"},
            {.field = "employment/0/percent", .message_nb = "Stillingsprosenten må være over 0 og høyst 100 (var 150)"},
            {.field = "employment/1/percent", .message_en = "The position percent must be above 0 and at most 100 (was 0)"},
        });
    }
    SUBCASE("overlapping employment periods (given out of order: sorted first)") {
        Employee e = employee("E4", "Nina Lie", "U1");
        e.employment = {{d(2024, 6, 1), std::nullopt, 50}, {d(2024, 1, 1), d(2024, 6, 1), 100}};
        const Problem p = only_problem(add_employee(ds, e));
        CHECK(p.field == "employment/1");
        CHECK(p.message_nb == "Arbeidsforholdet 01.06.2024–(åpen) overlapper med 01.01.2024–01.06.2024");
    }
    SUBCASE("periods given out of order are stored sorted") {
        Employee e = employee("E4", "Nina Lie", "U1");
        e.employment = {{d(2024, 6, 2), std::nullopt, 50}, {d(2024, 1, 1), d(2024, 6, 1), 100}};
        auto r = add_employee(ds, e);
        REQUIRE(r.ok());
        r.command->apply(ds);
        CHECK(ds.employees.back().employment[0].from == d(2024, 1, 1));
        CHECK(validate_dataset(ds).empty());
    }
    SUBCASE("birth year and date range") {
        Employee e = employee("E4", "Nina Lie", "U1");
        e.birth_year = 1850;
        e.employment[0].from = d(1850, 1, 1);
        testing::check_problems(add_employee(ds, e).problems, {
            {.field = "birth_year", .message_nb = "Fødselsåret må ligge i 1900–2200 (var 1850)"},
            {.field = "employment/0/from", .message_nb = "Datoen må ligge i årene 1900–2200 (år 1850)"},
        });
    }
}

TEST_CASE_FIXTURE(DocumentOn<sample>, "commands: update_employee keeps the id, merges typing, and undoes exactly") {
    Employee e = doc.data.employees[1];
    e.name = "Ola H";
    auto r1 = update_employee(doc.data, "E2", e);
    REQUIRE(r1.ok());
    CHECK(r1.command->description == "Endret ansatt Ola H");
    doc.apply(*r1.command);
    e.name = "Ola Hansen-Berg";
    doc.apply(*update_employee(doc.data, "E2", e).command);
    CHECK(doc.data.employees[1].name == "Ola Hansen-Berg");
    CHECK(doc.change_log().size() == 1); // one field, one undo step
    doc.undo();
    CHECK(data_bytes(doc.data) == before);

    e.id = "E9";
    const Problem p = only_problem(update_employee(doc.data, "E2", e));
    CHECK(p.field == "id");
    CHECK(p.message_nb == "ID-en kan ikke endres (var «E2»)");
    const Problem q = only_problem(update_employee(doc.data, "E7", e));
    CHECK(q.field == "id");
    CHECK(q.message_nb == "Ukjent ansatt «E7»");
}

TEST_CASE_FIXTURE(DocumentOn<sample>, "commands: remove_employee takes absences and events along, says so, and undo restores them in place") {
    auto deps = employee_dependents(doc.data, "E1");
    CHECK(deps.absences == 2);
    CHECK(deps.milestone_events == 1);
    auto r = remove_employee(doc.data, "E1");
    REQUIRE(r.ok());
    CHECK(r.command->description == "Slettet ansatt Kari Nordmann med 2 fraværsperioder og 1 milepælmarkering");
    doc.apply(*r.command);
    CHECK(doc.data.employees.size() == 2);
    REQUIRE(doc.data.absences.size() == 1);
    CHECK(doc.data.absences[0].employee == "E2");
    REQUIRE(doc.data.milestone_events.size() == 1);
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(data_bytes(doc.data) == before); // same records, same positions
    doc.redo();
    CHECK(doc.data.employees[0].id == "E2");

    auto plain = remove_employee(sample(), "E3");
    REQUIRE(plain.ok());
    CHECK(plain.command->description == "Slettet ansatt Per Berg");
}

TEST_CASE("commands: units - add, rename, remove refused while employees are in it") {
    Dataset ds = sample();
    const Problem dup = only_problem(add_unit(ds, {"U1", "Ny"}));
    CHECK(dup.field == "id");
    CHECK(dup.message_nb == "ID-en «U1» er allerede brukt av Barnehage Solsikken");
    auto add = add_unit(ds, {"U3", "Hjemmetjenesten"});
    REQUIRE(add.ok());
    CHECK(add.command->description == "La til enhet Hjemmetjenesten");

    const Problem busy = only_problem(remove_unit(ds, "U1"));
    CHECK(busy.field == "id");
    CHECK(busy.message_nb == "Enheten Barnehage Solsikken har ansatte (2); flytt dem til en annen enhet først");
    CHECK(busy.message_en == "The unit Barnehage Solsikken has employees (2); move them to another unit first");

    add.command->apply(ds);
    const std::string before = save_dataset(ds);
    auto rn = rename_unit(ds, "U1", "Solsikken barnehage");
    REQUIRE(rn.ok());
    CHECK(rn.command->description == "Endret navn på enhet Barnehage Solsikken til Solsikken barnehage");
    auto rm = remove_unit(ds, "U3");
    REQUIRE(rm.ok());
    CHECK(rm.command->description == "Slettet enhet Hjemmetjenesten");
    // Rename applied, then undone: the unit's old name and the same bytes as before.
    rn.command->apply(ds);
    CHECK(ds.units[0].name == "Solsikken barnehage");
    rn.command->undo(ds);
    CHECK(save_dataset(ds) == before);
    // Remove a unit in the middle: undo puts it back at its index.
    ds.units.insert(ds.units.begin(), Unit{"U0", "Tom enhet"});
    const std::string with_u0 = save_dataset(ds);
    auto rm0 = remove_unit(ds, "U0");
    rm0.command->apply(ds);
    CHECK(ds.units[0].id == "U1");
    rm0.command->undo(ds);
    CHECK(save_dataset(ds) == with_u0);
    CHECK(only_problem(rename_unit(ds, "U1", "  ")).message_nb == "Navnet må fylles ut");
    CHECK(only_problem(remove_unit(ds, "U8")).message_nb == "Ukjent enhet «U8» (velg en enhet som finnes)");
}

TEST_CASE("commands: set_organisation checks the name and the orgnr (mod 11)") {
    Dataset ds = sample();
    Organisation o = ds.organisation;
    o.orgnr = "974760674";
    const Problem p = only_problem(set_organisation(ds, o));
    CHECK(p.field == "orgnr");
    CHECK(p.message_nb == "Ugyldig organisasjonsnummer «974760674» (9 siffer der det siste er kontrollsiffer etter modulus 11)");
    o.orgnr = "889640782";
    o.name = "Fjordvik kommune, helse";
    auto r = set_organisation(ds, o);
    REQUIRE(r.ok());
    CHECK(r.command->description == "Endret organisasjonen");
    r.command->apply(ds);
    CHECK(ds.organisation.orgnr == "889640782");
    r.command->undo(ds);
    CHECK(ds.organisation.orgnr == "974760673");
    o.name = "";
    CHECK(only_problem(set_organisation(ds, o)).field == "name");

    // The change log names the field when only one of the two changed.
    Organisation renamed = ds.organisation;
    renamed.name = "Fjordvik kommune, helse";
    CHECK(set_organisation(ds, renamed).command->description == "Endret organisasjonsnavn");
    Organisation renumbered = ds.organisation;
    renumbered.orgnr = "889640782";
    CHECK(set_organisation(ds, renumbered).command->description == "Endret organisasjonsnummer");
    renamed.own_bht = !renamed.own_bht;
    CHECK(set_organisation(ds, renamed).command->description == "Endret organisasjonen");
}

TEST_CASE("commands: an absence must start within the employment (it may run on past its end)") {
    Dataset ds = sample();
    ds.employees.push_back({"E4", "Nora Dahl", "U1", {{d(2026, 4, 1), std::nullopt, 100}}, {}});
    // Before the first day: refused, naming the date and the employment.
    const Problem before = only_problem(add_absence(ds, {"E4", AbsenceKind::sykmelding, d(2026, 3, 1), d(2026, 3, 10), 100}));
    CHECK(before.field == "from");
    CHECK(before.code == ProblemCode::absence_outside_employment);
    CHECK(before.message_nb == "Fraværet begynner 01.03.2026, utenfor arbeidsforholdet (01.04.2026–(åpen))");
    CHECK(before.message_en == "The absence starts 2026-03-01, outside the employment (2026-04-01 to (open))");
    CHECK(add_absence(ds, {"E4", AbsenceKind::sykmelding, d(2026, 4, 1), d(2026, 4, 10), 100}).ok());
    // E2: 01.03.2019-31.12.2022 (60 %), then from 01.01.2023. Between them there is no gap; after
    // the first ended and before the second began is covered; a sick leave that starts in the
    // first and runs into the second is fine.
    CHECK(add_absence(ds, {"E2", AbsenceKind::sykmelding, d(2022, 12, 20), d(2023, 1, 20), 100}).ok());
    // Before E2's first day: the nearest employment is the first one.
    CHECK(only_problem(add_absence(ds, {"E2", AbsenceKind::sykmelding, d(2019, 2, 1), d(2019, 2, 5), 100})).message_nb ==
          "Fraværet begynner 01.02.2019, utenfor arbeidsforholdet (01.03.2019–31.12.2022)");
    // After an employment that ended: the one that ended is named.
    Dataset ended = sample();
    ended.employees[0].employment[0].to = d(2025, 12, 31);
    ended.absences.clear();
    CHECK(only_problem(add_absence(ended, {"E1", AbsenceKind::egenmelding, d(2026, 1, 5), d(2026, 1, 6), 100})).message_nb ==
          "Fraværet begynner 05.01.2026, utenfor arbeidsforholdet (01.01.2020–31.12.2025)");
    CHECK(add_absence(ended, {"E1", AbsenceKind::sykmelding, d(2025, 12, 15), d(2026, 2, 1), 100}).ok());
    // An edit is held to the same rule: E1's sick leave from 02.03.2026 moved to 02.02.2026, after
    // the employment ended.
    Dataset edited = sample();
    edited.employees[0].employment[0].to = d(2026, 2, 27);
    CHECK(only_problem(update_absence(edited, 2, {"E1", AbsenceKind::sykmelding, d(2026, 3, 2), d(2026, 4, 30), 100})).code ==
          ProblemCode::absence_outside_employment);
    CHECK(update_absence(edited, 2, {"E1", AbsenceKind::sykmelding, d(2026, 2, 2), d(2026, 4, 30), 100}).ok());
}

TEST_CASE("commands: absence checks - grade, egenmelding 100, dates, employee, overlap") {
    Dataset ds = sample();
    Absence a{"E3", AbsenceKind::sykmelding, d(2026, 5, 4), d(2026, 5, 29), 150};
    SUBCASE("grade 150") {
        const Problem p = only_problem(add_absence(ds, a));
        CHECK(p.field == "grade");
        CHECK(p.message_nb == "Grad må være mellom 20 og 100 (var 150)");
        CHECK(p.message_en == "Grade must be between 20 and 100 (was 150)");
    }
    SUBCASE("grade 19") {
        a.grade = 19;
        CHECK(only_problem(add_absence(ds, a)).message_nb == "Grad må være mellom 20 og 100 (var 19)");
    }
    SUBCASE("egenmelding is always 100") {
        a.kind = AbsenceKind::egenmelding;
        a.grade = 50;
        const Problem p = only_problem(add_absence(ds, a));
        CHECK(p.field == "grade");
        CHECK(p.message_nb == "Egenmelding har alltid grad 100 (var 50)");
    }
    SUBCASE("end before start") {
        a.grade = 100;
        a.to = d(2026, 5, 3);
        const Problem p = only_problem(add_absence(ds, a));
        CHECK(p.field == "to");
        CHECK(p.message_nb == "Sluttdato 03.05.2026 er før startdato 04.05.2026");
    }
    SUBCASE("unknown employee") {
        a.grade = 100;
        a.employee = "E77";
        const Problem p = only_problem(add_absence(ds, a));
        CHECK(p.field == "employee");
        CHECK(p.message_en == "Unknown employee \"E77\"");
    }
    SUBCASE("overlap with an open absence of the same employee") {
        a = {"E2", AbsenceKind::egenmelding, d(2027, 1, 4), d(2027, 1, 5), 100};
        const Problem p = only_problem(add_absence(ds, a));
        CHECK(p.field == "from");
        CHECK(p.message_nb == "Fraværet overlapper med et annet fravær for samme ansatt (02.02.2026–(åpen))");
        CHECK(p.message_en == "The absence overlaps another absence of the same employee (2026-02-02 to (open))");
    }
    SUBCASE("touching is not overlapping; another employee's dates do not matter") {
        a = {"E1", AbsenceKind::egenmelding, d(2026, 1, 8), d(2026, 1, 8), 100};
        auto r = add_absence(ds, a);
        REQUIRE(r.ok());
        CHECK(r.command->description == "Registrerte egenmelding 08.01.2026–08.01.2026 for Kari Nordmann");
        a = {"E3", AbsenceKind::sykmelding, d(2026, 1, 5), std::nullopt, 40};
        auto r2 = add_absence(ds, a);
        REQUIRE(r2.ok());
        CHECK(r2.command->description == "Registrerte sykmelding 40 % 05.01.2026–(åpen) for Per Berg");
    }
}

TEST_CASE_FIXTURE(DocumentOn<sample>, "commands: update and remove absence, undo in place") {
    Absence a = doc.data.absences[1];
    a.to = d(2026, 2, 27);
    auto u = update_absence(doc.data, 1, a);
    REQUIRE(u.ok());
    CHECK(u.command->description == "Endret fravær for Ola Hansen til sykmelding 50 % 02.02.2026–27.02.2026");
    doc.apply(*u.command);
    CHECK(doc.data.absences[1].to == d(2026, 2, 27));
    // Changing a record does not overlap with itself; moving it onto the next record does.
    Absence b = doc.data.absences[0];
    b.to = d(2026, 3, 2);
    CHECK(only_problem(update_absence(doc.data, 0, b)).field == "from");
    b.to = d(2026, 3, 1);
    CHECK(update_absence(doc.data, 0, b).ok());

    auto rm = remove_absence(doc.data, 0);
    REQUIRE(rm.ok());
    CHECK(rm.command->description == "Slettet egenmelding 05.01.2026–07.01.2026 for Kari Nordmann");
    doc.apply(*rm.command);
    CHECK(doc.data.absences.size() == 2);
    doc.undo();
    doc.undo();
    CHECK(data_bytes(doc.data) == before);
    CHECK(only_problem(remove_absence(doc.data, 3)).message_nb == "Oppføringen finnes ikke (lenger)");
}

TEST_CASE("commands: employment period edits keep the list sorted and refuse removing the last") {
    Dataset ds = sample();
    auto add = add_employment(ds, "E1", {d(2018, 1, 1), d(2019, 12, 31), 50});
    REQUIRE(add.ok());
    CHECK(add.command->description == "La til arbeidsforhold for Kari Nordmann");
    add.command->apply(ds);
    CHECK(ds.employees[0].employment[0].from == d(2018, 1, 1));
    CHECK(validate_dataset(ds).empty());

    const Problem ov = only_problem(add_employment(ds, "E1", {d(2019, 6, 1), d(2019, 6, 30), 50}));
    CHECK(ov.field == "employment/1");

    auto up = update_employment(ds, "E2", 1, {d(2023, 1, 1), std::nullopt, 100});
    REQUIRE(up.ok());
    CHECK(up.command->description == "Endret arbeidsforhold for Ola Hansen");
    const Problem pct = only_problem(update_employment(ds, "E2", 1, {d(2023, 1, 1), std::nullopt, 101}));
    CHECK(pct.field == "employment/1/percent");
    CHECK(only_problem(update_employment(ds, "E2", 5, {d(2023, 1, 1), std::nullopt, 100})).message_nb ==
          "Arbeidsforhold nr. 6 finnes ikke");

    const Problem last = only_problem(remove_employment(ds, "E3", 0));
    CHECK(last.field == "employment");
    CHECK(last.message_nb == "Den ansatte må ha minst ett arbeidsforhold; slett heller den ansatte");
    auto rm = remove_employment(ds, "E2", 0);
    REQUIRE(rm.ok());
    const std::string before = save_dataset(ds);
    rm.command->apply(ds);
    CHECK(ds.employees[1].employment.size() == 1);
    rm.command->undo(ds);
    CHECK(save_dataset(ds) == before);
}

TEST_CASE("commands: add_milestone_event checks the milestone, the date and an exemption's reason") {
    Dataset ds = sample();
    MilestoneEvent ev{"E2", d(2026, 2, 2), "dialogmote9", EventStatus::exempt, d(2026, 1, 30), " "};
    auto r = add_milestone_event(ds, ev, d(2026, 11, 24));
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].field == "date");
    CHECK(r.problems[0].message_nb == "Datoen 30.01.2026 er før tilfellets start 02.02.2026");
    CHECK(r.problems[1].field == "milestone");
    CHECK(r.problems[1].message_nb.starts_with("Ukjent milepæl «dialogmote9» (kjente: "));
    CHECK(r.problems[2].field == "note");
    ev = {"E2", d(2026, 2, 2), "dialogmote1", EventStatus::exempt, d(2026, 3, 10), "åpenbart unødvendig"};
    auto ok = add_milestone_event(ds, ev, d(2026, 11, 24));
    REQUIRE(ok.ok());
    ok.command->apply(ds);
    CHECK(validate_dataset(ds).empty());
}

TEST_CASE("commands: a milestone is never marked done on a day after today, and today itself is fine") {
    Dataset ds = sample();
    const Date today = d(2026, 11, 24);
    // E2's case began 02.02.2026; dialogmøte 1 "held" tomorrow is a plan, not a fact.
    MilestoneEvent ev{"E2", d(2026, 2, 2), "dialogmote1", EventStatus::done, d(2026, 11, 25), "", "Ola Hansen, leder"};
    const Problem p = only_problem(add_milestone_event(ds, ev, today));
    CHECK(p.field == "date");
    CHECK(p.code == ProblemCode::event_date_in_future);
    CHECK(p.message_nb == "Datoen 25.11.2026 er etter i dag (24.11.2026): skriv dagen milepælen faktisk ble utført eller unntatt");
    CHECK(p.message_en == "The date 2026-11-25 is after today (2026-11-24): enter the day the milestone was actually done or exempted");
    ev.date = today;
    CHECK(add_milestone_event(ds, ev, today).ok());
}

TEST_CASE("commands: update_milestone_event changes the date, who took part and the note, and undo restores it") {
    Dataset ds = sample(); // events: E1's plan done 20.03.2026 (case 02.03.2026), E2's plan done 25.02.2026
    const Date today = d(2026, 11, 24);
    const std::string before = save_dataset(ds);
    MilestoneEvent ev = ds.milestone_events[0];
    ev.date = d(2026, 3, 18); // it really happened two days earlier
    ev.participants = "Kari Nordmann, leder Per Berg";
    ev.note = "Samtale på kontoret";
    auto r = update_milestone_event(ds, 0, ev, today);
    REQUIRE(r.ok());
    CHECK(r.command->description == "Endret utført milepæl for Kari Nordmann (18.03.2026)");
    r.command->apply(ds);
    REQUIRE(ds.milestone_events.size() == 2);
    CHECK(ds.milestone_events[0].date == d(2026, 3, 18));
    CHECK(ds.milestone_events[0].participants == "Kari Nordmann, leder Per Berg");
    CHECK(ds.milestone_events[0].note == "Samtale på kontoret");
    CHECK(ds.milestone_events[1].employee == "E2"); // the other record is untouched
    CHECK(ds.milestone_events[1].date == d(2026, 2, 25));
    CHECK(validate_dataset(ds).empty());
    r.command->undo(ds);
    CHECK(save_dataset(ds) == before);

    // Through a Document: one undo step back to the recorded mark.
    Document doc;
    doc.reset(sample());
    REQUIRE(doc.apply(std::move(*update_milestone_event(doc.data, 0, ev, today).command)).empty());
    CHECK(doc.data.milestone_events[0].participants == "Kari Nordmann, leder Per Berg");
    doc.undo();
    CHECK(doc.data.milestone_events[0].date == d(2026, 3, 20));
    CHECK(doc.data.milestone_events[0].participants.empty());
    CHECK(doc.data.milestone_events[0].note.empty());
}

TEST_CASE("commands: update_milestone_event refuses a future date, another case or milestone, and a record that is gone") {
    Dataset ds = sample();
    const Date today = d(2026, 11, 24);
    MilestoneEvent ev = ds.milestone_events[1];
    ev.date = d(2026, 12, 1);
    Problem p = only_problem(update_milestone_event(ds, 1, ev, today));
    CHECK(p.field == "date");
    CHECK(p.message_nb == "Datoen 01.12.2026 er etter i dag (24.11.2026): skriv dagen milepælen faktisk ble utført eller unntatt");
    ev.date = d(2026, 1, 30); // before E2's case start 02.02.2026: the loader's check
    p = only_problem(update_milestone_event(ds, 1, ev, today));
    CHECK(p.field == "date");
    CHECK(p.message_nb == "Datoen 30.01.2026 er før tilfellets start 02.02.2026");
    ev = ds.milestone_events[1];
    ev.status = EventStatus::exempt; // an exemption needs its reason
    ev.note = "  ";
    CHECK(only_problem(update_milestone_event(ds, 1, ev, today)).field == "note");
    ev = ds.milestone_events[1];
    ev.milestone = "dialogmote1";
    p = only_problem(update_milestone_event(ds, 1, ev, today));
    CHECK(p.field == "milestone");
    CHECK(p.code == ProblemCode::id_fixed);
    ev = ds.milestone_events[1];
    ev.employee = "E1";
    CHECK(only_problem(update_milestone_event(ds, 1, ev, today)).field == "employee");
    p = only_problem(update_milestone_event(ds, 2, ds.milestone_events[1], today)); // only 2 records
    CHECK(p.code == ProblemCode::record_gone);
    CHECK(p.message_nb == "Oppføringen finnes ikke (lenger)");
}

TEST_CASE("commands: next ids follow the existing numbering") {
    Dataset ds = sample();
    CHECK(next_employee_id(ds) == "E4");
    CHECK(next_unit_id(ds) == "U3");
    ds.employees[0].id = "E000041";
    CHECK(next_employee_id(ds) == "E000042");
    CHECK(next_unit_id(Dataset{}) == "U1");
}

// Property: random sequences of (often invalid) commands keep the dataset valid after each apply
// and each undo, and undoing everything gives back exactly the start.
TEST_CASE("commands: random command sequences keep the dataset valid, undo all restores exactly") {
    uint64_t state = 0x9e3779b97f4a7c15ULL;
    auto next = [&](int n) {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17;
        return static_cast<int>(state % static_cast<uint64_t>(n));
    };
    for (int round = 0; round < 4; ++round) {
        Document doc;
        doc.reset(sample());
        const std::string start = data_bytes(doc.data);
        int applied = 0, refused = 0;
        auto rnd_date = [&] { return d(2025, 1, 1) + next(800); };
        auto rnd_emp = [&]() -> std::string {
            if (doc.data.employees.empty() || next(10) == 0) return "E" + std::to_string(next(40));
            return doc.data.employees[static_cast<std::size_t>(next(static_cast<int>(doc.data.employees.size())))].id;
        };
        auto rnd_unit = [&] { return "U" + std::to_string(next(5)); };
        for (int step = 0; step < 300; ++step) {
            CommandResult r;
            const std::size_t na = doc.data.absences.size();
            switch (next(12)) {
            case 0: r = add_unit(doc.data, {rnd_unit(), next(8) ? "Enhet" : ""}); break;
            case 1: r = rename_unit(doc.data, rnd_unit(), "Nytt navn"); break;
            case 2: r = remove_unit(doc.data, rnd_unit()); break;
            case 3: {
                Employee e{"E" + std::to_string(next(40)), "Navn", rnd_unit(), {}, {}};
                int periods = next(3);
                for (int k = 0; k < periods; ++k) {
                    Date f = rnd_date();
                    e.employment.push_back({f, next(2) ? std::optional<Date>(f + next(400) - 20) : std::nullopt,
                                            static_cast<double>(next(120))});
                }
                r = add_employee(doc.data, e);
                break;
            }
            case 4: {
                if (doc.data.employees.empty()) continue;
                Employee e = doc.data.employees[static_cast<std::size_t>(next(static_cast<int>(doc.data.employees.size())))];
                e.unit = rnd_unit();
                r = update_employee(doc.data, e.id, e);
                break;
            }
            case 5: r = remove_employee(doc.data, rnd_emp()); break;
            case 6: case 7: {
                Date f = rnd_date();
                Absence a{rnd_emp(), next(2) ? AbsenceKind::egenmelding : AbsenceKind::sykmelding, f,
                          next(5) ? std::optional<Date>(f + next(30) - 2) : std::nullopt, 10 + 10 * next(10)};
                r = add_absence(doc.data, a);
                break;
            }
            case 8: {
                if (na == 0) continue;
                std::size_t i = static_cast<std::size_t>(next(static_cast<int>(na)));
                Absence a = doc.data.absences[i];
                a.to = a.from + next(40) - 3;
                a.grade = 20 + next(90);
                r = update_absence(doc.data, i, a);
                break;
            }
            case 9: r = remove_absence(doc.data, static_cast<std::size_t>(next(static_cast<int>(na + 1)))); break;
            case 10: {
                Date f = rnd_date();
                r = add_employment(doc.data, rnd_emp(), {f, f + next(200), 50});
                break;
            }
            case 11: {
                if (doc.data.employees.empty()) continue;
                const Employee& e = doc.data.employees[static_cast<std::size_t>(next(static_cast<int>(doc.data.employees.size())))];
                r = next(2) ? remove_employment(doc.data, e.id, static_cast<std::size_t>(next(3)))
                            : update_employment(doc.data, e.id, 0, {rnd_date(), std::nullopt, 100});
                break;
            }
            }
            CHECK(r.ok() == r.problems.empty());
            if (!r.ok()) { ++refused; continue; }
            ++applied;
            doc.end_merge();
            doc.apply(*r.command);
            auto problems = validate_dataset(doc.data);
            if (!problems.empty()) FAIL_CHECK("after '" << r.command->description << "': " << problems[0].pointer << " " << problems[0].message_en);
            if (next(4) == 0) {
                doc.undo();
                CHECK(validate_dataset(doc.data).empty());
                doc.redo();
            }
        }
        CHECK(applied > 30);
        CHECK(refused > 20);
        const std::string end = data_bytes(doc.data);
        while (doc.can_undo()) {
            doc.undo();
            CHECK(validate_dataset(doc.data).empty());
        }
        CHECK(data_bytes(doc.data) == start);
        while (doc.can_redo()) doc.redo();
        CHECK(data_bytes(doc.data) == end);
    }
}
