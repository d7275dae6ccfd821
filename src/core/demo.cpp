#include "iadesk/demo.hpp"

#include "iadesk/generate.hpp"
#include "iadesk/goal_commands.hpp"
#include "iadesk/plan_commands.hpp"

#include <algorithm>

namespace iadesk {

namespace {

// Applies a checked command to the demo; a demo that the commands refuse is a programming error,
// caught by tests/unit/test_demo.cpp (the result must validate and hold what it promises).
void apply(Dataset& d, CommandResult r) {
    if (r.ok()) r.command->apply(d);
}

// A plan for the week-5 case (from the office template).
void add_demo_plan(Dataset& d, Date today, const std::pair<std::string, Date>& plan_case) {
    if (!plan_case.first.empty())
        apply(d, new_plan_version(d, plan_case.first, plan_case.second, "office", "HR (demo)", today - 3));
}

// The IA work of the demo (docs/domain.md, IA goals): a result goal on the organisation's own
// sick-leave percentage (baseline the last whole quarter a year back, -10 %, deadline the end of
// next year; compared on the same quarter for seasonality), an activity goal with activities in
// three states and a countable criterion, and one IA meeting this year with a decision linked to
// the result goal. One meeting, not two, on purpose: the dashboard then shows the two-a-year
// warning (sintef-ia-2013 kap. 8.12.1) that the demo is meant to teach.
void add_demo_ia_work(Dataset& d, Date today) {
    const int quarter = (today.month() - 1) / 3 + 1;
    const GoalPeriod last_whole = quarter == 1 ? GoalPeriod{today.year() - 1, 4} : GoalPeriod{today.year(), quarter - 1};

    Goal result;
    result.id = next_goal_id(d);
    result.kind = GoalKind::result;
    result.area = "ia2025.sykefravaer";
    result.title = "Sykefraværet ned 10 % (demo)";
    result.description = "Sykefraværet i hele kommunen, målt mot samme kvartal året før.";
    result.metric = GoalMetric::sick_leave;
    result.baseline_period = GoalPeriod{last_whole.year - 1, last_whole.quarter};
    result.target_change = -10;
    result.deadline = Date::from_ymd(today.year() + 1, 12, 31);
    apply(d, add_goal(d, result));

    Goal activity;
    activity.id = next_goal_id(d);
    activity.kind = GoalKind::activity;
    activity.area = "ia2025.arbeidsmiljo";
    activity.title = "Tett oppfølging de første fire ukene (demo)";
    activity.criterion = "Tre tiltak for tidlig oppfølging er gjennomført innen fristen";
    activity.criterion_count = 3;
    activity.deadline = Date::from_ymd(today.year() + 1, 6, 30);
    apply(d, add_goal(d, activity));

    struct Planned { const char* title; const char* owner; int days; ActivityStatus status; };
    const Planned planned[] = {
        {"Kurs i sykefraværsoppfølging for alle ledere", "HR", -60, ActivityStatus::fullfort},
        {"Rutine for kontakt i første fraværsuke", "Enhetsledere", 14, ActivityStatus::pagar},
        {"Evaluering sammen med tillitsvalgte", "HR og hovedtillitsvalgt", 90, ActivityStatus::planlagt},
    };
    for (const Planned& p : planned) {
        GoalActivity a;
        a.id = next_activity_id(d);
        a.goal = activity.id;
        a.title = p.title;
        a.owner = p.owner;
        a.planned = today + p.days;
        a.status = p.status;
        if (p.status == ActivityStatus::fullfort) a.done = today + p.days + 3;
        apply(d, add_activity(d, a));
    }

    IaMeeting m;
    m.id = next_meeting_id(d);
    m.date = std::max(Date::from_ymd(today.year(), 1, 10), today - 40);
    m.attendees = {{MeetingRole::leder, "Kommunedirektør (demo)"},
                   {MeetingRole::tillitsvalgt, "Hovedtillitsvalgt (demo)"},
                   {MeetingRole::hr, "HR-rådgiver (demo)"}};
    m.minutes = "Gjennomgang av sykefraværet siste kvartal og status for handlingsplanen.";
    m.decisions = {{"Sykefraværsmålet følges opp kvartalsvis i ledermøtet.", {result.id}}};
    apply(d, add_meeting(d, m));
}

// End reasons (sluttårsak) on the demo's ended employment periods that no new period continues, in
// a fixed rotation weighted as leavings mostly are (another job, retirement), with some to AAP and
// uføretrygd, so that the Frafall table and a drop-out goal have something to show.
void add_demo_end_reasons(Dataset& d) {
    const EndReason rotation[] = {EndReason::annen_jobb, EndReason::alderspensjon, EndReason::aap, EndReason::annen_jobb,
                                  EndReason::uforetrygd, EndReason::utdanning, EndReason::annen_jobb, EndReason::annet};
    std::size_t next = 0;
    for (Employee& e : d.employees)
        for (Employment& m : e.employment) {
            if (!m.to) continue;
            const Date after = *m.to + 1;
            const bool continued = std::any_of(e.employment.begin(), e.employment.end(),
                                               [&](const Employment& o) { return o.from == after; });
            if (!continued) m.end_reason = rotation[next++ % std::size(rotation)];
        }
}

} // namespace

Dataset make_demo_dataset(Date today, int employees) {
    GenerateOptions g;
    g.employees = employees;
    g.seed = 2026;
    g.today = today;
    g.units = employees >= 25 ? 5 : 0;
    Dataset d = generate_dataset(g);
    d.organisation.name = "Fjordvik kommune (demo)";

    // Staged cases in chosen weeks, on employees who are employed today and have no absence in
    // the last 60 days (so nothing overlaps): week 2 (plan coming), week 5 (plan overdue),
    // week 7 graded 50 % (dialogmøte 1 on request), week 10, week 20 (dialogmøte 2 coming),
    // week 30 (past dialogmøte 2).
    struct Stage { int week; int grade; };
    const Stage stages[] = {{2, 100}, {5, 100}, {7, 50}, {10, 100}, {20, 60}, {30, 100}};
    std::size_t next_stage = 0;
    std::pair<std::string, Date> plan_case;
    for (Employee& e : d.employees) {
        if (next_stage == std::size(stages)) break;
        if (position_share_on(e, today) <= 0) continue;
        const Stage st = stages[next_stage];
        const Date start = today - 7 * (st.week - 1) - 2;
        const bool busy = std::any_of(d.absences.begin(), d.absences.end(), [&](const Absence& a) {
            return a.employee == e.id && (!a.to || *a.to >= start - 20);
        });
        if (busy) continue;
        bool employed_throughout = true;
        for (Date day = start; day <= today && employed_throughout; day += 7)
            employed_throughout = position_share_on(e, day) > 0;
        if (!employed_throughout) continue;
        d.absences.push_back({e.id, AbsenceKind::sykmelding, start, std::nullopt, st.grade});
        if (st.week == 5) plan_case = {e.id, start};
        ++next_stage;
    }
    add_demo_plan(d, today, plan_case);
    add_demo_ia_work(d, today);
    add_demo_end_reasons(d);
    return d;
}

} // namespace iadesk
