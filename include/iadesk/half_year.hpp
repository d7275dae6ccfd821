// half_year: the enterprise's texts of the IA half-year report and the tillitsvalgt's sign-off
// (HalfYearReport in model.hpp; sintef-ia-2013 kap. 2.3.1 for the three points; docs/domain.md:
// Roles and privacy; IA goals), checked edits in the style of goal_commands.hpp.
//
// Contract
// - One record per period (year 1900-2200, half 1 or 2); Dataset::half_year_reports is kept sorted
//   by (year, half). Texts are at most kMaxTextBytes (10 000) bytes each, like every free text
//   (dataset_internal.hpp); `successful_activity` is empty or the id of an existing activity.
// - Problems name the field with the file's JSON names ("year", "half", "key_experience",
//   "deviations", "successful_activity", "successful_text", "signed_off/name",
//   "signed_off/date"), in bokmål and English; the builders never throw.
// - Roles are checked here, not only in the UI (access.hpp): only may_write_half_year (HR /
//   employer) sets the texts; only may_sign_off_half_year (the tillitsvalgt) signs or withdraws a
//   sign-off. Manager and employee may do neither; every role may read the reports.
// - A sign-off vouches for the texts as they were: set_half_year_texts that CHANGES a text of a
//   signed period CLEARS the sign-off (the report then says "Ikke gjennomgått med tillitsvalgt"
//   until the tillitsvalgt signs again), and its description says so. Saving unchanged texts
//   keeps it. Undo restores the texts and the sign-off. (Clearing, not flagging: a flag would
//   leave a name under texts the person never saw.) The computed parts of the report (the
//   deviations table, the figures) are not covered by the sign-off.
// - A period whose texts are all empty and that is not signed is removed rather than stored.
// - Every command replaces the whole (short) list, so undo restores the exact previous state.
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/commands.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

const HalfYearReport* find_half_year(const Dataset& ds, int year, int half);
std::string half_year_label(int year, int half); // "2. halvår 2026"

// Sets the four texts of (texts.year, texts.half); texts.signed_off is ignored. merge_key
// "half_year:<year>-<half>" (typing in one field is one undo step).
CommandResult set_half_year_texts(const Dataset& ds, const Role& role, HalfYearReport texts);
// Records "gjennomgått med tillitsvalgt" by `name` on `today` (signing again replaces it).
CommandResult sign_off_half_year(const Dataset& ds, const Role& role, int year, int half, std::string name, Date today);
CommandResult withdraw_half_year_sign_off(const Dataset& ds, const Role& role, int year, int half);

} // namespace iadesk
