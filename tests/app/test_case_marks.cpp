// Marking a milestone in the case view (src/app/views/case_view.hpp), drawn headless with the real
// App as HR, today 24.11.2026: "Marker utført" asks for the real date, who took part and a note
// (focus in the date field, Enter saves, Escape cancels); a date after today is refused with the
// field named; a recorded mark is edited and shown with its date, participants and note; the
// diagnosis guard warns under the note without blocking.
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

namespace {

const Date kCaseStart = Date::from_ymd(2026, 10, 20); // five weeks before today: the plan (S+27) is overdue

Dataset kari_sick_listed() {
    Dataset d = testing::one_unit_organisation("Fjellheim AS");
    Employee kari;
    kari.id = "E1";
    kari.name = "Kari Nordmann";
    kari.unit = "U1";
    kari.employment.push_back({Date::from_ymd(2020, 1, 1), std::nullopt, 100.0});
    d.employees.push_back(kari);
    d.absences.push_back({"E1", AbsenceKind::sykmelding, kCaseStart, std::nullopt, 100});
    return d;
}

const std::vector<MilestoneEvent>& events(test::HeadlessApp& h) { return h.app->document().data.milestone_events; }

void press(test::HeadlessApp& h, ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    h.frames(1);
    ImGui::GetIO().AddKeyEvent(key, false);
    h.frames(2);
}

void open_case(test::HeadlessApp& h) {
    h.start_with(kari_sick_listed());
    h.click("Kari Nordmann"); // on Oversikt
    REQUIRE(h.shows("Oppfølgingsplan utarbeidet og sendt sykmelder (innen 4 uker)"));
}

} // namespace

TEST_CASE("case view: Marker utført records the real date, who took part and a note, and Enter saves") {
    test::HeadlessApp h;
    open_case(h);
    h.click("Marker utført"); // the first task row: the follow-up plan
    REQUIRE(h.shows("Dato da det ble gjort (dd.mm.åååå)"));
    CHECK(h.value_of("Dato da det ble gjort (dd.mm.åååå)") == "24.11.2026"); // today by default
    CHECK(events(h).empty());                                              // nothing recorded yet
    // Focus starts in the date field (all of it selected): typing replaces today's date.
    ImGui::GetIO().AddInputCharactersUTF8("13.11.2026");
    h.frames(2);
    CHECK(h.value_of("Dato da det ble gjort (dd.mm.åååå)") == "13.11.2026");
    h.type("Hvem deltok", "Kari Nordmann, leder Ola Hansen");
    h.type("Notat", "Samtale på kontoret");
    press(h, ImGuiKey_Enter);
    REQUIRE(events(h).size() == 1);
    const MilestoneEvent& ev = events(h)[0];
    CHECK(ev.milestone == "oppfolgingsplan");
    CHECK(ev.status == EventStatus::done);
    CHECK(ev.case_start == kCaseStart);
    CHECK(ev.date == Date::from_ymd(2026, 11, 13));
    CHECK(ev.participants == "Kari Nordmann, leder Ola Hansen");
    CHECK(ev.note == "Samtale på kontoret");
    CHECK_FALSE(h.shows("Hvem deltok")); // the dialog closed
    // The table shows what was recorded.
    CHECK(h.shows("Utført 13.11.2026"));
    CHECK(h.shows("Deltok: Kari Nordmann, leder Ola Hansen"));
    CHECK(h.shows("Samtale på kontoret"));
}

TEST_CASE("case view: a mark dated after today is refused with the field named, Escape cancels, an edit is saved") {
    test::HeadlessApp h;
    open_case(h);
    h.click("Marker utført");
    h.type("Dato da det ble gjort (dd.mm.åååå)", "25.11.2026");
    h.click("Lagre som utført");
    CHECK(events(h).empty());
    CHECK(h.shows_text_containing("Datoen 25.11.2026 er etter i dag (24.11.2026)"));
    press(h, ImGuiKey_Escape);
    CHECK_FALSE(h.shows("Hvem deltok"));
    CHECK(events(h).empty());

    h.click("Marker utført");
    h.click("Lagre som utført"); // today
    REQUIRE(events(h).size() == 1);
    CHECK(events(h)[0].date == Date::from_ymd(2026, 11, 24));
    CHECK(h.shows("Utført 24.11.2026"));

    h.click("Endre");
    CHECK(h.value_of("Dato da det ble gjort (dd.mm.åååå)") == "24.11.2026");
    h.type("Dato da det ble gjort (dd.mm.åååå)", "12.11.2026");
    h.type("Hvem deltok", "BHT");
    h.click("Lagre endringen");
    REQUIRE(events(h).size() == 1); // changed, not added
    CHECK(events(h)[0].date == Date::from_ymd(2026, 11, 12));
    CHECK(events(h)[0].participants == "BHT");
    CHECK(h.shows("Utført 12.11.2026"));
    h.app->document().undo(); // one step back to the mark as first recorded
    h.frames(2);
    CHECK(events(h)[0].date == Date::from_ymd(2026, 11, 24));
    CHECK(events(h)[0].participants.empty());
}

TEST_CASE("case view: Unntak asks for the reason and the date, and the guard warns under the reason without blocking") {
    test::HeadlessApp h;
    open_case(h);
    h.click("Unntak");
    REQUIRE(h.shows("Dato for unntaket (dd.mm.åååå)"));
    CHECK_FALSE(h.shows("Hvem deltok")); // an exemption has a reason, not participants
    h.type("Dato for unntaket (dd.mm.åååå)", "02.11.2026");
    h.type("Begrunnelse", "Åpenbart unødvendig: kort fravær etter prolaps");
    CHECK(h.shows_text_containing("Ligner helseopplysninger: diagnoseord «prolaps»"));
    h.click("Lagre unntak");
    REQUIRE(events(h).size() == 1);
    CHECK(events(h)[0].status == EventStatus::exempt);
    CHECK(events(h)[0].date == Date::from_ymd(2026, 11, 2));
    CHECK(events(h)[0].note == "Åpenbart unødvendig: kort fravær etter prolaps");
    CHECK(h.shows("Unntatt 02.11.2026"));
}
