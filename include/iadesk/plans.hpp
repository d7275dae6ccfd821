// plans: follow-up plans (oppfølgingsplaner) — checks, NAV's quality score with hints, the
// diagnosis guard, templates, the milestone events a plan implies, and the outputs (printable
// HTML, NAV's JSON shape, plain text). Data: plan_model.hpp. Docs: docs/plans.md.
//
// Contract
// - Nothing here throws or touches files; the templates and the diagnosis guard's word lists are
//   data (assets/plans/*.json, embedded), parsed once.
// - check_plan_content: every text field at most kPlanTextMax (2000) characters (Unicode code
//   points, NAV's TEXT_FIELD_MAX_LENGTH in navikt/syfo-oppfolgingsplan-frontend); the evaluation
//   date after `today` and at most one year ahead (today's date next year; 29 Feb -> 28 Feb); a
//   measure's `to` not before its `from`; a reason when the employee did not take part; task and measure
//   descriptions not empty. Problems name fields with the dataset's JSON names
//   ("tasks/0/note", "evaluation_date") and say what is wrong in bokmål and English.
// - plan_quality: NAV's score 1 + the number of the four legal parts answered (oxford-norce-sfs kap. 3.1.3):
//   (1) arbeidsoppgaver: a task with a description; (2) arbeidsevne: work_ability text;
//   (3) tiltak på arbeidsplassen: an own measure, an attached adjustment option or other
//   adjustments; (4) neste oppfølgingspunkt: a follow-up text or an evaluation date. A text
//   answers a part only with at least kAnsweredMinChars non-space characters ("-", "ok" do not).
//   Hints come in a fixed order: the real tasks and the adjustment options first (what doctors
//   and NAV miss most, sintef-ia-2013 kap. 5.9.1), then work ability, follow-up, and the NAV form's extras.
// - find_diagnosis_like: flags ICD-10 / ICPC-2-like codes (an upper-case letter, two digits,
//   optionally ".digits": F32, L03, R99, F32.1) standing as a word, and diagnosis words from the
//   data list. Not flagged (misses, by decision): a code joined to a word by a hyphen
//   ("L03-prosjektet", "F-skatt" has no digits anyway), a code after a place word ("rom B12",
//   "kontor C12"), European roads after a road word ("langs E18"), lower-case codes, and
//   longer alphanumerics ("F320", "AB12"). The guard warns; it never blocks: the app shows a hit
//   under the field as it is typed (every free-text field of the case and plan area), and the
//   printed plan says what the check found (diagnosis_check_statement_nb), never "no diagnosis".
// - plan_milestone_events: what a plan implies for the case's milestones (docs/domain.md, Follow-up
//   milestones): oppfolgingsplan done on the first sharing with the sykmelder (or exempt when the plan is
//   exempted, "åpenbart unødvendig", with its reason), rapport_nav_9uker done on the first
//   sharing with NAV, plan_til_nav done on the latest sharing with NAV. Sharing is only ever
//   added, so a later draft never takes a completed milestone back. schedule_open_cases and
//   schedule_case (milestones.hpp) add these to the recorded events.
#pragma once

#include "iadesk/commands.hpp"
#include "iadesk/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

inline constexpr std::size_t kPlanTextMax = 2000;
inline constexpr std::size_t kAnsweredMinChars = 10;

const char* to_string(TaskFeasibility f);  // "kan_utfores" | "kan_utfores_med_tilrettelegging" | "kan_ikke_utfores"
const char* to_string(MeasureStatus s);    // "forslag" | "avtalt" | "ikke_aktuelt" | "gjennomfort"
bool parse_feasibility(std::string_view s, TaskFeasibility& out);
bool parse_measure_status(std::string_view s, MeasureStatus& out);
const char* label_nb(TaskFeasibility f);   // "Kan utføres", "Kan utføres med tilrettelegging", ...
const char* label_en(TaskFeasibility f);
const char* label_nb(MeasureStatus s);     // "Forslag", "Avtalt", "Ikke aktuelt", "Gjennomført"
const char* label_en(MeasureStatus s);
const char* recipient_nb(std::string_view recipient); // "sykmelder" -> "Sykmelder", "nav" -> "NAV"

std::size_t utf8_length(std::string_view s); // code points (invalid bytes count one each)

// --- Checks -------------------------------------------------------------------------------------
std::vector<Problem> check_plan_content(const PlanContent& c, Date today);
// Only the text-length checks (the dataset format enforces these on load).
std::vector<Problem> check_plan_text_lengths(const PlanContent& c);

// Every text field of a plan content with its JSON name, in document order.
struct PlanTextField {
    std::string field;           // "typical_workday", "tasks/0/description", ...
    const std::string* text;
};
std::vector<PlanTextField> plan_text_fields(const PlanContent& c);

