// access: role filtering (include/iadesk/access.hpp; docs/domain.md: Roles and privacy; Head-count
// and masking).
#include "iadesk/access.hpp"
#include "iadesk/enum_text.hpp"

#include <unordered_set>

namespace iadesk {

constexpr EnumText<RoleKind> kRoleKindText[] = {
    {RoleKind::hr, "hr", "HR / arbeidsgiver", "HR / employer"},
    {RoleKind::manager, "manager", "Nærmeste leder", "Manager"},
    {RoleKind::tillitsvalgt, "tillitsvalgt", "Tillitsvalgt / verneombud", "Union representative / safety delegate"},
    {RoleKind::employee, "employee", "Arbeidstaker", "Employee"},
};

const char* to_string(RoleKind k) { return enum_code(kRoleKindText, k); }

namespace {

std::string unit_name(const Dataset& ds, const std::string& id) {
    for (const Unit& u : ds.units)
        if (u.id == id) return u.name;
    return id;
}

std::string employee_name(const Dataset& ds, const std::string& id) {
    for (const Employee& e : ds.employees)
        if (e.id == id) return e.name;
    return id;
}

// The role's name, with the unit of a manager and the name of an employee: "Nærmeste leder (Drift)".
std::string role_label(const Role& r, const Dataset& ds, bool english) {
    const EnumText<RoleKind>& row = enum_row(kRoleKindText, r.kind);
    std::string label = english ? row.en : row.nb;
    if (r.kind == RoleKind::manager) label += " (" + unit_name(ds, r.unit) + ")";
    if (r.kind == RoleKind::employee) label += " (" + employee_name(ds, r.employee) + ")";
    return label;
}

} // namespace

std::string role_label_nb(const Role& r, const Dataset& ds) { return role_label(r, ds, false); }
std::string role_label_en(const Role& r, const Dataset& ds) { return role_label(r, ds, true); }

bool may_see_employee(const Role& r, const Employee& e) {
    switch (r.kind) {
    case RoleKind::hr: return true;
    case RoleKind::manager: return !r.unit.empty() && e.unit == r.unit;
    case RoleKind::tillitsvalgt: return false;
    case RoleKind::employee: return !r.employee.empty() && e.id == r.employee;
    }
    return false;
}

Dataset visible_dataset(const Dataset& ds, const Role& r) {
    if (r.kind == RoleKind::hr) return ds;
    Dataset out;
    out.organisation = ds.organisation;
    if (r.kind == RoleKind::tillitsvalgt) {
        out.units = ds.units;
        return out;
    }
    std::unordered_set<std::string_view> ids;
    std::unordered_set<std::string_view> units;
    for (const Employee& e : ds.employees) {
        if (!may_see_employee(r, e)) continue;
        out.employees.push_back(e);
        out.employees.back().national_id.clear(); // for HR only (model.hpp): the fødselsnummer never leaves HR's copy
        ids.insert(e.id);
        units.insert(e.unit);
        for (const EarlierUnit& u : e.earlier_units) units.insert(u.unit); // the history's units resolve
    }
    if (r.kind == RoleKind::manager) units.insert(r.unit);
    for (const Unit& u : ds.units)
        if (units.count(u.id)) out.units.push_back(u);
    for (const Absence& a : ds.absences)
        if (ids.count(a.employee)) out.absences.push_back(a);
    for (const MilestoneEvent& ev : ds.milestone_events)
        if (ids.count(ev.employee)) out.milestone_events.push_back(ev);
    for (const Plan& p : ds.plans) // follow-up plans of the visible employees
        if (ids.count(p.employee)) out.plans.push_back(p);
    out.adjustment_options = ds.adjustment_options;
    return out;
}

bool may_see_statistics(const Role& r, std::optional<std::string> unit) {
    switch (r.kind) {
    case RoleKind::hr: return true;
    case RoleKind::manager: return unit.has_value() && !r.unit.empty() && *unit == r.unit;
    case RoleKind::tillitsvalgt: return true;
    case RoleKind::employee: return false;
    }
    return false;
}

StatsResult visible_stats(const StatsResult& s, const Role& r) {
    // Protect the whole result first (whatever threshold it was computed with), then filter: the
    // choice of what to withhold never depends on the role, so two roles' views never combine
    // into a disclosure.
    StatsResult all = s;
    protect_result(all, kMaskBelow);
    StatsResult out;
    out.from = s.from;
    out.to = s.to;
    for (StatsGroup& g : all.groups) {
        if (!may_see_statistics(r, g.unit)) continue;
        // A manager sees the own unit "only when not masked": a small unit is left out; a unit
        // withheld to protect another stays, without figures, so the reason can be shown.
        if (r.kind == RoleKind::manager && g.reason == MaskReason::small_group) continue;
        out.groups.push_back(std::move(g));
    }
    return out;
}

bool may_edit(const Role& r) { return r.kind == RoleKind::hr || r.kind == RoleKind::manager; }

bool may_edit(const Role& r, EditArea area, std::string_view employee_unit) {
    switch (r.kind) {
    case RoleKind::hr: return true;
    case RoleKind::manager:
        return (area == EditArea::absences || area == EditArea::milestone_events || area == EditArea::plans) && !r.unit.empty() &&
               employee_unit == r.unit;
    case RoleKind::tillitsvalgt:
    case RoleKind::employee: return false;
    }
    return false;
}

bool may_see_change_log(const Role& r) { return r.kind == RoleKind::hr; }
bool may_write_half_year(const Role& r) { return r.kind == RoleKind::hr; }
bool may_sign_off_half_year(const Role& r) { return r.kind == RoleKind::tillitsvalgt; }

} // namespace iadesk
