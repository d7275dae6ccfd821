// sick_pay: the sick-pay account of one employee as NAV computes it (folketrygdloven kapittel 8),
// derived from the employee's sickness cases (cases.hpp), employment and birth date. Rules in our
// own words with their sources: docs/domain.md, "Sykepenger / Sick pay".
//
// Contract
// - Working days: the model has no work pattern, so Monday..Friday are the days the employee
//   should have worked; a public holiday on a weekday is a sick-pay day (ftrl § 8-11).
// - Arbeidsgiverperiode (ftrl § 8-19): 16 calendar sick days, counted from the first whole day
//   of absence = the case's first Monday..Friday sick day (§ 8-19 second paragraph). A Saturday
//   and Sunday between two sick days count as sick days (NAV's engine does the same). One per
//   case: cases are split by 16 non-sick days (cases.hpp), which is exactly when § 8-19 third
//   paragraph starts a new period, and absences less than 16 days apart share it. A case that
//   has not reached its 16th day projects continuous absence to find agp_end.
// - The employer pays it only when the employment has lasted at least 4 weeks (28 days) without
//   a break immediately before the first sick day (§ 8-18 first paragraph); otherwise
//   `employer_period` says why, NAV may pay those 16 days instead if the earning period of
//   § 8-2 is met (§ 8-17), which iadesk cannot see, and they still do not count against the
//   248 days (§ 8-12 first paragraph: 260 days when NAV pays the first 16, that is 248 + the
//   12 weekdays of 16 calendar days).
// - Sykepengedager (§ 8-11, § 8-12): the Monday..Friday sick days after the arbeidsgiverperiode;
//   a graded day counts whole. A closed record counts whole (also when it lies after `today`),
//   an open record through `today` (at least its first day), as SicknessCase::sick_days does.
// - The 248-day account (§ 8-12), as NAV's engine (navikt/helse-spleis) keeps it: days counted
//   since the account last started fresh; when NAV days resume after a break, days older than
//   three years before that day no longer count. A fresh account once the employee has gone
//   182 days (26 weeks) without a NAV day since the last one; days in an arbeidsgiverperiode do
//   not interrupt those weeks (§ 8-12 second paragraph). Once the days are used up, NAV pays
//   nothing until 182 days after the maksdato have passed AND the employee has since been back
//   at work for a day (NAV's engine counts the 26 weeks from the maksdato, refused sick days
//   included, and then requires a day at work).
// - Age (§ 8-51, § 8-12 fourth paragraph, § 8-3): from the day after the 67th birthday at most
//   60 sykepengedager (the 248 still apply when they end first); no sick pay from the 70th
//   birthday (employer period included), so the last possible day is the weekday before it.
//   With only a birth year, 1 January of that year is assumed (the earliest, so the most
//   cautious birthday) and `birth` says so; with neither, no age limit is applied.
// - maksdato = the last day NAV pays if the absence continues without a break after the case's
//   last counted day (the earliest of the 248-day, 60-day and 70-year limits); days_left =
//   the sykepengedager from then until maksdato. Holidays (ferie) move maksdato in NAV's
//   practice and iadesk has no holiday records: every view that shows maksdato says so.
// - Cost: O(records) per employee with O(1) date arithmetic per interval (calendar.hpp
//   weekdays_between / nth_weekday_from); no loop runs over the days of a record.
#pragma once

#include "iadesk/calendar.hpp"
#include "iadesk/model.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iadesk {

struct SicknessCase;

enum class EmployerPeriod : uint8_t {
    applies,                  // the employer pays the first 16 days (§ 8-18, § 8-19)
    employed_under_4_weeks,   // employment began less than 28 days before the first sick day
    not_employed,             // no employment period covers the day before the first sick day
    over_70,                  // the case starts on or after the 70th birthday (§ 8-3)
};

enum class MaksdatoRule : uint8_t {
    days_248,         // § 8-12: 248 sykepengedager
    days_60_after_67, // § 8-51: 60 sykepengedager after the 67th birthday
    age_70,           // § 8-3: the weekday before the 70th birthday
};

enum class NoSickPay : uint8_t {
    none,
    days_used_up,          // the 248 days are used up (§ 8-12); see fresh_right_from
    days_used_up_after_67, // the 60 days after 67 are used up (§ 8-51); see fresh_right_from
    age_70,                // the employee is 70 or older (§ 8-3)
};

enum class BirthAssumption : uint8_t { exact_date, first_of_birth_year, unknown };

