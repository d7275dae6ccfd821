// The plan editor's version editor: the toolbar (state, whether the draft is saved, agree, print,
// export, new version) and the parts of the plan with their character counters, quality hints,
// problems and the diagnosis guard under each text.
#include "app/views/plan_editor.hpp"
#include "app/views/plan_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/plan_commands.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
using namespace plans_ui;

void PlanEditorView::draw_toolbar(ViewContext& ctx, const Plan& p, const Employee& e, bool may_edit) {
    const PlanVersion& last = p.versions.back();
    const std::string case_from = trf("plan.case_from", fmt::arg("date", format_date(p.case_start, ctx.language)));
    ui::muted_line(fmt::format("{} · {}", ctx.derived.unit_name(ctx.data(), e.unit), case_from).c_str());
    // State and quality.
    const PlanQuality q = plan_quality(draft_);
    ui::text(trf("plan.state_line", fmt::arg("state", tr(plan_state_key(&p))), fmt::arg("version", last.number),
                 fmt::arg("quality", q.score))
                 .c_str());
    const bool draft_open = may_edit && !last.agreed();
    // The draft is saved as it is typed (plan_autosave.cpp); agreeing needs it saved.
    ImGui::BeginDisabled(!draft_open || pending_);
    if (ui::primary_button(tr("plan.mark_agreed"))) {
        open_agree_ = true;
        agree_employee_ = agree_manager_ = format_norwegian(ctx.today);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    PlanOutputOptions opt;
    opt.today = ctx.today;
    opt.version = view_version;
    if (ImGui::Button(tr("plan.print"))) {
        Plan shown = p; // what the editor shows, also edits still on their way to the document
        if (view_version == 0 || view_version == last.number) shown.versions.back().content = draft_;
        ctx.open_html("oppfolgingsplan-" + e.id + ".html", plan_html(ctx.data(), shown, opt));
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("plan.export"))) open_nav_export_ = true;
    if (draft_open) draw_draft_state(ctx.language);
    // New version (after agreement): from the previous version, a template or empty.
    if (may_edit && last.agreed()) {
        ImGui::SameLine();
        const auto& ts = plan_templates();
        std::vector<std::string> names = {tr("plan.from_previous")};
        for (const PlanTemplate& t : ts) names.push_back(english(ctx) ? t.name_en : t.name_nb);
        names.push_back(tr("plan.template_empty"));
        new_version_origin_ = std::clamp(new_version_origin_, 0, static_cast<int>(names.size()) - 1);
        ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
        if (ImGui::BeginCombo("##origin", names[static_cast<std::size_t>(new_version_origin_)].c_str())) {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == new_version_origin_)) new_version_origin_ = static_cast<int>(i);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("plan.new_version"))) {
            std::string origin = new_version_origin_ == 0 ? "previous"
                                 : new_version_origin_ <= static_cast<int>(ts.size())
                                     ? ts[static_cast<std::size_t>(new_version_origin_ - 1)].id
                                     : "";
            CommandResult r = new_plan_version(ctx.doc.data, p.employee, p.case_start, origin, actor(ctx), ctx.today);
            problems_ = r.problems;
            if (r.ok()) {
                ctx.commands.push_back(std::move(*r.command));
                view_version = 0;
            }
        }
    }
    ui::problem_summary(problems_, english(ctx));
    if (!q.hints.empty()) {
        for (std::size_t i = 0; i < std::min<std::size_t>(q.hints.size(), 2); ++i) hint_line(q.hints[i], english(ctx));
    }
    ImGui::Separator();
}

