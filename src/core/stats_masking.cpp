// stats_masking: primary masking and secondary suppression of sick-leave figures (the contract
// and its sources are in include/iadesk/stats.hpp and docs/domain.md).
#include "iadesk/stats.hpp"

#include <algorithm>

namespace iadesk {
namespace {

void withhold(StatsGroup& g, MaskReason reason) {
    g.masked = true;
    g.reason = reason;
    g.sums.reset();
    g.percent.reset();
    g.percent_egenmeldt.reset();
    g.percent_legemeldt.reset();
}

// The head-count of the union of disjoint groups (each employee is in one unit): per piece the
// sum, then the largest. Groups with different pieces (made by hand) give the largest single
// head-count, a lower bound, so the check errs towards withholding.
int union_headcount(const std::vector<const StatsGroup*>& groups) {
    if (groups.empty()) return 0;
    const std::size_t n = groups.front()->quarter_heads.size();
    bool same = n > 0;
    for (const StatsGroup* g : groups) same = same && g->quarter_heads.size() == n;
    int best = 0;
    if (!same) {
        for (const StatsGroup* g : groups) best = std::max(best, masking_headcount(*g));
        return best;
    }
    for (std::size_t k = 0; k < n; ++k) {
        int sum = 0;
        for (const StatsGroup* g : groups) sum += g->quarter_heads[k];
        best = std::max(best, sum);
    }
    return best;
}

} // namespace

int masking_headcount(const StatsGroup& g) {
    if (g.quarter_heads.empty()) return g.employees;
    return *std::max_element(g.quarter_heads.begin(), g.quarter_heads.end());
}

void protect_parts(std::vector<StatsGroup*>& parts, int mask_below) {
    if (mask_below <= 0) return; // reference sums: nothing is masked
    // Primary: too few people in the busiest quarter (NAV's rule over several quarters).
    for (StatsGroup* g : parts) {
        if (masking_headcount(*g) < mask_below) {
            withhold(*g, MaskReason::small_group);
        } else if (g->masked) { // withheld before (a second pass, or made so by hand): keep it so
            withhold(*g, g->reason == MaskReason::none ? MaskReason::protects_small_group : g->reason);
        }
    }
    // Secondary: the total minus the shown parts is the sum of the hidden ones; that sum must not
    // be one group, nor a union of fewer than mask_below people. Groups with nobody in them have
    // nothing to protect and are left out.
    for (;;) {
        std::vector<const StatsGroup*> hidden;
        StatsGroup* smallest_shown = nullptr;
        for (StatsGroup* g : parts) {
            const int heads = masking_headcount(*g);
            if (heads == 0) continue;
            if (g->masked) hidden.push_back(g);
            else if (!smallest_shown || heads < masking_headcount(*smallest_shown)) smallest_shown = g;
        }
        if (hidden.empty()) return;
        const bool exposed = hidden.size() == 1 || union_headcount(hidden) < mask_below;
        if (!exposed || !smallest_shown) return;
        withhold(*smallest_shown, MaskReason::protects_small_group);
    }
}

void protect_result(StatsResult& r, int mask_below) {
    std::vector<StatsGroup*> parts;
    for (StatsGroup& g : r.groups) {
        if (g.unit) {
            parts.push_back(&g);
        } else {
            std::vector<StatsGroup*> total{&g};
            protect_parts(total, mask_below);
        }
    }
    protect_parts(parts, mask_below);
}

} // namespace iadesk
