#include "app/views/goals_view.hpp"
#include "app/views/goals_chart.hpp"
#include "app/views/goals_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace iadesk::app {
using namespace goals_ui;
namespace {

std::string number_text(double v, const ViewContext& ctx) { return format_decimal(v, 1, ctx.language); }

struct StatusStyle {
    const char* icon;
    const char* key;
    ImVec4 colour;
};
StatusStyle style_of(GoalStatus s) {
    const SemanticColours& c = colours();
    switch (s) {
    case GoalStatus::reached: return {"\xE2\x9C\x93", "goals.status.reached", c.tag_done};
    case GoalStatus::on_track: return {"\xE2\x86\x92", "goals.status.on_track", c.tag_upcoming};
    case GoalStatus::at_risk: return {"\xE2\x97\x8F", "goals.status.at_risk", c.tag_due_soon};
    case GoalStatus::behind: return {"\xE2\x9A\xA0", "goals.status.behind", c.tag_overdue};
    case GoalStatus::unknown: break;
    }
    return {"?", "goals.status.unknown", c.tag_not_applicable};
}

// Icon + word + colour (status never by colour alone); findable by its word.
void goal_status_tag(GoalStatus s) {
    const StatusStyle st = style_of(s);
    ui::tag(st.icon, st.key, st.colour);
}

std::string value_text(const ViewContext& ctx, const Goal& g, const GoalEvaluation& e, const std::optional<double>& v) {
    if (v) return number_text(*v, ctx) + (g.metric != GoalMetric::recorded ? " %" : "");
    if (e.no_access) return tr("goals.no_access");
    if (e.masked) return tr(e.mask_reason == MaskReason::protects_small_group ? "goals.masked_protects" : "goals.masked");
    return "–";
}

// A progress bar with the share written on it (fraction may exceed 1: the bar stops full).
void progress_bar(double fraction, const std::string& label) {
    ImGui::ProgressBar(static_cast<float>(std::clamp(fraction, 0.0, 1.0)), ImVec2(18 * ImGui::GetFontSize(), 0), label.c_str());
    probe::note_text(label);
}

} // namespace

void GoalsView::refresh(const ViewContext& ctx) {
    const Role& r = ctx.derived.role;
    if (cache_revision == ctx.doc.revision && cache_today == ctx.today && cache_role.kind == r.kind && cache_role.unit == r.unit &&
        cache_role.employee == r.employee)
        return;
    overview = evaluate_goals(ctx.doc.data, ctx.today, r);
    cache_revision = ctx.doc.revision;
    cache_today = ctx.today;
    cache_role = r;
}

void GoalsView::draw(ViewContext& ctx) {
    refresh(ctx);
    ui::heading(ctx.theme.fonts.heading, tr("goals.title"));
    ui::label_text(tr("goals.intro"));
    // What the law requires and what is the parties' choice, named once (docs/goals.md).
    ui::label_text(tr("goals.duties"));
    // The meeting count of this year, in sight but neutral: two a year is good practice, not a duty.
    if (!overview.meeting_years.empty()) {
        const MeetingYear& y = overview.meeting_years.back();
        std::string meetings = trf("goals.meetings_this_year", fmt::arg("count", y.held + y.planned));
        if (y.below_good_practice) meetings += std::string("  ") + tr("goals.meetings_practice");
        ui::text(meetings.c_str());
    }
    ImGui::Spacing();
    if (ImGui::BeginTabBar("goals-tabs")) {
        // Each tab is noted for the browser tests (as in settings.cpp).
        const char* labels[] = {tr("goals.tab.goals"), tr("goals.tab.meetings"), tr("goals.tab.reports")};
        for (int i = 0; i < 3; ++i) {
            const bool open = ImGui::BeginTabItem(labels[i]);
            probe::note_text(labels[i]);
            if (open) { tab = i; ImGui::EndTabItem(); }
        }
        ImGui::EndTabBar();
    }
    const bool editor = (tab == 0 && (goal.open || activity.open)) || (tab == 1 && meeting.open);
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("goals-main", ImVec2(editor ? ImGui::GetContentRegionAvail().x * 0.56f : 0, 0));
    if (tab == 0) draw_goals(ctx);
    else if (tab == 1) draw_meetings(ctx);
    else draw_reports(ctx);
    ImGui::EndChild();
    probe::note_label(tr("panel.goals")); // the panel as the keyboard enters it (test_probe.hpp)
    if (editor) {
        ImGui::SameLine(0, em);
        ImGui::BeginChild("goals-editor", ImVec2(0, 0), ImGuiChildFlags_Border);
        if (tab == 1) draw_meeting_editor(ctx);
        else if (goal.open) draw_goal_editor(ctx);
        else draw_activity_editor(ctx);
        ImGui::EndChild();
        probe::note_label(tr("panel.goal_editor"));
    }
}

