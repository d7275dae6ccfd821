// team_sync (src/app/team_sync.hpp): what the app sends to the team server and what it does with
// the answers and with other people's changes, on examples/fjordvik-small.json as the server's
// snapshot (13 absences with ids 101..113 at rev 0, 5 milestone events 201..205). The expected
// commands are worked out from the server's API (docs/team.md, "Sync"), not from this code.
#include "app/team_sync.hpp"

#include "iadesk/calendar.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/dataset.hpp"

#include "team_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using iadesk::Absence;
using iadesk::AbsenceKind;
using iadesk::Dataset;
using iadesk::Date;
using iadesk::app::TeamSync;
using nlohmann::json;

namespace {

std::string snapshot() { return iadesk::test::team_snapshot(); }

// A local edit as the app makes it: a core builder, applied to the data.
void run(Dataset& ds, iadesk::CommandResult r) {
    REQUIRE(r.ok());
    r.command->apply(ds);
}

Absence e05_absence() { // E05 (U1, 60 % since 2021): a one-week sykmelding in November
    return Absence{"E05", AbsenceKind::sykmelding, Date::from_ymd(2026, 11, 2), Date::from_ymd(2026, 11, 6), 100};
}

std::size_t index_of(const Dataset& ds, const std::string& employee, Date from) {
    for (std::size_t i = 0; i < ds.absences.size(); ++i)
        if (ds.absences[i].employee == employee && ds.absences[i].from == from) return i;
    FAIL("no such absence");
    return 0;
}

json stored(std::int64_t id, std::int64_t seq, const json& record) {
    json r = record;
    r["id"] = id;
    r["rev"] = seq;
    return {{"seq", seq}, {"record_id", id}, {"record", r}, {"duplicate", false}};
}

} // namespace

TEST_CASE("team sync: the snapshot opens with nothing waiting") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    CHECK(ds.employees.size() == 12);
    CHECK(ds.absences.size() == 13);
    CHECK(sync.last_seq() == 40);
    CHECK(sync.waiting(ds) == 0);
    CHECK_FALSE(sync.next_command(ds));
    Dataset untouched = ds;
    CHECK(sync.start("{\"dataset\": {}}", untouched, "c1").has_value()); // refused, named
    CHECK(untouched.absences.size() == 13);
}

TEST_CASE("team sync: an added absence is sent once with its key, and the answer's id is kept") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    run(ds, iadesk::add_absence(ds, e05_absence()));
    sync.observe(ds);
    CHECK(sync.waiting(ds) == 1);
    const json cmd = json::parse(*sync.next_command(ds));
    CHECK(cmd["op"] == "add_absence");
    CHECK(cmd["employee"] == "E05");
    CHECK(cmd["from"] == "2026-11-02");
    CHECK(cmd["to"] == "2026-11-06");
    CHECK(cmd["key"].get<std::string>().rfind("c1-", 0) == 0);
    CHECK_FALSE(sync.next_command(ds)); // one at a time

    // The answer is lost (offline): the same command goes again with the same key.
    CHECK(sync.on_answer(0, "", ds) == TeamSync::Answer::retry);
    CHECK(json::parse(*sync.next_command(ds)) == cmd);

    CHECK(sync.on_answer(200, stored(120, 41, cmd).dump(), ds) == TeamSync::Answer::stored);
    CHECK(sync.waiting(ds) == 0);
    CHECK_FALSE(sync.next_command(ds));

    // Edited afterwards: an update of id 120 from rev 41.
    const std::size_t i = index_of(ds, "E05", Date::from_ymd(2026, 11, 2));
    Absence longer = ds.absences[i];
    longer.to = Date::from_ymd(2026, 11, 13);
    run(ds, iadesk::update_absence(ds, i, longer));
    sync.observe(ds);
    const json upd = json::parse(*sync.next_command(ds));
    CHECK(upd["op"] == "update_absence");
    CHECK(upd["id"] == 120);
    CHECK(upd["base_rev"] == 41);
    CHECK(upd["to"] == "2026-11-13");
}

