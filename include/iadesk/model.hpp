// model: the plain data of one organisation's dataset (docs/domain.md: Roles and privacy; Cases and weeks).
//
// Contract
// - Plain structs with string ids; no behaviour beyond small lookups. Everything else
//   (cases, milestones, statistics) is derived from a Dataset by the other core modules.
// - A Dataset that came out of load_dataset() (dataset.hpp) is valid: ids are unique, every
//   reference resolves, dates are ordered, grades are 20..100 (egenmelding 100), and
//   employment periods of one employee do not overlap. Code that builds a Dataset by hand
//   (tests, the generator) must keep those invariants or run validate_dataset().
// - No diagnosis field exists anywhere, by design (docs/domain.md, Roles and privacy).
#pragma once

#include "iadesk/calendar.hpp"
#include "iadesk/plan_model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

// Egenmelding (folketrygdloven § 8-24): the law allows 3 calendar days at a time, at most 4 times in
// 12 months. Since 2019 any employer may agree a wider rule with the tillitsvalgte, at most the 16
// days of the arbeidsgiverperiode at a time, limiting the times or the days in 12 months (or both);
// it applies to egenmeldinger starting on or after `agreed_from` (docs/domain.md, "Egenmelding").
struct EgenmeldingRule {
    int days_at_a_time = 3;
    std::optional<int> times_per_12_months = 4;
    std::optional<int> days_per_12_months;
    std::optional<Date> agreed_from;      // nullopt: the law's own rule
    bool operator==(const EgenmeldingRule&) const = default;
};

// The industry standards an organisation's næringskode can be given in (SSB's Standard for
// næringsgruppering): SN2007, and SN2025 (NACE Rev. 2.1) used by Enhetsregisteret from 2025. Both
// write a næringsundergruppe as five digits "NN.NNN" (SN2007 88.911 barnehager, SN2025 85.100).
enum class IndustryStandard : uint8_t { sn2007, sn2025 };

// NAV's sectors in the sykefraværsstatistikk (SSB's institusjonell sektor grouped in three):
// statlig forvaltning; kommunal forvaltning (kommuner and fylkeskommuner); privat sektor og
// offentlige foretak. unset: not given.
enum class Sector : uint8_t { unset, statlig, kommunal, privat };

// The bransjeprogrammer of the IA agreement whose sick leave NAV publishes as a bransje
// (navikt/ia-felles, Bransje; docs/domain.md "Comparison with the bransje"). none: not in one.
enum class Bransjeprogram : uint8_t { none, barnehager, naeringsmiddelindustri, sykehus, sykehjem, transport, bygg, anlegg };

struct Organisation {
    std::string name;
    std::string orgnr;            // 9 digits with a mod-11 check digit (see is_valid_orgnr)
    bool ia_agreement = false;    // signed the pre-2019 IA cooperation agreement (historic measures only)
    bool own_bht = false;         // has its own occupational health service (bedriftshelsetjeneste)
    // The organisation's own egenmelding rule; nullopt: the law's (3 days, 4 times in 12 months).
    std::optional<EgenmeldingRule> egenmelding;
    // The e-mail address of whoever answers for the follow-up (an HR office, say), the ORGANIZER of
    // the calendar files (ics.hpp); "" = none given.
    std::string email;
    // Format 4 (docs/data-format.md): the næringskode as Enhetsregisteret gives it, "NN.NNN" in the
    // standard named ("" = not given), NAV's sector and the bransjeprogram, for the comparison
    // with the bransje, the sector and the country (benchmarks.hpp).
    std::string naeringskode;
    IndustryStandard naeringskode_standard = IndustryStandard::sn2007;
    Sector sector = Sector::unset;
    Bransjeprogram bransjeprogram = Bransjeprogram::none;
};

struct Unit {
    std::string id;
    std::string name;
    // Closed (nedlagt) from this day on: kept for the history and for the statistics of earlier
    // periods, but nobody may be in it or be moved to it (commands.hpp: close_unit, merge_units).
    std::optional<Date> closed;
};