// The sick-pay account as it stands for one case (see the contract above for every rule).
struct CaseSickPay {
    EmployerPeriod employer_period = EmployerPeriod::applies;
    Date agp_start;                  // first whole day of absence (projected when the case has none)
    Date agp_end;                    // the 16th sick day from agp_start (projected when not reached)
    int nav_days_case = 0;           // sykepengedager in this case
    int nav_days_account = 0;        // sykepengedager in the account at the case's last counted day
    int days_left = 0;               // sykepengedager left if the absence continues
    Date maksdato;                   // last day NAV pays if the absence continues
    MaksdatoRule maksdato_rule = MaksdatoRule::days_248;
    NoSickPay no_sick_pay = NoSickPay::none; // why NAV pays nothing more, if so
    // When the account has days in it: the first day a NAV day would start a fresh account if
    // the employee stays at work from the day after the case. nullopt while the case is open
    // (the 26 weeks start when the employee is back at work) or when the account is empty.
    std::optional<Date> fresh_right_from;
    BirthAssumption birth = BirthAssumption::unknown;
    std::optional<Date> birth_date;  // the date used (exact, or 1 January of the birth year)
};

// Inputs about the person that the cases do not hold.
struct SickPayPerson {
    std::span<const Employment> employment; // sorted, non-overlapping (model.hpp)
    std::optional<int> birth_year;          // Employee::birth_year
    std::optional<Date> birth_date;         // exact birth date when known (not in the model yet)
};

// Options of build_cases (cases.hpp).
struct SickPayOptions {
    // An employee's exact birth date when known; unset or nullopt: 1 January of birth_year.
    std::function<std::optional<Date>(const Employee&)> birth_date;
};

// Fills `pay`, `agp_end` and `maksdato` of one employee's cases [first, last), given in start
// order (as build_cases makes them). `ds` holds the records the cases index.
void assess_sick_pay(SicknessCase* first, SicknessCase* last, const SickPayPerson& person, const Dataset& ds,
                     Date today);

// The date `years` calendar years after `d`; 29 February becomes 28 February (as java.time).
Date add_years(Date d, int years);
// The date `months` calendar months after `d` (negative: before), clamped to the month's end.
Date add_months(Date d, int months);

const char* to_string(EmployerPeriod p);   // "applies", "employed_under_4_weeks", ...
const char* to_string(MaksdatoRule r);     // "days_248", "days_60_after_67", "age_70"
const char* to_string(NoSickPay r);        // "none", "days_used_up", ...
const char* to_string(BirthAssumption b);  // "exact_date", "first_of_birth_year", "unknown"

// --- Egenmelding (ftrl § 8-24) ------------------------------------------------------------------
// The law: 3 calendar days at a time, at most 4 times in 12 months, after 2 months' employment.
// Since 2019 any employer may agree a wider rule with the tillitsvalgte (at most the 16 days of
// the arbeidsgiverperiode at a time); it applies to egenmeldinger that start on or after
// `agreed_from`, and limits either the times or the days in 12 months (or both).
// EgenmeldingRule: model.hpp (the organisation's setting).

enum class EgenmeldingProblem {
    invalid_period,            // last day before first day
    invalid_rule,              // the organisation's rule is outside what the law allows
    employed_under_2_months,   // § 8-24: two months' employment before the first day
    too_many_days_at_a_time,   // with adjoining egenmeldinger, longer than the rule allows
    too_many_times,            // more times in the 12 months up to and including the first day
    too_many_days_in_12_months,
};

struct EgenmeldingCheck {
    bool within_rule = true;
    bool organisation_rule = false;      // the organisation's rule was applied (else the law's)
    int days = 0;                        // calendar days of the planned egenmelding with those adjoining it
    int times_in_12_months = 0;          // earlier egenmeldinger in the 12 months, the planned one excluded
    int days_in_12_months = 0;           // their days
    std::vector<EgenmeldingProblem> problems;
};

// Whether a planned egenmelding [from, to] of `employee` is within the rule. `absences` may hold
// any records (only this employee's egenmeldinger are used; an existing record equal to the
// planned one is the planned one). `organisation`: the organisation's own rule, if any.
EgenmeldingCheck check_egenmelding(const Employee& employee, const std::vector<Absence>& absences, Date from,
                                   Date to, const std::optional<EgenmeldingRule>& organisation = std::nullopt);

const char* to_string(EgenmeldingProblem p); // "invalid_period", "employed_under_2_months", ...

} // namespace iadesk
