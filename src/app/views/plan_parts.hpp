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

// A choice of `count` `items` (translated texts) beside a row's field (`width_em` wide, greyed when read
// only), the chosen one findable by tests; true when the user changed `chosen`.
bool row_combo(const char* id, int& chosen, const char* const* items, int count, float width_em, bool read_only);

// Opens the modal dialog `id` when `open_request` is set (clearing it and the dialog's problems);
// true while it is open: the caller draws it, then dialog_buttons, then ImGui::EndPopup().
// A modal dialog titled by the translation of `title_key` (its id fixed whatever the language).
bool begin_dialog(const char* title_key, const char* id, bool& open_request, std::vector<Problem>& problems);
// A dialog's problems, its primary button (`save_key`) and Cancel (which closes it); true when the
// primary button was pressed.
bool dialog_buttons(const std::vector<Problem>& problems, bool en, const char* save_key);

// Draws each row of a list part under its own ID (`id_base` + its index): `draw(row, index)`, then
// "Fjern" on the same line when the plan is editable. A removed row is erased at once and ends the
// pass (the vector changed under it; the next frame draws the rest).
template <class Row, class Draw>
void editable_rows(std::vector<Row>& rows, int id_base, bool read_only, Draw&& draw) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(id_base + static_cast<int>(i));
        draw(rows[i], i);
        bool removed = false;
        if (!read_only) {
            ImGui::SameLine();
            removed = ImGui::SmallButton(tr("plan.remove"));
        }
        ImGui::PopID();
        if (removed) {
            rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
}

} // namespace iadesk::app::plans_ui
