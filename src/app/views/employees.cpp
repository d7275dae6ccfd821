#include "app/views/employees.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/test_probe.hpp"
#include "app/widgets.hpp"
#include "iadesk/dropout.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>

namespace iadesk::app {
namespace {

enum Column { col_name, col_unit, col_percent, col_status, col_count };

double current_percent(const Employee& e, Date today) { return position_share_on(e, today) * 100.0; }

std::string date_text(const std::optional<Date>& d) { return d ? format_norwegian(*d) : std::string(); }

} // namespace

void EmployeesView::rebuild_order(const ViewContext& ctx) {
    const Dataset& data = ctx.data();
    order.clear();
    for (std::size_t i = 0; i < data.employees.size(); ++i) {
        const Employee& e = data.employees[i];
        if (unit_filter >= 0 && e.unit != data.units[static_cast<std::size_t>(unit_filter)].id) continue;
        if (only_sick && ctx.derived.schedule_of_employee[i] < 0) continue;
        if (!contains_ci(e.name, search) && !contains_ci(e.id, search)) continue;
        order.push_back(static_cast<int>(i));
    }
    auto less = [&](int a, int b) {
        const Employee& ea = data.employees[static_cast<std::size_t>(a)];
        const Employee& eb = data.employees[static_cast<std::size_t>(b)];
        int c = 0;
        switch (sort_column) {
        case col_unit: c = ctx.derived.unit_name(data, ea.unit).compare(ctx.derived.unit_name(data, eb.unit)); break;
        case col_percent: {
            const double pa = current_percent(ea, ctx.today), pb = current_percent(eb, ctx.today);
            c = pa < pb ? -1 : pa > pb ? 1 : 0;
            break;
        }
        case col_status:
            c = (ctx.derived.schedule_of_employee[static_cast<std::size_t>(a)] >= 0) -
                (ctx.derived.schedule_of_employee[static_cast<std::size_t>(b)] >= 0);
            break;
        default: c = ea.name.compare(eb.name); break;
        }
        if (c == 0) c = ea.id.compare(eb.id);
        return sort_ascending ? c < 0 : c > 0;
    };
    std::sort(order.begin(), order.end(), less);
    order_revision = ctx.derived.generation;
    order_dirty = false;
}

void EmployeesView::draw(ViewContext& ctx) {
    const float em = ImGui::GetFontSize();
    ui::heading(ctx.theme.fonts.heading, tr("employees.title"));
    const bool has_editor = !selected.empty() || form.is_new;
    if (has_editor && ui::compact_layout()) { // a narrow screen: the card alone, with the way back
        if (ImGui::Button(tr("employees.back"))) {
            selected.clear();
            form = EmployeeForm{};
            return;
        }
        ImGui::BeginChild("employee-editor", ImVec2(0, 0), ImGuiChildFlags_Border);
        draw_editor(ctx);
        ImGui::EndChild();
        probe::note_label(tr("panel.employee_editor"));
        return;
    }
    const float list_width = has_editor ? ImGui::GetContentRegionAvail().x * 0.52f : 0.0f;
    ImGui::BeginChild("employee-list", ImVec2(list_width, 0));
    draw_list(ctx);
    ImGui::EndChild();
    probe::note_label(tr("panel.employee_list")); // the panel as the keyboard enters it (test_probe.hpp)
    if (has_editor) {
        ImGui::SameLine(0, em);
        ImGui::BeginChild("employee-editor", ImVec2(0, 0), ImGuiChildFlags_Border);
        draw_editor(ctx);
        ImGui::EndChild();
        probe::note_label(tr("panel.employee_editor"));
    }
    (void)em;
}

void EmployeesView::start_new(const ViewContext& ctx) {
    form = EmployeeForm{};
    form.is_new = true;
    form.id = next_employee_id(ctx.doc.data);
    for (const Unit& u : ctx.data().units) // the first unit in use
        if (!u.closed) {
            form.unit = u.id;
            break;
        }
    form.employment.push_back({format_norwegian(ctx.today), "", "100"});
    selected.clear();
    absence = AbsenceForm{};
}

void EmployeesView::draw_list(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    if (order_revision != ctx.derived.generation) order_dirty = true;

    if (ctx.can_edit(EditArea::employees)) {
        const bool any_unit = std::any_of(data.units.begin(), data.units.end(), [](const Unit& u) { return !u.closed; });
        ImGui::BeginDisabled(!any_unit);
        if (ui::primary_button(tr("employees.new"))) start_new(ctx);
        ImGui::EndDisabled();
        if (!any_unit) ui::label_text(tr("employees.no_units"));
        else ui::same_line_if_wide();
    }
    if (ui::search_box(tr("employees.search_hint"), "employee-search", search, 12)) order_dirty = true;
    ui::same_line_if_wide();
    if (ui::unit_filter_combo("##emp-unit", data, unit_filter, 11)) order_dirty = true;
    ui::same_line_if_wide();
    if (ImGui::Checkbox(tr("employees.only_sick"), &only_sick)) order_dirty = true;
    if (order_dirty) rebuild_order(ctx);
    if (ui::compact_layout()) {
        draw_cards(ctx);
        return;
    }

    if (!ui::begin_list_table("employees", col_count, "employees.count", order.size(), data.employees.size(),
                              key_for_role("employees.empty", ctx.derived.role.kind).c_str()))
        return;
    ui::table_columns({{"col.name", 2.2f, ImGuiTableColumnFlags_DefaultSort, col_name},
                       {"col.unit", 1.8f, 0, col_unit},
                       {"col.percent", 0.8f, 0, col_percent},
                       {"col.status", 1.4f, 0, col_status}});
    if (ui::table_sort_changed(sort_column, sort_ascending)) rebuild_order(ctx);
    ui::visible_rows(order.size(), [&](std::size_t row) {
        const auto index = static_cast<std::size_t>(order[row]);
        const Employee& e = data.employees[index];
        ui::push_id(e.id);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(col_name);
        if (ui::selectable(e.name, "row", selected == e.id, ImGuiSelectableFlags_SpanAllColumns)) {
            selected = e.id;
            load_form(ctx, e);
        }
        ImGui::TableSetColumnIndex(col_unit);
        ui::text(ctx.derived.unit_name(data, e.unit).c_str());
        ImGui::TableSetColumnIndex(col_percent);
        ui::text((format_decimal(current_percent(e, ctx.today), 0, ctx.language) + " %").c_str());
        ImGui::TableSetColumnIndex(col_status);
        const int s = ctx.derived.schedule_of_employee[index];
        if (s >= 0) {
            const SicknessCase& c = *ctx.derived.schedules[static_cast<std::size_t>(s)].sickness_case;
            ui::text(fmt::format("{} {}", tr("employees.sick_week"), c.week_on(ctx.today)).c_str());
        } else {
            ui::muted_line(tr("employees.at_work"));
        }
        ImGui::PopID();
    });
    ImGui::EndTable();
}

bool EmployeesView::open(const ViewContext& ctx, const std::string& id) {
    const auto it = ctx.derived.employee_index.find(id);
    if (it == ctx.derived.employee_index.end()) return false;
    selected = id;
    load_form(ctx, ctx.data().employees[static_cast<std::size_t>(it->second)]);
    return true;
}

void EmployeesView::load_form(const ViewContext&, const Employee& e) {
    form = EmployeeForm{};
    form.id = e.id;
    form.name = e.name;
    form.unit = e.unit;
    form.birth_year = e.birth_year ? std::to_string(*e.birth_year) : std::string();
    form.birth_date = date_text(e.birth_date);
    form.national_id = e.national_id;
    for (const Employment& m : e.employment)
        form.employment.push_back({format_norwegian(m.from), date_text(m.to), format_decimal(m.percent, m.percent == static_cast<int>(m.percent) ? 0 : 1, Language::nb),
                                   m.end_reason ? static_cast<int>(*m.end_reason) : -1});
    absence = AbsenceForm{};
    confirm_remove = false;
}

void EmployeesView::save_form(ViewContext& ctx) {
    form.problems.clear();
    // The fields a role does not see (birth date and fødselsnummer: HR only) keep what the document
    // holds; the form's copy of them is not the role's to change.
    const bool hr = ctx.derived.role.kind == RoleKind::hr;
    Employee e;
    if (!hr && !form.is_new)
        for (const Employee& stored : ctx.doc.data.employees)
            if (stored.id == form.id) {
                e.birth_date = stored.birth_date;
                e.national_id = stored.national_id;
            }
    e.id = form.id;
    e.name = form.name;
    e.unit = form.unit;
    if (!form.birth_year.empty()) {
        char* end = nullptr;
        const long y = std::strtol(form.birth_year.c_str(), &end, 10);
        if (*end != '\0' || y < 1900 || y > 2100)
            form.problems.push_back({"birth_year", "Fødselsår må være et årstall, for eksempel 1978",
                                     "Birth year must be a year, e.g. 1978"});
        else
            e.birth_year = static_cast<int>(y);
    }
    if (hr) e.national_id = form.national_id; // checked (mod 11) by the loader's check, in update_employee
    if (hr && !form.birth_date.empty()) { // its year against birth_year: the loader's check, in update_employee
        if (auto d = parse_date(form.birth_date)) e.birth_date = *d;
        else form.problems.push_back({"birth_date", "Fødselsdatoen er ikke en gyldig dato (dd.mm.åååå)",
                                      "The birth date is not a valid date (dd.mm.yyyy)"});
    }
    for (std::size_t i = 0; i < form.employment.size(); ++i) {
        const EmploymentRow& r = form.employment[i];
        const std::string prefix = "employment/" + std::to_string(i) + "/";
        Employment m;
        if (auto d = parse_date(r.from)) m.from = *d;
        else form.problems.push_back({prefix + "from", "Startdato mangler eller er ikke en gyldig dato (dd.mm.åååå)",
                                      "Start date is missing or not a valid date (dd.mm.yyyy)"});
        if (!r.to.empty()) {
            if (auto d = parse_date(r.to)) m.to = *d;
            else form.problems.push_back({prefix + "to", "Sluttdato er ikke en gyldig dato (dd.mm.åååå)",
                                          "End date is not a valid date (dd.mm.yyyy)"});
        }
        std::string p = r.percent;
        std::replace(p.begin(), p.end(), ',', '.');
        char* end = nullptr;
        m.percent = std::strtod(p.c_str(), &end);
        if (p.empty() || *end != '\0')
            form.problems.push_back({prefix + "percent", "Stillingsprosent må være et tall mellom 0 og 100",
                                     "Position percent must be a number between 0 and 100"});
        // Kept even when "Til" was emptied: the loader's rule then names the field (employment/i/end_reason).
        if (r.end_reason >= 0) m.end_reason = static_cast<EndReason>(r.end_reason);
        e.employment.push_back(m);
    }
    if (!form.problems.empty()) return;
    if (!ctx.submit_to(form.is_new ? add_employee(ctx.doc.data, e) : update_employee(ctx.doc.data, form.id, e), form.problems))
        return;
    selected = form.id;
    form.is_new = false;
}

namespace {
// The translation keys of EndReason, in its order: "end_reason.<stored code>" (assets/i18n).
constexpr const char* kEndReasonKeys[kEndReasonCount] = {"end_reason.uforetrygd", "end_reason.aap", "end_reason.alderspensjon",
                                                         "end_reason.annen_jobb", "end_reason.utdanning", "end_reason.annet"};
const char* end_reason_text(EndReason r) { return tr(kEndReasonKeys[static_cast<std::size_t>(r)]); }
} // namespace

// "Sluttårsak" of one employment row: not given, or one of EndReason (model.hpp; the drop-out
// statistics count it, dropout.hpp). Label above, like the row's other fields.
void EmployeesView::draw_end_reason(EmploymentRow& r, bool editable) {
    ImGui::BeginGroup();
    ui::text(tr("employees.end_reason"));
    ImGui::BeginDisabled(!editable);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const std::string none = tr("end_reason.none");
    const char* shown = r.end_reason >= 0 ? end_reason_text(static_cast<EndReason>(r.end_reason)) : none.c_str();
    if (ui::begin_combo("##end-reason", shown)) {
        if (ui::selectable(none, "##none", r.end_reason < 0)) r.end_reason = -1;
        for (std::size_t k = 0; k < kEndReasonCount; ++k) {
            const EndReason reason = static_cast<EndReason>(k);
            ImGui::PushID(static_cast<int>(k));
            if (ui::selectable(end_reason_text(reason), "##reason", r.end_reason == static_cast<int>(k)))
                r.end_reason = static_cast<int>(k);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    ImGui::EndGroup();
}

// The current unit, the units before it, and "Flytt til annen enhet" (a move from a date, with the
// history kept: commands.hpp move_employee). The unit is not edited in the form: a move has a date.
void EmployeesView::draw_unit_and_moves(ViewContext& ctx, const Employee& e, bool editable) {
    const Dataset& data = ctx.data();
    const bool english = ctx.language == Language::en;
    ui::text(ctx.derived.unit_name(data, e.unit).c_str());
    if (editable && move.employee != e.id) { // on the unit's line: the editor keeps its height
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("employees.move"))) {
            move = UnitMoveForm{};
            move.employee = e.id;
            move.date = format_norwegian(ctx.today);
        }
    }
    for (std::size_t j = e.earlier_units.size(); j-- > 0;) {
        const Date first = j == 0 ? Date{} : e.earlier_units[j - 1].until + 1;
        ui::muted_text(trf(j == 0 ? "employees.earlier_unit_until" : "employees.earlier_unit_period",
                                      fmt::arg("unit", ctx.derived.unit_name(data, e.earlier_units[j].unit)),
                                      fmt::arg("from", format_date(first, ctx.language)),
                                      fmt::arg("until", format_date(e.earlier_units[j].until, ctx.language)))
                                      .c_str());
    }
    if (!editable || move.employee != e.id) return;
    ImGui::SetNextItemWidth(14 * ImGui::GetFontSize());
    if (ui::begin_combo("##move-to", move.unit.empty() ? tr("employees.move_choose") : ctx.derived.unit_name(data, move.unit))) {
        for (const Unit& u : data.units) {
            if (u.closed || u.id == e.unit) continue;
            ui::push_id(u.id);
            if (ui::selectable(u.name, "move-unit", u.id == move.unit)) move.unit = u.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ui::date_input(tr("employees.move_from"), "move-date", move.date);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::NewLine();
    if (ImGui::SmallButton(tr("employees.move_do"))) {
        move.problems.clear();
        const std::optional<Date> date = parse_date(move.date);
        if (move.unit.empty())
            move.problems.push_back({"unit", "Velg enheten den ansatte flyttes til", "Choose the unit the employee moves to"});
        else if (!date)
            move.problems.push_back({"date", "Flyttedatoen er ikke en gyldig dato (dd.mm.åååå)", "The move date is not a valid date (dd.mm.yyyy)"});
        else if (ctx.submit_to(move_employee(ctx.doc.data, e.id, move.unit, *date), move.problems))
            move = UnitMoveForm{};
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("common.cancel"))) move = UnitMoveForm{};
    ImGui::EndGroup();
    ui::field_problem(move.problems, "unit", english);
    ui::field_problem(move.problems, "date", english);
}

void EmployeesView::draw_editor(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    const bool english = ctx.language == Language::en;
    const Employee* existing = nullptr;
    if (!form.is_new) {
        auto it = ctx.derived.employee_index.find(selected);
        if (it == ctx.derived.employee_index.end()) { // removed (or undone): close the editor
            selected.clear();
            return;
        }
        existing = &data.employees[static_cast<std::size_t>(it->second)];
    }
    const bool editable = ctx.can_edit(EditArea::employees);
    // The form and the absences scroll; the Lagre row stays at the bottom of the editor, in view.
    const float row = ImGui::GetFrameHeightWithSpacing();
    const float footer = editable ? row * (confirm_remove && existing ? 4.5f : 1.0f) + 2 * ImGui::GetStyle().ItemSpacing.y : 0.0f;
    ImGui::BeginChild("employee-form", ImVec2(0, -footer));
    ui::heading(ctx.theme.fonts.title, form.is_new ? tr("employees.new_title") : form.name.c_str());
    ui::muted_line(fmt::format("{} {}", tr("employees.id"), form.id).c_str());

    ui::input_text(tr("employees.name"), "emp-name", form.name, 20, !editable);
    ui::field_problem(form.problems, "name", english);
    ui::text(tr("col.unit"));
    if (existing) {
        draw_unit_and_moves(ctx, *existing, editable);
    } else { // a new employee starts in a unit in use
        ImGui::SetNextItemWidth(20 * ImGui::GetFontSize());
        ImGui::BeginDisabled(!editable);
        if (ui::begin_combo("##emp-unit-edit", ctx.derived.unit_name(data, form.unit))) {
            for (const Unit& u : data.units) {
                if (u.closed) continue;
                ui::push_id(u.id);
                if (ui::selectable(u.name, "unit", u.id == form.unit)) form.unit = u.id;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
    }
    ui::field_problem(form.problems, "unit", english);

    ImGui::Spacing();
    ui::text(tr("employees.employment"));
    ui::muted_line(tr("employees.employment_help"));
    int remove_row = -1;
    for (std::size_t i = 0; i < form.employment.size(); ++i) {
        EmploymentRow& r = form.employment[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string prefix = "employment/" + std::to_string(i) + "/";
        ui::date_input(tr("employees.from"), "from", r.from, !editable);
        ImGui::SameLine();
        ui::date_input(tr("employees.to"), "to", r.to, !editable);
        ImGui::SameLine();
        ui::input_text(tr("col.percent"), "percent", r.percent, 4, !editable);
        if (!r.to.empty() || r.end_reason >= 0) {
            ImGui::SameLine();
            draw_end_reason(r, editable);
        }
        if (editable && form.employment.size() > 1) {
            ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::NewLine();
            if (ImGui::SmallButton(tr("employees.remove_period"))) remove_row = static_cast<int>(i);
            ImGui::EndGroup();
        }
        for (const char* f : {"from", "to", "percent", "end_reason"}) ui::field_problem(form.problems, (prefix + f).c_str(), english);
        ImGui::PopID();
    }
    if (remove_row >= 0) form.employment.erase(form.employment.begin() + remove_row);
    if (editable && ImGui::SmallButton(tr("employees.add_period")))
        form.employment.push_back({format_norwegian(ctx.today), "", "100"});
    ui::input_text(tr("employees.birth_year"), "birth-year", form.birth_year, 5, !editable);
    // The exact birth date decides the sick-pay age limits (ftrl § 8-51, § 8-3): personal data, for HR only.
    const bool hr = ctx.derived.role.kind == RoleKind::hr;
    if (hr) { // on the same row: the editor stays short enough to show the absence form below it
        ImGui::SameLine();
        ui::date_input(tr("employees.birth_date"), "birth-date", form.birth_date, !editable);
        ImGui::SameLine();
        ui::input_text(tr("employees.national_id"), "national-id", form.national_id, 9, !editable);
    }
    ui::field_problem(form.problems, "birth_year", english);
    if (hr) {
        ImGui::PushTextWrapPos(0.0f);
        ui::muted_line(tr("employees.hr_only_help"));
        ImGui::PopTextWrapPos();
        ui::field_problem(form.problems, "birth_date", english);
        ui::field_problem(form.problems, "national_id", english);
    }

    ImGui::Spacing();
    ui::problem_summary(form.problems, english);
    if (existing) {
        ImGui::Separator();
        draw_absences(ctx, *existing);
    }
    ImGui::EndChild();
    if (!editable) return;
    ImGui::Separator();
    if (ui::primary_button(tr("common.save"))) save_form(ctx);
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) {
        if (existing) load_form(ctx, *existing);
        else { form = EmployeeForm{}; }
    }
    if (!existing) return;
    ImGui::SameLine();
    if (ImGui::Button(tr("employees.remove"))) confirm_remove = true;
    if (!confirm_remove) return;
    const EmployeeDependents dep = employee_dependents(ctx.doc.data, existing->id);
    ui::label_text(trf("employees.remove_confirm", fmt::arg("name", existing->name), fmt::arg("absences", dep.absences),
                       fmt::arg("milestones", dep.milestone_events))
                       .c_str());
    if (ImGui::Button(tr("employees.remove_yes"))) {
        ctx.submit(remove_employee(ctx.doc.data, existing->id));
        confirm_remove = false;
        selected.clear();
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) confirm_remove = false;
}

} // namespace iadesk::app
