// The plan editor's draft is saved as it is typed (src/app/views/plan_editor.hpp), drawn headless
// with the real App as HR, today 24.11.2026: typed text reaches the document about a second after
// typing stops and the autosave stores it; the typing run is one undo step; a date typed half-way
// is kept, said under the field and in the status bar, which then never says all is saved; the
// diagnosis guard warns under the field as it is typed.
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/plan_commands.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

const Date kToday = Date::from_ymd(2026, 11, 24);
const Date kCaseStart = Date::from_ymd(2026, 10, 20); // five weeks before today: open, plan due

// Kari Nordmann (E1, in U1 "Drift" since 2020) sick-listed from 20.10.2026, open; her plan's first
// version is a draft from the office template, with no work ability written yet.
Dataset kari_with_draft_plan() {
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    Employee kari;
    kari.id = "E1";
    kari.name = "Kari Nordmann";
    kari.unit = "U1";
    kari.employment.push_back({Date::from_ymd(2020, 1, 1), std::nullopt, 100.0});
    d.employees.push_back(kari);
    d.absences.push_back({"E1", AbsenceKind::sykmelding, kCaseStart, std::nullopt, 100});
    CommandResult r = new_plan_version(d, "E1", kCaseStart, "office", "HR", kToday);
    REQUIRE(r.ok());
    r.command->apply(d);
    REQUIRE(d.plans.size() == 1);
    REQUIRE(d.plans[0].versions.back().content.work_ability.empty());
    return d;
}

const PlanContent& draft(test::HeadlessApp& h) { return h.app->document().data.plans.at(0).versions.back().content; }

// The content of the plan in the newest stored snapshot.
PlanContent stored_draft(test::HeadlessApp& h) {
    SnapshotStore store(h.platform.memory);
    SnapshotLoad l = store.load_newest();
    REQUIRE(l.dataset);
    REQUIRE(l.dataset->plans.size() == 1);
    return l.dataset->plans[0].versions.back().content;
}

void open_plan(test::HeadlessApp& h) {
    h.platform.asynchronous_persist = false; // stored is stored: "Lagret hh:mm" at once
    h.start_with(kari_with_draft_plan());
    h.seconds(2); // the first save of the opened document is done
    h.click("Oppfølgingsplaner");
    h.click("Kari Nordmann");
    REQUIRE(h.shows("Oppfølgingsplan – Kari Nordmann"));
    REQUIRE(h.shows("Utkastet er lagret"));
}

bool status_says_all_saved(const test::HeadlessApp& h) {
    return h.shows("Alt er lagret") || h.shows_text_containing("Lagret ");
}

} // namespace

TEST_CASE("plan draft: typed text reaches the document a second after typing stops and is stored, as one undo step") {
    test::HeadlessApp h;
    open_plan(h);
    const std::string text = "Kan arbeide fire timer om dagen.";
    h.type("Vurdering av arbeidsevnen nå", text); // the field keeps the focus: still typing
    CHECK(draft(h).work_ability.empty());         // not yet: typing goes on
    CHECK(h.shows("Lagrer utkastet …"));          // the status bar says so, not "saved"
    CHECK_FALSE(status_says_all_saved(h));
    h.seconds(0.5);
    CHECK(draft(h).work_ability.empty()); // 0.6 s after the last key: still waiting for the pause
    h.seconds(0.6);
    CHECK(draft(h).work_ability == text); // past 1 s: in the document
    h.seconds(1.5);                       // the autosave's pause (0.8 s) has passed
    CHECK(stored_draft(h).work_ability == text);
    CHECK(h.shows("Utkastet er lagret"));
    CHECK(h.shows_text_containing("Lagret ")); // the status bar: nothing pending
    CHECK_FALSE(h.shows("Lagrer …"));
    CHECK_FALSE(h.shows("Lagrer utkastet …"));

    // More typing in the same field, committed again: the run is one undo step back to empty.
    ImGui::GetIO().AddInputCharactersUTF8(" Lette løft.");
    h.seconds(1.5);
    CHECK(draft(h).work_ability == text + " Lette løft.");
    h.click("Oppfølgingsplan – Kari Nordmann"); // leave the field (a click beside it)
    h.app->document().undo();
    h.frames(2);
    CHECK(draft(h).work_ability.empty());
    CHECK(h.value_of("Vurdering av arbeidsevnen nå").empty()); // the editor follows the undo
    CHECK(h.shows("Utkastet er lagret"));                      // nothing of its own to commit
}

