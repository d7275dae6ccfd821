#include "app/views/goals_parts.hpp"

#include "app/format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace iadesk::app::goals_ui {

void help(const char* text) { ui::muted_text(text); }

std::optional<double> parse_number(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.rfind("\xE2\x88\x92", 0) == 0) s = "-" + s.substr(3); // a typographic minus
    if (!s.empty() && s.back() == '%') s.pop_back();
    std::replace(s.begin(), s.end(), ',', '.');
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string opt_text(const std::optional<double>& v) {
    if (!v) return {};
    return format_decimal(*v, std::floor(*v) == *v ? 0 : 1, Language::nb);
}

namespace {

// The translation keys of kStatuses and kRoles, in their order.
constexpr const char* kStatusKeys[] = {"goals.activity.planlagt", "goals.activity.pagar", "goals.activity.fullfort",
                                       "goals.activity.avbrutt"};
constexpr const char* kRoleKeys[] = {"goals.role.leder", "goals.role.tillitsvalgt", "goals.role.verneombud",
                                     "goals.role.hr",    "goals.role.bht",          "goals.role.nav",
                                     "goals.role.annen"};
static_assert(std::size(kStatusKeys) == std::size(kStatuses) && std::size(kRoleKeys) == std::size(kRoles));

template <class Value, std::size_t N>
const char* key_of(Value v, const Value (&values)[N], const char* const (&keys)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (values[i] == v) return keys[i];
    return "";
}

} // namespace

const char* activity_status_key(ActivityStatus s) { return key_of(s, kStatuses, kStatusKeys); }
const char* role_key(MeetingRole r) { return key_of(r, kRoles, kRoleKeys); }

FormAction form_buttons(const std::vector<Problem>& problems, bool en, const char* save_key, bool stored) {
    ui::problem_summary(problems, en);
    FormAction action = FormAction::none;
    if (ui::primary_button(tr(save_key))) action = FormAction::save;
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) action = FormAction::cancel;
    if (stored) {
        ImGui::SameLine();
        if (ImGui::Button(tr("goals.remove"))) action = FormAction::remove;
    }
    return action;
}

} // namespace iadesk::app::goals_ui
