// cases: absence records -> sickness cases (NAV: oppfølgingstilfelle), with each case's sick-pay
// account (sick_pay.hpp).
//
// Contract
// - An employee's records (egenmelding and sykmelding alike) are merged into one case while the
//   gap of non-sick calendar days between them is at most 15; a gap of 16 or more starts a new
//   case (folketrygdloven § 8-19 third paragraph; NAV's oppfølgingstilfelle does the same).
//   Overlapping records are merged.
// - start = first sick day (day 1). end = last recorded sick day, or nullopt when the last
//   record is open.
// - sick_days = calendar days covered by at least one record. An open record counts through
//   `today` (and at least its first day).
// - pay = the sick-pay account as it stands for the case (sick_pay.hpp): the arbeidsgiverperiode
//   (§§ 8-18, 8-19), the NAV days used in the case and in the account across the employee's
//   cases (§ 8-12: three years, 26 weeks for a fresh right), days left and maksdato (§ 8-12,
//   § 8-51, § 8-3). agp_end and maksdato repeat pay.agp_end and pay.maksdato (the milestone
//   anchors "agp_end" and "maksdato" of the rule sets read them); both are always set,
//   projecting continuous absence after the case's last counted day.
// - Cases come sorted by employee id (in order of first appearance in the dataset's employee
//   list) and then by start date.
#pragma once

#include "iadesk/model.hpp"
#include "iadesk/sick_pay.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace iadesk {

struct SicknessCase {
    std::string employee;
    Date start;
    std::optional<Date> end;      // nullopt = open (last record has no last day)
    Date last_recorded_day;       // = *end when closed; when open, the latest day a record names
                                  // (the open record's first day, or a later closed record's last)
    int sick_days = 0;
    Date agp_end;                 // = pay.agp_end
    Date maksdato;                // = pay.maksdato
    CaseSickPay pay;
    std::vector<std::size_t> absences; // indices into Dataset::absences, by first day

    bool is_open() const { return !end.has_value(); }
    // Week k of a case holds days start+7(k-1) .. start+7k-1 (docs/domain.md, Cases and weeks).
    int week_on(Date d) const { return (d - start) / 7 + 1; }
};

// Grade (20..100) in force on `day` within the case: the highest grade among records covering
// that day; if none covers it (a gap, or after the last day), the grade of the record that ended
// last before it (of those ending the same day, the one that began last); 0 before start.
int grade_on(const SicknessCase& c, const Dataset& ds, Date day);

// All cases of the dataset. `today` bounds open records: their sick_days and the NAV days counted
// so far (maksdato does not depend on it). `options` gives exact birth dates when known.
std::vector<SicknessCase> build_cases(const Dataset& ds, Date today, const SickPayOptions& options = {});

// The same cases one employee at a time, in build_cases' order: `each` gets the cases of one
// employee (at least one; the vector is reused after the call returns). For output that need not
// hold every case at once (`iadesk cases --json`: 1.3 million cases at 200 000 employees).
void for_each_employee_cases(const Dataset& ds, Date today, const SickPayOptions& options,
                             const std::function<void(std::vector<SicknessCase>&)>& each);

// The case of `employee` that is open on `day` (start <= day and (open or end >= day)), if any.
const SicknessCase* case_on(const std::vector<SicknessCase>& cases, std::string_view employee, Date day);

} // namespace iadesk
