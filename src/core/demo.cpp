#include "iadesk/demo.hpp"

#include "iadesk/generate.hpp"
#include "iadesk/plan_commands.hpp"

#include <algorithm>

namespace iadesk {

namespace {

// Applies a checked command to the demo; a demo that the commands refuse is a programming error,
// caught by tests/unit/test_demo.cpp (the result must validate and hold what it promises).
void apply(Dataset& d, CommandResult r) {
    if (r.ok()) r.command->apply(d);
}

// A plan for the week-5 case (from the office template) (issue 7 §8; IA goals and meetings are
// not in the demo yet).
void add_demo_work(Dataset& d, Date today, const std::pair<std::string, Date>& plan_case) {
    if (!plan_case.first.empty())
        apply(d, new_plan_version(d, plan_case.first, plan_case.second, "office", "HR (demo)", today - 3));
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
    add_demo_work(d, today, plan_case);
    return d;
}

} // namespace iadesk
