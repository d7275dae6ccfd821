// The test probe (test_probe.hpp) names what is on screen for the app and browser tests. A widget
// clipped away below the scroll (a multiline input ends in EndGroup) leaves no item id behind; its
// label must not be written onto the last text drawn before it, or a visible line "disappears".
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

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
