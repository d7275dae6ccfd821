// A case's milestones on a narrow screen (ui::compact_layout): one stacked row per milestone, its
// name wrapped, the due date and week, the status tag, what was recorded and the buttons, instead
// of a six-column table. The same actions as the table (draw_milestone_actions).
#include "app/views/case_view.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace iadesk::app {

void CaseView::draw_milestone_cards(ViewContext& ctx, const CaseSchedule& s, bool may_mark) {
    for (const Milestone& m : s.milestones) {
        ImGui::PushID(m.rule->id.c_str());
        ImGui::Separator();
        ui::label_text(milestone_label(*m.rule, ctx.language));
        ui::status_tag(m.status);
        if (m.has_due()) {
            ImGui::SameLine();
            ui::text(fmt::format("{} ({} {})", format_date(m.due, ctx.language), tr("overview.week"),
                                 s.sickness_case->week_on(m.due)).c_str());
        }
        if (m.event) draw_recorded(ctx, *m.event);
        draw_milestone_actions(ctx, s, m, may_mark);
        ImGui::PopID();
    }
}

} // namespace iadesk::app
