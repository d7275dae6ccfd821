// Unit tests of calendar.hpp: civil dates, ISO weeks, Easter, Norwegian holidays, parsing.
#include "iadesk/calendar.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace iadesk;

namespace {
Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }
} // namespace

TEST_CASE("calendar: day count matches a naive day-by-day walk over 1900..2200") {
    // Independent oracle: step (y, m, d) forward by hand with days_in_month from the leap rule.
    CHECK(ymd(1970, 1, 1).days == 0);
    CHECK(ymd(1969, 12, 31).days == -1);
    int y = 1900, m = 1, d = 1;
    Date cur = ymd(1900, 1, 1);
    int weekday = 1; // 1 January 1900 was a Monday
    while (y <= 2200) {
        REQUIRE(cur.year() == y);
        REQUIRE(cur.month() == m);
        REQUIRE(cur.day() == d);
        REQUIRE(cur.weekday() == weekday);
        REQUIRE(ymd(y, m, d) == cur);
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        const int mdays = m == 2 ? (leap ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
        REQUIRE(days_in_month(y, m) == mdays);
        if (++d > mdays) { d = 1; if (++m > 12) { m = 1; ++y; } }
        weekday = weekday % 7 + 1;
        cur += 1;
    }
}

TEST_CASE("calendar: leap years and valid dates") {
    CHECK(is_leap_year(2024));
    CHECK_FALSE(is_leap_year(2026));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_leap_year(2000));
    CHECK(is_valid_ymd(2024, 2, 29));
    CHECK_FALSE(is_valid_ymd(2026, 2, 29));
    CHECK_FALSE(is_valid_ymd(2026, 2, 30));
    CHECK_FALSE(is_valid_ymd(2026, 4, 31));
    CHECK_FALSE(is_valid_ymd(2026, 13, 1));
    CHECK_FALSE(is_valid_ymd(2026, 0, 1));
    CHECK_FALSE(is_valid_ymd(2026, 1, 0));
}

TEST_CASE("calendar: weekdays and ISO weeks") {
    CHECK(ymd(1970, 1, 1).weekday() == 4); // Thursday
    CHECK(ymd(2026, 1, 5).weekday() == 1); // Monday (the reference case start of the tests)
    CHECK(ymd(2026, 5, 17).weekday() == 7);
    // 1 Jan 2026 is a Thursday, so it is in week 1 of 2026.
    CHECK(iso_week(ymd(2026, 1, 1)).year == 2026);
    CHECK(iso_week(ymd(2026, 1, 1)).week == 1);
    CHECK(iso_week(ymd(2026, 1, 5)).week == 2);
    // Monday 30 Dec 2024 belongs to week 1 of 2025.
    CHECK(iso_week(ymd(2024, 12, 30)).year == 2025);
    CHECK(iso_week(ymd(2024, 12, 30)).week == 1);
    // Sunday 3 Jan 2021 belongs to week 53 of 2020.
    CHECK(iso_week(ymd(2021, 1, 3)).year == 2020);
    CHECK(iso_week(ymd(2021, 1, 3)).week == 53);
    // Easter week 2026 (Maundy Thursday 2 April) is week 14.
    CHECK(iso_week(ymd(2026, 4, 2)).week == 14);
}

TEST_CASE("calendar: Easter Sunday (Gregorian computus)") {
    CHECK(easter_sunday(2024) == ymd(2024, 3, 31));
    CHECK(easter_sunday(2025) == ymd(2025, 4, 20));
    CHECK(easter_sunday(2026) == ymd(2026, 4, 5));
    CHECK(easter_sunday(2038) == ymd(2038, 4, 25)); // the latest possible date
    CHECK(easter_sunday(2000) == ymd(2000, 4, 23));
    CHECK(easter_sunday(2285) == ymd(2285, 3, 22)); // the earliest possible date
    for (int y = 1900; y <= 2200; ++y) {
        const Date e = easter_sunday(y);
        REQUIRE(e.weekday() == 7);
        REQUIRE(e >= ymd(y, 3, 22));
        REQUIRE(e <= ymd(y, 4, 25));
    }
}

