#include "app/views/case_view.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
const char* milestone_label(const MilestoneRule& r, Language lang) {
    return lang == Language::nb ? r.label_nb.c_str() : r.label_en.c_str();
}

void CaseView::draw(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    auto it = ctx.derived.employee_index.find(employee_id);
    const CaseSchedule* s = ctx.derived.schedule_of(employee_id);
    if (it == ctx.derived.employee_index.end() || !s) {
        ui::heading(ctx.theme.fonts.heading, tr("case.title"));
        ui::label_text(tr("case.none_open"));
        if (ImGui::Button(tr("case.back"))) ctx.navigate.page = Page::overview;
        return;
    }
    const Employee& e = data.employees[static_cast<std::size_t>(it->second)];
    const SicknessCase& c = *s->sickness_case;

    if (ImGui::Button(tr("case.back"))) ctx.navigate.page = Page::overview;
    ImGui::SameLine();
    if (ImGui::Button(tr("case.open_plan"))) ctx.navigate.open_plan_employee = e.id;
    ui::heading(ctx.theme.fonts.heading, e.name.c_str());
    ui::label_text(trf("case.summary", fmt::arg("unit", ctx.derived.unit_name(data, e.unit)),
                       fmt::arg("week", c.week_on(ctx.today)), fmt::arg("percent", grade_on(c, data, ctx.today)))
                       .c_str());
    ui::muted_line(fmt::format("{} {} · {} {} · {} {} · {} {}", tr("case.start"), format_date(c.start, ctx.language),
                               tr("case.agp_end"), format_date(c.agp_end, ctx.language), tr("case.maksdato"),
                               format_date(c.maksdato, ctx.language), tr("case.rule_set"),
                               ctx.language == Language::nb ? s->rule_set->name_nb : s->rule_set->name_en)
                       .c_str());
    ImGui::Spacing();
    draw_sick_pay(ctx, c);
    ImGui::Spacing();
    draw_timeline(ctx, *s);
    ImGui::Spacing();
    draw_milestones(ctx, *s);
}

