#include "app/views/goals_view.hpp"
#include "app/views/goals_chart.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace iadesk::app {
namespace {

constexpr ActivityStatus kStatuses[] = {ActivityStatus::planlagt, ActivityStatus::pagar, ActivityStatus::fullfort,
                                        ActivityStatus::avbrutt};
constexpr MeetingRole kRoles[] = {MeetingRole::leder, MeetingRole::tillitsvalgt, MeetingRole::verneombud, MeetingRole::hr,
                                  MeetingRole::bht, MeetingRole::nav, MeetingRole::annen};

bool english(const ViewContext& ctx) { return ctx.language == Language::en; }

// One sentence of inline help under a field (UX.md), wrapped, in the muted colour.
void help(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

std::optional<double> parse_number(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.rfind("\xE2\x88\x92", 0) == 0) s = "-" + s.substr(3); // a typographic minus
    if (!s.empty() && s.back() == '%') s.pop_back();
    std::replace(s.begin(), s.end(), ',', '.');
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string number_text(double v, const ViewContext& ctx) { return format_decimal(v, 1, ctx.language); }
std::string opt_text(const std::optional<double>& v) {
    if (!v) return {};
    return format_decimal(*v, std::floor(*v) == *v ? 0 : 1, Language::nb);
}

struct StatusStyle {
    const char* icon;
    const char* key;
    ImVec4 colour;
};
StatusStyle style_of(GoalStatus s) {
    switch (s) {
    case GoalStatus::reached: return {"\xE2\x9C\x93", "goals.status.reached", ImVec4(0.10f, 0.48f, 0.22f, 1)};
    case GoalStatus::on_track: return {"\xE2\x86\x92", "goals.status.on_track", ImVec4(0.18f, 0.33f, 0.60f, 1)};
    case GoalStatus::at_risk: return {"\xE2\x97\x8F", "goals.status.at_risk", ImVec4(0.72f, 0.42f, 0.00f, 1)};
    case GoalStatus::behind: return {"\xE2\x9A\xA0", "goals.status.behind", ImVec4(0.70f, 0.10f, 0.10f, 1)};
    case GoalStatus::unknown: break;
    }
    return {"?", "goals.status.unknown", ImVec4(0.40f, 0.40f, 0.44f, 1)};
}

// Icon + word + colour (UX.md: status never by colour alone); findable by its word.
void goal_status_tag(GoalStatus s) {
    const StatusStyle st = style_of(s);
    const std::string text = std::string(st.icon) + " " + tr(st.key);
    ImGui::PushStyleColor(ImGuiCol_Text, st.colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    probe::note_text(tr(st.key));
}

const char* activity_status_key(ActivityStatus s) {
    switch (s) {
    case ActivityStatus::planlagt: return "goals.activity.planlagt";
    case ActivityStatus::pagar: return "goals.activity.pagar";
    case ActivityStatus::fullfort: return "goals.activity.fullfort";
    case ActivityStatus::avbrutt: return "goals.activity.avbrutt";
    }
    return "";
}

const char* role_key(MeetingRole r) {
    switch (r) {
    case MeetingRole::leder: return "goals.role.leder";
    case MeetingRole::tillitsvalgt: return "goals.role.tillitsvalgt";
    case MeetingRole::verneombud: return "goals.role.verneombud";
    case MeetingRole::hr: return "goals.role.hr";
    case MeetingRole::bht: return "goals.role.bht";
    case MeetingRole::nav: return "goals.role.nav";
    case MeetingRole::annen: return "goals.role.annen";
    }
    return "";
}

std::string value_text(const ViewContext& ctx, const Goal& g, const GoalEvaluation& e, const std::optional<double>& v) {
    if (v) return number_text(*v, ctx) + (g.metric == GoalMetric::sick_leave ? " %" : "");
    if (e.no_access) return tr("goals.no_access");
    if (e.masked) return tr(e.mask_reason == MaskReason::protects_small_group ? "goals.masked_protects" : "goals.masked");
    return "–";
}

// A progress bar with the share written on it (fraction may exceed 1: the bar stops full).
void progress_bar(double fraction, const std::string& label) {
    ImGui::ProgressBar(static_cast<float>(std::clamp(fraction, 0.0, 1.0)), ImVec2(18 * ImGui::GetFontSize(), 0), label.c_str());
    probe::note_text(label);
}

// The metric per period with the baseline and target lines and the projection (draw lists).
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
    // The meeting count of this year, always in sight (UX.md: "IA-møter i år: 1 av 2").
    if (!overview.meeting_years.empty()) {
        const MeetingYear& y = overview.meeting_years.back();
        char buf[160];
        std::snprintf(buf, sizeof buf, tr("goals.meetings_this_year"), y.held + y.planned);
        if (y.warning) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1));
            ui::text((std::string("\xE2\x9A\xA0 ") + buf + "  " + tr("goals.plan_next")).c_str());
            ImGui::PopStyleColor();
        } else {
            ui::text((std::string("\xE2\x9C\x93 ") + buf).c_str());
        }
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
    if (editor) {
        ImGui::SameLine(0, em);
        ImGui::BeginChild("goals-editor", ImVec2(0, 0), ImGuiChildFlags_Border);
        if (tab == 1) draw_meeting_editor(ctx);
        else if (goal.open) draw_goal_editor(ctx);
        else draw_activity_editor(ctx);
        ImGui::EndChild();
    }
}

