// Document, commands and undo/redo (include/iadesk/document.hpp: every change is a command).
#include "iadesk/dataset.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/demo.hpp"
#include "iadesk/document.hpp"
#include "iadesk/goal_commands.hpp"

#include <doctest/doctest.h>

#include <tuple>

using namespace iadesk;

namespace {

// The organisation with another name (a checked command; the test organisations have a valid orgnr).
Command rename_org(const Dataset& d, std::string name) {
    Organisation org = d.organisation;
    org.name = std::move(name);
    CommandResult r = set_organisation(d, std::move(org));
    REQUIRE(r.ok());
    return std::move(*r.command);
}

Command checked(CommandResult r) {
    REQUIRE(r.ok());
    return std::move(*r.command);
}

Document small_document() {
    Document doc;
    doc.data.organisation = {"Fjordvik kommune", "940123453"};
    doc.data.units.push_back({"U1", "Enhet"});
    for (const char* id : {"E1", "E2"})
        doc.data.employees.push_back({id, std::string("Ansatt ") + id, "U1", {{Date::from_ymd(2020, 1, 1), std::nullopt, 100}}, std::nullopt});
    return doc;
}

} // namespace

TEST_CASE("document: apply, undo and redo restore the organisation name and bump the revision") {
    Document doc = small_document();
    const auto r0 = doc.revision;
    CHECK(doc.apply(rename_org(doc.data, "Fjordvik kommune (test)")).empty());
    CHECK(doc.data.organisation.name == "Fjordvik kommune (test)");
    CHECK(doc.revision == r0 + 1);
    CHECK(doc.undo() == "Endret organisasjonsnavn");
    CHECK(doc.data.organisation.name == "Fjordvik kommune");
    CHECK_FALSE(doc.can_undo());
    CHECK(doc.redo() == "Endret organisasjonsnavn");
    CHECK(doc.data.organisation.name == "Fjordvik kommune (test)");
    CHECK(doc.revision == r0 + 3);
}

TEST_CASE("document: typing in one field is one undo step, a new edit after undo drops redo") {
    Document doc = small_document();
    doc.data.organisation.name = "A";
    for (const char* s : {"AB", "ABC", "ABCD"}) doc.apply(rename_org(doc.data, s));
    CHECK(doc.change_log().size() == 1);
    doc.undo();
    CHECK(doc.data.organisation.name == "A");
    CHECK(doc.can_redo());
    doc.apply(rename_org(doc.data, "Z"));
    CHECK_FALSE(doc.can_redo());
    doc.end_merge();
    doc.apply(rename_org(doc.data, "ZY"));
    doc.undo();
    CHECK(doc.data.organisation.name == "Z"); // the field lost focus in between: two steps
}

TEST_CASE("document: recording and removing a milestone event can be undone and redone") {
    Document doc = small_document();
    MilestoneEvent ev{"E1", Date::from_ymd(2026, 1, 5), "dialogmote1", EventStatus::done,
                      Date::from_ymd(2026, 2, 20), "holdt på telefon"};
    doc.apply(checked(add_milestone_event(doc.data, ev, Date::from_ymd(2026, 2, 20))));
    REQUIRE(doc.data.milestone_events.size() == 1);
    CHECK(doc.data.milestone_events[0].note == "holdt på telefon");
    doc.undo();
    CHECK(doc.data.milestone_events.empty());
    doc.redo();
    REQUIRE(doc.data.milestone_events.size() == 1);
    doc.apply(checked(add_milestone_event(doc.data, {"E2", Date::from_ymd(2026, 3, 2), "oppfolgingsplan", EventStatus::exempt,
                                                     Date::from_ymd(2026, 3, 20), "åpenbart unødvendig"},
                                          Date::from_ymd(2026, 3, 20))));
    doc.apply(checked(remove_milestone_event(doc.data, 0)));
    REQUIRE(doc.data.milestone_events.size() == 1);
    CHECK(doc.data.milestone_events[0].employee == "E2");
    doc.undo();
    REQUIRE(doc.data.milestone_events.size() == 2);
    CHECK(doc.data.milestone_events[0].employee == "E1"); // back in its place
}

