// The Tiltak page's fit panel: whose case the measures are checked against, the verdict of the
// opened measure for that case with the conditions behind it, and "Legg til i oppfølgingsplan".
#include "app/views/measures_view.hpp"
#include "app/views/measures_parts.hpp"

#include "iadesk/plan_commands.hpp"
#include "iadesk/plans.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
using namespace measures_ui;

namespace {

// Whole calendar months from `start` through `today` inclusive (as `iadesk measures suggest FILE`).
int whole_months(Date start, Date today) {
    const Date end = today + 1;
    int m = (end.year() - start.year()) * 12 + (end.month() - start.month());
    if (end.day() < start.day()) --m;
    return m < 0 ? 0 : m;
}

// What the document says about an employee's case today: week, grade, months, employment, the
// organisation's BHT/IA flags, and the plan when an "oppfolgingsplan" event is recorded.
ms::EligibilityContext context_for(const ViewContext& ctx, const std::string& employee_id) {
    const Dataset& data = ctx.data();
    ms::EligibilityContext c;
    c.today = format_iso(ctx.today);
    c.has_bht = data.organisation.own_bht;
    c.ia_member = data.organisation.ia_agreement;
    if (auto it = ctx.derived.employee_index.find(employee_id); it != ctx.derived.employee_index.end())
        c.has_employer = position_share_on(data.employees[static_cast<std::size_t>(it->second)], ctx.today) > 0.0;
    const CaseSchedule* s = ctx.derived.schedule_of(employee_id);
    c.sick_listed = s != nullptr;
    if (s && s->sickness_case) {
        const SicknessCase& sc = *s->sickness_case;
        c.case_week = sc.week_on(ctx.today);
        c.grade = grade_on(sc, data, ctx.today);
        c.months_sick = whole_months(sc.start, ctx.today);
        for (const MilestoneEvent& ev : data.milestone_events)
            if (ev.employee == employee_id && ev.case_start == sc.start && ev.milestone == "oppfolgingsplan")
                c.has_followup_plan = ev.status == EventStatus::done;
    }
    return c;
}
} // namespace

void MeasuresView::refresh_fit(const ViewContext& ctx) {
    if (case_employee.empty()) {
        fit_.clear();
        fit_employee_.clear();
        return;
    }
    if (fit_employee_ == case_employee && fit_revision_ == ctx.derived.revision && !fit_.empty()) return;
    fit_context_ = context_for(ctx, case_employee);
    fit_.clear();
    for (const ms::Measure& m : catalogue_.measures) fit_.push_back(ms::evaluate(m, fit_context_));
    fit_employee_ = case_employee;
    fit_revision_ = ctx.derived.revision;
    fit_name_.clear();
    if (auto it = ctx.derived.employee_index.find(case_employee); it != ctx.derived.employee_index.end())
        fit_name_ = ctx.data().employees[static_cast<std::size_t>(it->second)].name;
}

