// The half-year report on the IA work in the IA-mål reports tab: the enterprise's texts of one half
// year (sintef-ia-2013 kap. 2.3.1: key experience, deviations from the plan, the most successful activity and
// why), the tillitsvalgt's sign-off, and the printable report (half_year.hpp, goals.hpp).
//
// Contract
// - The texts are stored in the document per (year, half) through set_half_year_texts when "Lagre"
//   is pressed (one command, one undo step); the fields show the stored texts of the chosen half
//   year and are reloaded when the half year or the document changes, unless unsaved edits exist.
// - HR (may_write_half_year) gets the editor; other roles read the texts. The tillitsvalgt
//   (may_sign_off_half_year) gets a name field and "Signer" / "Trekk tilbake". Never in a
//   read-only tab. The core refuses the same (half_year.hpp), so this only hides what would fail.
// - Saving changed texts of a signed half year clears the sign-off: the editor says so before.
// - "Skriv ut" prints the stored texts (half_year_report_html with year and half).
#pragma once

#include "app/view_context.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/goals.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace iadesk::app {

struct HalfYearEditor {
    int year = 0, half = 1;        // 0 = not chosen yet: the half year containing today
    std::string key_experience, deviations, successful_activity, successful_text;
    std::string signer;            // the tillitsvalgt's name for the sign-off
    std::vector<Problem> problems;

    void draw(ViewContext& ctx, const GoalsOverview& overview);

private:
    int loaded_year = 0, loaded_half = 0;
    uint64_t loaded_revision = UINT64_MAX;
    bool dirty = false;
    void load(const ViewContext& ctx);
    void save(ViewContext& ctx);
};

} // namespace iadesk::app
