// Ansatte: one employee's absence, and the registration of new absence with the egenmelding rule's
// warning (folketrygdloven § 8-24; the organisation's own rule from Innstillinger when agreed).
#include "app/views/employees.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/sick_pay.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>

namespace iadesk::app {
namespace {

const char* problem_key(EgenmeldingProblem p) {
    switch (p) {
    case EgenmeldingProblem::invalid_period: return "absence.rule.invalid_period";
    case EgenmeldingProblem::invalid_rule: return "absence.rule.invalid_rule";
    case EgenmeldingProblem::employed_under_2_months: return "absence.rule.employed_under_2_months";
    case EgenmeldingProblem::too_many_days_at_a_time: return "absence.rule.too_many_days_at_a_time";
    case EgenmeldingProblem::too_many_times: return "absence.rule.too_many_times";
    case EgenmeldingProblem::too_many_days_in_12_months: return "absence.rule.too_many_days_in_12_months";
    }
    return "absence.rule.invalid_period";
}

// Why the planned egenmelding breaks `rule` (the one check_egenmelding applied), one line a reason.
std::string reason_text(EgenmeldingProblem p, const EgenmeldingCheck& check, const EgenmeldingRule& rule, int planned_days) {
    // The count that broke the rule and the rule's limit.
    auto over = [&](int count, int allowed) {
        return trf(problem_key(p), fmt::arg("count", count), fmt::arg("allowed", allowed));
    };
    switch (p) {
    case EgenmeldingProblem::too_many_days_at_a_time: return over(check.days, rule.days_at_a_time);
    case EgenmeldingProblem::too_many_times:
        return over(check.times_in_12_months + 1, rule.times_per_12_months.value_or(0));
    case EgenmeldingProblem::too_many_days_in_12_months:
        return over(check.days_in_12_months + planned_days, rule.days_per_12_months.value_or(0));
    default: return tr(problem_key(p));
    }
}

} // namespace

void EmployeesView::draw_absences(ViewContext& ctx, const Employee& e) {
    const Dataset& data = ctx.data();
    ui::heading(ctx.theme.fonts.title, tr("absence.title"));
    // The registration first, the records after it: with many records the form stays near the top.
    if (ctx.can_edit(EditArea::absences, e.unit)) draw_absence_form(ctx, e);
    int shown = 0;
    if (ImGui::BeginTable("absences", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ui::table_columns({{"absence.kind"}, {"employees.from"}, {"employees.to"}, {"col.grade"}});
        // Newest first; an employee has tens of records, so a scan of their own is enough.
        std::vector<const Absence*> own;
        for (const Absence& a : data.absences)
            if (a.employee == e.id) own.push_back(&a);
        std::sort(own.begin(), own.end(), [](const Absence* a, const Absence* b) { return b->from < a->from; });
        for (const Absence* a : own) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::text(tr(a->kind == AbsenceKind::egenmelding ? "absence.egenmelding" : "absence.sykmelding"));
            ImGui::TableNextColumn();
            ui::text(format_date(a->from, ctx.language).c_str());
            ImGui::TableNextColumn();
            ui::text(a->to ? format_date(*a->to, ctx.language).c_str() : tr("absence.open"));
            ImGui::TableNextColumn();
            ui::text(fmt::format("{} %", a->grade).c_str());
            ++shown;
        }
        ImGui::EndTable();
    }
    if (shown == 0) ui::muted_line(tr("absence.none"));

}

// "Registrer fravær": the button, or the form with its Lagre fravær.
void EmployeesView::draw_absence_form(ViewContext& ctx, const Employee& e) {
    const bool english = ctx.language == Language::en;
    if (!absence.open) {
        if (ImGui::Button(tr("absence.register"))) {
            absence = AbsenceForm{};
            absence.open = true;
            absence.from = format_norwegian(ctx.today);
        }
        return;
    }
    ImGui::Spacing();
    ui::heading(ctx.theme.fonts.title, tr("absence.register"));
    ImGui::RadioButton(tr("absence.sykmelding"), &absence.kind, 1);
    ImGui::SameLine();
    ImGui::RadioButton(tr("absence.egenmelding"), &absence.kind, 0);
    ui::date_input(tr("absence.first_day"), "abs-from", absence.from);
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (!absence.open_end) ui::date_input(tr("absence.last_day"), "abs-to", absence.to);
    else { ui::text(tr("absence.last_day")); ui::muted_line(tr("absence.open")); }
    ImGui::Checkbox(tr("absence.open_end"), &absence.open_end);
    ImGui::EndGroup();
    if (absence.kind == 1) {
        ui::input_text(tr("absence.grade"), "abs-grade", absence.grade, 4);
        ui::muted_line(tr("absence.grade_help"));
    } else {
        ui::muted_line(tr("absence.egenmelding_help"));
    }
    for (const char* f : {"from", "to", "grade", ""}) ui::field_problem(absence.problems, f, english);
    if (absence.kind == 0) draw_egenmelding_warning(ctx, e);
    if (ui::primary_button(tr("absence.save"))) save_absence(ctx, e);
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) absence = AbsenceForm{};
}

