// The employee list on a narrow screen (ui::compact_layout): each employee as a stacked row of two
// lines instead of a four-column table: the name (pressing it opens the card, shown alone), and
// "unit · position % · status". Same order, filters and count as the table.
#include "app/views/employees.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace iadesk::app {

void EmployeesView::draw_cards(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    ui::label_text(trf("employees.count", fmt::arg("shown", order.size()), fmt::arg("total", data.employees.size())).c_str());
    if (data.employees.empty()) {
        ui::label_text(tr(key_for_role("employees.empty", ctx.derived.role.kind).c_str()));
        return;
    }
    ImGui::BeginChild("employee-cards", ImVec2(0, 0), ImGuiChildFlags_None);
    ui::visible_rows(order.size(), [&](std::size_t row) { // every row has the same height
        const auto index = static_cast<std::size_t>(order[row]);
        const Employee& e = data.employees[index];
        ui::push_id(e.id);
        ImGui::BeginGroup();
        if (ui::selectable(e.name, "card", selected == e.id)) {
            selected = e.id;
            load_form(ctx, e);
        }
        std::string status = tr("employees.at_work");
        if (const int s = ctx.derived.schedule_of_employee[index]; s >= 0) {
            const SicknessCase& c = *ctx.derived.schedules[static_cast<std::size_t>(s)].sickness_case;
            status = fmt::format("{} {}", tr("employees.sick_week"), c.week_on(ctx.today));
        }
        ui::text_ellipsis(trf("employees.card", fmt::arg("unit", ctx.derived.unit_name(data, e.unit)),
                              fmt::arg("percent", format_decimal(position_share_on(e, ctx.today) * 100.0, 0, ctx.language) + " %"),
                              fmt::arg("status", status)).c_str());
        ImGui::EndGroup();
        ImGui::Separator();
        ImGui::PopID();
    });
    ImGui::EndChild();
}

} // namespace iadesk::app
