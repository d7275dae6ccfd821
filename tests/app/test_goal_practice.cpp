// The goals page names the duties the law sets and words IA meetings as good practice: since 2019
// there is no IA status and no IA reporting duty (docs/goals.md, "Good practice, not duties"). A new
// organisation starts under the agreement in force (goals.hpp: agreement_in_force).
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

TEST_CASE("goals page: one IA meeting this year is good practice not met, never a red duty, and the current agreement is shown first") {
    test::HeadlessApp h;
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    IaMeeting m;
    m.id = "M1";
    m.date = Date::from_ymd(2026, 3, 10); // the app's today is 24.11.2026
    m.attendees = {{MeetingRole::leder, "Daglig leder"}, {MeetingRole::tillitsvalgt, "Klubbleder"}};
    d.ia_meetings.push_back(m);
    h.start_with(d);
    h.click("IA-mål");
    h.frames(2);
    CHECK(h.shows_text_containing("Lovpålagt for alle arbeidsgivere: oppfølgingsplan og dialogmøter med sykmeldte (arbeidsmiljøloven § 4-6)"));
    CHECK(h.shows_text_containing("folketrygdloven § 25-2"));
    CHECK(h.shows_text_containing("IA-møter i år: 1  God praksis er minst to i året"));
    CHECK_FALSE(h.shows_text_containing("av 2"));
    CHECK_FALSE(h.shows_text_containing("\xE2\x9A\xA0")); // no warning sign anywhere on the page
    CHECK(h.shows("IA-avtalen 2025–2028")); // no goals yet: the agreement in force in 2026

    h.click("IA-møter");
    h.frames(2);
    CHECK(h.shows_text_containing("God praksis i IA-arbeidet, ingen lovplikt"));
    CHECK(h.shows_text_containing("2026: 1 holdt, 0 planlagt  under god praksis (to i året)"));
}
