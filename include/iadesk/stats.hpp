// stats: sick-leave statistics (sykefraværsprosent) as NAV and SSB compute them, and the masking
// that keeps a small group's figures private (the rules and their sources are in docs/domain.md,
// "Sykefraværsstatistikk / Sick-leave statistics").
//
// Contract
// - mulige dagsverk of an employee in the period = sum over working days (calendar.hpp) inside an
//   employment period of percent / 100.
// - tapte dagsverk = sum over those working days on which the employee is absent of
//   position share x grade / 100. When records overlap on a day, the highest grade counts
//   (capped at 100) and the day is legemeldt if any sykmelding covers it, else egenmeldt.
//   Absent days outside employment count nothing. An open record (no last day) counts through
//   the end of the period.
// - prosent = tapte / mulige x 100 from unrounded sums, one decimal rounded half up
//   (round_percent); likewise the egenmeldt and legemeldt parts. NAV divides to three decimals
//   half up and then rounds to one (navikt/pia-sykefravarsstatistikk, StatistikkUtils), which
//   gives the same digit.
// - Head-count (NAV's antallPersoner): the persons with an employment on at least one day of a
//   quarter, each person once whatever the number of employment periods (NAV's population is
//   everyone registered in the a-ordning with an active employment in the quarter; its 16-69 age
//   limit is not applied: the employer's own figures cover every employee). The period is cut
//   at quarter boundaries into pieces (a piece is the part of a quarter inside the period);
//   `quarter_heads` is the head-count of each piece and masking_headcount() the largest.
//   `employees` counts everyone employed on at least one day of the whole period (shown, never
//   used for masking).
// - Masking (primary, MaskReason::small_group): a group whose `headcount` is below `mask_below`
//   (default 5, NAV's MIN_ANTALL_PERS_FOR_AT_STATISTIKKEN_IKKE_ER_PERSONOPPLYSNINGER) has its
//   figures withheld. Over several quarters this is NAV's rule: the largest head-count of any
//   single quarter decides (SumAvSykefraværOverFlereKvartaler), not the people seen over the
//   period. A single quarter: its head-count.
// - Secondary suppression (MaskReason::protects_small_group), protect_parts: the organisation is
//   the total, the units its parts (units have no sub-units in the model, so there is no deeper
//   level). The organisation's figure is always taken as known. When the hidden parts that have
//   people are exactly one, or together have a head-count below `mask_below` (per piece, summed,
//   then the largest), the organisation minus the shown units would reveal them; the smallest
//   shown part with people (head-count, then the units' order) is withheld too, until neither
//   holds. The total itself never needs withholding: with every part hidden the hidden parts
//   make up the whole organisation. Employees whose unit is not in Dataset::units are a part that
//   is never shown. (Complementary cell suppression for a one-level table: ESSnet SDC, "Handbook
//   on Statistical Disclosure Control"; docs/domain.md.)
// - compute_stats always builds the whole table (organisation and every unit) and protects it
//   before returning the groups asked for, so the organisation-only and the per-unit answers for
//   the same period agree and never combine into a disclosure. A withheld group has no sums and
//   no percents; `masked` is true for both reasons.
// - Grouping: whole organisation (unit = nullopt) or one group per unit, in the units' order,
//   with the organisation first when include_total is set; units with no employees in the period
//   are still listed (employees = 0, masked). Each day counts in the unit the employee was in that
//   day (model.hpp unit_on; moves keep Employee::earlier_units): someone who moved during the
//   period counts in both units' head-counts and once in the organisation's; the dagsverk are split
//   by day, so the units' sums still add up to the organisation's.
// - Not protected: differences over time. NAV's rule lets a four-quarter figure be shown while one
//   of its quarters is masked (docs/domain.md says what that means and where iadesk shows both).
// - Cost: the period's working days are computed once (prefix sums); each record and employment
//   period then costs O(1), whatever its length; head-counts cost O(employment periods x pieces).
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
    int mask_below = 5;           // 0: nothing masked (reference sums, never for display)
    bool include_total = false;   // with by_unit: the organisation first, then the units
};

struct DagsverkSums {
    double mulige = 0;
    double tapte = 0;
    double tapte_egenmeldt = 0;
    double tapte_legemeldt = 0;
};

// Why a group's figures are withheld.
enum class MaskReason {
    none,
    small_group,          // the largest quarterly head-count is below the threshold ("skjermet")
    protects_small_group, // shown, it would reveal a small group by subtraction
};

struct StatsGroup {
    std::optional<std::string> unit; // nullopt = whole organisation
    int employees = 0;                 // employed on at least one day of the period
    bool masked = false;               // reason != none
    std::optional<DagsverkSums> sums;  // nullopt when masked
    std::optional<double> percent;     // rounded to one decimal; nullopt when masked or mulige == 0
    MaskReason reason = MaskReason::none;
    std::vector<int> quarter_heads;    // head-count per quarter piece of the period (see the contract)
    std::optional<double> percent_egenmeldt; // tapte_egenmeldt / mulige, like `percent`
    std::optional<double> percent_legemeldt; // tapte_legemeldt / mulige: the measure NAV publishes
};

// The head-count that decides masking: the largest of quarter_heads, or `employees` for a group
// made without them (one piece).
int masking_headcount(const StatsGroup& g);

struct StatsResult {
    Date from;
    Date to;
    std::vector<StatsGroup> groups;
};

StatsResult compute_stats(const Dataset& ds, const StatsQuery& q);

// The whole protected table of one period, for code that combines units (IA goals over several
// units): the organisation, every unit in Dataset::units order, and each unit's unmasked sums
// (never for display: only to add up units whose sum the protection allows).
struct StatsTable {
    Date from;
    Date to;
    StatsGroup organisation;
    std::vector<StatsGroup> units;
    std::vector<DagsverkSums> unit_sums;
    bool unlisted = false; // employees whose unit is not listed: a part that is never shown
};
StatsTable compute_stats_table(const Dataset& ds, Date from, Date to, int mask_below = 5);

// Primary masking and secondary suppression (the contract above) on `parts`, the parts of one
// total taken as known: every part whose masking_headcount is below mask_below is withheld as
// small_group, then further parts as protects_small_group until no hidden group can be
// recovered by subtraction. Withheld parts lose sums and percents. Idempotent; the same input
// gives the same choice.
void protect_parts(std::vector<StatsGroup*>& parts, int mask_below);
// protect_parts over a result: the organisation group (if any) gets primary masking, the unit
// groups are the parts of the organisation's total.
void protect_result(StatsResult& r, int mask_below);

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
    Quarter plus(int quarters) const; // negative: back in time
};
Quarter quarter_of(Date d);
// The last quarter that has ended before `today` (the quarter of yesterday if it ended then).
Quarter latest_complete_quarter(Date today);

// NAV's published figure for an organisation: legemeldt sick leave over the last published
// quarter and the three before it (navikt/pia-sykefravarsstatistikk, Aggregeringskalkulator:
// "siste fire kvartaler"). iadesk takes the last complete quarter as of `today`. The query
// covers those four whole quarters; read percent_legemeldt beside percent (all absence).
StatsQuery nav_four_quarters_query(Date today, bool by_unit, bool include_total);

// NAV's duration bands (docs/domain.md, Public holidays and duration bands): 1-7 days, 8-16 days,
// 17 days-8 weeks, 8-20 weeks, 20-39 weeks, over 39 weeks. Returns 0..5 for a duration in calendar
// days >= 1 (0 below 1).
int duration_band(int days);
const char* duration_band_label_nb(int band);

} // namespace iadesk