TEST_CASE("plan draft: leaving the editor commits at once, without waiting for the pause") {
    test::HeadlessApp h;
    open_plan(h);
    h.type("Vurdering av arbeidsevnen nå", "Kan kjøre truck igjen.");
    h.click("Oversikt"); // the page is left within the pause
    CHECK(draft(h).work_ability == "Kan kjøre truck igjen.");
}

TEST_CASE("plan draft: a date typed half-way is kept, said under the field and in the status bar, never 'saved'") {
    test::HeadlessApp h;
    open_plan(h);
    const std::optional<Date> before = draft(h).evaluation_date;
    h.type("Neste evaluering", "15.12.20"); // not a date yet
    h.click("Oppfølgingsplan – Kari Nordmann"); // left half-way
    h.seconds(2);
    CHECK(draft(h).evaluation_date == before);           // nothing half-typed in the document
    CHECK(h.value_of("Neste evaluering") == "15.12.20"); // but kept in the field
    CHECK(h.shows("Ikke en gyldig dato (dd.mm.åååå)"));  // under the field
    CHECK(h.shows("\xE2\x9A\xA0 Oppfølgingsplanen for Kari Nordmann har ulagrede endringer: «Neste evaluering» er ikke en gyldig dato (dd.mm.åååå)"));
    CHECK(h.shows("Utkastet er ikke lagret: «Neste evaluering» er ikke en gyldig dato (dd.mm.åååå)"));
    CHECK_FALSE(status_says_all_saved(h));
    CHECK_FALSE(h.app->flush()); // page hide: nothing to write, and the half date is not forced in
    CHECK(draft(h).evaluation_date == before);

    // Finished: committed, and the warning is gone.
    h.type("Neste evaluering", "15.12.2026");
    h.seconds(1.5);
    CHECK(draft(h).evaluation_date == Date::from_ymd(2026, 12, 15));
    CHECK_FALSE(h.shows_text_containing("har ulagrede endringer"));
    h.seconds(1.5);
    CHECK(status_says_all_saved(h));
}

TEST_CASE("plan draft: a text the checks refuse is kept and the status bar says why") {
    test::HeadlessApp h;
    open_plan(h);
    // An evaluation date today is refused (it must be after today, NAV's rule).
    h.type("Neste evaluering", "24.11.2026");
    h.click("Oppfølgingsplan – Kari Nordmann");
    h.seconds(2);
    CHECK(draft(h).evaluation_date != std::optional<Date>(kToday));
    CHECK(h.shows_text_containing("Oppfølgingsplanen for Kari Nordmann har ulagrede endringer: "));
    CHECK_FALSE(status_says_all_saved(h));
}

TEST_CASE("plan draft: the diagnosis guard warns under the field as it is typed, and does not block") {
    test::HeadlessApp h;
    open_plan(h);
    h.type("Vurdering av arbeidsevnen nå", "Har F32 og kan jobbe litt.");
    h.frames(2);
    CHECK(h.shows_text_containing("Ligner helseopplysninger: diagnosekode «F32». Arbeidsgiveren skal ikke lagre diagnoser"));
    h.seconds(1.5);
    CHECK(draft(h).work_ability == "Har F32 og kan jobbe litt."); // a warning, not a refusal
    h.type("Vurdering av arbeidsevnen nå", "Kan jobbe litt.");
    h.frames(2);
    CHECK_FALSE(h.shows_text_containing("Ligner helseopplysninger")); // quiet when nothing is found
}
