#include "app/format.hpp"

#include "app/theme.hpp"
#include "app/tr_format.hpp"

#include <algorithm>
#include <cmath>

namespace iadesk::app {

std::string format_date(Date d, Language lang) {
    return lang == Language::nb ? format_norwegian(d) : format_iso(d);
}

std::string relative_days(Date d, Date today) {
    const int n = d - today;
    if (n == 0) return tr("rel.today");
    if (n == 1) return tr("rel.tomorrow");
    if (n == -1) return tr("rel.yesterday");
    if (n > 1) return trf("rel.in_days", fmt::arg("days", n));
    return trf("rel.days_ago", fmt::arg("days", -n));
}

std::string format_decimal(double value, int decimals, Language lang) {
    // fmt's fixed notation rounds like printf's "%.*f" (the exact binary value, to nearest).
    std::string s = fmt::format("{:.{}f}", value, std::clamp(decimals, 0, 17));
    if (lang == Language::nb)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string format_clock(int hour, int minute) { return fmt::format("{:02}:{:02}", hour, minute); }

std::string describe_egenmelding_rule(const EgenmeldingRule& rule, Language lang) {
    std::string out = trf("egenmelding.days_at_a_time", fmt::arg("days", rule.days_at_a_time));
    if (rule.times_per_12_months)
        out += ", " + trf("egenmelding.times_per_12_months", fmt::arg("times", *rule.times_per_12_months));
    if (rule.days_per_12_months)
        out += ", " + trf("egenmelding.days_per_12_months", fmt::arg("days", *rule.days_per_12_months));
    if (rule.agreed_from) out += ", " + trf("egenmelding.from", fmt::arg("date", format_date(*rule.agreed_from, lang)));
    return out;
}

bool contains_ci(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != hay.end();
}

StatusLook status_look(MilestoneStatus s) {
    const SemanticColours& c = colours();
    switch (s) {
    case MilestoneStatus::overdue: return {"\xE2\x9A\xA0", "status.overdue", c.tag_overdue};              // ⚠
    case MilestoneStatus::due_soon: return {"\xE2\x97\x8F", "status.due_soon", c.tag_due_soon};           // ●
    case MilestoneStatus::upcoming: return {"\xE2\x97\x8B", "status.upcoming", c.tag_upcoming};           // ○
    case MilestoneStatus::on_request: return {"\xE2\x96\xB3", "status.on_request", c.tag_on_request};     // △
    case MilestoneStatus::done: return {"\xE2\x9C\x93", "status.done", c.tag_done};                       // ✓
    case MilestoneStatus::exempt: return {"\xE2\x97\x87", "status.exempt", c.tag_exempt};                 // ◇
    case MilestoneStatus::not_applicable: return {"\xE2\x80\x93", "status.not_applicable", c.tag_not_applicable}; // –
    }
    return {"?", "status.upcoming", c.tag_not_applicable};
}

int status_urgency(MilestoneStatus s) {
    switch (s) {
    case MilestoneStatus::overdue: return 0;
    case MilestoneStatus::due_soon: return 1;
    case MilestoneStatus::upcoming: return 2;
    case MilestoneStatus::on_request: return 3;
    case MilestoneStatus::done: return 4;
    case MilestoneStatus::exempt: return 5;
    case MilestoneStatus::not_applicable: return 6;
    }
    return 7;
}

} // namespace iadesk::app
