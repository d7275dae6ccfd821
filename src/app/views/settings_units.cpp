// Innstillinger → Enheter: the units of the organisation (commands.hpp, "Units"). Add, rename, merge
// into another unit, close (nedlagt: kept for history and earlier statistics) and reopen; delete
// only a unit nobody was ever in. Every change is one undoable command; a refusal is shown with
// its reason under the row it concerns.
#include "app/views/settings.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {

namespace {

struct UnitCounts {
    std::size_t now = 0;      // employees in the unit now
    std::size_t earlier = 0;  // employees who were in it before
};

UnitCounts count_members(const Dataset& ds, const std::string& unit) {
    UnitCounts c;
    for (const Employee& e : ds.employees) {
        c.now += e.unit == unit;
        c.earlier += std::any_of(e.earlier_units.begin(), e.earlier_units.end(),
                                 [&](const EarlierUnit& u) { return u.unit == unit; });
    }
    return c;
}

} // namespace

void SettingsView::draw_units(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    const bool english = ctx.language == Language::en;
    const bool editable = ctx.can_edit(EditArea::organisation);
    ImGui::Spacing();
    ui::label_text(tr("units.help"));
    if (editable) {
        ui::input_text(tr("units.new_name"), "unit-new-name", units.new_name, 18);
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::NewLine();
        if (ui::primary_button(tr("units.add")) ||
            (ImGui::IsKeyPressed(ImGuiKey_Enter) && !units.new_name.empty() && units.action.empty())) {
            if (ctx.submit_to(add_unit(ctx.doc.data, {next_unit_id(ctx.doc.data), units.new_name, std::nullopt}), units.problems))
                units.new_name.clear();
        }
        ImGui::EndGroup();
        ui::field_problem(units.problems, "name", english);
        ui::field_problem(units.problems, "id", english);
    }
    if (data.units.empty()) {
        ui::label_text(tr("units.none"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("units", 4, flags)) return;
    ui::table_columns({{"col.unit", 2.4f}, {"units.col_employees", 1.0f}, {"col.status", 1.4f}, {"col.actions", 3.2f}});
    for (const Unit& u : data.units) {
        ui::push_id(u.id);
        const UnitCounts n = count_members(data, u.id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(u.name.c_str());
        ImGui::TableNextColumn();
        ui::text(std::to_string(n.now).c_str());
        ImGui::TableNextColumn();
        if (u.closed) ui::muted_text(trf("units.closed_on", fmt::arg("date", format_date(*u.closed, ctx.language))).c_str());
        else ui::text(tr("units.in_use"));
        ImGui::TableNextColumn();
        if (editable) {
            const auto start = [&](const char* action) {
                units.action = action;
                units.unit = u.id;
                units.text = std::string(action) == "rename" ? u.name : std::string();
                units.date = format_norwegian(ctx.today);
                units.target.clear();
                units.problems.clear();
            };
            if (ImGui::SmallButton(tr("units.rename"))) start("rename");
            if (!u.closed) {
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("units.merge"))) start("merge");
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("units.close"))) start("close");
            } else {
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("units.reopen"))) ctx.submit_to(reopen_unit(ctx.doc.data, u.id), units.problems);
            }
            if (n.now == 0 && n.earlier == 0) {
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("units.delete"))) ctx.submit_to(remove_unit(ctx.doc.data, u.id), units.problems);
            }
        }
        if (units.unit == u.id && !units.action.empty()) draw_unit_action(ctx, u);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// The open action of one unit, in a row under it: the new name, the unit to merge into, or the
// day it closes; Enter saves, Escape cancels.
void SettingsView::draw_unit_action(ViewContext& ctx, const Unit& u) {
    const Dataset& data = ctx.data();
    const bool english = ctx.language == Language::en;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool save = false;
    if (units.action == "rename") {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ui::input_text(tr("units.new_name_for"), "unit-rename", units.text, 16);
    } else if (units.action == "merge") {
        ui::text(trf("units.merge_into", fmt::arg("unit", u.name)).c_str());
        ImGui::SetNextItemWidth(14 * ImGui::GetFontSize());
        if (ui::begin_combo("##merge-into", units.target.empty() ? tr("employees.move_choose") : ctx.derived.unit_name(data, units.target))) {
            for (const Unit& other : data.units) {
                if (other.closed || other.id == u.id) continue;
                ui::push_id(other.id);
                if (ui::selectable(other.name, "merge-unit", other.id == units.target)) units.target = other.id;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
    } else {
        ui::text(trf("units.close_help", fmt::arg("unit", u.name)).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    if (units.action != "rename") ui::date_input(tr("units.from_date"), "unit-action-date", units.date);
    ImGui::TableNextColumn();
    ImGui::NewLine();
    save = ImGui::SmallButton(tr(units.action == "rename" ? "common.save" : units.action == "merge" ? "units.merge_do" : "units.close_do"));
    save = save || ImGui::IsKeyPressed(ImGuiKey_Enter);
    ImGui::SameLine();
    const bool cancel = ImGui::SmallButton(tr("common.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape);
    for (const char* f : {"name", "id", "unit", "date"}) ui::field_problem(units.problems, f, english);
    for (const Problem& p : units.problems) // a merge's refusals name the employee they concern
        if (p.field.rfind("employees/", 0) == 0) ui::error_text(english ? p.message_en.c_str() : p.message_nb.c_str());
    if (cancel) {
        units.action.clear();
        units.problems.clear();
        return;
    }
    if (!save) return;
    units.problems.clear();
    bool done = false;
    if (units.action == "rename") {
        done = ctx.submit_to(rename_unit(ctx.doc.data, u.id, units.text), units.problems);
    } else if (const std::optional<Date> date = parse_date(units.date); !date) {
        units.problems.push_back({"date", "Datoen er ikke en gyldig dato (dd.mm.åååå)", "The date is not a valid date (dd.mm.yyyy)"});
    } else if (units.action == "merge") {
        if (units.target.empty())
            units.problems.push_back({"unit", "Velg enheten den skal slås sammen med", "Choose the unit to merge it into"});
        else done = ctx.submit_to(merge_units(ctx.doc.data, u.id, units.target, *date), units.problems);
    } else {
        done = ctx.submit_to(close_unit(ctx.doc.data, u.id, *date), units.problems);
    }
    if (done) units.action.clear();
}

} // namespace iadesk::app
