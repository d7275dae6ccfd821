// goals_chart: the quarterly chart of a result goal's metric — the measured values, the baseline
// and target lines and the dashed projection to the deadline (ImGui draw lists; docs/goals.md).
#pragma once

#include "app/view_context.hpp"
#include "iadesk/goals.hpp"

namespace iadesk::app {

void chart(const ViewContext& ctx, const GoalEvaluation& e);

} // namespace iadesk::app
