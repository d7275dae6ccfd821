// The comparison with the bransje in the app, drawn headless with the real App as HR, today
// 24.11.2026: the organisation's næringskode, sector and bransjeprogram in Innstillinger →
// Organisasjon (format 4), and the Statistikk page's columns din virksomhet / bransjen /
// sektoren / landet (docs/domain.md "Comparison with the bransje").
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

// Five at 100 % since 2020 in one unit: enough people for the organisation's figure to be shown.
Dataset five_in_a_barnehage() {
    Dataset d;
    d.organisation.name = "Solsikken barnehage AS";
    d.organisation.orgnr = "974760673";
    d.units.push_back({"U1", "Blåbær"});
    for (int i = 1; i <= 5; ++i) {
        Employee e;
        e.id = "E" + std::to_string(i);
        e.name = "Ansatt " + std::to_string(i);
        e.unit = "U1";
        e.employment.push_back({Date::from_ymd(2020, 1, 1), std::nullopt, 100.0});
        d.employees.push_back(e);
    }
    return d;
}

const Organisation& org(test::HeadlessApp& h) { return h.app->document().data.organisation; }

} // namespace

TEST_CASE("settings: the næringskode is taken when it is NN.NNN, and NAV's bransje for it is offered") {
    test::HeadlessApp h;
    h.start_with(five_in_a_barnehage());
    h.click("Innstillinger");
    REQUIRE(h.shows("Næringskode (valgfritt)"));
    h.type("Næringskode (valgfritt)", "88911");
    CHECK(org(h).naeringskode.empty()); // not NN.NNN: refused, the problem under the field
    CHECK(h.shows_text_containing("har ikke formen NN.NNN"));
    h.type("Næringskode (valgfritt)", "88.911");
    CHECK(org(h).naeringskode == "88.911");
    CHECK(org(h).naeringskode_standard == IndustryStandard::sn2007);
    // 88.911 is barnehager in SN2007 (navikt/ia-felles): offered, not yet chosen.
    CHECK(org(h).bransjeprogram == Bransjeprogram::none);
    REQUIRE(h.shows("Bruk den"));
    h.click("Bruk den");
    CHECK(org(h).bransjeprogram == Bransjeprogram::barnehager);
    CHECK_FALSE(h.shows("Bruk den"));
    // In SN2025 barnehager is 85.100, so 88.911 no longer suggests it (the choice stays).
    h.click("SN2025");
    CHECK(org(h).naeringskode_standard == IndustryStandard::sn2025);
    CHECK(org(h).bransjeprogram == Bransjeprogram::barnehager);
}

TEST_CASE("statistics: the organisation beside the bransje, the sector and the country for the same quarters") {
    Dataset d = five_in_a_barnehage();
    d.organisation.bransjeprogram = Bransjeprogram::barnehager;
    d.organisation.sector = Sector::privat;
    test::HeadlessApp h;
    h.start_with(d);
    h.click("Statistikk");
    REQUIRE(h.shows("Din virksomhet, bransjen og landet"));
    CHECK(h.shows_text_containing("Bransje: Barnehager. Sektor: Privat sektor og offentlige foretak."));
    // Today 24.11.2026: the quarters 4. kvartal 2025 – 3. kvartal 2026, then the four together;
    // no absence, so 0,0 % in each.
    CHECK(h.shows("4. kvartal 2025"));
    CHECK(h.shows("3. kvartal 2026"));
    CHECK(h.shows("Fire kvartaler"));
    CHECK(h.shows("0,0 %"));
    // The shipped figures end before those quarters: no verdict, and why.
    CHECK(h.shows("Ingen vurdering: færre enn fire kvartaler med tall for virksomheten eller bransjen."));
    CHECK(h.shows_text_containing("Sammenligningstall: SSB"));
}

TEST_CASE("goals: a sick-leave goal shows the bransje's figure or says it is missing, and nothing without a bransjeprogram") {
    Dataset d = five_in_a_barnehage();
    Goal g;
    g.id = "G1";
    g.kind = GoalKind::result;
    g.area = "Sykefravær";
    g.title = "Lavere sykefravær";
    g.metric = GoalMetric::sick_leave;
    g.target_value = 5.0;
    g.deadline = Date::from_ymd(2026, 12, 31);
    d.goals.push_back(g);
    {
        test::HeadlessApp h;
        h.start_with(d);
        h.click("IA-mål");
        h.frames(2);
        REQUIRE(h.shows("Lavere sykefravær"));
        CHECK_FALSE(h.shows_text_containing("Bransjen ("));
    }
    d.organisation.bransjeprogram = Bransjeprogram::barnehager;
    test::HeadlessApp h;
    h.start_with(d);
    h.click("IA-mål");
    h.frames(2);
    // Today 24.11.2026: the last complete quarter is 3. kvartal 2026; the shipped figures for
    // barnehager have 1. kvartal 2025 only.
    CHECK(h.shows("Bransjen (Barnehager): ingen tall for de fire kvartalene til 3. kvartal 2026"));
}
