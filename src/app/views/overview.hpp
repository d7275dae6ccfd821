// Oversikt: the landing page (UX.md "land on what needs action").
#pragma once

#include "iadesk/cases.hpp"
#include "iadesk/model.hpp"

#include <vector>

namespace iadesk::app {

struct Theme;

struct OverviewView {
    void draw(const Dataset& data, const std::vector<SicknessCase>& cases, int open_cases, Date today,
              const Theme& theme);
};

} // namespace iadesk::app
