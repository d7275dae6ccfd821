// derived: everything the views show that is computed from the document — recomputed once per
// document revision (or when `today` changes), never per frame (docs/architecture.md, the data flow).
//
// Contract
// - After refresh(), `schedules` holds one CaseSchedule per case open on `today`, pointing into
//   `cases`, `rule_sets` and the Dataset passed in; they stay valid until the next refresh.
// - Everything is derived from what the role may see (access.hpp, the one place that enforces
//   it): `data()` is the document itself for HR and a filtered copy for every other role.
// - `rows` is the manager's overview: one row per open case, in schedule order.
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/cases.hpp"
#include "iadesk/milestones.hpp"
#include "iadesk/rules.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace iadesk::app {

struct OverviewRow {
    int employee = -1;          // index into Dataset::employees
    int schedule = -1;          // index into Derived::schedules
    int week = 0;               // case week on `today`
    int grade = 0;              // grade on `today`
    const Milestone* next = nullptr; // first milestone still needing action, or nullptr
};

struct Derived {
    uint64_t revision = UINT64_MAX;   // the document revision derived from
    uint64_t case_revision = UINT64_MAX; // its case_revision (document.hpp)
    uint64_t generation = 0;          // +1 on every recompute (role or day changes too): views key caches on it
    Date today;
    Role role;
    const Dataset* visible = nullptr;      // the document (HR) or `filtered`
    Dataset filtered;
    std::vector<RuleSet> rule_sets;        // loaded once
    std::vector<SicknessCase> cases;
    std::vector<CaseSchedule> schedules;
    std::vector<OverviewRow> rows;
    std::unordered_map<std::string, int> employee_index;
    std::unordered_map<std::string, int> unit_index;
    std::vector<int> schedule_of_employee;  // per employee index: index into schedules, or -1

    const Dataset& data() const { return *visible; }
    // Returns true when anything was recomputed. For HR (who sees the document itself) a change
    // that affects no case (Document::case_revision unchanged) recomputes nothing; other roles see
    // a filtered copy, which every change renews.
    bool refresh(const Dataset& document, uint64_t data_revision, uint64_t data_case_revision, Date today, const Role& role);
    const std::string& unit_name(const Dataset& data, const std::string& unit_id) const;
    // The schedule of an employee's case open today, or nullptr.
    const CaseSchedule* schedule_of(const std::string& employee_id) const;
};

} // namespace iadesk::app
