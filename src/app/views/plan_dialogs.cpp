// The plan editor's start, side panel and dialogs: a plan from a template or an exemption, the
// version list and the sharing log, and the "Marker enige" and sharing dialogs (the diagnosis
// guard under their free texts).
#include "app/views/plan_editor.hpp"
#include "app/views/plan_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/plan_commands.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
using namespace plans_ui;

void PlanEditorView::draw_start(ViewContext& ctx, const Employee& e, Date case_start) {
    ui::label_text(trf("plan.case_from", fmt::arg("date", format_date(case_start, ctx.language))).c_str());
    const Plan* p = find_plan(ctx.data(), e.id, case_start);
    if (p && p->exemption) {
        ui::label_text(tr("plan.exempted"));
        ui::label_text(p->exemption->reason.c_str());
        return;
    }
    ui::label_text(tr("plan.empty_state"));
    const bool may_edit = ctx.can_edit(EditArea::plans, e.unit);
    if (!may_edit) return;
    ImGui::Spacing();
    for (const PlanTemplate& t : plan_templates()) {
        const std::string label = english(ctx) ? t.name_en : t.name_nb;
        if (ImGui::Button(label.c_str())) {
            ctx.submit_to(new_plan_version(ctx.doc.data, e.id, case_start, t.id, actor(ctx), ctx.today), problems_);
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(tr("plan.template_empty"))) {
        ctx.submit_to(new_plan_version(ctx.doc.data, e.id, case_start, "", actor(ctx), ctx.today), problems_);
    }
    ImGui::Spacing();
    ImGui::Separator();
    ui::label_text(tr("plan.exempt_help"));
    if (ImGui::Button(tr("plan.exempt"))) open_exempt_ = true;
    ui::problem_summary(problems_, english(ctx));
    if (begin_dialog("plan.exempt", "plan-exempt", open_exempt_, dialog_problems_)) {
        ui::label_text(tr("plan.exempt_confirm"));
        ui::input_multiline(tr("plan.exempt_reason"), "exempt-reason", exempt_reason_, 30, 3, kPlanTextMax);
        ui::field_problem(dialog_problems_, "reason", english(ctx));
        guard_note(exempt_guard_, exempt_reason_);
        if (dialog_buttons(dialog_problems_, english(ctx), "plan.exempt_save") &&
            ctx.submit_to(exempt_plan(ctx.doc.data, e.id, case_start, exempt_reason_, actor(ctx), ctx.today),
                          dialog_problems_))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void PlanEditorView::draw_side(ViewContext& ctx, const Plan& p, bool may_edit) {
    ui::text(tr("plan.versions"));
    for (std::size_t i = 0; i < p.versions.size(); ++i) {
        const PlanVersion& v = p.versions[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string line =
            trf("plan.version_line", fmt::arg("version", v.number),
                fmt::arg("date", format_date(v.created, ctx.language)), fmt::arg("author", v.created_by));
        const bool selected = (view_version == 0 && i + 1 == p.versions.size()) || view_version == v.number;
        if (ImGui::Selectable(line.c_str(), selected)) view_version = i + 1 == p.versions.size() ? 0 : v.number;
        probe::note_text(line.c_str());
        if (v.agreed()) {
            const std::string agreed =
                trf("plan.agreed_line", fmt::arg("employee_date", format_date(*v.agreed_employee, ctx.language)),
                    fmt::arg("manager_date", format_date(*v.agreed_manager, ctx.language)),
                    fmt::arg("manager", v.manager_name));
            ui::muted_text(agreed.c_str());
        } else {
            ui::muted_line(tr("plan.state_draft"));
        }
        if (i > 0) {
            std::string changed;
            for (const std::string& f : changed_fields(p.versions[i - 1].content, v.content)) {
                if (!changed.empty()) changed += ", ";
                changed += english(ctx) ? field_label_en(f) : field_label_nb(f);
            }
            const std::string text = std::string(tr("plan.changed")) + " " + (changed.empty() ? tr("plan.nothing") : changed);
            ui::label_text(text.c_str());
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    ui::text(tr("plan.shared"));
    if (p.shares.empty()) ui::muted_line(tr("plan.not_shared"));
    for (const PlanShare& s : p.shares) {
        const std::string line = format_date(s.date, ctx.language) + " · " + recipient_nb(s.recipient) +
                                 (s.channel.empty() ? "" : " · " + s.channel) + " · v" + std::to_string(s.version);
        ui::label_text(line.c_str());
    }
    if (may_edit && p.versions.back().agreed()) {
        if (ImGui::Button(tr("plan.log_share"))) {
            open_share_ = true;
            share_date_ = format_norwegian(ctx.today);
        }
    }
    const bool sent = std::any_of(p.shares.begin(), p.shares.end(), [](const PlanShare& s) { return s.recipient == "sykmelder"; });
    if (!sent) {
        ui::warning_text(tr("plan.send_hint"));
    }
}

void PlanEditorView::draw_popups(ViewContext& ctx, const Plan& p) {
    const bool en = english(ctx);
    draw_nav_export(ctx, p);
    if (begin_dialog("plan.mark_agreed", "plan-agree", open_agree_, dialog_problems_)) {
        ui::label_text(tr("plan.agree_help"));
        auto emp = ui::date_input(tr("plan.agree_employee"), "agree-employee", agree_employee_);
        auto man = ui::date_input(tr("plan.agree_manager"), "agree-manager", agree_manager_);
        ui::input_text(tr("plan.manager_name"), "manager-name", manager_name_, 20);
        if (dialog_buttons(dialog_problems_, en, "plan.agree_save")) {
            if (!emp || !man) {
                dialog_problems_ = {{"agreed_employee", "Skriv begge datoene", "Enter both dates"}};
            } else {
                if (ctx.submit_to(mark_plan_agreed(ctx.doc.data, p.id, *emp, *man, manager_name_, ctx.today), dialog_problems_))
                    ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }
    if (begin_dialog("plan.log_share", "plan-share", open_share_, dialog_problems_)) {
        ui::text(tr("plan.recipient"));
        const char* names[5];
        for (int i = 0; i < 5; ++i) names[i] = tr(kRecipientKeys[i]);
        ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
        ImGui::Combo("##recipient", &share_recipient_, names, 5);
        auto when = ui::date_input(tr("plan.share_date"), "share-date", share_date_);
        ui::input_text(tr("plan.channel"), "share-channel", share_channel_, 20);
        ui::field_problem(dialog_problems_, "channel", en);
        guard_note(share_guard_, share_channel_);
        if (dialog_buttons(dialog_problems_, en, "plan.share_save")) {
            if (!when) {
                dialog_problems_ = {{"date", "Skriv datoen", "Enter the date"}};
            } else {
                PlanShare s{*when, kRecipients[share_recipient_], share_channel_, 0};
                if (ctx.submit_to(log_plan_share(ctx.doc.data, p.id, s, ctx.today), dialog_problems_))
                    ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }
}

} // namespace iadesk::app
