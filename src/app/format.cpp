#include "app/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace iadesk::app {

std::string format_date(Date d, Language lang) {
    return lang == Language::nb ? format_norwegian(d) : format_iso(d);
}

std::string relative_days(Date d, Date today) {
    const int n = d - today;
    char buf[64];
    if (n == 0) return tr("rel.today");
    if (n == 1) return tr("rel.tomorrow");
    if (n == -1) return tr("rel.yesterday");
    if (n > 1) std::snprintf(buf, sizeof buf, tr("rel.in_days"), n);
    else std::snprintf(buf, sizeof buf, tr("rel.days_ago"), -n);
    return buf;
}

std::string format_decimal(double value, int decimals, Language lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (lang == Language::nb)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

bool contains_ci(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != hay.end();
}

StatusLook status_look(MilestoneStatus s) {
    switch (s) {
    case MilestoneStatus::overdue: return {"\xE2\x9A\xA0", "status.overdue", ImVec4(0.70f, 0.10f, 0.10f, 1)};      // ⚠
    case MilestoneStatus::due_soon: return {"\xE2\x97\x8F", "status.due_soon", ImVec4(0.72f, 0.42f, 0.00f, 1)};    // ●
    case MilestoneStatus::upcoming: return {"\xE2\x97\x8B", "status.upcoming", ImVec4(0.18f, 0.33f, 0.60f, 1)};    // ○
    case MilestoneStatus::on_request: return {"\xE2\x96\xB3", "status.on_request", ImVec4(0.35f, 0.30f, 0.55f, 1)}; // △
    case MilestoneStatus::done: return {"\xE2\x9C\x93", "status.done", ImVec4(0.10f, 0.48f, 0.22f, 1)};            // ✓
    case MilestoneStatus::exempt: return {"\xE2\x97\x87", "status.exempt", ImVec4(0.36f, 0.40f, 0.40f, 1)};        // ◇
    case MilestoneStatus::not_applicable: return {"\xE2\x80\x93", "status.not_applicable", ImVec4(0.45f, 0.45f, 0.48f, 1)}; // –
    }
    return {"?", "status.upcoming", ImVec4(0, 0, 0, 1)};
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