void PlanEditorView::draw_parts(ViewContext& ctx, PlanContent& c, bool editable) {
    const bool en = english(ctx);
    const bool ro = !editable;
    const PlanQuality q = plan_quality(c);
    // Under a text field: what the last commit refused, and what the diagnosis guard finds now.
    const std::vector<DiagnosisHit> none;
    const std::vector<DiagnosisHit>& hits = &c == &draft_ ? guard_hits_ : none;
    auto field_problem = [&](const std::string& f) {
        ui::field_problem(problems_, f.c_str(), en);
        guard_note(hits, f);
    };

    section(ctx, "plan.part_workday");
    ui::input_multiline(tr("plan.workday"), "typical-workday", c.typical_workday, 0, 3, kPlanTextMax, ro);
    field_problem("typical_workday");
    hints_for(q, "typical_workday", en);

    section(ctx, "plan.part_tasks");
    ui::muted_line(tr("plan.tasks_help"));
    hints_for(q, "tasks", en);
    const char* feas[] = {tr("plan.can"), tr("plan.with_adjustment"), tr("plan.cannot")};
    editable_rows(c.tasks, 0, ro, [&](PlanTask& t, std::size_t i) {
        ui::input_text(trf("plan.task_n", fmt::arg("number", i + 1)).c_str(), "task", t.description, 24, ro);
        ImGui::SameLine();
        int f = static_cast<int>(t.feasibility);
        if (row_combo("##feas", f, feas, 3, 16, ro)) t.feasibility = static_cast<TaskFeasibility>(f);
        field_problem("tasks/" + std::to_string(i) + "/description");
        ui::input_text(tr("plan.task_note"), "note", t.note, 40, ro);
        field_problem("tasks/" + std::to_string(i) + "/note");
    });
    if (!ro && ImGui::Button(tr("plan.add_task"))) c.tasks.push_back({});

    section(ctx, "plan.part_ability");
    ui::input_multiline(tr("plan.ability"), "work-ability", c.work_ability, 0, 3, kPlanTextMax, ro);
    field_problem("work_ability");
    hints_for(q, "work_ability", en);

    section(ctx, "plan.part_measures");
    hints_for(q, "adjustment_options", en);
    const char* statuses[] = {tr("plan.st_forslag"), tr("plan.st_avtalt"), tr("plan.st_ikke_aktuelt"), tr("plan.st_gjennomfort")};
    if (!ro) {
        measure_from_.resize(c.own_measures.size());
        measure_to_.resize(c.own_measures.size());
    }
    for (std::size_t i = 0; i < c.own_measures.size(); ++i) {
        PlanMeasure& m = c.own_measures[i];
        ImGui::PushID(static_cast<int>(1000 + i));
        const std::string at = "own_measures/" + std::to_string(i) + "/";
        ui::input_text(trf("plan.measure_n", fmt::arg("number", i + 1)).c_str(), "measure", m.description, 30, ro);
        ImGui::SameLine();
        int st = static_cast<int>(m.status);
        if (row_combo("##status", st, statuses, 4, 10, ro)) m.status = static_cast<MeasureStatus>(st);
        field_problem(at + "description");
        ui::input_text(tr("plan.responsible"), "responsible", m.responsible, 14, ro);
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (ro) ui::text((date_text(m.from) + " – " + date_text(m.to)).c_str());
        else {
            ui::date_input(tr("plan.from"), "from", measure_from_[i]);
            ImGui::SameLine();
            ui::date_input(tr("plan.to"), "to", measure_to_[i]);
        }
        ImGui::EndGroup();
        field_problem(at + "responsible");
        field_problem(at + "to");
        if (!ro && ImGui::SmallButton(tr("plan.remove"))) {
            c.own_measures.erase(c.own_measures.begin() + static_cast<std::ptrdiff_t>(i));
            measure_from_.erase(measure_from_.begin() + static_cast<std::ptrdiff_t>(i));
            measure_to_.erase(measure_to_.begin() + static_cast<std::ptrdiff_t>(i));
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (!ro && ImGui::Button(tr("plan.add_measure"))) c.own_measures.push_back({});

    // The organisation's general adjustment options (sintef-ia-2013 kap. 5.9.1).
    ImGui::Spacing();
    ui::text(tr("plan.options"));
    const Dataset& data = ctx.data();
    if (data.adjustment_options.empty()) ui::muted_line(tr("plan.options_empty"));
    for (const AdjustmentOption& o : data.adjustment_options) {
        bool on = std::find(c.adjustment_options.begin(), c.adjustment_options.end(), o.id) != c.adjustment_options.end();
        ImGui::BeginDisabled(ro);
        ui::push_id(o.id);
        const bool toggled = ui::checkbox(o.text, "option", &on);
        ImGui::PopID();
        if (toggled) {
            if (on) c.adjustment_options.push_back(o.id);
            else std::erase(c.adjustment_options, o.id);
        }
        ImGui::EndDisabled();
        probe::note_text(o.text);
    }
    if (!ro && ctx.can_edit(EditArea::organisation)) {
        ui::input_text(tr("plan.new_option"), "new-option", new_option_, 24);
        ImGui::SameLine();
        if (ImGui::Button(tr("plan.add_option"))) {
            CommandResult r = add_adjustment_option(ctx.doc.data, new_option_);
            problems_ = r.problems;
            if (r.ok()) {
                ctx.commands.push_back(std::move(*r.command));
                new_option_.clear();
            }
        }
        guard_note(option_guard_, new_option_);
    }

    section(ctx, "plan.part_help");
    editable_rows(c.help_measures, 2000, ro, [&](HelpMeasure& m, std::size_t i) {
        ui::input_text(tr("plan.help_measure"), "help", m.description, 30, ro);
        if (!m.measure_id.empty()) {
            ImGui::SameLine();
            ui::muted_line(fmt::format("{} {}", tr("plan.catalogue"), m.measure_id).c_str());
        }
        field_problem("help_measures/" + std::to_string(i) + "/description");
    });
    if (!ro && ImGui::Button(tr("plan.add_help"))) c.help_measures.push_back({});

    section(ctx, "plan.part_other");
    ui::input_multiline(tr("plan.other"), "other-adjustments", c.other_adjustments, 0, 2, kPlanTextMax, ro);
    field_problem("other_adjustments");

    section(ctx, "plan.part_follow_up");
    ui::input_multiline(tr("plan.follow_up"), "follow-up", c.follow_up, 0, 3, kPlanTextMax, ro);
    field_problem("follow_up");
    hints_for(q, "follow_up", en);
    if (ro) ui::text(fmt::format("{}: {}", tr("plan.evaluation"), date_text(c.evaluation_date)).c_str());
    else ui::date_input(tr("plan.evaluation"), "evaluation", evaluation_text_);
    field_problem("evaluation_date");
    hints_for(q, "evaluation_date", en);

    section(ctx, "plan.part_participation");
    int part = !c.employee_participated ? 0 : *c.employee_participated ? 1 : 2;
    ImGui::BeginDisabled(ro);
    bool changed = ImGui::RadioButton(tr("plan.part_unanswered"), &part, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr("plan.part_yes"), &part, 1);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr("plan.part_no"), &part, 2);
    ImGui::EndDisabled();
    if (changed) c.employee_participated = part == 0 ? std::nullopt : std::optional<bool>(part == 1);
    hints_for(q, "employee_participated", en);
    if (c.employee_participated == false) {
        ui::input_multiline(tr("plan.why_not"), "why-not", c.not_participated_reason, 0, 2, kPlanTextMax, ro);
        field_problem("not_participated_reason");
    }
    ImGui::Spacing();
}

} // namespace iadesk::app