// --- Quality (NAV's score) ------------------------------------------------------------------------
struct QualityHint {
    std::string field;           // the part to fill in ("tasks", "adjustment_options", ...)
    std::string message_nb;
    std::string message_en;
};
struct PlanQuality {
    int score = 1;                    // 1..5
    bool tasks = false;               // the four legal parts answered
    bool work_ability = false;
    bool workplace_measures = false;
    bool follow_up = false;
    std::vector<QualityHint> hints;   // what is missing, most important first
};
PlanQuality plan_quality(const PlanContent& c);

// --- Diagnosis guard ------------------------------------------------------------------------------
struct DiagnosisHit {
    std::string field;           // JSON name of the field ("" for a bare text)
    std::size_t offset = 0;      // byte offset of the match in the text
    std::string match;           // the code or word as written
    bool code = false;           // a code (true) or a diagnosis word (false)
};
std::vector<DiagnosisHit> find_diagnosis_like(std::string_view text);
std::vector<DiagnosisHit> find_diagnosis_like(const PlanContent& c);
// Every free text a printed plan shows for version `version` (0 = the last): the version's content
// (fields as plan_text_fields), the texts of the adjustment options it attaches
// ("adjustment_options/A1"), the exemption's reason ("exemption/reason") and the sharing log's
// channels ("shares/0/channel"). Names (manager, author) are not scanned: a surname is no diagnosis.
std::vector<DiagnosisHit> find_diagnosis_like(const Dataset& ds, const Plan& p, int version);
// What a print says about that check, in bokmål: "Kontrollert for diagnosekoder og diagnoseord:
// ingen funnet." without hits, else "Advarsel: teksten kan inneholde helseopplysninger (...)."
// naming each hit once per part («F32» under Arbeidsevne). Never claims the plan has no diagnosis.
std::string diagnosis_check_statement_nb(const std::vector<DiagnosisHit>& hits);

// --- Templates -------------------------------------------------------------------------------------
struct PlanTemplate {
    std::string id;              // "physical", "office", "graded_return", "planned_treatment"
    std::string name_nb;
    std::string name_en;
    PlanContent content;         // dates are never set by a template
};
const std::vector<PlanTemplate>& plan_templates();
const PlanTemplate* find_plan_template(std::string_view id);

// --- Lookups -----------------------------------------------------------------------------------------
const Plan* find_plan(const Dataset& ds, std::string_view employee, Date case_start);
const Plan* find_plan(const Dataset& ds, std::string_view plan_id);
const AdjustmentOption* find_adjustment_option(const Dataset& ds, std::string_view id);

// --- Versions: which fields changed between two contents (for the version list) ---------------
// JSON names of the parts that differ ("typical_workday", "tasks", "evaluation_date", ...).
std::vector<std::string> changed_fields(const PlanContent& before, const PlanContent& after);
const char* field_label_nb(std::string_view field); // "tasks" -> "Arbeidsoppgaver"
const char* field_label_en(std::string_view field);

// --- Milestone events -------------------------------------------------------------------------------
std::vector<MilestoneEvent> plan_milestone_events(const Plan& p);

// --- Outputs -------------------------------------------------------------------------------------------
// `version` 0 = the current (last) version. All three show the same version.
struct PlanOutputOptions {
    int version = 0;
    Date today;                  // the print date
};
// A whole HTML5 document in bokmål: A4 print CSS, semantic headings, lists and tables, no script.
std::string plan_html(const Dataset& ds, const Plan& p, const PlanOutputOptions& opt);
// What the employer chooses when a plan goes to NAV, explicitly (NAV's LPS contract; docs/plans.md):
// nothing is guessed from the plan's content.
struct NavExportChoices {
    bool send_to_nav = false;                   // sendPlanToNav
    bool needs_help_from_nav = false;           // needsHelpFromNav: NAV opens a task for a caseworker
    std::string help_description;               // needsHelpFromNavDescription: required with help
    bool send_to_general_practitioner = true;   // aml § 4-6: the plan goes to the sykmelder
    std::string message_to_general_practitioner;
    std::string contact_phone, contact_email;   // the contact person's (the version's manager_name)
};
struct NavPlanExport {
    std::string json;                           // NAV's FollowUpPlanDTO, 2 spaces; only when ok()
    std::vector<Problem> problems;              // why NAV would refuse it, each naming its field
    bool ok() const { return problems.empty(); }
};
// The plan (version opt.version, 0 = the newest) as NAV's FollowUpPlanDTO (navikt/lps-oppfolgingsplan-
// mottak; mapping in docs/plans.md): required members always present, optional ones left out when
// empty (never null). Refused, with every reason, for an exempted case, a plan without a version, a
// missing or invalid fødselsnummer (HR's; other roles' copies have none), an unanswered
// participation or a missing reason, no evaluation date, a missing contact name, phone or e-mail,
// and NAV's own rules: help from NAV only when the plan is sent to NAV, and with a description.
NavPlanExport plan_nav_export(const Dataset& ds, const Plan& p, const PlanOutputOptions& opt, const NavExportChoices& c);
// Plain Norwegian text for the terminal.
std::string plan_text(const Dataset& ds, const Plan& p, const PlanOutputOptions& opt);

} // namespace iadesk
