// The fields of format version 2 in the app, drawn headless with the real App as HR: the exact
// birth date in the employee editor, the organisation's egenmelding rule in Innstillinger, and the
// warning under the absence form when an egenmelding breaks the rule (folketrygdloven § 8-24: the
// law allows 3 calendar days at a time, 4 times in 12 months). Expectations worked out by hand.
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

// One unit, Kari (born 1980, employed since 2020: past § 8-24's two months), no absence.
Dataset register_with_kari() {
    Dataset d;
    d.organisation.name = "Fjellheim AS";
    d.organisation.orgnr = "974760673";
    d.units.push_back({"U1", "Drift"});
    Employee kari;
    kari.id = "E1";
    kari.name = "Kari Nordmann";
    kari.unit = "U1";
    kari.employment.push_back({Date::from_ymd(2020, 1, 1), std::nullopt, 100.0});
    kari.birth_year = 1980;
    d.employees.push_back(kari);
    return d;
}

// The app on that register, HR (the default role), today 24.11.2026; a tall window so that the
// employee editor and the absence form below it are in view.
void start(test::HeadlessApp& h, const Dataset& d) {
    h.start_with(d);
}

void open_kari(test::HeadlessApp& h) {
    h.click("Ansatte");
    h.click("Kari Nordmann");
    REQUIRE(h.shows("Fødselsdato (valgfritt)"));
}

const Employee& kari(test::HeadlessApp& h) { return h.app->document().data.employees.at(0); }

// Switches to the manager of Drift through the role menu (its title starts "Rolle: ") and opens
// Kari in Ansatte.
void open_kari_as_manager_of_drift(test::HeadlessApp& h) {
    std::string title;
    for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
        if (it.value("visible", false) && it.value("label", "").starts_with("Rolle: ")) title = it.value("label", "");
    REQUIRE_FALSE(title.empty());
    h.click(title);
    h.click("Nærmeste leder for");
    h.click("Drift");
    h.click("Ansatte");
    h.click("Kari Nordmann");
}

} // namespace

TEST_CASE("employee editor: the birth date HR types reaches the document") {
    test::HeadlessApp h;
    start(h, register_with_kari());
    open_kari(h);
    CHECK(h.value_of("Fødselsdato (valgfritt)").empty());
    h.type("Fødselsdato (valgfritt)", "15.03.1980");
    h.click("Lagre");
    REQUIRE(kari(h).birth_date);
    CHECK(*kari(h).birth_date == Date::from_ymd(1980, 3, 15));
    CHECK(kari(h).birth_year == 1980);
}

TEST_CASE("employee editor: a birth date that does not match the birth year shows the loader's message and changes nothing") {
    test::HeadlessApp h;
    start(h, register_with_kari());
    open_kari(h);
    h.type("Fødselsdato (valgfritt)", "15.03.1981"); // a real date, but Kari's birth year is 1980
    h.click("Lagre");
    CHECK_FALSE(kari(h).birth_date);
    // The loader's text for the same problem (problem_text.cpp, birth_date.year).
    CHECK(h.shows_text_containing("passer ikke med fødselsåret 1980"));
    h.type("Fødselsdato (valgfritt)", "31.02.1980"); // no such day
    h.click("Lagre");
    CHECK_FALSE(kari(h).birth_date);
    CHECK(h.shows_text_containing("Fødselsdatoen er ikke en gyldig dato"));
}

TEST_CASE("employee editor: the birth date is HR's only: the unit's manager sees the editor without it") {
    test::HeadlessApp h;
    Dataset d = register_with_kari();
    d.employees[0].birth_date = Date::from_ymd(1980, 3, 15);
    start(h, d);
    open_kari(h);
    CHECK(h.value_of("Fødselsdato (valgfritt)") == "15.03.1980");
    open_kari_as_manager_of_drift(h);
    CHECK(h.shows("Fødselsår (valgfritt)"));
    CHECK_FALSE(h.shows("Fødselsdato (valgfritt)"));
    CHECK_FALSE(h.shows_text_containing("15.03.1980"));
}

TEST_CASE("employee editor: HR's fødselsnummer is checked (mod 11), and the unit's manager never sees it") {
    test::HeadlessApp h;
    start(h, register_with_kari());
    open_kari(h);
    h.type("Fødselsnummer (valgfritt)", "01819012447"); // the second control digit should be 6
    h.click("Lagre");
    CHECK(kari(h).national_id.empty());
    CHECK(h.shows_text_containing("Fødselsnummeret må ha 11 siffer der de to siste er kontrollsifre"));
    h.type("Fødselsnummer (valgfritt)", "01819012446");
    h.click("Lagre");
    CHECK(kari(h).national_id == "01819012446");

    // The manager of Drift: the record without the fødselsnummer (their copy of the register has none).
    open_kari_as_manager_of_drift(h);
    CHECK_FALSE(h.shows("Fødselsnummer (valgfritt)"));
    CHECK_FALSE(h.shows_text_containing("01819012446"));
    CHECK(kari(h).national_id == "01819012446"); // and the document keeps it
}

