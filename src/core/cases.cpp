// cases: absence records -> sickness cases (cases.hpp).
//
// Complexity: one pass to bucket the absences by employee (counting sort over an id -> slot
// map), a sort of each employee's few records, and the sick-pay account of each employee
// (sick_pay.cpp: O(1) date arithmetic per interval). No loop runs over the days of a record, so
// open or year-long records cost the same as short ones.
#include "iadesk/cases.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace iadesk {
namespace {

// ftrl § 8-19 third paragraph: a new absence within 16 days continues the period; 16 non-sick
// days end a case (as NAV's oppfølgingstilfelle, navikt/isoppfolgingstilfelle).
constexpr int kMaxMergeGap = 15;
constexpr int32_t kOpenEnd = std::numeric_limits<int32_t>::max() / 4; // "no last day yet"

struct Interval {
    int32_t first;
    int32_t last; // kOpenEnd when an open record reaches into it
};

// Builds one case from the sorted record indices [begin, end) of one employee.
class CaseBuilder {
public:
    CaseBuilder(const Dataset& ds, Date today) : ds_(ds), today_(today) {}

    void start(std::size_t idx) {
        const Absence& a = ds_.absences[idx];
        c_ = SicknessCase{};
        c_.employee = a.employee;
        c_.start = a.from;
        unions_.clear();
        open_ = false;
        last_named_ = a.from.days;
        add(idx);
    }

    // Non-sick calendar days between the case so far and a record starting on `from`.
    int gap_before(Date from) const {
        const int32_t covered = unions_.back().last;
        return covered >= kOpenEnd ? -1 : from.days - covered - 1;
    }

    void add(std::size_t idx) {
        const Absence& a = ds_.absences[idx];
        c_.absences.push_back(idx);
        const int32_t last = a.to ? a.to->days : kOpenEnd;
        if (a.to) {
            last_named_ = std::max(last_named_, a.to->days);
        } else {
            open_ = true;
            last_named_ = std::max(last_named_, a.from.days);
        }
        if (!unions_.empty() && a.from.days <= unions_.back().last + 1) {
            unions_.back().last = std::max(unions_.back().last, last);
        } else {
            unions_.push_back({a.from.days, last});
        }
    }

    SicknessCase finish() {
        c_.last_recorded_day = Date{last_named_};
        if (!open_) c_.end = Date{last_named_};
        // sick_days: days covered by a record, an open record counting through today (at least
        // its first day). The records are sorted by first day, so one merging pass suffices.
        int sick = 0;
        int32_t run_first = 0, run_last = -1;
        bool in_run = false;
        for (std::size_t idx : c_.absences) {
            const Absence& a = ds_.absences[idx];
            const int32_t last = a.to ? a.to->days : std::max(a.from.days, today_.days);
            if (in_run && a.from.days <= run_last + 1) {
                run_last = std::max(run_last, last);
                continue;
            }
            if (in_run) sick += run_last - run_first + 1;
            run_first = a.from.days;
            run_last = last;
            in_run = true;
        }
        if (in_run) sick += run_last - run_first + 1;
        c_.sick_days = sick;
        return std::move(c_);
    }

private:
    const Dataset& ds_;
    Date today_;
    SicknessCase c_;
    std::vector<Interval> unions_;
    bool open_ = false;
    int32_t last_named_ = 0;
};

} // namespace

int grade_on(const SicknessCase& c, const Dataset& ds, Date day) {
    if (day < c.start) return 0;
    int covering = 0;
    int32_t best_end = std::numeric_limits<int32_t>::min();
    int ended_grade = 0;
    for (std::size_t idx : c.absences) { // sorted by first day
        const Absence& a = ds.absences[idx];
        if (a.from > day) break;
        if (!a.to || day <= *a.to) covering = std::max(covering, a.grade);
        else if (a.to->days >= best_end) { best_end = a.to->days; ended_grade = a.grade; }
    }
    return covering > 0 ? covering : ended_grade;
}

namespace {

// The absence records grouped by employee slot and sorted within each (the order of the cases).
struct CaseIndex {
    std::vector<const Employee*> slot_employee; // the employee of each slot from the list
    std::vector<std::size_t> offset;            // slot s holds order[offset[s] .. offset[s + 1])
    std::vector<std::size_t> order;

