// format: dates, numbers and statuses as the user reads them, in the current language
// (bokmål: dd.mm.yyyy and decimal comma; English: ISO dates and decimal point).
#pragma once

#include "app/i18n.hpp"
#include "iadesk/calendar.hpp"
#include "iadesk/milestones.hpp"
#include "iadesk/model.hpp"

#include <imgui.h>

#include <string>

namespace iadesk::app {

std::string format_date(Date d, Language lang);
std::string relative_days(Date d, Date today); // "i dag", "i morgen", "om 3 dager", "for 2 dager siden"
// The app's one number-to-text step: `decimals` digits after a decimal comma (bokmål) or point
// (English), no thousands separator: format_decimal(6.5, 1, nb) == "6,5".
std::string format_decimal(double value, int decimals, Language lang);
// A time of day as "14:05" (both languages).
std::string format_clock(int hour, int minute);
// An agreed egenmelding rule in words, e.g. "8 dager om gangen, 24 dager per 12 måneder, fra 01.03.2024".
std::string describe_egenmelding_rule(const EgenmeldingRule& rule, Language lang);
// Case-insensitive (ASCII) substring match for list filters; Norwegian letters match exactly.
bool contains_ci(const std::string& hay, const std::string& needle);

struct StatusLook {
    const char* icon;     // a glyph, so status is never told by colour alone
    const char* word_key; // translation key
    ImVec4 colour;        // of the theme in use (theme.hpp colours())
};
StatusLook status_look(MilestoneStatus s);
// Ordering for "most urgent first": overdue, due_soon, upcoming, on_request, done, exempt, n/a.
int status_urgency(MilestoneStatus s);

} // namespace iadesk::app