void GoalsView::draw_goals(ViewContext& ctx) {
    const auto& agreements = builtin_agreements();
    const Dataset& doc = ctx.doc.data;
    if (agreement < 0 || agreement >= static_cast<int>(agreements.size())) {
        // The newest dated agreement that has goals, else the one in force today (a new organisation
        // starts under the current agreement).
        int with_goals = -1, in_force = 0;
        const IaAgreement* current = agreement_in_force(ctx.today);
        for (std::size_t i = 0; i < agreements.size(); ++i) {
            if (agreements[i].custom) continue;
            if (&agreements[i] == current) in_force = static_cast<int>(i);
            for (const Goal& g : doc.goals)
                if (agreement_of_area(g.area) == &agreements[i]) with_goals = static_cast<int>(i);
        }
        agreement = with_goals >= 0 ? with_goals : in_force;
    }
    const bool editable = ctx.can_edit(EditArea::organisation);
    ui::text(tr("goals.agreement"));
    ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
    const IaAgreement& shown = agreements[static_cast<std::size_t>(agreement)];
    if (ui::begin_combo("##agreement", english(ctx) ? shown.name_en : shown.name_nb)) {
        for (std::size_t i = 0; i < agreements.size(); ++i)
            if (!agreements[i].custom &&
                ImGui::Selectable(english(ctx) ? agreements[i].name_en.c_str() : agreements[i].name_nb.c_str(), agreement == static_cast<int>(i)))
                agreement = static_cast<int>(i);
        ImGui::EndCombo();
    }
    if (editable) {
        ImGui::SameLine();
        if (ui::primary_button(tr("goals.new_result"))) start_goal(ctx, GoalKind::result, shown.areas.front().id);
        ImGui::SameLine();
        if (ImGui::Button(tr("goals.new_activity"))) start_goal(ctx, GoalKind::activity, shown.areas.front().id);
    }
    if (!shown.note.empty()) ui::muted_line(tr("goals.agreement_note"));
    ImGui::Spacing();
    if (doc.goals.empty()) ui::label_text(tr("goals.empty"));
    // One card per area of the chosen agreement, then the areas of other agreements and custom
    // areas that have goals.
    std::vector<std::string> done;
    for (const GoalArea& a : shown.areas) {
        draw_card(ctx, a.id, &a);
        done.push_back(a.id);
    }
    for (const AreaSummary& s : overview.areas)
        if (std::find(done.begin(), done.end(), s.area) == done.end()) draw_card(ctx, s.area, find_area(s.area));
}

void GoalsView::draw_card(ViewContext& ctx, const std::string& area, const GoalArea* def) {
    const float em = ImGui::GetFontSize();
    const AreaSummary* sum = nullptr;
    for (const AreaSummary& s : overview.areas)
        if (s.area == area) sum = &s;
    ui::push_id(area); // a custom area is the user's text
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours().card_background);
    ImGui::BeginChild("card", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    ui::heading(ctx.theme.fonts.title, area_label(area, english(ctx)).c_str());
    if (def) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ui::label_text(english(ctx) ? def->duty_en.c_str() : def->duty_nb.c_str());
        ImGui::PopStyleColor();
    }
    if (!sum) {
        ui::muted_line(tr("goals.card_empty"));
        if (ctx.can_edit(EditArea::organisation) && def) {
            if (def->result_goals && ImGui::SmallButton(tr("goals.new_result"))) start_goal(ctx, GoalKind::result, area);
            if (def->result_goals && def->activity_goals) ImGui::SameLine();
            if (def->activity_goals && ImGui::SmallButton(tr("goals.new_activity"))) start_goal(ctx, GoalKind::activity, area);
        }
    } else {
        ui::text(trf("goals.summary", fmt::arg("goals", sum->goals), fmt::arg("reached", sum->reached),
                     fmt::arg("on_track", sum->on_track), fmt::arg("at_risk", sum->at_risk),
                     fmt::arg("behind", sum->behind), fmt::arg("activities_done", sum->activities_done),
                     fmt::arg("activities_planned", sum->activities_planned))
                     .c_str());
        if (sum->not_verifiable) {
            ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
            ui::text(("\xE2\x9A\xA0 " + trf("goals.summary_not_verifiable", fmt::arg("count", sum->not_verifiable)))
                         .c_str());
            ImGui::PopStyleColor();
        }
        for (const GoalEvaluation& e : overview.goals)
            if (e.goal->area == area) {
                ImGui::Separator();
                draw_goal(ctx, e);
            }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 0.4f * em));
}

