// problems: every refusal iadesk gives (the dataset loader, the commands, the CSV imports) is a
// problem with a stable code and its arguments; its text in bokmål and English comes from ONE table
// (src/core/problem_text.cpp), so that a rule is worded once wherever it is enforced.
//
// Contract
// - problem_text(code, args) never throws and never aborts. A template's placeholders are {name};
//   a placeholder with no argument renders as "?" (a unit test renders every template with the
//   arguments its placeholders name, in both languages, and checks that both use the same ones).
// - Arguments are written per language: text from the data is cut to 40 characters with stray
//   bytes shown as "?"; integers plainly; numbers in their shortest form, with a decimal comma in
//   bokmål; dates dd.mm.yyyy in bokmål and yyyy-mm-dd in English; a label is a key of the label table
//   (field_label: "name" -> "Navnet" / "The name"), so a message can name the field it is about.
// - problem_id(code) is the code's stable text ("grade.range"), shown in the CLI's --json output
//   and usable by tests; it never changes once released (new rules get new codes).
#pragma once

#include "iadesk/calendar.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace iadesk {

enum class ProblemCode : uint16_t {
    // Values of any record
    required,              // {field} must be filled in
    text_too_long,         // {n} bytes, at most {max}
    text_too_many_chars,   // {n} characters, at most {max}
    date_out_of_range,     // {year}
    end_before_start,      // {to} before {from}
    date_before_case,      // {date} before the case start {start}
    date_in_future,        // {today}
    date_before,           // {date}: the earliest allowed
    number_not_finite,
    id_taken,              // {id} used by {other}
    id_fixed,              // {id}: ids cannot change
    record_gone,           // the record no longer exists
    // References
    unknown_unit,          // {id}
    unknown_employee,      // {id}
    unknown_goal,          // {id}
    unknown_activity,      // {id}
    unknown_option,        // {id}
    unknown_milestone,     // {id} {known}
    unknown_template,      // {id}
    unknown_meeting,       // {id}
    unknown_plan,          // {id}
    // Organisation, employees, employment
    orgnr_invalid,         // {orgnr}
    email_invalid,         // {email}
    naeringskode_invalid,  // {code} {standard}
    birth_year_range,      // {year}
    birth_date_year,       // {date} {year}
    national_id_invalid,
    egenmelding_days,      // {value}
    egenmelding_per_year,  // {value}
    egenmelding_no_limit,
    percent_range,         // {value}
    employment_required,
    employment_last,
    employment_missing,    // {n}
    employment_overlap,    // {period} {other}
    employment_unsorted,
    end_reason_open,       // a sluttårsak on a period without an end date
    unit_not_empty,        // {name} {n}
    unit_closed,           // {name} {date}
    unit_same,             // {name}
    unit_has_history,      // {name} {n}
    earlier_units_order,   // {date} {previous}
    move_date,             // {date} {earliest}
    // Absence and milestones
    grade_range,           // {value}
    grade_egenmelding,     // {value}
    absence_overlap,       // {period}
    absence_outside_employment, // {date} {period}
    exemption_reason,
    event_date_in_future,  // {date} {today}: a milestone marked done or exempt after today
    // IA goals, activities, meetings, half-year reports
    goal_period,
    goal_target_both,
    goal_change_range,     // {value}
    goal_unit_twice,       // {unit}
    goal_percent_range,    // {value}
    goal_period_twice,     // {period}
    goal_count_min,        // {value}
    decision_empty,
    half_year_year,        // {year}
    half_year_half,        // {half}
    half_year_twice,       // {period} {other}
    half_year_unsigned,    // {period}
    role_half_year_write,
    role_half_year_sign,
    // Follow-up plans
    plan_case_has_plan,
    plan_needs_version,
    plan_version_number,   // {n}
    plan_recipient,        // {value}
    plan_no_version,       // {n}
    plan_describe_task,
    plan_describe_measure,
    plan_measure_dates,    // {from}
    plan_evaluation_past,  // {today}
    plan_evaluation_far,   // {limit}
    plan_not_participated,
    plan_before_case,      // {start}
    plan_no_previous,
    plan_exempted,
    plan_draft_open,
    plan_empty,
    plan_version_agreed,
    plan_already_agreed,
    plan_share_unagreed,
    plan_exempt_has_plan,
    plan_already_exempt,
    // A plan exported for NAV (NAV's LPS contract, plans.hpp plan_nav_export)
    nav_exempted,
    nav_national_id_missing, // {name}
    nav_participation,
    nav_help_without_send,
    // Reading a file
    file_empty,
    input_too_large,       // {mb} {max}
    json_syntax,           // {line} {column} {detail}
    not_an_object,         // {actual}
    document_not_object,   // {actual}
    wrong_type,            // {expected} {actual}
    field_missing,         // {key}
    field_twice,           // {key}
    invalid_date,          // {value}
    not_an_integer,        // {value}
    integer_range,         // {lo} {hi} {value}
    period_invalid,        // {value}
    unknown_value,         // {value} {allowed}
    not_iadesk,            // {actual}
    format_newer,          // {version} {supported}
    format_invalid,        // {version} {supported}
    seconds_invalid,
    // CSV files: the encoding (csv.hpp), the reader, the imports (csv_import.hpp)
    csv_spreadsheet_file,
    csv_utf8_invalid,      // {byte} {position}
    csv_utf16_odd,
    csv_utf16_surrogate,   // {code} {position}
    csv_byte_undefined,    // {byte} {position}
    csv_control_byte,      // {code} {position}
    csv_nul_byte,          // {position}
    csv_mixed_encoding,    // {byte} {utf8_line}
    csv_quote_inside,      // {n}
    csv_text_after_quote,  // {n}
    csv_quote_unclosed,
    csv_file_empty,
    csv_no_employee_rows,
    csv_no_absence_rows,
    csv_column_missing,    // {column} {accepted}
    csv_column_twice,      // {column} {other}
    csv_field_count,       // {n} {header} {delimiter}
    csv_invalid_date,      // {value}
    csv_invalid_percent,   // {value}
    csv_invalid_birth_year, // {value}
    csv_invalid_grade,     // {value}
    csv_absence_kind,      // {value}
    csv_end_reason,        // {value} {allowed}
    csv_employee_exists,   // {id}
    csv_id_conflict,       // {line}
    csv_overlap_registered, // {period}
    csv_overlap_row,       // {line} {period}
    // Comparison figures (benchmarks.hpp)
    benchmark_percent_invalid, // {value}
    benchmark_figure_twice,    // {figure}
    count_                 // number of codes (not a code)
};

