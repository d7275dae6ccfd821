// What the `iadesk measures` files share: measures_cmd.cpp (search, show, dispatch) and
// measures_fit.cpp (the case a measure is checked against - facts from flags or from a dataset
// file - the honest verdict, and suggest). Internal to src/cli.
#pragma once

#include "cli/commands.hpp"

#include "iadesk/calendar.hpp"
#include "iadesk/measures.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace iadesk::cli::measures_cli {

namespace ms = iadesk::measures;
// ordered_json keeps the documented key order ({id, name, score, current, ...}).
using json = nlohmann::ordered_json;

extern const char* const kUsage;

std::string dump(const json& j);
double round2(double v);
std::optional<int> parse_int(const std::string& s); // digits only, at most 9

// The case options of `show` and `suggest`: the fact flags (--week, --grade, --months, --plan,
// --own-measures, --bht, --ia, --employer), --data FILE (suggest also takes FILE as its argument),
// --employee ID and --today DATE.
struct CaseOptions {
    ms::EligibilityContext facts; // from the flags; they override what the file says
    std::string file, employee, today_text;
    bool given() const;           // any fact flag, or a file
};
// When args[i] is a case option, reads it and its value (advancing i) and returns 1; returns 0
// when it is not one, 2 after writing a message naming the option and the bad value.
int read_case_option(const Args& args, std::size_t& i, const char* verb, CaseOptions& o, std::ostream& err);

// The context a measure is evaluated in, and (file form) whose case it is.
struct CaseContext {
    ms::EligibilityContext ctx;
    bool from_file = false;
    std::string employee_id, employee_name;
    std::optional<Date> today, case_start;
};
// From FILE, --employee and --today (the employee's case open on that day and the organisation;
// flags override single facts), or from the flags alone. nullopt: a message was written and
// `exit_code` set (1 unknown employee or invalid dataset, 2 bad usage or unreadable file).
std::optional<CaseContext> resolve_case(const CaseOptions& o, const char* verb, std::ostream& err, int& exit_code);

// "Passer" / "Kan passe – sjekk: A; B" / "Passer ikke: A (her: ...)".
std::string verdict_text(const ms::Eligibility& e);
// {verdict, verdict_text, failed: [{condition, detail}], to_check: [{condition, checkable, missing}]}
json eligibility_json(const ms::Eligibility& e);
// One line per failed or unknown condition: what the case shows, what is missing, or that
// iadesk has no check for it.
void print_findings(const ms::Eligibility& e, const std::string& indent, std::ostream& out);

int cmd_suggest(const ms::Catalogue& c, const Args& args, std::ostream& out, std::ostream& err);

} // namespace iadesk::cli::measures_cli