TEST_CASE("team sync: an add undone before it was sent sends nothing, and a removal sends its id and rev") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    Dataset before = ds;
    run(ds, iadesk::add_absence(ds, e05_absence()));
    sync.observe(ds);
    ds = before; // undo
    sync.observe(ds);
    CHECK(sync.waiting(ds) == 0);
    CHECK_FALSE(sync.next_command(ds));

    // E02's first sykmelding (02.03-13.03.2026) is id 102, the second one in the file.
    const std::size_t i = index_of(ds, "E02", Date::from_ymd(2026, 3, 2));
    REQUIRE(i == 1);
    run(ds, iadesk::remove_absence(ds, i));
    sync.observe(ds);
    const json rm = json::parse(*sync.next_command(ds));
    CHECK(rm["op"] == "remove_absence");
    CHECK(rm["id"] == 102);
    CHECK(rm["base_rev"] == 0);
    CHECK(rm["employee"] == "E02");
    // The records after it kept their ids: editing E02's second sykmelding updates 103.
    const std::size_t k = index_of(ds, "E02", Date::from_ymd(2026, 3, 24));
    Absence graded = ds.absences[k];
    graded.grade = 50;
    run(ds, iadesk::update_absence(ds, k, graded));
    sync.observe(ds);
    CHECK(sync.on_answer(200, json{{"seq", 41}, {"record_id", 102}, {"record", nullptr}}.dump(), ds) == TeamSync::Answer::stored);
    const json upd = json::parse(*sync.next_command(ds));
    CHECK(upd["id"] == 103);
    CHECK(upd["grade"] == 50);
}

TEST_CASE("team sync: other people's changes reach records not changed here, and wait for an unanswered command") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    // Someone adds an absence for E04 and changes E02's first sykmelding (102) to 50 %.
    const json changes = {
        {"changes",
         {{{"seq", 41}, {"kind", "absence"}, {"employee", "E04"}, {"record_id", 130},
           {"record", {{"id", 130}, {"rev", 41}, {"employee", "E04"}, {"kind", "sykmelding"}, {"from", "2026-11-09"}, {"to", "2026-11-27"}, {"grade", 100}}}},
          {{"seq", 42}, {"kind", "absence"}, {"employee", "E02"}, {"record_id", 102},
           {"record", {{"id", 102}, {"rev", 42}, {"employee", "E02"}, {"kind", "sykmelding"}, {"from", "2026-03-02"}, {"to", "2026-03-13"}, {"grade", 50}}}}}},
        {"last", 42}};
    // While our own add is unanswered, the changes wait.
    run(ds, iadesk::add_absence(ds, e05_absence()));
    sync.observe(ds);
    const json cmd = json::parse(*sync.next_command(ds));
    CHECK_FALSE(sync.on_changes(changes.dump(), ds));
    CHECK(ds.absences.size() == 14);
    CHECK(sync.on_answer(200, stored(131, 43, cmd).dump(), ds) == TeamSync::Answer::stored);
    CHECK(sync.take_data_changed());
    CHECK_FALSE(sync.take_data_changed());
    CHECK(ds.absences.size() == 15);
    CHECK(ds.absences[index_of(ds, "E02", Date::from_ymd(2026, 3, 2))].grade == 50);
    CHECK(ds.absences[index_of(ds, "E04", Date::from_ymd(2026, 11, 9))].to == Date::from_ymd(2026, 11, 27));
    CHECK(sync.last_seq() == 42);
    CHECK(sync.waiting(ds) == 0);
    // A removal from elsewhere removes it here.
    CHECK(sync.on_changes(json{{"changes", {{{"seq", 44}, {"kind", "absence"}, {"employee", "E04"}, {"record_id", 130}, {"record", nullptr}}}}, {"last", 44}}.dump(), ds));
    CHECK(ds.absences.size() == 14);
    CHECK(sync.waiting(ds) == 0);
}

