// The first day, drawn headless with the real App as HR: the demo says it is the demo and offers
// "Start med egen virksomhet"; the dialog checks the organisation number (mod 11) and needs a unit;
// the new organisation's units are managed in Innstillinger → Enheter, and an employee is moved
// between units with the history kept (commands.hpp, "Units").
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

TEST_CASE("first day: from the demo to an own organisation with units, undoable") {
    test::HeadlessApp h;
    h.start(); // nothing stored: the demo
    REQUIRE(h.app->document().data.organisation.name == "Fjordvik kommune (demo)");
    REQUIRE(h.shows("Start med egen virksomhet")); // in the top bar, next to the demo's name
    h.click("Start med egen virksomhet");
    h.frames(3);
    h.type("Virksomhetens navn", "Bergli barnehager AS");
    // 974760674: the last digit is not the check digit of 97476067 (that is 3).
    h.type("Organisasjonsnummer", "974760674");
    h.frames(2);
    CHECK(h.shows_text_containing("stemmer ikke med kontrollsifferet"));
    h.click("Opprett");
    CHECK(h.shows_text_containing("Ugyldig organisasjonsnummer «974760674»"));
    CHECK(h.app->document().data.organisation.name == "Fjordvik kommune (demo)"); // nothing replaced
    h.type("Organisasjonsnummer", "974760673");
    h.click("Opprett");
    CHECK(h.shows_text_containing("Skriv minst én enhet"));
    h.type("Enheter (én per linje)", "Bergli\nSolsiden");
    h.click("Opprett");
    h.frames(2);

    const Dataset& ds = h.app->document().data;
    CHECK(ds.organisation.name == "Bergli barnehager AS");
    CHECK(ds.organisation.orgnr == "974760673");
    REQUIRE(ds.units.size() == 2);
    CHECK(ds.units[0].name == "Bergli");
    CHECK(ds.units[1].name == "Solsiden");
    CHECK(ds.employees.empty());
    CHECK_FALSE(h.shows("Start med egen virksomhet")); // not the demo any more

    // A third unit by hand, then undo back to the demo in two steps.
    h.click("Innstillinger");
    h.click("Enheter");
    h.type("Ny enhet", "Kjøkken");
    h.click("Legg til enhet");
    REQUIRE(h.app->document().data.units.size() == 3);
    CHECK(h.app->document().data.units[2].name == "Kjøkken");
    h.app->document().undo(0, "hr");
    h.app->document().undo(0, "hr");
    CHECK(h.app->document().data.organisation.name == "Fjordvik kommune (demo)");
}

namespace {

// Fjellheim AS with two units, Drift and Kantine; Kari in Drift since 2020.
Dataset two_units_with_kari() {
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    d.units[0].name = "Drift";
    d.units.push_back({"U2", "Kantine", std::nullopt});
    d.employees.push_back(testing::employed_since("E1", "Kari Nordmann", "U1", Date::from_ymd(2020, 1, 1)));
    return d;
}

} // namespace

TEST_CASE("first day: an employee is moved to another unit from a date, the history shown, the old unit closed") {
    test::HeadlessApp h;
    h.start_with(two_units_with_kari());
    CHECK_FALSE(h.shows("Start med egen virksomhet")); // not the demo
    h.click("Ansatte");
    h.click("Kari Nordmann");
    h.click("Flytt til annen enhet…");
    h.click("Velg enhet");
    h.click("Kantine");
    h.type("Fra dato", "01.02.2026");
    h.click("Flytt");
    h.frames(2);
    const Employee& kari = h.app->document().data.employees.at(0);
    CHECK(kari.unit == "U2");
    REQUIRE(kari.earlier_units.size() == 1);
    CHECK(kari.earlier_units[0].until == Date::from_ymd(2026, 1, 31));
    CHECK(h.shows_text_containing("Før: Drift til 31.01.2026"));

    // Drift is empty now: close it from 01.02.2026; it stays in the list as closed.
    h.click("Innstillinger");
    h.click("Enheter");
    const std::string close = "Legg ned…";
    h.click(close); // the first row's (Drift)
    h.type("Fra dato", "01.02.2026");
    h.click("Legg ned");
    h.frames(2);
    CHECK(h.app->document().data.units[0].closed == Date::from_ymd(2026, 2, 1));
    CHECK(h.shows_text_containing("Lagt ned 01.02.2026"));
}

TEST_CASE("first day: the employee editor's Lagre stays in view when the form and the absences are taller than the window") {
    test::HeadlessApp h;
    Dataset d = two_units_with_kari();
    // Twenty-four one-year employment periods (a seasonal worker's contracts): the form alone is taller
    // than the window, so without a pinned footer Lagre would be below it.
    Employee& kari = d.employees.at(0);
    kari.employment.clear();
    for (int y = 2000; y < 2024; ++y)
        kari.employment.push_back({Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31), 100.0});
    kari.employment.push_back({Date::from_ymd(2024, 1, 1), std::nullopt, 100.0});
    for (int i = 0; i < 40; ++i) // and forty short absences below it
        d.absences.push_back({"E1", AbsenceKind::egenmelding, Date::from_ymd(2021, 1, 4) + 14 * i,
                              Date::from_ymd(2021, 1, 4) + 14 * i, 100});
    h.start_with(d);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720); // a laptop screen, not the tests' tall window
    h.frames(2);
    h.click("Ansatte");
    h.click("Kari Nordmann");
    h.frames(2);
    const nlohmann::json save = h.find("Lagre");
    REQUIRE_FALSE(save.is_null());
    CHECK(save.value("y", 0.0) + save.value("h", 0.0) <= 720.0); // on screen
    h.type("Navn", "Kari Nordmann-Berg");
    h.click("Lagre");
    CHECK(h.app->document().data.employees.at(0).name == "Kari Nordmann-Berg");
}