// Why an employment ended (sluttårsak; docs/domain.md, "Drop-out (frafall)"): to a health-related
// benefit (uføretrygd, arbeidsavklaringspenger), retirement (alderspensjon, AFP included), another
// job, education, or something else. The register sees only why the person left this employer.
enum class EndReason { uforetrygd, aap, alderspensjon, annen_jobb, utdanning, annet };

struct Employment {
    Date from;
    std::optional<Date> to;       // inclusive; nullopt = ongoing
    double percent = 100.0;       // stillingsprosent, 0 < percent <= 100
    // Why the period ended; only with `to` (checks.hpp refuses it on an open period). nullopt = not given.
    std::optional<EndReason> end_reason;
};

// A unit the employee belonged to before the current one, up to and including `until`
// (commands.hpp: move_employee). The statistics count each day in the unit of that day.
struct EarlierUnit {
    std::string unit;             // Unit::id
    Date until;                   // the last day in that unit
    bool operator==(const EarlierUnit&) const = default;
};

struct Employee {
    std::string id;
    std::string name;
    std::string unit;             // Unit::id, the current unit
    std::vector<Employment> employment; // sorted by `from`, non-overlapping
    std::optional<int> birth_year;
    // The exact birth date when HR gives it (the age limits of sick pay, ftrl § 8-51 and § 8-3,
    // turn on the birthday); its year must be birth_year when both are given.
    std::optional<Date> birth_date;
    // Fødselsnummer or D-nummer (11 digits, two mod-11 control digits: is_valid_national_id), when HR
    // gives it; "" = not given. Needed only for a plan sent to NAV (NAV's LPS contract). Personal
    // data for HR only: every other role's copy of the register is without it (access.hpp).
    std::string national_id;
    // The units before the current one (moves keep the history); sorted by `until`, ascending.
    std::vector<EarlierUnit> earlier_units;
};

enum class AbsenceKind { egenmelding, sykmelding };

struct Absence {
    std::string employee;         // Employee::id
    AbsenceKind kind = AbsenceKind::sykmelding;
    Date from;                    // first sick day, inclusive
    std::optional<Date> to;       // last sick day, inclusive; nullopt = open
    int grade = 100;              // 20..100 percent; egenmelding is always 100
};

enum class EventStatus { done, exempt };

// A recorded milestone event: "done" (held/sent on `date`, the day it really happened) or "exempt"
// (decided on `date`, with the reason in `note`, e.g. "åpenbart unødvendig", aml § 4-6). Matched to
// a case by (employee, case_start). Edits never put `date` after the day they are made (commands.hpp).
struct MilestoneEvent {
    std::string employee;
    Date case_start;
    std::string milestone;        // a milestone id of the rule sets, e.g. "dialogmote1"
    EventStatus status = EventStatus::done;
    Date date;
    std::string note;
    // Who took part (a dialogmøte, the talk behind a plan): free text as the user writes it, names
    // and/or roles, e.g. "Kari Nordmann, nærmeste leder Ola Hansen, BHT"; "" = not recorded. Free
    // text, not a list, by decision (docs/domain.md, Follow-up milestones). Never health data.
    std::string participants;
};

// --- IA goals (docs/domain.md, IA goals; docs/goals.md) ------------------------------------------
// A goal period: one quarter ("2026-Q2") or a whole year ("2018", quarter 0).
struct GoalPeriod {
    int year = 0;
    int quarter = 0;              // 1..4; 0 = the whole year
    auto operator<=>(const GoalPeriod&) const = default;
};

enum class GoalKind { result, activity };            // resultatmål | aktivitetsmål
// sick_leave: computed from the absence data | recorded: by hand | dropout: the share of the year's
// persons who left to uføretrygd or AAP, computed from the employment periods (dropout.hpp; format 4)
enum class GoalMetric { sick_leave, recorded, dropout };
enum class ActivityStatus { planlagt, pagar, fullfort, avbrutt };

