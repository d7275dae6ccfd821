// Property: whatever sequence of edits a user makes, through any builder and with any input, every
// state the document reaches saves and loads back equal, and undoing everything restores the first
// state (tests/support/command_sequence.hpp; the fuzz target fuzz_commands runs the same property
// on the fuzzer's bytes).
#include "../support/command_sequence.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

TEST_CASE("command sequences: 200 random sequences of 60 edits, undos and redos keep every saved state loadable") {
    testing::SequenceStats stats;
    for (uint64_t seed = 1; seed <= 200; ++seed) {
        CAPTURE(seed);
        testing::Source source(seed);
        const std::string broken = testing::run_command_sequence(source, 60, &stats);
        CHECK_MESSAGE(broken.empty(), broken);
        if (!broken.empty()) break;
    }
    // The sequences really change the document (a generator that only made refused edits would
    // prove nothing), and really meet refusals.
    MESSAGE("applied " << stats.applied << ", refused " << stats.refused);
    CHECK(stats.applied > 3000);
    CHECK(stats.refused > 1000);
}

TEST_CASE("command sequences: a text over the loader's limit is refused by every path that stores one") {
    const Date today = Date::from_ymd(2026, 11, 24);
    Document doc;
    doc.reset(make_demo_dataset(today, 12));
    const Dataset& ds = doc.data;
    const std::string huge(10001, 'x');
    auto refused_for_length = [](const CommandResult& r) {
        REQUIRE_FALSE(r.ok());
        bool found = false;
        for (const Problem& p : r.problems) found = found || p.code == ProblemCode::text_too_long || p.code == ProblemCode::text_too_many_chars;
        return found;
    };
    Organisation org = ds.organisation;
    org.name = huge;
    CHECK(refused_for_length(set_organisation(ds, org)));
    CHECK(refused_for_length(add_unit(ds, {next_unit_id(ds), huge})));
    CHECK(refused_for_length(rename_unit(ds, ds.units[0].id, huge)));
    Employee e = ds.employees[0];
    e.name = huge;
    CHECK(refused_for_length(update_employee(ds, e.id, e)));
    e.id = next_employee_id(ds);
    CHECK(refused_for_length(add_employee(ds, e)));
    CHECK(refused_for_length(add_milestone_event(ds, {ds.employees[0].id, today - 10, "dialogmote1", EventStatus::exempt, today, huge}, today)));
    CHECK(refused_for_length(add_milestone_event(ds, {ds.employees[0].id, today - 10, "dialogmote1", EventStatus::done, today, "", huge}, today)));
    Goal g;
    g.id = next_goal_id(ds);
    g.title = huge;
    g.area = "ia2025";
    CHECK(refused_for_length(add_goal(ds, g)));
    CHECK(refused_for_length(add_adjustment_option(ds, std::string(2001, 'y'))));
    HalfYearReport r{2026, 1, huge, "", "", "", std::nullopt};
    CHECK(refused_for_length(set_half_year_texts(ds, Role::hr(), r)));

    // Imported from CSV: the row is named, nothing is imported.
    const std::string csv = "id;navn;enhet;fra\nN1;" + huge + ";" + ds.units[0].id + ";01.01.2026\n";
    EmployeeImport im = import_employees_csv(ds, csv);
    REQUIRE_FALSE(im.ok());
    REQUIRE(im.errors.size() == 1);
    CHECK(im.errors[0].line == 2);
    CHECK(im.errors[0].column == "navn");
    CHECK(im.errors[0].message_nb == "Teksten er for lang (10001 byte; høyst 10000)");
}
