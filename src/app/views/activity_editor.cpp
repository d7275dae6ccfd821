// The activity editor of IA-mål: one activity of a goal, its status and planned date.
#include "app/views/goals_view.hpp"
#include "app/views/goals_parts.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
using namespace goals_ui;

void GoalsView::draw_activity_editor(ViewContext& ctx) {
    const bool en = english(ctx);
    ui::heading(ctx.theme.fonts.title, activity.is_new ? tr("goals.new_activity_for") : activity.title.c_str());
    std::string goal_title = activity.goal;
    for (const Goal& g : ctx.doc.data.goals)
        if (g.id == activity.goal) goal_title = g.title;
    ui::muted_line(fmt::format("{}: {}", tr("goals.for_goal"), goal_title).c_str());
    ui::input_text(tr("goals.field.activity_title"), "act-title", activity.title, 24);
    ui::field_problem(activity.problems, "title", en);
    ui::input_text(tr("goals.field.owner"), "act-owner", activity.owner, 24);
    ui::date_input(tr("goals.field.planned"), "act-planned", activity.planned);
    ui::field_problem(activity.problems, "planned", en);
    ui::text(tr("goals.field.status"));
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        ImGui::RadioButton(tr(activity_status_key(kStatuses[i])), &activity.status, i);
    }
    ui::input_text(tr("goals.field.note"), "act-note", activity.note, 24);
    const FormAction action = form_buttons(activity.problems, en, "goals.save_activity", !activity.is_new);
    if (action == FormAction::save) save_activity(ctx);
    if (action == FormAction::remove) ctx.submit(remove_activity(ctx.doc.data, activity.id));
    if (action == FormAction::remove || action == FormAction::cancel) activity = ActivityForm{};
}

void GoalsView::save_activity(ViewContext& ctx) {
    activity.problems.clear();
    GoalActivity a{.id = activity.id,
                   .goal = activity.goal,
                   .title = activity.title,
                   .owner = activity.owner,
                   .status = kStatuses[std::clamp(activity.status, 0, 3)],
                   .note = activity.note};
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
    if (!ctx.submit_to(activity.is_new ? add_activity(ctx.doc.data, a) : update_activity(ctx.doc.data, a.id, a), activity.problems))
        return;
    activity = ActivityForm{};
}

} // namespace iadesk::app