TEST_CASE("team sync: a conflicting edit keeps both versions until the user chooses") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    const std::size_t i = index_of(ds, "E02", Date::from_ymd(2026, 3, 2));
    Absence mine = ds.absences[i];
    mine.to = Date::from_ymd(2026, 3, 6);
    run(ds, iadesk::update_absence(ds, i, mine));
    sync.observe(ds);
    // Meanwhile HR changed the grade (rev 42): our change is not overwritten by theirs.
    CHECK_FALSE(sync.on_changes(json{{"changes", {{{"seq", 42}, {"kind", "absence"}, {"employee", "E02"}, {"record_id", 102},
                                                   {"record", {{"id", 102}, {"rev", 42}, {"employee", "E02"}, {"kind", "sykmelding"}, {"from", "2026-03-02"}, {"to", "2026-03-13"}, {"grade", 50}}}}}},
                                          {"last", 42}}.dump(), ds));
    CHECK(ds.absences[i].to == Date::from_ymd(2026, 3, 6));
    const json upd = json::parse(*sync.next_command(ds));
    CHECK(upd["base_rev"] == 0); // based on what we saw, so the server answers 409
    const json conflict = {{"error", "Noen andre har endret ..."}, {"error_en", "Someone else changed ..."},
                           {"theirs", {{"id", 102}, {"rev", 42}, {"employee", "E02"}, {"kind", "sykmelding"}, {"from", "2026-03-02"}, {"to", "2026-03-13"}, {"grade", 50}}},
                           {"yours", upd}};
    CHECK(sync.on_answer(409, conflict.dump(), ds) == TeamSync::Answer::conflict);
    REQUIRE(sync.conflicts().size() == 1);
    CHECK(sync.conflicts()[0].their_absence->grade == 50);
    CHECK(sync.conflicts()[0].my_absence->to == Date::from_ymd(2026, 3, 6));
    CHECK_FALSE(sync.next_command(ds)); // not sent again until settled
    CHECK(ds.absences[i].to == Date::from_ymd(2026, 3, 6)); // mine is still shown

    SUBCASE("keep mine: sent again on top of theirs") {
        CHECK_FALSE(sync.resolve(0, true, ds));
        const json again = json::parse(*sync.next_command(ds));
        CHECK(again["base_rev"] == 42);
        CHECK(again["to"] == "2026-03-06");
        CHECK(again["grade"] == 100);
    }
    SUBCASE("take theirs: the local record becomes theirs and nothing waits") {
        CHECK(sync.resolve(0, false, ds));
        CHECK(ds.absences[i].grade == 50);
        CHECK(ds.absences[i].to == Date::from_ymd(2026, 3, 13));
        CHECK(sync.waiting(ds) == 0);
        CHECK_FALSE(sync.next_command(ds));
    }
}

TEST_CASE("team sync: a command the server refuses is shown and can be dropped") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    run(ds, iadesk::add_absence(ds, e05_absence()));
    sync.observe(ds);
    (void)sync.next_command(ds);
    CHECK(sync.on_answer(422, json{{"error", "from: overlapper"}, {"error_en", "from: overlaps"}}.dump(), ds) == TeamSync::Answer::refused);
    REQUIRE(sync.conflicts().size() == 1);
    CHECK(sync.conflicts()[0].refused);
    CHECK(sync.conflicts()[0].message_nb == "from: overlapper");
    CHECK_FALSE(sync.next_command(ds));
    CHECK(sync.resolve(0, false, ds));
    CHECK(ds.absences.size() == 13);
    CHECK(sync.waiting(ds) == 0);
}

TEST_CASE("team sync: the journal of what waits survives a reload, with the same keys and base revs") {
    TeamSync before;
    Dataset ds;
    REQUIRE_FALSE(before.start(snapshot(), ds, "c1"));
    run(ds, iadesk::add_absence(ds, e05_absence()));
    const std::size_t i = index_of(ds, "E02", Date::from_ymd(2026, 3, 2));
    Absence shorter = ds.absences[i];
    shorter.to = Date::from_ymd(2026, 3, 6);
    run(ds, iadesk::update_absence(ds, i, shorter));
    before.observe(ds);
    const json first = json::parse(*before.next_command(ds)); // the update goes first, then is lost with the page
    CHECK(first["op"] == "update_absence");
    const std::string journal = before.journal(ds);
    const json entries = json::parse(journal);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0] == first); // the one being sent, with its key
    CHECK(entries[1]["op"] == "add_absence");

    // A new page: the same snapshot, except that HR changed 102 meanwhile (rev 42).
    json snap = json::parse(snapshot());
    snap["sync"]["absences"][1][1] = 42;
    snap["dataset"]["absences"][1]["grade"] = 50;
    TeamSync after;
    Dataset fresh;
    REQUIRE_FALSE(after.start(snap.dump(), fresh, "c2"));
    CHECK(after.replay(journal, fresh) == 2);
    CHECK(fresh.absences.size() == 14);
    CHECK(fresh.absences[index_of(fresh, "E02", Date::from_ymd(2026, 3, 2))].to == Date::from_ymd(2026, 3, 6));
    CHECK(after.waiting(fresh) == 2);
    const json again = json::parse(*after.next_command(fresh));
    CHECK(again["key"] == first["key"]);      // the same key: stored once if it had arrived
    CHECK(again["base_rev"] == 0);            // based on what the user saw: HR's change is a conflict
    CHECK(after.on_answer(200, stored(102, 43, again).dump(), fresh) == TeamSync::Answer::stored);
    const json add = json::parse(*after.next_command(fresh));
    CHECK(add["key"] == entries[1]["key"]);

    // The add had in fact been stored before the reload (its answer lost) and is in a newer
    // snapshot as 120: the server answers the key as a duplicate, and the page keeps one copy.
    CHECK(after.on_answer(200, stored(120, 41, add).dump(), fresh) == TeamSync::Answer::stored);
    CHECK(after.waiting(fresh) == 0);
}

