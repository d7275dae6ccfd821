// The goal form of IA-mål, drawn headless with the real App as HR: the warning for a target that
// points the wrong way or that the typed baseline already meets (goals.hpp target_warning), shown
// while typing and gone once the target is a real one. Worked by hand: sick leave is better
// lower, so +20 % points the wrong way; a baseline of 4,0 % already meets "8,0 %".
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

void start(test::HeadlessApp& h) {
    Dataset d;
    d.organisation.name = "Fjellheim AS";
    d.organisation.orgnr = "974760673";
    d.units.push_back({"U1", "Drift"});
    h.start_with(d);
    h.click("IA-mål");
    h.click("Nytt resultatmål");
    REQUIRE(h.shows("Mål: endring i %"));
}

// Typing `warned` into `field` shows `warning`; typing `fine` there takes it away.
void shows_then_not(test::HeadlessApp& h, const char* field, const char* warned, const char* fine, const char* warning) {
    h.type(field, warned);
    h.frames(2);
    CHECK(h.shows_text_containing(warning));
    h.type(field, fine);
    h.frames(2);
    CHECK_FALSE(h.shows_text_containing(warning));
}

} // namespace

TEST_CASE("goal form: a change that points the wrong way is warned about while typing") {
    test::HeadlessApp h;
    start(h);
    shows_then_not(h, "Mål: endring i %", "20", "-20", "Endringen peker feil vei: lavere er bedre for dette målet");
}

TEST_CASE("goal form: a target the typed baseline already meets is said to be a limit") {
    test::HeadlessApp h;
    start(h);
    h.type("Utgangspunkt (verdi)", "4,0");
    shows_then_not(h, "Mål: verdi", "8,0", "3,5", "Utgangspunktet (4,0) oppfyller allerede målet: det blir en grense");
}
