// dropout: drop-out (frafall) from the employer in a calendar year, measured from the register's
// employment periods and their end reasons (docs/domain.md, "Drop-out (frafall)").
//
// Contract
// - Persons (head-count) of a group in year Y: the persons with an employment on at least one day
//   of Y, each once. A unit counts the persons who were in it (model.hpp unit_on) on at least one
//   employed day of Y, so someone who moved counts in both units and once in the organisation.
// - A leaver of year Y: a person with an employment period whose last day `to` lies in Y and no
//   employment on the day after (a new period starting the next day continues the employment, so
//   it is no leaving, whatever end reason the first period has). A person counts as a leaver at
//   most once a year: the latest such ending in Y decides the reason and the unit (the unit of
//   the last day).
// - Left to health-related benefits: leavers whose reason is uføretrygd or AAP. share = those /
//   persons x 100, one decimal half up (stats.hpp round_percent); nullopt when persons is 0.
// - Masking exactly as the sick-leave statistics (stats.hpp protect_parts, with the year's
//   head-count as the only piece): a group with fewer than `mask_below` persons is withheld
//   (small_group), and further units as protects_small_group so that the organisation minus the
//   shown units never reveals a small group. Employees whose unit is not in Dataset::units are a
//   hidden part. A withheld group keeps its head-count (as StatsGroup::employees) but has no
//   counts and no share.
// - Pure; O(employees x (employment periods + earlier units)).
#pragma once

#include "iadesk/model.hpp"
#include "iadesk/stats.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace iadesk {

inline constexpr std::size_t kEndReasonCount = 6;

struct DropoutCounts {
    int left = 0;                              // leavers (the contract above)
    std::array<int, kEndReasonCount> by_reason{}; // leavers per EndReason (indexed by its value)
    int reason_not_given = 0;                  // leavers whose last period has no end reason
    int left_to_benefits = 0;                  // uføretrygd + AAP
};

struct DropoutGroup {
    std::optional<std::string> unit;           // nullopt = the whole organisation
    int persons = 0;                           // head-count of the year
    bool masked = false;
    MaskReason reason = MaskReason::none;
    std::optional<DropoutCounts> counts;       // nullopt when masked
    std::optional<double> share_to_benefits;   // percent, one decimal; nullopt when masked or persons == 0
};

struct DropoutTable {
    int year = 0;
    DropoutGroup organisation;
    std::vector<DropoutGroup> units;           // in Dataset::units order
    bool unlisted = false;                     // employees whose unit is not listed (a hidden part)
};

DropoutTable compute_dropout(const Dataset& ds, int year, int mask_below = 5);

// The share to benefits of a set of units (empty = the organisation) in `year`, for IA goals: the
// organisation and a single unit as `compute_dropout` has them; several units only when the set
// adds nothing to that table (none of its units withheld, or it holds every withheld unit with
// people) and its own head-count (each person once) reaches mask_below.
struct DropoutFigure {
    std::optional<double> value;               // percent, one decimal
    bool masked = false;
    MaskReason reason = MaskReason::none;
    bool unknown_unit = false;
};
DropoutFigure dropout_figure(const Dataset& ds, const DropoutTable& table, const std::vector<std::string>& units,
                             int mask_below = 5);

} // namespace iadesk