TEST_CASE("team sync: a replayed add already in the snapshot is kept once") {
    json snap = json::parse(snapshot());
    // The snapshot already holds E05's absence as 120 (stored before the reload).
    snap["dataset"]["absences"].push_back({{"employee", "E05"}, {"kind", "sykmelding"}, {"from", "2026-11-02"}, {"to", "2026-11-06"}, {"grade", 100}});
    snap["sync"]["absences"].push_back({120, 41});
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snap.dump(), ds, "c2"));
    const json journal = json::array({{{"op", "add_absence"}, {"key", "c1-1"}, {"employee", "E05"}, {"kind", "sykmelding"},
                                        {"from", "2026-11-02"}, {"to", "2026-11-06"}, {"grade", 100}}});
    CHECK(sync.replay(journal.dump(), ds) == 1);
    CHECK(ds.absences.size() == 15);
    const json add = json::parse(*sync.next_command(ds));
    CHECK(add["key"] == "c1-1");
    json dup = stored(120, 41, add);
    dup["duplicate"] = true;
    CHECK(sync.on_answer(200, dup.dump(), ds) == TeamSync::Answer::stored);
    CHECK(sync.take_data_changed());
    CHECK(ds.absences.size() == 14);
    CHECK(sync.waiting(ds) == 0);
}

TEST_CASE("team sync: the server's own order of the snapshot (sync first) opens the same register") {
    // As iadesk-server writes it: {"sync":{...},"dataset":{...}}, the register not parsed twice.
    const json whole = json::parse(snapshot());
    const std::string text = "{\"sync\":" + whole["sync"].dump() + ",\"dataset\":" + whole["dataset"].dump() + "}";
    TeamSync fast, slow;
    Dataset a, b;
    REQUIRE_FALSE(fast.start(text, a, "c1"));
    REQUIRE_FALSE(slow.start(snapshot(), b, "c1"));
    CHECK(iadesk::save_dataset(a) == iadesk::save_dataset(b));
    CHECK(fast.last_seq() == 40);
    Dataset untouched;
    CHECK(fast.start("{\"sync\":{\"last\":1},\"dataset\":{\"format\":\"iadesk\"}}", untouched, "c1").has_value());
}

TEST_CASE("team sync: an add undone while it was being sent is removed again once stored") {
    TeamSync sync;
    Dataset ds;
    REQUIRE_FALSE(sync.start(snapshot(), ds, "c1"));
    const Dataset before = ds;
    run(ds, iadesk::add_absence(ds, e05_absence()));
    sync.observe(ds);
    const json add = json::parse(*sync.next_command(ds));
    ds = before; // undone while the add was on its way
    sync.observe(ds);
    CHECK(sync.on_answer(200, stored(120, 41, add).dump(), ds) == TeamSync::Answer::stored);
    CHECK(sync.waiting(ds) == 1);
    const json rm = json::parse(*sync.next_command(ds));
    CHECK(rm["op"] == "remove_absence");
    CHECK(rm["id"] == 120);
    CHECK(rm["base_rev"] == 41);
}
