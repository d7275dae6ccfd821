// plan_model: the plain data of follow-up plans (oppfølgingsplaner), docs/domain.md, Follow-up plan.
// Included by model.hpp (Dataset holds the plans); behaviour lives in plans.hpp.
//
// Contract
// - A Plan belongs to one sickness case: (employee, case_start), the same key as MilestoneEvent.
//   At most one Plan per case; it has one or more versions, oldest first.
// - Only the LAST version is a draft that may be edited, and only while it is not agreed by both
//   parties. Every earlier version is read-only, with who made it and when (created_by,
//   created). An update (e.g. at dialogmøte 1) is a new version, copied from the previous one or
//   started from a template.
// - Field names follow NAV's forms: the law's four parts (aml § 4-6; oxford-norce-sfs kap. 3.1.3: tasks, work
//   ability, measures at the workplace, next follow-up point) plus the parts of NAV's 2025 form and
//   its API for HR systems (navikt/syfo-oppfolgingsplan-frontend,
//   navikt/lps-oppfolgingsplan-mottak). JSON names in the dataset are the member names below
//   (docs/data-format.md, docs/plans.md).
// - No diagnosis field exists; free text is scanned by the diagnosis guard (plans.hpp).
#pragma once

#include "iadesk/calendar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace iadesk {

// NAV's old plan: KAN | TILRETTELEGGING | KAN_IKKE (navikt/oppfolgingsplan-frontend, konstanter.ts).
enum class TaskFeasibility { can, with_adjustment, cannot };
// NAV's old plan's measure status FORSLAG | AVTALT | IKKE_AKTUELT, plus gjennomført.
enum class MeasureStatus { forslag, avtalt, ikke_aktuelt, gjennomfort };

struct PlanTask {
    std::string description;      // the real task, e.g. "Løfte pasienter"
    TaskFeasibility feasibility = TaskFeasibility::can;
    std::string note;             // how (with adjustment) / why not
};

// A measure in the employer's own regi (tiltak i arbeidsgivers regi).
struct PlanMeasure {
    std::string description;
    std::string responsible;      // who does it (a name or a role)
    std::optional<Date> from;
    std::optional<Date> to;
    MeasureStatus status = MeasureStatus::forslag;
};

// A measure with help from NAV or the health services; `measure_id` links the measure
// catalogue (assets/measures, measures.hpp) when one fits, else it is empty (free text only).
struct HelpMeasure {
    std::string description;
    std::string measure_id;
};

struct PlanContent {
    std::string typical_workday;                 // Hvordan ser en vanlig arbeidsdag ut?
    std::vector<PlanTask> tasks;                 // vurdering av arbeidsoppgaver
    std::string work_ability;                    // vurdering av arbeidsevne
    std::vector<PlanMeasure> own_measures;       // tiltak i arbeidsgivers regi
    std::vector<std::string> adjustment_options; // ids of the organisation's general options attached
    std::vector<HelpMeasure> help_measures;      // tiltak med bistand fra NAV / helsetjenesten
    std::string other_adjustments;               // andre muligheter for tilrettelegging
    std::string follow_up;                       // hvordan følge opp (plan for videre oppfølging)
    std::optional<Date> evaluation_date;         // neste evaluering: after today, at most 1 year ahead
    std::optional<bool> employee_participated;   // nullopt = not answered yet
    std::string not_participated_reason;         // required when employee_participated == false
};

struct PlanVersion {
    int number = 1;               // 1, 2, ... in order
    Date created;                 // when this version was started
    std::string created_by;       // who started it (user-facing name or role)
    std::string origin;           // template id, "previous" (copied from version number-1) or ""
    PlanContent content;
    std::optional<Date> agreed_employee;   // the employee agreed (signed) on this date
    std::optional<Date> agreed_manager;    // the manager agreed on this date
    std::string manager_name;              // who agreed for the employer

    bool agreed() const { return agreed_employee.has_value() && agreed_manager.has_value(); }
};

// A line of the sharing log: the plan (a version) went to a recipient on a date by a channel.
struct PlanShare {
    Date date;
    std::string recipient;        // "sykmelder" | "nav" | "arbeidstaker" | "bht" | "annen"
    std::string channel;          // free text, e.g. "Altinn", "dialogmelding", "papir", "e-post"
    int version = 1;              // PlanVersion::number that was shared
};

// "Åpenbart unødvendig" (aml § 4-6): no plan is needed for this case, with a reason.
struct PlanExemption {
    Date date;
    std::string reason;
    std::string by;
};

struct Plan {
    std::string id;               // unique in the dataset, e.g. "P1"
    std::string employee;         // Employee::id
    Date case_start;              // SicknessCase::start
    std::vector<PlanVersion> versions;     // oldest first; may be empty only when exempted
    std::vector<PlanShare> shares;         // sharing log, in the order recorded
    std::optional<PlanExemption> exemption;

    const PlanVersion* current() const { return versions.empty() ? nullptr : &versions.back(); }
};

// One of the organisation's general adjustment options at the workplace (sintef-ia-2013 kap. 5.9.1:
// "en generell liste over muligheter for tilrettelegging på arbeidsplassen").
struct AdjustmentOption {
    std::string id;               // e.g. "A1"
    std::string text;             // e.g. "Hjemmekontor deler av uken"
};

} // namespace iadesk
