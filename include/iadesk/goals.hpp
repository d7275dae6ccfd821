// goals: IA agreement goals measured against the organisation's own data (docs/domain.md, IA goals;
// the model, the formulas and the projection are documented in docs/goals.md).
//
// Contract
// - Agreements and their goal areas (delmål) are data: assets/ia/*.json, parsed by
//   parse_agreement (never throws; every problem with its JSON pointer). A goal's `area` is an
//   area id of a built-in agreement ("ia2010.delmal1") or, when it is none, a custom area whose
//   name is the text itself.
// - Result progress = (baseline − current) / (baseline − target) for a falling metric (sick
//   leave), mirrored for a rising one; never below 0 (it may exceed 1 past the target). Worked
//   check (sintef-ia-2013 kap. 5.5): baseline 7,0, target 5,6, current 6,0 -> 71,4 % of the way and a
//   14,3 % reduction. Progress is computed from the figures as shown (one decimal).
// - The sick-leave metric is computed with stats.hpp from the whole document for the
//   organisation or the chosen units. A quarterly baseline is compared with the latest complete
//   quarter of the same number (seasonality, sintef-ia-2013 kap. 5.5); an annual baseline with the last
//   four complete quarters (a rolling year).
// - The drop-out metric (dropout.hpp: the share of a year's persons who left to uføretrygd or AAP;
//   lower is better) is per calendar year: the baseline period's year against the last complete
//   year before today's; the series and the projection's points are the years from the baseline
//   (at most the last five), projected to the deadline's year. Masked by dropout_figure.
// - Masking (stats.hpp; docs/domain.md): the organisation's and a unit's figure are those of the
//   period's protected table (compute_stats_table), so a goal never shows what the statistics
//   view withholds. A set of several units is shown only when it adds nothing to that table:
//   none of its units is withheld, or it holds every withheld unit that has people; and its own
//   largest quarterly head-count reaches kMaskBelow. mask_reason says why (small_group wins).
//   A role that may not see the statistics of the group (may_see_statistics) gets no figures
//   either. Without figures there is no progress and the status is `unknown`.
// - Projection: the least-squares line through the last (up to five) seasonally neutral points
//   (rolling four-quarter sick leave; for a recorded metric its last values), extended to the
//   final comparison period before the deadline. Status: nådd when the current value meets the
//   target; etter when the deadline has passed; otherwise i rute when the projection meets the
//   target, risiko when it gets at least half way, etter below that. Without a projection (fewer
//   than two points) the progress is compared with the share of the time elapsed.
// - Activity goals: progress = fullført / planned (planned = every activity not avbrutt). Nådd
//   when the criterion is met (count: at least that many fullført; date: every planned activity
//   fullført), etter after the deadline or criterion date, risiko while an activity is past its
//   planned date, else i rute.
// - Verifiability: a result goal needs a baseline, a target and a deadline; an activity goal a
//   measurable criterion (count or date) and a deadline. Otherwise it is flagged "ikke
//   etterprøvbart" (with the reasons) and its status is `unknown`.
// - IA meetings: a meeting counts towards the two a year (sintef-ia-2013 kap. 8.12.1) when a leader and a
//   tillitsvalgt or verneombud attend. Every year from the first meeting's (or today's) year to
//   today's year is listed; a year with fewer than two counting meetings (held or, this year,
//   planned) is marked below good practice. Never a warning: since 2019 IA meetings are a choice of
//   the parties, not a legal duty (docs/goals.md, "Good practice, not duties").
// - Everything here is pure and O(goals x quarters x dataset); evaluate_goals makes about 25
//   statistics passes over the dataset, whatever the number of goals.
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

// --- Agreements and goal areas (assets/ia/*.json) ----------------------------------------------
struct GoalArea {
    std::string id;               // "ia2010.delmal1"
    std::string code;             // "1", "2a", ...
    std::string name_nb, name_en;
    std::string duty_nb, duty_en; // what the agreement asks of the enterprise
    bool result_goals = false;    // the area asks for resultatmål
    bool activity_goals = false;  // ... for aktivitetsmål
    std::optional<GoalPeriod> reference_period; // the national reference, when the agreement has one
    std::optional<double> reference_value;
    std::optional<double> target_change;        // e.g. -20 (percent of the reference)
    std::optional<double> target_value;
    std::string source;
};

struct IaAgreement {
    std::string id;               // "ia2010"
    std::string name_nb, name_en;
    int from_year = 0, to_year = 0; // 0 = not a dated agreement (custom areas)
    bool custom = false;          // areas suggested for the enterprise's own goals
    std::string note;             // e.g. what is VERIFY
    std::string source;
    std::vector<GoalArea> areas;
};