    explicit CaseIndex(const Dataset& ds) {
        // Employee slots: the employee list's order, then unknown ids by first appearance.
        std::unordered_map<std::string_view, std::size_t> slot_of;
        slot_of.reserve(ds.employees.size() * 2 + 16);
        slot_employee.reserve(ds.employees.size());
        for (const Employee& e : ds.employees)
            if (slot_of.emplace(e.id, slot_of.size()).second) slot_employee.push_back(&e);
        std::vector<std::size_t> slot(ds.absences.size());
        for (std::size_t i = 0; i < ds.absences.size(); ++i) {
            // find first: libstdc++'s emplace allocates a node before it looks for the key
            auto it = slot_of.find(ds.absences[i].employee);
            slot[i] = it != slot_of.end() ? it->second : slot_of.emplace(ds.absences[i].employee, slot_of.size()).first->second;
        }

        // Counting sort of absence indices by slot.
        offset.assign(slot_of.size() + 1, 0);
        for (std::size_t s : slot) ++offset[s + 1];
        for (std::size_t s = 1; s < offset.size(); ++s) offset[s] += offset[s - 1];
        order.resize(ds.absences.size());
        {
            std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
            for (std::size_t i = 0; i < ds.absences.size(); ++i) order[fill[slot[i]]++] = i;
        }

        auto before = [&](std::size_t x, std::size_t y) {
            const Absence& a = ds.absences[x];
            const Absence& b = ds.absences[y];
            if (a.from != b.from) return a.from < b.from;
            const int32_t ae = a.to ? a.to->days : kOpenEnd, be = b.to ? b.to->days : kOpenEnd;
            return ae != be ? ae < be : x < y;
        };
        for (std::size_t s = 0; s + 1 < offset.size(); ++s)
            std::sort(order.begin() + static_cast<std::ptrdiff_t>(offset[s]),
                      order.begin() + static_cast<std::ptrdiff_t>(offset[s + 1]), before);
    }

    std::size_t slots() const { return offset.size() - 1; }

    // The number of cases of all slots (to allocate the result once).
    std::size_t count(const Dataset& ds) const {
        std::size_t n_cases = 0;
        for (std::size_t s = 0; s < slots(); ++s) {
            auto first = order.begin() + static_cast<std::ptrdiff_t>(offset[s]);
            auto last = order.begin() + static_cast<std::ptrdiff_t>(offset[s + 1]);
            if (first == last) continue;
            ++n_cases;
            int32_t covered = ds.absences[*first].to ? ds.absences[*first].to->days : kOpenEnd;
            for (auto it = first + 1; it != last; ++it) {
                const Absence& a = ds.absences[*it];
                if (covered < kOpenEnd && a.from.days - covered - 1 > kMaxMergeGap) {
                    ++n_cases;
                    covered = a.to ? a.to->days : kOpenEnd;
                } else {
                    covered = std::max(covered, a.to ? a.to->days : kOpenEnd);
                }
            }
        }
        return n_cases;
    }

    // Appends slot s's cases to `cases`, with their sick-pay accounts.
    void build(std::size_t s, const Dataset& ds, Date today, const SickPayOptions& options, CaseBuilder& builder,
               std::vector<SicknessCase>& cases) const {
        auto first = order.begin() + static_cast<std::ptrdiff_t>(offset[s]);
        auto last = order.begin() + static_cast<std::ptrdiff_t>(offset[s + 1]);
        if (first == last) return;
        const std::size_t employee_first_case = cases.size();
        builder.start(*first);
        for (auto it = first + 1; it != last; ++it) {
            if (builder.gap_before(ds.absences[*it].from) > kMaxMergeGap) {
                cases.push_back(builder.finish());
                builder.start(*it);
            } else {
                builder.add(*it);
            }
        }
        cases.push_back(builder.finish());

        SickPayPerson person;
        if (s < slot_employee.size()) { // else an id the employee list lacks: no employment, no birth
            const Employee& e = *slot_employee[s];
            person.employment = e.employment;
            person.birth_year = e.birth_year;
            person.birth_date = options.birth_date ? options.birth_date(e) : e.birth_date;
        }
        assess_sick_pay(cases.data() + employee_first_case, cases.data() + cases.size(), person, ds, today);
    }
};

} // namespace

std::vector<SicknessCase> build_cases(const Dataset& ds, Date today, const SickPayOptions& options) {
    const CaseIndex index(ds);
    // Counted first, so the result is allocated once (reallocating ~100-byte cases dominated the
    // run time at 500 000 records).
    std::vector<SicknessCase> cases;
    cases.reserve(index.count(ds));
    CaseBuilder builder(ds, today);
    for (std::size_t s = 0; s < index.slots(); ++s) index.build(s, ds, today, options, builder, cases);
    return cases;
}

void for_each_employee_cases(const Dataset& ds, Date today, const SickPayOptions& options,
                             const std::function<void(std::vector<SicknessCase>&)>& each) {
    const CaseIndex index(ds);
    CaseBuilder builder(ds, today);
    std::vector<SicknessCase> cases;
    for (std::size_t s = 0; s < index.slots(); ++s) {
        cases.clear();
        index.build(s, ds, today, options, builder, cases);
        if (!cases.empty()) each(cases);
    }
}

const SicknessCase* case_on(const std::vector<SicknessCase>& cases, std::string_view employee, Date day) {
    for (const SicknessCase& c : cases)
        if (c.employee == employee && c.start <= day && (!c.end || day <= *c.end)) return &c;
    return nullptr;
}

} // namespace iadesk
