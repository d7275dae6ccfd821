// Fuzz target: parse_date / parse_iso_date / parse_norwegian_date (include/iadesk/calendar.hpp).
// Invariants: a parsed date is a real date in 1900..2200 that formats back to a string that
// parses to the same day; an ISO parse is exact (formats back to the input); calendar functions
// on a parsed date stay in range.
#include "fuzz_check.hpp"

#include "iadesk/calendar.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace iadesk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto iso = parse_iso_date(text);
    auto nor = parse_norwegian_date(text);
    auto any = parse_date(text);
    FUZZ_CHECK(any.has_value() == (iso.has_value() || nor.has_value()), "parse_date accepts exactly what either parser accepts");
    FUZZ_CHECK(!(iso && nor), "no text is both an ISO and a Norwegian date");
    if (iso) FUZZ_CHECK(format_iso(*iso) == text, "an ISO date formats back to its text");
    if (!any) return 0;
    const Date d = *any;
    const int y = d.year(), m = d.month(), day = d.day();
    FUZZ_CHECK(y >= 1900 && y <= 2200, "year in 1900..2200");
    FUZZ_CHECK(is_valid_ymd(y, m, day), "a parsed date is a real date");
    FUZZ_CHECK(Date::from_ymd(y, m, day) == d, "from_ymd(year, month, day) is the same day");
    FUZZ_CHECK(parse_iso_date(format_iso(d)) == d, "format_iso round trip");
    FUZZ_CHECK(parse_norwegian_date(format_norwegian(d)) == d, "format_norwegian round trip");
    const int wd = d.weekday();
    FUZZ_CHECK(wd >= 1 && wd <= 7, "weekday 1..7");
    FUZZ_CHECK(is_weekend(d) == (wd >= 6), "weekend is Saturday and Sunday");
    const IsoWeek w = iso_week(d);
    FUZZ_CHECK(w.week >= 1 && w.week <= 53 && w.year >= y - 1 && w.year <= y + 1, "ISO week in range");
    const Date e = easter_sunday(y);
    FUZZ_CHECK(e.weekday() == 7 && e.year() == y && (e.month() == 3 || e.month() == 4), "Easter is a Sunday in March or April");
    const int span = static_cast<int>(size % 400);
    const int wdays = weekdays_between(d, d + span);
    const int work = working_days_between(d, d + span);
    FUZZ_CHECK(work >= 0 && work <= wdays && wdays <= span + 1, "working days <= weekdays <= days");
    if (wdays > 0) FUZZ_CHECK(weekdays_between(d, nth_weekday_from(d, wdays)) == wdays, "nth_weekday_from inverts weekdays_between");
    return 0;
}