// One argument of a problem's text (see the contract above for how each kind is written).
struct ProblemArg {
    enum class Kind : uint8_t { text, integer, number, date, label, period };
    const char* name;
    Kind kind;
    std::string_view text{};  // text, label
    std::size_t max_chars = 40; // text: quoted at most this many characters
    long long integer = 0;
    double number = 0;
    Date date{};              // date; period: the first day
    Date last{};              // period: the last day, unless open
    bool open = false;        // period: no last day

    ProblemArg(const char* n, std::string_view v) : name(n), kind(Kind::text), text(v) {}
    ProblemArg(const char* n, const std::string& v) : name(n), kind(Kind::text), text(v) {}
    ProblemArg(const char* n, const char* v) : name(n), kind(Kind::text), text(v) {}
    ProblemArg(const char* n, int v) : name(n), kind(Kind::integer), integer(v) {}
    ProblemArg(const char* n, long long v) : name(n), kind(Kind::integer), integer(v) {}
    ProblemArg(const char* n, std::size_t v) : name(n), kind(Kind::integer), integer(static_cast<long long>(v)) {}
    ProblemArg(const char* n, double v) : name(n), kind(Kind::number), number(v) {}
    ProblemArg(const char* n, Date v) : name(n), kind(Kind::date), date(v) {}
    // Text written by the program itself (a parser's message) that may quote a little of the data.
    static ProblemArg detail(const char* n, std::string_view v) {
        ProblemArg a(n, v);
        a.max_chars = 200;
        return a;
    }
    static ProblemArg label(const char* n, std::string_view key) {
        ProblemArg a(n, key);
        a.kind = Kind::label;
        return a;
    }
    // "01.01.2026–31.03.2026" / "(åpen)" in bokmål, "2026-01-01 to 2026-03-31" / "(open)" in English.
    static ProblemArg period(const char* n, Date from, std::optional<Date> to) {
        ProblemArg a(n, from);
        a.kind = Kind::period;
        a.open = !to;
        if (to) a.last = *to;
        return a;
    }
};

struct ProblemText {
    std::string nb;
    std::string en;
};

// A problem found in one record or edit: the field it is about (the file's JSON names, relative to
// the record: "grade", "employment/0/percent"; "" = the record as a whole), the code and the text.
struct Problem {
    std::string field;
    std::string message_nb;
    std::string message_en;
    ProblemCode code = ProblemCode::count_; // count_: a problem not yet given a code (none in the core)
};

Problem make_problem(std::string field, ProblemCode code, std::initializer_list<ProblemArg> args = {});

ProblemText problem_text(ProblemCode code, std::initializer_list<ProblemArg> args = {});
std::string_view problem_id(ProblemCode code);

// The table, for tests and documentation: one entry per code, in the enum's order.
struct ProblemTemplate {
    ProblemCode code;
    std::string_view id;
    std::string_view nb;
    std::string_view en;
};
std::span<const ProblemTemplate> problem_templates();

// "name" -> {"Navnet", "The name"}; an unknown key gives the key itself in both languages.
ProblemText field_label(std::string_view key);

} // namespace iadesk
