// The goal editor of IA-mål: a new or existing result or activity goal, checked by goal_commands.hpp.
#include "app/views/goals_view.hpp"
#include "app/views/goals_parts.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>

namespace iadesk::app {
using namespace goals_ui;

void GoalsView::start_goal(const ViewContext& ctx, GoalKind kind, const std::string& area) {
    goal = GoalForm{};
    goal.open = goal.is_new = true;
    goal.id = next_goal_id(ctx.doc.data);
    goal.kind = kind == GoalKind::result ? 0 : 1;
    goal.area = area;
    if (const GoalArea* a = find_area(area); a && kind == GoalKind::result && a->target_change)
        goal.target_change = opt_text(a->target_change);
    activity.open = false;
}

void GoalsView::load_goal(const Goal& g) {
    goal = GoalForm{};
    goal.open = true;
    goal.id = g.id;
    goal.kind = g.kind == GoalKind::result ? 0 : 1;
    if (find_area(g.area)) goal.area = g.area;
    else goal.custom_area = g.area;
    goal.title = g.title;
    goal.description = g.description;
    goal.deadline = g.deadline ? format_norwegian(*g.deadline) : "";
    goal.metric = g.metric == GoalMetric::sick_leave ? 0 : g.metric == GoalMetric::dropout ? 2 : 1;
    goal.units = g.units;
    goal.metric_name = g.metric_name;
    goal.higher_is_better = g.higher_is_better;
    for (const RecordedValue& v : g.values)
        goal.values += (goal.values.empty() ? "" : "; ") + format_period(v.period) + ": " + opt_text(v.value);
    goal.baseline_period = g.baseline_period ? format_period(*g.baseline_period) : "";
    goal.baseline_value = opt_text(g.baseline_value);
    goal.target_value = opt_text(g.target_value);
    goal.target_change = opt_text(g.target_change);
    goal.criterion = g.criterion;
    goal.criterion_count = g.criterion_count ? std::to_string(*g.criterion_count) : "";
    goal.criterion_date = g.criterion_date ? format_norwegian(*g.criterion_date) : "";
}

void GoalsView::draw_goal_editor(ViewContext& ctx) {
    const bool en = english(ctx);
    const auto& problems = goal.problems;
    ui::heading(ctx.theme.fonts.title, goal.is_new ? (goal.kind == 0 ? tr("goals.new_result") : tr("goals.new_activity")) : goal.title.c_str());
    ui::muted_line(("ID " + goal.id).c_str());
    ImGui::RadioButton(tr("goals.kind.result"), &goal.kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("goals.kind.activity"), &goal.kind, 1);
    ui::input_text(tr("goals.field.title"), "goal-title", goal.title, 24);
    ui::field_problem(problems, "title", en);
    // Area: the built-in areas, or a custom text.
    ui::text(tr("goals.field.area"));
    ImGui::SetNextItemWidth(24 * ImGui::GetFontSize());
    const std::string current = goal.area.empty() ? std::string(tr("goals.custom_area")) : area_label(goal.area, en);
    if (ui::begin_combo("##goal-area", current)) { // a custom area's name is data: shown as written
        for (const IaAgreement& a : builtin_agreements()) {
            ui::muted_line((en ? a.name_en : a.name_nb).c_str());
            for (const GoalArea& ar : a.areas)
                if (ImGui::Selectable((en ? ar.name_en : ar.name_nb).c_str(), goal.area == ar.id)) goal.area = ar.id;
        }
        if (ImGui::Selectable(tr("goals.custom_area"), goal.area.empty())) goal.area.clear();
        ImGui::EndCombo();
    }
    if (goal.area.empty()) ui::input_text(tr("goals.field.custom_area"), "goal-custom-area", goal.custom_area, 24);
    ui::field_problem(problems, "area", en);
    ui::input_text(tr("goals.field.description"), "goal-description", goal.description, 24);

    if (goal.kind == 0) {
        ui::text(tr("goals.metric"));
        ImGui::RadioButton(tr("goals.metric.sick_leave"), &goal.metric, 0);
        ImGui::SameLine();
        ImGui::RadioButton(tr("goals.metric.recorded"), &goal.metric, 1);
        ImGui::RadioButton(tr("goals.metric.dropout"), &goal.metric, 2); // on its own line: the editor is narrow
        if (goal.metric != 1) { // computed from the data: sick leave or drop-out, per unit
            if (goal.metric == 2) help(tr("goals.metric.dropout_help"));
            help(tr("goals.units_help"));
            const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
            bool first = true;
            for (const Unit& u : ctx.doc.data.units) {
                bool on = std::find(goal.units.begin(), goal.units.end(), u.id) != goal.units.end();
                const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(u.name.c_str()).x;
                if (!first) {
                    ImGui::SameLine();
                    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
                }
                first = false;
                ui::push_id(u.id);
                if (ui::checkbox(u.name, "unit", &on)) {
                    if (on) goal.units.push_back(u.id);
                    else goal.units.erase(std::remove(goal.units.begin(), goal.units.end(), u.id), goal.units.end());
                }
                ImGui::PopID();
            }
            for (std::size_t i = 0; i < goal.units.size(); ++i) ui::field_problem(problems, ("units/" + std::to_string(i)).c_str(), en);
        } else {
            ui::input_text(tr("goals.field.metric_name"), "goal-metric-name", goal.metric_name, 24);
            ui::field_problem(problems, "metric_name", en);
            ImGui::Checkbox(tr("goals.field.higher_is_better"), &goal.higher_is_better);
            ui::input_text(tr("goals.field.values"), "goal-values", goal.values, 24);
            help(tr("goals.values_help"));
            ui::field_problem(problems, "values", en);
        }
        ui::input_text(tr("goals.field.baseline_period"), "goal-baseline-period", goal.baseline_period, 8);
        ImGui::SameLine();
        ui::input_text(tr("goals.field.baseline_value"), "goal-baseline-value", goal.baseline_value, 8);
        help(tr("goals.baseline_period_help"));
        help(tr("goals.baseline_value_help"));
        ui::field_problem(problems, "baseline_period", en);
        ui::field_problem(problems, "baseline_value", en);
        ui::input_text(tr("goals.field.target_change"), "goal-target-change", goal.target_change, 8);
        ImGui::SameLine();
        ui::input_text(tr("goals.field.target_value"), "goal-target-value", goal.target_value, 8);
        help(tr("goals.target_help"));
        ui::field_problem(problems, "target_change", en);
        ui::field_problem(problems, "target_value", en);
        // A target that points the wrong way or is met already by a typed baseline (goals.hpp
        // target_warning): said while typing, not refused (a limit goal is a goal too).
        Goal probe;
        probe.metric = goal.metric == 0 ? GoalMetric::sick_leave : goal.metric == 2 ? GoalMetric::dropout : GoalMetric::recorded;
        probe.higher_is_better = goal.higher_is_better;
        probe.target_change = parse_number(goal.target_change);
        probe.target_value = parse_number(goal.target_value);
        if (auto w = target_warning(probe, parse_number(goal.baseline_value)))
            ui::warning_text(((en ? w->en : w->nb)).c_str());
    } else {
        ui::input_text(tr("goals.field.criterion"), "goal-criterion", goal.criterion, 24);
        ui::input_text(tr("goals.field.criterion_count"), "goal-criterion-count", goal.criterion_count, 6);
        ui::field_problem(problems, "criterion_count", en);
        ui::date_input(tr("goals.field.criterion_date"), "goal-criterion-date", goal.criterion_date);
        help(tr("goals.criterion_help"));
    }
    ui::date_input(tr("goals.field.deadline"), "goal-deadline", goal.deadline);
    ui::field_problem(problems, "deadline", en);
    ImGui::Spacing();
    const FormAction action = form_buttons(problems, en, "goals.save_goal", false);
    if (action == FormAction::save) save_goal(ctx);
    if (action == FormAction::cancel) goal = GoalForm{};
}

void GoalsView::save_goal(ViewContext& ctx) {
    goal.problems.clear();
    auto& p = goal.problems;
    Goal g;
    g.id = goal.id;
    g.kind = goal.kind == 0 ? GoalKind::result : GoalKind::activity;
    g.area = goal.area.empty() ? goal.custom_area : goal.area;
    g.title = goal.title;
    g.description = goal.description;
    auto date_field = [&](const std::string& text, const char* field, std::optional<Date>& out) {
        if (text.empty()) return;
        if (auto d = parse_date(text)) out = *d;
        else p.push_back({field, "Ikke en gyldig dato (dd.mm.åååå)", "Not a valid date (dd.mm.yyyy)"});
    };
    auto number_field = [&](const std::string& text, const char* field, std::optional<double>& out) {
        if (text.empty()) return;
        if (auto v = parse_number(text)) out = *v;
        else p.push_back({field, "Må være et tall, for eksempel 5,6", "Must be a number, e.g. 5.6"});
    };
    date_field(goal.deadline, "deadline", g.deadline);
    if (g.kind == GoalKind::result) {
        g.metric = goal.metric == 0 ? GoalMetric::sick_leave : goal.metric == 2 ? GoalMetric::dropout : GoalMetric::recorded;
        g.units = goal.units;
        g.metric_name = goal.metric_name;
        g.higher_is_better = goal.higher_is_better;
        if (!goal.baseline_period.empty()) {
            g.baseline_period = parse_period(goal.baseline_period);
            if (!g.baseline_period)
                p.push_back({"baseline_period", "Skriv perioden som ÅÅÅÅ (et år) eller ÅÅÅÅ-Qn (et kvartal), for eksempel 2025-Q2",
                             "Write the period as YYYY (a year) or YYYY-Qn (a quarter), e.g. 2025-Q2"});
        }
        number_field(goal.baseline_value, "baseline_value", g.baseline_value);
        number_field(goal.target_value, "target_value", g.target_value);
        number_field(goal.target_change, "target_change", g.target_change);
        if (g.metric == GoalMetric::recorded) {
            // "2023: 40; 2024: 44,5"
            std::string rest = goal.values;
            while (!rest.empty()) {
                const auto semi = rest.find(';');
                std::string item = rest.substr(0, semi);
                rest = semi == std::string::npos ? "" : rest.substr(semi + 1);
                item.erase(0, item.find_first_not_of(' '));
                if (item.empty()) continue;
                const auto colon = item.find(':');
                std::optional<GoalPeriod> per = colon == std::string::npos ? std::nullopt : parse_period(item.substr(0, colon));
                std::optional<double> val = colon == std::string::npos ? std::nullopt : parse_number(item.substr(colon + 1));
                if (!per || !val) {
                    p.push_back({"values", "Skriv verdiene som «periode: verdi» skilt med semikolon, for eksempel «2024: 44; 2025: 47»",
                                 "Write the values as \"period: value\" separated by semicolons, e.g. \"2024: 44; 2025: 47\""});
                    break;
                }
                g.values.push_back({*per, *val});
            }
        }
    } else {
        g.criterion = goal.criterion;
        if (!goal.criterion_count.empty()) {
            char* end = nullptr;
            const long n = std::strtol(goal.criterion_count.c_str(), &end, 10);
            if (*end != '\0') p.push_back({"criterion_count", "Må være et helt tall", "Must be a whole number"});
            else g.criterion_count = static_cast<int>(n);
        }
        date_field(goal.criterion_date, "criterion_date", g.criterion_date);
    }
    if (!p.empty()) return;
    if (!ctx.submit_to(goal.is_new ? add_goal(ctx.doc.data, g) : update_goal(ctx.doc.data, goal.id, g), p)) return;
    goal = GoalForm{};
}

} // namespace iadesk::app