TEST_CASE("calendar: Norwegian public holidays 2026 (docs/domain.md, Public holidays and duration bands)") {
    // Easter Sunday 5 April 2026: Maundy Thursday 2.4, Good Friday 3.4, Easter Monday 6.4,
    // Ascension 5.4 + 39 = 14.5, Whit Monday 5.4 + 50 = 25.5.
    for (Date h : {ymd(2026, 1, 1), ymd(2026, 4, 2), ymd(2026, 4, 3), ymd(2026, 4, 6), ymd(2026, 5, 1),
                   ymd(2026, 5, 17), ymd(2026, 5, 14), ymd(2026, 5, 25), ymd(2026, 12, 25), ymd(2026, 12, 26)})
        CHECK(is_public_holiday(h));
    for (Date n : {ymd(2026, 4, 1), ymd(2026, 4, 7), ymd(2026, 5, 2), ymd(2026, 12, 24), ymd(2026, 12, 31),
                   ymd(2026, 5, 13), ymd(2026, 5, 26)})
        CHECK_FALSE(is_public_holiday(n));
    int count = 0;
    for (Date d = ymd(2026, 1, 1); d <= ymd(2026, 12, 31); d += 1) count += is_public_holiday(d) ? 1 : 0;
    CHECK(count == 10);
}

TEST_CASE("calendar: working days") {
    // Easter week 2026: Mon 30.3, Tue 31.3, Wed 1.4 work; Thu 2.4, Fri 3.4 holidays; Easter Monday 6.4.
    CHECK(working_days_between(ymd(2026, 3, 30), ymd(2026, 4, 5)) == 3);
    CHECK(working_days_between(ymd(2026, 3, 30), ymd(2026, 4, 6)) == 3);
    CHECK(working_days_between(ymd(2026, 3, 30), ymd(2026, 4, 12)) == 7);
    CHECK(working_days_between(ymd(2026, 1, 6), ymd(2026, 1, 5)) == 0);
    CHECK(is_working_day(ymd(2026, 1, 5)));
    CHECK_FALSE(is_working_day(ymd(2026, 1, 10)));
    CHECK(is_weekend(ymd(2026, 1, 10)));
    // 2026 starts on a Thursday: 52 weeks + 1 Thursday = 261 weekdays; holidays on weekdays:
    // 1.1, 2.4, 3.4, 6.4, 1.5, 14.5, 25.5, 25.12 = 8 (17.5 is a Sunday, 26.12 a Saturday) -> 253.
    CHECK(weekdays_between(ymd(2026, 1, 1), ymd(2026, 12, 31)) == 261);
    CHECK(working_days_between(ymd(2026, 1, 1), ymd(2026, 12, 31)) == 253);
    // Holidays that coincide are one day off, not two: Ascension = 1 May 2008, Whit Monday =
    // 17 May 2027 (a Monday): May 2027 has 21 weekdays minus 6.5 (Ascension), 17.5 -> 19.
    CHECK(ymd(2027, 5, 17) == easter_sunday(2027) + 50);
    CHECK(working_days_between(ymd(2027, 5, 1), ymd(2027, 5, 31)) == 19);
    for (int y = 2000; y <= 2040; ++y) {
        int work = 0;
        for (Date d = ymd(y, 1, 1); d <= ymd(y, 12, 31); d += 1) work += is_working_day(d) ? 1 : 0;
        REQUIRE(working_days_between(ymd(y, 1, 1), ymd(y, 12, 31)) == work);
    }
    // The formula agrees with a day-by-day count on many ranges, also across years.
    for (int start = 0; start < 800; start += 37)
        for (int len = 0; len < 900; len += 53) {
            const Date a = ymd(2024, 11, 1) + start, b = a + len;
            int wd = 0, work = 0;
            for (Date d = a; d <= b; d += 1) {
                wd += d.weekday() <= 5 ? 1 : 0;
                work += is_working_day(d) ? 1 : 0;
            }
            REQUIRE(weekdays_between(a, b) == wd);
            REQUIRE(working_days_between(a, b) == work);
        }
}

