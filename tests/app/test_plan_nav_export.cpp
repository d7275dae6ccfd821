// "Send til NAV" in the plan editor, drawn headless with the real App as HR on the plans example
// (examples/fjordvik-plans.json, Kari Nordmann's agreed plan, today 24.11.2026): the dialog asks
// for the choices NAV's contract needs, refuses with the reasons while the contact details are
// missing (nothing downloaded), and downloads NAV's JSON once they are given, with the employer's
// choices as chosen (not sent to NAV: no help requested).
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace iadesk;

namespace {

Dataset plans_example() {
    std::ifstream in(std::string(IADESK_SOURCE_DIR) + "/examples/fjordvik-plans.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    DatasetLoad l = load_dataset(ss.str());
    REQUIRE(l.ok());
    return std::move(*l.dataset);
}

} // namespace

TEST_CASE("plan editor: Send til NAV asks for the contact details and downloads NAV's JSON with the choices made") {
    test::HeadlessApp h;
    Dataset d = plans_example();
    REQUIRE(d.employees[0].name == "Kari Nordmann");
    d.employees[0].national_id = "01819012446"; // synthetic (month + 80), mod 11 worked in test_cases.cpp
    h.start_with(d);
    h.click("Oppfølgingsplaner");
    h.click("Kari Nordmann");
    h.click("Eksporter (NAV-format)");
    h.frames(2);
    REQUIRE(h.shows("Send til NAV"));
    h.click("Last ned filen");
    h.frames(1);
    CHECK(h.platform.downloads.empty());
    CHECK(h.shows_text_containing("Telefonnummeret til kontaktpersonen må fylles ut"));
    CHECK(h.shows_text_containing("E-postadressen til kontaktpersonen må fylles ut"));
    h.type("Telefonnummeret til kontaktpersonen", "+47 900 00 000");
    h.type("E-postadressen til kontaktpersonen", "hanne.strand@fjordvik.kommune.no");
    h.click("Last ned filen");
    h.frames(1);
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK(h.platform.downloads[0].name == "oppfolgingsplan-E01-nav.json");
    const nlohmann::json j = nlohmann::json::parse(h.platform.downloads[0].bytes);
    CHECK(j["employeeIdentificationNumber"] == "01819012446");
    CHECK(j["contactPersonPhoneNumber"] == "+47 900 00 000");
    CHECK(j["sendPlanToNav"] == false);         // not ticked
    CHECK_FALSE(j.contains("needsHelpFromNav")); // so no caseworker task is asked for
    CHECK(j["sendPlanToGeneralPractitioner"] == true);
}
