// The comparison with the bransje in the app, drawn headless with the real App as HR, today
// 24.11.2026: the organisation's næringskode, sector and bransjeprogram in Innstillinger →
// Organisasjon (format 4), and the Statistikk page's columns din virksomhet / bransjen /
// sektoren / landet (docs/domain.md "Comparison with the bransje").
#include "headless_app.hpp"
#include "iadesk/benchmarks.hpp"
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

// G1 "Lavere sykefravær": a result goal of sick leave at most 5 % by 31.12.2026.
Goal sick_leave_goal() {
    Goal g;
    g.id = "G1";
    g.kind = GoalKind::result;
    g.area = "Sykefravær";
    g.title = "Lavere sykefravær";
    g.metric = GoalMetric::sick_leave;
    g.target_value = 5.0;
    g.deadline = Date::from_ymd(2026, 12, 31);
    return g;
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
    d.goals.push_back(sick_leave_goal());
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

TEST_CASE("data: a newer comparison table in CSV is previewed, kept in the register, used by Statistikk and undone") {
    // E1 sykmeldt 100 % 01.10.2025-30.09.2026, all of the four quarters to 3. kvartal 2026 (today
    // 24.11.2026): 1 of 5 = 20,0 %. The shipped table has no barnehager figures for them: no verdict.
    Dataset d = five_in_a_barnehage();
    d.organisation.bransjeprogram = Bransjeprogram::barnehager;
    d.absences.push_back({"E1", AbsenceKind::sykmelding, Date::from_ymd(2025, 10, 1), Date::from_ymd(2026, 9, 30), 100});
    test::HeadlessApp h;
    h.start_with(d);
    h.click("Statistikk");
    REQUIRE(h.shows("Ingen vurdering: færre enn fire kvartaler med tall for virksomheten eller bransjen."));

    h.click("Innstillinger");
    h.click("Data");
    REQUIRE(h.shows("Importer sammenligningstall …"));
    h.click("Importer sammenligningstall …");
    REQUIRE(h.platform.picks.size() == 1);
    CHECK(h.platform.last_accept.find(".csv") != std::string::npos);

    // A file with a bad percent: every problem with its line and column, nothing kept.
    h.app->on_file_picked(h.platform.picks.back(), "feil.csv", "kategori;kode;år;kvartal;prosent\nbransje;barnehager;2025;4;ti\n");
    h.frames(4);
    CHECK(h.shows_text_containing("feil.csv: ikke lest, 1 feil. Ingenting er tatt inn."));
    CHECK(h.shows_text_containing("Linje 2, kolonne «prosent»"));
    CHECK(h.app->document().data.comparison_figures.empty());
    h.click("OK");

    // Barnehager 10,0 12,0 11,0 9,0: mean 42 / 4 = 10,5; 20,0 > 10,5 x 1,1 = 11,55: OVER.
    const std::string csv = "\xEF\xBB\xBF" "kategori;kode;år;kvartal;prosent\r\n"
                            "bransje;barnehager;2025;4;10,0\r\n"
                            "bransje;barnehager;2026;1;12,0\r\n"
                            "bransje;barnehager;2026;2;11,0\r\n"
                            "bransje;barnehager;2026;3;9,0\r\n";
    h.app->on_file_picked(static_cast<int>(h.platform.picks.back()), "ssb-2026K3.csv", csv);
    h.frames(4);
    CHECK(h.shows_text_containing("ssb-2026K3.csv: 4 tall lest, 0 av dem erstatter tall som er importert før."));
    CHECK(h.shows_text_containing("Barnehager · legemeldt · 3. kvartal 2026 · 9,0 %"));
    CHECK(h.app->document().data.comparison_figures.empty()); // nothing until "Importer"
    h.click("Importer");
    h.frames(2);
    REQUIRE(h.app->document().data.comparison_figures.size() == 4);
    CHECK(h.app->document().data.comparison_figures[0].source == "«ssb-2026K3.csv», importert 24.11.2026");
    CHECK(h.shows("4 importerte sammenligningstall i registeret."));

    h.click("Statistikk");
    h.frames(2);
    CHECK(h.shows("Vurdering: OVER – sykefraværet er høyere enn bransjens (over bransjen × 1,1)."));
    CHECK(h.shows("10,5 %")); // the bransje's four quarters
    CHECK(h.shows("20,0 %"));
    CHECK(h.shows_text_containing("4 importerte tall går foran"));

    // Undo takes the figures out again, and with them the verdict.
    h.app->document().undo(0, "hr");
    h.frames(2);
    CHECK(h.app->document().data.comparison_figures.empty());
    CHECK(h.shows("Ingen vurdering: færre enn fire kvartaler med tall for virksomheten eller bransjen."));
}

TEST_CASE("goals: imported figures give the bransje's and the country's four quarters beside a sick-leave goal") {
    Dataset d = five_in_a_barnehage();
    d.goals.push_back(sick_leave_goal());
    {
        // No bransjeprogram: only the country, and the shipped table has no figures for 2025K4-2026K3.
        test::HeadlessApp h;
        h.start_with(d);
        h.click("IA-mål");
        h.frames(2);
        CHECK(h.shows("Landet: ingen tall for de fire kvartalene til 3. kvartal 2026"));
        CHECK_FALSE(h.shows_text_containing("Bransjen ("));
    }
    // Imported, today 24.11.2026 (four quarters 2025K4-2026K3): barnehager 10,0 12,0 11,0 9,0 ->
    // 42 / 4 = 10,5; the country 6,0 6,4 6,0 5,6 -> 24,0 / 4 = 6,0.
    d.organisation.bransjeprogram = Bransjeprogram::barnehager;
    const double b[] = {10.0, 12.0, 11.0, 9.0}, l[] = {6.0, 6.4, 6.0, 5.6};
    Quarter q{2025, 4};
    for (int i = 0; i < 4; ++i, q = q.plus(1)) {
        BenchmarkFigure f;
        f.category = BenchmarkCategory::bransje;
        f.code = "barnehager";
        f.year = q.year;
        f.quarter = q.q;
        f.percent = b[i];
        f.source = "ssb.csv";
        d.comparison_figures.push_back(f);
        f.category = BenchmarkCategory::land;
        f.code = "";
        f.percent = l[i];
        d.comparison_figures.push_back(f);
    }
    sort_benchmarks(d.comparison_figures);
    test::HeadlessApp h;
    h.start_with(d);
    h.click("IA-mål");
    h.frames(2);
    CHECK(h.shows("Bransjen (Barnehager), legemeldt, fire kvartaler til 3. kvartal 2026: 10,5 %"));
    CHECK(h.shows("Landet, legemeldt, fire kvartaler til 3. kvartal 2026: 6,0 %"));
}
