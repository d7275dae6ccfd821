// calendar: civil dates, ISO weeks, Norwegian public holidays, working days (calendar.hpp).
//
// Civil <-> day-count conversion uses Howard Hinnant's days_from_civil / civil_from_days
// (public domain, "chrono-Compatible Low-Level Date Algorithms"); Easter uses the anonymous
// Gregorian algorithm (Meeus/Jones/Butcher). Everything is integer arithmetic: no time zones,
// no <chrono> calendar types (not available in every toolchain we build with).
#include "iadesk/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace iadesk {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

// Floor division for possibly negative numerators (positive divisor).
constexpr int32_t floor_div(int32_t a, int32_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

constexpr int32_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;                                   // [0, 399]
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; // [0, 365]
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          // [0, 146096]
    return era * 146097 + doe - 719468;
}

struct Ymd { int y, m, d; };

constexpr Ymd civil_from_days(int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {y + (m <= 2), m, d};
}

// The ten Norwegian public holidays of a year (docs/domain.md, Public holidays and duration bands),
// unsorted; two can coincide.
std::array<Date, 10> holidays_of(int year) {
    const Date easter = easter_sunday(year);
    return {Date::from_ymd(year, 1, 1),  easter - 3, easter - 2, easter + 1,
            Date::from_ymd(year, 5, 1),  Date::from_ymd(year, 5, 17), easter + 39, easter + 50,
            Date::from_ymd(year, 12, 25), Date::from_ymd(year, 12, 26)};
}

// Number of Monday..Friday days in [epoch Monday 1970-01-05, d) (negative before it).
int32_t weekdays_before(Date d) {
    const int32_t t = d.days - 4; // 1970-01-05 (day 4) is a Monday
    const int32_t weeks = floor_div(t, 7);
    const int32_t rem = t - weeks * 7; // 0 = Monday .. 6 = Sunday
    return weeks * 5 + (rem < 5 ? rem : 5);
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::optional<Date> make_date(int y, int m, int d) {
    if (y < kMinYear || y > kMaxYear || !is_valid_ymd(y, m, d)) return std::nullopt;
    return Date::from_ymd(y, m, d);
}

} // namespace

Date Date::from_ymd(int year, int month, int day) { return Date{days_from_civil(year, month, day)}; }
CivilDate Date::civil() const {
    const Ymd c = civil_from_days(days);
    return {c.y, c.m, c.d};
}
int Date::year() const { return civil_from_days(days).y; }
int Date::month() const { return civil_from_days(days).m; }
int Date::day() const { return civil_from_days(days).d; }
int Date::weekday() const {
    // 1970-01-01 was a Thursday (ISO 4).
    const int32_t r = days - floor_div(days, 7) * 7; // 0..6, 0 = Thursday
    return (r + 3) % 7 + 1;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_ymd(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

IsoWeek iso_week(Date d) {
    // ISO 8601: the week belongs to the year of its Thursday; week 1 holds the first Thursday.
    const Date thursday = d + (4 - d.weekday());
    const int year = thursday.year();
    return {year, (thursday - Date::from_ymd(year, 1, 1)) / 7 + 1};
}

Date easter_sunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date::from_ymd(year, month, day);
}

bool is_public_holiday(Date d) {
    const Ymd c = civil_from_days(d.days);
    if ((c.m == 1 && c.d == 1) || (c.m == 5 && (c.d == 1 || c.d == 17)) ||
        (c.m == 12 && (c.d == 25 || c.d == 26)))
        return true;
    if (c.m < 3 || c.m > 6) return false; // Maundy Thursday (>= 19 Mar) .. Whit Monday (<= 14 Jun)
    const int off = d - easter_sunday(c.y);
    return off == -3 || off == -2 || off == 1 || off == 39 || off == 50;
}

bool is_weekend(Date d) { return d.weekday() >= 6; }

bool is_working_day(Date d) { return !is_weekend(d) && !is_public_holiday(d); }

int working_days_between(Date first, Date last) {
    if (last < first) return 0;
    // Weekdays by formula, minus the holidays that fall on a weekday inside the range.
    int n = weekdays_before(last + 1) - weekdays_before(first);
    // Ascension Day can fall on 1 or 17 May (e.g. 2008: 1 May): count each date once.
    for (int y = first.year(), y_end = last.year(); y <= y_end; ++y) {
        std::array<Date, 10> hs = holidays_of(y);
        std::sort(hs.begin(), hs.end());
        for (std::size_t i = 0; i < hs.size(); ++i)
            if ((i == 0 || hs[i] != hs[i - 1]) && hs[i] >= first && hs[i] <= last && !is_weekend(hs[i])) --n;
    }
    return n;
}

int weekdays_between(Date first, Date last) {
    return last < first ? 0 : weekdays_before(last + 1) - weekdays_before(first);
}

Date nth_weekday_from(Date first, int n) {
    if (n < 1) n = 1;
    // The target is the day whose weekdays_before() equals weekdays_before(first') + n - 1,
    // where first' is `first` moved forward to a weekday.
    const int wd = first.weekday();
    if (wd >= 6) first = first + (8 - wd);
    const int32_t k = weekdays_before(first) + n - 1; // weekday index since 1970-01-05
    const int32_t weeks = floor_div(k, 5);
    return Date{4 + weeks * 7 + (k - weeks * 5)};
}

std::optional<Date> parse_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    const auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make_date(to_int(y), to_int(m), to_int(d));
}

std::optional<Date> parse_norwegian_date(std::string_view t) {
    // d.m.yyyy with one or two digits for day and month ("5.1.2026" and "05.01.2026").
    const auto p1 = t.find('.');
    if (p1 == std::string_view::npos) return std::nullopt;
    const auto p2 = t.find('.', p1 + 1);
    if (p2 == std::string_view::npos) return std::nullopt;
    const auto d = t.substr(0, p1), m = t.substr(p1 + 1, p2 - p1 - 1), y = t.substr(p2 + 1);
    if (d.size() < 1 || d.size() > 2 || m.size() < 1 || m.size() > 2 || y.size() != 4) return std::nullopt;
    if (!all_digits(d) || !all_digits(m) || !all_digits(y)) return std::nullopt;
    return make_date(to_int(y), to_int(m), to_int(d));
}

std::optional<Date> parse_date(std::string_view text) {
    if (auto d = parse_iso_date(text)) return d;
    return parse_norwegian_date(text);
}

std::string format_iso(Date d) {
    const Ymd c = civil_from_days(d.days);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
    return buf;
}

std::string format_norwegian(Date d) {
    const Ymd c = civil_from_days(d.days);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", c.d, c.m, c.y);
    return buf;
}

} // namespace iadesk
