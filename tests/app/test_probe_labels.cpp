// The test probe (test_probe.hpp) names what is on screen for the app and browser tests. A widget
// clipped away below the scroll (a multiline input ends in EndGroup) leaves no item id behind; its
// label must not be written onto the last text drawn before it, or a visible line "disappears".
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace iadesk;

TEST_CASE("probe: the signed line of a half-year report stays findable when the text fields below it are clipped") {
    test::HeadlessApp h;
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    HalfYearReport r;
    r.year = 2026;
    r.half = 2; // the app's today is 24.11.2026: the half shown first
    r.key_experience = "Faste ledersamlinger ga raskere tilrettelegging";
    r.signed_off = HalfYearSignOff{"Kari Fagforbund", Date::from_ymd(2026, 11, 24)};
    d.half_year_reports.push_back(r);
    h.start_with(d);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 600); // the fields under the sign-off run below the window
    h.frames(2);
    h.click("IA-mål");
    h.click("Rapporter");
    h.frames(2);
    CHECK(h.shows("\xE2\x9C\x93 Gjennomgått med tillitsvalgt: Kari Fagforbund, 24.11.2026"));
    CHECK_FALSE(h.shows("Hvorfor den lyktes")); // clipped: not reported as visible under another item's place
}

// Each cell of an Oversikt row is recorded in its column (the accessible mirror reads them as a
// table row): the unit, week and grade cells were once drawn past the probe and read as empty.
TEST_CASE("probe: a sick employee's Oversikt row has unit, week and grade in their cells") {
    test::HeadlessApp h;
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    d.employees.push_back(testing::employed_since("E1", "Kari Nordmann", "U1", testing::ymd(2020, 1, 1)));
    d.absences.push_back(testing::sykmelding("E1", testing::ymd(2026, 10, 20), std::nullopt, 60));
    h.start_with(d); // today is 24.11.2026: 35 days after 20.10, week 6 of the case
    h.frames(2);
    const nlohmann::json name = h.find("Kari Nordmann");
    REQUIRE(name.contains("table"));
    REQUIRE(name.contains("row"));
    std::map<int, std::string> cells; // column -> the texts recorded in Kari's row
    for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
        if (it.value("visible", false) && it.contains("row") && it["table"] == name["table"] && it["row"] == name["row"] &&
            it.contains("col"))
            cells[it["col"].get<int>()] += (cells[it["col"].get<int>()].empty() ? "" : "|") + it.value("label", "");
    const int col = name["col"].get<int>(); // the name column; unit, week and grade follow it
    CHECK(cells[col + 1] == "Drift");
    CHECK(cells[col + 2] == "6");
    CHECK(cells[col + 3] == "60 %");
}