TEST_CASE("settings: the organisation's own egenmelding rule is saved, and one outside the law is refused with the reason") {
    test::HeadlessApp h;
    start(h, register_with_kari());
    h.click("Innstillinger");
    h.click("Egen avtale med de tillitsvalgte");
    // The form starts from the law's rule.
    CHECK(h.value_of("Dager om gangen (1–16)") == "3");
    CHECK(h.value_of("Ganger per 12 måneder (tomt: ingen grense)") == "4");

    h.type("Dager om gangen (1–16)", "20"); // more than the 16 days of the arbeidsgiverperiode
    h.click("Lagre egenmeldingsregelen");
    CHECK_FALSE(h.app->document().data.organisation.egenmelding);
    CHECK(h.shows_text_containing("Egenmelding kan gjelde 1–16 dager om gangen (var 20"));

    // The historic IA rule: 8 days at a time, 24 days in 12 months, agreed from 1 March 2024.
    h.type("Dager om gangen (1–16)", "8");
    h.type("Ganger per 12 måneder (tomt: ingen grense)", "");
    h.type("Dager per 12 måneder (tomt: ingen grense)", "24");
    h.type("Avtalt fra", "01.03.2024");
    h.click("Lagre egenmeldingsregelen");
    const std::optional<EgenmeldingRule>& rule = h.app->document().data.organisation.egenmelding;
    REQUIRE(rule);
    CHECK(rule->days_at_a_time == 8);
    CHECK_FALSE(rule->times_per_12_months);
    CHECK(rule->days_per_12_months == 24);
    CHECK(rule->agreed_from == Date::from_ymd(2024, 3, 1));

    // A change cancelled is not saved, and the form shows the saved rule again.
    h.type("Dager om gangen (1–16)", "5");
    h.click("Avbryt");
    CHECK(h.value_of("Dager om gangen (1–16)") == "8");
    CHECK(h.app->document().data.organisation.egenmelding->days_at_a_time == 8);

    // Back to the law's rule.
    h.click("Lovens regel (3 dager, 4 ganger per 12 måneder)");
    h.click("Lagre egenmeldingsregelen");
    CHECK_FALSE(h.app->document().data.organisation.egenmelding);
}

TEST_CASE("absence form: an egenmelding longer than the law's 3 days is warned about, and registered all the same") {
    test::HeadlessApp h;
    start(h, register_with_kari());
    open_kari(h);
    h.click("Registrer fravær");
    h.click("Egenmelding");
    // 24.11.2026 (today, the form's first day) to 27.11.2026: 4 calendar days, the law allows 3.
    CHECK(h.value_of("Første fraværsdag") == "24.11.2026");
    h.type("Siste fraværsdag", "26.11.2026"); // 3 days: within the rule
    CHECK_FALSE(h.shows_text_containing("går ut over regelen"));
    h.type("Siste fraværsdag", "27.11.2026");
    CHECK(h.shows_text_containing("Egenmeldingen går ut over regelen for egenmelding"));
    CHECK(h.shows_text_containing("4 dager i sammenheng med tilgrensende egenmeldinger; regelen tillater 3."));
    CHECK(h.shows_text_containing("Regelen som gjelder: lovens"));
    h.click("Lagre fravær");
    const std::vector<Absence>& absences = h.app->document().data.absences;
    REQUIRE(absences.size() == 1);
    CHECK(absences[0].kind == AbsenceKind::egenmelding);
    CHECK(absences[0].from == Date::from_ymd(2026, 11, 24));
    CHECK(absences[0].to == Date::from_ymd(2026, 11, 27));
}

TEST_CASE("absence form: with the organisation's own rule of 8 days at a time, 4 days are within it and not warned about") {
    test::HeadlessApp h;
    Dataset d = register_with_kari();
    EgenmeldingRule ia;
    ia.days_at_a_time = 8;
    ia.times_per_12_months.reset();
    ia.days_per_12_months = 24;
    ia.agreed_from = Date::from_ymd(2024, 3, 1);
    d.organisation.egenmelding = ia;
    start(h, d);
    open_kari(h);
    h.click("Registrer fravær");
    h.click("Egenmelding");
    h.type("Siste fraværsdag", "27.11.2026");
    CHECK_FALSE(h.shows_text_containing("går ut over regelen"));
    h.type("Siste fraværsdag", "03.12.2026"); // 24.11-03.12: 10 days, the agreement allows 8
    CHECK(h.shows_text_containing("10 dager i sammenheng med tilgrensende egenmeldinger; regelen tillater 8."));
    CHECK(h.shows_text_containing("Regelen som gjelder: egen avtale med de tillitsvalgte, 8 dager om gangen, 24 dager per 12 måneder, avtalt fra 01.03.2024"));
}