// The case's sick-pay account (sick_pay.hpp): NAV days used, days left, maksdato and the rule
// behind it, the employer period, why nothing more is paid, a fresh right, the birth-date
// assumption, and always the holiday note (iadesk has no holiday records).
void CaseView::draw_sick_pay(const ViewContext& ctx, const SicknessCase& c) {
    const CaseSickPay& p = c.pay;
    ui::text(tr("sickpay.heading"));
    ui::label_text(trf("sickpay.days", fmt::arg("case_days", p.nav_days_case),
                       fmt::arg("account_days", p.nav_days_account), fmt::arg("days_left", p.days_left),
                       fmt::arg("maksdato", format_date(p.maksdato, ctx.language)))
                       .c_str());
    ui::label_text(trf("sickpay.agp", fmt::arg("from", format_date(p.agp_start, ctx.language)),
                       fmt::arg("to", format_date(p.agp_end, ctx.language)))
                       .c_str());
    const std::string rule_key = std::string("sickpay.rule.") + to_string(p.maksdato_rule);
    ui::label_text(tr(rule_key.c_str()));
    const ImVec4 warning = status_look(MilestoneStatus::overdue).colour;
    auto warn = [&](const char* text) {
        ImGui::PushStyleColor(ImGuiCol_Text, warning);
        ui::label_text(text);
        ImGui::PopStyleColor();
    };
    if (p.employer_period != EmployerPeriod::applies) {
        const std::string key = std::string("sickpay.employer.") + to_string(p.employer_period);
        warn(tr(key.c_str()));
    }
    if (p.no_sick_pay != NoSickPay::none && p.employer_period != EmployerPeriod::over_70) {
        const std::string key = std::string("sickpay.none.") + to_string(p.no_sick_pay);
        warn(trf(key.c_str(), fmt::arg("date", format_date(p.maksdato, ctx.language))).c_str());
    }
    if (p.fresh_right_from) {
        ui::label_text(trf("sickpay.fresh", fmt::arg("date", format_date(*p.fresh_right_from, ctx.language))).c_str());
    } else if (p.nav_days_account > 0 || p.no_sick_pay == NoSickPay::days_used_up ||
               p.no_sick_pay == NoSickPay::days_used_up_after_67) {
        ui::label_text(tr("sickpay.fresh_open"));
    }
    if (p.birth == BirthAssumption::first_of_birth_year && p.birth_date) {
        ui::label_text(trf("sickpay.birth.first_of_birth_year", fmt::arg("year", p.birth_date->year())).c_str());
    } else if (p.birth == BirthAssumption::unknown) {
        ui::label_text(tr("sickpay.birth.unknown"));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::label_text(tr("sickpay.holiday_note"));
    ImGui::PopStyleColor();
}

void CaseView::draw_timeline(const ViewContext& ctx, const CaseSchedule& s) {
    const float em = ImGui::GetFontSize();
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 origin(cursor.x + 0.6f * em, cursor.y);
    const float width = std::max(20 * em, ImGui::GetContentRegionAvail().x - 2 * em);
    const float height = 4.2f * em;
    const float axis_y = origin.y + 2.4f * em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const SicknessCase& c = *s.sickness_case;
    auto x_of = [&](Date d) {
        const float weeks = static_cast<float>(d - c.start) / 7.0f;
        return origin.x + std::clamp(weeks / 52.0f, 0.0f, 1.0f) * width;
    };
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddLine(ImVec2(origin.x, axis_y), ImVec2(origin.x + width, axis_y), axis, 2.0f);
    for (int w = 0; w <= 52; w += 4) {
        const float x = origin.x + width * static_cast<float>(w) / 52.0f;
        dl->AddLine(ImVec2(x, axis_y - 0.3f * em), ImVec2(x, axis_y + 0.3f * em), axis);
        dl->AddText(ImVec2(x - 0.3f * em, axis_y + 0.5f * em), text, std::to_string(w).c_str());
    }
    for (const Milestone& m : s.milestones) {
        if (!m.has_due()) continue;
        const StatusLook look = status_look(m.status);
        const float x = x_of(m.due);
        dl->AddCircleFilled(ImVec2(x, axis_y), 0.38f * em, ImGui::GetColorU32(look.colour));
        dl->AddText(ImVec2(x - 0.3f * em, axis_y - 1.6f * em), ImGui::GetColorU32(look.colour), look.icon);
    }
    const float tx = x_of(ctx.today);
    const ImU32 today = ImGui::GetColorU32(colours().today_marker);
    dl->AddLine(ImVec2(tx, origin.y), ImVec2(tx, origin.y + height), today, 2.0f);
    dl->AddText(ImVec2(tx + 0.25f * em, origin.y), today, tr("rel.today"));
    ImGui::Dummy(ImVec2(width, height));
}

void CaseView::draw_milestones(ViewContext& ctx, const CaseSchedule& s) {
    std::string unit;
    if (auto it = ctx.derived.employee_index.find(s.sickness_case->employee); it != ctx.derived.employee_index.end())
        unit = ctx.data().employees[static_cast<std::size_t>(it->second)].unit;
    const bool may_mark = ctx.can_edit(EditArea::milestone_events, unit);
    if (ui::compact_layout()) {
        draw_milestone_cards(ctx, s, may_mark);
        draw_mark_dialog(ctx, s);
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("milestones", 6, flags)) {
        ui::table_columns({{"col.milestone", 2.2f},
                           {"col.due", 1.6f},
                           {"col.status", 1.1f},
                           {"case.col_recorded", 2.4f},
                           {"col.responsible", 1.0f},
                           {"col.actions", 2.0f}});
        for (const Milestone& m : s.milestones) {
            ImGui::PushID(m.rule->id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::text(milestone_label(*m.rule, ctx.language));
            ImGui::TableNextColumn();
            if (m.has_due())
                ui::text(fmt::format("{} ({} {})", format_date(m.due, ctx.language), tr("overview.week"),
                                     s.sickness_case->week_on(m.due))
                             .c_str());
            ImGui::TableNextColumn();
            ui::status_tag(m.status);
            ImGui::TableNextColumn();
            if (m.event) draw_recorded(ctx, *m.event);
            ImGui::TableNextColumn();
            const std::string responsible_key = "responsible." + m.rule->responsible;
            const char* responsible = tr(responsible_key.c_str());
            ui::text(responsible == responsible_key ? m.rule->responsible.c_str() : responsible);
            ImGui::TableNextColumn();
            draw_milestone_actions(ctx, s, m, may_mark);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    draw_mark_dialog(ctx, s);
}

// What can be done with a milestone: mark it done or exempt, change or remove what was recorded;
// nothing for a date to know or for what the plan completed.
void CaseView::draw_milestone_actions(ViewContext& ctx, const CaseSchedule& s, const Milestone& m, bool may_mark) {
    // Informational milestones are dates to know, not tasks: nothing to mark.
    const bool task = m.rule->applies != Applicability::informational;
    const bool open = m.status != MilestoneStatus::done && m.status != MilestoneStatus::exempt &&
                      m.status != MilestoneStatus::not_applicable && may_mark && task;
    if (open) {
        if (ImGui::SmallButton(tr("case.mark_done"))) open_mark(ctx, m, EventStatus::done, nullptr);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("case.exempt"))) open_mark(ctx, m, EventStatus::exempt, nullptr);
    } else if (m.event && s.plan_events && m.event >= s.plan_events->data() &&
               m.event < s.plan_events->data() + s.plan_events->size()) {
        ui::muted_line(tr("case.from_plan")); // completed by the plan: change it there
    } else if (m.event && may_mark) {
        if (ImGui::SmallButton(tr("case.edit_mark"))) open_mark(ctx, m, m.event->status, m.event);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("case.remove_mark"))) {
            if (std::optional<std::size_t> i = find_event(ctx.doc.data, *m.event))
                ctx.submit(remove_milestone_event(ctx.doc.data, *i));
        }
    }
}

// What was recorded: "Utført 17.11.2026", who took part, the note (an exemption's reason).
void CaseView::draw_recorded(const ViewContext& ctx, const MilestoneEvent& ev) {
    const char* key = ev.status == EventStatus::done ? "case.recorded_done" : "case.recorded_exempt";
    ui::text(trf(key, fmt::arg("date", format_date(ev.date, ctx.language))).c_str());
    if (!ev.participants.empty())
        ui::label_text(trf("case.recorded_participants", fmt::arg("who", ev.participants)).c_str());
    if (!ev.note.empty()) ui::muted_text(ev.note.c_str());
}

} // namespace iadesk::app
