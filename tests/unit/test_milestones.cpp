// Unit tests of milestones.hpp: due dates and statuses of a case under the shipped rule sets.
#include "iadesk/milestones.hpp"
#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

using namespace iadesk;

namespace {

using testing::ymd;

const std::vector<RuleSet>& sets() {
    static const std::vector<RuleSet> s = builtin_rule_sets();
    return s;
}

const RuleSet& set(const std::string& id) {
    return testing::element_with(sets(), id, [](const RuleSet& s) { return s.id; }, "rule set");
}

Dataset one_employee() {
    Dataset ds;
    ds.employees.push_back({"A", "A", "U1", {{ymd(2020, 1, 1), std::nullopt, 100}}, {}});
    return ds;
}

const Milestone& get(const CaseSchedule& s, const std::string& id) {
    return testing::element_with(s.milestones, id, [](const Milestone& m) { return m.rule->id; }, "milestone");
}

std::map<std::string, std::string> statuses(const CaseSchedule& s) {
    std::map<std::string, std::string> out;
    for (const Milestone& m : s.milestones) out[m.rule->id] = to_string(m.status);
    return out;
}

} // namespace

TEST_CASE("milestones: every due date of a case starting Monday 2026-01-05 (current rules)") {
    Dataset ds = one_employee();
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 1, 5), std::nullopt, 100});
    const auto cases = build_cases(ds, ymd(2026, 1, 6));
    REQUIRE(cases.size() == 1);
    const CaseSchedule s = schedule_case(cases[0], set("current"), ds, {}, ymd(2026, 1, 6));
    REQUIRE(s.milestones.size() == 9);
    // S = 5.1.2026 (day 1). Each date below by hand:
    CHECK(get(s, "arbeidsgiverperiode_slutt").due == ymd(2026, 1, 20)); // 16th sick day = S+15
    CHECK(get(s, "oppfolgingsplan").due == ymd(2026, 2, 1));    // S+27: 5.1 + 26 = 31.1, + 1 = 1.2 (a Sunday)
    CHECK(get(s, "dialogmote1").due == ymd(2026, 2, 22));       // S+48 = 1.2 + 21
    CHECK(get(s, "aktivitetskrav").due == ymd(2026, 3, 1));     // S+55 = 22.2 + 7 (Feb 2026 has 28 days)
    CHECK(get(s, "plan_til_nav").due == ymd(2026, 6, 28));      // S+174 = 5.7 - 7
    CHECK(get(s, "dialogmote2").due == ymd(2026, 7, 5));        // S+181 = 5.1 + 26 weeks - 1 day
    CHECK_FALSE(get(s, "dialogmote3").has_due());               // on request
    CHECK(get(s, "informasjonsbrev_39uker").due == ymd(2026, 10, 4)); // S+272 = 5.7 + 13 weeks
    // Maksdato: the employer pays 5.1..20.1; the 248th NAV weekday from Wed 21.1 is 21.1 + 49
    // weeks (Wed 30.12.2026, the 246th) + 2 = Fri 1.1.2027 (ftrl § 8-12; sick_pay.hpp).
    CHECK(get(s, "maksdato").due == ymd(2027, 1, 1));
    // Rule set order is kept.
    CHECK(s.milestones.front().rule->id == "arbeidsgiverperiode_slutt");
    CHECK(s.milestones.back().rule->id == "maksdato");
    CHECK(s.next_action()->rule->id == "arbeidsgiverperiode_slutt");

    // The same case under the 2011 set (as if it had started under that regime).
    const CaseSchedule o = schedule_case(cases[0], set("2011"), ds, {}, ymd(2026, 1, 6));
    CHECK(get(o, "oppfolgingsplan").due == ymd(2026, 2, 1));
    CHECK(get(o, "dialogmote1").due == ymd(2026, 2, 22));
    CHECK(get(o, "rapport_nav_9uker").due == ymd(2026, 3, 8)); // S+62 = 1.3 + 7
    CHECK(get(o, "plan_til_nav").status == MilestoneStatus::on_request);
    CHECK(get(o, "dialogmote2").due == ymd(2026, 7, 5));
    CHECK(o.rule_set->find("informasjonsbrev_39uker") == nullptr);
    CHECK(s.rule_set->find("rapport_nav_9uker") == nullptr);

    // And under 2007: 6 weeks -> S+41 = 15.2, 12 weeks -> S+83 = 29.3.
    const CaseSchedule e = schedule_case(cases[0], set("2007"), ds, {}, ymd(2026, 1, 6));
    CHECK(get(e, "oppfolgingsplan").due == ymd(2026, 2, 15));
    CHECK(get(e, "dialogmote1").due == ymd(2026, 3, 29));
    CHECK(get(e, "dialogmote2").due == ymd(2026, 7, 5));
}

