// demo: the fictional organisation a new user meets on first start.
//
// Contract: make_demo_dataset(today) is deterministic for a given `today`; the organisation's
// name says it is a demo; about 60 employees in 5 units; open sickness cases in different weeks
// (so Oversikt shows overdue, due-soon and upcoming milestones, a graded case and a long one);
// the result passes validate_dataset().
#pragma once

#include "iadesk/model.hpp"

namespace iadesk {

Dataset make_demo_dataset(Date today, int employees = 60);

} // namespace iadesk
