#include "app/derived.hpp"

#include <cstdio>

namespace iadesk::app {

bool Derived::refresh(const Dataset& document, uint64_t data_revision, uint64_t data_case_revision, Date new_today,
                      const Role& new_role) {
    const bool same_role = role.kind == new_role.kind && role.unit == new_role.unit && role.employee == new_role.employee;
    const bool same_view = today == new_today && same_role && visible;
    if (revision == data_revision && same_view) return false;
    if (case_revision == data_case_revision && same_view && role.kind == RoleKind::hr) {
        revision = data_revision; // the organisation, goals or reports changed: read from the document directly
        return false;
    }
    if (rule_sets.empty()) rule_sets = builtin_rule_sets();
    today = new_today;
    role = new_role;
    if (role.kind == RoleKind::hr) {
        filtered = Dataset{};
        visible = &document;
    } else {
        filtered = visible_dataset(document, role);
        visible = &filtered;
    }
    const Dataset& data = *visible;
    employee_index.clear();
    employee_index.reserve(data.employees.size());
    for (std::size_t i = 0; i < data.employees.size(); ++i) employee_index[data.employees[i].id] = static_cast<int>(i);
    unit_index.clear();
    for (std::size_t i = 0; i < data.units.size(); ++i) unit_index[data.units[i].id] = static_cast<int>(i);

    cases = build_cases(data, today);
    schedules = schedule_open_cases(cases, rule_sets, data, today);
    schedule_of_employee.assign(data.employees.size(), -1);
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
        if (r.employee >= 0) schedule_of_employee[static_cast<std::size_t>(r.employee)] = static_cast<int>(i);
        rows.push_back(r);
    }
    revision = data_revision;
    case_revision = data_case_revision;
    ++generation;
    return true;
}

const std::string& Derived::unit_name(const Dataset& data, const std::string& unit_id) const {
    auto it = unit_index.find(unit_id);
    return it == unit_index.end() ? unit_id : data.units[static_cast<std::size_t>(it->second)].name;
}

const CaseSchedule* Derived::schedule_of(const std::string& employee_id) const {
    auto it = employee_index.find(employee_id);
    if (it == employee_index.end()) return nullptr;
    const int s = schedule_of_employee[static_cast<std::size_t>(it->second)];
    return s < 0 ? nullptr : &schedules[static_cast<std::size_t>(s)];
}

} // namespace iadesk::app
