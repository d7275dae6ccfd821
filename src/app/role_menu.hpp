// role_menu: the role in use, always shown in the top bar, and the menu that switches it
// (docs/domain.md, Roles and privacy: HR, nærmeste leder of a unit, tillitsvalgt, arbeidstaker). What a role may see
// is decided in the core (access.hpp); this only chooses the role.
#pragma once

#include "app/i18n.hpp"
#include "iadesk/access.hpp"

#include <string>

namespace iadesk::app {

struct RoleMenu {
    std::string employee_search;

    // Draws the menu in the current menu bar; returns true when `role` was changed.
    bool draw(const Dataset& document, Role& role, Language language);
};

} // namespace iadesk::app
