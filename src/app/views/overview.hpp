// Oversikt: "who needs something from me this week?". One row per open sickness case
// with the case week, grade and the next milestone that needs action; filters by unit, status
// and "due this week"; sortable columns; a row opens the case.
#pragma once

#include "app/view_context.hpp"

#include <string>
#include <vector>

namespace iadesk::app {

struct OverviewView {
    int unit_filter = -1;          // index into units, -1 = all
    int status_filter = 0;         // 0 all, 1 overdue, 2 due soon, 3 upcoming, 4 on request, 5 nothing due
    bool due_this_week = false;
    std::string search;
    std::vector<int> order;        // indices into Derived::rows after filter and sort
    uint64_t order_revision = UINT64_MAX;
    bool order_dirty = true;
    int sort_column = 5;           // by due date
    bool sort_ascending = true;

    void draw(ViewContext& ctx);

private:
    void rebuild_order(const ViewContext& ctx);
    void draw_cards(ViewContext& ctx, const char* empty_key); // narrow screens (overview_cards.cpp)
};

} // namespace iadesk::app