struct AgreementProblem {
    std::string pointer;
    std::string message;          // English (maintainers' files)
};

struct AgreementParse {
    std::optional<IaAgreement> agreement;
    std::vector<AgreementProblem> problems;
};

AgreementParse parse_agreement(std::string_view json_text);
// All of assets/ia/*.json, dated agreements by from_year, custom areas last (parsed once).
const std::vector<IaAgreement>& builtin_agreements();
const GoalArea* find_area(std::string_view area_id);          // nullptr: a custom area
const IaAgreement* agreement_of_area(std::string_view area_id);
// The agreement a new goal is made under on `today`: the dated agreement in force that year (the
// latest to start when two overlap), else the latest that started before it (the years between two
// agreements, or after the last one known); nullptr only when no dated agreement started yet.
// Goals keep the agreement of their area for good: this only picks what a new organisation sees first.
const IaAgreement* agreement_in_force(Date today);
std::string area_label(std::string_view area_id, bool english); // the area's name or the custom text

// --- Periods -------------------------------------------------------------------------------------
std::string format_period(GoalPeriod p);                 // "2026-Q2", "2018"
std::optional<GoalPeriod> parse_period(std::string_view text); // "2026-Q2", "2026-q2", "2018"; years 1900-2200
std::string period_label(GoalPeriod p, bool english);    // "2. kvartal 2026" / "Q2 2026", "2018"
Date period_first(GoalPeriod p);
Date period_last(GoalPeriod p);
double quarter_index(GoalPeriod p); // quarters since year 0 (Y*4 + q-1); a whole year counts at its middle (Y*4 + 1,5)

const char* to_string(GoalKind k);       // "result" | "activity"
const char* to_string(GoalMetric m);     // "sick_leave" | "recorded" | "dropout"
const char* to_string(ActivityStatus s); // "planlagt" | "pågår" | "fullført" | "avbrutt"
const char* to_string(MeetingRole r);    // "leder" | "tillitsvalgt" | "verneombud" | "hr" | "bht" | "nav" | "annen"
std::optional<ActivityStatus> parse_activity_status(std::string_view s); // also "pagar", "fullfort"
std::optional<MeetingRole> parse_meeting_role(std::string_view s);
std::string activity_status_codes(); // "planlagt, pågår, fullført, avbrutt": what a message lists as allowed
std::string meeting_role_codes();

// --- Formulas ----------------------------------------------------------------------------------------
// (baseline − current) / (baseline − target) as a fraction, never below 0; nullopt when
// baseline == target. Works for rising metrics too (both differences change sign).
std::optional<double> result_progress(double baseline, double target, double current);
// (baseline − current) / baseline as a fraction (0,143 for 7,0 -> 6,0); nullopt when baseline is 0.
std::optional<double> relative_reduction(double baseline, double current);
// The target value of a goal for a baseline: target_value, or baseline x (1 + change / 100),
// rounded to one decimal (7,0 and -20 -> 5,6).
std::optional<double> goal_target(const Goal& g, std::optional<double> baseline);

enum class GoalStatus { reached, on_track, at_risk, behind, unknown };
const char* to_string(GoalStatus s);     // "nådd" | "i rute" | "risiko" | "etter" | "ukjent"
const char* status_label_en(GoalStatus s); // "reached" | "on track" | "at risk" | "behind" | "unknown"

// Least squares over (x, y); nullopt with fewer than two distinct x.
struct Line {
    double slope = 0;
    double intercept = 0;
    double at(double x) const { return intercept + slope * x; }
};
std::optional<Line> fit_line(const std::vector<std::pair<double, double>>& points);

// --- Evaluation ----------------------------------------------------------------------------------
struct MetricPoint {
    GoalPeriod period;
    std::optional<double> value;  // one decimal; nullopt: masked or no data
    bool masked = false;
    MaskReason mask_reason = MaskReason::none;
};

struct Projection {
    std::vector<std::pair<double, double>> points; // (quarter index, value) the line was fitted to
    double slope_per_quarter = 0;
    GoalPeriod final_period;      // the period compared at the deadline
    double value = 0;             // projected value there (one decimal)
    std::optional<double> progress; // projected progress there
};

struct Flag {
    std::string nb, en;
};

// A warning for the goal form: a target_change that points the wrong way for the metric (+20 % on
// sick leave), or a target the baseline already meets (the goal becomes a limit goal); nullopt
// when neither. Activity goals: always nullopt.
std::optional<Flag> target_warning(const Goal& g, std::optional<double> baseline);

