// The IA meetings tab: the meeting log with the two-a-year count, and the meeting editor.
#include "app/views/goals_view.hpp"
#include "app/views/goals_parts.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <iterator>

namespace iadesk::app {
using namespace goals_ui;

void GoalsView::draw_meetings(ViewContext& ctx) {
    const bool editable = ctx.can_edit(EditArea::organisation);
    ui::label_text(tr("goals.meetings_intro"));
    for (const MeetingYear& y : overview.meeting_years) {
        std::string line = trf("goals.meeting_year", fmt::arg("year", y.year), fmt::arg("held", y.held), fmt::arg("planned", y.planned));
        if (y.below_good_practice) line += std::string("  ") + tr("goals.meeting_below_practice");
        if (y.not_counting) line += "  " + trf("goals.meeting_not_counting", fmt::arg("count", y.not_counting));
        ui::text(line.c_str());
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
        ui::push_id(m->id);
        ImGui::Separator();
        ImGui::PushFont(ctx.theme.fonts.title);
        ui::text(format_date(m->date, ctx.language).c_str());
        ImGui::PopFont();
        if (!meeting_counts(*m)) {
            ImGui::SameLine();
            ui::coloured_line(colours().text_error,
                              (std::string("\xE2\x9A\xA0 ") + tr("goals.meeting_does_not_count")).c_str());
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
    ui::text(tr("goals.attendees"));
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
        ui::search_box(tr("goals.attendee_name"), "name", name, 12);
        ImGui::SameLine();
        if (ImGui::SmallButton("\xE2\x80\x93")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) meeting.attendees.erase(meeting.attendees.begin() + remove);
    if (ImGui::SmallButton(tr("goals.add_attendee"))) meeting.attendees.emplace_back(0, "");
    ui::input_text(tr("goals.field.minutes"), "meeting-minutes", meeting.minutes, 24);
    ui::text(tr("goals.decisions"));
    remove = -1;
    for (std::size_t i = 0; i < meeting.decisions.size(); ++i) {
        ImGui::PushID(static_cast<int>(100 + i));
        auto& [text, goals] = meeting.decisions[i];
        ui::input_text(tr("goals.field.decision"), "decision", text, 24);
        ui::field_problem(meeting.problems, ("decisions/" + std::to_string(i) + "/text").c_str(), en);
        ui::muted_line(tr("goals.decision_goals"));
        for (const Goal& g : ctx.doc.data.goals) {
            bool on = std::find(goals.begin(), goals.end(), g.id) != goals.end();
            ui::push_id(g.id);
            if (ui::checkbox(g.id + " " + g.title, "goal", &on)) {
                if (on) goals.push_back(g.id);
                else goals.erase(std::remove(goals.begin(), goals.end(), g.id), goals.end());
            }
            ImGui::PopID();
        }
        if (ImGui::SmallButton(tr("goals.remove_decision"))) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) meeting.decisions.erase(meeting.decisions.begin() + remove);
    if (ImGui::SmallButton(tr("goals.add_decision"))) meeting.decisions.emplace_back();
    const FormAction action = form_buttons(meeting.problems, en, "goals.save_meeting", !meeting.is_new);
    if (action == FormAction::save) save_meeting(ctx);
    if (action == FormAction::remove) ctx.submit(remove_meeting(ctx.doc.data, meeting.id));
    if (action == FormAction::remove || action == FormAction::cancel) meeting = MeetingForm{};
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
    if (!ctx.submit_to(meeting.is_new ? add_meeting(ctx.doc.data, m) : update_meeting(ctx.doc.data, m.id, m), meeting.problems))
        return;
    meeting = MeetingForm{};
}

} // namespace iadesk::app
