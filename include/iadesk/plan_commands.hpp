// plan_commands: checked edits of follow-up plans (plan_model.hpp), in the style of commands.hpp.
//
// Contract
// - Every builder checks first and returns either a Command or problems by field (JSON names of
//   plan_model.hpp, "content/evaluation_date", "agreed_employee", ...) in bokmål and English;
//   it never throws. undo restores the exact previous state (the whole plan, or the plan list).
// - A command is valid for the dataset it was built from (Document's linear history).
// - Versions: only the last version may be edited, and only until both parties agreed; an
//   update is a new version (new_plan_version) started from a template, from the previous
//   version ("previous") or empty (""), and is refused while the last version is still a draft
//   (edit that draft instead). Earlier versions are never changed by any command.
// - Sharing needs an agreed version; the sharing log and the exemption drive the case's
//   milestones (plans.hpp, plan_milestone_events).
// - An exemption ("åpenbart unødvendig") needs a reason and is refused when the case already
//   has a plan with a version (as NAV's backend refuses an unntak when a plan or draft exists).
// - The diagnosis guard does not block a command: the editor warns under the field as it is typed
//   and the print says what the check found (plans.hpp).
#pragma once

#include "iadesk/commands.hpp"
#include "iadesk/plans.hpp"

#include <string>
#include <string_view>

namespace iadesk {

// "P" + (largest numeric suffix among plan ids + 1): "P1", "P2", ...
std::string next_plan_id(const Dataset& ds);

// Starts the case's plan (version 1) or a new version of it. `origin`: a template id
// (plan_templates()), "previous" (copy of the last version; needs one) or "" (empty).
// The employee must exist; `today` is the version's creation date.
CommandResult new_plan_version(const Dataset& ds, std::string_view employee, Date case_start,
                               std::string origin, std::string created_by, Date today);

// Replaces the content of the plan's draft (its last version). merge_key "plan:<id>", so typing
// is one undo step. Checks check_plan_content(content, today) and the adjustment option ids.
CommandResult edit_plan_draft(const Dataset& ds, std::string_view plan_id, PlanContent content, Date today);

// "Marker enige": both parties agreed on the last version (dates not in the future, not before
// the version was created; the manager's name is required; the content passes its checks).
CommandResult mark_plan_agreed(const Dataset& ds, std::string_view plan_id, Date employee_date,
                               Date manager_date, std::string manager_name, Date today);

// Logs a sharing of an agreed version (`share.version`, 0 = the last) to a recipient
// ("sykmelder", "nav", "arbeidstaker", "bht", "annen") on a date not in the future.
CommandResult log_plan_share(const Dataset& ds, std::string_view plan_id, PlanShare share, Date today);

// No plan needed for this case ("åpenbart unødvendig", aml § 4-6), with a reason.
CommandResult exempt_plan(const Dataset& ds, std::string_view employee, Date case_start, std::string reason,
                          std::string by, Date today);

// The organisation's list of general adjustment options: add (fresh id "A<n>") or change the text.
CommandResult add_adjustment_option(const Dataset& ds, std::string text);
CommandResult update_adjustment_option(const Dataset& ds, std::string_view id, std::string text);

} // namespace iadesk
