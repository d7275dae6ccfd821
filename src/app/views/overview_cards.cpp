// Oversikt on a narrow screen (ui::compact_layout): each case as a stacked row of three lines
// instead of a seven-column table: the name and unit (pressing it opens the case), the next
// milestone, and its due date with the status tag. Same order, filters and count as the table.
#include "app/views/overview.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace iadesk::app {

void OverviewView::draw_cards(ViewContext& ctx, const char* empty_key) {
    const Dataset& data = ctx.data();
    const Derived& d = ctx.derived;
    ui::label_text(trf("overview.count", fmt::arg("shown", order.size()), fmt::arg("total", d.rows.size())).c_str());
    if (d.rows.empty()) {
        ui::label_text(tr(empty_key));
        return;
    }
    ImGui::BeginChild("overview-cards", ImVec2(0, 0), ImGuiChildFlags_None);
    ui::visible_rows(order.size(), [&](std::size_t i) { // every row has the same height
        const OverviewRow& r = d.rows[static_cast<std::size_t>(order[i])];
        const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
        ui::push_id(e.id);
        ImGui::BeginGroup();
        if (ui::selectable(e.name, "card", false)) ctx.navigate.open_case_employee = e.id;
        ui::text_ellipsis(trf("overview.card_case", fmt::arg("unit", d.unit_name(data, e.unit)),
                              fmt::arg("week", r.week), fmt::arg("grade", r.grade)).c_str());
        if (r.next) {
            ui::text_ellipsis(ctx.language == Language::nb ? r.next->rule->label_nb.c_str() : r.next->rule->label_en.c_str());
            ui::status_tag(r.next->status);
            if (r.next->has_due()) {
                ImGui::SameLine();
                ui::text(fmt::format("{} ({})", format_date(r.next->due, ctx.language), relative_days(r.next->due, ctx.today)).c_str());
            }
        } else {
            ui::muted_line(tr("overview.nothing_due"));
            ImGui::Dummy(ImVec2(0, ImGui::GetFrameHeight())); // the same height as a card with a milestone
        }
        ImGui::EndGroup();
        ImGui::Separator();
        ImGui::PopID();
    });
    ImGui::EndChild();
}

} // namespace iadesk::app
