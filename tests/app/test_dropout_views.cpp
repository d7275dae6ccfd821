// Drop-out (frafall) in the app, drawn headless with the real App as HR on
// tests/fixtures/dataset-v4/dropout.json (today 24.11.2026): the Sluttårsak of an ended employment
// in the employee editor, the Frafall table on Statistikk and the drop-out metric in the goal form.
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

Dataset fixture() { return testing::load_dataset_file(std::string(IADESK_SOURCE_DIR) + "/tests/fixtures/dataset-v4/dropout.json"); }

const Employee& employee(test::HeadlessApp& h, const std::string& id) {
    for (const Employee& e : h.app->document().data.employees)
        if (e.id == id) return e;
    throw std::runtime_error("no employee " + id);
}

} // namespace

TEST_CASE("employee editor: an ended employment shows its sluttårsak, and a new one chosen is saved") {
    test::HeadlessApp h;
    h.start_with(fixture());
    h.click("Ansatte");
    h.click("Astrid Eik"); // A3: 01.01.2015-31.03.2025, uføretrygd
    REQUIRE(h.shows("Sluttårsak"));
    REQUIRE(h.shows("Uføretrygd"));
    h.click("Uføretrygd");
    h.click("Arbeidsavklaringspenger (AAP)");
    h.click("Lagre");
    REQUIRE(employee(h, "A3").employment.at(0).end_reason);
    CHECK(*employee(h, "A3").employment.at(0).end_reason == EndReason::aap);
}

TEST_CASE("employee editor: an open employment has no sluttårsak field") {
    test::HeadlessApp h;
    h.start_with(fixture());
    h.click("Ansatte");
    h.click("Anne Berg"); // A1: open since 2010
    CHECK_FALSE(h.shows("Sluttårsak"));
}

TEST_CASE("statistikk: the Frafall table of the chosen year") {
    // 2026 (today's year): persons A1 A2 A6 A8 (Sykehjem Nord, 4: withheld), M1 B1-B5 (Sykehjem
    // Sør, 6), C1 (Kjøkken, 1: withheld); the two hidden units hold 5, so Sykehjem Sør is shown.
    test::HeadlessApp h;
    h.start_with(fixture());
    h.click("Statistikk");
    CHECK(h.shows("Frafall 2026"));
    CHECK(h.shows_text_containing("Registeret ser bare hvorfor de sluttet her"));
}

TEST_CASE("goal form: the drop-out metric is offered and saved") {
    test::HeadlessApp h;
    h.start_with(fixture());
    h.click("IA-mål");
    h.click("Nytt resultatmål");
    h.click("Frafall til uføretrygd og AAP");
    CHECK(h.shows_text_containing("Andelen av årets ansatte som sluttet til uføretrygd eller AAP"));
    h.type("Tittel", "Færre til trygd");
    h.click("Lagre mål");
    const auto& goals = h.app->document().data.goals;
    REQUIRE(goals.size() == 2);
    CHECK(goals.back().metric == GoalMetric::dropout);
}

TEST_CASE("IA-mål: the fixture's drop-out goal names its metric") {
    test::HeadlessApp h;
    h.start_with(fixture());
    h.click("IA-mål");
    h.click("Færre går fra jobb til trygd");
    CHECK(h.shows("Måltall: Frafall til uføretrygd og AAP, hele virksomheten"));
}
