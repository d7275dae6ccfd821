// Helpers shared by the plan editor's files (plan_editor: the page and the list, plan_version_editor:
// the toolbar and the parts of a version, plan_dialogs: start, versions and sharing, and the
// dialogs). Internal to src/app/views.
#pragma once

#include "app/view_context.hpp"
#include "app/widgets.hpp"
#include "iadesk/plans.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace iadesk::app::plans_ui {

inline constexpr const char* kRecipients[] = {"sykmelder", "nav", "arbeidstaker", "bht", "annen"};
inline constexpr const char* kRecipientKeys[] = {"plan.to_sykmelder", "plan.to_nav", "plan.to_employee",
                                                 "plan.to_bht", "plan.to_other"};

inline bool english(const ViewContext& ctx) { return ctx.language == Language::en; }
// Who starts a version or an exemption (PlanVersion::created_by): the role's name in bokmål.
std::string actor(const ViewContext& ctx);
std::string date_text(const std::optional<Date>& d); // dd.mm.yyyy, or "" when unset
const char* plan_state_key(const Plan* p);
void hint_line(const QualityHint& h, bool en);
// Inline hints for one part (field) of the plan.
void hints_for(const PlanQuality& q, const char* field, bool en);
void section(const ViewContext& ctx, const char* key); // a part's heading

// Draws "Fjern" on the same line when the plan is editable; when pressed, erases row `i` of `rows`
// and returns true: the caller pops its ID and stops iterating, since the vector changed under it.
template <class Row>
bool remove_row_button(std::vector<Row>& rows, std::size_t i, bool read_only) {
    if (read_only) return false;
    ImGui::SameLine();
    if (!ImGui::SmallButton(tr("plan.remove"))) return false;
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

} // namespace iadesk::app::plans_ui