TEST_CASE("milestones: statuses done / exempt / overdue / due_soon / upcoming / on_request") {
    Dataset ds = one_employee();
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 1, 5), std::nullopt, 100});
    ds.milestone_events.push_back({"A", ymd(2026, 1, 5), "oppfolgingsplan", EventStatus::done, ymd(2026, 1, 28), ""});
    ds.milestone_events.push_back(
        {"A", ymd(2026, 1, 5), "plan_til_nav", EventStatus::exempt, ymd(2026, 2, 1), "åpenbart unødvendig"});
    // An event of another case (different start) must not match.
    ds.milestone_events.push_back({"A", ymd(2025, 1, 5), "aktivitetskrav", EventStatus::done, ymd(2025, 2, 1), ""});
    std::vector<const MilestoneEvent*> events;
    for (const MilestoneEvent& ev : ds.milestone_events) events.push_back(&ev);
    const auto cases = build_cases(ds, ymd(2026, 2, 20));

    // Today Friday 20.2: 20.1 passed (the arbeidsgiverperiode is informational: done once passed);
    // 22.2 <= 20.2 + 7 = 27.2 (due soon); 1.3 > 27.2 (upcoming).
    const CaseSchedule s = schedule_case(cases[0], set("current"), ds, events, ymd(2026, 2, 20));
    auto st = statuses(s);
    CHECK(st["arbeidsgiverperiode_slutt"] == "done");
    CHECK(get(s, "arbeidsgiverperiode_slutt").event == nullptr);
    CHECK(st["oppfolgingsplan"] == "done");
    CHECK(get(s, "oppfolgingsplan").event == &ds.milestone_events[0]);
    CHECK(st["plan_til_nav"] == "exempt");
    CHECK(get(s, "plan_til_nav").event->note == "åpenbart unødvendig");
    CHECK(st["dialogmote1"] == "due_soon");
    CHECK(st["aktivitetskrav"] == "upcoming");
    CHECK(st["dialogmote3"] == "on_request");
    CHECK(st["dialogmote2"] == "upcoming");
    CHECK(s.next_action()->rule->id == "dialogmote1");

    // The 7-day edge of dialogmøte 1 (a task, due 22.2): today 15.2 -> 22.2 = today + 7 -> due_soon;
    // today 14.2 -> today + 8 -> upcoming; today 22.2 -> due_soon; today 23.2 -> overdue.
    auto dm1_on = [&](Date today) { return get(schedule_case(cases[0], set("current"), ds, events, today), "dialogmote1").status; };
    CHECK(dm1_on(ymd(2026, 2, 15)) == MilestoneStatus::due_soon);
    CHECK(dm1_on(ymd(2026, 2, 14)) == MilestoneStatus::upcoming);
    CHECK(dm1_on(ymd(2026, 2, 22)) == MilestoneStatus::due_soon);
    CHECK(dm1_on(ymd(2026, 2, 23)) == MilestoneStatus::overdue);

    // Informational milestones (aktivitetskrav, due 1.3) are never overdue: due soon, then done.
    auto ak_on = [&](Date today) { return get(schedule_case(cases[0], set("current"), ds, events, today), "aktivitetskrav").status; };
    CHECK(ak_on(ymd(2026, 2, 22)) == MilestoneStatus::due_soon);
    CHECK(ak_on(ymd(2026, 3, 1)) == MilestoneStatus::done);
    CHECK(ak_on(ymd(2026, 3, 2)) == MilestoneStatus::done);
}

TEST_CASE("milestones: the latest event wins") {
    Dataset ds = one_employee();
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 1, 5), std::nullopt, 100});
    ds.milestone_events.push_back({"A", ymd(2026, 1, 5), "oppfolgingsplan", EventStatus::done, ymd(2026, 1, 30), ""});
    ds.milestone_events.push_back({"A", ymd(2026, 1, 5), "oppfolgingsplan", EventStatus::exempt, ymd(2026, 1, 20), "x"});
    std::vector<const MilestoneEvent*> events{&ds.milestone_events[0], &ds.milestone_events[1]};
    const auto cases = build_cases(ds, ymd(2026, 2, 20));
    CHECK(get(schedule_case(cases[0], set("current"), ds, events, ymd(2026, 2, 20)), "oppfolgingsplan").status ==
          MilestoneStatus::done); // 30.1 is later than 20.1, whatever the list order
}

