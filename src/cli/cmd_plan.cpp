// `iadesk plan FILE --employee ID [--case-start DATO] [--version N] [--today DATO]
//  [--format html|json|text]`: one follow-up plan (plans.hpp, docs/plans.md) as printable HTML, as
// JSON in the shape of NAV's API for HR systems (FollowUpPlanDTO), or as plain Norwegian text.
// Without --case-start the plan of the employee's latest case is shown; without --version the
// last version. --today is the print date of the HTML (default: today). Exit codes: 0 ok,
// 1 bad data or no such plan, 2 bad usage.
// --format json is the plan for NAV: the choices NAV's contract asks for are options
// (--send-to-nav, --needs-help-from-nav "what", --no-gp, --message-to-gp, --contact-phone,
// --contact-email); a plan NAV would refuse is not written, and every reason is printed (exit 1).
#include "cli/cli_util.hpp"

#include "iadesk/plans.hpp"

namespace iadesk::cli {
namespace {

const char* kUsage =
    "bruk: iadesk plan FIL --employee ID [--case-start DATO] [--version N] [--today DATO]\n"
    "                  [--format html|json|text]\n"
    "  html: utskriftsvennlig dokument (A4); json: NAVs felt for lønns- og personalsystemer\n"
    "  (lps-oppfolgingsplan-mottak, se docs/plans.md); text: ren tekst (standard).\n"
    "  json krever --contact-phone TLF --contact-email E-POST og eventuelt --send-to-nav,\n"
    "  --needs-help-from-nav \"hva dere trenger hjelp til\" (bare med --send-to-nav), --no-gp,\n"
    "  --message-to-gp TEKST. Fødselsnummeret er den ansattes (HR legger det inn).\n";

} // namespace

int cmd_plan(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "plan",
                    {"--employee", "--case-start", "--version", "--today", "--format", "--needs-help-from-nav",
                     "--message-to-gp", "--contact-phone", "--contact-email"},
                    {"--send-to-nav", "--no-gp"}, a, err))
        return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "plan", kUsage, err);
    if (!path) return 2;
    if (!a.values.count("--employee")) {
        err << "plan: mangler --employee ID\n" << kUsage;
        return 2;
    }
    const std::string employee = a.values.at("--employee");
    const std::string format = a.values.count("--format") ? a.values.at("--format") : "text";
    if (format != "html" && format != "json" && format != "text") {
        err << "plan: ukjent format «" << format << "» (html, json eller text)\n";
        return 2;
    }
    std::optional<Date> case_start;
    if (a.values.count("--case-start")) {
        case_start = date_option(a, "plan", "--case-start", std::nullopt, err);
        if (!case_start) return 2;
    }
    auto today = date_option(a, "plan", "--today", local_today(), err);
    if (!today) return 2;
    int version = 0;
    if (a.values.count("--version")) {
        const std::string& v = a.values.at("--version");
        if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos || v == "0") {
            err << "plan: --version må være et positivt heltall (var «" << v << "»)\n";
            return 2;
        }
        version = std::stoi(v);
    }
    int rc = 0;
    auto ds = load_dataset_file(*path, "plan", err, rc);
    if (!ds) return rc;

    const Plan* plan = nullptr;
    for (const Plan& p : ds->plans) {
        if (p.employee != employee) continue;
        if (case_start ? p.case_start == *case_start : (!plan || plan->case_start < p.case_start)) plan = &p;
    }
    if (!plan) {
        err << "plan: ingen oppfølgingsplan for ansatt «" << employee << "»";
        if (case_start) err << " med sykefravær fra " << format_norwegian(*case_start);
        err << "\n";
        return 1;
    }
    if (version > static_cast<int>(plan->versions.size())) {
        err << "plan: planen har " << plan->versions.size() << " versjon(er), ikke " << version << "\n";
        return 1;
    }
    PlanOutputOptions opt;
    opt.version = version;
    opt.today = *today;
    if (format == "html") out << plan_html(*ds, *plan, opt);
    else if (format == "json") {
        NavExportChoices choices;
        choices.send_to_nav = a.has("--send-to-nav");
        if (a.values.count("--needs-help-from-nav")) {
            choices.needs_help_from_nav = true;
            choices.help_description = a.values.at("--needs-help-from-nav");
        }
        choices.send_to_general_practitioner = !a.has("--no-gp");
        if (a.values.count("--message-to-gp")) choices.message_to_general_practitioner = a.values.at("--message-to-gp");
        if (a.values.count("--contact-phone")) choices.contact_phone = a.values.at("--contact-phone");
        if (a.values.count("--contact-email")) choices.contact_email = a.values.at("--contact-email");
        const NavPlanExport exp = plan_nav_export(*ds, *plan, opt, choices);
        if (!exp.ok()) {
            err << "plan: NAV ville avvist planen (" << exp.problems.size() << (exp.problems.size() == 1 ? " grunn" : " grunner")
                << "); ingenting er skrevet:\n";
            for (const Problem& p : exp.problems) err << "  " << p.field << ": " << p.message_nb << "\n";
            return 1;
        }
        out << exp.json;
    }
    else out << plan_text(*ds, *plan, opt);
    return 0;
}

} // namespace iadesk::cli
