// Helpers shared by the IA-mål page's files (goals_view, goal_editor, activity_editor,
// meeting_editor): the status and role lists in their stored order, the inline help line and
// the number parsing of the editors. Internal to src/app/views.
#pragma once

#include "app/view_context.hpp"
#include "iadesk/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace iadesk::app::goals_ui {

inline constexpr ActivityStatus kStatuses[] = {ActivityStatus::planlagt, ActivityStatus::pagar, ActivityStatus::fullfort,
                                               ActivityStatus::avbrutt};
inline constexpr MeetingRole kRoles[] = {MeetingRole::leder, MeetingRole::tillitsvalgt, MeetingRole::verneombud,
                                         MeetingRole::hr,    MeetingRole::bht,          MeetingRole::nav,
                                         MeetingRole::annen};

inline bool english(const ViewContext& ctx) { return ctx.language == Language::en; }
// One sentence of inline help under a field, wrapped, in the muted colour.
void help(const char* text);
// "5,6", "-20 %", "−3" (a typographic minus) as a number; nullopt when it is not one.
std::optional<double> parse_number(std::string s);
// A stored number as the editors show it: no decimals when whole, else one, decimal comma.
std::string opt_text(const std::optional<double>& v);
const char* activity_status_key(ActivityStatus s); // a translation key
const char* role_key(MeetingRole r);               // a translation key

// What the user chose at the end of an editor (form_buttons).
enum class FormAction { none, save, cancel, remove };
// The end of an editor: its problems, then Save (`save_key`), Cancel and, for a stored record
// (`stored`), Remove. The caller saves, or empties the form, or removes the record and empties it.
FormAction form_buttons(const std::vector<Problem>& problems, bool en, const char* save_key, bool stored);

} // namespace iadesk::app::goals_ui
