// access: what a role may see and do (DOMAIN.md §1, §6 privacy; issue 7 §5). The one place
// that enforces it: every individual-level view and export draws from visible_dataset(), every
// statistics view and export from visible_stats(), every edit is gated by may_edit().
//
// Contract
// - HR (arbeidsgiver/admin): everything; may run every command.
// - Manager (nærmeste leder) of unit U: the organisation, unit U only, the employees whose unit
//   is U, their absences and milestone events (and so their cases and milestones, which are
//   derived). Statistics only for U (no organisation-wide figure, no other unit), never a
//   masked figure. May record absence and milestone events for employees of U; nothing else.
// - Tillitsvalgt / verneombud: no individual data at all (employees, absences and events are
//   empty); the organisation and the units' names; statistics for the organisation and every
//   unit, always masked below 5 employees. Read-only.
// - Employee (arbeidstaker) E: the own employee record, the own unit's name, the own milestone
//   events and the own absences (the employee's own data; needed to derive the own case and
//   follow-up schedule, DOMAIN.md §1 "own plan"). No statistics. Read-only.
// - A role naming a unit or employee that does not exist sees nothing individual.
// - Masking (stats.hpp; docs/domain.md): visible_stats applies protect_result at kMaskBelow to the
//   whole result before filtering, for every role, whatever mask_below the query used: primary
//   masking by the largest quarterly head-count and secondary suppression among the unit groups
//   (the organisation's total taken as known even when the result leaves it out). A manager's
//   own unit is dropped when it is small (small_group) and kept without figures when it is
//   withheld to protect another unit (protects_small_group).
// - visible_dataset keeps the dataset's order and is valid (validate_dataset) when the input is.
#pragma once

#include "iadesk/model.hpp"
#include "iadesk/stats.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace iadesk {

inline constexpr int kMaskBelow = 5; // NAV's threshold, DOMAIN.md §6

enum class RoleKind { hr, manager, tillitsvalgt, employee };

struct Role {
    RoleKind kind = RoleKind::hr;
    std::string unit;      // manager: the own unit's id
    std::string employee;  // employee: the own employee id

    static Role hr() { return {RoleKind::hr, {}, {}}; }
    static Role manager(std::string unit_id) { return {RoleKind::manager, std::move(unit_id), {}}; }
    static Role tillitsvalgt() { return {RoleKind::tillitsvalgt, {}, {}}; }
    static Role employee_of(std::string employee_id) { return {RoleKind::employee, {}, std::move(employee_id)}; }
};

const char* to_string(RoleKind k);   // "hr" | "manager" | "tillitsvalgt" | "employee"
// UI name, e.g. "Nærmeste leder (Barnehage Solsikken)"; `ds` gives the unit or employee name.
std::string role_label_nb(const Role& r, const Dataset& ds);
std::string role_label_en(const Role& r, const Dataset& ds);

// May the role see this employee's individual data (record, absence, events, cases)?
bool may_see_employee(const Role& r, const Employee& e);

// The part of the dataset the role may see (see the contract above). O(n).
Dataset visible_dataset(const Dataset& ds, const Role& r);

// May the role see statistics for `unit` (nullopt = the whole organisation)? Masking still applies.
bool may_see_statistics(const Role& r, std::optional<std::string> unit);
// The groups the role may see, protected at kMaskBelow (see the contract above).
StatsResult visible_stats(const StatsResult& s, const Role& r);

// plans: follow-up plans (issue 4); a manager co-writes the plans of the own unit (DOMAIN.md §1).
enum class EditArea { organisation, units, employees, absences, milestone_events, plans };
// May the role edit anything at all (false: the UI is read-only)?
bool may_edit(const Role& r);
// May the role run commands of `area`; for absences and milestone events `employee_unit` is the
// unit of the employee concerned (a manager may edit only the own unit's).
bool may_edit(const Role& r, EditArea area, std::string_view employee_unit = {});

// IA half-year reports (half_year.hpp; DOMAIN.md §1, §5): the employer (HR) writes the texts; only
// the tillitsvalgt signs them off ("gjennomgått med tillitsvalgt"). Every role may read them.
// The change log (document.hpp) names employees of every unit: only HR sees it (visible_dataset
// leaves it out for the other roles).
bool may_see_change_log(const Role& r);
bool may_write_half_year(const Role& r);
bool may_sign_off_half_year(const Role& r);

} // namespace iadesk
