#include "iadesk/demo.hpp"

#include "iadesk/generate.hpp"

#include <algorithm>

namespace iadesk {

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
        ++next_stage;
    }
    return d;
}

} // namespace iadesk
