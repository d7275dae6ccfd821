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
