// egenmelding: is a planned egenmelding within the rule? (sick_pay.hpp; ftrl § 8-24;
// docs/domain.md "Egenmelding").
#include "iadesk/enum_text.hpp"
#include "iadesk/sick_pay.hpp"

#include <algorithm>

namespace iadesk {
namespace {

constexpr int kEmployedMonths = 2;   // § 8-24: two months' employment before the first day
constexpr int kMaxAgreedDays = 16;   // an agreed rule stays within the arbeidsgiverperiode (§ 8-19)
constexpr int kWindowMonths = 12;    // § 8-24: "i løpet av en tolvmånedersperiode"

// Employed without a break on every day of [from, to].
bool employed_throughout(const Employee& e, Date from, Date to) {
    Date need = from;
    for (const Employment& p : e.employment) { // sorted by `from`
        if (p.from > need) break;
        if (!p.to || *p.to >= to) return true;
        if (*p.to >= need) need = *p.to + 1;
    }
    return false;
}

bool rule_is_valid(const EgenmeldingRule& r) {
    if (r.days_at_a_time < 1 || r.days_at_a_time > kMaxAgreedDays) return false;
    if (r.times_per_12_months && *r.times_per_12_months < 1) return false;
    if (r.days_per_12_months && *r.days_per_12_months < 1) return false;
    return r.times_per_12_months || r.days_per_12_months;
}

} // namespace

EgenmeldingCheck check_egenmelding(const Employee& employee, const std::vector<Absence>& absences, Date from,
                                   Date to, const std::optional<EgenmeldingRule>& organisation) {
    EgenmeldingCheck out;
    auto problem = [&out](EgenmeldingProblem p) {
        out.within_rule = false;
        out.problems.push_back(p);
    };
    if (to < from) {
        problem(EgenmeldingProblem::invalid_period);
        return out;
    }
    EgenmeldingRule rule; // the law's
    if (organisation && (!organisation->agreed_from || *organisation->agreed_from <= from)) {
        if (!rule_is_valid(*organisation)) problem(EgenmeldingProblem::invalid_rule);
        else {
            rule = *organisation;
            out.organisation_rule = true;
        }
    }

    if (!employed_throughout(employee, add_months(from, -kEmployedMonths), from - 1))
        problem(EgenmeldingProblem::employed_under_2_months);

    // The employee's other egenmeldinger, by first day (the planned one itself left out).
    std::vector<const Absence*> own;
    for (const Absence& a : absences)
        if (a.employee == employee.id && a.kind == AbsenceKind::egenmelding && a.to && !(a.from == from && *a.to == to))
            own.push_back(&a);
    std::sort(own.begin(), own.end(), [](const Absence* x, const Absence* y) { return x->from < y->from; });

    // "At a time": the planned days together with egenmeldinger that adjoin or overlap them.
    Date first = from, last = to;
    for (bool grown = true; grown;) {
        grown = false;
        for (const Absence* a : own)
            if (a->from <= last + 1 && *a->to + 1 >= first && (a->from < first || *a->to > last)) {
                first = std::min(first, a->from);
                last = std::max(last, *a->to);
                grown = true;
            }
    }
    out.days = last - first + 1;
    if (out.days > rule.days_at_a_time) problem(EgenmeldingProblem::too_many_days_at_a_time);

    // Earlier times in the 12 months up to the planned first day; adjoining ones are the same time.
    const Date window_start = add_months(from, -kWindowMonths) + 1;
    std::optional<Date> previous_last;
    for (const Absence* a : own) { // sorted by first day
        if (*a->to < window_start || a->from >= first) continue;
        const Date counted_from = std::max({a->from, window_start, previous_last ? *previous_last + 1 : a->from});
        if (!previous_last || a->from > *previous_last + 1) ++out.times_in_12_months;
        if (*a->to >= counted_from) out.days_in_12_months += *a->to - counted_from + 1;
        previous_last = previous_last ? std::max(*previous_last, *a->to) : *a->to;
    }
    if (rule.times_per_12_months && out.times_in_12_months + 1 > *rule.times_per_12_months)
        problem(EgenmeldingProblem::too_many_times);
    if (rule.days_per_12_months && out.days_in_12_months + (to - from + 1) > *rule.days_per_12_months)
        problem(EgenmeldingProblem::too_many_days_in_12_months);
    return out;
}

constexpr EnumText<EgenmeldingProblem> kEgenmeldingProblemText[] = {
    {EgenmeldingProblem::invalid_period, "invalid_period"},
    {EgenmeldingProblem::invalid_rule, "invalid_rule"},
    {EgenmeldingProblem::employed_under_2_months, "employed_under_2_months"},
    {EgenmeldingProblem::too_many_days_at_a_time, "too_many_days_at_a_time"},
    {EgenmeldingProblem::too_many_times, "too_many_times"},
    {EgenmeldingProblem::too_many_days_in_12_months, "too_many_days_in_12_months"},
};

const char* to_string(EgenmeldingProblem p) { return enum_code(kEgenmeldingProblemText, p); }

} // namespace iadesk
