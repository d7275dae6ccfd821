// Sykefraværstilfelle (case view): one employee's open case — header, the sick-pay account
// (NAV days, days left, maksdato, why no sick pay, a fresh right, the holiday note), a timeline
// of weeks 0-52 with the milestones and today's line, and the milestone list where a milestone
// is marked done or exempt (with a reason). Reached from Oversikt.
#pragma once

#include "app/view_context.hpp"

#include <string>

namespace iadesk::app {

struct CaseView {
    std::string employee_id;       // whose case is shown
    std::string exempt_milestone;  // the milestone whose exemption dialog is open
    std::string exempt_reason = "Åpenbart unødvendig";

    void draw(ViewContext& ctx);

private:
    void draw_sick_pay(const ViewContext& ctx, const SicknessCase& c);
    void draw_timeline(const ViewContext& ctx, const CaseSchedule& s);
    void draw_milestones(ViewContext& ctx, const CaseSchedule& s);
    void draw_exempt_dialog(ViewContext& ctx, const CaseSchedule& s);
};

} // namespace iadesk::app