namespace {

// A goal's unit by its name for every role: looked up in the whole register (a unit's name is not
// personal data), never through the role's index (a manager's copy holds other positions).
std::string goal_unit_name(const Dataset& all, const std::string& id) {
    for (const Unit& u : all.units)
        if (u.id == id) return u.name;
    return id; // a unit removed since: its id, as the evaluation says (docs/goals.md)
}

} // namespace

void GoalsView::draw_goal(ViewContext& ctx, const GoalEvaluation& e) {
    const Goal& g = *e.goal;
    const bool en = english(ctx);
    ui::push_id(g.id);
    ImGui::PushFont(ctx.theme.fonts.title);
    ui::text(g.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    goal_status_tag(e.status);
    ui::muted_line(fmt::format("{} · {} {}", g.kind == GoalKind::result ? tr("goals.kind.result") : tr("goals.kind.activity"),
                               tr("goals.deadline"), g.deadline ? format_date(*g.deadline, ctx.language) : "–")
                       .c_str());
    if (g.kind == GoalKind::result) {
        std::string metric;
        if (g.metric == GoalMetric::recorded) metric = g.metric_name;
        else if (g.units.empty()) metric = tr("goals.whole_org");
        else
            for (const std::string& u : g.units) metric += (metric.empty() ? "" : ", ") + goal_unit_name(ctx.doc.data, u);
        if (g.metric == GoalMetric::dropout)
            metric = g.units.empty() ? std::string(tr("goals.dropout_whole_org")) : std::string(tr("goals.metric.dropout")) + ", " + metric;
        ui::text((std::string(tr("goals.metric")) + ": " + metric).c_str());
        std::string base = std::string(tr("goals.baseline")) + ": " + value_text(ctx, g, e, e.baseline);
        if (e.baseline_period) base += " (" + period_label(*e.baseline_period, en) + ")";
        ui::text(base.c_str());
        ui::text((std::string(tr("goals.target")) + ": " + value_text(ctx, g, e, e.target)).c_str());
        std::string now = std::string(tr("goals.current")) + ": " + value_text(ctx, g, e, e.current);
        if (e.current_period)
            now += e.current_rolling ? " (" + std::string(tr("goals.rolling_to")) + " " + period_label(*e.current_period, en) + ")"
                                     : " (" + period_label(*e.current_period, en) + ")";
        ui::text(now.c_str());
        if (g.metric == GoalMetric::sick_leave) draw_bransje_figure(ctx);
        if (e.progress) {
            std::string label = std::string(tr("goals.progress")) + ": " + format_decimal(round_percent(*e.progress * 100), 1, ctx.language) +
                                " % " + tr("goals.of_the_way");
            progress_bar(*e.progress, label);
            if (e.reduction) {
                const double r = round_percent(std::fabs(*e.reduction) * 100);
                ImGui::SameLine();
                ui::muted_line(fmt::format("{} % {}", format_decimal(r, 1, ctx.language),
                                           *e.reduction >= 0 ? tr("goals.reduction") : tr("goals.increase"))
                                   .c_str());
            }
        }
        if (e.projection) {
            ui::text((std::string(tr("goals.projected")) + ": " + value_text(ctx, g, e, e.projection->value) + " (" +
                      period_label(e.projection->final_period, en) + ")").c_str());
        }
        chart(ctx, e);
    } else {
        std::string crit = std::string(tr("goals.criterion")) + ": " + (g.criterion.empty() ? "–" : g.criterion);
        if (g.criterion_count) crit += " (" + std::to_string(*g.criterion_count) + " " + tr("goals.done_count") + ")";
        if (g.criterion_date) crit += " (" + std::string(tr("goals.all_done_by")) + " " + format_date(*g.criterion_date, ctx.language) + ")";
        ui::label_text(crit.c_str());
    }
    ui::muted_line((en ? e.reason.en : e.reason.nb).c_str());
    if (!e.verifiable) {
        std::string why;
        for (const Flag& f : e.not_verifiable) why += (why.empty() ? "" : ", ") + (en ? f.en : f.nb);
        ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
        ui::label_text((std::string("\xE2\x9A\xA0 ") + tr("goals.not_verifiable") + ": " + why).c_str());
        ImGui::PopStyleColor();
    }
    // Activities: a checklist with status.
    const bool editable = ctx.can_edit(EditArea::organisation);
    if (e.activities_planned + e.activities_cancelled > 0) {
        if (e.activity_progress) {
            progress_bar(*e.activity_progress, trf("goals.activities_done", fmt::arg("done", e.activities_done),
                                                   fmt::arg("planned", e.activities_planned)));
        }
        for (const GoalActivity& a : ctx.doc.data.goal_activities) {
            if (a.goal != g.id) continue;
            ui::push_id(a.id);
            const char* box = a.status == ActivityStatus::fullfort ? "[\xE2\x9C\x93]" : a.status == ActivityStatus::avbrutt ? "[\xE2\x80\x93]" : "[ ]";
            ui::text(box);
            ImGui::SameLine();
            ui::text(a.title.c_str());
            ImGui::SameLine();
            ui::muted_line(fmt::format("{} · {}", a.owner.empty() ? "–" : a.owner,
                                       a.planned ? format_date(*a.planned, ctx.language) : "–")
                               .c_str());
            ImGui::SameLine();
            if (editable) {
                ImGui::SetNextItemWidth(7 * ImGui::GetFontSize());
                if (ImGui::BeginCombo("##status", tr(activity_status_key(a.status)))) {
                    for (ActivityStatus s : kStatuses)
                        if (ImGui::Selectable(tr(activity_status_key(s)), s == a.status) && s != a.status) {
                            ctx.submit(set_activity_status(ctx.doc.data, a.id, s, ctx.today));
                        }
                    ImGui::EndCombo();
                }
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("goals.edit"))) {
                    activity = ActivityForm{};
                    activity.open = true;
                    activity.id = a.id;
                    activity.goal = a.goal;
                    activity.title = a.title;
                    activity.owner = a.owner;
                    activity.planned = a.planned ? format_norwegian(*a.planned) : "";
                    activity.note = a.note;
                    activity.status = static_cast<int>(a.status);
                    goal.open = false;
                }
            } else {
                ui::text(tr(activity_status_key(a.status)));
            }
            ImGui::PopID();
        }
    } else {
        ui::muted_line(tr("goals.no_activities"));
    }
    if (editable) {
        if (ImGui::SmallButton(tr("goals.edit_goal"))) { load_goal(g); activity.open = false; }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("goals.new_activity_for"))) {
            activity = ActivityForm{};
            activity.open = activity.is_new = true;
            activity.id = next_activity_id(ctx.doc.data);
            activity.goal = g.id;
            goal.open = false;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("goals.remove"))) confirm_remove = g.id;
        if (confirm_remove == g.id) {
            const GoalDependents dep = goal_dependents(ctx.doc.data, g.id);
            ui::label_text(trf("goals.remove_confirm", fmt::arg("title", g.title),
                               fmt::arg("activities", dep.activities), fmt::arg("decisions", dep.decisions))
                               .c_str());
            if (ImGui::Button(tr("goals.remove_yes"))) {
                ctx.submit(remove_goal(ctx.doc.data, g.id));
                confirm_remove.clear();
                if (goal.id == g.id) goal.open = false;
            }
            ImGui::SameLine();
            if (ImGui::Button(tr("common.cancel"))) confirm_remove.clear();
        }
    }
    ImGui::PopID();
}

void GoalsView::draw_reports(ViewContext& ctx) {
    ui::label_text(tr("goals.reports_intro"));
    ImGui::Spacing();
    ui::heading(ctx.theme.fonts.title, tr("goals.action_plan"));
    ui::label_text(tr("goals.action_plan_help"));
    if (ui::primary_button(tr("goals.print_action_plan")))
        ctx.open_html("ia-handlingsplan.html", action_plan_html(ctx.doc.data, overview));
    ImGui::Spacing();
    ImGui::Separator();
    half_year_editor.draw(ctx, overview); // texts, sign-off and print (half_year_view.cpp)
}

} // namespace iadesk::app