TEST_CASE("calendar: nth weekday (sick-pay days count Monday..Friday, ftrl § 8-11)") {
    CHECK(nth_weekday_from(ymd(2026, 1, 5), 1) == ymd(2026, 1, 5));
    CHECK(nth_weekday_from(ymd(2026, 1, 5), 5) == ymd(2026, 1, 9));
    CHECK(nth_weekday_from(ymd(2026, 1, 5), 6) == ymd(2026, 1, 12));
    CHECK(nth_weekday_from(ymd(2026, 1, 10), 1) == ymd(2026, 1, 12)); // from a Saturday
    CHECK(nth_weekday_from(ymd(2026, 1, 11), 2) == ymd(2026, 1, 13)); // from a Sunday
    for (int off = 0; off < 14; ++off)
        for (int n = 1; n < 30; ++n) {
            const Date a = ymd(2026, 1, 1) + off;
            Date d = a;
            int seen = 0;
            for (;; d += 1)
                if (d.weekday() <= 5 && ++seen == n) break;
            REQUIRE(nth_weekday_from(a, n) == d);
        }
}

TEST_CASE("calendar: parsing accepts real dates only and never throws") {
    CHECK(parse_iso_date("2026-01-05") == ymd(2026, 1, 5));
    CHECK(parse_iso_date("2024-02-29") == ymd(2024, 2, 29));
    CHECK(parse_norwegian_date("05.01.2026") == ymd(2026, 1, 5));
    CHECK(parse_norwegian_date("5.1.2026") == ymd(2026, 1, 5));
    CHECK(parse_date("2026-01-05") == ymd(2026, 1, 5));
    CHECK(parse_date("17.05.2026") == ymd(2026, 5, 17));
    for (const char* bad : {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31",
                            "30.02.2026", "31.04.2026", "", "garbage", "2026-1-5", " 2026-01-05", "2026-01-05 ",
                            "2026-01-05x", "2026/01/05", "05-01-2026", "2026.01.05", "1899-12-31", "2201-01-01",
                            "+026-01-05", "2026-0a-05", "05.01.26", "005.01.2026", "..2026", "1.2.3.4",
                            "-5.01.2026", "\xff\xfe"})
        CHECK_MESSAGE(!parse_date(bad).has_value(), bad);
    CHECK(parse_date("1900-01-01").has_value());
    CHECK(parse_date("2200-12-31").has_value());
}

TEST_CASE("calendar: formatting round-trips") {
    CHECK(format_iso(ymd(2026, 1, 5)) == "2026-01-05");
    CHECK(format_norwegian(ymd(2026, 1, 5)) == "05.01.2026");
    for (Date d = ymd(1999, 12, 20); d <= ymd(2001, 3, 5); d += 1) {
        REQUIRE(parse_iso_date(format_iso(d)) == d);
        REQUIRE(parse_norwegian_date(format_norwegian(d)) == d);
    }
}

TEST_CASE("calendar: parse_iso_date takes exactly the real dates of 1900-2200, every one") {
    // Every year 1899-2201, month 0-13 and day 0-32 as "YYYY-MM-DD": accepted exactly when the
    // date exists within the years, and then the day from_ymd gives.
    int accepted = 0;
    for (int y = 1899; y <= 2201; ++y)
        for (int m = 0; m <= 13; ++m)
            for (int d = 0; d <= 32; ++d) {
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
                const bool real = y >= 1900 && y <= 2200 && is_valid_ymd(y, m, d);
                const auto parsed = parse_iso_date(text);
                if (parsed.has_value() != real || (real && *parsed != Date::from_ymd(y, m, d))) {
                    FAIL_CHECK(text);
                    return;
                }
                accepted += real;
            }
    CHECK(accepted == 109'938); // the days of 1900-01-01 .. 2200-12-31
}
