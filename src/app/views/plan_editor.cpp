#include "app/views/plan_editor.hpp"
#include "app/views/plan_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/measures.hpp"
#include "iadesk/plan_commands.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
using namespace plans_ui;

namespace {

// The case whose plan the editor shows: the employee's open case, else the latest plan's case.
std::optional<Date> case_of(const ViewContext& ctx, const std::string& employee) {
    if (const CaseSchedule* s = ctx.derived.schedule_of(employee)) return s->sickness_case->start;
    std::optional<Date> best;
    for (const Plan& p : ctx.data().plans)
        if (p.employee == employee && (!best || *best < p.case_start)) best = p.case_start;
    return best;
}

} // namespace

void PlanEditorView::open(const std::string& employee) {
    employee_id = employee;
    view_version = 0;
    dialog_problems_.clear();
    // The working copy stays: it is committed (keep_committed), or asked about when it cannot be.
}

void PlanEditorView::draw(ViewContext& ctx) {
    if (employee_id.empty()) draw_list(ctx);
    else draw_editor(ctx);
}

void PlanEditorView::draw_list(ViewContext& ctx) {
    ui::heading(ctx.theme.fonts.heading, tr("plan.list_title"));
    ui::label_text(tr("plan.list_help"));
    ui::search_box(tr("plan.search_hint"), "plan-search", list_search_, 14);
    const Dataset& data = ctx.data();
    std::vector<int> rows;
    for (std::size_t i = 0; i < ctx.derived.rows.size(); ++i) {
        const OverviewRow& r = ctx.derived.rows[i];
        if (r.employee < 0) continue;
        const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
        if (!list_search_.empty() && measures::fold(e.name).find(measures::fold(list_search_)) == std::string::npos) continue;
        rows.push_back(static_cast<int>(i));
    }
    ui::text(trf("plan.count", fmt::arg("shown", rows.size()), fmt::arg("total", ctx.derived.rows.size())).c_str());
    if (rows.empty()) {
        ui::label_text(tr(key_for_role("plan.list_empty", ctx.derived.role.kind).c_str()));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("plans", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ui::table_columns({{"col.name", 2.2f},
                       {"col.unit", 1.8f},
                       {"overview.week", 0.6f},
                       {"plan.col_state", 1.4f},
                       {"plan.col_quality", 1.0f}});
    ui::visible_rows(rows.size(), [&](std::size_t k) {
        const OverviewRow& r = ctx.derived.rows[static_cast<std::size_t>(rows[k])];
        const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
        const CaseSchedule& s = ctx.derived.schedules[static_cast<std::size_t>(r.schedule)];
        const Plan* p = find_plan(data, e.id, s.sickness_case->start);
        ui::push_id(e.id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ui::selectable(e.name, "row", false, ImGuiSelectableFlags_SpanAllColumns)) open(e.id);
        probe::note_text(e.name);
        ImGui::TableNextColumn();
        ui::text(ctx.derived.unit_name(data, e.unit).c_str());
        ImGui::TableNextColumn();
        ui::text(std::to_string(r.week).c_str());
        ImGui::TableNextColumn();
        if (p && !p->versions.empty())
            ui::text(fmt::format("{} v{}", tr(plan_state_key(p)), p->versions.back().number).c_str());
        else
            ui::text(tr(plan_state_key(p)));
        ImGui::TableNextColumn();
        if (p && !p->versions.empty()) ui::text(fmt::format("{} / 5", plan_quality(p->versions.back().content).score).c_str());
        ImGui::PopID();
    });
    ImGui::EndTable();
}

void PlanEditorView::draw_editor(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    auto it = ctx.derived.employee_index.find(employee_id);
    if (ImGui::Button(tr("plan.back"))) { employee_id.clear(); return; }
    if (it == ctx.derived.employee_index.end()) {
        ui::label_text(tr("plan.no_employee"));
        return;
    }
    const Employee& e = data.employees[static_cast<std::size_t>(it->second)];
    const std::optional<Date> start = case_of(ctx, e.id);
    ui::heading(ctx.theme.fonts.heading, trf("plan.title", fmt::arg("name", e.name)).c_str());
    if (!start) {
        ui::label_text(tr("plan.no_case"));
        return;
    }
    const Plan* p = find_plan(data, e.id, *start);
    if (!p || p->versions.empty()) {
        draw_start(ctx, e, *start);
        if (p) draw_popups(ctx, *p);
        return;
    }
    if (pending_ && !loaded_plan_.empty() && loaded_plan_ != p->id) { // another plan's edits are not saved
        draw_unsaved_elsewhere(ctx);
        return;
    }
    if (const Plan* whole = find_plan(ctx.doc.data, p->id)) follow_document(ctx.doc.data, *whole);

    const bool may_edit = ctx.can_edit(EditArea::plans, e.unit);
    if (view_version > static_cast<int>(p->versions.size())) view_version = 0;
    const bool viewing_old = view_version != 0 && view_version != p->versions.back().number;
    const bool editable = may_edit && !viewing_old && !p->versions.back().agreed();
    draw_toolbar(ctx, *p, e, may_edit);

    const float em = ImGui::GetFontSize();
    const float side = std::max(18 * em, ImGui::GetContentRegionAvail().x * 0.32f);
    ImGui::BeginChild("plan-parts", ImVec2(ImGui::GetContentRegionAvail().x - side - em, 0));
    if (viewing_old) {
        PlanContent old = p->versions[static_cast<std::size_t>(view_version - 1)].content;
        ui::label_text(trf("plan.viewing_old", fmt::arg("version", view_version)).c_str());
        draw_parts(ctx, old, false);
    } else {
        draw_parts(ctx, draft_, editable);
        sync_dates();
    }
    ImGui::EndChild();
    probe::note_label(tr("panel.plan_parts")); // the panel as the keyboard enters it (test_probe.hpp)
    ImGui::SameLine();
    ImGui::BeginChild("plan-side", ImVec2(0, 0), ImGuiChildFlags_Border);
    draw_side(ctx, *p, may_edit);
    ImGui::EndChild();
    probe::note_label(tr("panel.plan_side"));
    draw_popups(ctx, *p);
}

} // namespace iadesk::app
