#include "app/views/overview.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
namespace {

enum Column { col_name, col_unit, col_week, col_grade, col_milestone, col_due, col_status, col_count };

bool matches_status(const OverviewRow& r, int filter) {
    const MilestoneStatus s = r.next ? r.next->status : MilestoneStatus::not_applicable;
    switch (filter) {
    case 1: return s == MilestoneStatus::overdue;
    case 2: return s == MilestoneStatus::due_soon;
    case 3: return s == MilestoneStatus::upcoming;
    case 4: return s == MilestoneStatus::on_request;
    case 5: return r.next == nullptr;
    default: return true;
    }
}

} // namespace

void OverviewView::rebuild_order(const ViewContext& ctx) {
    const Dataset& data = ctx.data();
    const Derived& d = ctx.derived;
    order.clear();
    const Date week_end = ctx.today + (7 - ctx.today.weekday());
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const OverviewRow& r = d.rows[i];
        if (r.employee < 0) continue;
        const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
        if (unit_filter >= 0 && e.unit != data.units[static_cast<std::size_t>(unit_filter)].id) continue;
        if (!matches_status(r, status_filter)) continue;
        if (due_this_week && !(r.next && r.next->has_due() && r.next->due <= week_end)) continue;
        if (!contains_ci(e.name, search)) continue;
        order.push_back(static_cast<int>(i));
    }
    auto key_due = [&](const OverviewRow& r) {
        return r.next && r.next->has_due() ? r.next->due.days : INT32_MAX;
    };
    auto less = [&](int a, int b) {
        const OverviewRow& ra = d.rows[static_cast<std::size_t>(a)];
        const OverviewRow& rb = d.rows[static_cast<std::size_t>(b)];
        const Employee& ea = data.employees[static_cast<std::size_t>(ra.employee)];
        const Employee& eb = data.employees[static_cast<std::size_t>(rb.employee)];
        int c = 0;
        switch (sort_column) {
        case col_name: c = ea.name.compare(eb.name); break;
        case col_unit: c = d.unit_name(data, ea.unit).compare(d.unit_name(data, eb.unit)); break;
        case col_week: c = ra.week - rb.week; break;
        case col_grade: c = ra.grade - rb.grade; break;
        case col_milestone:
            c = (ra.next ? ra.next->rule->id : std::string()).compare(rb.next ? rb.next->rule->id : std::string());
            break;
        case col_status: {
            auto u = [](const OverviewRow& r) { return status_urgency(r.next ? r.next->status : MilestoneStatus::not_applicable); };
            c = u(ra) - u(rb);
            break;
        }
        default: c = key_due(ra) < key_due(rb) ? -1 : key_due(ra) > key_due(rb) ? 1 : 0; break;
        }
        if (c == 0) c = ea.id.compare(eb.id); // deterministic ties
        return sort_ascending ? c < 0 : c > 0;
    };
    std::sort(order.begin(), order.end(), less);
    order_revision = d.generation;
    order_dirty = false;
}

void OverviewView::draw(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    const Derived& d = ctx.derived;
    const float em = ImGui::GetFontSize();
    if (order_revision != d.generation) order_dirty = true;

    int need_action = 0;
    for (const OverviewRow& r : d.rows)
        if (r.next && (r.next->status == MilestoneStatus::overdue || r.next->status == MilestoneStatus::due_soon))
            ++need_action;
    ui::heading(ctx.theme.fonts.heading, trf("overview.need_action", fmt::arg("count", need_action)).c_str());
    ui::muted_line(fmt::format("{} {} · {} {}", tr("overview.today"), format_date(ctx.today, ctx.language),
                               tr("overview.week"), iso_week(ctx.today).week)
                       .c_str());

    // Filters
    if (ui::unit_filter_combo("##unit", data, unit_filter, 14)) order_dirty = true;
    ui::same_line_if_wide();
    const char* status_keys[] = {"overview.all_statuses", "status.overdue", "status.due_soon", "status.upcoming",
                                 "status.on_request", "overview.nothing_due"};
    ImGui::SetNextItemWidth(11 * em);
    if (ImGui::BeginCombo("##status", tr(status_keys[status_filter]))) {
        for (int i = 0; i < 6; ++i)
            if (ImGui::Selectable(tr(status_keys[i]), status_filter == i)) { status_filter = i; order_dirty = true; }
        ImGui::EndCombo();
    }
    ui::same_line_if_wide();
    if (ImGui::Checkbox(tr("overview.due_this_week"), &due_this_week)) order_dirty = true;
    ui::same_line_if_wide();
    if (ui::search_box(tr("overview.search_hint"), "search", search, 14)) order_dirty = true;

    if (order_dirty) rebuild_order(ctx);
    const std::string empty_key = key_for_role("overview.empty", d.role.kind);
    if (ui::compact_layout()) {
        draw_cards(ctx, empty_key.c_str());
        return;
    }
    if (!ui::begin_list_table("overview", col_count, "overview.count", order.size(), d.rows.size(), empty_key.c_str()))
        return;
    ui::table_columns({{"col.name", 2.2f, 0, col_name},
                       {"col.unit", 1.8f, 0, col_unit},
                       {"col.week", 0.6f, 0, col_week},
                       {"col.grade", 0.6f, 0, col_grade},
                       {"col.next_milestone", 2.2f, 0, col_milestone},
                       {"col.due", 1.8f, ImGuiTableColumnFlags_DefaultSort, col_due},
                       {"col.status", 1.2f, 0, col_status}});
    if (ui::table_sort_changed(sort_column, sort_ascending)) rebuild_order(ctx);

    ui::visible_rows(order.size(), [&](std::size_t i) {
        const OverviewRow& r = d.rows[static_cast<std::size_t>(order[i])];
        const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
        ui::push_id(e.id);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(col_name);
        if (ui::selectable(e.name, "row", false, ImGuiSelectableFlags_SpanAllColumns))
            ctx.navigate.open_case_employee = e.id;
        ImGui::TableSetColumnIndex(col_unit);
        ui::text(d.unit_name(data, e.unit).c_str());
        ImGui::TableSetColumnIndex(col_week);
        ui::text(std::to_string(r.week).c_str());
        ImGui::TableSetColumnIndex(col_grade);
        ui::text(fmt::format("{} %", r.grade).c_str());
        ImGui::TableSetColumnIndex(col_milestone);
        if (r.next) {
            ui::text(ctx.language == Language::nb ? r.next->rule->label_nb.c_str() : r.next->rule->label_en.c_str());
            ImGui::TableSetColumnIndex(col_due);
            if (r.next->has_due())
                ui::text(fmt::format("{} ({})", format_date(r.next->due, ctx.language),
                                     relative_days(r.next->due, ctx.today))
                             .c_str());
            ImGui::TableSetColumnIndex(col_status);
            ui::status_tag(r.next->status);
        } else {
            ui::muted_line(tr("overview.nothing_due"));
        }
        ImGui::PopID();
    });
    ImGui::EndTable();
}

} // namespace iadesk::app
