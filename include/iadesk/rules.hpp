// rules: follow-up regimes as data (docs/domain.md, Follow-up milestones), loaded from assets/rules/*.json.
//
// Contract
// - A RuleSet is parsed from a JSON text (layout: docs/rules.md); parse_rule_set never throws
//   and reports every problem with its JSON pointer. Adding a regime is adding a file; no milestone is hard-coded.
// - Due dates: `offset_days` counts from the case start S (due = S + offset_days; "within N weeks"
//   is S + 7N - 1, docs/domain.md, Cases and weeks), or `anchor` picks a date computed by the cases module
//   ("agp_end", "maksdato").
// - Applicability: "always"; "on_request" (no due date is enforced); "full_leave_else_on_request"
//   (required when the case is 100 % sick-listed on the due day, otherwise on request).
// - choose_rule_set picks the set whose [valid_from, valid_to] contains the case start; when
//   several match, the one with the latest valid_from wins. A case keeps that set when it runs
//   into the next regime (the deadlines started with the case), except that a milestone with
//   `abolished_from` is not due when its due date falls on or after that date: the duty no
//   longer existed then (the 9-week report, abolished from 1 July 2014 by Prop. 102 L
//   (2013-2014); docs/rules.md, docs/domain.md).
#pragma once

#include "iadesk/calendar.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

// informational: a date to know, not a task (the arbeidsgiverperiode ends, NAV assesses the
// aktivitetskrav, maksdato): never overdue; once its day has come it counts as done (passed).
enum class Applicability { always, on_request, full_leave_else_on_request, informational };
enum class DueAnchor { case_start, agp_end, maksdato };

struct MilestoneRule {
    std::string id;               // e.g. "oppfolgingsplan"
    std::string label_nb;
    std::string label_en;
    bool has_due = true;          // false: an "on_request" rule without a due date in its file
    DueAnchor anchor = DueAnchor::case_start;
    int offset_days = 0;          // added to the anchor
    std::string responsible;      // "arbeidsgiver" | "nav" | "arbeidstaker" | "sykmelder" ...
    Applicability applies = Applicability::always;
    std::string source;           // citation: law section, report id + chapter (docs/sources.md), NAV source
    std::optional<Date> abolished_from; // due on or after this day: not due (the duty was abolished)
};

struct RuleSet {
    std::string id;               // e.g. "current", "2011", "2007"
    std::string name_nb;
    std::string name_en;
    Date valid_from;
    std::optional<Date> valid_to; // inclusive
    bool verified = true;         // false: dates of the regime are VERIFY in docs/domain.md
    std::string note;             // free text for maintainers (e.g. what is VERIFY); may be empty
    std::string source;
    std::vector<MilestoneRule> milestones;

    const MilestoneRule* find(std::string_view milestone_id) const;
};

struct RuleProblem {
    std::string pointer;          // JSON pointer, e.g. "/milestones/3/offset_days"
    std::string message;          // English
};

struct RuleSetParse {
    std::optional<RuleSet> rule_set;
    std::vector<RuleProblem> problems;
};

RuleSetParse parse_rule_set(std::string_view json_text);

// Loads every rule set shipped in assets/rules (embedded at build time, see assets.hpp), sorted
// by valid_from. A file with problems is left out; its problems are appended to `problems` (when
// given) with pointers prefixed by the asset path, e.g. "rules/2011.json#/milestones/2/id".
// Problems in shipped files are programming errors and are reported on stderr by the caller.
std::vector<RuleSet> builtin_rule_sets(std::vector<RuleProblem>* problems = nullptr);

const RuleSet* choose_rule_set(const std::vector<RuleSet>& sets, Date case_start);

} // namespace iadesk
