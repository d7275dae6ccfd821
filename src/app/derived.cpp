#include "app/derived.hpp"

#include <cstdio>

namespace iadesk::app {

bool Derived::refresh(const Dataset& data, uint64_t data_revision, Date new_today) {
    if (revision == data_revision && today == new_today) return false;
    if (rule_sets.empty()) rule_sets = builtin_rule_sets();
    today = new_today;
    employee_index.clear();
    employee_index.reserve(data.employees.size());
    for (std::size_t i = 0; i < data.employees.size(); ++i) employee_index[data.employees[i].id] = static_cast<int>(i);
    unit_index.clear();
    for (std::size_t i = 0; i < data.units.size(); ++i) unit_index[data.units[i].id] = static_cast<int>(i);

    cases = build_cases(data, today);
    schedules = schedule_open_cases(cases, rule_sets, data, today);
    rows.clear();
    rows.reserve(schedules.size());
    for (std::size_t i = 0; i < schedules.size(); ++i) {
        const CaseSchedule& s = schedules[i];
        OverviewRow r;
        auto it = employee_index.find(s.sickness_case->employee);
        r.employee = it == employee_index.end() ? -1 : it->second;
        r.schedule = static_cast<int>(i);
        r.week = s.sickness_case->week_on(today);
        r.grade = grade_on(*s.sickness_case, data, today);
        r.next = s.next_action();
        rows.push_back(r);
    }
    revision = data_revision;
    return true;
}

const std::string& Derived::unit_name(const Dataset& data, const std::string& unit_id) const {
    auto it = unit_index.find(unit_id);
    return it == unit_index.end() ? unit_id : data.units[static_cast<std::size_t>(it->second)].name;
}

const CaseSchedule* Derived::schedule_of(const std::string& employee_id) const {
    for (const CaseSchedule& s : schedules)
        if (s.sickness_case->employee == employee_id) return &s;
    return nullptr;
}

} // namespace iadesk::app
