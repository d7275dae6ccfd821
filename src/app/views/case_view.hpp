// Sykefraværstilfelle (case view): one employee's open case — header, the sick-pay account
// (NAV days, days left, maksdato, why no sick pay, a fresh right, the holiday note), a timeline
// of weeks 0-52 with the milestones and today's line, and the milestone list with what was
// recorded (date, who took part, note). Reached from Oversikt.
//
// Contract
// - "Marker utført" and "Unntak" open a dialog (case_mark_dialog.cpp) that asks for the real date
//   (dd.mm.yyyy, today by default; the core refuses a date after today or before the case start),
//   and for a done mark who took part and a note, for an exemption the reason. A recorded mark can
//   be edited in the same dialog (update_milestone_event) or removed; marks that come from the
//   follow-up plan are changed in the plan. In the dialog focus starts in the date field, Enter
//   saves and Escape cancels. The diagnosis guard warns under the note and participants as they
//   are typed (guard_note.hpp), without blocking.
// - A record is found again in the whole document by value when it is saved or removed (the
//   list shows the role's copy; positions differ).
#pragma once

#include "app/view_context.hpp"
#include "app/views/guard_note.hpp"

#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

// The dialog's state: what is being recorded or edited and the fields as typed.
struct MilestoneMarkForm {
    std::string milestone;                 // rule id of the milestone
    std::string label;                     // its name in the language shown, for the title
    EventStatus status = EventStatus::done;
    std::optional<MilestoneEvent> editing; // the recorded mark being edited; nullopt = a new mark
    std::string date, participants, note;
    std::vector<Problem> problems;
    bool open_request = false;
    GuardedText participants_guard, note_guard;
};

// The position of a recorded mark in `whole`'s milestone_events, found by value; nullopt when gone.
std::optional<std::size_t> find_event(const Dataset& whole, const MilestoneEvent& ev);
const char* milestone_label(const MilestoneRule& r, Language lang);

struct CaseView {
    std::string employee_id;       // whose case is shown
    MilestoneMarkForm mark;

    void draw(ViewContext& ctx);

private:
    void draw_sick_pay(const ViewContext& ctx, const SicknessCase& c);
    void draw_timeline(const ViewContext& ctx, const CaseSchedule& s);
    void draw_milestones(ViewContext& ctx, const CaseSchedule& s);
    void draw_recorded(const ViewContext& ctx, const MilestoneEvent& ev);
    void draw_milestone_actions(ViewContext& ctx, const CaseSchedule& s, const Milestone& m, bool may_mark);
    void draw_milestone_cards(ViewContext& ctx, const CaseSchedule& s, bool may_mark); // narrow screens (case_cards.cpp)
    // case_mark_dialog.cpp
    void open_mark(const ViewContext& ctx, const Milestone& m, EventStatus status, const MilestoneEvent* editing);
    void draw_mark_dialog(ViewContext& ctx, const CaseSchedule& s);
};

} // namespace iadesk::app