void MeasuresView::draw_case_picker(const ViewContext& ctx) {
    const float em = ImGui::GetFontSize();
    ImGui::BeginGroup();
    const char* case_label = tr("measures.case_for");
    ui::text(case_label);
    ImGui::SetNextItemWidth(20 * em);
    const Dataset& data = ctx.data();
    std::string current = tr("measures.no_case");
    if (!case_employee.empty()) {
        if (auto it = ctx.derived.employee_index.find(case_employee); it != ctx.derived.employee_index.end())
            current = data.employees[static_cast<std::size_t>(it->second)].name;
    }
    if (ui::begin_combo("##measures-case", current)) {
        if (ImGui::Selectable(tr("measures.no_case"), case_employee.empty())) case_employee.clear();
        std::vector<const OverviewRow*> rows;
        for (const OverviewRow& r : ctx.derived.rows)
            if (r.employee >= 0) rows.push_back(&r);
        std::sort(rows.begin(), rows.end(), [&](const OverviewRow* a, const OverviewRow* b) {
            return data.employees[static_cast<std::size_t>(a->employee)].name <
                   data.employees[static_cast<std::size_t>(b->employee)].name;
        });
        for (const OverviewRow* r : rows) {
            const Employee& e = data.employees[static_cast<std::size_t>(r->employee)];
            const std::string entry = trf("measures.case_entry", fmt::arg("name", e.name), fmt::arg("week", r->week),
                                          fmt::arg("percent", r->grade));
            ui::push_id(e.id);
            if (ui::selectable(entry.c_str(), "employee", case_employee == e.id)) case_employee = e.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    } else {
        probe::note_value(current, case_label);
    }
    if (!case_employee.empty()) {
        refresh_fit(ctx);
        if (fit_context_.case_week && fit_context_.grade) {
            const std::string line =
                trf("measures.fit.context", fmt::arg("week", *fit_context_.case_week),
                    fmt::arg("percent", *fit_context_.grade), fmt::arg("months", fit_context_.months_sick.value_or(0)));
            ui::muted_line(line.c_str());
        } else {
            ui::muted_line(tr("measures.fit.not_sick"));
        }
    }
    ImGui::EndGroup();
}

// The verdict for the chosen case, the conditions behind it and the button that adds the measure to the plan.
void MeasuresView::draw_fit_section(const ViewContext& ctx, const ms::Measure& m) {
    if (fit_.empty()) return;
    const char* lang = lang_id(ctx.language);
    const ms::Eligibility& e = fit_[static_cast<std::size_t>(open)];
    section(ctx, "measures.section.fit");
    const std::string s = fit_line(e, fit_name_, lang);
    ImGui::PushStyleColor(ImGuiCol_Text, verdict_look(e.verdict).colour);
    ui::label_text(s.c_str());
    ImGui::PopStyleColor();
    // Each failed or open condition once more, with what the case shows or what is missing.
    auto detail_bullet = [&](const ms::Finding& f, bool failed) {
        const std::string detail = finding_detail(f, failed, lang);
        bullet(f.condition.in(lang) + (detail.empty() ? "" : " – " + detail));
    };
    for (const ms::Finding& f : e.failed) detail_bullet(f, true);
    for (const ms::Finding& f : e.to_check) detail_bullet(f, false);
    draw_add_to_plan(ctx, m);
}

// "Legg til i oppfølgingsplan": the measure goes into the draft of the chosen employee's plan as a
// measure with help from NAV or the health services, linked to the catalogue.
void MeasuresView::draw_add_to_plan(const ViewContext& ctx, const ms::Measure& m) {
    const CaseSchedule* sched = ctx.derived.schedule_of(case_employee);
    if (!sched) return;
    const Plan* plan = find_plan(ctx.doc.data, case_employee, sched->sickness_case->start);
    const PlanVersion* draft = plan ? plan->current() : nullptr;
    if (!draft || draft->agreed()) {
        secondary(tr(draft ? "measures.plan_agreed" : "measures.plan_missing"));
        return;
    }
    const bool already = std::any_of(draft->content.help_measures.begin(), draft->content.help_measures.end(),
                                     [&](const HelpMeasure& h) { return h.measure_id == m.id; });
    if (already) {
        secondary(tr("measures.plan_has_it"));
        return;
    }
    auto who = ctx.derived.employee_index.find(case_employee);
    if (who == ctx.derived.employee_index.end() ||
        !ctx.can_edit(EditArea::plans, ctx.data().employees[static_cast<std::size_t>(who->second)].unit))
        return;
    if (ImGui::Button(tr("measures.add_to_plan"))) {
        PlanContent content = draft->content;
        content.help_measures.push_back({m.name.in("nb"), m.id});
        ctx.submit(edit_plan_draft(ctx.doc.data, plan->id, std::move(content), ctx.today));
    }
}

} // namespace iadesk::app