void EmployeesView::save_absence(ViewContext& ctx, const Employee& e) {
    absence.problems.clear();
    Absence a;
    a.employee = e.id;
    a.kind = absence.kind == 0 ? AbsenceKind::egenmelding : AbsenceKind::sykmelding;
    if (auto d = parse_date(absence.from)) a.from = *d;
    else absence.problems.push_back({"from", "Første fraværsdag mangler eller er ikke en gyldig dato (dd.mm.åååå)",
                                     "First day is missing or not a valid date (dd.mm.yyyy)"});
    if (!absence.open_end) {
        if (auto d = parse_date(absence.to)) a.to = *d;
        else absence.problems.push_back({"to", "Siste fraværsdag mangler: fyll inn en dato eller kryss av for åpen slutt",
                                         "Last day is missing: enter a date or tick open end"});
    }
    if (a.kind == AbsenceKind::sykmelding) {
        char* end = nullptr;
        const long g = std::strtol(absence.grade.c_str(), &end, 10);
        if (absence.grade.empty() || *end != '\0') {
            absence.problems.push_back({"grade", "Grad må være et helt tall mellom 20 og 100", "Grade must be a whole number between 20 and 100"});
        } else {
            a.grade = static_cast<int>(g);
        }
    }
    if (!absence.problems.empty()) return;
    if (!ctx.submit_to(add_absence(ctx.doc.data, a), absence.problems)) return;
    absence = AbsenceForm{};
}


// A registered egenmelding records a fact, so breaking the rule does not stop it: the reasons are
// shown under the form while it is filled in. Checked again only when the dates or the document change.
void EmployeesView::draw_egenmelding_warning(const ViewContext& ctx, const Employee& e) {
    const std::optional<Date> from = parse_date(absence.from);
    const std::optional<Date> to = absence.open_end ? std::nullopt : parse_date(absence.to);
    if (!from || !to || *to < *from) return; // the form's own problems say what is missing
    const std::string dates = e.id + "|" + absence.from + "|" + absence.to;
    if (absence.checked_dates != dates || absence.checked_revision != ctx.doc.revision) {
        absence.rule_check = check_egenmelding(e, ctx.doc.data.absences, *from, *to, ctx.doc.data.organisation.egenmelding);
        absence.checked_dates = dates;
        absence.checked_revision = ctx.doc.revision;
    }
    const EgenmeldingCheck& check = *absence.rule_check;
    if (check.within_rule) return;
    const std::optional<EgenmeldingRule>& agreed = ctx.doc.data.organisation.egenmelding;
    const EgenmeldingRule rule = check.organisation_rule && agreed ? *agreed : EgenmeldingRule{};
    ImGui::Spacing();
    ui::error_text((std::string("\xE2\x9A\xA0 ") + tr("absence.rule.warning")).c_str());
    for (EgenmeldingProblem p : check.problems)
        ui::error_text(("\xE2\x80\xA2 " + reason_text(p, check, rule, *to - *from + 1)).c_str());
    const std::string applied = check.organisation_rule
                                    ? std::string(tr("absence.rule.agreed")) + " " + describe_egenmelding_rule(rule, ctx.language)
                                    : std::string(tr("absence.rule.law"));
    ui::muted_text(applied.c_str());
}

} // namespace iadesk::app
