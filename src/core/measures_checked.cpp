// measures: the dates of the catalogue (when a record was checked, when a measure was in force)
// and the stale-amount rule. Contract in include/iadesk/measures.hpp; the rule and the fields
// (`checked`, `stale_reason`) are documented in docs/measures.md, "Checked dates and stale amounts".
#include "iadesk/measures.hpp"

#include <cctype>

namespace iadesk::measures {

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
    if (from + n > s.size()) return false;
    for (std::size_t i = from; i < from + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

int number(std::string_view s, std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

} // namespace

bool valid_iso_date(std::string_view s) {
    if (s.size() != 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2)) return false;
    const int y = number(s, 0, 4), m = number(s, 5, 2), d = number(s, 8, 2);
    if (m < 1 || m > 12 || d < 1) return false;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = m == 2 && leap(y) ? 29 : kDays[m - 1];
    return d <= last;
}

std::string display_date(std::string_view d) {
    if (d.size() == 10 && d[4] == '-' && d[7] == '-')
        return std::string(d.substr(8, 2)) + "." + std::string(d.substr(5, 2)) + "." + std::string(d.substr(0, 4));
    if (d.size() == 7 && d[4] == '-') return std::string(d.substr(5, 2)) + "." + std::string(d.substr(0, 4));
    return std::string(d);
}

bool amount_is_stale(const Measure& m, std::size_t amount, int today_year) {
    if (!m.current || amount >= m.amounts.size()) return false;
    const Amount& a = m.amounts[amount];
    if (a.year >= today_year - 1 || !a.stale_reason.nb.empty()) return false;
    for (const Amount& other : m.amounts)
        if (other.what.nb == a.what.nb && other.year > a.year) return false; // superseded: history of a series
    return true;
}

std::vector<StaleAmount> stale_amounts(const Catalogue& c, std::string_view today) {
    std::vector<StaleAmount> out;
    if (today.size() < 4 || !digits(today, 0, 4)) return out;
    const int year = number(today, 0, 4);
    for (std::size_t i = 0; i < c.measures.size(); ++i)
        for (std::size_t j = 0; j < c.measures[i].amounts.size(); ++j)
            if (amount_is_stale(c.measures[i], j, year)) out.push_back({static_cast<int>(i), static_cast<int>(j)});
    return out;
}

} // namespace iadesk::measures