struct RecordedValue {
    GoalPeriod period;
    double value = 0;
};

struct Goal {
    std::string id;
    GoalKind kind = GoalKind::result;
    std::string area;             // an area id of assets/ia/*.json ("ia2010.delmal1"), or a custom area's name
    std::string title;
    std::string description;
    std::optional<Date> deadline;
    // Result goals (resultatmål)
    GoalMetric metric = GoalMetric::sick_leave;
    std::vector<std::string> units;       // sick_leave, dropout: the units measured; empty = the whole organisation
    std::string metric_name;              // recorded: what is measured, e.g. "Andel ansatte over 62 i arbeid"
    bool higher_is_better = false;        // recorded: direction (sick leave: lower is better)
    std::vector<RecordedValue> values;    // recorded: the values over time, sorted by period
    std::optional<GoalPeriod> baseline_period;
    std::optional<double> baseline_value; // nullopt: computed (sick_leave) or taken from `values`
    std::optional<double> target_value;
    std::optional<double> target_change;  // relative change in percent of the baseline, e.g. -20
    // Activity goals (aktivitetsmål)
    std::string criterion;                // the measurable criterion in words
    std::optional<int> criterion_count;   // count: this many activities fullført
    std::optional<Date> criterion_date;   // date: every planned activity fullført by then
};

struct GoalActivity {
    std::string id;
    std::string goal;             // Goal::id
    std::string title;
    std::string owner;            // who does it (a name or a role)
    std::optional<Date> planned;  // planned date
    ActivityStatus status = ActivityStatus::planlagt;
    std::optional<Date> done;     // when it was marked fullført
    std::string note;
};

enum class MeetingRole { leder, tillitsvalgt, verneombud, hr, bht, nav, annen };

struct MeetingAttendee {
    MeetingRole role = MeetingRole::leder;
    std::string name;
};

struct MeetingDecision {
    std::string text;
    std::vector<std::string> goals; // Goal::id of the goals the decision concerns
};

// An IA meeting between the leadership and the tillitsvalgte with IA as the topic (sintef-ia-2013
// kap. 8.12.1).
struct IaMeeting {
    std::string id;
    Date date;
    std::vector<MeetingAttendee> attendees;
    std::string minutes;
    std::vector<MeetingDecision> decisions;
};

// The enterprise's own texts of a half-year report on the IA work (sintef-ia-2013 kap. 2.3.1: "1. Viktigste
// erfaring å dele med andre organisasjoner 2. Avvik fra plan for aktiviteter/oppfølging i egen
// organisasjon 3. Særlig vellykket aktivitet"), one per period (year, half), and the tillitsvalgt's
// sign-off (docs/domain.md, Roles and privacy: the tillitsvalgt sees every goal and the reports).
// Checks and commands: half_year.hpp; file format: docs/data-format.md ("half_year_reports").
struct HalfYearSignOff {
    std::string name;             // who signed (the tillitsvalgt)
    Date date;
};

struct HalfYearReport {
    int year = 0;
    int half = 1;                          // 1: January-June, 2: July-December
    std::string key_experience;            // "Viktigste erfaring å dele med andre"
    std::string deviations;                // the enterprise's comment on the deviations from the plan
    std::string successful_activity;       // GoalActivity::id (or empty)
    std::string successful_text;           // why it went well
    std::optional<HalfYearSignOff> signed_off; // cleared when the texts change (half_year.hpp)
};

// One line of the change log (when, which role, what), kept in the document so that it is
// saved with it; Document::apply/undo/redo write it (document.hpp). Newest last.
// A published sick-leave figure the organisation is compared with (benchmarks.hpp): the country's,
// a sector's or a bransjeprogram's percent for one quarter. The shipped table holds them; figures of
// a newer published table imported by the user are kept in the dataset (format 5), each with its source.
enum class BenchmarkCategory : uint8_t { land, sektor, bransje };
// What the percent counts: NAV's sykefraværsstatistikk is legemeldt only; SSB also publishes egen-
// og legemeldt together ("total" here).
enum class SickLeaveMeasure : uint8_t { legemeldt, total };