TEST_CASE("milestones: dialogmøte 1 of a graded case: on request now, required under 2011 (docs/domain.md, Follow-up milestones)") {
    // 100 % from 5.1 to 15.2, then 50 % from 16.2 (open): on the due day 22.2 the grade is 50.
    Dataset ds = one_employee();
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 1, 5), ymd(2026, 2, 15), 100});
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 2, 16), std::nullopt, 50});
    const auto cases = build_cases(ds, ymd(2026, 2, 20));
    REQUIRE(cases.size() == 1);
    CHECK(get(schedule_case(cases[0], set("current"), ds, {}, ymd(2026, 2, 20)), "dialogmote1").status ==
          MilestoneStatus::on_request);
    CHECK(get(schedule_case(cases[0], set("2011"), ds, {}, ymd(2026, 2, 20)), "dialogmote1").status ==
          // 2011: "sykmeldt helt eller delvis i sju uker" (sintef-ia-2013 kap. 5.9.1)
          MilestoneStatus::due_soon);

    // Graded at first, 100 % on the due day: required under the current rules too.
    Dataset full = one_employee();
    full.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 1, 5), ymd(2026, 1, 31), 40});
    full.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 2, 1), std::nullopt, 100});
    const auto fc = build_cases(full, ymd(2026, 2, 20));
    CHECK(get(schedule_case(fc[0], set("current"), full, {}, ymd(2026, 2, 20)), "dialogmote1").status ==
          MilestoneStatus::due_soon);
}

TEST_CASE("milestones: an ended case makes later milestones not applicable") {
    // Case 5.1 - 10.2.2026 (closed), today 1.3: due after 10.2 -> not_applicable.
    Dataset ds = one_employee();
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2026, 1, 5), ymd(2026, 2, 10), 100});
    const auto cases = build_cases(ds, ymd(2026, 3, 1));
    const CaseSchedule s = schedule_case(cases[0], set("current"), ds, {}, ymd(2026, 3, 1));
    auto st = statuses(s);
    CHECK(st["arbeidsgiverperiode_slutt"] == "done");    // 20.1, before the end, informational: passed
    CHECK(st["oppfolgingsplan"] == "overdue");           // 1.2, before the end
    CHECK(st["dialogmote1"] == "not_applicable");        // 22.2
    CHECK(st["aktivitetskrav"] == "not_applicable");
    CHECK(st["dialogmote3"] == "not_applicable");
    CHECK(st["maksdato"] == "not_applicable");
    // While the case still runs on its last recorded day, nothing is not_applicable.
    const CaseSchedule running = schedule_case(cases[0], set("current"), ds, {}, ymd(2026, 2, 10));
    CHECK(get(running, "dialogmote1").status == MilestoneStatus::upcoming); // 22.2 > 10.2 + 7
    CHECK(get(running, "maksdato").status == MilestoneStatus::upcoming);
}

TEST_CASE("milestones: schedule_open_cases chooses the rule set by start and skips closed cases") {
    Dataset ds;
    for (const char* id : {"A", "B", "C", "D"})
        ds.employees.push_back({id, id, "U1", {{ymd(2000, 1, 1), std::nullopt, 100}}, {}});
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2014, 6, 30), std::nullopt, 100}); // 2011 set
    ds.absences.push_back({"B", AbsenceKind::sykmelding, ymd(2014, 7, 1), std::nullopt, 100});  // current
    ds.absences.push_back({"C", AbsenceKind::sykmelding, ymd(2026, 1, 5), ymd(2026, 1, 9), 100}); // ended
    ds.absences.push_back({"D", AbsenceKind::sykmelding, ymd(2006, 1, 5), std::nullopt, 100});  // before all sets
    ds.milestone_events.push_back({"B", ymd(2014, 7, 1), "dialogmote1", EventStatus::done, ymd(2014, 8, 1), ""});
    const auto cases = build_cases(ds, ymd(2026, 3, 1));
    const auto scheds = schedule_open_cases(cases, sets(), ds, ymd(2026, 3, 1));
    REQUIRE(scheds.size() == 2);
    CHECK(scheds[0].sickness_case->employee == "A");
    CHECK(scheds[0].rule_set->id == "2011");
    CHECK(scheds[1].sickness_case->employee == "B");
    CHECK(scheds[1].rule_set->id == "current");
    CHECK(get(scheds[1], "dialogmote1").status == MilestoneStatus::done);
    CHECK(get(scheds[0], "dialogmote1").status == MilestoneStatus::overdue);
}

