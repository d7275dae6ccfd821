// Document, commands and undo/redo (ARCHITECTURE.md: every change is a command).
#include "iadesk/document.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

TEST_CASE("document: apply, undo and redo restore the organisation name and bump the revision") {
    Document doc;
    doc.data.organisation.name = "Fjordvik kommune";
    const auto r0 = doc.revision;
    doc.apply(set_organisation_name(doc.data, "Fjordvik kommune (test)"));
    CHECK(doc.data.organisation.name == "Fjordvik kommune (test)");
    CHECK(doc.revision == r0 + 1);
    CHECK(doc.undo() == "Endret organisasjonsnavn");
    CHECK(doc.data.organisation.name == "Fjordvik kommune");
    CHECK_FALSE(doc.can_undo());
    CHECK(doc.redo() == "Endret organisasjonsnavn");
    CHECK(doc.data.organisation.name == "Fjordvik kommune (test)");
    CHECK(doc.revision == r0 + 3);
}

TEST_CASE("document: typing in one field is one undo step; a new edit after undo drops redo") {
    Document doc;
    doc.data.organisation.name = "A";
    for (const char* s : {"AB", "ABC", "ABCD"}) doc.apply(set_organisation_name(doc.data, s));
    CHECK(doc.change_log().size() == 1);
    doc.undo();
    CHECK(doc.data.organisation.name == "A");
    CHECK(doc.can_redo());
    doc.apply(set_organisation_name(doc.data, "Z"));
    CHECK_FALSE(doc.can_redo());
    doc.end_merge();
    doc.apply(set_organisation_name(doc.data, "ZY"));
    doc.undo();
    CHECK(doc.data.organisation.name == "Z"); // the field lost focus in between: two steps
}

TEST_CASE("document: recording and removing a milestone event can be undone and redone") {
    Document doc;
    MilestoneEvent ev{"E1", Date::from_ymd(2026, 1, 5), "dialogmote1", EventStatus::done,
                      Date::from_ymd(2026, 2, 20), "holdt på telefon"};
    doc.apply(record_milestone_event(doc.data, ev));
    REQUIRE(doc.data.milestone_events.size() == 1);
    CHECK(doc.data.milestone_events[0].note == "holdt på telefon");
    doc.undo();
    CHECK(doc.data.milestone_events.empty());
    doc.redo();
    REQUIRE(doc.data.milestone_events.size() == 1);
    doc.apply(record_milestone_event(doc.data, {"E2", Date::from_ymd(2026, 3, 2), "oppfolgingsplan",
                                                EventStatus::exempt, Date::from_ymd(2026, 3, 20), "åpenbart unødvendig"}));
    doc.apply(remove_milestone_event(doc.data, 0));
    REQUIRE(doc.data.milestone_events.size() == 1);
    CHECK(doc.data.milestone_events[0].employee == "E2");
    doc.undo();
    REQUIRE(doc.data.milestone_events.size() == 2);
    CHECK(doc.data.milestone_events[0].employee == "E1"); // back in its place
}
