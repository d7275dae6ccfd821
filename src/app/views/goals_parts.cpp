#include "app/views/goals_parts.hpp"

#include "app/format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

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

const char* activity_status_key(ActivityStatus s) {
    switch (s) {
    case ActivityStatus::planlagt: return "goals.activity.planlagt";
    case ActivityStatus::pagar: return "goals.activity.pagar";
    case ActivityStatus::fullfort: return "goals.activity.fullfort";
    case ActivityStatus::avbrutt: return "goals.activity.avbrutt";
    }
    return "";
}

const char* role_key(MeetingRole r) {
    switch (r) {
    case MeetingRole::leder: return "goals.role.leder";
    case MeetingRole::tillitsvalgt: return "goals.role.tillitsvalgt";
    case MeetingRole::verneombud: return "goals.role.verneombud";
    case MeetingRole::hr: return "goals.role.hr";
    case MeetingRole::bht: return "goals.role.bht";
    case MeetingRole::nav: return "goals.role.nav";
    case MeetingRole::annen: return "goals.role.annen";
    }
    return "";
}

} // namespace iadesk::app::goals_ui