TEST_CASE("milestones: to_string") {
    CHECK(std::string(to_string(MilestoneStatus::done)) == "done");
    CHECK(std::string(to_string(MilestoneStatus::due_soon)) == "due_soon");
    CHECK(std::string(to_string(MilestoneStatus::not_applicable)) == "not_applicable");
    CHECK(std::string(to_string(MilestoneStatus::on_request)) == "on_request");
}

TEST_CASE("milestones: a case that starts before 1 July 2014 and runs past it (Prop. 102 L (2013-2014))") {
    // The case keeps the 2011 rule set it started under, but the 9-week report to NAV was
    // abolished from 1.7.2014: it is not due when its due date falls on or after that day.
    // S = Mon 12.5.2014: S+62 = 12.5 + 62 = 13.7.2014 (19 days in May after the 12th, 30 in
    // June: 12.5 + 19 = 31.5, + 30 = 30.6, + 13 = 13.7) -> not due.
    Dataset ds = one_employee();
    ds.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2014, 5, 12), std::nullopt, 100});
    auto cases = build_cases(ds, ymd(2014, 7, 20));
    REQUIRE(cases.size() == 1);
    auto scheds = schedule_open_cases(cases, sets(), ds, ymd(2014, 7, 20));
    REQUIRE(scheds.size() == 1);
    CHECK(scheds[0].rule_set->id == "2011");
    const Milestone& report = get(scheds[0], "rapport_nav_9uker");
    CHECK(report.due == ymd(2014, 7, 13));
    CHECK(report.abolished);
    CHECK(report.status == MilestoneStatus::not_applicable);
    // The milestones that the 2014 change kept keep their 2011 deadlines: dialogmøte 1 at S+48 =
    // 29.6.2014 (12.5 + 19 = 31.5, + 29 = 29.6), overdue on 20.7 when not recorded.
    CHECK(get(scheds[0], "dialogmote1").due == ymd(2014, 6, 29));
    CHECK(get(scheds[0], "dialogmote1").status == MilestoneStatus::overdue);
    // A report recorded as sent anyway stays done.
    ds.milestone_events.push_back({"A", ymd(2014, 5, 12), "rapport_nav_9uker", EventStatus::done, ymd(2014, 7, 10), ""});
    auto with_event = schedule_open_cases(cases, sets(), ds, ymd(2014, 7, 20));
    CHECK(get(with_event[0], "rapport_nav_9uker").status == MilestoneStatus::done);

    // S = Tue 1.4.2014: S+62 = 2.6.2014 (1.4 + 29 = 30.4, + 31 = 31.5, + 2 = 2.6), before the
    // change -> still due, overdue on 20.7.2014.
    Dataset early = one_employee();
    early.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2014, 4, 1), std::nullopt, 100});
    auto early_cases = build_cases(early, ymd(2014, 7, 20));
    auto early_sched = schedule_open_cases(early_cases, sets(), early, ymd(2014, 7, 20));
    REQUIRE(early_sched.size() == 1);
    const Milestone& due = get(early_sched[0], "rapport_nav_9uker");
    CHECK(due.due == ymd(2014, 6, 2));
    CHECK_FALSE(due.abolished);
    CHECK(due.status == MilestoneStatus::overdue);
    // The last case start whose report is still due: S+62 = 30.6.2014 -> S = 29.4.2014.
    Dataset edge = one_employee();
    edge.absences.push_back({"A", AbsenceKind::sykmelding, ymd(2014, 4, 29), std::nullopt, 100});
    auto edge_cases = build_cases(edge, ymd(2014, 7, 20));
    CHECK_FALSE(get(schedule_open_cases(edge_cases, sets(), edge, ymd(2014, 7, 20))[0], "rapport_nav_9uker").abolished);
    edge.absences[0].from = ymd(2014, 4, 30); // S+62 = 1.7.2014
    edge_cases = build_cases(edge, ymd(2014, 7, 20));
    CHECK(get(schedule_open_cases(edge_cases, sets(), edge, ymd(2014, 7, 20))[0], "rapport_nav_9uker").abolished);
}
