// Role filtering (docs/domain.md: Roles and privacy; Head-count and masking; include/iadesk/access.hpp).
#include "iadesk/access.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/generate.hpp"
#include "iadesk/stats.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <unordered_set>

using namespace iadesk;

namespace {

constexpr auto d = &testing::ymd; // d(2026, 3, 2): 02.03.2026

Dataset sample() {
    Dataset ds;
    ds.organisation = testing::fjordvik_kommune();
    ds.units = {{"A", "Barnehage Solsikken"}, {"B", "Teknisk drift"}};
    for (int i = 0; i < 6; ++i)
        ds.employees.push_back(testing::employed_since("A" + std::to_string(i), "Ansatt A" + std::to_string(i), "A", d(2020, 1, 1)));
    ds.employees.push_back(testing::employed_since("B0", "Bodil Bakken", "B", d(2020, 1, 1)));
    ds.employees.push_back(testing::employed_since("B1", "Bjørn Berg", "B", d(2020, 1, 1)));
    ds.absences = {testing::sykmelding("A1", d(2026, 1, 5), d(2026, 1, 30)),
                   testing::sykmelding("B0", d(2026, 1, 5), std::nullopt, 50),
                   testing::egenmelding("A2", d(2026, 2, 2), d(2026, 2, 3))};
    ds.milestone_events = {testing::follow_up_plan_done("B0", d(2026, 1, 5), d(2026, 1, 30)),
                           testing::follow_up_plan_done("A1", d(2026, 1, 5), d(2026, 1, 28))};
    return ds;
}

bool mentions(const Dataset& v, std::string_view needle) {
    std::string all = save_dataset(v);
    return all.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("access: HR sees everything") {
    Dataset ds = sample();
    CHECK(save_dataset(visible_dataset(ds, Role::hr())) == save_dataset(ds));
    CHECK(may_see_statistics(Role::hr(), std::nullopt));
    CHECK(may_see_statistics(Role::hr(), "B"));
    CHECK(may_edit(Role::hr()));
    CHECK(may_edit(Role::hr(), EditArea::organisation));
}

TEST_CASE("access: a manager of unit A never sees unit B's employees in any output") {
    Dataset ds = sample();
    Role m = Role::manager("A");
    Dataset v = visible_dataset(ds, m);
    CHECK(v.employees.size() == 6);
    for (const Employee& e : v.employees) CHECK(e.unit == "A");
    REQUIRE(v.units.size() == 1);
    CHECK(v.units[0].id == "A");
    REQUIRE(v.absences.size() == 2);
    CHECK(v.absences[0].employee == "A1");
    CHECK(v.absences[1].employee == "A2");
    REQUIRE(v.milestone_events.size() == 1);
    CHECK(v.milestone_events[0].employee == "A1");
    CHECK_FALSE(mentions(v, "B0"));
    CHECK_FALSE(mentions(v, "Bodil"));
    CHECK_FALSE(mentions(v, "Teknisk drift"));
    CHECK(validate_dataset(v).empty());

    CHECK(may_see_statistics(m, std::string("A")));
    CHECK_FALSE(may_see_statistics(m, std::string("B")));
    CHECK_FALSE(may_see_statistics(m, std::nullopt));

    CHECK(may_edit(m));
    CHECK(may_edit(m, EditArea::absences, "A"));
    CHECK(may_edit(m, EditArea::milestone_events, "A"));
    CHECK_FALSE(may_edit(m, EditArea::absences, "B"));
    CHECK_FALSE(may_edit(m, EditArea::milestone_events, "B"));
    CHECK_FALSE(may_edit(m, EditArea::employees, "A"));
    CHECK_FALSE(may_edit(m, EditArea::units));
    CHECK_FALSE(may_edit(m, EditArea::organisation));

    CHECK(role_label_nb(m, ds) == "Nærmeste leder (Barnehage Solsikken)");
    CHECK(role_label_en(m, ds) == "Manager (Barnehage Solsikken)");
}

TEST_CASE("access: a manager's statistics: own unit only, never a masked figure") {
    Dataset ds = sample();
    StatsResult s = compute_stats(ds, {d(2026, 1, 1), d(2026, 3, 31), true, 5});
    REQUIRE(s.groups.size() == 2);
    // Unit B has 2 employees: masked, so its manager gets no group at all.
    CHECK(visible_stats(s, Role::manager("B")).groups.empty());
    // Unit A (6) is the only other unit: the organisation minus A would give B, so A is withheld
    // to protect B; its manager sees the group without figures, with the reason.
    StatsResult a = visible_stats(s, Role::manager("A"));
    REQUIRE(a.groups.size() == 1);
    CHECK(*a.groups[0].unit == "A");
    CHECK(a.groups[0].reason == MaskReason::protects_small_group);
    CHECK_FALSE(a.groups[0].percent.has_value());
    CHECK_FALSE(a.groups[0].sums.has_value());
    StatsResult org = compute_stats(ds, {d(2026, 1, 1), d(2026, 3, 31), false, 5});
    CHECK(visible_stats(org, Role::manager("A")).groups.empty());

    // With a third unit of 5, that unit (the smallest shown) protects B and A is shown to its
    // manager: A1 sykmelding 5.1-30.1 = 20 of 6 x 63 working days in Q1 2026, A2 egenmelding
    // 2.2-3.2 = 2: 22 / 378 = 5,82 % -> 5,8.
    Dataset three = sample();
    three.units.push_back({"C", "Kjøkken"});
    for (int i = 0; i < 5; ++i)
        three.employees.push_back({"C" + std::to_string(i), "Ansatt C", "C", {{d(2020, 1, 1), std::nullopt, 100}}, {}});
    StatsResult s3 = compute_stats(three, {d(2026, 1, 1), d(2026, 3, 31), true, 5});
    StatsResult a3 = visible_stats(s3, Role::manager("A"));
    REQUIRE(a3.groups.size() == 1);
    CHECK_FALSE(a3.groups[0].masked);
    CHECK(*a3.groups[0].percent == doctest::Approx(5.8));
    StatsResult c3 = visible_stats(s3, Role::manager("C"));
    REQUIRE(c3.groups.size() == 1);
    CHECK(c3.groups[0].reason == MaskReason::protects_small_group);
}

TEST_CASE("access: a tillitsvalgt sees no individual data and only masked statistics") {
    Dataset ds = sample();
    Role t = Role::tillitsvalgt();
    Dataset v = visible_dataset(ds, t);
    CHECK(v.employees.empty());
    CHECK(v.absences.empty());
    CHECK(v.milestone_events.empty());
    CHECK(v.units.size() == 2);
    CHECK(v.organisation.name == "Fjordvik kommune");
    CHECK(may_see_statistics(t, std::nullopt));
    CHECK(may_see_statistics(t, std::string("B")));
    CHECK_FALSE(may_edit(t));
    CHECK_FALSE(may_edit(t, EditArea::absences, "A"));

    // Even a query asking for mask_below 1 comes out masked below 5, with the secondary
    // suppression that goes with it (A would otherwise give B by subtraction).
    StatsResult s = compute_stats(ds, {d(2026, 1, 1), d(2026, 3, 31), true, 1});
    REQUIRE(s.groups[1].percent.has_value());
    StatsResult vs = visible_stats(s, t);
    REQUIRE(vs.groups.size() == 2);
    CHECK(vs.groups[0].reason == MaskReason::protects_small_group);
    CHECK_FALSE(vs.groups[0].percent.has_value());
    CHECK(vs.groups[1].masked);
    CHECK(vs.groups[1].reason == MaskReason::small_group);
    CHECK_FALSE(vs.groups[1].percent.has_value());
    CHECK_FALSE(vs.groups[1].sums.has_value());
    CHECK(vs.groups[1].employees == 2);
    // HR too: the masking holds in every view (docs/domain.md, Head-count and masking).
    CHECK(visible_stats(s, Role::hr()).groups[1].masked);
}

TEST_CASE("access: an employee sees the own record, absences and events, no statistics") {
    Dataset ds = sample();
    Role e = Role::employee_of("B0");
    Dataset v = visible_dataset(ds, e);
    REQUIRE(v.employees.size() == 1);
    CHECK(v.employees[0].name == "Bodil Bakken");
    REQUIRE(v.units.size() == 1);
    CHECK(v.units[0].id == "B");
    REQUIRE(v.absences.size() == 1);
    REQUIRE(v.milestone_events.size() == 1);
    CHECK_FALSE(mentions(v, "Bjørn"));
    CHECK(validate_dataset(v).empty());
    CHECK_FALSE(may_see_statistics(e, std::nullopt));
    CHECK_FALSE(may_see_statistics(e, std::string("B")));
    StatsResult s = compute_stats(ds, {d(2026, 1, 1), d(2026, 3, 31), true, 5});
    CHECK(visible_stats(s, e).groups.empty());
    CHECK_FALSE(may_edit(e));
    CHECK_FALSE(may_edit(e, EditArea::absences, "B"));
    CHECK(role_label_nb(e, ds) == "Arbeidstaker (Bodil Bakken)");
}

TEST_CASE("access: roles naming unknown or empty units and employees see nothing individual") {
    Dataset ds = sample();
    for (const Role& r : {Role::manager(""), Role::manager("Z"), Role::employee_of(""), Role::employee_of("X")}) {
        Dataset v = visible_dataset(ds, r);
        CHECK(v.employees.empty());
        CHECK(v.absences.empty());
        CHECK(v.milestone_events.empty());
    }
    CHECK_FALSE(may_edit(Role::manager(""), EditArea::absences, ""));
}

TEST_CASE("access: filtering a generated municipality keeps each manager to the own unit") {
    Dataset ds = generate_dataset({300, 7, d(2026, 6, 1)});
    std::size_t total = 0;
    for (const Unit& u : ds.units) {
        Dataset v = visible_dataset(ds, Role::manager(u.id));
        for (const Employee& e : v.employees) CHECK(e.unit == u.id);
        std::unordered_set<std::string> ids;
        for (const Employee& e : v.employees) ids.insert(e.id);
        for (const Absence& a : v.absences) CHECK(ids.count(a.employee) == 1);
        for (const MilestoneEvent& ev : v.milestone_events) CHECK(ids.count(ev.employee) == 1);
        CHECK(validate_dataset(v).empty());
        total += v.employees.size();
    }
    CHECK(total == ds.employees.size());
}

TEST_CASE("access: the fødselsnummer is HR's only: no other role's copy holds it") {
    Dataset ds = sample();
    ds.employees[1].national_id = "01819012446"; // A1, of unit A
    CHECK(mentions(visible_dataset(ds, Role::hr()), "01819012446"));
    CHECK_FALSE(mentions(visible_dataset(ds, Role::manager("A")), "01819012446"));
    CHECK_FALSE(mentions(visible_dataset(ds, Role::employee_of("A1")), "01819012446"));
    CHECK_FALSE(mentions(visible_dataset(ds, Role::tillitsvalgt()), "01819012446"));
    CHECK(visible_dataset(ds, Role::manager("A")).employees.size() == 6); // the rest of the record stays
}

TEST_CASE("access: only HR sees the change log (it names employees of every unit)") {
    Dataset ds = sample();
    ds.change_log.push_back({1795000000, "hr", "La til fravær for en ansatt i enhet B"});
    CHECK(may_see_change_log(Role::hr()));
    CHECK(visible_dataset(ds, Role::hr()).change_log.size() == 1);
    for (const Role& r : {Role::manager(ds.units.at(0).id), Role::tillitsvalgt(), Role::employee_of(ds.employees.at(0).id)}) {
        CHECK_FALSE(may_see_change_log(r));
        CHECK(visible_dataset(ds, r).change_log.empty());
    }
}