TEST_CASE("document: the change log says when, who and what, logs undo and redo, is saved with the data and capped") {
    Document doc = small_document();
    doc.data.employees.clear();
    doc.data.units.clear();
    doc.data.organisation.name = "A";
    doc.apply(rename_org(doc.data, "B"), 1795000000, "hr");
    doc.end_merge();
    doc.undo(1795000060, "manager");
    doc.redo(1795000120, "hr");
    const auto& log = doc.change_log();
    REQUIRE(log.size() == 3);
    CHECK(log[0].unix_seconds == 1795000000);
    CHECK(log[0].role == "hr");
    CHECK(log[0].description == "Endret organisasjonsnavn");
    CHECK(log[1].description == "Angret: Endret organisasjonsnavn");
    CHECK(log[1].role == "manager");
    CHECK(log[2].description == "Gjort om: Endret organisasjonsnavn");

    // Saved with the data and read back unchanged (docs/data-format.md, "change_log").
    doc.data.units.push_back({"U1", "Enhet"});
    const std::string saved = save_dataset(doc.data);
    CHECK(saved.find("\"change_log\"") != std::string::npos);
    DatasetLoad back = load_dataset(saved);
    REQUIRE(back.ok());
    REQUIRE(back.dataset->change_log.size() == 3);
    CHECK(back.dataset->change_log[1].role == "manager");
    CHECK(save_dataset(*back.dataset) == saved);

    // Every entry is kept (the audit trail is not capped); a long description is cut.
    for (std::size_t i = 0; i < 2500; ++i) {
        doc.end_merge();
        doc.apply(rename_org(doc.data, "N" + std::to_string(i)), 1795000200 + static_cast<int64_t>(i), "hr");
    }
    REQUIRE(doc.change_log().size() == 3 + 2500);
    CHECK(doc.change_log()[0].unix_seconds == 1795000000); // the first entry is still there
    Command long_one = rename_org(doc.data, "x");
    long_one.description = std::string(20000, 'x');
    doc.end_merge();
    doc.apply(std::move(long_one), 1, "hr");
    CHECK(doc.change_log().back().description.size() < 1000);
    DatasetLoad big = load_dataset(save_dataset(doc.data));
    REQUIRE(big.ok());
    CHECK(big.dataset->change_log.size() == 3 + 2500 + 1); // and all of it loads back
}

TEST_CASE("document: a restore keeps the change log and appends to it, a backup's own log is not taken over") {
    Document doc = small_document();
    doc.apply(rename_org(doc.data, "Før gjenoppretting"), 1795000000, "hr");
    doc.end_merge();
    // A backup whose log claims changes that never happened here.
    Dataset backup = small_document().data;
    backup.organisation.name = "Fra sikkerhetskopien";
    backup.change_log.push_back({1700000000, "hr", "Slettet alle sykmeldinger (forfalsket)"});
    CommandResult r = replace_dataset(doc.data, backup, "Gjenopprettet fra sikkerhetskopi «kopi.json»");
    REQUIRE(r.ok());
    REQUIRE(doc.apply(std::move(*r.command), 1795000100, "hr").empty());
    CHECK(doc.data.organisation.name == "Fra sikkerhetskopien");
    REQUIRE(doc.change_log().size() == 2);
    CHECK(doc.change_log()[0].description == "Endret organisasjonsnavn");
    CHECK(doc.change_log()[1].description == "Gjenopprettet fra sikkerhetskopi «kopi.json»");
    CHECK(doc.change_log()[1].unix_seconds == 1795000100);
    // Undo brings the register back and logs that too; nothing is removed from the log.
    doc.undo(1795000200, "hr");
    CHECK(doc.data.organisation.name == "Før gjenoppretting");
    REQUIRE(doc.change_log().size() == 3);
    CHECK(doc.change_log()[2].description == "Angret: Gjenopprettet fra sikkerhetskopi «kopi.json»");

    // A backup that would not load is refused with the loader's problem.
    Dataset broken = backup;
    broken.employees[0].unit = "U9";
    CommandResult bad = replace_dataset(doc.data, broken, "Gjenopprettet");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.problems[0].field == "/employees/0/unit");
}

TEST_CASE("document: a bad change_log in a file names the place and the problem") {
    Document doc;
    doc.data.organisation = {"Fjordvik kommune", "940123453"};
    doc.data.units.push_back({"U1", "Enhet"});
    std::string text = save_dataset(doc.data);
    const std::string bad = R"(, "change_log": [{"unix_seconds": -5, "role": "hr", "description": "x"}, {"role": 7, "description": "y", "unix_seconds": 1}, 3])";
    text.insert(text.rfind('}'), bad);
    DatasetLoad r = load_dataset(text);
    REQUIRE_FALSE(r.ok());
    auto has = [&](const char* pointer) {
        for (const DatasetProblem& p : r.problems) if (p.pointer == pointer) return true;
        return false;
    };
    CHECK(has("/change_log/0/unix_seconds"));
    CHECK(has("/change_log/1/role"));
    CHECK(has("/change_log/2"));
}

// What cases and milestones are derived from; a command with affects_cases == false must leave it.
static std::string case_inputs(const Dataset& d) {
    Dataset only;
    std::tie(only.units, only.employees, only.absences, only.milestone_events, only.plans) =
        std::tie(d.units, d.employees, d.absences, d.milestone_events, d.plans);
    return save_dataset(only, -1);
}