struct GoalEvaluation {
    const Goal* goal = nullptr;
    bool verifiable = true;
    std::vector<Flag> not_verifiable;      // why it is not (empty when verifiable)
    // Result goals
    std::optional<double> baseline;
    std::optional<double> target;
    std::optional<double> current;
    std::optional<GoalPeriod> baseline_period;
    std::optional<GoalPeriod> current_period; // for a rolling year: its last quarter
    bool current_rolling = false;          // current is the last four quarters
    // A limit goal: the baseline already meets the target ("under 8 %" from 4 %), so the goal is to
    // stay within it. It has no progress (a share of a way that is not there; 445 % before), and
    // its status says whether the current value and the projection are within the limit.
    bool limit = false;
    std::optional<double> progress;        // fraction >= 0; nullopt for a limit goal
    std::optional<double> reduction;       // relative change baseline -> current (positive = lower)
    bool masked = false;                   // a figure was withheld (stats.hpp masking)
    MaskReason mask_reason = MaskReason::none; // small_group when any figure was small
    bool no_access = false;                // the role may not see this group's statistics
    std::vector<MetricPoint> series;       // per quarter (sick leave) or as recorded
    std::optional<Projection> projection;
    // Activities (any goal may have them)
    int activities_planned = 0;            // not avbrutt
    int activities_done = 0;
    int activities_cancelled = 0;
    int activities_overdue = 0;            // planned date passed, not fullført
    std::optional<double> activity_progress; // done / planned
    GoalStatus status = GoalStatus::unknown;
    Flag reason;                           // one sentence: why this status
};

struct AreaSummary {
    std::string area;                      // area id (or custom text)
    std::string code;                      // "1", "2a", ... ("" for custom)
    int goals = 0, result_goals = 0, activity_goals = 0;
    int reached = 0, on_track = 0, at_risk = 0, behind = 0, unknown = 0;
    int not_verifiable = 0;
    int activities_planned = 0, activities_done = 0;
    std::optional<double> mean_progress;   // mean result progress of the goals that have one
};

struct MeetingYear {
    int year = 0;
    int held = 0;                          // counting meetings on or before today
    int planned = 0;                       // counting meetings after today
    int not_counting = 0;                  // meetings without both a leader and a tillitsvalgt
    bool below_good_practice = false;      // held + planned < 2 (not a duty: see above)
};

struct GoalsOverview {
    Date today;
    std::vector<GoalEvaluation> goals;     // in the dataset's order
    std::vector<AreaSummary> areas;        // in the order of the built-in areas, custom areas last
    std::vector<MeetingYear> meeting_years;
    GoalPeriod last_complete_quarter;
};

// Evaluates every goal of `ds` (the whole document, not a role-filtered copy: the statistics need
// all absences) for `role`'s eyes. Pointers in the result point into `ds`.
GoalsOverview evaluate_goals(const Dataset& ds, Date today, const Role& role = Role::hr());
// Only the meeting years (cheap).
std::vector<MeetingYear> meeting_years(const Dataset& ds, Date today);
bool meeting_counts(const IaMeeting& m); // a leader and a tillitsvalgt or verneombud attend

// The verifiability flags of one goal on its own.
std::vector<Flag> verifiability_flags(const Goal& g);

// --- Reports (printable HTML: A4, semantic headings, print CSS) -------------------------------------
// The action plan (sintef-ia-2013 kap. 3.2.1): per area its goals, the activities with who does what and
// when, the timeline, and the status.
std::string action_plan_html(const Dataset& ds, const GoalsOverview& ov);

// The texts shown in the report: the stored HalfYearReport of the period (model.hpp), or one made
// on the spot (tests, previews).
using HalfYearInput = HalfYearReport;
// The half-year report (sintef-ia-2013 kap. 2.3.1): key experience, deviations from plan (activities planned
// in the half-year not fullført, avbrutt, or done late; goals at risk or behind), the most
// successful activity; plus the goals' figures and the IA meetings of the half-year.
// The footer says "Gjennomgått med tillitsvalgt: <navn>, dd.mm.åååå" or "Ikke gjennomgått med
// tillitsvalgt".
std::string half_year_report_html(const Dataset& ds, const GoalsOverview& ov, const HalfYearInput& in);
// The same with the texts stored for (year, half) in ds.half_year_reports (empty texts when none).
std::string half_year_report_html(const Dataset& ds, const GoalsOverview& ov, int year, int half);

} // namespace iadesk