void GoalsView::draw_goals(ViewContext& ctx) {
    const auto& agreements = builtin_agreements();
    const Dataset& doc = ctx.doc.data;
    if (agreement < 0 || agreement >= static_cast<int>(agreements.size())) {
        // The newest dated agreement that has goals, else the newest dated agreement.
        int with_goals = -1, newest = 0;
        for (std::size_t i = 0; i < agreements.size(); ++i) {
            if (agreements[i].custom) continue;
            newest = static_cast<int>(i);
            for (const Goal& g : doc.goals)
                if (agreement_of_area(g.area) == &agreements[i]) with_goals = static_cast<int>(i);
        }
        agreement = with_goals >= 0 ? with_goals : newest;
    }
    const bool editable = ctx.can_edit(EditArea::organisation);
    ImGui::TextUnformatted(tr("goals.agreement"));
    ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
    const IaAgreement& shown = agreements[static_cast<std::size_t>(agreement)];
    if (ImGui::BeginCombo("##agreement", english(ctx) ? shown.name_en.c_str() : shown.name_nb.c_str())) {
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
    if (!shown.note.empty()) ImGui::TextDisabled("%s", tr("goals.agreement_note"));
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
    ImGui::PushID(area.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
    ImGui::BeginChild("card", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    ui::heading(ctx.theme.fonts.title, area_label(area, english(ctx)).c_str());
    if (def) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ui::label_text(english(ctx) ? def->duty_en.c_str() : def->duty_nb.c_str());
        ImGui::PopStyleColor();
    }
    if (!sum) {
        ImGui::TextDisabled("%s", tr("goals.card_empty"));
        if (ctx.can_edit(EditArea::organisation) && def) {
            if (def->result_goals && ImGui::SmallButton(tr("goals.new_result"))) start_goal(ctx, GoalKind::result, area);
            if (def->result_goals && def->activity_goals) ImGui::SameLine();
            if (def->activity_goals && ImGui::SmallButton(tr("goals.new_activity"))) start_goal(ctx, GoalKind::activity, area);
        }
    } else {
        char buf[200];
        std::snprintf(buf, sizeof buf, tr("goals.summary"), sum->goals, sum->reached, sum->on_track, sum->at_risk, sum->behind,
                      sum->activities_done, sum->activities_planned);
        ui::text(buf);
        if (sum->not_verifiable) {
            std::snprintf(buf, sizeof buf, tr("goals.summary_not_verifiable"), sum->not_verifiable);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1));
            ui::text((std::string("\xE2\x9A\xA0 ") + buf).c_str());
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

void GoalsView::draw_goal(ViewContext& ctx, const GoalEvaluation& e) {
    const Goal& g = *e.goal;
    const bool en = english(ctx);
    ImGui::PushID(g.id.c_str());
    ImGui::PushFont(ctx.theme.fonts.title);
    ui::text(g.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    goal_status_tag(e.status);
    ImGui::TextDisabled("%s · %s", g.kind == GoalKind::result ? tr("goals.kind.result") : tr("goals.kind.activity"),
                        (std::string(tr("goals.deadline")) + " " + (g.deadline ? format_date(*g.deadline, ctx.language) : "–")).c_str());
    if (g.kind == GoalKind::result) {
        std::string metric;
        if (g.metric == GoalMetric::recorded) metric = g.metric_name;
        else if (g.units.empty()) metric = tr("goals.whole_org");
        else
            for (const std::string& u : g.units) metric += (metric.empty() ? "" : ", ") + ctx.derived.unit_name(ctx.doc.data, u);
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
        if (e.progress) {
            std::string label = std::string(tr("goals.progress")) + ": " + format_decimal(round_percent(*e.progress * 100), 1, ctx.language) +
                                " % " + tr("goals.of_the_way");
            progress_bar(*e.progress, label);
            if (e.reduction) {
                const double r = round_percent(std::fabs(*e.reduction) * 100);
                ImGui::SameLine();
                ImGui::TextDisabled("%s %s", (format_decimal(r, 1, ctx.language) + " %").c_str(),
                                    *e.reduction >= 0 ? tr("goals.reduction") : tr("goals.increase"));
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
    ImGui::TextDisabled("%s", (en ? e.reason.en : e.reason.nb).c_str());
    probe::note_text(en ? e.reason.en : e.reason.nb);
    if (!e.verifiable) {
        std::string why;
        for (const Flag& f : e.not_verifiable) why += (why.empty() ? "" : ", ") + (en ? f.en : f.nb);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1));
        ui::label_text((std::string("\xE2\x9A\xA0 ") + tr("goals.not_verifiable") + ": " + why).c_str());
        ImGui::PopStyleColor();
    }
    // Activities: a checklist with status.
    const bool editable = ctx.can_edit(EditArea::organisation);
    if (e.activities_planned + e.activities_cancelled > 0) {
        if (e.activity_progress) {
            char buf[96];
            std::snprintf(buf, sizeof buf, tr("goals.activities_done"), e.activities_done, e.activities_planned);
            progress_bar(*e.activity_progress, buf);
        }
        for (const GoalActivity& a : ctx.doc.data.goal_activities) {
            if (a.goal != g.id) continue;
            ImGui::PushID(a.id.c_str());
            const char* box = a.status == ActivityStatus::fullfort ? "[\xE2\x9C\x93]" : a.status == ActivityStatus::avbrutt ? "[\xE2\x80\x93]" : "[ ]";
            ImGui::TextUnformatted(box);
            ImGui::SameLine();
            ui::text(a.title.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s · %s", a.owner.empty() ? "–" : a.owner.c_str(),
                                a.planned ? format_date(*a.planned, ctx.language).c_str() : "–");
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
        ImGui::TextDisabled("%s", tr("goals.no_activities"));
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
            char buf[240];
            std::snprintf(buf, sizeof buf, tr("goals.remove_confirm"), g.title.c_str(), static_cast<int>(dep.activities),
                          static_cast<int>(dep.decisions));
            ui::label_text(buf);
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
    goal.metric = g.metric == GoalMetric::sick_leave ? 0 : 1;
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
    ImGui::TextDisabled("ID %s", goal.id.c_str());
    ImGui::RadioButton(tr("goals.kind.result"), &goal.kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("goals.kind.activity"), &goal.kind, 1);
    ui::input_text(tr("goals.field.title"), "goal-title", goal.title, 24);
    ui::field_problem(problems, "title", en);
    // Area: the built-in areas, or a custom text.
    ImGui::TextUnformatted(tr("goals.field.area"));
    ImGui::SetNextItemWidth(24 * ImGui::GetFontSize());
    const std::string current = goal.area.empty() ? std::string(tr("goals.custom_area")) : area_label(goal.area, en);
    if (ImGui::BeginCombo("##goal-area", current.c_str())) {
        for (const IaAgreement& a : builtin_agreements()) {
            ImGui::TextDisabled("%s", (en ? a.name_en : a.name_nb).c_str());
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
        ImGui::TextUnformatted(tr("goals.metric"));
        ImGui::RadioButton(tr("goals.metric.sick_leave"), &goal.metric, 0);
        ImGui::SameLine();
        ImGui::RadioButton(tr("goals.metric.recorded"), &goal.metric, 1);
        if (goal.metric == 0) {
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
                if (ImGui::Checkbox(u.name.c_str(), &on)) {
                    if (on) goal.units.push_back(u.id);
                    else goal.units.erase(std::remove(goal.units.begin(), goal.units.end(), u.id), goal.units.end());
                }
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
        ImGui::BeginGroup();
        ui::input_text(tr("goals.field.baseline_period"), "goal-baseline-period", goal.baseline_period, 8);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        ui::input_text(tr("goals.field.baseline_value"), "goal-baseline-value", goal.baseline_value, 8);
        ImGui::EndGroup();
        help(tr("goals.baseline_period_help"));
        help(tr("goals.baseline_value_help"));
        ui::field_problem(problems, "baseline_period", en);
        ui::field_problem(problems, "baseline_value", en);
        ImGui::BeginGroup();
        ui::input_text(tr("goals.field.target_change"), "goal-target-change", goal.target_change, 8);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        ui::input_text(tr("goals.field.target_value"), "goal-target-value", goal.target_value, 8);
        ImGui::EndGroup();
        help(tr("goals.target_help"));
        ui::field_problem(problems, "target_change", en);
        ui::field_problem(problems, "target_value", en);
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
    ui::problem_summary(problems, en);
    if (ui::primary_button(tr("goals.save_goal"))) save_goal(ctx);
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) goal = GoalForm{};
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
        g.metric = goal.metric == 0 ? GoalMetric::sick_leave : GoalMetric::recorded;
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
    CommandResult r = goal.is_new ? add_goal(ctx.doc.data, g) : update_goal(ctx.doc.data, goal.id, g);
    if (!r.ok()) { p = std::move(r.problems); return; }
    ctx.commands.push_back(std::move(*r.command));
    goal = GoalForm{};
}

void GoalsView::draw_activity_editor(ViewContext& ctx) {
    const bool en = english(ctx);
    ui::heading(ctx.theme.fonts.title, activity.is_new ? tr("goals.new_activity_for") : activity.title.c_str());
    std::string goal_title = activity.goal;
    for (const Goal& g : ctx.doc.data.goals)
        if (g.id == activity.goal) goal_title = g.title;
    ImGui::TextDisabled("%s: %s", tr("goals.for_goal"), goal_title.c_str());
    ui::input_text(tr("goals.field.activity_title"), "act-title", activity.title, 24);
    ui::field_problem(activity.problems, "title", en);
    ui::input_text(tr("goals.field.owner"), "act-owner", activity.owner, 24);
    ui::date_input(tr("goals.field.planned"), "act-planned", activity.planned);
    ui::field_problem(activity.problems, "planned", en);
    ImGui::TextUnformatted(tr("goals.field.status"));
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        ImGui::RadioButton(tr(activity_status_key(kStatuses[i])), &activity.status, i);
    }
    ui::input_text(tr("goals.field.note"), "act-note", activity.note, 24);
    ui::problem_summary(activity.problems, en);
    if (ui::primary_button(tr("goals.save_activity"))) save_activity(ctx);
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) activity = ActivityForm{};
    if (!activity.is_new) {
        ImGui::SameLine();
        if (ImGui::Button(tr("goals.remove"))) {
            ctx.submit(remove_activity(ctx.doc.data, activity.id));
            activity = ActivityForm{};
        }
    }
}

void GoalsView::save_activity(ViewContext& ctx) {
    activity.problems.clear();
    GoalActivity a;
    a.id = activity.id;
    a.goal = activity.goal;
    a.title = activity.title;
    a.owner = activity.owner;
    a.note = activity.note;
    a.status = kStatuses[std::clamp(activity.status, 0, 3)];
    if (!activity.planned.empty()) {
        if (auto d = parse_date(activity.planned)) a.planned = *d;
        else activity.problems.push_back({"planned", "Ikke en gyldig dato (dd.mm.åååå)", "Not a valid date (dd.mm.yyyy)"});
    }
    if (!activity.is_new) {
        for (const GoalActivity& old : ctx.doc.data.goal_activities)
            if (old.id == a.id) a.done = old.done;
    }
    if (a.status == ActivityStatus::fullfort && !a.done) a.done = ctx.today;
    if (a.status != ActivityStatus::fullfort) a.done.reset();
    if (!activity.problems.empty()) return;
    CommandResult r = activity.is_new ? add_activity(ctx.doc.data, a) : update_activity(ctx.doc.data, a.id, a);
    if (!r.ok()) { activity.problems = std::move(r.problems); return; }
    ctx.commands.push_back(std::move(*r.command));
    activity = ActivityForm{};
}

void GoalsView::draw_meetings(ViewContext& ctx) {
    const bool editable = ctx.can_edit(EditArea::organisation);
    ui::label_text(tr("goals.meetings_intro"));
    for (const MeetingYear& y : overview.meeting_years) {
        char buf[200];
        std::snprintf(buf, sizeof buf, tr("goals.meeting_year"), y.year, y.held, y.planned);
        std::string line = std::string(y.warning ? "\xE2\x9A\xA0 " : "\xE2\x9C\x93 ") + buf;
        if (y.warning) line += std::string("  ") + tr("goals.meeting_warning");
        if (y.not_counting) {
            std::snprintf(buf, sizeof buf, tr("goals.meeting_not_counting"), y.not_counting);
            line += std::string("  ") + buf;
        }
        if (y.warning) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1));
        ui::text(line.c_str());
        if (y.warning) ImGui::PopStyleColor();
    }
    if (editable && ui::primary_button(tr("goals.new_meeting"))) {
        meeting = MeetingForm{};
        meeting.open = meeting.is_new = true;
        meeting.id = next_meeting_id(ctx.doc.data);
        meeting.date = format_norwegian(ctx.today);
        meeting.attendees = {{0, ""}, {1, ""}};
    }
    ImGui::Spacing();
    const Dataset& doc = ctx.doc.data;
    if (doc.ia_meetings.empty()) ui::label_text(tr("goals.meetings_empty"));
    std::vector<const IaMeeting*> list;
    for (const IaMeeting& m : doc.ia_meetings) list.push_back(&m);
    std::sort(list.begin(), list.end(), [](const IaMeeting* a, const IaMeeting* b) { return b->date < a->date; });
    for (const IaMeeting* m : list) {
        ImGui::PushID(m->id.c_str());
        ImGui::Separator();
        ImGui::PushFont(ctx.theme.fonts.title);
        ui::text(format_date(m->date, ctx.language).c_str());
        ImGui::PopFont();
        if (!meeting_counts(*m)) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.70f, 0.10f, 0.10f, 1), "\xE2\x9A\xA0 %s", tr("goals.meeting_does_not_count"));
        }
        std::string who;
        for (const MeetingAttendee& a : m->attendees)
            who += (who.empty() ? "" : ", ") + (a.name.empty() ? std::string() : a.name + " ") + "(" + tr(role_key(a.role)) + ")";
        ui::label_text((std::string(tr("goals.attendees")) + ": " + who).c_str());
        if (!m->minutes.empty()) ui::label_text(m->minutes.c_str());
        for (const MeetingDecision& d : m->decisions) {
            std::string line = "\xE2\x80\xA2 " + d.text;
            for (const std::string& gid : d.goals) line += " [" + gid + "]";
            ui::label_text(line.c_str());
        }
        if (editable && ImGui::SmallButton(tr("goals.edit"))) {
            meeting = MeetingForm{};
            meeting.open = true;
            meeting.id = m->id;
            meeting.date = format_norwegian(m->date);
            meeting.minutes = m->minutes;
            for (const MeetingAttendee& a : m->attendees)
                meeting.attendees.emplace_back(static_cast<int>(std::find(std::begin(kRoles), std::end(kRoles), a.role) - std::begin(kRoles)), a.name);
            for (const MeetingDecision& d : m->decisions) meeting.decisions.emplace_back(d.text, d.goals);
        }
        ImGui::PopID();
    }
}

void GoalsView::draw_meeting_editor(ViewContext& ctx) {
    const bool en = english(ctx);
    ui::heading(ctx.theme.fonts.title, meeting.is_new ? tr("goals.new_meeting") : tr("goals.edit_meeting"));
    ui::date_input(tr("goals.field.meeting_date"), "meeting-date", meeting.date);
    ui::field_problem(meeting.problems, "date", en);
    ImGui::TextUnformatted(tr("goals.attendees"));
    help(tr("goals.attendees_help"));
    int remove = -1;
    for (std::size_t i = 0; i < meeting.attendees.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        auto& [role, name] = meeting.attendees[i];
        ImGui::SetNextItemWidth(9 * ImGui::GetFontSize());
        if (ImGui::BeginCombo("##role", tr(role_key(kRoles[std::clamp(role, 0, 6)])))) {
            for (int r = 0; r < 7; ++r)
                if (ImGui::Selectable(tr(role_key(kRoles[r])), r == role)) role = r;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
        ImGui::InputText("##name", name.data(), name.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                         [](ImGuiInputTextCallbackData* d) {
                             auto* s = static_cast<std::string*>(d->UserData);
                             s->resize(static_cast<std::size_t>(d->BufTextLen));
                             d->Buf = s->data();
                             return 0;
                         },
                         &name);
        ImGui::SameLine();
        if (ImGui::SmallButton("\xE2\x80\x93")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) meeting.attendees.erase(meeting.attendees.begin() + remove);
    if (ImGui::SmallButton(tr("goals.add_attendee"))) meeting.attendees.emplace_back(0, "");
    ui::input_text(tr("goals.field.minutes"), "meeting-minutes", meeting.minutes, 24);
    ImGui::TextUnformatted(tr("goals.decisions"));
    remove = -1;
    for (std::size_t i = 0; i < meeting.decisions.size(); ++i) {
        ImGui::PushID(static_cast<int>(100 + i));
        auto& [text, goals] = meeting.decisions[i];
        ui::input_text(tr("goals.field.decision"), "decision", text, 24);
        ui::field_problem(meeting.problems, ("decisions/" + std::to_string(i) + "/text").c_str(), en);
        ImGui::TextDisabled("%s", tr("goals.decision_goals"));
        for (const Goal& g : ctx.doc.data.goals) {
            bool on = std::find(goals.begin(), goals.end(), g.id) != goals.end();
            if (ImGui::Checkbox((g.id + " " + g.title).c_str(), &on)) {
                if (on) goals.push_back(g.id);
                else goals.erase(std::remove(goals.begin(), goals.end(), g.id), goals.end());
            }
        }
        if (ImGui::SmallButton(tr("goals.remove_decision"))) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) meeting.decisions.erase(meeting.decisions.begin() + remove);
    if (ImGui::SmallButton(tr("goals.add_decision"))) meeting.decisions.emplace_back();
    ui::problem_summary(meeting.problems, en);
    if (ui::primary_button(tr("goals.save_meeting"))) save_meeting(ctx);
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) meeting = MeetingForm{};
    if (!meeting.is_new) {
        ImGui::SameLine();
        if (ImGui::Button(tr("goals.remove"))) {
            ctx.submit(remove_meeting(ctx.doc.data, meeting.id));
            meeting = MeetingForm{};
        }
    }
}

void GoalsView::save_meeting(ViewContext& ctx) {
    meeting.problems.clear();
    IaMeeting m;
    m.id = meeting.id;
    if (auto d = parse_date(meeting.date)) m.date = *d;
    else meeting.problems.push_back({"date", "Møtedatoen mangler eller er ikke en gyldig dato (dd.mm.åååå)",
                                     "The meeting date is missing or not a valid date (dd.mm.yyyy)"});
    for (const auto& [role, name] : meeting.attendees) m.attendees.push_back({kRoles[std::clamp(role, 0, 6)], name});
    m.minutes = meeting.minutes;
    for (const auto& [text, goals] : meeting.decisions) m.decisions.push_back({text, goals});
    if (!meeting.problems.empty()) return;
    CommandResult r = meeting.is_new ? add_meeting(ctx.doc.data, m) : update_meeting(ctx.doc.data, m.id, m);
    if (!r.ok()) { meeting.problems = std::move(r.problems); return; }
    ctx.commands.push_back(std::move(*r.command));
    meeting = MeetingForm{};
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
