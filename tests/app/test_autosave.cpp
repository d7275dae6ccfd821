// Autosave (src/app/autosave.hpp) over a native Platform: when a change is saved, when the user is
// told it is saved, what happens when the browser's storage refuses it, and that a read-only tab
// writes nothing. Times are the tick clock's seconds, given by the test.
#include "app/autosave.hpp"
#include "app/i18n.hpp"
#include "iadesk/dataset.hpp"
#include "test_platform.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

using namespace iadesk;
using namespace iadesk::app;

namespace {

using testing::one_unit_organisation;

// A change to the document, as a command (the way the views change it).
void rename_org(Document& doc, const std::string& name) {
    Command c;
    c.description = "Endret organisasjonsnavn";
    c.apply = [name](Dataset& d) { d.organisation.name = name; };
    c.undo = [](Dataset&) {};
    doc.apply(std::move(c));
}

std::string stored_name(test::TestPlatform& platform) {
    SnapshotStore store(platform.memory);
    SnapshotLoad l = store.load_newest();
    return l.dataset ? l.dataset->organisation.name : "(nothing)";
}

struct Fixture {
    Translations texts;
    test::TestPlatform platform; // asynchronous persist, as in the browser, unless a test says otherwise
    Autosave autosave;
    Document doc;
    Fixture() {
        texts.load_builtin();
        set_current_translations(&texts);
    }
    ~Fixture() { set_current_translations(nullptr); }

    // Opens the store, starts a new document for the organisation `name` and lets one second pass:
    // the first save is written (and, with asynchronous persist, not yet confirmed).
    void start_and_write_first_save(const std::string& name) {
        autosave.open(&platform);
        doc.reset(one_unit_organisation(name));
        autosave.opened(0);
        autosave.tick(doc, 0.0);
        autosave.tick(doc, 1.0);
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "autosave: a change is saved 0.8 s after it is first seen, and shown as saved only once persisted") {
    CHECK_FALSE(autosave.open(&platform).dataset); // first start: an empty store
    doc.reset(one_unit_organisation("Før"));
    autosave.opened(0);                            // not stored yet
    autosave.tick(doc, 10.0);
    CHECK(platform.snapshots().empty());           // waits for a pause
    autosave.tick(doc, 10.7);
    CHECK(platform.snapshots().empty());
    autosave.tick(doc, 10.81);
    CHECK(platform.snapshots().size() == 1);
    CHECK(platform.persist_calls == 1);
    CHECK(autosave.saving(doc)); // written to the store, not confirmed by the browser yet
    autosave.on_persisted(true, "", 11.0);
    CHECK_FALSE(autosave.saving(doc));
    CHECK(autosave.state().saved_unix > 0);
    CHECK(stored_name(platform) == "Før");

    rename_org(doc, "Etter");
    autosave.tick(doc, 20.0);
    autosave.tick(doc, 20.9);
    CHECK(stored_name(platform) == "Etter");
}

TEST_CASE_FIXTURE(Fixture, "autosave: page hide while the browser is still copying a save asks for the newest snapshot to be kept") {
    start_and_write_first_save("Fjellheim"); // written, the copy to IndexedDB under way
    REQUIRE(platform.persist_calls == 1);
    CHECK(autosave.flush(doc));            // nothing new to write, but not confirmed: keep it
    CHECK(platform.snapshots().size() == 1); // and nothing written twice
    autosave.on_persisted(true, "", 1.2);
    CHECK_FALSE(autosave.flush(doc));      // confirmed: nothing to do on page hide
    rename_org(doc, "Fjellheim kommune");
    CHECK(autosave.flush(doc));            // unsaved: written at once
    CHECK(stored_name(platform) == "Fjellheim kommune");
}

TEST_CASE_FIXTURE(Fixture, "autosave: a full quota is said in plain words, keeps the edit, and is tried again 5 s later") {
    start_and_write_first_save("Kvotetest AS");
    REQUIRE(platform.persist_calls == 1);
    autosave.on_persisted(false, "QuotaExceededError: the quota has been exceeded", 1.1);
    CHECK(autosave.state().error.find("lagringsplassen i nettleseren er full") != std::string::npos);
    CHECK(autosave.saving(doc)); // not safe yet
    autosave.tick(doc, 3.0);
    CHECK(platform.persist_calls == 1); // not every frame ...
    autosave.tick(doc, 6.2);
    CHECK(platform.persist_calls == 2); // ... but after the pause, without a new edit
    autosave.on_persisted(true, "", 6.3);
    CHECK(autosave.state().error.empty());
    CHECK_FALSE(autosave.saving(doc));
}

TEST_CASE_FIXTURE(Fixture, "autosave: a read-only tab writes nothing, also on page hide") {
    autosave.open(&platform);
    autosave.set_read_only(ReadOnly::another_tab);
    doc.reset(one_unit_organisation("Fra fane to"));
    autosave.opened(0);
    autosave.tick(doc, 0.0);
    autosave.tick(doc, 5.0);
    CHECK_FALSE(autosave.flush(doc));
    CHECK(platform.memory.files.empty());
    CHECK(platform.persist_calls == 0);
}

TEST_CASE_FIXTURE(Fixture, "autosave: without a store nothing is saved and nothing fails") {
    platform.has_store = false;
    CHECK_FALSE(autosave.open(&platform).dataset);
    CHECK_FALSE(autosave.stored());
    doc.reset(one_unit_organisation("Ingen lagring"));
    autosave.opened(0);
    autosave.tick(doc, 0.0);
    autosave.tick(doc, 5.0);
    CHECK_FALSE(autosave.flush(doc));
    CHECK(autosave.state().error.empty());
}

TEST_CASE_FIXTURE(Fixture, "autosave: a large document is written in pieces and stored whole") {
    autosave.open(&platform);
    doc.reset(testing::one_unit_organisation_with_staff("Stor", Autosave::kSteppedRecords));
    autosave.opened(0);
    double t = 0.0;
    for (int i = 0; i < 100000 && platform.persist_calls == 0; ++i) autosave.tick(doc, t += 0.016);
    REQUIRE(platform.persist_calls == 1);
    CHECK(platform.snapshots().size() == 1);
    for (const auto& [name, bytes] : platform.memory.files) CHECK_FALSE(name.ends_with(".tmp"));
    CHECK(stored_name(platform) == "Stor");
}

TEST_CASE_FIXTURE(Fixture, "autosave: a save that would not load again is written, said, and the last good one kept") {
    platform.asynchronous_persist = false;
    start_and_write_first_save("God AS");
    REQUIRE(platform.snapshots().size() == 1);
    CHECK_FALSE(autosave.state().unloadable);
    // Commands refuse a name longer than the loader accepts (Document::apply checks it); this is the
    // second line of defence, for data that got past them some other way (a bug): written directly.
    for (int i = 0; i < 6; ++i) {
        doc.data.organisation.name = std::string(10001 + i, 'x');
        ++doc.revision;
        autosave.tick(doc, 2.0 + 2 * i);
        autosave.tick(doc, 3.0 + 2 * i);
        REQUIRE(autosave.state().unloadable);
        CHECK(autosave.state().unloadable->pointer == "/organisation/name");
    }
    CHECK(platform.snapshots().front() == SnapshotStore::name_of(1)); // the good one is never pruned
    CHECK(platform.snapshots().size() == 5);
    rename_org(doc, "Rettet AS");
    autosave.tick(doc, 20.0);
    autosave.tick(doc, 21.0);
    CHECK_FALSE(autosave.state().unloadable);
    CHECK(stored_name(platform) == "Rettet AS");
}
