#include "app/views/overview.hpp"

#include "app/i18n.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <string>

namespace iadesk::app {

void OverviewView::draw(const Dataset& data, const std::vector<SicknessCase>&, int open_cases, Date today,
                        const Theme& theme) {
    ui::heading(theme.fonts.heading, tr("overview.title"));
    ImGui::TextDisabled("%s %s", tr("overview.today"), format_norwegian(today).c_str());
    ImGui::Spacing();
    const std::string employees = std::string(tr("overview.employees")) + ": " + std::to_string(data.employees.size());
    const std::string units = std::string(tr("overview.units")) + ": " + std::to_string(data.units.size());
    const std::string open = std::string(tr("overview.open_cases")) + ": " + std::to_string(open_cases);
    ui::label_text(employees.c_str());
    ui::label_text(units.c_str());
    ui::label_text(open.c_str());
}

} // namespace iadesk::app
