// calendar: civil dates, ISO weeks, Norwegian public holidays and working days.
//
// Contract
// - Date is a day count since 1970-01-01 (proleptic Gregorian). It is trivially copyable,
//   totally ordered, and `b - a` is the number of days between two dates.
// - Parsing never throws: it returns std::nullopt for anything that is not a real calendar
//   date (2026-02-30 is rejected). Years 1900..2200 are accepted.
// - Norwegian public holidays (docs/domain.md, Public holidays and duration bands): 1 Jan, Maundy
//   Thursday, Good Friday, Easter Monday, 1 May, 17 May, Ascension Day (Easter + 39), Whit Monday
//   (Easter + 50), 25 and 26 Dec. Easter Sunday and Whit Sunday fall on Sundays and so are never
//   working days anyway.
// - A working day is Monday..Friday and not a public holiday (docs/domain.md, The formula: mulige dagsverk).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iadesk {

struct CivilDate {
    int year;
    int month; // 1..12
    int day;   // 1..31
};

struct Date {
    int32_t days = 0; // days since 1970-01-01

    static Date from_ymd(int year, int month, int day); // caller guarantees a valid date
    CivilDate civil() const; // year, month and day in one conversion
    int year() const;
    int month() const; // 1..12
    int day() const;   // 1..31
    int weekday() const; // ISO: Monday = 1 .. Sunday = 7

    Date operator+(int n) const { return Date{days + n}; }
    Date operator-(int n) const { return Date{days - n}; }
    int operator-(Date other) const { return days - other.days; }
    Date& operator+=(int n) { days += n; return *this; }
    auto operator<=>(const Date&) const = default;
};

struct IsoWeek {
    int year = 0; // ISO week-numbering year (may differ from the calendar year near New Year)
    int week = 0; // 1..53
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_ymd(int year, int month, int day);

IsoWeek iso_week(Date d);
Date easter_sunday(int year); // Gregorian computus (anonymous Gregorian algorithm)
bool is_public_holiday(Date d);
bool is_weekend(Date d);
bool is_working_day(Date d);
int working_days_between(Date first, Date last); // inclusive; 0 when last < first
// Monday..Friday days in [first, last], public holidays included (sick-pay days, ftrl § 8-11);
// 0 when last < first. O(1).
int weekdays_between(Date first, Date last);
// The n-th (n >= 1) Monday..Friday day on or after `first`, holidays included. O(1).
Date nth_weekday_from(Date first, int n);

// Parsing: "YYYY-MM-DD" (ISO) and "dd.mm.yyyy" (Norwegian). parse_date accepts either.
std::optional<Date> parse_iso_date(std::string_view text);
std::optional<Date> parse_norwegian_date(std::string_view text);
std::optional<Date> parse_date(std::string_view text);

std::string format_iso(Date d);        // 2026-01-05
std::string format_norwegian(Date d);  // 05.01.2026

} // namespace iadesk
