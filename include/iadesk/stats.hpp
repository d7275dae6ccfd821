// stats: sick-leave statistics (sykefraværsprosent), DOMAIN.md §6.
//
// Contract
// - mulige dagsverk of an employee in the period = sum over working days (calendar.hpp) inside an
//   employment period of percent / 100.
// - tapte dagsverk = sum over those working days on which the employee is absent of
//   position share x grade / 100. When records overlap on a day, the highest grade counts
//   (capped at 100) and the day is legemeldt if any sykmelding covers it, else egenmeldt.
//   Absent days outside employment count nothing. An open record (no last day) counts through
//   the end of the period.
// - prosent = tapte / mulige x 100 from unrounded sums, shown with one decimal rounded half up
//   (round_percent). A group with fewer than `mask_below` employees (default 5, NAV's threshold)
//   is masked: its figures are withheld (nullopt) everywhere.
// - `employees` counts those employed on at least one day of the period.
// - Grouping: whole organisation (unit = nullopt) or one group per unit, in the units' order;
//   units with no employees in the period are still listed (employees = 0, masked). With
//   by_unit, an employee whose unit id is not in Dataset::units is left out.
// - Cost: the period's working days are computed once (prefix sums); each record and employment
//   period then costs O(1), whatever its length.
#pragma once

#include "iadesk/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace iadesk {

struct StatsQuery {
    Date from;
    Date to;                      // inclusive
    bool by_unit = false;
    int mask_below = 5;
};

struct DagsverkSums {
    double mulige = 0;
    double tapte = 0;
    double tapte_egenmeldt = 0;
    double tapte_legemeldt = 0;
};

struct StatsGroup {
    std::optional<std::string> unit; // nullopt = whole organisation
    int employees = 0;
    bool masked = false;
    std::optional<DagsverkSums> sums;  // nullopt when masked
    std::optional<double> percent;     // rounded to one decimal; nullopt when masked or mulige == 0
};

struct StatsResult {
    Date from;
    Date to;
    std::vector<StatsGroup> groups;
};

StatsResult compute_stats(const Dataset& ds, const StatsQuery& q);

// Unmasked sums for one employee (the building block; not for display).
DagsverkSums employee_dagsverk(const Employee& e, const std::vector<const Absence*>& absences,
                               Date from, Date to);

// One decimal, half up, tolerant of binary floating error (6.25 -> 6.3, 6.249999999 -> 6.2).
double round_percent(double value);
// "6,5 %" style: decimal comma, non-breaking space before %.
std::string format_percent_nb(double rounded_value);

struct Quarter {
    int year = 0;
    int q = 0;                    // 1..4
    Date first() const;
    Date last() const;
};
Quarter quarter_of(Date d);

// NAV's duration bands (DOMAIN.md §6): 1-7 days, 8-16 days, 17 days-8 weeks, 8-20 weeks,
// 20-39 weeks, over 39 weeks. Returns 0..5 for a duration in calendar days >= 1 (0 below 1).
int duration_band(int days);
const char* duration_band_label_nb(int band);

} // namespace iadesk