struct BenchmarkFigure {
    BenchmarkCategory category = BenchmarkCategory::land;
    std::string code;             // land: "" (Norge); sektor: sector id; bransje: bransjeprogram id
    SickLeaveMeasure measure = SickLeaveMeasure::legemeldt;
    int year = 0;
    int quarter = 0;              // 1..4
    double percent = 0;           // one decimal as published
    bool verify = false;          // not checked against the source: shown with a mark
    std::string source;           // where this figure comes from (URL, table, or the imported file)
    bool operator==(const BenchmarkFigure&) const = default;
};

struct ChangeLogEntry {
    int64_t unix_seconds = 0;
    std::string role;              // the role kind (access.hpp to_string: "hr", "manager", ...)
    std::string description;       // user-facing, e.g. "Endret organisasjonsnavn"
};

struct Dataset {
    Organisation organisation;
    std::vector<Unit> units;
    std::vector<Employee> employees;
    std::vector<Absence> absences;
    std::vector<MilestoneEvent> milestone_events;
    std::vector<Plan> plans;                          // follow-up plans (plan_model.hpp); optional in the file
    // the organisation's general list (sintef-ia-2013 kap. 5.9.1)
    std::vector<AdjustmentOption> adjustment_options;
    std::vector<Goal> goals;                  // IA goals (optional in the file)
    std::vector<GoalActivity> goal_activities;
    std::vector<IaMeeting> ia_meetings;
    std::vector<HalfYearReport> half_year_reports; // sorted by (year, half), one per period (optional in the file)
    std::vector<ChangeLogEntry> change_log;        // every change, oldest first (optional in the file); append-only
    // Comparison figures of newer published tables the user imported (format 5; optional in the file):
    // they replace the shipped figure of the same category, code, measure and quarter (benchmarks.hpp).
    // One per key, in sort_benchmarks order.
    std::vector<BenchmarkFigure> comparison_figures;
};


// Norwegian organisation number: 9 digits, weights 3 2 7 6 5 4 3 2, check digit 11 - (sum mod 11);
// a remainder giving 10 makes the number invalid, 11 means check digit 0.
bool is_valid_orgnr(std::string_view orgnr);
// 11 digits whose 10th and 11th are the control digits of the Folkeregister's modulus-11 rule
// (weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2; a remainder giving 10 is never valid). The
// date part is not checked: D-numbers, H-numbers and synthetic test numbers shift it.
bool is_valid_national_id(std::string_view id);
// An e-mail address as far as a form can tell (RFC 5321 limits): one '@' with text before it, a
// domain with a dot after it, no spaces or control characters, at most 254 bytes.
bool is_plausible_email(std::string_view address);

// Position share (percent / 100) of an employee on a day; 0 when not employed that day.
double position_share_on(const Employee& e, Date d);

// The unit the employee belonged to on day `d` (Employee::earlier_units, else the current unit).
const std::string& unit_on(const Employee& e, Date d);

const char* to_string(AbsenceKind k);   // "egenmelding" | "sykmelding"
const char* to_string(EventStatus s);   // "done" | "exempt"
// EndReason as stored: "uforetrygd" | "aap" | "alderspensjon" | "annen_jobb" | "utdanning" | "annet"
// (dropout.cpp); parse_end_reason takes exactly those codes.
const char* to_string(EndReason r);
std::optional<EndReason> parse_end_reason(std::string_view code);
std::string end_reason_codes();                        // "uforetrygd, aap, ..." for messages
const char* end_reason_label(EndReason r, bool english); // "Uføretrygd" / "Disability benefit", ...

} // namespace iadesk