TEST_CASE("document: case_revision moves only for changes that affect cases, also on undo and redo") {
    Document doc;
    doc.reset(make_demo_dataset(Date::from_ymd(2026, 11, 24)));
    REQUIRE_FALSE(doc.data.goal_activities.empty());
    REQUIRE_FALSE(doc.data.ia_meetings.empty());
    const std::string inputs = case_inputs(doc.data);
    const uint64_t cases0 = doc.case_revision;

    // Texts nothing in cases reads: the revision moves (autosave, views), case_revision does not.
    Organisation org = doc.data.organisation;
    org.orgnr = "974760673";
    org.ia_agreement = !org.ia_agreement;
    std::vector<Command> others;
    others.push_back(rename_org(doc.data, "Nordlys kommune"));
    others.push_back(std::move(*set_organisation(doc.data, org).command));
    others.push_back(std::move(*remove_activity(doc.data, doc.data.goal_activities.front().id).command));
    others.push_back(std::move(*remove_meeting(doc.data, doc.data.ia_meetings.front().id).command));
    for (Command& c : others) {
        CHECK_FALSE(c.affects_cases);
        const uint64_t r = doc.revision;
        doc.apply(std::move(c));
        doc.end_merge();
        CHECK(doc.revision == r + 1);
    }
    doc.undo();
    doc.redo();
    CHECK(doc.case_revision == cases0);
    const bool same = case_inputs(doc.data) == inputs; // the flag is honest for these commands
    CHECK(same);

    // A unit and a milestone mark do.
    doc.apply(std::move(*add_unit(doc.data, {"NY", "Ny enhet"}).command));
    CHECK(doc.case_revision == cases0 + 1);
    doc.apply(checked(add_milestone_event(doc.data, {doc.data.employees.front().id, Date::from_ymd(2026, 1, 5), "dialogmote1",
                                                     EventStatus::done, Date::from_ymd(2026, 2, 20), ""},
                                          Date::from_ymd(2026, 11, 24))));
    CHECK(doc.case_revision == cases0 + 2);
    doc.undo();
    CHECK(doc.case_revision == cases0 + 3);
    doc.redo();
    CHECK(doc.case_revision == cases0 + 4);
    doc.reset(Dataset{});
    CHECK(doc.case_revision == cases0 + 5);
}

TEST_CASE("document: a command that would make the document unloadable is refused and leaves no trace") {
    // A command made without a builder (the way a bug would make one): it stores a 20 000-byte name,
    // which the loader refuses (kMaxTextBytes). Document::apply checks what it touched afterwards.
    Document doc = small_document();
    const std::string before = save_dataset(doc.data);
    const uint64_t revision = doc.revision;
    Command bad;
    bad.description = "Endret navn";
    bad.apply = [](Dataset& d) { d.employees[0].name = std::string(20000, 'x'); };
    bad.undo = [](Dataset& d) { d.employees[0].name = "Ansatt E1"; };
    bad.touched = Touched::none();
    bad.touched.employees.push_back(0);
    std::vector<Problem> p = doc.apply(std::move(bad), 1795000000, "hr");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "/employees/0/name");
    CHECK(p[0].code == ProblemCode::text_too_long);
    CHECK(p[0].message_nb == "Teksten er for lang (20000 byte; høyst 10000)");
    CHECK(save_dataset(doc.data) == before); // as it was, change log included
    CHECK(doc.revision == revision);
    CHECK_FALSE(doc.can_undo());

    // With no scope named the whole document is checked: the same refusal.
    Command unscoped;
    unscoped.apply = [](Dataset& d) { d.units[0].id = ""; };
    unscoped.undo = [](Dataset& d) { d.units[0].id = "U1"; };
    p = doc.apply(std::move(unscoped));
    REQUIRE_FALSE(p.empty());
    CHECK(p[0].field == "/units/0/id");
    CHECK(save_dataset(doc.data) == before);
}

TEST_CASE("document: a removal that would leave a reference dangling is refused") {
    Document doc = small_document();
    doc.data.absences.push_back({"E1", AbsenceKind::sykmelding, Date::from_ymd(2026, 1, 5), std::nullopt, 100});
    const std::string before = save_dataset(doc.data);
    Command drop; // removes the employee but forgets the absence
    drop.apply = [](Dataset& d) { d.employees.erase(d.employees.begin()); };
    drop.undo = [e = doc.data.employees[0]](Dataset& d) { d.employees.insert(d.employees.begin(), e); };
    drop.touched = Touched::none();
    drop.touched.removed_employees.push_back("E1");
    std::vector<Problem> p = doc.apply(std::move(drop));
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "/absences/0/employee");
    CHECK(p[0].message_nb == "Ukjent ansatt «E1»");
    CHECK(save_dataset(doc.data) == before);
}
